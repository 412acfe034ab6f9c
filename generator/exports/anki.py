"""An Anki deck (genanki): glossary terms, jargon → plain-language pairs and every question, one subdeck each.

Each note's GUID is derived from its id (term id, script id + jargon, question id), so importing a newer
export updates the cards a student already studies instead of adding duplicates.
"""

from __future__ import annotations

import html
import tempfile
from pathlib import Path

import genanki

from ..graph import Graph
from .questions import Exported, Question, Source, Texts

SUFFIX = ".apkg"
DESCRIPTION = "Anki deck (glossary, plain-language pairs, questions)"
ROOT = "Stride Curriculum"
# Anki identifies note types and decks by number: fixed, so every export updates the same ones.
CARD_MODEL_ID = 1_607_392_319
DECK_IDS = {"Glossary": 2_059_400_110, "Say it simply": 2_059_400_111, "Questions": 2_059_400_112}
STYLE = ".card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; background: white; }"

MODEL = genanki.Model(
    CARD_MODEL_ID, "Stride Curriculum card",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Source"}],
    templates=[{"name": "Card 1", "qfmt": "{{Front}}",
                "afmt": "{{FrontSide}}<hr id=answer>{{Back}}<p><small>{{Source}}</small></p>"}],
    css=STYLE,
)


def _note(guid_parts: tuple[str, ...], front: str, back: str, source: str) -> genanki.Note:
    return genanki.Note(model=MODEL, fields=[front, back, source], guid=genanki.guid_for(*guid_parts))


def _answer(q: Question, texts: Texts) -> str:
    m = q.model
    if q.type in ("single", "multiple"):
        return "<ul>" + "".join(f"<li>{texts.html(o.text)}</li>" for o in m.options if o.correct) + "</ul>"
    if q.type == "true-false":
        return "True" if m.answer else "False"
    if q.type == "matching":
        return "<ul>" + "".join(f"<li>{html.escape(texts.plain(p.left))} → {html.escape(texts.plain(p.right))}</li>"
                                for p in m.pairs) + "</ul>"
    if q.type == "ordering":
        return "<ol>" + "".join(f"<li>{html.escape(texts.plain(i))}</li>" for i in m.items) + "</ol>"
    if q.type == "fill-blank":
        return " / ".join(html.escape(a) for a in m.accept)
    return html.escape(f"{m.answer:g} {m.unit}" + (f" (± {m.tolerance:g})" if m.tolerance else ""))


def _front(q: Question, texts: Texts) -> str:
    front = texts.stem_html(q)
    if q.type in ("single", "multiple"):
        front += "<ol type=a>" + "".join(f"<li>{texts.html(o.text)}</li>" for o in q.model.options) + "</ol>"
    elif q.type == "matching":
        front += "<ul>" + "".join(f"<li>{html.escape(texts.plain(p.left))}</li>" for p in q.model.pairs) + "</ul>"
    elif q.type == "ordering":
        front += "<ul>" + "".join(f"<li>{html.escape(texts.plain(i))}</li>" for i in sorted(q.model.items)) + "</ul>"
    return front


def decks(graph: Graph, questions: list[Question], texts: Texts) -> list[genanki.Deck]:
    kb = graph.kb
    made = {name: genanki.Deck(deck_id, f"{ROOT}::{name}") for name, deck_id in DECK_IDS.items()}
    for term in kb.of_kind("term"):
        m = term.model
        made["Glossary"].add_note(_note(("stride", "term", term.id), html.escape(m.term),
                                        f"{html.escape(m.precise)}<br><i>{html.escape(m.plain)}</i>", "Glossary"))
    for script in kb.of_kind("communication"):
        for pair in script.model.jargon:
            made["Say it simply"].add_note(_note(
                ("stride", "jargon", script.id, pair.jargon.lower()), html.escape(texts.plain(pair.jargon)),
                html.escape(texts.plain(pair.plain)), html.escape(script.title)))
    for q in questions:
        back = _answer(q, texts) + texts.html(q.model.explanation)
        made["Questions"].add_note(_note(("stride", "question", q.id), _front(q, texts), back, html.escape(q.category)))
    return list(made.values())


def export(source: Source) -> Exported:
    made = decks(source.graph, source.questions, source.texts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "deck.apkg"
        genanki.Package(made).write_to_file(str(path))
        data = path.read_bytes()
    return Exported(data, sum(len(d.notes) for d in made))
