"""figure.impossible-pose, and joint angles outside human range, reported at their own positions."""

from tests.lint.helpers import findings, starter

CLAMSHELL = starter("drills/clamshell.yml")
FIRST = "    - {body: side-lying, base: pelvis, left: {hip: 45, knee: 90}, right: {hip: 45, knee: 90, shoulder_abduction: 180}}\n"


def with_positions(*lines: str) -> str:
    head = CLAMSHELL[:CLAMSHELL.index("  positions:\n")]
    return head + "  positions:\n" + "".join(lines)


def test_shipped_starter_figure_passes(project):
    assert findings(project, {}, "figure.impossible-pose") == []


def test_a_straight_leg_through_the_floor_is_an_error_at_its_position(project):
    text = with_positions(FIRST, "    - {body: side-lying, base: pelvis, right: {hip_abduction: 40}}\n")
    found = findings(project, {"drills/clamshell.yml": text}, "figure.impossible-pose")
    assert found and {(path, line, col) for path, line, col, _ in found} == {("content/drills/clamshell.yml", 30, 7)}
    assert any(message.startswith("position 2 of the figure for 'clamshell': the right ") and "below the ground" in message
               for *_, message in found)


def test_a_knee_bent_past_human_range_is_a_schema_error_at_the_angle(project):
    text = with_positions(FIRST.replace("left: {hip: 45, knee: 90}", "left: {hip: 45, knee: 170}"))
    found = findings(project, {"drills/clamshell.yml": text}, "schema.invalid-value")
    assert [(path, line, col) for path, line, col, _ in found] == [("content/drills/clamshell.yml", 29, 62)]  # at the 170
    assert "150" in found[0][3]


def test_a_body_position_drawn_in_the_wrong_view_is_a_schema_error(project):
    text = with_positions(FIRST.replace("side-lying", "supine"), FIRST.replace("side-lying", "supine"))
    found = [d for d in findings(project, {"drills/clamshell.yml": text}, "schema.invalid-value")]
    assert found and "a supine figure is drawn in the side view, not 'front'" in found[0][3]
