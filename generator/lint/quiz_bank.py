"""Shared view of the quiz bank for the answer-pattern rules: every answerable question with its place."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..knowledge import Item
from ..schema.quiz import answerable
from .context import Context


@dataclass(frozen=True)
class Asked:
    item: Item
    question: object
    path: tuple

    def pos(self, *more) -> tuple[int, int]:
        return self.item.pos((*self.path, *more))


def bank(ctx: Context, question_type: str) -> Iterator[Asked]:
    """Questions of one type across every quiz, in file and question order."""
    for item in ctx.of_kind("quiz"):
        for question, path in answerable(item.model):
            if question.type == question_type:
                yield Asked(item, question, path)
