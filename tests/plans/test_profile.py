"""Runner files are validated like content: positions, educators' wording, did-you-mean on ids."""

from __future__ import annotations

from generator.plans.profile import load_profile

BASE = """\
runner: Sam
event: distance
level: intermediate
days_per_week: 3
minutes_per_session: 25
equipment: [step]
assessed_on: "2026-03-02"
"""


def problems(shipped, extra: str) -> list[tuple[int, int, str, str, str | None]]:
    _, found = load_profile(BASE + extra, "sam.yml", shipped.kb)
    return [(d.line, d.col, d.code, d.message, d.hint) for d in found]


def test_a_valid_runner_file_loads(shipped):
    profile, found = load_profile(BASE + "findings: [single-leg-bridge-test/one-side-fewer]\n", "sam.yml", shipped.kb)
    assert found == [] and profile.findings == ["single-leg-bridge-test/one-side-fewer"]


def test_a_misspelt_red_flag_suggests_the_closest(shipped):
    assert problems(shipped, "red_flags: [tibial-bone-stress-injury/focal-bone-pian]\n") == [
        (8, 13, "plan.unknown-finding", "'tibial-bone-stress-injury/focal-bone-pian' is not a known red flag",
         "did you mean 'tibial-bone-stress-injury/focal-bone-pain'?")]


def test_a_measured_value_needs_a_finding_with_a_cited_threshold(shipped):
    assert problems(shipped, "measured:\n  single-leg-bridge-test/one-side-fewer: 3\n") == [
        (9, 3, "plan.no-threshold",
         "'single-leg-bridge-test/one-side-fewer' has no cited threshold, so a measured value cannot decide it",
         "tick it under `findings:` instead")]


def test_an_unknown_injury_and_out_of_range_numbers_are_reported_together(shipped):
    text = BASE.replace("days_per_week: 3", "days_per_week: 9") + "injury: {id: achilles-tendinopathi}\n"
    _, found = load_profile(text, "sam.yml", shipped.kb)
    assert [(d.line, d.code) for d in found] == [(4, "schema.invalid-value")]
    _, found = load_profile(BASE + "injury: {id: achilles-tendinopathi}\n", "sam.yml", shipped.kb)
    assert [(d.line, d.col, d.code, d.hint) for d in found] == [
        (8, 14, "ref.unknown-id", "did you mean 'achilles-tendinopathy'?")]


def test_unknown_fields_are_named_with_a_hint(shipped):
    assert problems(shipped, "finding: []\n")[0][:4] == (8, 1, "schema.unknown-field", "'finding' is not a field of runner")


def test_unknown_equipment_lists_the_choices_and_suggests_one(shipped):
    assert problems(shipped, "").__len__() == 0
    text = BASE.replace("equipment: [step]", "equipment: [bands]")
    _, found = load_profile(text, "sam.yml", shipped.kb)
    assert [(d.line, d.col, d.message, d.hint) for d in found] == [
        (6, 13, "'equipment[1]' is the text 'bands'; allowed: none, band, step, weights", "did you mean 'band'?")]
