"""The glossary (`glossary.yml`) and the reference list (`references.yml`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from . import relations as r
from .common import Id, Strict, Text


class Term(Strict):
    id: Id
    term: Text
    precise: Text = Field(description="Definition for the student.")
    plain: Text = Field(description="Definition in everyday words for the runner.")
    aliases: list[Text] = Field(default_factory=list)
    see: Annotated[list[Id], r.rel(r.MENTIONS)] = Field(default_factory=list, description="Entity ids to read next.")


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1)


class Reference(Strict):
    id: Id
    authors: Text
    year: int = Field(ge=1900, le=2100)
    title: Text
    venue: Text = Field(description="Journal or publisher.")
    volume: Text | None = Field(None, description="Volume(issue):pages.")
    doi: Annotated[str, Field(pattern=r"^10\.\d{4,9}/\S+$")] | None = None
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = None


class References(Strict):
    references: list[Reference] = Field(min_length=1)
