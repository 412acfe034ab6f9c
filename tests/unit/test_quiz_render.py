"""The quiz answer key and the no-JavaScript markup."""

import json

from generator import pipeline
from generator.render.quiz import answer_key, scramble
from tests.conftest import STARTER


def test_answer_key_holds_only_what_marking_needs_and_cannot_close_its_script_tag():
    checked = pipeline.check(STARTER)
    quiz = checked.kb.items[("quiz", "hip-and-pelvis-control-quiz")]
    raw = answer_key(quiz)
    assert "<" not in raw and "&" not in raw
    key = json.loads(raw)
    assert key["version"] == 1 and key["quiz"] == "hip-and-pelvis-control-quiz"
    by_id = {q["id"]: q for q in key["questions"]}
    assert by_id["hip-q01"] == {"id": "hip-q01", "type": "single", "correct": [0]}
    assert by_id["hip-q06"]["accept"] == ["medius", "gluteus medius"]
    assert by_id["hip-q07"] == {"id": "hip-q07", "type": "numeric", "answer": 168.0, "tolerance": 1.0, "unit": "steps/min"}
    assert [p["id"] for p in by_id["hip-q08"]["parts"]] == ["hip-q08a", "hip-q08b"]
    assert "feedback" not in raw and "Gluteus medius" not in raw


def test_scrambled_order_for_reading_without_javascript_is_never_the_answer_order():
    for n in range(2, 8):
        for seed in ("a", "b", "hip-q05", "x-q01"):
            order = scramble(list(range(n)), seed)
            assert sorted(order) == list(range(n)) and order != list(range(n))
            assert order == scramble(list(range(n)), seed)


def test_content_markup_is_escaped_in_the_rendered_quiz(project):
    quiz = (STARTER / "quizzes/hip-and-pelvis-control-quiz.yml").read_text()
    checked = pipeline.check(project({"quizzes/hip-and-pelvis-control-quiz.yml": quiz.replace(
        "Which muscle keeps the pelvis level in single-leg stance?", "'Which muscle {: onclick=x } keeps it level?'")}).content)
    assert checked.ok
    from tests.conftest import REPO

    pages = pipeline.render(checked, REPO / "templates")
    assert "&#123;: onclick=x &#125;" in pages["quizzes/hip-and-pelvis-control-quiz.md"]
