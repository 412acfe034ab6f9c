"""Search: on the starter site with either engine, and on the shipped site real queries, lay words and synonyms
find the page a student wants first."""

import json

import pytest
from playwright.sync_api import expect

from tests.browser.search import search_finds_clamshell

QUERIES = [
    ("shin splints", "injuries/medial-tibial-stress-syndrome/"),
    ("knee pain", "injuries/patellofemoral-pain/"),
    ("runner's knee", "injuries/patellofemoral-pain/"),
    ("hip dip", "biomechanics/contralateral-pelvic-drop/"),
    ("pelvic drop", "biomechanics/contralateral-pelvic-drop/"),
    ("plantar fasciitis", "injuries/plantar-heel-pain/"),
    ("heel pain", "injuries/plantar-heel-pain/"),
    ("ITB syndrome", "injuries/iliotibial-band-syndrome/"),
    ("Achilles tendinitis", "injuries/achilles-tendinopathy/"),
    ("hip stress fracture", "injuries/femoral-neck-pelvic-bone-stress-injury/"),
    ("relative energy deficiency", "injuries/low-energy-availability/"),
    ("rolled ankle", "injuries/lateral-ankle-sprain/"),
    ("pulled hamstring", "injuries/hamstring-strain/"),
    ("knee caving in", "biomechanics/dynamic-knee-valgus/"),
    ("overstriding", "biomechanics/overstriding/"),
    ("clamshell", "drills/clamshell/"),
    ("gluteus medius", "anatomy/gluteus-medius/"),
    ("knee to wall", "assessments/knee-to-wall-test/"),
    ("fainting", "injuries/chest-pain-or-fainting-during-exercise/"),
]


def top_result(page, query: str) -> str:
    """Type the query as a student would and return the first result's link once the list has caught up."""
    search = page.locator("input.md-search__input")
    search.fill(query)
    search.press("End")  # one key event: Material searches once, for the whole query
    # The first link carries the searched words (?h=…, stop words dropped): wait until they are this query's.
    page.wait_for_function(
        """q => { const meta = document.querySelector('.md-search-result__meta');
                  const first = document.querySelector('.md-search-result__item a.md-search-result__link');
                  if (!first || !/matching document/.test(meta.textContent)) return false;
                  const shown = (new URL(first.href).searchParams.get('h') || '').toLowerCase().split(' ').filter(Boolean);
                  const typed = q.toLowerCase().split(/\\s+/);
                  return document.querySelector('.md-search__input').value === q && shown.length > 0
                         && shown.every(w => typed.includes(w)) && typed.includes(shown[shown.length - 1]); }""",
        arg=query)
    return page.locator(".md-search-result__item a.md-search-result__link").first.get_attribute("href")


def test_search_finds_a_drill(page, base_url):
    page.goto(base_url + "/")
    search_finds_clamshell(page)


def test_real_queries_find_the_page_a_student_wants_first(page, shipped_url):
    page.goto(shipped_url + "/")
    page.locator("input.md-search__input").click()
    found = {}
    for query, expected in QUERIES:
        href = top_result(page, query)
        found[query] = href.split("#")[0].split("?")[0]
    wrong = {q: found[q] for q, expected in QUERIES if not found[q].endswith(expected)}
    assert wrong == {}, json.dumps({q: (found[q], e) for q, e in QUERIES if q in wrong}, indent=1)


def test_index_leaves_out_card_pages_quiz_pages_answer_keys_and_the_red_flag_table(shipped):
    project, _, _ = shipped
    index = json.loads((project.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    pages = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert sorted(page for page in pages if page.startswith(("cards/", "quizzes/"))) == ["cards/", "quizzes/"]
    assert len(index["docs"]) > 1000  # everything else is still there
    text = " ".join(doc["text"] for doc in index["docs"])
    assert "Right answer:" not in text and "Not this one:" not in text
    assert "Also called: shin splints" in text
    # The generated table of every red flag stays out (it grows with the curriculum past an entry's limit);
    # each flag is still found on its injury page.
    pop = "A pop just above the heel"
    found = {doc["location"].split("#")[0] for doc in index["docs"] if pop in doc["text"]}
    assert "injuries/calf-strain/" in found
    assert found.isdisjoint({"scope/", "lessons/red-flags-and-referral/", "communication/recommending-referral/"})


def test_lists_that_grow_with_the_curriculum_stay_out_of_the_index(shipped):
    """Each entry is found on its own page. A list of every drill (or finding, or gap) in one indexed section passes
    Zensical's limit for a section (16,384 token positions) at a few thousand entities, which stops the build."""
    project, generated, _ = shipped
    index = json.loads((project.site / "search" / "search_index.json").read_text(encoding="utf-8"))
    text_of: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        text_of[page] = text_of.get(page, "") + " " + doc["title"] + " " + doc["text"]
    kb = generated.checked.kb
    for kind, folder in (("drill", "drills/"), ("injury", "injuries/"), ("assessment", "assessments/"),
                         ("lesson", "lessons/"), ("anatomy", "anatomy/")):
        items = kb.of_kind(kind)
        assert all(item.title not in text_of[folder] for item in items), folder
        assert all(item.title in text_of[f"{folder}{item.id}/"] for item in items), folder
    findings = [finding.finding for item in kb.of_kind("assessment") for finding in item.model.findings]
    assert findings and not any(label in text_of["plan/"] for label in findings)
    assert "Drill cards" in text_of["cards/"] and not any(item.title in text_of["cards/"] for item in kb.of_kind("drill"))
    assert "Curriculum report" in text_of["educators/report/"]
    assert "Question types per lesson" not in text_of["educators/report/"]
