"""quiz.key-position, quiz.longest-key, quiz.true-false-balance and quiz.giveaway-option over a whole bank."""

from generator.lint import quiz_key_position, quiz_longest_key, quiz_true_false_balance
from generator.quiz_layout import keyed_positions
from generator.schema.quiz import SingleChoice
from tests.lint.helpers import findings

BANK = "quizzes/bank.yml"


def single(n: int, key: str = "Right", wrong: tuple[str, ...] = ("Wrong one", "Wrong two", "Wrong three"), key_at: int = 0) -> str:
    options = [f"      - text: {w}\n        feedback: No.\n" for w in wrong]
    options.insert(key_at, f"      - text: {key}\n        correct: true\n        feedback: Yes.\n")
    return (f"  - id: bank-q{n:02d}\n    type: single\n    stem: Question {n}?\n    explanation: See [[gluteus-medius]].\n"
            f"    options:\n" + "".join(options))


def true_false(n: int, answer: bool) -> str:
    return (f"  - id: bank-tf{n:02d}\n    type: true-false\n    stem: Statement {n}.\n    answer: {str(answer).lower()}\n"
            "    feedback_correct: Yes.\n    feedback_incorrect: No.\n    explanation: See [[gluteus-medius]].\n")


def bank(questions: list[str]) -> dict:
    return {BANK: "title: Bank\nsummary: A test bank.\nquestions:\n" + "".join(questions)}


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def _key_shown_at(n: int, position: int) -> str:
    """A question whose right option the page shows at `position` (the source slot is found by trying each)."""
    for slot in range(4):
        text = single(n, key_at=slot)
        options = [{"text": w, "feedback": "x", "correct": w == "Right"} for w in
                   (["Wrong one", "Wrong two", "Wrong three"][:slot] + ["Right"] + ["Wrong one", "Wrong two", "Wrong three"][slot:])]
        question = SingleChoice(id=f"bank-q{n:02d}", type="single", stem="s", explanation="e", options=options)
        if keyed_positions(question) == [position]:
            return text
    raise AssertionError("unreachable: some slot is shown at every position")


def test_key_always_shown_as_option_a_is_reported_once_at_the_first_question(project):
    questions = [_key_shown_at(n, 0) for n in range(1, 25)]
    found = findings(project, bank(questions), "quiz.key-position")
    # the starter quiz adds two two-option questions, also shown with the key first
    assert found == [("content/" + BANK, 9, 7, "the right answer is option A in 26 of 26 single-choice questions "
                      "(chance gives about 7; at most 10 allowed)")]


def test_keys_spread_over_the_letters_pass(project):
    questions = [_key_shown_at(n, n % 4) for n in range(1, 25)]
    assert findings(project, bank(questions), "quiz.key-position") == []


def test_small_banks_are_not_judged_by_position(project):
    questions = [_key_shown_at(n, 0) for n in range(1, quiz_key_position.MIN_QUESTIONS - 2)]
    assert findings(project, bank(questions), "quiz.key-position") == []


def test_right_option_longest_in_too_many_questions_lists_each_one(project):
    long_key = "Stop today and refer within a few days because this may be a bone injury"
    questions = [single(n, key=long_key if n <= 12 else "Right") for n in range(1, 25)]
    text = bank(questions)[BANK]
    found = findings(project, bank(questions), "quiz.longest-key")
    # the starter quiz's 'hip-q08a' also has its right option longest: 13 in all
    assert len(found) == 13 and found[-1][0] == "content/quizzes/hip-and-pelvis-control-quiz.yml"
    assert found[0] == ("content/" + BANK, line_of(text, "id: bank-q01") + 5, 7,
                        "question 'bank-q01': the right option is the longest, as in 13 of 26 single-choice "
                        "questions (50%; at most 35%)")


def test_a_few_long_keys_in_a_balanced_bank_pass(project):
    long_key = "Stop today and refer within a few days because this may be a bone injury"
    limit = int(quiz_longest_key.MAX_SHARE * 26) - 1  # the starter quiz adds two, one with its key longest
    questions = [single(n, key=long_key if n <= limit else "Right") for n in range(1, 25)]
    assert findings(project, bank(questions), "quiz.longest-key") == []


def test_true_false_bank_that_is_nearly_all_false_is_reported_at_the_first_false_question(project):
    questions = [true_false(n, n <= 2) for n in range(1, 13)]
    text = bank(questions)[BANK]
    found = findings(project, bank(questions), "quiz.true-false-balance")
    # the starter adds two false statements: 2 true of 14
    assert found == [("content/" + BANK, line_of(text, "id: bank-tf03") + 3, 13,
                      "only 2 of 14 true/false questions are true (at least 35% needed)")]


def test_balanced_true_false_bank_passes(project):
    questions = [true_false(n, n % 2 == 0) for n in range(1, 13)]
    assert findings(project, bank(questions), "quiz.true-false-balance") == []
    assert quiz_true_false_balance.MIN_SHARE <= 0.5


def test_all_of_the_above_and_letter_combinations_are_reported_at_the_option(project):
    questions = [single(1, wrong=("Wrong one", "All of the above", "Wrong three")),
                 single(2, wrong=("Both A and C", "none of these", "Only a and b then"))]
    text = bank(questions)[BANK]
    found = findings(project, bank(questions), "quiz.giveaway-option")
    assert [(f[1], f[2], f[3]) for f in found] == [
        (line_of(text, "All of the above"), 15, "question 'bank-q01' has the option 'All of the above' ('All of the above')"),
        (line_of(text, "Both A and C"), 15, "question 'bank-q02' has the option 'Both A and C' ('Both A and C')"),
        (line_of(text, "none of these"), 15, "question 'bank-q02' has the option 'none of these' ('none of these')"),
    ]
