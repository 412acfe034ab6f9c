"""quiz.duplicate-question-id: question ids are unique across all quizzes (saved progress is keyed by them).

Passes:   two quizzes with questions gait-q01 and hips-q01
Fails:    two questions, anywhere, both with id gait-q01
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..schema.quiz import Scenario
from .context import Context

CODE = "quiz.duplicate-question-id"


def _ids(quiz: object) -> Iterator[tuple[str, tuple]]:
    for i, question in enumerate(quiz.questions):
        yield question.id, ("questions", i, "id")
        if isinstance(question, Scenario):
            for j, part in enumerate(question.questions):
                yield part.id, ("questions", i, "questions", j, "id")


def check(ctx: Context) -> Iterator[Diagnostic]:
    first: dict[str, str] = {}
    for item in ctx.of_kind("quiz"):
        for qid, path in _ids(item.model):
            where = f"{item.path}:{item.pos(path)[0]}"
            if qid in first:
                yield Diagnostic.make(item.path, item.pos(path), CODE, f"question id '{qid}' is already used at {first[qid]}",
                                      f"use a new id such as '{qid}-b'; never reuse an id")
            else:
                first[qid] = where
