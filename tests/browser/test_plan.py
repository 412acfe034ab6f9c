"""The /plan/ page: filled by keyboard, traced reasons, save, reload, load, print; the same plan as `stride plan`."""

from __future__ import annotations

import json
import re

import pytest

from generator.cli import main
from generator.plans.engine import ENGINE_JS, make_plan
from generator.plans.profile import profile_data


def _tab_to(page, selector: str, limit: int = 80) -> None:
    """Press Tab until the element matching `selector` has the focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("(s) => document.activeElement === document.querySelector(s)", selector):
            return
        page.keyboard.press("Tab")
    pytest.fail(f"could not reach {selector} with Tab")


def _fill_by_keyboard(page, base_url) -> None:
    page.goto(f"{base_url}/plan/")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#plan-status:not(:empty)")
    _tab_to(page, 'input[name="runner"]')
    page.keyboard.type("Ana")
    page.keyboard.press("Tab")
    page.keyboard.type("03022026")  # the date field takes digits in the browser's locale order (en-US)
    _tab_to(page, 'input[name="minutes_per_session"]')
    page.keyboard.press("Control+A")
    page.keyboard.type("20")
    _tab_to(page, 'input[name="findings"][value="single-leg-squat-test/pelvis-drops"]')
    page.keyboard.press("Space")


def _drills_on_page(page) -> list[tuple[str, str]]:
    items = page.locator("#plan-output .plan-drill")
    return [(items.nth(i).locator("h3").inner_text(), items.nth(i).locator(".plan-dose strong").inner_text())
            for i in range(items.count())]


SAME_ON_EVERY_ENGINE = pytest.mark.engines("mkdocs")
"""The plan's results and file handling come from the same script and data whichever engine built the page; what
the engine does change (the page starting, keyboard use, print, offline, axe) is tested on both."""


def test_fill_by_keyboard_and_see_the_traced_reasons(page, base_url):
    _fill_by_keyboard(page, base_url)
    assert page.locator("#plan-status").inner_text() == "Plan: 2 drills, about 10 minutes a session."
    assert page.locator("#plan-output h2").inner_text() == "Personal plan for Ana"
    assert _drills_on_page(page) == [("Side-lying hip abduction", "3 sets of 10 reps each side"),
                                     ("Clamshell", "2 sets of 12 reps each side")]
    assert page.locator("#plan-output .plan-why li").first.inner_text() == (
        "Single-leg squat test: The pelvis drops or the knee moves inward → Contralateral pelvic drop → Side-lying hip abduction")
    assert "Retest on 2026-04-13" in page.locator("#plan-output").inner_text()


def test_save_reload_and_load_the_file(page, base_url, tmp_path):
    _fill_by_keyboard(page, base_url)
    with page.expect_download() as download:
        page.locator('[data-plan="save"]').click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    profile = json.loads(saved.read_text())
    assert download.value.suggested_filename == "ana.json"
    assert (profile["version"], profile["runner"], profile["assessed_on"]) == (1, "Ana", "2026-03-02")
    assert profile["findings"] == ["single-leg-squat-test/pelvis-drops"]

    page.reload()  # the draft is kept in the browser: nothing typed is lost
    page.wait_for_selector("#plan-output .plan-drill")
    assert page.locator('input[name="runner"]').input_value() == "Ana"
    assert len(_drills_on_page(page)) == 2

    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("#plan-status:not(:empty)")
    assert _drills_on_page(page) == []
    page.locator('[data-plan="load"]').set_input_files(str(saved))
    page.wait_for_selector("#plan-output .plan-drill")
    assert page.locator('input[name="runner"]').input_value() == "Ana"
    assert page.locator("#plan-status").inner_text().startswith("Loaded ana.json.")
    assert len(_drills_on_page(page)) == 2


@SAME_ON_EVERY_ENGINE
def test_a_file_without_a_version_loads_and_a_newer_one_is_refused(page, base_url, tmp_path):
    _fill_by_keyboard(page, base_url)
    with page.expect_download() as download:
        page.locator('[data-plan="save"]').click()
    profile = json.loads(open(download.value.path()).read())
    del profile["version"]
    older = tmp_path / "older.json"
    older.write_text(json.dumps(profile))
    page.locator('[data-plan="load"]').set_input_files(str(older))
    page.wait_for_function("document.querySelector('#plan-status').textContent.startsWith('Loaded older.json')")
    profile["version"] = 7
    newer = tmp_path / "newer.json"
    newer.write_text(json.dumps(profile))
    page.locator('[data-plan="load"]').set_input_files(str(newer))
    page.wait_for_function("document.querySelector('#plan-status').textContent.startsWith('Could not load newer.json')")
    assert "newer version (7)" in page.locator("#plan-status").inner_text()


@SAME_ON_EVERY_ENGINE
def test_a_file_or_draft_naming_what_the_curriculum_lacks_is_refused_not_thinned(page, base_url, tmp_path):
    """The form only holds what this curriculum offers: a misspelt red flag or injury in a file vanished without a
    word, and the plan went ahead without it (drills the injury must avoid included)."""
    _fill_by_keyboard(page, base_url)
    with page.expect_download() as download:
        page.locator('[data-plan="save"]').click()
    profile = json.loads(open(download.value.path()).read())
    first_flag = page.locator('input[name="red_flags"]').first.get_attribute("value")
    profile["red_flags"] = [first_flag.replace("-", "_", 1)]
    misspelt = tmp_path / "misspelt.json"
    misspelt.write_text(json.dumps(profile))
    page.locator('[data-plan="load"]').set_input_files(str(misspelt))
    page.wait_for_function("document.querySelector('#plan-status').textContent.startsWith('Could not load misspelt')")
    assert f"it names {profile['red_flags'][0]}, which this curriculum does not have" in (
        page.locator("#plan-status").inner_text())
    assert len(_drills_on_page(page)) == 2  # the form and its plan are the ones from before

    page.evaluate("(draft) => localStorage.setItem('stride-plan-draft', JSON.stringify(draft))",
                  {**profile, "red_flags": [], "injury": {"id": "runners-knee", "under_care": True}})
    page.reload()
    page.wait_for_selector("#plan-status:not(:empty)")
    assert "The draft kept in this browser was not restored: it names runners-knee" in (
        page.locator("#plan-status").inner_text())
    assert page.locator('input[name="runner"]').input_value() == ""


@SAME_ON_EVERY_ENGINE
def test_a_pain_score_the_form_refuses_gives_no_plan(page, base_url):
    """5.5 is not a score of the scale, and the plan would have been judged as if it were below 6."""
    _fill_by_keyboard(page, base_url)
    page.locator('input[name="pain_score"]').fill("5.5")
    status = page.locator("#plan-status").inner_text()
    assert status.startswith("No plan yet: Pain now, 0–10 ") and _drills_on_page(page) == []
    assert page.locator("#plan-output").inner_text().strip() == ""
    page.locator('input[name="pain_score"]').fill("6")
    assert page.locator("#plan-status").inner_text() == "Refer first: 1 referral, no drills."


def test_print_shows_the_plan_and_personalised_cards_and_hides_the_form(page, base_url):
    _fill_by_keyboard(page, base_url)
    page.emulate_media(media="print")
    assert not page.locator("#plan-form").is_visible()
    assert not page.locator(".plan-actions").is_visible()
    assert page.locator("#plan-output").is_visible()
    cards = page.locator("#plan-cards .plan-card")
    assert cards.count() == 2 and cards.first.is_visible()
    assert cards.first.inner_text().split("\n\n")[:3] == ["For Ana", "Side-lying hip abduction", "3 sets of 10 reps each side"]
    assert not page.locator("#plan-note").is_visible()
    page.evaluate("document.body.setAttribute('data-print', 'note')")  # what "Print care-team note" sets
    assert page.locator("#plan-note").is_visible()
    assert not page.locator("#plan-output").is_visible()
    assert "What the coach asks" in page.locator("#plan-note").inner_text()


@SAME_ON_EVERY_ENGINE
def test_a_red_flag_turns_the_page_into_refer_first(page, base_url):
    _fill_by_keyboard(page, base_url)
    page.locator(".plan-flags summary").click()
    page.locator('input[name="red_flags"]').first.check()
    assert page.locator("#plan-status").inner_text() == "Refer first: 1 referral, no drills."
    assert page.locator("#plan-output .plan-refer h3").inner_text() == "Refer first"
    assert _drills_on_page(page) == []


@SAME_ON_EVERY_ENGINE
def test_the_page_and_stride_plan_give_the_same_drills_and_doses(page, base_url, starter_site, tmp_path):
    _fill_by_keyboard(page, base_url)
    with page.expect_download() as download:
        page.locator('[data-plan="save"]').click()
    saved = tmp_path / "ana.json"
    download.value.save_as(saved)
    on_page = _drills_on_page(page)
    assert main(["--project", str(starter_site.parent), "plan", str(saved), "--output", str(tmp_path)]) == 0
    html = (tmp_path / "ana-plan.html").read_text()
    from_cli = re.findall(r'<li class="plan-drill">\s*<h2><a [^>]*>([^<]+)</a></h2>\s*<p class="plan-dose"><strong>([^<]+)</strong>', html)
    assert from_cli == on_page


@SAME_ON_EVERY_ENGINE
def test_the_browser_runs_the_same_engine_on_every_worked_example(page, base_url, shipped_plan_data, shipped_examples):
    page.goto(f"{base_url}/plan/")
    for profile in shipped_examples:
        in_browser = page.evaluate("([data, profile]) => StridePlan.makePlan(data, profile)", [shipped_plan_data, profile])
        assert in_browser == make_plan(shipped_plan_data, profile)


@pytest.fixture(scope="module")
def shipped_plan_data():
    from generator.pipeline import check
    from generator.plans.compile import compile_plan_data
    from tests.conftest import REPO

    return compile_plan_data(check(REPO / "content").graph)


@pytest.fixture(scope="module")
def shipped_examples():
    from generator.pipeline import check
    from tests.conftest import REPO

    return [profile_data(item.model) for item in check(REPO / "content").kb.of_kind("runner")]


@SAME_ON_EVERY_ENGINE  # offline pages of both engines: test_offline.py
def test_the_plan_builder_works_from_the_offline_copy_without_network(file_page, offline_site):
    page = file_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_site / "plan" / "index.html").as_uri())
    page.locator('[data-plan="example"]').select_option(label="Worked plan: a hip that drops")
    page.wait_for_selector("#plan-output .plan-drill")
    assert _drills_on_page(page)[0] == ("Side-lying hip abduction", "3 sets of 10 reps each side")
    link = page.locator("#plan-output .plan-drill h3 a").first
    assert link.get_attribute("href") == "../drills/side-lying-hip-abduction.html"
    assert requests and all(url.startswith(("file://", "data:", "blob:", "about:")) for url in requests), requests


def test_the_plan_builder_has_no_serious_axe_violations(page, base_url):
    from tests.browser.test_accessibility import serious

    page.goto(f"{base_url}/plan/")
    page.locator('[data-plan="example"]').select_option(label="Worked plan: a hip that drops")
    page.wait_for_selector("#plan-output .plan-drill")
    assert serious(page) == []
    page.locator(".plan-flags summary").click()
    page.locator('input[name="red_flags"]').first.check()
    page.wait_for_selector("#plan-output .plan-refer")
    assert serious(page) == []
