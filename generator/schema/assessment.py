"""Assessments: tests a coach can run, with reference values and what the findings suggest."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from . import relations as r
from .figure import Figure, Image
from .common import Entity, Id, Markdown, Strict, Text


class ReferenceValue(Strict):
    population: Text = Field(description="Who the values were measured in.")
    value: Text = Field(description="The value or range, with its unit.")
    source: Annotated[Id, r.rel(r.CITES)] = Field(description="Reference id the value comes from.")


class Threshold(Strict):
    """A measured value beyond which the finding counts; only where a cited source gives the number."""

    measure: Text = Field(description="What is measured, e.g. 'difference between sides'.")
    more_than: float = Field(ge=0, description="The finding counts when the measured value is more than this.")
    unit: Text = Field(description="Unit of the value, e.g. 'cm' or 'repetitions'.")
    source: Annotated[Id, r.rel(r.CITES)] = Field(description="Reference id that gives the number.")


class Finding(Strict):
    id: Id = Field(description="Stable id within the assessment; plans cite it as '<assessment id>/<this id>'.")
    finding: Text = Field(description="What the test shows, e.g. 'knee-to-wall distance under 9 cm'.")
    meaning: Text = Field(description="What it suggests, in careful words.")
    suggests: Annotated[list[Id], r.rel(r.SUGGESTS)] = Field(
        default_factory=list, description="Biomechanics or drill ids that follow from the finding."
    )
    threshold: Threshold | None = Field(
        None, description="Optional cut-off from a cited source; without one the coach ticks the finding."
    )


class Zone(Strict):
    colour: Literal["green", "amber", "red"] = Field(description="The zone of the traffic light.")
    score: Text = Field(description="The range on the scale, e.g. '0–2'.")
    action: Text = Field(description="What the runner does, in plain words; printed on drill cards.")


class Assessment(Entity):
    purpose: Text = Field(description="What the test tells the coach, in one sentence.")
    equipment: list[Text] = Field(default_factory=list, description="Empty means no equipment is needed.")
    procedure: list[Text] = Field(min_length=1, description="Numbered steps.")
    scoring: Markdown = Field(description="How to score or read the result.")
    reference_values: list[ReferenceValue] = Field(
        default_factory=list, description="Published values to compare with; each names its source."
    )
    findings: list[Finding] = Field(min_length=1, description="Possible results and what each suggests.")
    safety: list[Text] = Field(min_length=1, description="When not to run the test or when to stop it.")
    traffic_light: list[Zone] = Field(
        default_factory=list, description="A green/amber/red reading of the scale; drill cards print it."
    )
    checks: Annotated[list[Id], r.rel(r.SCREENS_FOR)] = Field(
        default_factory=list, description="Biomechanics, injury or anatomy ids this test looks at."
    )
    figure: Figure | None = Field(None, description="Key positions drawn as a pictogram on the page and the card.")
    images: list[Image] = Field(default_factory=list, description="Your own pictures from content/media/.")
