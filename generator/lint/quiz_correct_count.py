"""quiz.correct-count: single choice has exactly one correct option; multiple select at least two and one wrong.

Passes:   type: single, options: [{text: A, correct: true, ...}, {text: B, ...}]
Fails:    type: single, options: [{text: A, correct: true, ...}, {text: B, correct: true, ...}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..schema.quiz import MultipleSelect, SingleChoice, answerable
from .context import Context

CODE = "quiz.correct-count"


def problem(question: object) -> str | None:
    if isinstance(question, SingleChoice):
        right = sum(o.correct for o in question.options)
        return None if right == 1 else f"has {right} correct options; a single-choice question needs exactly 1"
    if isinstance(question, MultipleSelect):
        right = sum(o.correct for o in question.options)
        wrong = len(question.options) - right
        if right < 2 or wrong < 1:
            return f"has {right} correct and {wrong} wrong options; multiple select needs at least 2 correct and 1 wrong"
    return None


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.of_kind("quiz"):
        for question, path in answerable(item.model):
            message = problem(question)
            if message:
                yield Diagnostic.make(item.path, item.pos((*path, "options")), CODE, f"question '{question.id}' {message}",
                                      "set `correct: true` on the right options only"
                                      + ("; use type: multiple for several right answers" if isinstance(question, SingleChoice) else ""))
