"""Which drills go into a deck: filters by injury, pattern, lesson, tag, equipment or explicit ids."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..graph import Graph
from ..knowledge import Item


@dataclass(frozen=True)
class Filters:
    injuries: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    """Words to find in a drill's equipment; 'none' means drills that need no equipment."""
    ids: tuple[str, ...] = field(default=())


def _linked(graph: Graph, key: tuple[str, str]) -> set[str]:
    """Drill ids linked to an item in either direction, by any relation or inline link."""
    ends = {source for source, _, target in graph.edges if target == key}
    ends |= {target for source, _, target in graph.edges if source == key}
    return {ident for kind, ident in ends if kind == "drill"}


def _equipment_matches(drill: Item, words: tuple[str, ...]) -> bool:
    have = " ".join(drill.model.equipment).lower()
    return any((word == "none" and not drill.model.equipment) or (word != "none" and word in have) for word in words)


def select(graph: Graph, filters: Filters) -> list[Item]:
    """Drills that pass every given filter, in title order (explicit ids keep their order)."""
    drills = {item.id: item for item in graph.kb.of_kind("drill")}
    if filters.ids:
        chosen = [drills[i] for i in filters.ids if i in drills]
    else:
        chosen = sorted(drills.values(), key=lambda d: d.title.lower())
    for kind, wanted in (("injury", filters.injuries), ("biomechanics", filters.patterns), ("lesson", filters.lessons)):
        if wanted:
            allowed = set().union(*(_linked(graph, (kind, ident)) for ident in wanted))
            chosen = [d for d in chosen if d.id in allowed]
    if filters.tags:
        chosen = [d for d in chosen if set(filters.tags) & set(d.model.tags)]
    if filters.equipment:
        chosen = [d for d in chosen if _equipment_matches(d, filters.equipment)]
    return chosen
