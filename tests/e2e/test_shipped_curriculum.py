"""The shipped curriculum: complete, cited, reachable by links, and built without a broken link."""

import re
from collections import deque
from html.parser import HTMLParser

from generator.cli import coverage
from generator.sitecheck import broken_links, external_requests

MINIMUMS = {"anatomy": 16, "biomechanics": 10, "injuries": 10, "assessments": 8, "drills": 45,
            "communication": 14, "lessons": 14, "glossary terms": 60}


def test_check_passes_with_no_warnings_and_the_syllabus_counts(shipped):
    _, generated, problems = shipped
    assert generated.checked.diagnostics == []
    assert problems == []
    counts = coverage(generated.checked.kb)
    for kind, minimum in MINIMUMS.items():
        assert counts[kind] >= minimum, kind


def test_at_least_180_quiz_questions(shipped):
    from generator.schema.quiz import answerable

    _, generated, _ = shipped
    total = sum(len(list(answerable(q.model))) for q in generated.checked.kb.of_kind("quiz"))
    assert total >= 180


def test_built_site_has_no_broken_links_or_external_requests(shipped):
    project, _, _ = shipped
    assert broken_links(project.site) == []
    assert external_requests(project.site) == []


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.in_article = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.in_article += 1
        if attrs.get("id"):
            self.ids.add(attrs["id"])
        if tag == "a" and self.in_article and attrs.get("href"):
            self.hrefs.append(attrs["href"])

    def handle_endtag(self, tag):
        if tag == "article":
            self.in_article -= 1


def _page(site, url: str) -> _Links:
    parser = _Links()
    parser.feed((site / url.strip("/") / "index.html").read_text(encoding="utf-8"))
    return parser


def _within_two_clicks(site, start: str) -> dict[str, int]:
    """Pages reachable from `start` by clicking links in the page body (not the navigation)."""
    depth = {start: 0}
    queue = deque([start])
    while queue:
        url = queue.popleft()
        if depth[url] == 2:
            continue
        for href in _page(site, url).hrefs:
            if href.startswith(("http", "#", "mailto:")):
                continue
            target = re.sub(r"#.*$", "", href)
            parts = (url.strip("/") + "/" + target).split("/")
            resolved: list[str] = []
            for part in parts:
                if part == "..":
                    resolved.pop()
                elif part not in ("", "."):
                    resolved.append(part)
            if not resolved or "." in resolved[-1]:
                continue
            new = "/" + "/".join(resolved) + "/"
            if new not in depth:
                depth[new] = depth[url] + 1
                queue.append(new)
    return depth


def test_seed_thread_from_pelvic_drop_within_two_clicks(shipped):
    project, _, _ = shipped
    reach = _within_two_clicks(project.site, "/biomechanics/contralateral-pelvic-drop/")
    assert "/injuries/patellofemoral-pain/" in reach
    assert len([u for u in reach if u.startswith("/drills/") and u != "/drills/"]) >= 3
    assert "/communication/explaining-pelvic-drop/" in reach
    assert "/communication/recommending-referral/" in reach
    assert "referral" in _page(project.site, "/injuries/patellofemoral-pain/").ids


def test_references_page_lists_every_reference_once_with_a_link(shipped):
    project, generated, _ = shipped
    html = (project.site / "references/index.html").read_text(encoding="utf-8")
    for ref in generated.checked.kb.of_kind("reference"):
        assert html.count(f'id="{ref.id}"') == 1, ref.id
        link = f"https://doi.org/{ref.model.doi}" if ref.model.doi else ref.model.url
        assert link and f'href="{link}"' in html.replace("&amp;", "&"), ref.id


def test_every_table_row_of_the_shipped_pages_has_its_headers_cells(shipped):
    from tests.golden.test_table_rows import table_rows

    project, _, _ = shipped
    rows = [(p.name, header, cells, row) for p in sorted(project.docs.rglob("*.md"))
            for header, cells, row in table_rows(p.read_text(encoding="utf-8"))]
    assert len(rows) > 1000
    assert [row for row in rows if row[1] != row[2]] == []
