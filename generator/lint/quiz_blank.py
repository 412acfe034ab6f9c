"""quiz.blank-missing: a fill-in-the-blank stem shows where the answer goes with ____.

Passes:   stem: A 5% increase in ____ lowers knee load.
Fails:    stem: A 5% increase in what lowers knee load?
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..schema.quiz import FillBlank, answerable
from .context import Context

CODE = "quiz.blank-missing"
BLANK = "___"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.of_kind("quiz"):
        for question, path in answerable(item.model):
            if isinstance(question, FillBlank) and BLANK not in question.stem:
                yield Diagnostic.make(item.path, item.pos((*path, "stem")), CODE,
                                      f"question '{question.id}' has no blank in its stem",
                                      "write ____ (four underscores) where the answer goes")
