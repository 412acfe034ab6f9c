"""Pages for educators, generated at every build: the field reference and the curriculum report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .field_reference import FIELDS_PAGE, field_sections
from .graph import Graph
from .render.environment import environment
from .render.page import Page
from .report import curriculum_report
from .writer import read_json_cache, save_json_cache

if TYPE_CHECKING:  # project.py needs the page folders that handwritten.py takes from here
    from .project import Project

REPORT_PAGE = "educators/report.md"


def _is_grade(entry: object) -> bool:
    """A saved reading grade: [grade, words]."""
    return (isinstance(entry, list) and len(entry) == 2 and all(isinstance(n, (int, float)) for n in entry)
            and isinstance(entry[1], int))


def read_grade_cache(project: Project) -> dict[str, list]:
    return read_json_cache(project.grade_cache, _is_grade)


def save_grade_cache(project: Project, grades: dict[str, list]) -> None:
    save_json_cache(project.grade_cache, grades)


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
