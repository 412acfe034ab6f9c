"""quiz.duplicate-item: options, matching sides and ordering items are distinct, so the answer is unambiguous.

Passes:   type: ordering, items: [Stop running, Call the physio, Record it]
Fails:    type: ordering, items: [Stop running, Stop running, Record it]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..schema.quiz import Matching, MultipleSelect, Ordering, SingleChoice, answerable
from .context import Context

CODE = "quiz.duplicate-item"


def _lists(question: object) -> Iterator[tuple[str, list[str]]]:
    if isinstance(question, (SingleChoice, MultipleSelect)):
        yield "options", [o.text for o in question.options]
    elif isinstance(question, Matching):
        yield "pairs", [p.left for p in question.pairs]
        yield "pairs", [p.right for p in question.pairs]
    elif isinstance(question, Ordering):
        yield "items", list(question.items)


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.of_kind("quiz"):
        for question, path in answerable(item.model):
            for field, values in _lists(question):
                seen: set[str] = set()
                for i, value in enumerate(values):
                    norm = value.strip().lower()
                    if norm in seen:
                        yield Diagnostic.make(item.path, item.pos((*path, field, i)), CODE,
                                              f"question '{question.id}' repeats '{value}' in {field}",
                                              "make every entry distinct so only one answer is right")
                    seen.add(norm)
