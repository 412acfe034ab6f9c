"""Which drills help an injury and which it must avoid or change: from declared relations only (a drill's own,
and those of the drills its steps link to).

Decks, injury pages, drill pages and plans all ask here, so a drill that mentions an injury in its
precautions can never be offered as help for it.
"""

from __future__ import annotations

from collections import deque
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


_STRENGTH = {"Avoid": 2, "Modify": 1}
"""Which action wins when a drill meets two for one injury."""


@once_per
def _declared(kb: KnowledgeBase) -> tuple[tuple[Caution, ...], dict[Key, list[Caution]]]:
    """Every caution in drill then injury order, and the cautions naming each drill or injury in that order.

    A drill whose steps tell the runner to do another drill (directly, or through that drill's own steps) carries
    that drill's cautions too: a warm-up whose step is "2 sets of 10 [[pogo-hops]]" is avoided wherever pogo hops
    are. For each injury the stronger action wins (avoid over modify), whoever declares it."""
    own = {drill.key: [Caution(drill.key, ("injury", entry.injury), action, entry.reason)
                       for field, action in ACTIONS.items() for entry in getattr(drill.model, field)]
           for drill in kb.of_kind("drill")}
    found = []
    for drill in kb.of_kind("drill"):
        carried: dict[Key, Caution] = {}
        for step, reached in _drills_led_to(kb, drill):
            via = f"[[{step.id}]]" if step is reached else f"[[{step.id}]], which includes [[{reached.id}]]"
            for caution in own[reached.key]:
                held = carried.get(caution.injury)
                if held is None or _STRENGTH[caution.action] > _STRENGTH[held.action]:
                    carried[caution.injury] = Caution(drill.key, caution.injury, caution.action,
                                                      f"One of its steps is {via}: {caution.reason}")
        strongest_own = {}
        for caution in own[drill.key]:
            strongest_own[caution.injury] = max(strongest_own.get(caution.injury, 0), _STRENGTH[caution.action])
        overruled = {injury for injury, caution in carried.items()
                     if _STRENGTH[caution.action] > strongest_own.get(injury, 0)}
        found += [caution for caution in own[drill.key] if caution.injury not in overruled]
        found += [caution for injury, caution in carried.items() if injury in overruled]
    naming: dict[Key, list[Caution]] = {}
    for caution in found:
        naming.setdefault(caution.drill, []).append(caution)
        naming.setdefault(caution.injury, []).append(caution)
    return tuple(found), naming


def _drills_led_to(kb: KnowledgeBase, drill: Item) -> list[tuple[Item, Item]]:
    """(the step's drill, a drill it leads to) for each drill the steps lead to, directly or through other drills'
    steps, breadth first; a drill already met (a loop) is not followed again."""
    found: list[tuple[Item, Item]] = []
    seen = {drill.key}
    queue = deque((step, step) for step in _drills_in_steps(kb, drill))
    while queue:
        step, reached = queue.popleft()
        if reached.key in seen:
            continue
        seen.add(reached.key)
        found.append((step, reached))
        queue.extend((step, further) for further in _drills_in_steps(kb, reached))
    return found


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
    """Every avoid/modify relation of a drill, declared or carried from its steps, in drill then injury order."""
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
