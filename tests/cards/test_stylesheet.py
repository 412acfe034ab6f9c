"""WeasyPrint must understand every rule of the card stylesheet: a rule it ignores prints wrong, silently.

(An amber pain marker once printed empty because WeasyPrint dropped its gradient.) Rendered without the cache,
so the check runs on every test run, not only when the stylesheet changes.
"""

import logging

import pytest

from generator import pipeline
from generator.cards.decks import cards_for
from generator.cards.render import deck_html, to_pdf
from generator.cards.select import Filters
from generator.cards.sizes import LAYOUTS
from generator.resources import templates
from tests.conftest import STARTER


@pytest.mark.parametrize(("size", "bleed"), [(size, False) for size in sorted(LAYOUTS)] + [("a6", True)])
def test_weasyprint_ignores_no_card_css(size, bleed, caplog):
    checked = pipeline.check(STARTER)
    cards = cards_for(checked.graph, Filters(), "https://cards.example.org/")[:4]  # one sheet shows every rule
    html = deck_html(cards, LAYOUTS[size], "All drills", "Stylesheet check", templates(), duplex=True, bleed=bleed)
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        to_pdf(html)
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []
