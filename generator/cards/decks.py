"""Decks from the knowledge base: choose drills, make cards, lay them out, render (with a cache)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from ..diagnostics import Diagnostic
from ..extract import texts
from ..graph import Graph
from ..safety import cautioned_drills
from .content import Card, make_card, traffic_light, without
from .pieces import DeckRequest, render_decks
from .render import Faces, deck_info, deck_pieces, overflowing
from .select import Filters, select
from .sizes import LAYOUTS

FACE_FIELDS = {
    "front": ("purpose", "dosage", "steps", "cues", "common_errors"),
    "back": ("dosage", "no_equipment_option", "precautions", "progressions"),
}
"""The drill fields printed on each face, for naming the one to shorten."""


def _culprit(model, face: str, spilled: str) -> str:
    """The field that ran over, or else the field with the most text on that face."""
    if spilled in FACE_FIELDS[face]:
        return spilled
    return max(FACE_FIELDS[face], key=lambda name: _text_length(getattr(model, name)))


def _text_length(value: object) -> int:
    """Characters of text a field holds (the dose counts its words, not the printed form of its model)."""
    if isinstance(value, BaseModel):
        return sum(len(text) for text, _ in texts(value))
    if isinstance(value, list):
        return sum(_text_length(entry) for entry in value)
    return len(value) if isinstance(value, str) else 0


@dataclass(frozen=True)
class DeckSpec:
    slug: str
    title: str
    subtitle: str
    filters: Filters


def cards_for(graph: Graph, filters: Filters, site_url: str, injuries: tuple[str, ...] | None = None) -> list[Card]:
    """The cards of the selected drills; their easier and harder lines never name a drill that `injuries` (the
    runner's; by default the injuries the drills were chosen for) must avoid or modify."""
    pain = traffic_light(graph)
    titles = drill_titles(graph)
    leave_out = cautioned_drills(graph.kb, filters.injuries if injuries is None else injuries)
    return [without(make_card(drill, graph, site_url, pain, titles), drill, titles, leave_out)
            for drill in select(graph, filters)]


def drill_titles(graph: Graph) -> dict[str, str]:
    return {d.id: d.title for d in graph.kb.of_kind("drill")}


def deck_cards(graph: Graph, spec: DeckSpec, by_id: dict[str, Card], titles: dict[str, str]) -> list[Card]:
    """A ready deck's cards, taken from the cards made once for every drill: in an injury's deck, no easier or
    harder line names a drill that injury must avoid or modify (Single-leg balance says no 'Harder: Pogo hops' in
    the tibial bone stress injury deck)."""
    leave_out = cautioned_drills(graph.kb, spec.filters.injuries)
    return [without(by_id[drill.id], drill, titles, leave_out) for drill in select(graph, spec.filters)]


def ready_decks(graph: Graph) -> list[DeckSpec]:
    """The decks offered for download on the site: every drill, then one per injury that has drills."""
    decks = [DeckSpec("all-drills", "All drills", "Every drill card in the curriculum", Filters())]
    for injury in graph.kb.of_kind("injury"):
        filters = Filters(injuries=(injury.id,))
        if select(graph, filters):
            decks.append(DeckSpec(f"injury-{injury.id}", injury.title, "Drills that help", filters))
    return decks


def deck_request(cards: list[Card], spec: DeckSpec, size: str, faces: Faces, duplex: bool = False,
                 bleed: bool = False) -> DeckRequest:
    """The deck's pieces; `faces` is shared by every deck of a build, so each card face is made once."""
    layout = LAYOUTS[size]
    return DeckRequest(deck_pieces(cards, layout, spec.title, spec.subtitle, faces, duplex=duplex, bleed=bleed),
                       deck_info(cards, layout, spec.title, spec.subtitle))


def render_deck(cards: list[Card], spec: DeckSpec, size: str, templates: Path, cache: Path | None = None,
                duplex: bool = False, bleed: bool = False) -> bytes:
    """PDF bytes; with a cache folder, only the sheets not rendered before are rendered (see pieces.py)."""
    return render_decks([deck_request(cards, spec, size, Faces(templates), duplex, bleed)], cache)[0]


def fit_diagnostics(graph: Graph, cards: list[Card], templates: Path, cache: Path | None = None) -> list[Diagnostic]:
    """A positioned warning for each card face that would not fit its card."""
    problems = []
    for overflow in overflowing(cards, templates, cache):
        item = graph.kb.items[("drill", overflow.drill)]
        field = _culprit(item.model, overflow.face, overflow.field)
        problems.append(Diagnostic.make(
            item.path, item.pos((field,)), "card.too-long",
            f"the {overflow.face} of the card for '{overflow.drill}' is too long: it runs out of room at '{field}'",
            "shorten the text on this side of the card (short steps, 2–3 cues, 2 errors); "
            "the full detail stays on the drill page",
        ))
    return sorted(set(problems))
