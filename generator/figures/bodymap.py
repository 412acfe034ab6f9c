"""Body maps: a front and a back outline built from the same skeleton, with regions highlighted (pure; SVG out).

Every region is a slice of one segment's outline: a stretch along it (0 at its first point, 1 at its second) and a
band across it (-1 the inner edge, +1 the outer edge). Which regions an anatomy entity covers is content
(`body_map:` in its file); where a region lies is here, declared once, and checked against the schema's list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..schema.figure import BODY_REGIONS, Limb, Position
from .pictogram import Pictogram
from .skeleton import Point, pose_points

SCALE = 100
BASE_FILL, OUTLINE, MARK = "#e9e9e9", "#555", "#333"


@dataclass(frozen=True)
class Slice:
    view: str
    segment: str
    along: tuple[float, float]
    across: tuple[float, float] = (-1.0, 1.0)
    figure_segment: str = ""
    """The pictogram segment this region emphasises (thigh, shank, foot, trunk, pelvis)."""


WIDTHS: dict[str, tuple[float, float]] = {
    "trunk": (0.135, 0.125), "thigh": (0.075, 0.045), "shank": (0.048, 0.03), "foot": (0.03, 0.03),
    "upper-arm": (0.035, 0.028), "forearm": (0.028, 0.022),
}
"""Half-widths of each segment's outline at its first and second point, in body heights."""

REGIONS: dict[str, tuple[Slice, ...]] = {
    "abdomen": (Slice("front", "trunk", (0.05, 0.55), (-0.8, 0.8), "trunk"),),
    "lower-back": (Slice("back", "trunk", (0.05, 0.4), (-0.8, 0.8), "trunk"),),
    "gluteal": (Slice("back", "thigh", (-0.28, 0.18), (-0.9, 1.0), "pelvis"),),
    "hip-side": (Slice("front", "thigh", (-0.25, 0.12), (0.35, 1.0), "pelvis"),
                 Slice("back", "thigh", (-0.25, 0.12), (0.35, 1.0), "pelvis")),
    "hip-front": (Slice("front", "thigh", (-0.15, 0.2), (-0.5, 0.5), "pelvis"),),
    "groin": (Slice("front", "thigh", (0.0, 0.3), (-1.0, -0.35), "thigh"),),
    "thigh-front": (Slice("front", "thigh", (0.15, 0.92), (-0.75, 0.75), "thigh"),),
    "thigh-back": (Slice("back", "thigh", (0.2, 0.92), (-0.75, 0.75), "thigh"),),
    "thigh-side": (Slice("front", "thigh", (0.1, 0.95), (0.45, 1.0), "thigh"),
                   Slice("back", "thigh", (0.1, 0.95), (0.45, 1.0), "thigh")),
    "thigh-inner": (Slice("front", "thigh", (0.1, 0.8), (-1.0, -0.3), "thigh"),),
    "knee-front": (Slice("front", "shank", (-0.1, 0.1), (-0.8, 0.8), "shank"),),
    "knee-side": (Slice("front", "shank", (-0.1, 0.1), (0.4, 1.0), "shank"),),
    "shin": (Slice("front", "shank", (0.12, 0.95), (-0.8, 0.3), "shank"),),
    "shin-inner": (Slice("back", "shank", (0.45, 0.95), (-1.0, -0.3), "shank"),),
    "shin-outer": (Slice("front", "shank", (0.12, 0.9), (0.3, 1.0), "shank"),),
    "calf": (Slice("back", "shank", (0.08, 0.6), (-0.9, 0.9), "shank"),),
    "achilles": (Slice("back", "shank", (0.7, 1.0), (-0.45, 0.45), "shank"),),
    "ankle": (Slice("front", "foot", (-0.3, 0.4), (-1.0, 1.0), "foot"),
              Slice("back", "foot", (-0.3, 0.4), (-1.0, 1.0), "foot")),
    "heel": (Slice("back", "foot", (0.45, 1.0), (-1.0, 1.0), "foot"),),
    "foot-top": (Slice("front", "foot", (0.4, 1.0), (-1.0, 1.0), "foot"),),
}

missing = set(BODY_REGIONS) ^ set(REGIONS)
assert not missing, f"body regions in the schema and the body map differ: {sorted(missing)}"

SEGMENT_POINTS = {"trunk": ("pelvis", "neck"), "thigh": ("hip", "knee"), "shank": ("knee", "ankle"),
                  "foot": ("ankle", "heel"), "upper-arm": ("shoulder", "elbow"), "forearm": ("elbow", "hand")}

STANDING = Position(body="standing", base="left-foot", left=Limb(shoulder_abduction=12),
                    right=Limb(shoulder_abduction=12))


def _ends(points: dict[str, Point], segment: str, side: str) -> tuple[Point, Point]:
    a, b = SEGMENT_POINTS[segment]
    if segment == "trunk":
        return points[a], points[b]
    return points[f"{side}-{a}"], points[f"{side}-{b}"]


def _quad(points: dict[str, Point], segment: str, side: str, along: tuple[float, float],
          across: tuple[float, float], outward: float) -> list[Point]:
    """The outline slice of a segment; `outward` (+1 or -1) is the screen direction of the outer edge."""
    (ax, ay), (bx, by) = _ends(points, segment, side)
    length = ((bx - ax) ** 2 + (by - ay) ** 2) ** 0.5 or 1
    nx, ny = -(by - ay) / length, (bx - ax) / length
    if nx * outward < 0:
        nx, ny = -nx, -ny
    w0, w1 = WIDTHS[segment]
    out = []
    for t, u in ((along[0], across[0]), (along[1], across[0]), (along[1], across[1]), (along[0], across[1])):
        width = w0 + (w1 - w0) * min(max(t, 0), 1)
        out.append((ax + (bx - ax) * t + nx * u * width, ay + (by - ay) * t + ny * u * width))
    return out


def _polygon(points: list[Point], dx: float, fill: str, stroke: str = "none") -> str:
    coords = " ".join(f"{(x + dx) * SCALE:.1f},{-y * SCALE:.1f}" for x, y in points)
    return f'<polygon points="{coords}" fill="{fill}" stroke="{stroke}" stroke-width="0.8" stroke-linejoin="round"/>'


def _outline(view: str, dx: float) -> list[str]:
    pts = pose_points(STANDING, view).points
    parts = [_polygon(_quad(pts, "trunk", "", (-0.22, 1.0), (-1, 1), 1), dx, BASE_FILL, OUTLINE)]
    left_screen = 1 if view == "front" else -1
    for segment in ("upper-arm", "forearm", "thigh", "shank", "foot"):
        for side, sign in (("left", left_screen), ("right", -left_screen)):
            parts.append(_polygon(_quad(pts, segment, side, (-0.05, 1.05), (-1, 1), sign), dx, BASE_FILL, OUTLINE))
    hx, hy = pts["head"]
    parts.append(f'<circle cx="{(hx + dx) * SCALE:.1f}" cy="{-hy * SCALE:.1f}" r="6" fill="{BASE_FILL}" '
                 f'stroke="{OUTLINE}" stroke-width="0.8"/>')
    if view == "front":  # a face, so front and back differ without words
        for ex in (-2.0, 2.0):
            parts.append(f'<circle cx="{(hx + dx) * SCALE + ex:.1f}" cy="{-hy * SCALE - 1:.1f}" r="0.8" fill="{OUTLINE}"/>')
    return parts


def body_map(regions: list[str]) -> Pictogram:
    """Front and back outlines side by side, the given regions dark on both sides of the body."""
    return _body_map(tuple(regions))


@cache
def _body_map(regions: tuple[str, ...]) -> Pictogram:
    """Drawn once per set of regions: many pages show the same map."""
    parts: list[str] = []
    for view, dx in (("front", 0.0), ("back", 0.6)):
        parts += _outline(view, dx)
        pts = pose_points(STANDING, view).points
        left_screen = 1 if view == "front" else -1
        for region in regions:
            for piece in REGIONS[region]:
                if piece.view != view:
                    continue
                sides = [("", 1)] if piece.segment == "trunk" else [("left", left_screen), ("right", -left_screen)]
                for side, sign in sides:
                    parts.append(_polygon(_quad(pts, piece.segment, side, piece.along, piece.across, sign), dx, MARK))
    svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="-32 -105 124 110" class="stride-bodymap" '
           'aria-hidden="true" focusable="false">' + "".join(parts) + "</svg>")
    names = ", ".join(r.replace("-", " ") for r in regions)
    return Pictogram(svg, f"Body map, front and back: {names} highlighted." if regions else "Body map, front and back.")


def segments_for(regions: list[str]) -> frozenset[str]:
    """Pictogram segments to emphasise for these regions."""
    return frozenset(piece.figure_segment for region in regions for piece in REGIONS[region])
