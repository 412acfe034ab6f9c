"""Communication scripts: how to say it to a runner or to the care team."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from . import relations as r
from .common import Entity, Id, Markdown, Strict, Text


class Plain(Strict):
    jargon: Text = Field(description="The technical term a student might use.")
    plain: Text = Field(description="The same idea in words a runner understands.")


class Line(Strict):
    speaker: Text = Field(description="Who speaks, e.g. 'Coach', 'Runner', 'Physiotherapist'.")
    line: Text = Field(description="What the speaker says.")


class Communication(Entity):
    scenario: Markdown = Field(description="The situation, e.g. explaining a hip drop or recommending referral.")
    goal: Text = Field(description="What the conversation should achieve.")
    jargon: list[Plain] = Field(default_factory=list, description="Jargon → plain-language pairs.")
    script: list[Line] = Field(min_length=2, description="An example dialogue.")
    listening_prompts: list[Text] = Field(default_factory=list, description="Active-listening and empathy prompts.")
    teach_back: Text = Field(description="A question that checks the runner understood.")
    do: list[Text] = Field(min_length=1, description="What helps in this conversation.")
    dont: list[Text] = Field(min_length=1, description="What to avoid saying or doing.")
    about: Annotated[list[Id], r.rel(r.ABOUT)] = Field(default_factory=list, description="Entity ids it helps explain.")
