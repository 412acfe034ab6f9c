"""Quiz markup: readable questions with answers behind a disclosure, plus a JSON answer key.

The page works without JavaScript (answers stay in a closed <details>); quiz.js enhances the
same markup into interactive questions. Content goes through Markdown (md_in_html), so its
links are checked by MkDocs like any other; the key is JSON with `<` escaped.
"""

from __future__ import annotations

import hashlib
import json

from markupsafe import Markup

from ..knowledge import Item
from ..schema.quiz import Matching, Numeric, Ordering, Scenario, TrueFalse
from .environment import environment
from .page import Page


def scramble(values: list[str], seed: str) -> list[int]:
    """A stable shuffled order (never the answer order) for no-JS reading of ordering/matching items."""
    order = sorted(range(len(values)), key=lambda i: hashlib.sha256(f"{seed}:{i}".encode()).hexdigest())
    if order == sorted(order) and len(order) > 1:
        order = order[1:] + order[:1]
    return order


def _key(question) -> dict:
    """What the browser needs to mark an answer; the texts stay in the page markup."""
    entry: dict = {"id": question.id, "type": question.type}
    if question.type in ("single", "multiple"):
        entry["correct"] = [i for i, o in enumerate(question.options) if o.correct]
    elif isinstance(question, TrueFalse):
        entry["answer"] = question.answer
    elif isinstance(question, Matching):
        entry["count"] = len(question.pairs)
    elif isinstance(question, Ordering):
        entry["count"] = len(question.items)
    elif question.type == "fill-blank":
        entry["accept"] = [a.strip().lower() for a in question.accept]
    elif isinstance(question, Numeric):
        entry.update(answer=question.answer, tolerance=question.tolerance, unit=question.unit)
    return entry


def answer_key(quiz: Item) -> Markup:
    questions = []
    for question in quiz.model.questions:
        if isinstance(question, Scenario):
            questions.append({"id": question.id, "type": "scenario", "parts": [_key(q) for q in question.questions]})
        else:
            questions.append(_key(question))
    bands = [{"min": b.min_percent, "message": b.message} for b in sorted(quiz.model.score_bands, key=lambda b: b.min_percent)]
    data = {"version": 1, "quiz": quiz.id, "questions": questions, "bands": bands}
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace("&", "\\u0026"))


def quiz_html(quiz: Item, page: Page, templates) -> Markup:
    return Markup(environment(templates).get_template("pages/_quiz.md.j2").render(
        quiz=quiz, page=page, key=answer_key(quiz), scramble=scramble
    ))
