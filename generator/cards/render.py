"""Render decks to PDF with WeasyPrint, and check that every card face fits its card."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from importlib.metadata import version
from pathlib import Path

from markupsafe import Markup

from .. import resources
from ..render.environment import html_environment
from ..writer import write_atomic
from .content import Card
from .sizes import FIT_MM, SLUG_MM, Layout
from .workers import run_all

CARD_CSS = resources.card_css()
WEASYPRINT = f"WeasyPrint {version('weasyprint')}"
"""Part of every cache key: a new WeasyPrint may lay out the same HTML differently."""


@dataclass(frozen=True)
class Sheet:
    fronts: list[Card | None]
    backs: list[Card | None]


def sheets(cards: list[Card], layout: Layout, duplex: bool) -> list[Sheet]:
    """Group cards per sheet; for long-edge duplex the backs are mirrored left to right in each row."""
    out = []
    for start in range(0, len(cards), layout.per_sheet):
        chunk: list[Card | None] = list(cards[start:start + layout.per_sheet])
        chunk += [None] * (layout.per_sheet - len(chunk))
        backs = list(chunk)
        if duplex:
            rows = [chunk[r * layout.columns:(r + 1) * layout.columns] for r in range(layout.rows)]
            backs = [card for row in rows for card in reversed(row)]
        out.append(Sheet(chunk, backs))
    return out


@dataclass(frozen=True)
class DeckInfo:
    """The PDF's document information: what a PDF viewer shows as title, author, subject and keywords."""

    title: str
    author: str
    subject: str
    keywords: str


AUTHOR = "Stride Curriculum"


def deck_info(cards: list[Card], layout: Layout, title: str, subtitle: str) -> DeckInfo:
    count = len(cards)
    return DeckInfo(title, AUTHOR, f"{subtitle}: {count} drill card{'s' if count != 1 else ''}, {layout.label}",
                    f"drill cards, running, {layout.name}")


class Faces:
    """Each card's front and back markup, made once however many decks and sizes show the card (a face does not
    depend on the sheet it is printed on)."""

    def __init__(self, templates: Path) -> None:
        self.templates = templates
        self._macros = html_environment(templates).get_template("cards/_faces.html.j2").module
        self._made: dict[tuple[int, str], tuple[Card, Markup]] = {}

    def front(self, card: Card) -> Markup:
        return self._face(card, "front")

    def back(self, card: Card) -> Markup:
        return self._face(card, "back")

    def _face(self, card: Card, side: str) -> Markup:
        key = (id(card), side)
        if key not in self._made:  # the card is kept with its markup, so no other card can take its id
            self._made[key] = (card, getattr(self._macros, side)(card))
        return self._made[key][1]


def _document(faces: Faces, layout: Layout, bleed: bool, **context) -> str:
    return html_environment(faces.templates).get_template("cards/deck.html.j2").render(
        layout=layout, bleed={"slug_mm": SLUG_MM} if bleed else None, card_css=CARD_CSS.read_text(encoding="utf-8"),
        faces=faces, **context,
    )


def deck_html(cards: list[Card], layout: Layout, title: str, subtitle: str, templates: Path,
              duplex: bool = False, bleed: bool = False) -> str:
    """The whole deck as one document: a cover (none with bleed) and every sheet."""
    return _document(Faces(templates), layout, bleed, cards=cards, title=title, subtitle=subtitle, duplex=duplex,
                     cover=not bleed, meta=deck_info(cards, layout, title, subtitle),
                     sheets=sheets(cards, layout, duplex))


def deck_pieces(cards: list[Card], layout: Layout, title: str, subtitle: str, faces: Faces,
                duplex: bool = False, bleed: bool = False) -> list[str]:
    """The same deck as separate documents, in page order: the cover (none with bleed), then one per sheet.

    A sheet's document holds nothing about its deck, so the same sheet in two decks is one cache entry.
    """
    pieces = [_document(faces, layout, bleed, cards=cards, title=title, subtitle=subtitle, duplex=duplex,
                        cover=True, meta=deck_info(cards, layout, title, subtitle), sheets=[])] if not bleed else []
    return pieces + [_document(faces, layout, bleed, cover=False, meta=None, sheets=[sheet])
                     for sheet in sheets(cards, layout, duplex)]


def to_pdf(html: str) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415 - needs Pango; imported only when PDFs are made

    # Tagged, so screen readers get headings, lists and tables; title, author and subject come from <head>.
    return HTML(string=html, base_url=str(CARD_CSS.parent)).write_pdf(pdf_tags=True)


FIT_CSS = """
/* Fit check: let a face grow instead of clipping it, so a face that needs a second page is too long. The room
   below the bottom block is a block of its own: WeasyPrint lets a face's bottom padding run past the page's edge
   without breaking, and text up to 5 mm too long passed the check and printed over the figure. */
.card-face { height: auto; overflow: visible; }
.card-bottom { position: relative; left: 0; right: 0; bottom: 0; margin-top: 1.5mm; }
.card-front, .card-back { padding-bottom: 0; }
.card-front::after, .card-back::after { content: ""; display: block; height: 5.2mm; }
"""


@dataclass(frozen=True)
class Overflow:
    drill: str
    face: str
    field: str


def _faces_on(page) -> list[tuple[str, str | None]]:
    """(face, first field) for every card face whose boxes appear on this laid-out page."""
    found: list[tuple[str, str | None]] = []
    stack = [page._page_box]  # noqa: SLF001 - WeasyPrint exposes laid-out boxes only here
    face, field = None, None
    while stack:
        box = stack.pop()
        element = getattr(box, "element", None)
        if element is not None:
            face = face or element.get("data-face")
            field = field or element.get("data-field")
        stack.extend(reversed(getattr(box, "children", []) or []))
    if face:
        found.append((face, field))
    return found


FIT_CARDS_PER_DOCUMENT = 25
"""Cards laid out together by a worker in the fit check: enough to spread the document's set-up cost, few enough to
keep its memory small."""


def _saved_overflows(path: Path) -> list[Overflow] | None:
    """A card's saved answer; None when there is none or it is damaged (the card is laid out again)."""
    try:
        return [Overflow(**entry) for entry in json.loads(path.read_bytes())]
    except (OSError, ValueError, TypeError):
        return None


def overflowing(cards: list[Card], templates: Path, cache: Path | None = None) -> list[Overflow]:
    """Faces that do not fit the smallest card cell, with the field that spills over.

    Every face starts a page of its own, so a card's answer depends on that card only: with a cache folder it is
    kept under the hash of the card's own HTML, and after an edit only the edited cards are laid out again.
    """
    template = html_environment(templates).get_template("cards/fit.html.j2")
    css = CARD_CSS.read_text(encoding="utf-8") + FIT_CSS

    def document(chunk: list[Card]) -> str:
        return template.render(cards=chunk, size=FIT_MM, card_css=css)

    paths = {card.id: cache / "fit" / (hashlib.sha256(f"{WEASYPRINT}\0{document([card])}".encode()).hexdigest()
                                       + ".json") for card in cards} if cache else {}
    found = {card_id: saved for card_id, path in paths.items() if (saved := _saved_overflows(path)) is not None}
    missing = [card for card in cards if card.id not in found]
    chunks = [missing[start:start + FIT_CARDS_PER_DOCUMENT] for start in range(0, len(missing), FIT_CARDS_PER_DOCUMENT)]
    for chunk, problems in zip(chunks, run_all(_layout_overflows, [document(chunk) for chunk in chunks])):
        for card in chunk:
            found[card.id] = [problem for problem in problems if problem.drill == card.id]
            if cache:
                write_atomic(paths[card.id], json.dumps([asdict(problem) for problem in found[card.id]]).encode())
    return [problem for card in cards for problem in found[card.id]]


def _layout_overflows(html: str) -> list[Overflow]:
    from weasyprint import HTML  # noqa: PLC0415

    document = HTML(string=html, base_url=str(CARD_CSS.parent)).render()
    seen: set[str] = set()
    problems = []
    for page in document.pages:
        for face, field in _faces_on(page):
            if face in seen:
                drill, side = face.split(":")
                problems.append(Overflow(drill, side, field or ""))
            seen.add(face)
    return problems
