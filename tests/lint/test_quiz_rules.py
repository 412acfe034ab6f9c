"""quiz.correct-count, quiz.duplicate-item, quiz.duplicate-question-id and quiz.blank-missing."""

from tests.lint.helpers import findings, starter

QUIZ = "quizzes/hip-and-pelvis-control-quiz.yml"


def test_single_choice_with_two_correct_options_is_an_error(project):
    text = starter(QUIZ).replace("      - text: Tibialis anterior\n", "      - text: Tibialis anterior\n        correct: true\n")
    assert findings(project, {QUIZ: text}, "quiz.correct-count") == [
        ("content/" + QUIZ, 10, 7, "question 'hip-q01' has 2 correct options; a single-choice question needs exactly 1")]


def test_multiple_select_needs_two_right_and_one_wrong(project):
    text = starter(QUIZ).replace("type: single", "type: multiple", 1).replace(
        "      - text: Tibialis anterior\n", "      - text: Gluteus minimus\n        feedback: It helps too.\n        correct: true\n"
        "      - text: Tibialis anterior\n        correct: true\n")
    assert [f[3] for f in findings(project, {QUIZ: text}, "quiz.correct-count")] == [
        "question 'hip-q01' has 3 correct and 0 wrong options; multiple select needs at least 2 correct and 1 wrong"]


def test_repeated_option_text_is_an_error(project):
    text = starter(QUIZ).replace("text: Tibialis anterior", "text: gluteus medius")
    assert findings(project, {QUIZ: text}, "quiz.duplicate-item") == [
        ("content/" + QUIZ, 13, 9, "question 'hip-q01' repeats 'gluteus medius' in options")]


def test_question_ids_are_unique_across_quizzes(project):
    other = starter(QUIZ).replace("lesson: hip-and-pelvis-control\n", "").replace("hip-q02", "other-q02")
    found = findings(project, {"quizzes/other.yml": other}, "quiz.duplicate-question-id")
    assert found[0] == ("content/quizzes/other.yml", 4, 9, "question id 'hip-q01' is already used at content/" + QUIZ + ":5")
    assert "other-q02" not in " ".join(f[3] for f in found)


def test_fill_blank_without_blank_is_an_error(project):
    head, tail = starter(QUIZ).split("score_bands:")
    text = head + """  - id: hip-q99
    type: fill-blank
    stem: Which muscle steadies the pelvis?
    accept: [gluteus medius, glute med]
    feedback_correct: Yes.
    feedback_incorrect: Not quite.
    explanation: See [[gluteus-medius]].
""" + "score_bands:" + tail
    stem_line = head.count("\n") + 3
    assert findings(project, {QUIZ: text}, "quiz.blank-missing") == [
        ("content/" + QUIZ, stem_line, 11, "question 'hip-q99' has no blank in its stem")]


def test_starter_quiz_passes_every_quiz_rule(project):
    for code in ("quiz.correct-count", "quiz.duplicate-item", "quiz.duplicate-question-id", "quiz.blank-missing"):
        assert findings(project, {}, code) == []
