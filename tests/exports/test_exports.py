"""Each export parses in the shape its importer expects, with every question (or a listed reason why not)."""

import io
import sqlite3
import xml.etree.ElementTree as ET
import zipfile

import pytest

from generator.build import check_project
from generator.exports import anki, gift, moodle, qti
from generator.exports.questions import source
from generator.schema.quiz import answerable
from tests.conftest import stride
from tests.lint.helpers import starter

SITE = "https://example.org/stride/"
QTI = "{http://www.imsglobal.org/xsd/imsqti_v2p1}"
CP = "{http://www.imsglobal.org/xsd/imscp_v1p1}"


@pytest.fixture
def exported(project):
    checked = check_project(project())
    assert checked.ok
    src = source(checked.graph, SITE)
    quiz = checked.kb.items[("quiz", "hip-and-pelvis-control-quiz")].model
    return src, {q.id: q.type for q, _ in answerable(quiz)}


def test_moodle_xml_has_every_question_with_its_type_feedback_and_lesson_category(exported):
    src, expected = exported
    root = ET.fromstring(moodle.export(src).data)
    questions = [q for q in root.iter("question") if q.get("type") != "category"]
    assert len(questions) == len(expected) == 9
    assert {q.findtext("idnumber"): q.get("type") for q in questions} == {
        qid: {"single": "multichoice", "multiple": "multichoice", "true-false": "truefalse", "matching": "matching",
              "ordering": "ordering", "fill-blank": "shortanswer", "numeric": "numerical"}[kind]
        for qid, kind in expected.items()}
    categories = [c.findtext("category/text") for c in root.iter("question") if c.get("type") == "category"]
    assert categories == ["$course$/top/Stride Curriculum/Hip and pelvis control"]
    first = questions[0]
    answers = first.findall("answer")
    assert [a.get("fraction") for a in answers] == ["100", "0"]
    assert all(a.findtext("feedback/text") for a in answers)
    assert 'href="https://example.org/stride/anatomy/gluteus-medius/"' in first.findtext("generalfeedback/text")
    multiple = next(q for q in questions if q.findtext("idnumber") == "hip-q03")
    assert [a.get("fraction") for a in multiple.findall("answer")] == ["50", "50", "-100"]
    matching = next(q for q in questions if q.get("type") == "matching")
    assert len(matching.findall("subquestion")) >= 2 and matching.findtext("subquestion/answer/text")


def test_qti_package_manifest_lists_every_item_and_each_item_parses(exported):
    src, expected = exported
    package = zipfile.ZipFile(io.BytesIO(qti.export(src).data))
    manifest = ET.fromstring(package.read("imsmanifest.xml"))
    hrefs = [r.get("href") for r in manifest.iter(f"{CP}resource")]
    assert sorted(hrefs) == sorted(f"items/{qid}.xml" for qid in expected)
    assert sorted(n for n in package.namelist() if n.startswith("items/")) == sorted(hrefs)
    interactions = {"single": "choiceInteraction", "multiple": "choiceInteraction", "true-false": "choiceInteraction",
                    "matching": "matchInteraction", "ordering": "orderInteraction",
                    "fill-blank": "textEntryInteraction", "numeric": "textEntryInteraction"}
    for qid, kind in expected.items():
        item = ET.fromstring(package.read(f"items/{qid}.xml"))
        assert item.tag == f"{QTI}assessmentItem" and item.get("identifier") == qid
        assert item.find(f".//{QTI}{interactions[kind]}") is not None, qid
        assert item.find(f"{QTI}responseDeclaration/{QTI}correctResponse/{QTI}value").text
        assert item.findall(f"{QTI}modalFeedback"), qid


def test_qti_package_is_the_same_bytes_twice(exported):
    src, _ = exported
    assert qti.export(src).data == qti.export(src).data


def test_gift_lists_ordering_questions_instead_of_dropping_them(exported):
    src, expected = exported
    result = gift.export(src)
    text = result.data.decode()
    blocks = [b for b in text.split("\n\n") if "::" in b and not b.startswith("$CATEGORY")]
    assert len(blocks) == len(expected) - 1 == result.count
    assert [(s.id, s.type) for s in result.skipped] == [("hip-q05", "ordering")]
    assert "::hip-q01::[html]" in text and "\\=" not in text.split("::hip-q01::")[1].split("{")[0]
    assert "~%50%" in text and "~%-100%" in text


def test_gift_carries_the_wrong_answer_feedback_of_blanks_and_numbers(exported):
    """A red-flag question's wrong-answer text ("needs a same-day check") was lost in GIFT for these two types."""
    text = gift.export(exported[0]).data.decode()
    blank = text.split("::hip-q06::")[1].split("\n\n")[0]
    assert blank.startswith("[html]<p>The gluteus {") and "} keeps the pelvis level.</p>" in blank
    assert "=%0%*#<p>It is the gluteus medius.</p>" in blank
    number = text.split("::hip-q07::")[1].split("\n\n")[0]
    assert "#168:1#<p>Right, about 168.</p>" in number and "~#<p>5% of 160 is 8, so about 168.</p>" in number


def test_qti_puts_the_answer_box_in_the_blank_and_reads_named_entities(project):
    """The plain text of the stem lost its ____ (bold markers were stripped with it), so the box went to the end;
    and an HTML entity such as &mdash; stopped the whole export."""
    quiz = starter("quizzes/hip-and-pelvis-control-quiz.yml").replace(
        "    explanation: See [[gluteus-medius]].\n", "    explanation: 'The clinician&rsquo;s job &mdash; see [[gluteus-medius]].'\n", 1)
    checked = check_project(project({"quizzes/hip-and-pelvis-control-quiz.yml": quiz}))
    assert checked.ok
    package = zipfile.ZipFile(io.BytesIO(qti.export(source(checked.graph, SITE)).data))
    item = ET.fromstring(package.read("items/hip-q06.xml"))
    paragraph = next(p for p in item.iter(f"{QTI}p") if p.find(f"{QTI}textEntryInteraction") is not None)
    assert (paragraph.text, paragraph.find(f"{QTI}textEntryInteraction").tail) == ("The gluteus ", " keeps the pelvis level.")
    explained = [ET.tostring(f, encoding="unicode") for f in ET.fromstring(package.read("items/hip-q01.xml")).iter()
                 if "clinician" in (f.text or "")]
    assert explained and "The clinician\u2019s job \u2014 see" in explained[0]


def test_gift_escapes_its_control_characters(project):
    quiz = starter("quizzes/hip-and-pelvis-control-quiz.yml").replace(
        "stem: Which muscle keeps the pelvis level in single-leg stance?",
        "stem: 'Which muscle {keeps} the pelvis level: single-leg stance = 1 leg #1?'")
    checked = check_project(project({"quizzes/hip-and-pelvis-control-quiz.yml": quiz}))
    text = gift.export(source(checked.graph, SITE)).data.decode()
    # braces reach HTML as entities (the site's escaping), whose '#' GIFT then escapes
    assert "Which muscle &\\#123;keeps&\\#125; the pelvis level\\: single-leg stance \\= 1 leg \\#1?" in text


def _notes(data: bytes) -> list[tuple[str, str]]:
    with zipfile.ZipFile(io.BytesIO(data)) as package, io.BytesIO(package.read("collection.anki2")) as db_bytes:
        path = "/tmp/_stride_anki_test.sqlite"
        with open(path, "wb") as handle:
            handle.write(db_bytes.getvalue())
    with sqlite3.connect(path) as db:
        return db.execute("select guid, flds from notes order by guid").fetchall()


def test_anki_deck_opens_as_sqlite_with_every_note_and_stable_guids(exported):
    src, expected = exported
    kb = src.graph.kb
    jargon = sum(len(c.model.jargon) for c in kb.of_kind("communication"))
    first, second = _notes(anki.export(src).data), _notes(anki.export(src).data)
    assert len(first) == len(kb.of_kind("term")) + jargon + len(expected)
    assert [g for g, _ in first] == [g for g, _ in second]
    assert len({g for g, _ in first}) == len(first)
    assert any("Stance phase" in fields for _, fields in first)


def test_export_command_writes_the_file_and_lists_what_it_left_out(project, tmp_path):
    output = tmp_path / "questions.txt"
    result = stride("--project", str(project().root), "export", "gift", "--output", str(output))
    assert result.returncode == 0, result.stderr
    assert ("content/quizzes/hip-and-pelvis-control-quiz.yml: not exported: question 'hip-q05' (ordering): "
            "GIFT has no ordering question type") in result.stderr
    assert "wrote 8 questions to" in result.stderr and output.read_text().count("::hip-q") == 8
