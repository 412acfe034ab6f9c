"""quiz.key-position: across the bank, the right answer of single-choice questions is not parked in one place.

Print and no-JavaScript readers see the options in the page order (a shuffle seeded by each question's
id, see generator/quiz_layout.py). Over the whole bank, no letter may hold the right answer much more
often than chance: at most OVERUSE times the expected count, once the bank has MIN_QUESTIONS questions.

Passes:   80 four-option questions whose keys are shown as A 21, B 19, C 22, D 18
Fails:    80 four-option questions whose keys are shown as A 80 (the first option is always right)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..quiz_layout import keyed_positions
from .context import Context
from .quiz_bank import bank

CODE = "quiz.key-position"
MIN_QUESTIONS = 20
OVERUSE = 1.5


def check(ctx: Context) -> Iterator[Diagnostic]:
    asked = list(bank(ctx, "single"))
    if len(asked) < MIN_QUESTIONS:
        return
    shown = {a.question.id: keyed_positions(a.question)[0] for a in asked}
    observed = Counter(shown.values())
    for position in sorted(observed):
        expected = sum(1 / len(a.question.options) for a in asked if len(a.question.options) > position)
        if observed[position] > OVERUSE * expected:
            first = next(a for a in asked if shown[a.question.id] == position)
            letter = chr(ord("A") + position)
            yield Diagnostic.make(
                first.item.path, first.pos("options"), CODE,
                f"the right answer is option {letter} in {observed[position]} of {len(asked)} single-choice questions "
                f"(chance gives about {expected:.0f}; at most {OVERUSE * expected:.0f} allowed)",
                f"the page order comes from each question's id; check generator/quiz_layout.py still shuffles, "
                f"or add questions so the bank evens out (first one keyed at {letter}: '{first.question.id}')",
            )
