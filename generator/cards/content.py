"""What a drill card says: plain text from the knowledge base, a QR code, a source line."""

from __future__ import annotations

import base64
from dataclasses import dataclass, replace

import segno
from markupsafe import escape

from ..figures import figure_of
from ..figures.media import PRINT_WIDTH, resized, source
from ..graph import Graph
from ..knowledge import Item
from ..render.dose import change_rows, detail_rows, headline
from ..render.links import Linker, cite_label
from ..safety import ACTIONS, cautions_for

QR_MASK = 3


@dataclass(frozen=True)
class Zone:
    colour: str
    score: str
    action: str


@dataclass(frozen=True)
class CardFigure:
    markup: str
    """Our own SVG, or an <img> with the educator's picture as a data URI."""
    alt: str


@dataclass(frozen=True)
class Card:
    id: str
    title: str
    level: str
    purpose: str
    equipment: str
    no_equipment: str | None
    dose_line: str
    amount: list[tuple[str, str]]
    changes: list[tuple[str, str]]
    steps: list[str]
    cues: list[str]
    errors: list[tuple[str, str]]
    easier: list[str]
    harder: list[str]
    precautions: list[str]
    not_with: list[tuple[str, list[str]]]
    """("Avoid" or "Modify", the conditions): a drill's cautions from safety.py, as on its page."""
    pain: list[Zone]
    url: str
    qr_svg: str
    source: str
    figure: CardFigure | None = None


def drill_url(site_url: str, drill_id: str) -> str:
    return f"{site_url.rstrip('/')}/drills/{drill_id}/"


QR_MADE: dict[str, str] = {}
"""QR codes by URL; build.py keeps them in the card cache between runs, so an unchanged drill costs no QR work."""


def qr_svg(url: str) -> str:
    """An inline SVG QR code (medium error correction, so a worn card still scans).

    A fixed mask pattern is valid for every reader and skips segno's search for the best one,
    which would cost most of a build's card time.
    """
    if url not in QR_MADE:
        QR_MADE[url] = segno.make(url, error="m", mask=QR_MASK).svg_inline(scale=4, border=2, dark="#000000",
                                                                           light="#ffffff")
    return QR_MADE[url]


def traffic_light(graph: Graph) -> list[Zone]:
    """The pain traffic light from the knowledge base (the assessment that defines one)."""
    for item in graph.kb.of_kind("assessment"):
        if item.model.traffic_light:
            return [Zone(z.colour, z.score, z.action) for z in item.model.traffic_light]
    return []


def _own_image(drill: Item, graph: Graph) -> CardFigure | None:
    """The educator's first picture, sized for print, when the drill has no pose figure."""
    for image in drill.model.images:
        path = source(graph.kb, image.file)
        if path.is_file():
            kind = {".jpg": "jpeg", ".jpeg": "jpeg", ".svg": "svg+xml"}.get(path.suffix.lower(), path.suffix.lower()[1:])
            data = base64.b64encode(resized(path.read_bytes(), path.suffix.lower(), PRINT_WIDTH)).decode()
            # The alt text sits on the <img> too: a tagged PDF needs it there (WeasyPrint reports an image without it).
            return CardFigure(f'<img src="data:image/{kind};base64,{data}" alt="{escape(image.alt)}">', image.alt)
    return None


def _not_with(drill: Item, graph: Graph) -> list[tuple[str, list[str]]]:
    """The conditions to avoid or modify this drill with, grouped by action; the reasons are on the drill's page."""
    grouped: dict[str, list[str]] = {}
    for caution in cautions_for(graph.kb, drill.key):
        grouped.setdefault(caution.action, []).append(graph.kb.items[caution.injury].title
                                                      if caution.injury in graph.kb.items else caution.injury[1])
    return [(action, grouped[action]) for action in ACTIONS.values() if action in grouped]


def _named(ids: list[str], titles: dict[str, str], leave_out: frozenset[str] = frozenset()) -> list[str]:
    return [titles[i] for i in ids if i in titles and i not in leave_out]


def make_card(drill: Item, graph: Graph, site_url: str, pain: list[Zone], titles: dict[str, str]) -> Card:
    """The card for one drill; `titles` maps drill ids to titles for the easier/harder lines."""
    linker = Linker(graph.kb, "cards")
    m = drill.model
    text = linker.plain
    evidence = [graph.kb.items[("reference", r)] for r in m.evidence if ("reference", r) in graph.kb.items]
    source = "Stride Curriculum"
    if evidence:
        source += " · Evidence: " + "; ".join(cite_label(r) for r in evidence[:2])
    url = drill_url(site_url, drill.id)
    picture = figure_of(drill, graph.kb)
    return Card(
        id=drill.id,
        title=m.title,
        level=m.level.capitalize(),
        purpose=text(m.purpose),
        equipment=text(", ".join(m.equipment)) if m.equipment else "None needed",
        no_equipment=text(m.no_equipment_option) if m.no_equipment_option and m.equipment else None,
        dose_line=headline(m.dosage) if m.dosage else "",
        amount=[(label, text(value)) for label, value in detail_rows(m.dosage)] if m.dosage else [],
        changes=[(label, text(value)) for label, value in change_rows(m.dosage)] if m.dosage else [],
        steps=[text(s) for s in m.steps],
        cues=[text(c) for c in m.cues],
        errors=[(text(e.error), text(e.fix)) for e in m.common_errors],
        easier=_named(m.regressions, titles),
        harder=_named(m.progressions, titles),
        precautions=[text(p) for p in m.precautions],
        not_with=_not_with(drill, graph),
        pain=pain,
        url=url,
        qr_svg=qr_svg(url),
        source=source + " · Not medical advice",
        figure=CardFigure(picture.svg, picture.alt) if picture else _own_image(drill, graph),
    )


def without(card: Card, drill: Item, titles: dict[str, str], leave_out: frozenset[str]) -> Card:
    """The card with no easier or harder drill from `leave_out` (drills the runner's injury, or the deck's, must
    avoid or modify); the same card when it names none."""
    if leave_out.isdisjoint([*drill.model.regressions, *drill.model.progressions]):
        return card
    return replace(card, easier=_named(drill.model.regressions, titles, leave_out),
                   harder=_named(drill.model.progressions, titles, leave_out))
