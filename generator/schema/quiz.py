"""Quizzes: typed questions with per-option feedback and explanations."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal, Union

from pydantic import Field

from . import relations as r
from .common import Entity, Id, Markdown, Strict, Text


class Option(Strict):
    text: Text = Field(description="The option as the student reads it.")
    correct: bool = Field(False, description="true for a right option.")
    feedback: Text = Field(description="Shown when this option is chosen: why it is right or wrong.")


class QuestionBase(Strict):
    id: Id = Field(description="Unique across all quizzes; saved progress is keyed by it.")
    stem: Markdown = Field(description="The question as the student reads it.")
    hint: Text | None = Field(None, description="A nudge the student can open before answering.")
    explanation: Markdown = Field(description="Why the answer is right, with [[id]] links to what teaches it.")
    tests_flag: Annotated[str, Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$")] | None = Field(
        None, description="The red flag whose urgency this question asks about, as '<injury id>/<flag id>'; "
        "`stride check` makes sure the keyed answer agrees with it."
    )


class Answered(QuestionBase):
    feedback_correct: Text = Field(description="Shown after a right answer.")
    feedback_incorrect: Text = Field(description="Shown after a wrong answer: what to reconsider.")


class SingleChoice(QuestionBase):
    type: Literal["single"] = Field(description="Single choice: exactly one option is right.")
    options: list[Option] = Field(min_length=2, description="At least two options, one marked correct: true.")


class MultipleSelect(QuestionBase):
    type: Literal["multiple"] = Field(description="Multiple select: one or more options are right.")
    options: list[Option] = Field(min_length=3, description="At least three options; mark each right one correct: true.")


class TrueFalse(Answered):
    type: Literal["true-false"] = Field(description="A statement the student marks true or false.")
    answer: bool = Field(description="true when the statement is true.")


class Pair(Strict):
    left: Text = Field(description="An item on the left.")
    right: Text = Field(description="The item it matches on the right.")


class Matching(Answered):
    type: Literal["matching"] = Field(description="Matching: pair each left item with its right item.")
    pairs: list[Pair] = Field(min_length=2, description="The right pairs; the site shuffles the right column.")


class Ordering(Answered):
    type: Literal["ordering"] = Field(description="Ordering: put the items in the right order.")
    items: list[Text] = Field(min_length=3, description="Items in the correct order.")


class FillBlank(Answered):
    type: Literal["fill-blank"] = Field(description="Fill in the blank: the stem holds ____ where the answer goes.")
    accept: list[Text] = Field(min_length=1, description="Accepted answers, compared without case.")


class Numeric(Answered):
    type: Literal["numeric"] = Field(description="A number the student types.")
    answer: float = Field(description="The right number.")
    tolerance: float = Field(0, ge=0, description="How far from the answer still counts as right, in the same unit.")
    unit: Text = Field(description="The unit of the answer, e.g. 'steps per minute'.")


Simple = Annotated[
    Union[SingleChoice, MultipleSelect, TrueFalse, Matching, Ordering, FillBlank, Numeric],
    Field(discriminator="type"),
]


class Scenario(Strict):
    id: Id = Field(description="Unique across all quizzes; saved progress is keyed by it.")
    type: Literal["scenario"] = Field(description="A case followed by several questions about it.")
    case: Markdown = Field(description="The case text all sub-questions share.")
    questions: list[Simple] = Field(min_length=2, description="Two or more questions about the case (any type but scenario).")


Question = Annotated[Union[Simple, Scenario], Field(discriminator="type")]


class ScoreBand(Strict):
    min_percent: int = Field(ge=0, le=100, description="The lowest score, in percent, that shows this message.")
    message: Text = Field(description="What the student reads at that score.")


class Quiz(Entity):
    lesson: Annotated[Id | None, r.rel(r.QUIZ_FOR)] = Field(None, description="The lesson id this quiz belongs to.")
    questions: list[Question] = Field(min_length=1, description="The questions, each with a type.")
    score_bands: list[ScoreBand] = Field(default_factory=list, description="Messages shown for score ranges at the end.")


def answerable(quiz: Quiz) -> Iterator[tuple[QuestionBase, tuple]]:
    """Every question that takes an answer, scenario parts included, with its path in the file."""
    for i, question in enumerate(quiz.questions):
        if isinstance(question, Scenario):
            for j, part in enumerate(question.questions):
                yield part, ("questions", i, "questions", j)
        else:
            yield question, ("questions", i)
