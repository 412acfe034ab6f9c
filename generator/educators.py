"""Pages for educators, generated at every build: the field reference and the curriculum report."""

from __future__ import annotations

from pathlib import Path

from .field_reference import FIELDS_PAGE, field_sections
from .graph import Graph
from .render.environment import environment
from .report import curriculum_report

REPORT_PAGE = "educators/report.md"


def educator_pages(graph: Graph, templates: Path) -> dict[str, str]:
    env = environment(templates)
    return {
        FIELDS_PAGE: env.get_template("pages/fields.md.j2").render(sections=field_sections(graph.kb)),
        REPORT_PAGE: env.get_template("pages/report.md.j2").render(report=curriculum_report(graph)),
    }
