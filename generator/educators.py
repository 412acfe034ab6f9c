"""Pages for educators, generated at every build: the field reference and the curriculum report."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from .field_reference import FIELDS_PAGE, field_sections
from .graph import Graph
from .render.environment import environment
from .render.page import Page
from .report import curriculum_report
from .writer import write_if_changed

if TYPE_CHECKING:  # project.py needs the page folders that handwritten.py takes from here
    from .project import Project

REPORT_PAGE = "educators/report.md"


def read_grade_cache(project: Project) -> dict[str, list]:
    path = project.grade_cache
    try:
        return json.loads(path.read_text(encoding="utf-8")) if path.is_file() else {}
    except (OSError, ValueError):
        return {}


def save_grade_cache(project: Project, grades: dict[str, list]) -> None:
    write_if_changed(project.grade_cache, json.dumps(grades, sort_keys=True).encode())


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
