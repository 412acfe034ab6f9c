"""`stride check`, `build`, `serve` and `cards` share one check: hand-written pages are checked by every one."""

from generator import pipeline
from generator.build import check_project


def test_the_content_check_and_the_project_check_report_the_same_page_problem(project):
    proj = project({"pages/notes.md": "# Notes\n\nSee [[glute-medius]].\n"})
    expected = [("content/pages/notes.md", 3, 5, "ref.unknown-id")]
    assert [(d.path, d.line, d.col, d.code) for d in pipeline.check(proj.content).diagnostics] == expected
    assert check_project(proj).diagnostics == pipeline.check(proj.content).diagnostics


def test_a_page_link_over_two_lines_and_an_unclosed_link_are_reported_where_they_start(project):
    """Links on a hand-written page were checked line by line: one wrapped over two lines went unchecked and was
    published as brackets, and an unclosed one was never reported (it is, in YAML)."""
    page = "# Notes\n\nA hot knee [[flag:patellofemoral-pain/hot-swelling|a hot,\nswollen knee]] stops running.\n\n" \
           "Start with [[clamshell and progress.\n"
    proj = project({"pages/notes.md": page})
    assert [(d.path, d.line, d.col, d.code) for d in pipeline.check(proj.content).diagnostics] == [
        ("content/pages/notes.md", 3, 12, "ref.unknown-id"), ("content/pages/notes.md", 6, 12, "ref.unclosed-link")]
