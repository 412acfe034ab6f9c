"""What issue-free quizzes look like to a student: rendered feedback, focus, confirmations, numbering, marking."""

import json
import re

from playwright.sync_api import expect

from tests.browser.test_quiz import LESSON, SCORING, answer_everything_right, check, open_lesson, question
from tests.conftest import REPO

CASES = json.loads((REPO / "tests/fixtures/answer_cases.json").read_text(encoding="utf-8"))


@SCORING
def test_browser_normalises_answers_from_the_same_table_as_python(page, base_url):
    open_lesson(page, base_url)
    text = page.evaluate("cases => cases.map(c => window.StrideQuiz.normaliseText(c[0]))", CASES["text"])
    numbers = page.evaluate("cases => cases.map(c => window.StrideQuiz.parseNumber(c[0]))", CASES["number"])
    assert text == [expected for _, expected in CASES["text"]]
    assert numbers == [expected for _, expected in CASES["number"]]


@SCORING
def test_numeric_answer_with_words_and_units_is_read_and_a_time_is_questioned(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q07")
    q.get_by_label("Your answer in steps/min").fill("1:30")
    check(q)
    expect(q.locator(".stride-feedback")).to_have_text("Type one number, such as 12.5 (a unit after it is fine).")
    q.get_by_label("Your answer in steps/min").fill("about 168 steps/min")
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Correct.")


def test_focus_stays_on_the_question_after_check(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q01")
    q.get_by_label("Tibialis anterior").focus()
    page.keyboard.press("Space")
    q.get_by_role("button", name="Check answer").focus()
    page.keyboard.press("Enter")
    focused = page.evaluate("() => document.activeElement.closest('.stride-q')?.dataset.qid")
    assert focused == "hip-q01"
    assert page.evaluate("() => document.activeElement.classList.contains('stride-feedback')")
    page.keyboard.press("Shift+Tab")  # the feedback follows the buttons: one step back is "Try again"
    assert page.evaluate("() => document.activeElement.textContent") == "Try again"


@SCORING
def test_feedback_marks_the_students_own_wrong_choice_with_rendered_text(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q01")
    q.get_by_label("Tibialis anterior").check()
    check(q)
    chosen = q.locator(".stride-feedback li.stride-chosen")
    expect(chosen).to_have_count(1)
    expect(chosen).to_contain_text("Your answer")
    expect(chosen).to_contain_text("Not this one: Tibialis anterior. No, that muscle lifts the foot.")
    assert "**" not in q.locator(".stride-feedback").inner_text()


@SCORING
def test_matching_feedback_names_the_rows_that_were_wrong(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q04")
    q.get_by_label("Contralateral pelvic drop").select_option(label="Moving your leg out to the side")
    q.get_by_label("Hip abduction").select_option(label="Your hip dips each step")
    q.get_by_label("Stance phase").select_option(label="The time your foot is on the ground")
    check(q)
    wrong = q.locator(".stride-row-wrong")
    expect(wrong).to_have_count(2)
    expect(wrong.first).to_contain_text("Contralateral pelvic drop: you chose “Moving your leg out to the side”. The match is Your hip dips each step.")
    expect(q.locator(".stride-row-right")).to_contain_text("Stance phase")


@SCORING
def test_scenario_parts_are_numbered_8a_8b_and_counted_as_question_8(page, base_url):
    open_lesson(page, base_url)
    numbers = page.locator(".stride-q-number").all_inner_texts()
    assert numbers == [f"Question {n}" for n in range(1, 8)] + ["Question 8: a case in 2 parts", "Question 8a", "Question 8b"]
    answer_everything_right(page)
    check(question(page, "hip-q08a"))
    expect(page.locator(".stride-score")).to_contain_text("Score: 0.5 of 8 (6%) · 8 questions left")
    check(question(page, "hip-q08b"))
    expect(page.locator(".stride-score")).to_contain_text("Score: 1 of 8 (13%) · 7 questions left")


@SCORING
def test_select_all_that_apply_appears_once(page, base_url):
    open_lesson(page, base_url)
    expect(question(page, "hip-q03").get_by_text("Select all that apply.")).to_have_count(1)


def test_reset_asks_first_and_keeps_answers_when_the_student_says_no(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q01")
    q.get_by_label("Gluteus medius").check()
    check(q)
    asked: list[str] = []

    def dismiss(dialog):
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.get_by_role("button", name="Reset quiz").click()
    assert asked == ["Reset this quiz? This clears the answers you have given."]
    expect(q.locator(".stride-feedback")).to_contain_text("Correct.")


def test_exam_mode_asks_before_wiping_answers_and_is_remembered(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q01")
    q.get_by_label("Gluteus medius").check()
    check(q)
    page.once("dialog", lambda dialog: dialog.dismiss())
    toggle = page.get_by_label(re.compile("Exam mode"))
    toggle.click()
    expect(toggle).not_to_be_checked()
    expect(q.locator(".stride-feedback")).to_contain_text("Correct.")
    page.once("dialog", lambda dialog: dialog.accept())
    toggle.click()
    expect(toggle).to_be_checked()
    expect(q.locator(".stride-feedback")).to_be_empty()
    page.reload()
    expect(page.get_by_label(re.compile("Exam mode"))).to_be_checked()
    expect(page.get_by_role("button", name="Submit quiz")).to_be_visible()
    expect(page.get_by_role("button", name="Check answer")).to_have_count(0)


def test_take_the_quiz_link_is_near_the_top_and_jumps_to_the_quiz(page, base_url):
    open_lesson(page, base_url)
    link = page.locator("article").get_by_role("link", name="Take the quiz")
    presses = 0
    while presses < 40 and page.evaluate("() => document.activeElement.textContent.trim()") != "Take the quiz":
        page.keyboard.press("Tab")
        presses += 1
    assert presses < 40
    link.click()
    expect(page).to_have_url(re.compile("#check-yourself$"))
