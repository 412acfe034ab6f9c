"""Pages for educators, generated at every build: the field reference and the curriculum report."""

from __future__ import annotations

import json
from pathlib import Path

from .field_reference import FIELDS_PAGE, field_sections
from .graph import Graph
from .project import Project
from .render.environment import environment
from .render.page import Page
from .report import curriculum_report

REPORT_PAGE = "educators/report.md"
GRADE_CACHE = "reading-grades.json"
"""In build/cache/: reading grades by text hash, so a build does not load textstat's dictionary for unchanged text."""


def read_grade_cache(project: Project) -> dict[str, list]:
    path = project.build / "cache" / GRADE_CACHE
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        return {}


def educator_pages(graph: Graph, templates: Path, grades: dict[str, list] | None = None) -> dict[str, str]:
    """The two pages; `grades` caches reading grades between builds (see `curriculum_report`)."""
    env = environment(templates)
    page = Page(graph, REPORT_PAGE)

    def link(ident: str, kind: str | None = None) -> str:
        """A report entry ('drill/wall-sit', or an id of `kind`) as a link to its page."""
        kind, _, ident = ident.rpartition("/") if kind is None else (kind, "", ident)
        return page.link((kind, ident)) if (kind, ident) in graph.kb.items else f"`{ident}`"

    return {
        FIELDS_PAGE: env.get_template("pages/fields.md.j2").render(sections=field_sections(graph.kb)),
        REPORT_PAGE: env.get_template("pages/report.md.j2").render(report=curriculum_report(graph, grades=grades), link=link),
    }
