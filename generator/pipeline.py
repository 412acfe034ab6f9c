"""The pure pipeline: load → validate → link → lint → render. No files are written here."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from .diagnostics import Diagnostic, promote_warnings
from .graph import Graph, build_graph
from .handwritten import PAGES_FOLDER, check_pages
from .knowledge import KnowledgeBase, load_knowledge_base
from .lint import run_rules
from .parse_cache import ParseCache
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


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector rescans every object the knowledge base holds, again and again while loading
    builds it (a third of loading time at 5,000 entities); checking and rendering leave little cyclic
    garbage, so the collector waits until they are done."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check(content: Path, strict: bool = False, cache: ParseCache | None = None) -> Checked:
    """The one check behind `stride check`, `build`, `serve` and `cards`: load, validate, link and lint the
    knowledge base, and check the hand-written pages in content/pages, collecting every problem.

    A parse `cache` only saves time: the result is the same with or without it."""
    with cycle_collector_paused():
        kb, diagnostics = load_knowledge_base(content, cache)
        graph, link_problems = build_graph(kb)
        diagnostics = sorted(diagnostics + link_problems + run_rules(kb, graph)
                             + check_pages(content / PAGES_FOLDER, kb))
    return Checked(kb, graph, promote_warnings(diagnostics) if strict else diagnostics)


def render(checked: Checked, templates: Path) -> dict[str, str]:
    """Every generated page as {relative path: text}; only call on a knowledge base without errors."""
    with cycle_collector_paused():
        return render_pages(checked.graph, templates, partial(quiz_html, templates=templates))
