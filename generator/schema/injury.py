"""Injuries: what a coach must recognise, modify, refer and never try to treat alone."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from . import relations as r
from .common import Entity, Id, Markdown, Strict, Text
from .urgency import UrgencyName

Professional = Literal[
    "emergency-services",
    "sports-physician",
    "general-practitioner",
    "physiotherapist",
    "podiatrist",
    "sports-dietitian",
    "mental-health-professional",
]
PROFESSIONAL_LABELS: dict[str, str] = {
    "emergency-services": "Emergency care",
    "sports-physician": "Sports physician",
    "general-practitioner": "General practitioner",
    "physiotherapist": "Physiotherapist",
    "podiatrist": "Podiatrist",
    "sports-dietitian": "Sports dietitian",
    "mental-health-professional": "Mental health professional",
}


class RedFlag(Strict):
    id: Id = Field(description="Stable id within the injury; other text cites it as [[flag:<injury id>/<this id>]].")
    sign: Text = Field(description="What the runner reports or you see.")
    action: Text = Field(description="What to do right now, in plain words.")
    refer_to: Professional = Field(description="Who the runner must see for this sign.")
    urgency: UrgencyName = Field(description="How soon: the site prints what each level means.")


class Referral(Strict):
    to: Professional = Field(description="The professional to refer to.")
    urgency: UrgencyName = Field(description="How soon the runner should be seen.")
    when: Text = Field(description="The situation that calls for this referral.")


class Injury(Entity):
    emergency: bool = Field(
        False, description="true for an emergency entry (e.g. chest pain): it has no drills and no drill deck."
    )
    presentation: Markdown = Field(description="Typical presentation, precise wording.")
    plain: Text = Field(description="What it is, in words a runner understands.")
    risk_factors: list[Text] = Field(min_length=1, description="What makes the condition more likely, one per line.")
    early_warning_signs: list[Text] = Field(min_length=1, description="Early signs a coach can notice, in plain words.")
    red_flags: list[RedFlag] = Field(default_factory=list, description="Signs that need a clinician, each with its own urgency and whom to see.")
    refer_to: list[Referral] = Field(default_factory=list, description="Whom to refer to, and how urgently.")
    coach_role: list[Text] = Field(min_length=1, description="What the coach may do.")
    clinician_role: list[Text] = Field(min_length=1, description="What belongs to the clinician.")
    load_modification: Markdown = Field(description="How to change training load while symptoms settle.")
    return_to_run: list[Text] = Field(min_length=1, description="Criteria, not dates, for returning to running.")
    myths: list["Myth"] = Field(default_factory=list, description="Common beliefs to unlearn, each with the truth.")
    structures: Annotated[list[Id], r.rel(r.LOADS)] = Field(default_factory=list, description="Anatomy ids.")
    drills: Annotated[list[Id], r.rel(r.ADDRESSES, reverse=True)] = Field(
        default_factory=list, description="Drill ids that help with this condition."
    )
    related: Annotated[list[Id], r.rel(r.RELATED_INJURY)] = Field(
        default_factory=list, description="Injury ids that are easily confused with this one or often occur with it."
    )


class Myth(Strict):
    myth: Text = Field(description="The belief, as a runner might say it.")
    truth: Text = Field(description="What the evidence says instead, in plain words.")
