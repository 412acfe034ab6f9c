"""Biomechanics: movement patterns and faults a coach can see in a runner."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from . import relations as r
from .figure import Figure, Image
from .common import Entity, Id, Markdown, Text

View = Literal["front", "back", "side", "any"]


class Biomechanics(Entity):
    what_you_see: list[Text] = Field(min_length=1, description="Observation cues, one per line.")
    camera: list[View] = Field(min_length=1, description="Camera views that show it best.")
    why_it_matters: Markdown = Field(description="Why it matters, precise wording for the student.")
    plain: Text = Field(description="How to explain it to a runner in plain words.")
    evidence_note: Markdown | None = Field(None, description="What the evidence does and does not show.")
    structures: Annotated[list[Id], r.rel(r.INVOLVES)] = Field(default_factory=list, description="Anatomy ids.")
    injuries: Annotated[list[Id], r.rel(r.CONTRIBUTES_TO)] = Field(default_factory=list, description="Injury ids.")
    assessments: Annotated[list[Id], r.rel(r.SCREENS_FOR, reverse=True)] = Field(
        default_factory=list, description="Assessment ids that confirm it."
    )
    drills: Annotated[list[Id], r.rel(r.ADDRESSES, reverse=True)] = Field(
        default_factory=list, description="Drill ids that address it."
    )
    figure: Figure | None = Field(None, description="Key positions drawn as a pictogram on the page and the card.")
    images: list[Image] = Field(default_factory=list, description="Your own pictures from content/media/.")
