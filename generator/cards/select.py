"""Which drills go into a deck, and in what order: declared relations only, in training order.

An injury or pattern deck holds the drills declared to address it (a drill's `addresses` or the
injury's `drills`), never one the injury must avoid or modify. A lesson deck holds the drills the lesson
teaches: its `covers` and the drills its own text links to (which is what `covers` adds to). Mentions in
other pages' free text, such as a drill's precautions, never put a drill in a deck.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..graph import Graph
from ..knowledge import Item
from ..memo import once_per
from ..render.order import lesson_order, prerequisites_first
from ..safety import helping_drills
from ..schema.relations import COVERS, MENTIONS, PROGRESSES_TO


@dataclass(frozen=True)
class Filters:
    injuries: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    lessons: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    """Words to find in a drill's equipment; 'none' means drills that need no equipment."""
    ids: tuple[str, ...] = field(default=())


def _equipment_matches(drill: Item, words: tuple[str, ...]) -> bool:
    have = " ".join(drill.model.equipment).lower()
    return any((word == "none" and not drill.model.equipment) or (word != "none" and word in have) for word in words)


def _allowed(graph: Graph, filters: Filters) -> set[str] | None:
    """Drill ids the injury, pattern and lesson filters let through (None: those filters are not used)."""
    allowed: set[str] | None = None
    groups = (
        [{d.id for d in helping_drills(graph, ("injury", i))} for i in filters.injuries],
        [{d.id for d in helping_drills(graph, ("biomechanics", p))} for p in filters.patterns],
        [_taught(graph, lesson) for lesson in filters.lessons],
    )
    for sets in groups:
        if sets:
            union = set().union(*sets)
            allowed = union if allowed is None else allowed & union
    return allowed


def _taught(graph: Graph, lesson: str) -> set[str]:
    links = graph.outgoing(("lesson", lesson))
    return {ident for name in (COVERS.name, MENTIONS.name) for kind, ident in links.get(name, []) if kind == "drill"}


def training_order(graph: Graph, drills: list[Item]) -> list[Item]:
    """Easier versions before harder ones; otherwise in the order the lessons teach them, then by title."""
    lessons = lesson_order(graph.kb.of_kind("lesson"))
    first_lesson: dict[str, int] = {}
    for rank, lesson in enumerate(lessons):
        for kind, ident in graph.outgoing(lesson.key).get(COVERS.name, []):
            if kind == "drill":
                first_lesson.setdefault(ident, rank)
    needs = {d.id: {k[1] for k in graph.incoming(d.key).get(PROGRESSES_TO.name, [])} for d in drills}
    return prerequisites_first(drills, needs, lambda d: (first_lesson.get(d.id, len(lessons)), d.title.lower()))


@once_per
def _every_drill_in_training_order(graph: Graph) -> list[Item]:
    """Every deck is cut from this one order (a curriculum has hundreds of decks)."""
    return training_order(graph, graph.kb.of_kind("drill"))


def select(graph: Graph, filters: Filters) -> list[Item]:
    """Drills that pass every given filter, in training order (explicit ids keep their order, once each)."""
    if filters.ids:
        drills = {item.id: item for item in graph.kb.of_kind("drill")}
        chosen = [drills[i] for i in dict.fromkeys(filters.ids) if i in drills]
    else:
        chosen = list(_every_drill_in_training_order(graph))
    allowed = _allowed(graph, filters)
    if allowed is not None:
        chosen = [d for d in chosen if d.id in allowed]
    if filters.tags:
        chosen = [d for d in chosen if set(filters.tags) & set(d.model.tags)]
    if filters.equipment:
        chosen = [d for d in chosen if _equipment_matches(d, filters.equipment)]
    return chosen
