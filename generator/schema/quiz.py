"""Quizzes: typed questions with per-option feedback and explanations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal, Union

from pydantic import Field

from . import relations as r
from .common import Entity, Id, Markdown, Strict, Text


class Option(Strict):
    text: Text
    correct: bool = False
    feedback: Text = Field(description="Shown when this option is chosen: why it is right or wrong.")


class QuestionBase(Strict):
    id: Id = Field(description="Unique across all quizzes; saved progress is keyed by it.")
    stem: Markdown
    hint: Text | None = None
    explanation: Markdown = Field(description="Why the answer is right, with [[id]] links to what teaches it.")
    tests_flag: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$")] | None = Field(
        None, description="The red flag whose urgency this question asks about, as '<injury id>/<flag id>'; "
        "`stride check` makes sure the keyed answer agrees with it."
    )


class Answered(QuestionBase):
    feedback_correct: Text
    feedback_incorrect: Text


class SingleChoice(QuestionBase):
    type: Literal["single"]
    options: list[Option] = Field(min_length=2)


class MultipleSelect(QuestionBase):
    type: Literal["multiple"]
    options: list[Option] = Field(min_length=3)


class TrueFalse(Answered):
    type: Literal["true-false"]
    answer: bool


class Pair(Strict):
    left: Text
    right: Text


class Matching(Answered):
    type: Literal["matching"]
    pairs: list[Pair] = Field(min_length=2)


class Ordering(Answered):
    type: Literal["ordering"]
    items: list[Text] = Field(min_length=3, description="Items in the correct order.")


class FillBlank(Answered):
    type: Literal["fill-blank"]
    accept: list[Text] = Field(min_length=1, description="Accepted answers, compared without case.")


class Numeric(Answered):
    type: Literal["numeric"]
    answer: float
    tolerance: float = Field(0, ge=0)
    unit: Text


Simple = Annotated[
    Union[SingleChoice, MultipleSelect, TrueFalse, Matching, Ordering, FillBlank, Numeric],
    Field(discriminator="type"),
]


class Scenario(Strict):
    id: Id
    type: Literal["scenario"]
    case: Markdown = Field(description="The case text all sub-questions share.")
    questions: list[Simple] = Field(min_length=2)


Question = Annotated[Union[Simple, Scenario], Field(discriminator="type")]


class ScoreBand(Strict):
    min_percent: int = Field(ge=0, le=100)
    message: Text


class Quiz(Entity):
    lesson: Annotated[Id | None, r.rel(r.QUIZ_FOR)] = Field(None, description="The lesson id this quiz belongs to.")
    questions: list[Question] = Field(min_length=1)
    score_bands: list[ScoreBand] = Field(default_factory=list)


def answerable(quiz: Quiz) -> Iterator[tuple[QuestionBase, tuple]]:
    """Every question that takes an answer, scenario parts included, with its path in the file."""
    for i, question in enumerate(quiz.questions):
        if isinstance(question, Scenario):
            for j, part in enumerate(question.questions):
                yield part, ("questions", i, "questions", j)
        else:
            yield question, ("questions", i)
