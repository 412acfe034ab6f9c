"""The pure pipeline: load → validate → link → lint → render. No files are written here."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .diagnostics import Diagnostic, promote_warnings
from .graph import Graph, build_graph
from .handwritten import PAGES_FOLDER, check_pages
from .knowledge import KnowledgeBase, load_knowledge_base
from .lint import run_rules
from .render.pages import render_pages
from .render.quiz import quiz_html


@dataclass
class Checked:
    kb: KnowledgeBase
    graph: Graph
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)

    def add(self, problems: list[Diagnostic], strict: bool = False) -> None:
        """Merge problems found after the check (pages, card fit), promoting warnings under --strict."""
        self.diagnostics = sorted(self.diagnostics + (promote_warnings(problems) if strict else problems))


def check(content: Path, strict: bool = False) -> Checked:
    """The one check behind `stride check`, `build`, `serve` and `cards`: load, validate, link and lint the
    knowledge base, and check the hand-written pages in content/pages, collecting every problem."""
    kb, diagnostics = load_knowledge_base(content)
    graph, link_problems = build_graph(kb)
    diagnostics = sorted(diagnostics + link_problems + run_rules(kb, graph) + check_pages(content / PAGES_FOLDER, kb))
    return Checked(kb, graph, promote_warnings(diagnostics) if strict else diagnostics)


def render(checked: Checked, templates: Path) -> dict[str, str]:
    """Every generated page as {relative path: text}; only call on a knowledge base without errors."""
    return render_pages(checked.graph, templates, partial(quiz_html, templates=templates))
