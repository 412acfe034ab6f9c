"""quiz.true-false-balance: true/false questions are not nearly always "false" (or "true").

Across the bank, once there are MIN_QUESTIONS true/false questions, each answer must be the key of
at least MIN_SHARE of them; otherwise a student who always answers the majority scores well.

Passes:   12 true, 15 false
Fails:    5 true, 22 false
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context
from .quiz_bank import bank

CODE = "quiz.true-false-balance"
MIN_QUESTIONS = 10
MIN_SHARE = 0.35


def check(ctx: Context) -> Iterator[Diagnostic]:
    asked = list(bank(ctx, "true-false"))
    if len(asked) < MIN_QUESTIONS:
        return
    true = sum(a.question.answer for a in asked)
    for answer, count in ((True, true), (False, len(asked) - true)):
        if count < MIN_SHARE * len(asked):
            majority = next(a for a in asked if a.question.answer is not answer)
            word, other = ("true", "false") if answer else ("false", "true")
            yield Diagnostic.make(
                majority.item.path, majority.pos("answer"), CODE,
                f"only {count} of {len(asked)} true/false questions are {word} (at least {MIN_SHARE:.0%} needed)",
                f"rewrite some {other} statements as {word} ones (first {other} one: '{majority.question.id}')",
            )
