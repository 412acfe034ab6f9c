"""A plan as HTML and PDF: the plan page with its personalised drill cards, and the care-team note."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from ..cards.content import Card
from ..cards.render import CARD_CSS, deck_html
from ..cards.sizes import LAYOUTS
from ..render.environment import html_environment

PLAN_CSS = Path(__file__).resolve().parents[2] / "site_overrides" / "assets" / "css" / "plan.css"
CARD_SIZE = "a6"


def personalised(cards: list[Card], plan: dict) -> list[Card]:
    """The plan's drill cards in plan order, each carrying the runner's name and the plan's dose."""
    by_id = {card.id: card for card in cards}
    return [
        dataclasses.replace(by_id[d["id"]], dose_line=f"For {plan['runner']}: {d['dose']}")
        for d in plan["drills"] if d["id"] in by_id
    ]


def plan_html(plan: dict, site_url: str, templates: Path) -> str:
    return html_environment(templates).get_template("plans/plan.html.j2").render(
        plan=plan, site=site_url, css=PLAN_CSS.read_text(encoding="utf-8"))


def note_html(plan: dict, site_url: str, templates: Path) -> str:
    return html_environment(templates).get_template("plans/note.html.j2").render(
        plan=plan, site=site_url, css=PLAN_CSS.read_text(encoding="utf-8"))


def plan_pdf(plan: dict, cards: list[Card], site_url: str, templates: Path) -> bytes:
    """The plan pages followed by its cards (A6, one per page, fronts then backs)."""
    from weasyprint import HTML  # noqa: PLC0415 - needs Pango; imported only when PDFs are made

    base = str(CARD_CSS.parent)
    documents = [HTML(string=plan_html(plan, site_url, templates), base_url=base).render()]
    deck = personalised(cards, plan)
    if deck:
        html = deck_html(deck, LAYOUTS[CARD_SIZE], f"Drill cards for {plan['runner']}",
                         f"Personal plan from {plan['assessed_on']}", templates)
        documents.append(HTML(string=html, base_url=base).render())
    pages = [page for document in documents for page in document.pages]
    return documents[0].copy(pages).write_pdf()


def note_pdf(plan: dict, site_url: str, templates: Path) -> bytes:
    from weasyprint import HTML  # noqa: PLC0415

    return HTML(string=note_html(plan, site_url, templates), base_url=str(CARD_CSS.parent)).write_pdf()
