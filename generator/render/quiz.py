"""Quiz markup: readable questions with answers behind a disclosure, plus a JSON answer key.

The page works without JavaScript (answers stay in a closed <details>); quiz.js enhances the
same markup into interactive questions. Every content string, feedback included, goes through
Markdown once here (md_in_html), so the no-JS view, print and the browser's feedback show the
same rendered text. The whole quiz stays out of the search index: questions are not what a student
searches for, and answers must not leak. The key is JSON in a data attribute (with `<`, `&`, quotes escaped): an inline
<script> would be re-run as JavaScript by Material's instant navigation, which drops its type.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from ..answers import normalise_text
from ..knowledge import Item
from ..quiz_layout import numbering, option_order, scramble
from ..schema.quiz import Matching, Numeric, Ordering, TrueFalse
from .environment import environment
from .page import Page

_END = (".", "!", "?", ":", "…")


def sentence(text: str) -> str:
    """The text with one closing full stop, never two ("for now." stays "for now.")."""
    text = text.rstrip()
    return text if text.endswith(_END) or text.endswith((".)", '."', ".”")) else text + "."


def _key(question, unit: str, weight: float) -> dict:
    """What the browser needs to mark an answer; the texts stay in the page markup."""
    entry: dict = {"id": question.id, "type": question.type, "counts_for": unit, "weight": round(weight, 6)}
    if question.type in ("single", "multiple"):
        entry["correct"] = [i for i, o in enumerate(question.options) if o.correct]
    elif isinstance(question, TrueFalse):
        entry["answer"] = question.answer
    elif isinstance(question, Matching):
        entry["count"] = len(question.pairs)
    elif isinstance(question, Ordering):
        entry["count"] = len(question.items)
    elif question.type == "fill-blank":
        entry["accept"] = sorted({normalise_text(a) for a in question.accept})
    elif isinstance(question, Numeric):
        entry.update(answer=question.answer, tolerance=question.tolerance, unit=question.unit)
    return entry


def answer_key(quiz: Item) -> Markup:
    """The key as JSON for a single-quoted data attribute: nothing in it can end the attribute or open a tag."""
    questions = [_key(part.question, part.unit, part.weight) for _, _, parts in numbering(quiz.model) for part in parts]
    bands = [{"min": b.min_percent, "message": b.message} for b in sorted(quiz.model.score_bands, key=lambda b: b.min_percent)]
    data = {"version": 2, "quiz": quiz.id, "count": len(quiz.model.questions), "questions": questions, "bands": bands}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").replace("'", "\\u0027"))


def quiz_html(quiz: Item, page: Page, templates) -> Markup:
    return Markup(environment(templates).get_template("pages/_quiz.md.j2").render(
        quiz=quiz, page=page, key=answer_key(quiz), numbering=list(numbering(quiz.model)),
        scramble=scramble, option_order=option_order, sentence=sentence,
    ))
