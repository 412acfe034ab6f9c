"""Drills: exercises with CERT-style dosage, cues and progressions."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from . import relations as r
from .figure import Figure, Image
from .common import Entity, Id, Strict, Text

Level = Literal["beginner", "intermediate", "advanced"]


class Dosage(Strict):
    sets: int | None = Field(None, ge=1, le=20, description="Number of sets.")
    reps: int | None = Field(None, ge=1, le=200, description="Repetitions per set.")
    hold_s: int | None = Field(None, ge=1, le=600, description="Hold time per repetition, in seconds.")
    duration_s: int | None = Field(None, ge=1, le=7200, description="Duration per set, in seconds.")
    distance_m: int | None = Field(None, ge=1, le=10000, description="Distance per set, in metres.")
    each_side: bool = Field(False, description="true when the dose is done on each side.")
    frequency: Text | None = Field(None, description="How often, e.g. '3 times a week'.")
    tempo: Text | None = Field(None, description="Speed of each repetition, e.g. '3 s down, 1 s up'.")
    rest_s: int | None = Field(None, ge=0, le=600, description="Rest between sets, in seconds.")
    progress_when: Text | None = Field(None, description="When to make it harder.")
    drop_back_if: Text | None = Field(None, description="When to go back to an easier version.")
    stop_if: Text | None = Field(None, description="When to stop the drill today.")


class CommonError(Strict):
    error: Text = Field(description="What goes wrong, as the coach sees it.")
    fix: Text = Field(description="How to correct it, as a plain cue.")


class AvoidWith(Strict):
    """An injury this drill must not be used with, and why."""

    injury: Annotated[Id, r.rel(r.AVOID_WITH)] = Field(description="Injury id.")
    reason: Text = Field(description="Why, in one plain sentence (shown on the drill and injury pages).")


class ModifyWith(Strict):
    """An injury this drill may be used with only in a changed form, and how."""

    injury: Annotated[Id, r.rel(r.MODIFY_WITH)] = Field(description="Injury id.")
    reason: Text = Field(description="What to change and why, in one plain sentence.")


class Drill(Entity):
    purpose: Text = Field(description="One plain sentence: what it trains and why.")
    level: Level = Field(description="Who the drill suits: beginner, intermediate or advanced.")
    equipment: list[Text] = Field(default_factory=list, description="Empty means no equipment is needed.")
    no_equipment_option: Text | None = Field(None, description="How to do it without the equipment.")
    dosage: Dosage | None = Field(None, description="Sets, repetitions or time, frequency and rules to progress.")
    steps: list[Text] = Field(default_factory=list, description="Numbered steps, short and in active voice.")
    cues: list[Text] = Field(default_factory=list, description="Plain-language coaching cues.")
    common_errors: list[CommonError] = Field(default_factory=list, description="Typical mistakes, each with its fix.")
    precautions: list[Text] = Field(default_factory=list, description="When to stop or adapt the drill.")
    targets: Annotated[list[Id], r.rel(r.TARGETS)] = Field(default_factory=list, description="Anatomy ids.")
    addresses: Annotated[list[Id], r.rel(r.ADDRESSES)] = Field(
        default_factory=list, description="Biomechanics or injury ids."
    )
    avoid_with: list[AvoidWith] = Field(
        default_factory=list, description="Injuries this drill must not be used with; never in their decks or plans."
    )
    modify_with: list[ModifyWith] = Field(
        default_factory=list, description="Injuries this drill needs changing for; never in their decks or plans."
    )
    progressions: Annotated[list[Id], r.rel(r.PROGRESSES_TO)] = Field(
        default_factory=list, description="Harder drill ids."
    )
    regressions: Annotated[list[Id], r.rel(r.PROGRESSES_TO, reverse=True)] = Field(
        default_factory=list, description="Easier drill ids."
    )
    figure: Figure | None = Field(None, description="Key positions drawn as a pictogram on the page and the card.")
    images: list[Image] = Field(default_factory=list, description="Your own pictures from content/media/.")
