"""The figure renderer: pose data in, SVG and alt text out (pure; no words in the picture, grayscale-safe).

A sequence draws earlier positions hollow in grey and the last one solid, with an arrow along the path of the
point that moves most. A compare figure draws the good position with a tick and the fault with a cross.
The near side of the body is black and the far side grey; emphasised segments get a light halo.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..schema.figure import Figure, Position
from . import anthropometry as A
from .skeleton import Point, Skeleton, base_point, lowest_reach, pose_points

SCALE = 100
"""SVG units per body height."""
GROUND_TOLERANCE = 0.015
"""How far (in body heights, about 2.5 cm) an outline may dip below its surface before the pose is impossible."""
PERSON_CM = 175
"""Body height used to state distances in problems."""

PROP_HEIGHT = {"step": 0.10, "box": 0.25, "bench": 0.24, "table": 0.42, "mat": 0.008, "slider": 0.012}
PROP_WIDTH = {"step": 0.22, "box": 0.30, "bench": 0.55, "table": 0.62, "mat": 0.0, "slider": 0.07}
OPEN_UNDER = ("bench", "table")
"""Props on legs: only their top is solid; a leg may hang beneath."""
SURFACE_PROPS = tuple(PROP_HEIGHT)
BENCH_TOP = 0.05
"""Thickness of a bench's top; a leg may hang under it."""

INK, FAR, GHOST, HALO = "#000", "#7a7a7a", "#9a9a9a", "#cdcdcd"


@dataclass(frozen=True)
class Pictogram:
    svg: str
    alt: str


@dataclass(frozen=True)
class Placed:
    """Surface props with their drawn rectangles (x0, x1, top) in body heights."""

    boxes: list[tuple[str, float, float, float]]

    def floor_at(self, x: float, y: float | None = None) -> float:
        """The surface under (x, y): a prop's top, or the ground; under a bench's top there is room."""
        tops = [top for kind, x0, x1, top in self.boxes if x0 - 0.01 <= x <= x1 + 0.01
                and not (kind in OPEN_UNDER and y is not None and y < top - BENCH_TOP)]
        return max(tops, default=0.0)


def _point_of(skeleton: Skeleton, name: str) -> Point:
    return skeleton.points[base_point(skeleton.points, name)[0]]


def place_props(figure: Figure, drawn: list[Skeleton]) -> Placed:
    """Surface props sit under their point: at a fixed height under a base point; under any other point (a heel
    on a bench, a seat under a squat) reaching up to where that point is lowest."""
    boxes = []
    for prop in figure.props:
        if prop.kind not in PROP_HEIGHT or prop.under is None:
            continue
        fixed = prop.under == figure.positions[0].base
        skeleton = drawn[0] if fixed else min(drawn, key=lambda s: s.points[base_point(s.points, prop.under)[0]][1])
        name, reach = base_point(skeleton.points, prop.under)
        x, y = skeleton.points[name]
        top = PROP_HEIGHT[prop.kind] if fixed else max(0.0, y - reach)
        width = PROP_WIDTH[prop.kind]
        if prop.under.endswith("-foot"):  # the whole foot stands on it
            side = prop.under.removesuffix("-foot")
            left = min(skeleton.points[f"{side}-heel"][0], skeleton.points[f"{side}-toe"][0]) - 0.02
        elif prop.under.endswith("-toe"):  # the ball of the foot on the edge, the heel free to drop
            left = x - 0.04
        elif prop.under == "pelvis" and figure.view == "side":  # a seat: under the buttocks, clear of the legs
            left = x - width * 0.8
        elif prop.under in ("back", "shoulders", "pelvis"):  # lying on it, the legs free past its end
            left = x - width + 0.08
        elif prop.kind == "bench":  # a knee or foot on its end, the body clear of it
            left = x - 0.06
        else:
            left = x - width / 2
        boxes.append((prop.kind, left, left + width, top))
    return Placed(boxes)


def skeletons(figure: Figure) -> tuple[list[Skeleton], Placed]:
    """Every position placed: the first on its base at x = 0; later ones with their base where that point was
    in the first position, resting on the prop under it if there is one."""
    first_pose = figure.positions[0]
    fixed = {p.under: PROP_HEIGHT[p.kind] for p in figure.props if p.under and p.kind in PROP_HEIGHT}
    first = pose_points(first_pose, figure.view, fixed.get(first_pose.base, 0.0))
    drawn = [first]
    for pose in figure.positions[1:]:
        if pose.base == first_pose.base:
            x, surface = 0.0, fixed.get(pose.base, 0.0)
        else:  # stepping onto what that point touched in the first position (a step, a bench)
            name, reach = base_point(first.points, pose.base)
            x, surface = first.points[name][0], (first.points[name][1] - reach if pose.base in fixed else 0.0)
        drawn.append(pose_points(pose, figure.view, surface, x))
    return drawn, place_props(figure, drawn)


def problems(figure: Figure) -> list[tuple[int, str]]:
    """Impossible poses: (position index, message) for every outline that goes through the ground or a prop."""
    found = []
    drawn, placed = skeletons(figure)
    for index, skeleton in enumerate(drawn):
        for name, low in sorted(lowest_reach(skeleton).items()):
            floor = placed.floor_at(skeleton.points[name][0], low)
            if low < floor - GROUND_TOLERANCE:
                depth = round((floor - low) * PERSON_CM)
                found.append((index, f"the {name.replace('-', ' ')} is {depth} cm below the "
                                     f"{'ground' if floor == 0 else 'top of the prop'} (for a {PERSON_CM} cm person); "
                                     "check the joint angles or the base"))
    return found


# ---------- drawing ----------

def _xy(p: Point, dx: float = 0.0) -> str:
    return f"{(p[0] + dx) * SCALE:.1f},{-p[1] * SCALE:.1f}"


def _line(a: Point, b: Point, colour: str, width: float, dx: float) -> str:
    return (f'<line x1="{(a[0] + dx) * SCALE:.1f}" y1="{-a[1] * SCALE:.1f}" x2="{(b[0] + dx) * SCALE:.1f}" '
            f'y2="{-b[1] * SCALE:.1f}" stroke="{colour}" stroke-width="{width:.1f}" stroke-linecap="round"/>')


def _body(skeleton: Skeleton, dx: float, ghost: bool, emphasis: set[str]) -> list[str]:
    pts = skeleton.points
    limb, trunk = A.LIMB_WIDTH * SCALE, A.TRUNK_WIDTH * SCALE
    near = "left" if skeleton.view in ("side", "front") else "right"
    out: list[str] = []
    pairs = skeleton.segment_pairs()
    if skeleton.view != "side":
        pairs.append(("pelvis", "left-hip", "right-hip"))
        pairs.append(("shoulders", "left-shoulder", "right-shoulder"))
    if not ghost:
        for segment, a, b in pairs:
            side, _, part = segment.partition("-")
            part = part or segment
            if part in emphasis and (skeleton.view != "side" or side in (near, segment)):
                width = (trunk if segment in ("trunk", "pelvis") else limb) + 9
                out.append(_line(pts[a], pts[b], HALO, width, dx))
    for segment, a, b in pairs:
        width = trunk if segment == "trunk" else limb * 1.5 if segment in ("pelvis", "shoulders") else limb
        colour = GHOST if ghost else INK if segment in ("trunk", "pelvis", "shoulders") or segment.startswith(near) else FAR
        out.append(_line(pts[a], pts[b], colour, width, dx))
        if ghost:
            out.append(_line(pts[a], pts[b], "#fff", width * 0.45, dx))
    head = pts["head"]
    fill = "#fff" if ghost else INK
    stroke = GHOST if ghost else INK
    out.append(f'<circle cx="{(head[0] + dx) * SCALE:.1f}" cy="{-head[1] * SCALE:.1f}" r="{A.HEAD / 2 * SCALE * 0.9:.1f}" '
               f'fill="{fill}" stroke="{stroke}" stroke-width="2.2"/>')
    return out


def _arrow(a: Point, b: Point, pelvis: Point, dx: float) -> list[str]:
    """A curved arrow from a to b, bowed away from the body, its ends kept clear of the limbs."""
    mx, my = (a[0] + b[0]) / 2, (a[1] + b[1]) / 2
    length = math.dist(a, b)
    nx, ny = -(b[1] - a[1]) / length, (b[0] - a[0]) / length
    if (mx - pelvis[0]) * nx + (my - pelvis[1]) * ny < 0:
        nx, ny = -nx, -ny
    bow = 0.22 * length + 0.04
    control = (mx + nx * bow, my + ny * bow)
    start = _toward(a, control, 0.05)
    end = _toward(b, control, 0.05)
    tx, ty = end[0] - control[0], end[1] - control[1]
    norm = math.hypot(tx, ty) or 1
    tx, ty = tx / norm, ty / norm
    size = 0.035
    left = (end[0] - tx * size - ty * size * 0.6, end[1] - ty * size + tx * size * 0.6)
    right = (end[0] - tx * size + ty * size * 0.6, end[1] - ty * size - tx * size * 0.6)
    return [f'<path d="M{_xy(start, dx)} Q{_xy(control, dx)} {_xy(end, dx)}" fill="none" stroke="{INK}" '
            f'stroke-width="1.8" stroke-linecap="round"/>',
            f'<polygon points="{_xy(end, dx)} {_xy(left, dx)} {_xy(right, dx)}" fill="{INK}"/>']


def _toward(p: Point, q: Point, distance: float) -> Point:
    d = math.dist(p, q) or 1
    return (p[0] + (q[0] - p[0]) * distance / d, p[1] + (q[1] - p[1]) * distance / d)


def moving_point(figure: Figure, drawn: list[Skeleton]) -> str | None:
    """The point whose path the arrow shows: the declared one, else the one that travels furthest (if any)."""
    if len(drawn) < 2:
        return None
    if figure.arrow:
        return base_point(drawn[-1].points, figure.arrow)[0]
    candidates = [n for n in drawn[0].points if n.endswith(("hand", "toe", "knee", "head", "pelvis", "heel"))]
    name = max(candidates, key=lambda n: (math.dist(drawn[0].points[n], drawn[-1].points[n]), n))
    return name if math.dist(drawn[0].points[name], drawn[-1].points[name]) > 0.04 else None


def _wall_x(skeleton: Skeleton, at: str) -> float:
    """A wall touches the front of a hand or knee, or the back of the trunk or head."""
    x = _point_of(skeleton, at)[0]
    return x - A.TRUNK_WIDTH / 2 - 0.04 if at in ("back", "shoulders", "pelvis", "head") else x + A.LIMB_WIDTH / 2


def _props(figure: Figure, placed: Placed, last: Skeleton, dx: float) -> list[str]:
    out = []
    for kind, x0, x1, top in placed.boxes:
        if kind == "mat":
            continue
        if kind in OPEN_UNDER:
            slab = BENCH_TOP * SCALE
            out.append(f'<rect x="{(x0 + dx) * SCALE:.1f}" y="{-top * SCALE:.1f}" width="{(x1 - x0) * SCALE:.1f}" '
                       f'height="{slab:.1f}" rx="1.5" fill="#e4e4e4" stroke="{INK}" stroke-width="1.4"/>')
            for leg in (x0 + 0.03, x1 - 0.05):
                out.append(f'<rect x="{(leg + dx) * SCALE:.1f}" y="{-(top - BENCH_TOP) * SCALE:.1f}" width="2.5" '
                           f'height="{(top - BENCH_TOP) * SCALE:.1f}" fill="{INK}"/>')
            continue
        y = -top * SCALE
        radius = 1.5 if kind != "slider" else top * SCALE / 2
        out.append(f'<rect x="{(x0 + dx) * SCALE:.1f}" y="{y:.1f}" width="{(x1 - x0) * SCALE:.1f}" '
                   f'height="{top * SCALE:.1f}" rx="{radius:.1f}" fill="#e4e4e4" stroke="{INK}" stroke-width="1.4"/>')
    for prop in figure.props:
        if prop.kind == "wall" and prop.at:
            x = _wall_x(last, prop.at)
            top = max(y for _, y in last.points.values()) + 0.08
            out.append(f'<rect x="{(x + dx) * SCALE:.1f}" y="{-top * SCALE:.1f}" width="4" height="{top * SCALE:.1f}" '
                       f'fill="#bdbdbd" stroke="{INK}" stroke-width="1.2"/>')
        elif prop.kind in ("ball", "partner") and prop.at:
            x, y = _point_of(last, prop.at)
            if prop.kind == "ball":
                out.append(f'<circle cx="{(x + dx) * SCALE:.1f}" cy="{-y * SCALE:.1f}" r="7" fill="#e4e4e4" '
                           f'stroke="{INK}" stroke-width="1.4"/>')
            else:
                out.append(_line((x, y), (x - 0.12, y + 0.16), "#bdbdbd", A.LIMB_WIDTH * SCALE, dx))
    return out


def _bands(figure: Figure, skeleton: Skeleton, dx: float) -> list[str]:
    return [f'<polyline points="{_xy(_point_of(skeleton, a), dx)} {_xy(_point_of(skeleton, b), dx)}" fill="none" '
            f'stroke="{INK}" stroke-width="1.6" stroke-dasharray="3 2"/>'
            for prop in figure.props if prop.kind == "band" and prop.between for a, b in [prop.between]]


def _mark(good: bool, x: float, y: float) -> str:
    """A tick for the good position, a cross for the fault: shapes, not words."""
    if good:
        return (f'<polyline points="{x - 5:.1f},{y:.1f} {x - 1:.1f},{y + 4:.1f} {x + 6:.1f},{y - 5:.1f}" fill="none" '
                f'stroke="{INK}" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>')
    return (f'<path d="M{x - 5:.1f},{y - 5:.1f} L{x + 5:.1f},{y + 5:.1f} M{x + 5:.1f},{y - 5:.1f} L{x - 5:.1f},{y + 5:.1f}" '
            f'stroke="{INK}" stroke-width="2.6" stroke-linecap="round"/>')


def _extent(skeleton: Skeleton) -> tuple[float, float, float]:
    xs = [x for x, _ in skeleton.points.values()]
    ys = [y for _, y in skeleton.points.values()]
    pad = A.HEAD / 2
    return min(xs) - pad, max(xs) + pad, max(ys) + pad


def render(figure: Figure, emphasis: frozenset[str] = frozenset()) -> Pictogram:
    """The SVG for a figure; `emphasis` names segments to halo (thigh, shank, foot, trunk, pelvis, …)."""
    drawn, placed = skeletons(figure)
    parts: list[str] = []
    left_edge, right_edge, top = math.inf, -math.inf, 0.0
    compare = figure.layout in ("compare", "pair")
    offsets: list[float] = []
    cursor = 0.0
    for skeleton in drawn:
        lo, hi, up = _extent(skeleton)
        if compare:
            dx = cursor - lo
            cursor = dx + hi + 0.12
        else:
            dx = 0.0
        offsets.append(dx)
        left_edge, right_edge, top = min(left_edge, lo + dx), max(right_edge, hi + dx), max(top, up)
    for kind, x0, x1, box_top in placed.boxes:
        left_edge, right_edge, top = min(left_edge, x0), max(right_edge, x1), max(top, box_top)
    for prop in figure.props:
        if prop.kind == "wall" and prop.at:
            x = _wall_x(drawn[-1], prop.at)
            left_edge, right_edge = min(left_edge, x - 0.02), max(right_edge, x + 0.06)
    panels = range(len(drawn)) if compare else [0]
    for panel in panels:
        dx = offsets[panel]
        parts += _props(figure, placed, drawn[panel if compare else -1], dx)
    for index, skeleton in enumerate(drawn):
        ghost = not compare and index < len(drawn) - 1
        parts += _body(skeleton, offsets[index], ghost, set() if ghost else set(emphasis))
        if not ghost:
            parts += _bands(figure, skeleton, offsets[index])
    name = None if compare else moving_point(figure, drawn)
    if name:
        parts += _arrow(drawn[0].points[name], drawn[-1].points[name], drawn[-1].points["pelvis"], 0.0)
    margin = 0.06
    x0, x1 = left_edge - margin, right_edge + margin
    bottom = 0.14 if figure.layout == "compare" else 0.05
    parts.insert(0, f'<line x1="{x0 * SCALE:.1f}" y1="0" x2="{x1 * SCALE:.1f}" y2="0" stroke="{INK}" stroke-width="1.4"/>')
    if figure.layout == "compare":
        for panel, dx in enumerate(offsets):
            lo, hi, _ = _extent(drawn[panel])
            parts.append(_mark(panel == 0, (lo + hi) / 2 * SCALE + dx * SCALE, 8))
    height = top + margin + bottom
    view = f"{x0 * SCALE:.1f} {-(top + margin) * SCALE:.1f} {(x1 - x0) * SCALE:.1f} {height * SCALE:.1f}"
    svg = (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{view}" class="stride-figure" preserveAspectRatio="xMinYMax meet" aria-hidden="true" '
           f'focusable="false">' + "".join(parts) + "</svg>")
    return Pictogram(svg, describe(figure, drawn, name))


# ---------- alt text ----------

BODY_WORDS = {"standing": "standing", "kneeling": "kneeling", "sitting": "sitting", "supine": "lying on the back",
              "prone": "lying face down", "side-lying": "lying on the side", "quadruped": "on hands and knees",
              "plank": "in a plank"}
BASE_WORDS = {"pelvis": "resting on the hip", "back": "resting on the back", "shoulders": "resting on the shoulders",
              "head": "resting on the head"}
JOINT_WORDS = {"hip": ("hip bent", "hip extended"), "knee": ("knee bent", None), "ankle": ("ankle flexed up", "toes pointed"),
               "shoulder": ("arm raised", "arm back"), "elbow": ("elbow bent", None),
               "hip_abduction": ("leg out to the side", "leg across"), "knee_valgus": ("knee drifting inward", "knee out"),
               "shoulder_abduction": ("arm out to the side", None)}


def _describe_position(position: Position, figure: Figure) -> str:
    return ", ".join(_position_words(position, figure))


def _position_words(position: Position, figure: Figure) -> list[str]:
    words = [BODY_WORDS[position.body]]
    on = next((p.kind for p in figure.props if p.under == position.base and p.kind in SURFACE_PROPS), None)
    words.append(BASE_WORDS.get(position.base, f"on the {position.base.replace('-', ' ')}") + (f" on a {on}" if on else ""))
    if abs(position.trunk) >= 10:
        words.append(f"trunk leaning {'forward' if position.trunk > 0 else 'back'} {abs(position.trunk)}°")
    if position.trunk_side:
        words.append(f"trunk leaning to the {'left' if position.trunk_side > 0 else 'right'} {abs(position.trunk_side)}°")
    if position.pelvis:
        words.append(f"pelvis dropping on the {'right' if position.pelvis > 0 else 'left'} {abs(position.pelvis)}°")
    for side in ("left", "right"):
        limb = getattr(position, side)
        for joint, (positive, negative) in JOINT_WORDS.items():
            angle = getattr(limb, joint)
            if abs(angle) >= 15 and (angle > 0 or negative):
                words.append(f"{side} {positive if angle > 0 else negative} {abs(angle)}°")
    return words


def describe(figure: Figure, drawn: list[Skeleton], moving: str | None) -> str:
    """Alt text from the same data: view, each position, props and the movement."""
    props = sorted({p.kind for p in figure.props})
    if figure.layout in ("compare", "pair"):
        first, second = figure.positions
        labels = ("Good (tick)", "Fault (cross)") if figure.layout == "compare" else ("Left", "Right")
        text = (f"{figure.view.capitalize()} view, two figures side by side. {labels[0]}: "
                f"{_describe_position(first, figure)}. {labels[1]}: {_describe_position(second, figure)}.")
    elif len(figure.positions) == 1:
        text = f"{figure.view.capitalize()} view of a person {_describe_position(figure.positions[0], figure)}."
    else:
        first = _position_words(figure.positions[0], figure)
        changes = [", ".join(w for w in _position_words(p, figure) if w not in first) or "back to the start"
                   for p in figure.positions[1:]]
        text = (f"{figure.view.capitalize()} view of a person {', '.join(first)}; then "
                + "; then ".join(changes) + ".")
    if moving:
        text += f" An arrow shows the path of the {moving.replace('-', ' ')}."
    if props:
        text += " Equipment shown: " + ", ".join(props) + "."
    return text
