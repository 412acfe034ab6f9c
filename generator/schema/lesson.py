"""Lessons: objectives, sections that link into the knowledge base, a case study."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from . import relations as r
from .common import Entity, Id, Markdown, Strict, Text


class Section(Strict):
    heading: Text
    body: Markdown


class CaseStudy(Strict):
    runner: Markdown = Field(description="Who the runner is and what they report.")
    what_you_see: Markdown
    what_you_do: Markdown
    what_you_say: Markdown
    when_to_refer: Markdown


class Lesson(Entity):
    objectives: list[Text] = Field(min_length=1, description="What the student can do afterwards.")
    minutes: int = Field(ge=5, le=240, description="Estimated time in minutes.")
    prerequisites: Annotated[list[Id], r.rel(r.PREREQUISITE)] = Field(default_factory=list)
    sections: list[Section] = Field(min_length=1)
    case_study: CaseStudy
    covers: Annotated[list[Id], r.rel(r.COVERS)] = Field(
        default_factory=list, description="Entity ids this lesson teaches, beyond those linked in its text."
    )
