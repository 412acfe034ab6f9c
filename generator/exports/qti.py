"""IMS QTI 2.1 content package (Canvas, Blackboard and other LMS): one assessmentItem per question and a manifest.

Choice questions show each option's own feedback; the others show the correct/incorrect feedback. The
explanation is added to every feedback, since QTI 2.1 has no general feedback.
"""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET
import zipfile
from html import unescape

from .questions import Exported, Question, Source, Texts

SUFFIX = ".zip"
DESCRIPTION = "IMS QTI 2.1 package (Canvas, Blackboard)"
NS = "http://www.imsglobal.org/xsd/imsqti_v2p1"
CP_NS = "http://www.imsglobal.org/xsd/imscp_v1p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA = f"{NS} http://www.imsglobal.org/xsd/qti/qtiv2p1/imsqti_v2p1p2.xsd"
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
"""Zip entries carry this date so two exports of the same content are byte-identical."""
BLANK = re.compile(r"_{3,}")


def _html(parent: ET.Element, html: str) -> None:
    """Append an HTML fragment (from Markdown; XHTML-compatible) as QTI body elements."""
    wrapper = ET.fromstring(f"<div>{_xhtml(html)}</div>")
    for child in list(wrapper):
        parent.append(child)
    if wrapper.text and wrapper.text.strip():
        ET.SubElement(parent, "p").text = wrapper.text


def _xhtml(html: str) -> str:
    """The fragment as XML: empty elements closed, and HTML's named entities (&mdash;, which Markdown passes
    through from content) as the characters' numbers, since XML knows only its own five."""
    return _ENTITY.sub(_numbered, re.sub(r"<(br|hr)\s*>", r"<\1/>", html))


_ENTITY = re.compile(r"&([A-Za-z][A-Za-z0-9]*);")
_XML_ENTITIES = {"lt", "gt", "amp", "quot", "apos"}


def _numbered(entity: re.Match[str]) -> str:
    if entity[1] in _XML_ENTITIES:
        return entity[0]
    text = unescape(entity[0])
    return "".join(f"&#{ord(char)};" for char in text) if text != entity[0] else "&amp;" + entity[0][1:]


def _declare(item: ET.Element, cardinality: str, base: str, correct: list[str]) -> ET.Element:
    declaration = ET.SubElement(item, "responseDeclaration",
                                {"identifier": "RESPONSE", "cardinality": cardinality, "baseType": base})
    values = ET.SubElement(declaration, "correctResponse")
    for value in correct:
        ET.SubElement(values, "value").text = value
    return declaration


def _outcomes(item: ET.Element, feedback_cardinality: str) -> None:
    score = ET.SubElement(item, "outcomeDeclaration", {"identifier": "SCORE", "cardinality": "single", "baseType": "float"})
    ET.SubElement(ET.SubElement(score, "defaultValue"), "value").text = "0"
    ET.SubElement(item, "outcomeDeclaration",
                  {"identifier": "FEEDBACK", "cardinality": feedback_cardinality, "baseType": "identifier"})


def _condition(correct: ET.Element) -> ET.Element:
    """SCORE 1 and FEEDBACK 'correct' when `correct` holds, else SCORE 0 and FEEDBACK 'incorrect'."""
    processing = ET.Element("responseProcessing")
    condition = ET.SubElement(processing, "responseCondition")
    for branch, score, verdict in (("responseIf", "1", "correct"), ("responseElse", "0", "incorrect")):
        element = ET.SubElement(condition, branch)
        if branch == "responseIf":
            element.append(correct)
        for identifier, base, value in (("SCORE", "float", score), ("FEEDBACK", "identifier", verdict)):
            setter = ET.SubElement(element, "setOutcomeValue", {"identifier": identifier})
            ET.SubElement(setter, "baseValue", {"baseType": base}).text = value
    return processing


def _match_correct() -> ET.Element:
    match = ET.Element("match")
    ET.SubElement(match, "variable", {"identifier": "RESPONSE"})
    ET.SubElement(match, "correct", {"identifier": "RESPONSE"})
    return match


def _feedback(item: ET.Element, identifier: str, html: str, explanation: str) -> None:
    element = ET.SubElement(item, "modalFeedback",
                            {"outcomeIdentifier": "FEEDBACK", "showHide": "show", "identifier": identifier})
    _html(element, html + explanation)


def _choices(q: Question, texts: Texts, body: ET.Element) -> tuple[list[tuple[str, str]], ET.Element]:
    """The choice interaction for single, multiple and true/false; returns (choice id, feedback) pairs."""
    m = q.model
    if q.type == "true-false":
        options = [("true", "True", m.answer is True), ("false", "False", m.answer is False)]
        feedback = [(cid, m.feedback_correct if right else m.feedback_incorrect) for cid, _, right in options]
        shown = [(cid, label) for cid, label, _ in options]
    else:
        options = [(f"c{i}", o.text, o.correct) for i, o in enumerate(m.options, start=1)]
        feedback = [(f"c{i}", o.feedback) for i, o in enumerate(m.options, start=1)]
        shown = [(cid, texts.html(text)) for cid, text, _ in options]
    interaction = ET.SubElement(body, "choiceInteraction", {
        "responseIdentifier": "RESPONSE", "shuffle": "false" if q.type == "true-false" else "true",
        "maxChoices": "1" if q.type != "multiple" else "0"})
    for cid, html in shown:
        choice = ET.SubElement(interaction, "simpleChoice", {"identifier": cid})
        if q.type == "true-false":
            choice.text = html
        else:
            _html(choice, html)
    return [(cid, texts.html(text)) for cid, text in feedback], interaction


def _item(q: Question, texts: Texts) -> ET.Element:
    m = q.model
    item = ET.Element("assessmentItem", {
        "xmlns": NS, "xmlns:xsi": XSI, "xsi:schemaLocation": SCHEMA, "identifier": q.id,
        "title": texts.plain(m.stem)[:80], "adaptive": "false", "timeDependent": "false"})
    body = ET.Element("itemBody")
    if q.case:
        _html(body, texts.html(q.case))
    explanation = texts.html(m.explanation)
    verdicts = None
    if q.type in ("single", "multiple", "true-false"):
        _html(body, texts.html(m.stem))
        correct = ([("true" if m.answer else "false")] if q.type == "true-false"
                   else [f"c{i}" for i, o in enumerate(m.options, start=1) if o.correct])
        _declare(item, "single" if q.type != "multiple" else "multiple", "identifier", correct)
        _outcomes(item, "single" if q.type != "multiple" else "multiple")
        per_choice, _ = _choices(q, texts, body)
        processing = _condition(_match_correct())
        setter = ET.SubElement(processing, "setOutcomeValue", {"identifier": "FEEDBACK"})
        ET.SubElement(setter, "variable", {"identifier": "RESPONSE"})
        item.append(body)
        item.append(processing)
        for cid, html in per_choice:
            _feedback(item, cid, html, explanation)
        return item
    if q.type == "matching":
        _html(body, texts.html(m.stem))
        _declare(item, "multiple", "directedPair", [f"L{i} R{i}" for i in range(1, len(m.pairs) + 1)])
        interaction = ET.SubElement(body, "matchInteraction",
                                    {"responseIdentifier": "RESPONSE", "shuffle": "true", "maxAssociations": str(len(m.pairs))})
        for side, prefix in (("left", "L"), ("right", "R")):
            match_set = ET.SubElement(interaction, "simpleMatchSet")
            for i, pair in enumerate(m.pairs, start=1):
                ET.SubElement(match_set, "simpleAssociableChoice",
                              {"identifier": f"{prefix}{i}", "matchMax": "1"}).text = texts.plain(getattr(pair, side))
        verdicts = _match_correct()
    elif q.type == "ordering":
        _html(body, texts.html(m.stem))
        _declare(item, "ordered", "identifier", [f"o{i}" for i in range(1, len(m.items) + 1)])
        interaction = ET.SubElement(body, "orderInteraction", {"responseIdentifier": "RESPONSE", "shuffle": "true"})
        for i, text in enumerate(m.items, start=1):
            ET.SubElement(interaction, "simpleChoice", {"identifier": f"o{i}"}).text = texts.plain(text)
        verdicts = _match_correct()
    elif q.type == "fill-blank":
        declaration = _declare(item, "single", "string", [m.accept[0]])
        mapping = ET.SubElement(declaration, "mapping", {"defaultValue": "0"})
        for answer in m.accept:
            ET.SubElement(mapping, "mapEntry", {"mapKey": answer, "mappedValue": "1", "caseSensitive": "false"})
        paragraph = ET.SubElement(body, "p")
        before, _, after = BLANK.sub("\0", texts.plain(m.stem), count=1).partition("\0")
        paragraph.text = before
        entry = ET.SubElement(paragraph, "textEntryInteraction",
                              {"responseIdentifier": "RESPONSE", "expectedLength": str(max(map(len, m.accept)) + 2)})
        entry.tail = after
        verdicts = ET.Element("gt")
        ET.SubElement(verdicts, "mapResponse", {"identifier": "RESPONSE"})
        ET.SubElement(verdicts, "baseValue", {"baseType": "float"}).text = "0"
    elif q.type == "numeric":
        _declare(item, "single", "float", [f"{m.answer:g}"])
        _html(body, texts.html(m.stem))
        paragraph = ET.SubElement(body, "p")
        ET.SubElement(paragraph, "textEntryInteraction", {"responseIdentifier": "RESPONSE", "expectedLength": "8"}).tail = f" {m.unit}"
        verdicts = ET.Element("equal", {"toleranceMode": "absolute", "tolerance": f"{m.tolerance:g} {m.tolerance:g}"})
        ET.SubElement(verdicts, "variable", {"identifier": "RESPONSE"})
        ET.SubElement(verdicts, "correct", {"identifier": "RESPONSE"})
    _outcomes(item, "single")
    item.append(body)
    item.append(_condition(verdicts))
    _feedback(item, "correct", texts.html(m.feedback_correct), explanation)
    _feedback(item, "incorrect", texts.html(m.feedback_incorrect), explanation)
    return item


def _manifest(questions: list[Question]) -> ET.Element:
    manifest = ET.Element("manifest", {"xmlns": CP_NS, "identifier": "stride-curriculum-questions"})
    metadata = ET.SubElement(manifest, "metadata")
    ET.SubElement(metadata, "schema").text = "IMS Content"
    ET.SubElement(metadata, "schemaversion").text = "1.1.3"
    ET.SubElement(manifest, "organizations")
    resources = ET.SubElement(manifest, "resources")
    for q in questions:
        resource = ET.SubElement(resources, "resource",
                                 {"identifier": f"res-{q.id}", "type": "imsqti_item_xmlv2p1", "href": f"items/{q.id}.xml"})
        ET.SubElement(resource, "file", {"href": f"items/{q.id}.xml"})
    return manifest


def _xml(element: ET.Element) -> bytes:
    ET.indent(element)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(element, encoding="utf-8") + b"\n"


def export(source: Source) -> Exported:
    questions, texts = source.questions, source.texts
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        entries = {"imsmanifest.xml": _xml(_manifest(questions))}
        entries.update({f"items/{q.id}.xml": _xml(_item(q, texts)) for q in questions})
        for name, data in entries.items():
            package.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
    return Exported(buffer.getvalue(), len(questions))
