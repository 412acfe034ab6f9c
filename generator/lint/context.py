"""What every lint rule receives: the knowledge base and its link graph."""

from __future__ import annotations

from dataclasses import dataclass

from ..graph import Graph
from ..knowledge import Item, KnowledgeBase


@dataclass(frozen=True)
class Context:
    kb: KnowledgeBase
    graph: Graph

    def of_kind(self, kind: str) -> list[Item]:
        return self.kb.of_kind(kind)
