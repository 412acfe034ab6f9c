"""What every lint rule receives: the knowledge base and its link graph."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..diagnostics import Diagnostic
from ..graph import Graph
from ..knowledge import Item, KnowledgeBase


@dataclass(frozen=True)
class Context:
    kb: KnowledgeBase
    graph: Graph

    def of_kind(self, kind: str) -> list[Item]:
        return self.kb.of_kind(kind)


def missing_list(ctx: Context, kind: str, field: str, code: str, what: str, hint: str) -> Iterator[Diagnostic]:
    """One diagnostic per entity of `kind` whose list `field` is empty: "<kind> '<id>' has no <what>"."""
    for item in ctx.of_kind(kind):
        if not getattr(item.model, field):
            yield Diagnostic.make(item.path, item.pos((field,)), code, f"{kind} '{item.id}' has no {what}", hint)
