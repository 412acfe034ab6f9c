"""Suggested orders: lessons after their prerequisites, drills after their easier versions."""

from __future__ import annotations

import heapq
from collections.abc import Callable

from ..knowledge import Item


def prerequisites_first(items: list[Item], needs: dict[str, set[str]], rank: Callable[[Item], tuple]) -> list[Item]:
    """Every item after the items it needs (among these), ties broken by `rank`."""
    by_id = {item.id: item for item in items}
    waiting = {item.id: {n for n in needs.get(item.id, ()) if n in by_id and n != item.id} for item in items}
    needed_by: dict[str, list[str]] = {}
    for ident, wanted in waiting.items():
        for other in wanted:
            needed_by.setdefault(other, []).append(ident)
    ready = [(rank(by_id[i]), i) for i, wanted in waiting.items() if not wanted]
    heapq.heapify(ready)
    ordered: list[Item] = []
    while ready:
        _, ident = heapq.heappop(ready)
        ordered.append(by_id[ident])
        for other in needed_by.get(ident, []):
            waiting[other].discard(ident)
            if not waiting[other]:
                heapq.heappush(ready, (rank(by_id[other]), other))
    # Items caught in a loop (already reported as ref.cycle) still get listed.
    done = {item.id for item in ordered}
    return ordered + sorted((by_id[i] for i in waiting if i not in done), key=rank)


def lesson_order(lessons: list[Item]) -> list[Item]:
    needs = {lesson.id: set(lesson.model.prerequisites) for lesson in lessons}
    return prerequisites_first(lessons, needs, lambda lesson: (lesson.title.lower(),))
