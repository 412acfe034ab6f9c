"""WeasyPrint must understand every rule of the card stylesheet: a rule it ignores prints wrong, silently.

(An amber pain marker once printed empty because WeasyPrint dropped its gradient.) Rendered without the cache,
so the check runs on every test run, not only when the stylesheet changes.
"""

import logging

import pytest

from generator import pipeline
from generator.cards.decks import cards_for
from generator.cards.render import deck_pieces, to_pdf
from generator.cards.select import Filters
from generator.cards.sizes import LAYOUTS
from generator.resources import templates
from tests.conftest import STARTER


class Heard(logging.Handler):
    """WeasyPrint's warnings (it logs them; they never raise)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


@pytest.mark.parametrize(("size", "bleed"), [(size, False) for size in sorted(LAYOUTS)] + [("a6", True)])
def test_weasyprint_ignores_no_card_css(size, bleed):
    checked = pipeline.check(STARTER)
    cards = cards_for(checked.graph, Filters(), "https://cards.example.org/")[:4]  # one sheet shows every rule
    documents = deck_pieces(cards, LAYOUTS[size], "All drills", "Stylesheet check", templates(), duplex=True, bleed=bleed)
    heard = Heard()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(heard)
    try:
        for html in documents:  # in this process, so the handler hears them (decks render them in worker processes)
            to_pdf(html)
    finally:
        logger.removeHandler(heard)
    assert heard.messages == []
