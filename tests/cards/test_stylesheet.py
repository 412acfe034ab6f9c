"""WeasyPrint must understand every rule of the card stylesheet: a rule it ignores prints wrong, silently.

(An amber pain marker once printed empty because WeasyPrint dropped its gradient.) Rendered without the cache,
so the check runs on every test run, not only when the stylesheet changes.
"""


import pytest

from generator import pipeline
from generator.cards.decks import cards_for
from generator.cards.render import Faces, deck_pieces, to_pdf
from generator.cards.select import Filters
from generator.cards.sizes import LAYOUTS
from generator.heard import hearing
from generator.resources import templates
from tests.conftest import STARTER


@pytest.mark.parametrize(("size", "bleed"), [(size, False) for size in sorted(LAYOUTS)] + [("a6", True)])
def test_weasyprint_ignores_no_card_css(size, bleed):
    checked = pipeline.check(STARTER)
    cards = cards_for(checked.graph, Filters(), "https://cards.example.org/")[:4]  # one sheet shows every rule
    documents = deck_pieces(cards, LAYOUTS[size], "All drills", "Stylesheet check", Faces(templates()), duplex=True, bleed=bleed)
    with hearing("weasyprint") as heard:
        for html in documents:
            to_pdf(html)
    assert heard.messages == []
