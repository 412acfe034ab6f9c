"""quiz.longest-key: the right option is not usually the longest, so length alone does not give it away.

A single-choice question "gives away by length" when its right option is longer than every other
option. With four options chance alone does that about a quarter of the time; across the bank at most
MAX_SHARE of single-choice questions may do so (once the bank has MIN_QUESTIONS). When more do, each of
them is listed so an author can shorten the key or give the wrong options the same detail.

Passes:   "Stop and refer today" / "Reduce distance by 10%" / "Stretch the calf daily" / "Hop to test it"
Fails:    "Stop running today and arrange an assessment within a few days, because this may be a bone
          stress injury" / "Reduce distance" / "Stretch" / "Hop to test it" (in most questions of the bank)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context
from .quiz_bank import bank

CODE = "quiz.longest-key"
MIN_QUESTIONS = 20
MAX_SHARE = 0.35


def gives_away(question) -> bool:
    """True when the right option is the longest."""
    right = max(len(o.text) for o in question.options if o.correct)
    wrong = max(len(o.text) for o in question.options if not o.correct)
    return right > wrong


def check(ctx: Context) -> Iterator[Diagnostic]:
    asked = list(bank(ctx, "single"))
    if len(asked) < MIN_QUESTIONS:
        return
    longest = [a for a in asked if gives_away(a.question)]
    if len(longest) <= MAX_SHARE * len(asked):
        return
    share = f"{len(longest)} of {len(asked)} single-choice questions ({len(longest) / len(asked):.0%}; at most {MAX_SHARE:.0%})"
    for a in longest:
        yield Diagnostic.make(
            a.item.path, a.pos("options"), CODE,
            f"question '{a.question.id}': the right option is the longest, as in {share}",
            "shorten the right option or give the wrong ones the same detail, so length does not point to the answer",
        )
