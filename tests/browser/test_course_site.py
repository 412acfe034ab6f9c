"""The shipped site as a student meets it: phone widths, sections, accessible markup, rendered feedback."""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_accessibility import AXE

PHONE_PAGES = ["/lessons/", "/cards/", "/lessons/hip-and-pelvis-control/", "/injuries/patellofemoral-pain/",
               "/drills/clamshell/", "/", "/glossary/", "/plan/"]
TABS = ["Learn", "Body", "Movement", "Injuries", "Drills", "Talk", "Cards"]


@pytest.fixture
def phone(page):
    page.set_viewport_size({"width": 390, "height": 844})
    return page


SIDEWAYS = """() => {
  const wide = [];
  if (document.documentElement.scrollWidth > window.innerWidth) wide.push('page ' + document.documentElement.scrollWidth);
  for (const el of document.querySelectorAll('article *')) {
    const style = getComputedStyle(el);
    if (['auto', 'scroll'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1)
      wide.push(el.className + ' ' + el.scrollWidth + '>' + el.clientWidth);
  }
  return wide;
}"""


@pytest.mark.parametrize("path", PHONE_PAGES)
def test_nothing_scrolls_sideways_at_390_px(phone, shipped_url, path):
    phone.goto(shipped_url + path)
    assert phone.evaluate(SIDEWAYS) == []


def axe_violations(page, rules: list[str] | None = None) -> list[dict]:
    page.add_script_tag(content=AXE)
    options = {"resultTypes": ["violations"], **({"runOnly": rules} if rules else {})}
    return page.evaluate("async o => (await axe.run(document, o)).violations", options)


@pytest.mark.parametrize("path", PHONE_PAGES + ["/anatomy/gluteus-medius/", "/biomechanics/contralateral-pelvic-drop/",
                                                "/lessons/red-flags-and-referral/"])
def test_no_serious_axe_violations_and_no_empty_table_headers(page, shipped_url, path):
    page.goto(shipped_url + path)
    found = axe_violations(page)
    assert [f"{v['id']} ({v['impact']})" for v in found if v["impact"] in ("serious", "critical") or v["id"] == "empty-table-header"] == []


def test_no_course_page_has_a_table_with_an_empty_header(shipped):
    """Every page but the printable card pages, whose session log belongs to the card layout."""
    project, _, _ = shipped
    pages = [path for path in project.site.rglob("*.html") if path.relative_to(project.site).parts[0] != "cards"
             or path.relative_to(project.site).parts[1] == "index.html"]
    empty = [str(path.relative_to(project.site)) for path in pages
             if re.search(r"<th[^>]*>\s*</th>", path.read_text(encoding="utf-8"))]
    assert len(pages) > 150 and empty == []


def test_no_feedback_on_the_shipped_site_shows_markdown_marks(shipped):
    project, _, _ = shipped
    raw = []
    for path in Path(project.site).rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for quiz in re.findall(r'<section class="stride-quiz".*?</section>', html, re.S):
            if "**" in quiz or re.search(r"\.\.(?!\.)", re.sub(r"<[^>]+>", "", quiz)):
                raw.append(str(path.relative_to(project.site)))
    assert raw == []


def test_shipped_feedback_reads_as_text_after_a_wrong_answer(page, shipped_url):
    page.goto(shipped_url + "/lessons/common-running-injuries/")
    question = page.locator('.stride-q[data-qid="common-running-injuries-q01"]')
    question.get_by_label(re.compile("Reduce her weekly distance")).check()
    question.get_by_role("button", name="Check answer").click()
    feedback = question.locator(".stride-feedback").text_content()
    assert "Your answer" in feedback and "Not this one: Reduce her weekly distance by 10%" in feedback
    assert "**" not in feedback and ".." not in feedback


def test_sections_are_tabs_and_an_entity_page_opens_under_its_tab(page, shipped_url):
    page.goto(shipped_url + "/injuries/patellofemoral-pain/")
    tabs = page.locator(".md-tabs__link")
    assert [t.strip() for t in tabs.all_inner_texts()] == TABS
    expect(page.locator(".md-tabs__item--active")).to_have_text("Injuries")
    # The nav lists index pages only, so its size does not grow with the curriculum.
    assert page.locator(".md-nav--primary a.md-nav__link").count() < 30


def test_home_page_title_and_start_here(page, shipped_url):
    page.goto(shipped_url + "/")
    assert page.title() == "Running coaching for physical-therapy students - Stride Curriculum"
    expect(page.locator("article").get_by_role("link", name=re.compile("^Start here"))).to_be_visible()
    steps = page.locator(".stride-thread-title + p + ol > li")
    expect(steps).to_have_count(5)
    boxes = [steps.nth(i).bounding_box() for i in range(3)]
    assert boxes[0]["y"] == boxes[1]["y"] == boxes[2]["y"]  # cards side by side on a wide screen


def test_glossary_has_an_a_to_z_bar_that_jumps_to_a_letter(page, shipped_url):
    page.goto(shipped_url + "/glossary/")
    bar = page.get_by_role("navigation", name="Glossary by letter")
    letters = bar.get_by_role("link").all_inner_texts()
    assert letters[0] == "A" and len(letters) >= 15 and letters == sorted(letters)
    bar.get_by_role("link", name="P", exact=True).click()
    expect(page).to_have_url(re.compile("#letter-p$"))


def test_deck_links_say_what_they_are_and_their_size(page, shipped_url):
    page.goto(shipped_url + "/cards/")
    links = page.locator(".stride-decks a").all_inner_texts()
    assert links and all(re.fullmatch(r"(A4|US Letter|A6), .+ \(PDF, \d+ KB\)", text) for text in links), links
    expect(page.locator("article")).not_to_contain_text("stride cards")


def test_connections_are_grouped_chips_with_mentions_collapsed(page, shipped_url):
    page.goto(shipped_url + "/anatomy/gluteus-medius/")
    groups = page.locator(".stride-connections .stride-conn-label").all_inner_texts()
    assert any(g.startswith("Drills that train this") for g in groups)
    mentioned = page.locator("details.stride-mentioned")
    expect(mentioned).not_to_have_attribute("open", "")
    expect(mentioned.locator("summary")).to_contain_text(re.compile(r"Also mentioned on \d+ pages"))
    chip = page.locator(".stride-connections ul.stride-chips a").first
    assert chip.evaluate("a => parseFloat(getComputedStyle(a).borderTopLeftRadius)") > 0
