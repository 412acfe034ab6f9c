"""Pictures from data: pictograms from pose data, movement-pattern figures and body maps, as SVG with alt text."""

from __future__ import annotations

from ..knowledge import Item, KnowledgeBase
from .bodymap import body_map, segments_for
from .pictogram import Pictogram, render

FIGURE_KINDS = ("drill", "assessment", "biomechanics")
"""Kinds whose entities should carry a pose figure; one without is a gap in `stride check`'s summary."""

BODY_MAP_KINDS = ("anatomy", "drill", "injury")
"""Kinds whose pages show a body map: where it is, what it trains, where it hurts."""
LINKED_ANATOMY = {"drill": "targets", "biomechanics": "structures", "assessment": "checks", "injury": "structures"}
"""The field naming the anatomy a figure or body map highlights, per kind."""


def regions_of(item: Item, kb: KnowledgeBase) -> list[str]:
    """Body-map regions of an anatomy entity, or of the anatomy an entity links to, in first-seen order."""
    if item.kind == "anatomy":
        return list(item.model.body_map)
    regions: list[str] = []
    for ident in getattr(item.model, LINKED_ANATOMY.get(item.kind, ""), []) or []:
        anatomy = kb.items.get(("anatomy", ident))
        regions += [r for r in (anatomy.model.body_map if anatomy else []) if r not in regions]
    return regions


def figure_of(item: Item, kb: KnowledgeBase) -> Pictogram | None:
    """The pose pictogram of a drill, assessment or movement pattern, its linked anatomy emphasised."""
    figure = getattr(item.model, "figure", None)
    return render(figure, segments_for(regions_of(item, kb))) if figure else None


def body_map_of(item: Item, kb: KnowledgeBase) -> Pictogram | None:
    """Where it is (anatomy), what it trains (drill) or where it hurts (injury); None when nothing maps."""
    regions = regions_of(item, kb)
    return body_map(regions) if regions else None


def figure_blocks(item: Item, kb: KnowledgeBase) -> dict[str, Pictogram | None]:
    """What an entity page shows: its pose figure and its body map (either may be None)."""
    return {"figure": figure_of(item, kb) if item.kind in FIGURE_KINDS else None,
            "body_map": body_map_of(item, kb) if item.kind in BODY_MAP_KINDS else None}


def unposed(kb: KnowledgeBase) -> dict[str, list[str]]:
    """Ids per kind that have no figure yet."""
    return {kind: [i.id for i in kb.of_kind(kind) if i.model.figure is None] for kind in FIGURE_KINDS}
