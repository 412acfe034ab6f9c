"""The quiz as a student uses it: by mouse and by keyboard, every question type, right and wrong."""

import re

import pytest
from playwright.sync_api import Page, expect

LESSON = "/lessons/hip-and-pelvis-control/"

SCORING = pytest.mark.engines("mkdocs")
"""How an answer is marked comes from quiz.js and the page's own markup, the same whichever engine built the page,
so those tests run on one engine. Everything the engine does change runs on both: the quiz starting (on load and
after instant navigation), mouse and keyboard answering, focus, saved progress, exam mode, reset, confirmations,
no JavaScript, print, forced colours, offline, search and axe."""


def question(page: Page, qid: str):
    return page.locator(f'.stride-q[data-qid="{qid}"]')


def check(q):
    q.get_by_role("button", name="Check answer").click()


def open_lesson(page: Page, base_url: str) -> None:
    page.goto(base_url + LESSON)
    expect(page.locator(".stride-quiz--enhanced")).to_have_count(1)


def test_single_choice_wrong_then_retry_right_by_mouse(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q01")
    q.get_by_label("Tibialis anterior").check()
    check(q)
    feedback = q.locator(".stride-feedback")
    expect(feedback).to_contain_text("Not quite.")
    expect(feedback).to_contain_text("No, that muscle lifts the foot.")
    expect(feedback).to_contain_text("See Gluteus medius")
    expect(q.get_by_label("Tibialis anterior")).to_be_disabled()
    q.get_by_role("button", name="Try again").click()
    q.get_by_label("Gluteus medius").check()
    check(q)
    expect(feedback).to_contain_text("Correct.")
    expect(feedback).to_contain_text("Yes, it abducts and steadies the hip.")


def test_single_choice_by_keyboard_only(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q01")
    q.get_by_label("Gluteus medius").focus()
    page.keyboard.press("Space")
    expect(q.get_by_label("Gluteus medius")).to_be_checked()
    q.get_by_role("button", name="Check answer").focus()
    page.keyboard.press("Enter")
    expect(q.locator(".stride-feedback")).to_contain_text("Correct.")
    expect(q.locator(".stride-feedback")).to_have_attribute("role", "status")


@SCORING
def test_multiple_select_gives_partial_credit(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q03")
    q.get_by_label("Reduce hills for two weeks").check()
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Partly right (50%).")
    q.get_by_role("button", name="Try again").click()
    q.get_by_label("Reduce hills for two weeks").check()
    q.get_by_label("Teach the clamshell").check()
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Correct.")
    q.get_by_role("button", name="Try again").click()
    for label in ("Reduce hills for two weeks", "Teach the clamshell", "Diagnose the cause of the pain"):
        q.get_by_label(label).check()
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Partly right (50%).")
    expect(q.locator(".stride-feedback")).to_contain_text("diagnosis belongs to the clinician")


@SCORING
def test_true_false(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q02")
    q.get_by_label("True").check()
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Not quite; the link is an association.")
    q.get_by_role("button", name="Try again").click()
    q.get_by_label("False").check()
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Right, the studies are cross-sectional.")


@SCORING
def test_matching_with_keyboard_selects(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q04")
    q.get_by_label("Contralateral pelvic drop").select_option(label="Moving your leg out to the side")
    q.get_by_label("Hip abduction").select_option(label="Your hip dips each step")
    q.get_by_label("Stance phase").select_option(label="The time your foot is on the ground")
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Partly right (33%).")
    expect(q.locator(".stride-feedback")).to_contain_text("Some pairs are mixed up.")
    q.get_by_role("button", name="Try again").click()
    select = q.get_by_label("Contralateral pelvic drop")
    select.focus()
    page.keyboard.press("ArrowDown")  # keyboard works too; then set the rest precisely
    q.get_by_label("Contralateral pelvic drop").select_option(label="Your hip dips each step")
    q.get_by_label("Hip abduction").select_option(label="Moving your leg out to the side")
    q.get_by_label("Stance phase").select_option(label="The time your foot is on the ground")
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("All matched.")


def put_in_order(page: Page, q) -> None:
    """Use only the Move up buttons, pressed with the keyboard."""
    items = q.locator(".stride-order-item")
    for target in range(items.count()):
        row = q.locator(f'.stride-order-item[data-index="{target}"]')
        while q.locator(".stride-order-item").nth(target).get_attribute("data-index") != str(target):
            row.locator('button[data-move="-1"]').focus()
            page.keyboard.press("Enter")


@SCORING
def test_ordering_with_move_buttons_and_keyboard(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q05")
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Not quite.")
    expect(q.locator(".stride-feedback")).to_contain_text("Stop first, then explain")
    q.get_by_role("button", name="Try again").click()
    put_in_order(page, q)
    expect(q.locator("[role=status]").first).to_contain_text(re.compile(r"now [1-4] of 4"))
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Correct.")


@SCORING
def test_fill_blank_ignores_case_and_accepts_variants(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q06")
    q.get_by_label("Your answer").fill("minimus")
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("It is the gluteus medius.")
    q.get_by_role("button", name="Try again").click()
    q.get_by_label("Your answer").fill("  Gluteus MEDIUS ")
    q.get_by_label("Your answer").press("Enter")
    expect(q.locator(".stride-feedback")).to_contain_text("Yes, the gluteus medius.")


@SCORING
def test_numeric_answer_within_tolerance(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q07")
    q.get_by_label("Your answer in steps/min").fill("176")
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("5% of 160 is 8")
    q.get_by_role("button", name="Try again").click()
    q.get_by_label("Your answer in steps/min").fill("168.5")
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Right, about 168.")


@SCORING
def test_unanswered_question_asks_for_an_answer(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q06")
    check(q)
    expect(q.locator(".stride-feedback")).to_have_text("Choose or type an answer first.")


def answer_everything_right(page: Page) -> None:
    question(page, "hip-q01").get_by_label("Gluteus medius").check()
    question(page, "hip-q02").get_by_label("False").check()
    question(page, "hip-q03").get_by_label("Reduce hills for two weeks").check()
    question(page, "hip-q03").get_by_label("Teach the clamshell").check()
    q4 = question(page, "hip-q04")
    q4.get_by_label("Contralateral pelvic drop").select_option(label="Your hip dips each step")
    q4.get_by_label("Hip abduction").select_option(label="Moving your leg out to the side")
    q4.get_by_label("Stance phase").select_option(label="The time your foot is on the ground")
    put_in_order(page, question(page, "hip-q05"))
    question(page, "hip-q06").get_by_label("Your answer").fill("medius")
    question(page, "hip-q07").get_by_label("Your answer in steps/min").fill("168")
    question(page, "hip-q08a").get_by_label("Explain what you saw and start hip drills").check()
    question(page, "hip-q08b").get_by_label("False").check()


def test_practice_score_band_event_and_progress_survive_reload(page, base_url):
    open_lesson(page, base_url)
    page.evaluate("""() => { window.__submitted = null;
        document.addEventListener('stride:quiz-submitted', e => { window.__submitted = e.detail; }); }""")
    answer_everything_right(page)
    for qid in ("hip-q01", "hip-q02", "hip-q03", "hip-q04", "hip-q05", "hip-q06", "hip-q07", "hip-q08a"):
        check(question(page, qid))
    score = page.locator(".stride-score")
    expect(score).to_contain_text("1 question left")
    question(page, "hip-q08b").get_by_label("True").check()
    check(question(page, "hip-q08b"))
    # Question 8 is a case in two parts (8a, 8b): each part is worth half of its point.
    expect(score).to_contain_text("Score: 7.5 of 8 (94%)")
    expect(score).to_contain_text("Excellent.")
    assert page.evaluate("window.__submitted") == {"quiz": "hip-and-pelvis-control-quiz", "score": 7.5, "total": 8,
                                                   "percent": 94, "mode": "practice"}
    page.reload()
    expect(page.locator(".stride-score")).to_contain_text("Score: 7.5 of 8 (94%)")
    expect(question(page, "hip-q06").get_by_label("Your answer")).to_have_value("medius")
    expect(question(page, "hip-q08b").locator(".stride-feedback")).to_contain_text("Not quite.")
    page.goto(base_url + "/lessons/")
    expect(page.locator('.stride-progress[data-quiz="hip-and-pelvis-control-quiz"]')).to_have_text("Done · best 94%")
    stored = page.evaluate("JSON.parse(localStorage.getItem('stride-quiz-progress'))")
    assert stored["version"] == 1 and stored["quizzes"]["hip-and-pelvis-control-quiz"]["best"] == 94


@pytest.mark.engines("mkdocs")  # the fixtures' isolation, the same for either engine
def test_progress_saved_on_one_fresh_origin_is_not_seen_on_the_next(page, starter_server):
    """Tests share one browser context; base_url gives each test an origin from fresh_origin, so saved progress
    never carries over from one test to another."""
    from tests.browser.conftest import fresh_origin

    first, second = fresh_origin(starter_server), fresh_origin(starter_server)
    open_lesson(page, first)
    question(page, "hip-q01").get_by_label("Gluteus medius").check()
    check(question(page, "hip-q01"))
    assert page.evaluate("localStorage.getItem('stride-quiz-progress')") is not None
    open_lesson(page, second)
    assert page.evaluate("localStorage.getItem('stride-quiz-progress')") is None
    expect(question(page, "hip-q01").locator(".stride-feedback")).to_be_empty()


def test_exam_mode_holds_feedback_until_submit(page, base_url):
    open_lesson(page, base_url)
    page.get_by_label(re.compile("Exam mode")).check()
    expect(page.get_by_role("button", name="Check answer")).to_have_count(0)
    page.get_by_role("button", name="Submit quiz").click()
    # An ordering question always holds an order, so 7 of the 8 numbered questions still need an answer.
    expect(page.locator(".stride-score")).to_contain_text("7 questions are not answered yet.")
    answer_everything_right(page)
    expect(page.locator(".stride-feedback.stride-correct")).to_have_count(0)
    page.get_by_role("button", name="Submit quiz").click()
    expect(page.locator(".stride-score")).to_contain_text("Score: 8 of 8 (100%)")
    expect(page.locator(".stride-score")).to_contain_text("Excellent.")
    expect(page.locator(".stride-feedback.stride-correct")).to_have_count(9)


def test_reset_clears_answers_and_saved_progress(page, base_url):
    open_lesson(page, base_url)
    q = question(page, "hip-q01")
    q.get_by_label("Gluteus medius").check()
    check(q)
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Reset quiz").click()
    expect(q.locator(".stride-feedback")).to_be_empty()
    expect(q.get_by_label("Gluteus medius")).not_to_be_checked()
    page.reload()
    expect(question(page, "hip-q01").locator(".stride-feedback")).to_be_empty()


@SCORING
def test_options_are_shuffled_per_attempt(page, base_url):
    orders = set()
    for _ in range(6):
        open_lesson(page, base_url)
        labels = question(page, "hip-q05").locator(".stride-order-text").all_inner_texts()
        orders.add(tuple(labels))
    assert len(orders) > 1


def test_without_javascript_questions_read_and_answers_stay_hidden(browser, base_url):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base_url + LESSON)
    expect(page.get_by_text("Which muscle keeps the pelvis level in single-leg stance?")).to_be_visible()
    expect(page.locator("ol.stride-options li").first).to_be_visible()
    expect(page.get_by_text("Yes, it abducts and steadies the hip.")).to_be_hidden()
    page.locator('.stride-q[data-qid="hip-q01"] details.stride-answer summary').click()
    expect(page.get_by_text("Yes, it abducts and steadies the hip.")).to_be_visible()
    context.close()


def test_printing_hides_answers_even_when_details_are_open(page, base_url):
    open_lesson(page, base_url)
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.hidden = false; d.open = true; })")
    page.emulate_media(media="print")
    expect(page.get_by_text("Yes, it abducts and steadies the hip.")).to_be_hidden()
    expect(page.get_by_text("Which muscle keeps the pelvis level in single-leg stance?")).to_be_visible()
    page.evaluate("document.documentElement.classList.add('stride-print-answers')")
    expect(page.get_by_text("Yes, it abducts and steadies the hip.")).to_be_visible()


def test_forced_colours_and_reduced_motion_keep_the_quiz_usable(browser, base_url):
    context = browser.new_context(forced_colors="active", reduced_motion="reduce")
    page = context.new_page()
    page.goto(base_url + LESSON)
    q = question(page, "hip-q01")
    q.get_by_label("Tibialis anterior").check()
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Not quite.")
    right = q.locator("label.stride-is-correct")
    assert right.evaluate("el => getComputedStyle(el).borderTopStyle") == "solid"
    assert right.evaluate("el => parseFloat(getComputedStyle(el).borderTopWidth)") >= 2
    context.close()


def test_quiz_starts_after_instant_navigation(page, base_url):
    page.goto(base_url + "/lessons/")
    page.locator("article").get_by_role("link", name="Hip and pelvis control").click()
    expect(page).to_have_url(base_url + LESSON)
    expect(page.locator(".stride-quiz--enhanced")).to_have_count(1)
    q = question(page, "hip-q01")
    q.get_by_label("Gluteus medius").check()
    check(q)
    expect(q.locator(".stride-feedback")).to_contain_text("Correct.")
