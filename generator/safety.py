"""Which drills help an injury and which it must avoid or change: from declared relations only.

Decks, injury pages, drill pages and plans all ask here, so a drill that mentions an injury in its
precautions can never be offered as help for it.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    """Every caution in drill then injury order, and the cautions naming each drill or injury in that order."""
    found = []
    for drill in kb.of_kind("drill"):
        for field, action in ACTIONS.items():
            for entry in getattr(drill.model, field):
                found.append(Caution(drill.key, ("injury", entry.injury), action, entry.reason))
    naming: dict[Key, list[Caution]] = {}
    for caution in found:
        naming.setdefault(caution.drill, []).append(caution)
        naming.setdefault(caution.injury, []).append(caution)
    return tuple(found), naming


def cautions(kb: KnowledgeBase) -> list[Caution]:
    """Every avoid/modify relation a drill declares, in drill then injury order."""
    return list(_declared(kb)[0])


def cautions_for(kb: KnowledgeBase, key: Key) -> list[Caution]:
    """The cautions naming this drill or this injury, sorted by the other side's title."""
    mine = _declared(kb)[1].get(key, [])
    other = (lambda c: c.injury) if key[0] == "drill" else (lambda c: c.drill)
    return sorted(mine, key=lambda c: (kb.items[other(c)].title.lower() if other(c) in kb.items else other(c)[1]))


def helping_drills(graph: Graph, key: Key) -> list[Item]:
    """Drills declared to address this injury or pattern, leaving out any the injury must avoid or modify."""
    cautioned = {c.drill for c in _declared(graph.kb)[1].get(key, []) if c.injury == key}
    drills = graph.incoming(key).get(ADDRESSES.name, [])
    return [graph.kb.items[d] for d in drills if d not in cautioned]
