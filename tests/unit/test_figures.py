"""The figure renderer: Winter's segment lengths, joint positions for known angles, ground contact, alt text."""

import math

import pytest

from generator.figures import anthropometry as A
from generator.figures.bodymap import REGIONS, body_map, segments_for
from generator.figures.pictogram import problems, render
from generator.figures.skeleton import lowest_reach, pose_points
from generator.schema.figure import BODY_REGIONS, Figure, Limb, Position


def standing(**angles) -> Position:
    return Position(body="standing", base="left-foot", **angles)


def close(a, b, tol=1e-6) -> bool:
    return all(abs(x - y) <= tol for x, y in zip(a, b))


def test_segments_have_winters_lengths_in_every_view():
    for view in ("side", "front", "back"):
        pts = pose_points(standing(), view).points
        assert math.dist(pts["left-hip"], pts["left-knee"]) == pytest.approx(0.245)
        assert math.dist(pts["left-knee"], pts["left-ankle"]) == pytest.approx(0.246)
        assert math.dist(pts["left-shoulder"], pts["left-elbow"]) == pytest.approx(0.186)
        assert math.dist(pts["pelvis"], pts["neck"]) == pytest.approx(0.818 - 0.530)


def test_upright_figure_stands_one_body_height_tall_with_joints_at_winters_heights():
    pts = pose_points(standing(), "side").points
    ground = pts["left-heel"][1] - A.LIMB_WIDTH / 2
    assert pts["left-ankle"][1] - ground == pytest.approx(0.039 + A.LIMB_WIDTH / 2)
    assert pts["pelvis"][1] - pts["left-ankle"][1] == pytest.approx(0.530 - 0.039)
    assert pts["neck"][1] - pts["pelvis"][1] == pytest.approx(0.288)
    top_of_head = pts["head"][1] + A.HEAD / 2
    assert top_of_head - pts["left-ankle"][1] == pytest.approx(1.0 - 0.039)


def test_hip_and_knee_at_right_angles_put_the_thigh_level_and_the_shin_upright():
    pts = pose_points(standing(right=Limb(hip=90, knee=90)), "side").points
    hip, knee, ankle = pts["right-hip"], pts["right-knee"], pts["right-ankle"]
    assert close((knee[0] - hip[0], knee[1] - hip[1]), (0.245, 0.0))
    assert close((ankle[0] - knee[0], ankle[1] - knee[1]), (0.0, -0.246))


def test_forward_trunk_lean_moves_the_shoulder_ahead_of_the_hip():
    pts = pose_points(standing(trunk=30), "side").points
    dx, dy = pts["neck"][0] - pts["pelvis"][0], pts["neck"][1] - pts["pelvis"][1]
    assert close((dx, dy), (0.288 * math.sin(math.radians(30)), 0.288 * math.cos(math.radians(30))))


def test_pelvic_drop_lowers_the_right_hip_in_the_front_view_and_mirrors_in_the_back_view():
    front = pose_points(standing(pelvis=10), "front").points
    back = pose_points(standing(pelvis=10), "back").points
    assert front["right-hip"][1] < front["left-hip"][1] and back["right-hip"][1] < back["left-hip"][1]
    assert front["left-hip"][0] > front["pelvis"][0] and back["left-hip"][0] < back["pelvis"][0]


def test_the_base_point_outline_touches_the_ground_and_nothing_goes_below():
    for base, pose in (("left-foot", standing()), ("back", Position(body="supine", base="back")),
                       ("left-knee", Position(body="kneeling", base="left-knee", left=Limb(knee=100, ankle=-50), right=Limb(knee=100, ankle=-50)))):
        skeleton = pose_points(pose, "side")
        assert min(lowest_reach(skeleton).values()) == pytest.approx(0.0, abs=0.02), base


def test_lying_on_the_back_puts_the_head_left_and_the_trunk_level():
    pts = pose_points(Position(body="supine", base="back"), "side").points
    assert pts["head"][0] < pts["pelvis"][0]
    assert pts["neck"][1] == pytest.approx(pts["pelvis"][1])


def test_a_leg_through_the_floor_is_a_problem_at_its_position():
    figure = Figure(view="side", positions=[standing(), standing(left=Limb(knee=60, ankle=30), right=Limb(hip=-20))])
    found = problems(figure)
    assert found and {index for index, _ in found} == {1}
    assert any("the right toe is" in message and "below the ground" in message for _, message in found)


def test_a_foot_on_its_step_is_not_below_anything():
    figure = Figure.model_validate({"view": "side", "props": [{"kind": "step", "under": "left-foot"}],
                                    "positions": [{"body": "standing", "base": "left-foot"}]})
    assert problems(figure) == []
    assert "<rect" in render(figure).svg


def test_svg_has_no_words_and_alt_text_says_what_it_shows():
    figure = Figure(view="side", positions=[standing(right=Limb(hip=90, knee=90))])
    picture = render(figure, frozenset({"thigh"}))
    assert "<text" not in picture.svg and picture.svg.startswith("<svg")
    assert picture.alt == "Side view of a person standing, on the left foot, right hip bent 90°, right knee bent 90°."


def test_compare_figures_mark_good_and_fault_without_words():
    figure = Figure(view="back", layout="compare", positions=[standing(), standing(pelvis=10)])
    picture = render(figure)
    assert "<polyline" in picture.svg and "<path" in picture.svg
    assert picture.alt.startswith("Back view, two figures side by side. Good (tick): standing")
    assert "Fault (cross): standing, on the left foot, pelvis dropping on the right 10°." in picture.alt


def test_every_body_region_has_a_place_and_a_figure_segment():
    assert set(REGIONS) == set(BODY_REGIONS)
    assert segments_for(["hip-side", "calf"]) == {"pelvis", "shank"}
    picture = body_map(["calf"])
    assert picture.alt == "Body map, front and back: calf highlighted."
    assert picture.svg.count('fill="#333"') == 2  # both legs, on the back view
