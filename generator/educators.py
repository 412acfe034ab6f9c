"""Pages for educators, generated at every build: the field reference and the curriculum report."""

from __future__ import annotations

from pathlib import Path

from .field_reference import FIELDS_PAGE, field_sections
from .graph import Graph
from .render.environment import environment
from .render.page import Page
from .report import curriculum_report

REPORT_PAGE = "educators/report.md"


def educator_pages(graph: Graph, templates: Path) -> dict[str, str]:
    env = environment(templates)
    page = Page(graph, REPORT_PAGE)

    def link(ident: str, kind: str | None = None) -> str:
        """A report entry ('drill/wall-sit', or an id of `kind`) as a link to its page."""
        kind, _, ident = ident.rpartition("/") if kind is None else (kind, "", ident)
        return page.link((kind, ident)) if (kind, ident) in graph.kb.items else f"`{ident}`"

    return {
        FIELDS_PAGE: env.get_template("pages/fields.md.j2").render(sections=field_sections(graph.kb)),
        REPORT_PAGE: env.get_template("pages/report.md.j2").render(report=curriculum_report(graph), link=link),
    }
