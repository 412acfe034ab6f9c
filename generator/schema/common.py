"""Building blocks shared by every kind: ids, Markdown text, the entity base model."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from . import relations as r

ID_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Id = Annotated[str, StringConstraints(pattern=ID_PATTERN)]
ONE_LINE = r"^[^\n\r]*$"
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, pattern=ONE_LINE)]
"""A non-empty line of text; may hold inline `[[id]]` links. A line break would end the box, list item or table
row the line is shown in (a red flag's action, a referral's "when"), so it is an error, not a new line."""
Markdown = Annotated[str, StringConstraints(min_length=1), "markdown"]
"""Markdown text; may hold inline `[[id]]`, `[[kind:id]]` and `[[id|text]]` links."""


class Strict(BaseModel):
    """Strict parsing: unknown keys are errors and no value is silently coerced (`no` stays text)."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Entity(Strict):
    id: Id | None = Field(None, description="Optional; must match the file name (without .yml) when given.")
    title: Text = Field(description="Page title, e.g. 'Single-leg bridge'.")
    summary: Text = Field(description="One or two sentences: what this is and why a runner or coach should care.")
    tags: list[Id] = Field(default_factory=list, description="Free kebab-case tags used for filtering.")
    also_called: list[Text] = Field(
        default_factory=list, description="Other names people use, e.g. 'shin splints'; shown under the title and found by search."
    )
    key_terms: Annotated[list[Id], r.rel(r.KEY_TERM)] = Field(
        default_factory=list, description="Glossary term ids defined in glossary.yml."
    )
    evidence: Annotated[list[Id], r.rel(r.CITES)] = Field(
        default_factory=list, description="Reference ids from references.yml that support this page."
    )
