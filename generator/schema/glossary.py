"""The glossary (`glossary.yml`) and the reference list (`references.yml`)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from . import relations as r
from .common import Id, Strict, Text


class Term(Strict):
    id: Id = Field(description="Kebab-case id; link to the term with [[term:id]].")
    term: Text = Field(description="The term as it is written, e.g. 'Stance phase'.")
    precise: Text = Field(description="Definition for the student.")
    plain: Text = Field(description="Definition in everyday words for the runner.")
    aliases: list[Text] = Field(default_factory=list, description="Other spellings or names of the term.")
    see: Annotated[list[Id], r.rel(r.MENTIONS)] = Field(default_factory=list, description="Entity ids to read next.")


class Glossary(Strict):
    terms: list[Term] = Field(min_length=1, description="Every glossary term.")


class Reference(Strict):
    id: Id = Field(description="Short id used in evidence lists, e.g. 'willy2019'.")
    authors: Text = Field(description="Authors as cited, e.g. 'Willy RW, Hoglund LT, Barton CJ, et al.'.")
    year: int = Field(ge=1900, le=2100, description="Year of publication.")
    title: Text = Field(description="Title of the article, book or page.")
    venue: Text = Field(description="Journal or publisher.")
    volume: Text | None = Field(None, description="Volume(issue):pages.")
    doi: Annotated[str, Field(pattern=r"^10\.\d{4,9}/\S+$")] | None = Field(
        None, description="DOI without https://doi.org/, e.g. '10.2519/jospt.2019.0302'."
    )
    url: Annotated[str, Field(pattern=r"^https?://\S+$")] | None = Field(
        None, description="Web address when there is no DOI."
    )


class References(Strict):
    references: list[Reference] = Field(min_length=1, description="Every cited source.")
