"""Lint rules for decision tables and worked plans: exact code, line and column."""

from tests.lint.helpers import findings, starter

TABLE = "plans/hip-control.yml"


def test_unknown_finding_in_a_rule_suggests_the_closest_id(project):
    text = starter(TABLE).replace("when: [single-leg-squat-test/pelvis-drops]", "when: [single-leg-squat-test/pelvis-drop]")
    problems = [d for d in _diagnostics(project, {TABLE: text}) if d.code == "plan.unknown-finding"]
    assert [(d.path, d.line, d.col, d.message, d.hint) for d in problems] == [
        ("content/plans/hip-control.yml", 25, 12, "'single-leg-squat-test/pelvis-drop' is not a known finding",
         "did you mean 'single-leg-squat-test/pelvis-drops'?")]


def test_unknown_red_flag_in_a_rule_is_reported(project):
    text = starter(TABLE).replace("    pattern: contralateral-pelvic-drop\n    drills:\n      - {drill: side-lying-hip-abduction, priority: 1}\n      - {drill: clamshell, priority: 2, dose: {sets: 2}}\n",
                                  "    refer_flags: [patellofemoral-pain/hot-swolen-knee]\n")
    assert findings(project, {TABLE: text}, "plan.unknown-finding") == [
        ("content/plans/hip-control.yml", 26, 19, "'patellofemoral-pain/hot-swolen-knee' is not a known red flag")]


def test_unknown_finding_in_a_worked_plan_is_reported(project):
    text = starter("plans/examples/hip-drop.yml").replace("findings: [single-leg-squat-test/pelvis-drops]",
                                                          "findings: [single-leg-squat-test/pelvis-drops, single-leg-squat/pelvis-drops]")
    assert findings(project, {"plans/examples/hip-drop.yml": text}, "plan.unknown-finding") == [
        ("content/plans/examples/hip-drop.yml", 9, 48, "'single-leg-squat/pelvis-drops' is not a known finding")]


def test_a_rule_prescribing_a_drill_its_injury_must_avoid_contradicts_itself(project):
    drill = starter("drills/clamshell.yml") + "avoid_with:\n  - injury: patellofemoral-pain\n    reason: Test reason.\n"
    text = starter(TABLE).replace("pattern: contralateral-pelvic-drop", "pattern: patellofemoral-pain")
    assert findings(project, {TABLE: text, "drills/clamshell.yml": drill}, "plan.contradiction") == [
        ("content/plans/hip-control.yml", 29, 17,
         "rule 'pelvis-drops' prescribes 'clamshell' for 'patellofemoral-pain', but the drill says: avoid with it")]


def test_a_rule_left_out_with_an_injury_its_drill_helps_contradicts_itself(project):
    drill = starter("drills/clamshell.yml").replace("addresses: [", "addresses: [patellofemoral-pain, ")
    text = starter(TABLE) + "    not_with: [patellofemoral-pain]\n"
    assert findings(project, {TABLE: text, "drills/clamshell.yml": drill}, "plan.contradiction") == [
        ("content/plans/hip-control.yml", 29, 17,
         "rule 'pelvis-drops' is left out with 'patellofemoral-pain', yet its drill 'clamshell' is declared to help 'patellofemoral-pain'")]


def test_a_finding_no_rule_uses_is_a_warning_at_the_finding(project):
    text = starter(TABLE).replace("when: [single-leg-squat-test/pelvis-drops]", "when: [single-leg-squat-test/pelvis-drops]\n    events: [sprint]")
    other = starter("assessments/single-leg-squat-test.yml").replace(
        "safety:", "  - id: wobbles\n    finding: Wobbling\n    meaning: Balance may be limited.\nsafety:")
    assert findings(project, {TABLE: text, "assessments/single-leg-squat-test.yml": other}, "plan.unused-finding") == [
        ("content/assessments/single-leg-squat-test.yml", 13, 9, "no decision-table rule uses the finding 'single-leg-squat-test/wobbles'")]


def test_duplicate_finding_ids_are_an_error(project):
    other = starter("assessments/single-leg-squat-test.yml").replace(
        "safety:", "  - id: pelvis-drops\n    finding: Wobbling\n    meaning: Balance may be limited.\nsafety:")
    assert findings(project, {"assessments/single-leg-squat-test.yml": other}, "assessment.duplicate-finding-id") == [
        ("content/assessments/single-leg-squat-test.yml", 13, 9, "finding id 'pelvis-drops' is already used on line 9")]


def test_a_second_policy_is_an_error(project):
    assert findings(project, {"plans/second.yml": starter(TABLE).replace("title: Hip control", "title: Second")}, "plan.policy") == [
        ("content/plans/second.yml", 3, 1, "a second `policy:` block; the first is in content/plans/hip-control.yml")]


def test_the_shipped_tables_pass_every_plan_rule(project):
    for code in ("plan.unknown-finding", "plan.contradiction", "plan.unused-finding", "plan.policy"):
        assert findings(project, {}, code) == []


def _diagnostics(project, files):
    from generator.build import check_project

    return check_project(project(files)).diagnostics


def test_unknown_drill_in_a_rule_is_a_positioned_unknown_id_with_did_you_mean(project):
    text = starter(TABLE).replace("{drill: clamshell, priority: 2", "{drill: clamshel, priority: 2")
    problems = [d for d in _diagnostics(project, {TABLE: text}) if d.code == "ref.unknown-id"]
    assert [(d.path, d.line, d.col, d.message, d.hint) for d in problems] == [
        ("content/plans/hip-control.yml", 29, 17, "'clamshel' is not a known drill id", "did you mean 'clamshell'?")]


def test_a_pattern_of_the_wrong_kind_is_reported(project):
    text = starter(TABLE).replace("pattern: contralateral-pelvic-drop", "pattern: gluteus-medius")
    problems = [d for d in _diagnostics(project, {TABLE: text}) if d.code == "ref.wrong-kind"]
    assert [(d.line, d.col) for d in problems] == [(26, 14)]
    assert problems[0].message == "'gluteus-medius' is an anatomy, but 'rules.pattern' takes biomechanics or injury ids"
