"""The quiz answer key, the page order of options, numbering and the no-JavaScript markup."""

import json
import re

from generator import pipeline
from generator.quiz_layout import keyed_positions, numbering, option_order, scramble
from generator.render.page import Page
from generator.render.quiz import answer_key, sentence
from tests.conftest import REPO, STARTER


def _starter_quiz():
    return pipeline.check(STARTER).kb.items[("quiz", "hip-and-pelvis-control-quiz")]


def test_answer_key_holds_only_what_marking_needs_and_cannot_close_its_script_tag():
    raw = answer_key(_starter_quiz())
    assert "<" not in raw and "&" not in raw and "'" not in raw
    key = json.loads(raw)
    assert key["version"] == 2 and key["quiz"] == "hip-and-pelvis-control-quiz" and key["count"] == 8
    by_id = {q["id"]: q for q in key["questions"]}
    assert by_id["hip-q01"] == {"id": "hip-q01", "type": "single", "counts_for": "hip-q01", "weight": 1.0, "correct": [0]}
    assert by_id["hip-q06"]["accept"] == ["gluteus medius", "medius"]
    assert by_id["hip-q07"] == {"id": "hip-q07", "type": "numeric", "counts_for": "hip-q07", "weight": 1.0,
                                "answer": 168.0, "tolerance": 1.0, "unit": "steps/min"}
    assert [(by_id[p]["counts_for"], by_id[p]["weight"]) for p in ("hip-q08a", "hip-q08b")] == [("hip-q08", 0.5)] * 2
    assert "feedback" not in raw and "Gluteus medius" not in raw


def test_scenario_parts_are_numbered_after_their_question():
    labels = [(number, [p.label for p in parts]) for number, _, parts in numbering(_starter_quiz().model)]
    assert labels[-1] == ("8", ["8a", "8b"]) and labels[0] == ("1", ["1"])


def test_scrambled_order_for_reading_without_javascript_is_never_the_answer_order():
    for n in range(2, 8):
        for seed in ("a", "b", "hip-q05", "x-q01"):
            order = scramble(list(range(n)), seed)
            assert sorted(order) == list(range(n)) and order != list(range(n))
            assert order == scramble(list(range(n)), seed)


def test_option_order_is_a_stable_shuffle_seeded_by_the_question_id():
    question = _starter_quiz().model.questions[2]  # hip-q03, multiple select with three options
    order = option_order(question)
    assert sorted(order) == [0, 1, 2] and order == option_order(question)
    assert keyed_positions(question) == sorted(order.index(i) for i in (0, 1))


def test_feedback_sentences_end_with_one_full_stop():
    assert sentence("Stop for now.") == "Stop for now."
    assert sentence("Stop for now") == "Stop for now."
    assert sentence("Is it? ") == "Is it?"


def test_page_source_shuffles_options_and_renders_feedback_markdown_once(project):
    quiz = (STARTER / "quizzes/hip-and-pelvis-control-quiz.yml").read_text()
    checked = pipeline.check(project({"quizzes/hip-and-pelvis-control-quiz.yml": quiz.replace(
        "feedback: Yes, it abducts and steadies the hip.", "feedback: Yes, it **abducts** the hip for now.")}).content)
    text = pipeline.render(checked, REPO / "templates")["quizzes/hip-and-pelvis-control-quiz.md"]
    assert '<ul class="stride-key" markdown="1">' in text and '<ol class="stride-options" type="A" markdown="1">' in text
    assert "<strong class=\"stride-mark\">Right answer:</strong> <span class=\"stride-option-text\">Gluteus medius.</span>" in text
    assert "**abducts** the hip for now.</span>" in text and "now.." not in text
    assert "Question 8a" in text and "Question 8: a case in 2 parts" in text


def test_content_markup_is_escaped_in_the_rendered_quiz(project):
    quiz = (STARTER / "quizzes/hip-and-pelvis-control-quiz.yml").read_text()
    checked = pipeline.check(project({"quizzes/hip-and-pelvis-control-quiz.yml": quiz.replace(
        "Which muscle keeps the pelvis level in single-leg stance?", "'Which muscle {: onclick=x } keeps it level?'")}).content)
    assert checked.ok
    pages = pipeline.render(checked, REPO / "templates")
    assert "&#123;: onclick=x &#125;" in pages["quizzes/hip-and-pelvis-control-quiz.md"]


def test_a_quiz_is_made_once_and_reads_the_same_on_its_page_and_in_its_lesson(project):
    """The quiz block is shared by the quiz page and the lesson page (both one folder deep); its links name their
    folder, so a link to the lesson works from both."""
    from functools import partial

    from generator.render.pages import render_pages
    from generator.render.quiz import quiz_html
    from tests.lint.helpers import starter

    quiz_file = "quizzes/hip-and-pelvis-control-quiz.yml"
    linked = starter(quiz_file).replace("explanation: See [[gluteus-medius]].",
                                        "explanation: See [[gluteus-medius]] and the [[hip-and-pelvis-control]] lesson.")
    checked = pipeline.check(project({quiz_file: linked}).content)
    assert checked.ok
    made = []

    def counting(quiz, page, templates):
        made.append(quiz.id)
        return quiz_html(quiz, page, templates)

    pages = render_pages(checked.graph, REPO / "templates", partial(counting, templates=REPO / "templates"))
    assert made == ["hip-and-pelvis-control-quiz"]
    quiz = checked.kb.items[("quiz", "hip-and-pelvis-control-quiz")]
    block = quiz_html(quiz, Page(checked.graph, "_/hip-and-pelvis-control-quiz.md"), REPO / "templates")
    assert set(re.findall(r"\]\((\.\./lessons/[^)#]+)", block)) == {"../lessons/hip-and-pelvis-control.md"}

    def lines(text: str) -> str:
        return "\n".join(line.rstrip() for line in text.splitlines() if line.strip())

    for page in ("quizzes/hip-and-pelvis-control-quiz.md", "lessons/hip-and-pelvis-control.md"):
        assert lines(block) in lines(pages[page]), page
