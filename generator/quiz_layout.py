"""How a quiz is shown: the option order on the page and the question numbers, decided once.

The page source is what print and no-JavaScript readers see, so the order there must not give the
key away. Each question's order is a shuffle seeded by its id: stable across builds, different per
question, and the same for the renderer and for the lint rules that measure the bank.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass

from .schema.quiz import MultipleSelect, Quiz, Scenario, SingleChoice


def _rank(seed: str, i: int) -> str:
    return hashlib.sha256(f"{seed}:{i}".encode()).hexdigest()


def scramble(values: list, seed: str) -> list[int]:
    """A stable shuffled order (never the answer order) for no-JS reading of ordering/matching items."""
    order = sorted(range(len(values)), key=lambda i: _rank(seed, i))
    if order == sorted(order) and len(order) > 1:
        order = order[1:] + order[:1]
    return order


def option_order(question: SingleChoice | MultipleSelect) -> list[int]:
    """Source indexes of the options in the order the page shows them (a shuffle seeded by the id)."""
    return sorted(range(len(question.options)), key=lambda i: _rank(f"options:{question.id}", i))


def keyed_positions(question: SingleChoice | MultipleSelect) -> list[int]:
    """Where the right options appear on the page, counting from 0."""
    order = option_order(question)
    return [shown for shown, index in enumerate(order) if question.options[index].correct]


@dataclass(frozen=True)
class Numbered:
    """One question as the page numbers it: '12', or '12a' for a part of a scenario."""

    label: str
    question: object
    unit: str
    """The id of the numbered question it counts towards (the scenario's id for a part)."""
    weight: float
    """Its share of one point in the score: scenario parts split their question's point."""


def numbering(quiz: Quiz) -> Iterator[tuple[str, object, list[Numbered]]]:
    """(number, top-level question, its answerable parts) in page order; a scenario's parts are 12a, 12b…"""
    for number, question in enumerate(quiz.questions, start=1):
        if isinstance(question, Scenario):
            parts = question.questions
            yield str(number), question, [
                Numbered(f"{number}{chr(ord('a') + i)}", part, question.id, 1 / len(parts)) for i, part in enumerate(parts)
            ]
        else:
            yield str(number), question, [Numbered(str(number), question, question.id, 1.0)]
