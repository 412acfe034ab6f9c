"""Lessons: objectives, sections that link into the knowledge base, a case study."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from . import relations as r
from .common import Entity, Id, Markdown, Strict, Text


class Section(Strict):
    heading: Text = Field(description="The section heading.")
    body: Markdown = Field(description="The section text; link entities with [[id]].")


class CaseStudy(Strict):
    runner: Markdown = Field(description="Who the runner is and what they report.")
    what_you_see: Markdown = Field(description="What the coach observes or measures.")
    what_you_do: Markdown = Field(description="What the coach does about it.")
    what_you_say: Markdown = Field(description="What the coach says to the runner.")
    when_to_refer: Markdown = Field(description="Which signs would mean referral, and to whom.")


class Lesson(Entity):
    objectives: list[Text] = Field(min_length=1, description="What the student can do afterwards.")
    minutes: int = Field(ge=5, le=240, description="Estimated time in minutes.")
    prerequisites: Annotated[list[Id], r.rel(r.PREREQUISITE)] = Field(
        default_factory=list, description="Lesson ids to study first."
    )
    sections: list[Section] = Field(min_length=1, description="The lesson text, in headed sections.")
    case_study: CaseStudy = Field(description="A runner's case worked through from seeing to referring.")
    covers: Annotated[list[Id], r.rel(r.COVERS)] = Field(
        default_factory=list, description="Entity ids this lesson teaches, beyond those linked in its text."
    )
