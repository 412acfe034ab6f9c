"""Figures as data: key positions of a body (joint angles, body position, props) that the figure renderer draws.

Joint ranges are the published active ranges of motion of healthy adults (AAOS, Greene & Heckman 1994;
Norkin & White, Measurement of Joint Motion), widened a little for trained runners. An angle outside them is
a validation error at its own line and column, like any content error.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, StringConstraints, model_validator

from .common import Strict, Text

View = Literal["side", "front", "back"]
BodyPosition = Literal["standing", "kneeling", "sitting", "supine", "prone", "side-lying", "quadruped", "plank"]
Side = Literal["left", "right"]
PointName = Literal[
    "left-foot", "right-foot", "left-heel", "right-heel", "left-toe", "right-toe", "left-knee", "right-knee",
    "left-hand", "right-hand", "left-elbow", "right-elbow", "left-ankle", "right-ankle", "pelvis", "back", "head",
    "shoulders",
]
PropKind = Literal["step", "box", "bench", "table", "wall", "band", "mat", "slider", "ball", "partner"]
FigureLayout = Literal["sequence", "compare", "pair"]
BodyRegion = Literal[
    "abdomen", "lower-back", "gluteal", "hip-side", "hip-front", "groin", "thigh-front", "thigh-back", "thigh-side",
    "thigh-inner", "knee-front", "knee-side", "shin", "shin-inner", "shin-outer", "calf", "achilles", "ankle", "heel",
    "foot-top",
]
"""Regions of the body map; an anatomy entity lists the ones it covers."""
BODY_REGIONS: tuple[str, ...] = BodyRegion.__args__

BODY_VIEWS: dict[str, tuple[str, ...]] = {
    "standing": ("side", "front", "back"),
    "kneeling": ("side",),
    "sitting": ("side",),
    "supine": ("side",),
    "prone": ("side",),
    "quadruped": ("side",),
    "plank": ("side",),
    "side-lying": ("front", "back"),
}
"""Views in which each body position can be drawn."""


class Limb(Strict):
    """Joint angles of one side, in degrees; 0 is upright standing with arms hanging."""

    hip: int = Field(0, ge=-30, le=135, description="Hip flexion (+) or extension (−).", examples=[90])
    knee: int = Field(0, ge=0, le=150, description="Knee flexion; 0 is straight.", examples=[45])
    ankle: int = Field(0, ge=-50, le=35, description="Ankle dorsiflexion (+) or plantarflexion (−).", examples=[-30])
    shoulder: int = Field(0, ge=-60, le=180, description="Shoulder flexion (+, arm forward and up) or extension (−).")
    elbow: int = Field(0, ge=0, le=150, description="Elbow flexion; 0 is straight.")
    hip_abduction: int = Field(0, ge=-30, le=50, description="Front/back views: leg out to the side (+) or across (−).")
    knee_valgus: int = Field(0, ge=-20, le=30, description="Front/back views: knee drifts inward (+) or outward (−).")
    shoulder_abduction: int = Field(0, ge=0, le=180, description="Front/back views: arm out to the side.")


class Position(Strict):
    """One key position of a movement."""

    body: BodyPosition = Field(description="Overall body position.")
    base: PointName = Field(description="The body point resting on the ground or on a prop.", examples=["left-foot"])
    tilt: int = Field(0, ge=-60, le=60, description="Whole body tilted from its body position: lying, + raises the "
                                                   "head; standing, + leans the whole body forward (as into a wall).")
    trunk: int = Field(0, ge=-45, le=100, description="Trunk lean forward (+) or back (−) from the body position.")
    neck: int = Field(0, ge=-45, le=60, description="Neck flexion (+, chin to chest) or extension (−).")
    trunk_side: int = Field(0, ge=-40, le=40, description="Front/back views: trunk lean toward the left (+) side.")
    pelvis: int = Field(0, ge=-20, le=20, description="Front/back views: pelvis tilt; + means the right side drops.")
    left: Limb = Field(default_factory=Limb, description="Joint angles of the left arm and leg.")
    right: Limb = Field(default_factory=Limb, description="Joint angles of the right arm and leg.")


class Image(Strict):
    """An educator's own picture, kept in content/media/, with the facts needed to show it lawfully and accessibly."""

    file: Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9._/-]+$")] = Field(
        description="Path inside content/media/, e.g. 'copenhagen-start.jpg' (PNG, JPEG, WebP or SVG); letters, "
                    "digits, '.', '_', '-' and '/' only.")
    alt: Text = Field(description="What the picture shows, for someone who cannot see it.")
    credit: Text = Field(description="Who made it, e.g. 'Photo: A. Coach'.")
    licence: Text = Field(description="Its licence, e.g. 'CC BY 4.0' or 'Own work, all rights reserved'.")


class Prop(Strict):
    kind: PropKind = Field(description="What the prop is.")
    under: PointName | None = Field(None, description="The body point that rests on this prop.")
    at: PointName | None = Field(None, description="The body point that touches it (wall, ball, partner).")
    between: list[PointName] | None = Field(None, min_length=2, max_length=2, description="Two points a band runs between.")


class Figure(Strict):
    """A pictogram: one or more key positions drawn by the figure renderer; no words, so any language reads it."""

    view: View = Field(description="Camera view: side, front or back.")
    layout: FigureLayout = Field(
        "sequence", description="sequence: start in grey, end in black, with an arrow; compare: good (tick) then "
                                "fault (cross); pair: two variants side by side, neither marked wrong.")
    positions: list[Position] = Field(min_length=1, max_length=3, description="One to three key positions of the movement.")
    props: list[Prop] = Field(default_factory=list, description="Objects drawn with the figure (step, band, wall…).")
    arrow: PointName | None = Field(None, description="The point whose path the movement arrow follows; "
                                                       "by default the one that moves most.")

    @model_validator(mode="after")
    def _positions_fit_the_view(self) -> Figure:
        for position in self.positions:
            if self.view not in BODY_VIEWS[position.body]:
                views = " or ".join(BODY_VIEWS[position.body])
                raise ValueError(f"a {position.body} figure is drawn in the {views} view, not '{self.view}'")
        if self.layout in ("compare", "pair") and len(self.positions) != 2:
            raise ValueError(f"a {self.layout} figure has exactly two positions (for compare: the good one, then the fault)")
        return self
