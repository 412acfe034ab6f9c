"""Site pages for the cards: one printable page per drill and an index with the PDF decks."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import Markup

from ..render.environment import environment, html_environment
from .content import Card
from .sizes import LAYOUTS

CARDS_FOLDER = "cards"


@dataclass(frozen=True)
class DeckLink:
    title: str
    count: int
    files: dict[str, str]
    """size → file name in cards/decks/."""
    kilobytes: dict[str, int] = field(default_factory=dict)
    """size → file size, shown on the download link."""


def card_pages(cards: list[Card], decks: list[DeckLink], templates: Path) -> dict[str, str]:
    html = html_environment(templates).get_template("cards/page.html.j2")
    page = environment(templates).get_template("pages/card.md.j2")
    out = {f"{CARDS_FOLDER}/{card.id}.md": page.render(card=card, card_html=Markup(html.render(card=card))) for card in cards}
    out[f"{CARDS_FOLDER}/index.md"] = environment(templates).get_template("pages/cards-index.md.j2").render(
        cards=sorted(cards, key=lambda c: c.title.lower()), decks=decks, layouts=LAYOUTS
    )
    return out
