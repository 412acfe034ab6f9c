"""Joint angles to joint positions: 2-D forward kinematics for one key position (pure; heights in units of H).

Side view: the figure faces right (+x), its left side toward the viewer. Angles are measured from straight down,
positive toward the front. Front view: the figure faces the viewer, so its left side is on the viewer's right;
the back view mirrors that. Lying positions rotate the standing figure as a whole; then the `base` point is set
on the ground or on the prop under it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..schema.figure import Limb, Position
from . import anthropometry as A

Point = tuple[float, float]

ROTATION = {"supine": 90, "side-lying": 90, "prone": -90, "quadruped": -90, "plank": -90}
"""Whole-body rotation (degrees, anticlockwise) of each lying position; upright positions are not rotated."""

RADIUS = {"pelvis": A.TRUNK_WIDTH / 2, "back": A.TRUNK_WIDTH / 2, "shoulders": A.TRUNK_WIDTH / 2,
          "head": A.HEAD / 2}
"""How far the drawn outline reaches beyond a point on the centre line; limbs use half the limb width."""


@dataclass(frozen=True)
class Skeleton:
    """Named points of one drawn position (y up, ground at 0) and the segments between them."""

    points: dict[str, Point]
    view: str

    def segment_pairs(self) -> list[tuple[str, str, str]]:
        """(segment, from point, to point) in drawing order: far side first, so the near side is on top."""
        far, near = ("right", "left") if self.view in ("side", "front") else ("left", "right")
        pairs = []
        for side in (far, near):
            pairs += [(f"{side}-thigh", f"{side}-hip", f"{side}-knee"), (f"{side}-shank", f"{side}-knee", f"{side}-ankle"),
                      (f"{side}-foot", f"{side}-heel", f"{side}-toe"),
                      (f"{side}-upper-arm", f"{side}-shoulder", f"{side}-elbow"),
                      (f"{side}-forearm", f"{side}-elbow", f"{side}-hand")]
            if side == far:
                pairs.append(("trunk", "pelvis", "neck"))
        return pairs


def _dir(theta: float) -> Point:
    """Unit vector at `theta` degrees from straight down, positive toward the front (+x)."""
    rad = math.radians(theta)
    return (math.sin(rad), -math.cos(rad))


def _add(p: Point, v: Point, length: float = 1.0) -> Point:
    return (p[0] + v[0] * length, p[1] + v[1] * length)


def _side_view(pose: Position) -> dict[str, Point]:
    hip: Point = (0.0, 0.0)
    trunk_down = -pose.trunk
    neck = _add(hip, _dir(trunk_down + 180), A.TRUNK)
    points = {"pelvis": hip, "neck": neck, "head": _add(neck, _dir(trunk_down + 180 - pose.neck), A.NECK + A.HEAD / 2)}
    for side in ("left", "right"):
        limb: Limb = getattr(pose, side)
        thigh = trunk_down + limb.hip
        shank = thigh - limb.knee
        foot = shank + 90 + limb.ankle
        knee = _add(hip, _dir(thigh), A.THIGH)
        ankle = _add(knee, _dir(shank), A.SHANK)
        heel = _add(_add(ankle, _dir(shank), A.ANKLE_HEIGHT), _dir(shank - 90), A.HEEL_BEHIND_ANKLE)
        upper_arm = trunk_down + limb.shoulder
        forearm = upper_arm + limb.elbow
        elbow = _add(neck, _dir(upper_arm), A.UPPER_ARM)
        points.update({
            f"{side}-hip": hip, f"{side}-knee": knee, f"{side}-ankle": ankle, f"{side}-heel": heel,
            f"{side}-toe": _add(heel, _dir(foot), A.FOOT), f"{side}-shoulder": neck, f"{side}-elbow": elbow,
            f"{side}-hand": _add(elbow, _dir(forearm), A.FOREARM + A.HAND / 2),
        })
    return points


def _front_view(pose: Position, view: str) -> dict[str, Point]:
    """Front or back view: flexion shortens a segment as seen along the line of sight."""
    left_sign = 1 if view == "front" else -1
    tilt = math.radians(left_sign * pose.pelvis)
    pelvis: Point = (0.0, 0.0)
    lean = left_sign * pose.trunk_side
    neck = _add(pelvis, _dir(180 + lean), A.TRUNK * abs(math.cos(math.radians(pose.trunk))))
    points = {"pelvis": pelvis, "neck": neck, "head": _add(neck, _dir(180 + lean), A.NECK + A.HEAD / 2)}
    across = (math.cos(math.radians(lean)), -math.sin(math.radians(lean)))
    for side, sign in (("left", left_sign), ("right", -left_sign)):
        limb: Limb = getattr(pose, side)
        hip = (sign * A.HIP_WIDTH / 2 * math.cos(tilt), sign * A.HIP_WIDTH / 2 * math.sin(tilt))
        thigh_angle = sign * limb.hip_abduction
        knee = _add(hip, _dir(thigh_angle), A.THIGH * max(0.15, abs(math.cos(math.radians(limb.hip - pose.trunk)))))
        shank_angle = thigh_angle - sign * limb.knee_valgus
        sagittal = limb.hip - pose.trunk - limb.knee
        ankle = _add(knee, _dir(shank_angle), A.SHANK * max(0.15, abs(math.cos(math.radians(sagittal)))))
        heel = _add(ankle, _dir(shank_angle), A.ANKLE_HEIGHT)
        shoulder = _add(neck, across, sign * A.SHOULDER_WIDTH / 2)
        arm_angle = sign * limb.shoulder_abduction
        reach = abs(math.cos(math.radians(limb.shoulder))) if limb.shoulder_abduction < 45 else 1.0
        elbow = _add(shoulder, _dir(arm_angle), A.UPPER_ARM * max(0.2, reach))
        points.update({
            f"{side}-hip": hip, f"{side}-knee": knee, f"{side}-ankle": ankle, f"{side}-heel": heel,
            f"{side}-toe": _add(heel, (sign * 0.25, -0.3), A.FOOT / 4), f"{side}-shoulder": shoulder,
            f"{side}-elbow": elbow,
            f"{side}-hand": _add(elbow, _dir(arm_angle + sign * limb.elbow), A.FOREARM + A.HAND / 2),
        })
    return points


def _rotate(points: dict[str, Point], degrees: float) -> dict[str, Point]:
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return {name: (x * c - y * s, x * s + y * c) for name, (x, y) in points.items()}


def base_point(points: dict[str, Point], base: str) -> tuple[str, float]:
    """The drawn point a `base` name means, and how far its outline reaches below the centre line."""
    if base.endswith("-foot"):
        side = base.removesuffix("-foot")
        return min((f"{side}-heel", f"{side}-toe"), key=lambda n: points[n][1]), A.LIMB_WIDTH / 2
    if base in ("back", "pelvis"):
        trunk = ("pelvis", "neck") if base == "back" else ("pelvis", "left-hip", "right-hip")
        return min(trunk, key=lambda n: points[n][1]), A.TRUNK_WIDTH / 2
    name = "neck" if base == "shoulders" else base
    return name, RADIUS.get(base, A.LIMB_WIDTH / 2)


def pose_points(pose: Position, view: str, surface: float = 0.0, at_x: float = 0.0) -> Skeleton:
    """Joint positions with the base point resting on a surface `surface` high (ground = 0) at x = `at_x`."""
    raw = _side_view(pose) if view == "side" else _front_view(pose, view)
    rotation = ROTATION.get(pose.body, 0)
    raw = _rotate(raw, rotation - pose.tilt if rotation >= 0 else rotation + pose.tilt)
    name, reach = base_point(raw, pose.base)
    bx, by = raw[name]
    dy = surface + reach - by
    return Skeleton({n: (x - bx + at_x, y + dy) for n, (x, y) in raw.items()}, view)


def lowest_reach(skeleton: Skeleton) -> dict[str, float]:
    """How low each point's drawn outline reaches (its centre minus its radius)."""
    radius = {"pelvis": A.TRUNK_WIDTH / 2, "neck": A.TRUNK_WIDTH / 2, "head": A.HEAD / 2}
    return {name: y - radius.get(name, A.LIMB_WIDTH / 2) for name, (_, y) in skeleton.points.items()}
