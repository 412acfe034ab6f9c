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
from .render.pages import ALL_PAGES, Share, render_pages
from .render.quiz import quiz_html


@dataclass
class Linked:
    """The knowledge base loaded, validated and linked, with the problems found so far (before lint)."""

    kb: KnowledgeBase
    graph: Graph
    diagnostics: list[Diagnostic]

    @property
    def ok(self) -> bool:
        return not any(d.is_error for d in self.diagnostics)


@dataclass
class Checked(Linked):
    """A knowledge base after the whole check."""

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
        return lint(link(content, cache), content, strict)


def link(content: Path, cache: ParseCache | None = None) -> Linked:
    """The first part of `check`: load, validate and link (enough to render pages while the rest runs)."""
    with cycle_collector_paused():
        kb, diagnostics = load_knowledge_base(content, cache)
        graph, link_problems = build_graph(kb)
    return Linked(kb, graph, diagnostics + link_problems)


def lint(linked: Linked, content: Path, strict: bool = False) -> Checked:
    """The rest of `check`: the lint rules and the hand-written pages; every problem sorted."""
    with cycle_collector_paused():
        diagnostics = sorted(linked.diagnostics + run_rules(linked.kb, linked.graph)
                             + check_pages(content / PAGES_FOLDER, linked.kb))
    return Checked(linked.kb, linked.graph, promote_warnings(diagnostics) if strict else diagnostics)


def render(linked: Linked, templates: Path, share: Share = ALL_PAGES) -> dict[str, str]:
    """The generated pages (all, or one process's `share`) as {relative path: text}; only call on a knowledge base
    without errors."""
    with cycle_collector_paused():
        return render_pages(linked.graph, templates, partial(quiz_html, templates=templates), share)
