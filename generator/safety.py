"""Which drills help an injury and which it must avoid or change: from declared relations only (a drill's own,
and those of the drills its steps link to).

Decks, injury pages, drill pages and plans all ask here, so a drill that mentions an injury in its
precautions can never be offered as help for it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .extract import LINK, parse_link
from .graph import Graph
from .knowledge import Item, Key, KnowledgeBase
from .memo import once_per
from .schema.relations import ADDRESSES

ACTIONS = {"avoid_with": "Avoid", "modify_with": "Modify"}
"""Drill field → the word shown beside it."""


@dataclass(frozen=True)
class Caution:
    drill: Key
    injury: Key
    action: str
    reason: str


@once_per
def _declared(kb: KnowledgeBase) -> tuple[tuple[Caution, ...], dict[Key, list[Caution]]]:
    """Every caution in drill then injury order, and the cautions naming each drill or injury in that order.

    A drill whose steps tell the runner to do another drill carries that drill's cautions too, unless it declares
    its own for the same injury: a warm-up whose step is "2 sets of 10 [[pogo-hops]]" is avoided wherever pogo
    hops are."""
    own = {drill.key: [Caution(drill.key, ("injury", entry.injury), action, entry.reason)
                       for field, action in ACTIONS.items() for entry in getattr(drill.model, field)]
           for drill in kb.of_kind("drill")}
    found = []
    for drill in kb.of_kind("drill"):
        found += own[drill.key]
        covered = {caution.injury for caution in own[drill.key]}
        for step_drill in _drills_in_steps(kb, drill):
            for caution in own[step_drill.key]:
                if caution.injury not in covered:
                    covered.add(caution.injury)
                    found.append(Caution(drill.key, caution.injury, caution.action,
                                         f"One of its steps is [[{step_drill.id}]]: {caution.reason}"))
    naming: dict[Key, list[Caution]] = {}
    for caution in found:
        naming.setdefault(caution.drill, []).append(caution)
        naming.setdefault(caution.injury, []).append(caution)
    return tuple(found), naming


def _drills_in_steps(kb: KnowledgeBase, drill: Item) -> list[Item]:
    """Other drills the steps link to, in the order they first appear."""
    found: dict[Key, Item] = {}
    for step in drill.model.steps:
        for match in LINK.finditer(step):
            link = parse_link(match[1], ())
            key = ("drill", link.target) if link and link.kind in (None, "drill") else None
            if key in kb.items and key != drill.key:
                found.setdefault(key, kb.items[key])
    return list(found.values())


def cautions(kb: KnowledgeBase) -> list[Caution]:
    """Every avoid/modify relation a drill declares, in drill then injury order."""
    return list(_declared(kb)[0])


def cautions_for(kb: KnowledgeBase, key: Key) -> list[Caution]:
    """The cautions naming this drill or this injury, sorted by the other side's title."""
    mine = _declared(kb)[1].get(key, [])
    other = (lambda c: c.injury) if key[0] == "drill" else (lambda c: c.drill)
    return sorted(mine, key=lambda c: (kb.items[other(c)].title.lower() if other(c) in kb.items else other(c)[1]))


def cautioned_drills(kb: KnowledgeBase, injuries: tuple[str, ...]) -> frozenset[str]:
    """Ids of the drills any of these injuries must avoid or modify."""
    naming = _declared(kb)[1]
    return frozenset(caution.drill[1] for i in injuries for caution in naming.get(("injury", i), []))


def helping_drills(graph: Graph, key: Key) -> list[Item]:
    """Drills declared to address this injury or pattern, leaving out any the injury must avoid or modify."""
    cautioned = {c.drill for c in _declared(graph.kb)[1].get(key, []) if c.injury == key}
    drills = graph.incoming(key).get(ADDRESSES.name, [])
    return [graph.kb.items[d] for d in drills if d not in cautioned]
