"""Moodle XML: a category per lesson, every question type Moodle has, per-answer feedback, the explanation as
general feedback and the question id as Moodle's idnumber (so a re-import can be matched).

Ordering questions use Moodle's Ordering question type (standard from Moodle 4.4; a plugin before).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .questions import Exported, Question, Source, Texts

SUFFIX = ".xml"
DESCRIPTION = "Moodle XML (question bank import)"
COURSE_CATEGORY = "$course$/top/Stride Curriculum"


def _text(parent: ET.Element, tag: str, html: str, fmt: str = "html") -> ET.Element:
    element = ET.SubElement(parent, tag, {"format": fmt} if fmt else {})
    ET.SubElement(element, "text").text = html
    return element


def _fraction(share: float) -> str:
    """Moodle's grade fractions are percentages with up to 7 decimals (33.33333 for a third)."""
    return f"{share:.5f}".rstrip("0").rstrip(".") if share % 1 else str(int(share))


def _answer(parent: ET.Element, fraction: float, html: str, feedback: str, fmt: str = "html") -> ET.Element:
    answer = ET.SubElement(parent, "answer", {"fraction": _fraction(fraction), "format": fmt})
    ET.SubElement(answer, "text").text = html
    _text(answer, "feedback", feedback)
    return answer


def _common(element: ET.Element, q: Question, texts: Texts) -> None:
    name = ET.SubElement(element, "name")
    ET.SubElement(name, "text").text = f"{q.id}: {texts.plain(q.model.stem)[:60]}"
    _text(element, "questiontext", texts.stem_html(q))
    _text(element, "generalfeedback", texts.html(q.model.explanation))
    ET.SubElement(element, "defaultgrade").text = "1"
    ET.SubElement(element, "penalty").text = "0.3333333"
    ET.SubElement(element, "hidden").text = "0"
    ET.SubElement(element, "idnumber").text = q.id


def _overall(element: ET.Element, q: Question, texts: Texts) -> None:
    m = q.model
    _text(element, "correctfeedback", texts.html(m.feedback_correct))
    _text(element, "partiallycorrectfeedback", texts.html(m.feedback_incorrect))
    _text(element, "incorrectfeedback", texts.html(m.feedback_incorrect))


def _choice(element: ET.Element, q: Question, texts: Texts) -> None:
    options = q.model.options
    right = [o for o in options if o.correct]
    wrong = len(options) - len(right)
    single = q.type == "single"
    ET.SubElement(element, "single").text = "true" if single else "false"
    ET.SubElement(element, "shuffleanswers").text = "true"
    ET.SubElement(element, "answernumbering").text = "abc"
    for option in options:
        share = 100 / len(right) if option.correct else (0 if single or not wrong else -100 / wrong)
        _answer(element, share, texts.html(option.text), texts.html(option.feedback))


def _true_false(element: ET.Element, q: Question, texts: Texts) -> None:
    m = q.model
    for value in (True, False):
        right = m.answer is value
        _answer(element, 100 if right else 0, str(value).lower(),
                texts.html(m.feedback_correct if right else m.feedback_incorrect), fmt="moodle_auto_format")


def _matching(element: ET.Element, q: Question, texts: Texts) -> None:
    ET.SubElement(element, "shuffleanswers").text = "true"
    _overall(element, q, texts)
    for pair in q.model.pairs:
        sub = _text(element, "subquestion", texts.html(pair.left))
        answer = ET.SubElement(sub, "answer")
        ET.SubElement(answer, "text").text = texts.plain(pair.right)


def _ordering(element: ET.Element, q: Question, texts: Texts) -> None:
    for tag, value in (("layouttype", "VERTICAL"), ("selecttype", "ALL"), ("selectcount", "0"),
                       ("gradingtype", "ABSOLUTE_POSITION"), ("showgrading", "SHOW"), ("numberingstyle", "none")):
        ET.SubElement(element, tag).text = value
    _overall(element, q, texts)
    for position, item in enumerate(q.model.items, start=1):
        answer = ET.SubElement(element, "answer", {"fraction": str(position), "format": "html"})
        ET.SubElement(answer, "text").text = texts.html(item)


def _short_answer(element: ET.Element, q: Question, texts: Texts) -> None:
    ET.SubElement(element, "usecase").text = "0"
    for accepted in q.model.accept:
        _answer(element, 100, accepted, texts.html(q.model.feedback_correct), fmt="moodle_auto_format")
    _answer(element, 0, "*", texts.html(q.model.feedback_incorrect), fmt="moodle_auto_format")


def _numerical(element: ET.Element, q: Question, texts: Texts) -> None:
    m = q.model
    answer = _answer(element, 100, f"{m.answer:g}", texts.html(m.feedback_correct), fmt="moodle_auto_format")
    ET.SubElement(answer, "tolerance").text = f"{m.tolerance:g}"
    _answer(element, 0, "*", texts.html(m.feedback_incorrect), fmt="moodle_auto_format")
    units = ET.SubElement(element, "units")
    unit = ET.SubElement(units, "unit")
    ET.SubElement(unit, "multiplier").text = "1"
    ET.SubElement(unit, "unit_name").text = m.unit
    ET.SubElement(element, "unitgradingtype").text = "0"
    ET.SubElement(element, "showunits").text = "3"  # the unit is shown after the answer box


MOODLE_TYPES = {
    "single": ("multichoice", _choice),
    "multiple": ("multichoice", _choice),
    "true-false": ("truefalse", _true_false),
    "matching": ("matching", _matching),
    "ordering": ("ordering", _ordering),
    "fill-blank": ("shortanswer", _short_answer),
    "numeric": ("numerical", _numerical),
}
"""Our question type → Moodle's, and the function that writes its answers."""


def export(source: Source) -> Exported:
    questions, texts = source.questions, source.texts
    quiz = ET.Element("quiz")
    category = None
    for q in questions:
        if q.category != category:
            category = q.category
            element = ET.SubElement(quiz, "question", {"type": "category"})
            _text(element, "category", f"{COURSE_CATEGORY}/{category.replace('/', '//')}", fmt="")
        moodle_type, write = MOODLE_TYPES[q.type]
        element = ET.SubElement(quiz, "question", {"type": moodle_type})
        _common(element, q, texts)
        write(element, q, texts)
    ET.indent(quiz)
    data = b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(quiz, encoding="utf-8") + b"\n"
    return Exported(data, len(questions))
