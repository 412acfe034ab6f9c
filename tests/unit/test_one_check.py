"""`stride check`, `build`, `serve` and `cards` share one check: hand-written pages are checked by every one."""

from generator import pipeline
from generator.build import check_project


def test_the_content_check_and_the_project_check_report_the_same_page_problem(project):
    proj = project({"pages/notes.md": "# Notes\n\nSee [[glute-medius]].\n"})
    expected = [("content/pages/notes.md", 3, 5, "ref.unknown-id")]
    assert [(d.path, d.line, d.col, d.code) for d in pipeline.check(proj.content).diagnostics] == expected
    assert check_project(proj).diagnostics == pipeline.check(proj.content).diagnostics
