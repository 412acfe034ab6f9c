"""The plan engine's decisions, tested once: the browser and `stride plan` both run this engine."""

from __future__ import annotations

import copy

import pytest

from generator.plans.engine import make_plan
from generator.plans.profile import profile_data
from generator.schema.urgency import stated_urgencies


def titles(plan: dict) -> list[str]:
    return [d["title"] for d in plan["drills"]]


def dropped(plan: dict) -> dict[str, str]:
    return {d["title"]: d["reason"] for d in plan["dropped"]}


def example(shipped, ident: str) -> dict:
    return profile_data(shipped.kb.items[("runner", ident)].model)


def test_distance_runner_with_weak_glutes_gets_single_leg_strength_with_traced_reasons(shipped, plan_data):
    plan = make_plan(plan_data, example(shipped, "distance-runner-weak-glutes"))
    assert plan["status"] == "plan"
    assert titles(plan)[:3] == ["Single-leg bridge", "Single-leg Romanian deadlift", "Step-up"]
    assert plan["drills"][0]["reasons"] == [
        "Single-leg bridge test: One side manages clearly fewer good repetitions → Left-right asymmetry → Single-leg bridge"]
    assert plan["drills"][0]["dose"] == "3 sets of 10 reps each side"
    assert plan["total_minutes"] <= 25
    assert plan["retest_on"] == "2026-04-13"  # six weeks after 2 March
    assert plan["warm_up"]["title"] == "Dynamic warm-up routine"
    assert [z["colour"] for z in plan["pain_zones"]] == ["green", "amber", "red"]


def test_sprinter_with_tight_calves_gets_calf_work_the_sprint_dose_and_low_impact_conditioning(shipped, plan_data):
    plan = make_plan(plan_data, example(shipped, "sprinter-tight-calves"))
    assert plan["status"] == "plan"
    assert titles(plan)[0] == "Bent-knee calf raise (single leg)"
    assert plan["drills"][0]["dose"] == "2 sets of 15 reps each side"  # the sprint rule's dose change wins (priority 1)
    assert {"Soleus stretch", "Knee-to-wall mobilisation"} <= set(titles(plan))
    assert any("low-impact conditioning" in advice for advice in plan["advice"])


def test_a_measured_value_within_measurement_error_does_not_count_as_a_finding(shipped, plan_data, runner):
    runner["measured"] = {"knee-to-wall-test/one-side-shorter": 1.5}
    assert make_plan(plan_data, runner)["findings"] == []
    runner["measured"] = {"knee-to-wall-test/one-side-shorter": 2.5}
    plan = make_plan(plan_data, runner)
    assert [f["ref"] for f in plan["findings"]] == ["knee-to-wall-test/one-side-shorter"]
    assert titles(plan)[0] == "Knee-to-wall mobilisation"


def test_a_dropping_hip_gets_hip_strength_and_the_session_cap_drops_the_lowest_priorities(shipped, plan_data):
    plan = make_plan(plan_data, example(shipped, "hip-drops-each-stride"))
    assert plan["status"] == "plan"
    priorities = [d["priority"] for d in plan["drills"]]
    assert priorities == sorted(priorities)
    assert plan["total_minutes"] <= 20
    kept_worst = max(priorities)
    assert dropped(plan), "the 20-minute session cannot hold every drill"
    for reason in dropped(plan).values():
        assert reason.startswith(("Does not fit", "Session cap"))
    assert "Contralateral pelvic drop" in plan["drills"][0]["reasons"][0]
    assert kept_worst <= 3


def test_the_drill_count_cap_comes_from_the_policy(plan_data, runner):
    runner["minutes_per_session"] = 120
    runner["findings"] = ["running-video-analysis/hip-dips", "single-leg-squat-test/knee-drifts-in",
                          "single-leg-squat-test/trunk-leans"]
    plan = make_plan(plan_data, runner)
    assert len(plan["drills"]) == plan_data["policy"]["max_drills"]
    assert any(r.startswith("Session cap: at most 4 drills") for r in dropped(plan).values())


def test_a_red_flag_turns_the_plan_into_a_referral_with_the_script_and_urgency_from_the_data(shipped, plan_data):
    plan = make_plan(plan_data, example(shipped, "refer-first-shin-pain"))
    assert plan["status"] == "refer-first"
    assert plan["drills"] == [] and plan["warm_up"] is None
    first = plan["referrals"][0]
    flag = next(f for f in plan_data["injuries"]["tibial-bone-stress-injury"]["flags"] if f["ref"].endswith("/focal-bone-pain"))
    assert (first["kind"], first["who"], first["urgency"]) == ("red flag", flag["who"], flag["urgency"])
    assert plan["script"]["title"] == "Recommending a referral without alarm"


def test_a_refer_first_plan_states_urgency_only_from_the_data(shipped, plan_data):
    """The script's general advice is shown, never its scenario lines, which may name another urgency."""
    plan = make_plan(plan_data, example(shipped, "refer-first-shin-pain"))
    script = plan["script"]
    words = " ".join([*script["do"], *script["dont"], script["teach_back"]])
    assert stated_urgencies(words) == []
    assert "lines" not in script


def test_a_current_injury_not_yet_seen_by_a_clinician_means_refer_first(plan_data, runner):
    runner["findings"] = ["running-video-analysis/hip-dips"]
    runner["injury"] = {"id": "gluteal-tendinopathy", "under_care": False}
    plan = make_plan(plan_data, runner)
    assert plan["status"] == "refer-first"
    assert {r["kind"] for r in plan["referrals"]} == {"current injury"}
    injury = plan_data["injuries"]["gluteal-tendinopathy"]
    expected = sorted(injury["referrals"], key=lambda r: r["rank"])
    assert [(r["who"], r["urgency"], r["when"]) for r in plan["referrals"]] == [
        (r["who"], r["urgency"], r["when"]) for r in expected]
    assert [r["rank"] for r in plan["referrals"]] == sorted(r["rank"] for r in plan["referrals"])


def test_a_drill_the_runners_injury_says_to_avoid_is_dropped_with_the_reason(plan_data, runner):
    runner["findings"] = ["running-video-analysis/hip-dips", "single-leg-squat-test/knee-drifts-in"]
    runner["injury"] = {"id": "gluteal-tendinopathy", "under_care": True}
    plan = make_plan(plan_data, runner)
    assert plan["status"] == "plan"
    assert "Side-lying hip abduction" not in titles(plan)
    reason = dropped(plan)["Side-lying hip abduction"]
    assert reason.startswith("Avoid with Gluteal tendinopathy: Lying on the side squeezes")


def test_no_drill_the_injury_avoids_or_modifies_is_ever_suggested(plan_data, runner):
    every = sorted({ref for rule in plan_data["rules"] for ref in rule["when"]
                    if not (rule["refer_flags"] or rule["refer_to"])})
    runner["minutes_per_session"] = 120
    runner["findings"] = every
    for injury in plan_data["injuries"]:
        runner["injury"] = {"id": injury, "under_care": True}
        plan = make_plan(plan_data, runner)
        for drill in plan["drills"]:
            assert injury not in plan_data["drills"][drill["id"]]["cautions"], (injury, drill["id"])


def test_a_rule_left_out_with_the_injury_is_shown_as_dropped(plan_data, runner):
    data = copy.deepcopy(plan_data)
    rule = next(r for r in data["rules"] if r["id"] == "knee-drifts-in")
    rule["not_with"] = ["patellofemoral-pain"]
    runner["findings"] = ["single-leg-squat-test/knee-drifts-in"]
    runner["injury"] = {"id": "patellofemoral-pain", "under_care": True}
    plan = make_plan(data, runner)
    assert plan["drills"] == []
    rule_drops = {reason for title, reason in dropped(plan).items() if not title.endswith("(warm-up)")}
    assert rule_drops == {"Left out with Patellofemoral pain (rule 'knee-drifts-in')"}  # the warm-up: its lunges


def test_a_warm_up_whose_step_is_a_drill_to_avoid_is_left_out_with_that_drills_reason(plan_data, runner):
    """The warm-up's steps include pogo hops, which a tibial bone stress injury must avoid."""
    runner["findings"] = ["running-video-analysis/low-cadence"]
    runner["injury"] = {"id": "tibial-bone-stress-injury", "under_care": True}
    plan = make_plan(plan_data, runner)
    assert plan["status"] == "plan" and plan["warm_up"] is None
    assert dropped(plan)["Dynamic warm-up routine (warm-up)"] == (
        "Avoid with Tibial bone stress injury: One of its steps is Pogo hops: Hopping loads the healing bone: only in "
        "the last stage of a return to running that the clinician has cleared, never to test a sore bone.")
    assert "pogo-hops" not in {d["id"] for d in plan["drills"]}


def test_without_equipment_the_plan_uses_the_no_equipment_options(plan_data, runner):
    runner["findings"] = ["single-leg-bridge-test/one-side-fewer"]
    runner["equipment"] = []
    plan = make_plan(plan_data, runner)
    step_up = next(d for d in plan["drills"] if d["title"] == "Step-up")
    assert step_up["without_equipment"] == plan_data["drills"]["step-up"]["no_equipment"]
    runner["equipment"] = ["step"]
    with_step = next(d for d in make_plan(plan_data, runner)["drills"] if d["title"] == "Step-up")
    assert with_step["without_equipment"] is None


def test_a_drill_with_no_version_without_equipment_is_dropped_when_the_runner_lacks_it(plan_data, runner):
    data = copy.deepcopy(plan_data)
    data["drills"]["step-up"]["no_equipment"] = None
    runner["findings"] = ["single-leg-bridge-test/one-side-fewer"]
    runner["equipment"] = ["none"]
    plan = make_plan(data, runner)
    assert "Step-up" not in titles(plan)
    assert dropped(plan)["Step-up"].startswith("Needs a step")


def test_pain_in_the_red_zone_refers_first_with_the_policys_referral(plan_data, runner):
    runner["pain"] = {"score": 7, "where": "right knee"}
    plan = make_plan(plan_data, runner)
    assert plan["status"] == "refer-first"
    assert plan["referrals"][0]["title"] == "Pain 7 out of 10 (right knee)"
    assert plan["referrals"][0]["who"] == "Physiotherapist"


def test_the_care_team_note_follows_the_documenting_script(shipped, plan_data):
    plan = make_plan(plan_data, example(shipped, "hip-drops-each-stride"))
    labels = [section["label"] for section in plan["note"]]
    assert labels[:5] == ["Runner", "Date of assessment", "What the runner reported", "What was observed", "What was changed"]
    assert "What the coach asks" in labels and "Review" in labels
    changed = next(s for s in plan["note"] if s["label"] == "What was changed")["lines"]
    assert changed[0].startswith("Added Side plank")
    assert plan["note_script"]["title"] == "Documenting a training modification"


def test_older_and_newer_files(plan_data, runner):
    del runner["version"]
    assert make_plan(plan_data, runner)["version"] == 1
    runner["version"] = 99
    with pytest.raises(Exception, match="newer version"):
        make_plan(plan_data, runner)


def test_a_drill_above_the_runners_level_starts_at_its_easier_version(plan_data, runner):
    runner["findings"] = ["single-leg-calf-raise-test/one-side-fewer"]
    runner["minutes_per_session"] = 60
    runner["level"] = "advanced"
    assert titles(make_plan(plan_data, runner)) == [
        "Straight-knee calf raise (single leg)", "Bent-knee calf raise (single leg)", "Heavy slow calf raise"]
    runner["level"] = "beginner"
    plan = make_plan(plan_data, runner)
    for drill in plan["drills"]:
        data = plan_data["drills"][drill["id"]]
        assert data["level"] == "beginner" or not data["easier"], drill["title"]
    assert "Heavy slow calf raise" not in titles(plan)
    eased = [r for d in plan["drills"] for r in d["reasons"] if "easier start for a beginner runner" in r]
    assert eased and all(r.startswith("Single-leg calf-raise") for r in eased)


def test_the_engine_and_the_runner_schema_agree_on_the_format_version(plan_data, runner):
    from generator.schema.plan import FORMAT_VERSION

    assert make_plan(plan_data, runner)["version"] == FORMAT_VERSION == plan_data["version"]


def test_session_minutes_count_both_sides_and_the_rest_between_sets(shipped, plan_data):
    from generator.plans.compile import minutes, policy_of

    policy = policy_of(shipped.graph)
    side_plank = shipped.kb.items[("drill", "side-plank")].model.dosage
    work = side_plank.sets * side_plank.hold_s * 2
    rest = (side_plank.sets - 1) * (side_plank.rest_s if side_plank.rest_s is not None else policy.rest_s)
    assert minutes(side_plank, policy) == -(-(work + rest) // 60)
    assert plan_data["drills"]["side-plank"]["dose"]["minutes"] == minutes(side_plank, policy)


def test_ids_the_curriculum_no_longer_knows_are_reported_not_guessed(plan_data, runner):
    runner["findings"] = ["single-leg-bridge-test/one-side-fewer", "old-test/gone"]
    runner["red_flags"] = ["achilles-tendinopathy/no-such-flag"]
    runner["injury"] = {"id": "retired-injury", "under_care": True}
    plan = make_plan(plan_data, runner)
    assert plan["unknown"] == ["old-test/gone", "achilles-tendinopathy/no-such-flag", "retired-injury"]
    assert plan["status"] == "plan" and plan["drills"]


def test_a_warm_up_the_injury_says_to_avoid_is_not_suggested(plan_data, runner):
    data = copy.deepcopy(plan_data)
    warm = data["policy"]["warm_up"]
    data["drills"][warm]["cautions"]["calf-strain"] = {"action": "Avoid", "reason": "Hops and strides load the calf."}
    runner["findings"] = ["single-leg-bridge-test/one-side-fewer"]
    runner["injury"] = {"id": "calf-strain", "under_care": True}
    plan = make_plan(data, runner)
    assert plan["warm_up"] is None
    assert dropped(plan)["Dynamic warm-up routine (warm-up)"] == "Avoid with Calf strain: Hops and strides load the calf."
    runner["injury"] = None
    assert make_plan(data, runner)["warm_up"]["title"] == "Dynamic warm-up routine"


def test_the_next_step_never_names_a_drill_the_runners_injury_must_avoid(plan_data, runner):
    data = copy.deepcopy(plan_data)
    runner["findings"] = ["single-leg-squat-test/pelvis-drops"]
    first = make_plan(data, runner)["drills"][0]["id"]
    data["drills"][first]["harder"] = ["pogo-hops", "single-leg-balance"]  # pogo hops: avoid with a tibial BSI
    assert "tibial-bone-stress-injury" in data["drills"]["pogo-hops"]["cautions"]
    plain = make_plan(data, runner)["drills"][0]["next"]["harder"]
    runner["injury"] = {"id": "tibial-bone-stress-injury", "under_care": True}
    injured = next(d for d in make_plan(data, runner)["drills"] if d["id"] == first)["next"]["harder"]
    assert (plain, injured) == (["Pogo hops", "Single-leg balance"], ["Single-leg balance"])
