"""A suggested order for lessons: prerequisites first, then by title."""

from __future__ import annotations

import heapq

from ..knowledge import Item


def lesson_order(lessons: list[Item]) -> list[Item]:
    by_id = {lesson.id: lesson for lesson in lessons}
    waiting = {lesson.id: {p for p in lesson.model.prerequisites if p in by_id} for lesson in lessons}
    ready = [(by_id[i].title.lower(), i) for i, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    ordered: list[Item] = []
    while ready:
        _, ident = heapq.heappop(ready)
        ordered.append(by_id[ident])
        for other, needs in waiting.items():
            if ident in needs:
                needs.discard(ident)
                if not needs:
                    heapq.heappush(ready, (by_id[other].title.lower(), other))
    # Lessons caught in a prerequisite loop (already reported as ref.cycle) still get listed.
    return ordered + sorted((by_id[i] for i in waiting if by_id[i] not in ordered), key=lambda l: l.title.lower())
