"""What a template sees for one generated page: the item, its links and helpers bound to the page."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..graph import Graph
from ..knowledge import Item, Key
from ..schema import ENTITY_KINDS
from ..safety import helping_drills
from ..schema.relations import (ADDRESSES, AVOID_WITH, CITES, KEY_TERM, MENTIONS, MODIFY_WITH,
                                RELATIONS)
from .escape import table_cell
from .links import Linker, cite_label

_LABELS = {r.name: (r.label, r.inverse_label) for r in RELATIONS}
_OWN_SECTIONS = {CITES.name, KEY_TERM.name, AVOID_WITH.name, MODIFY_WITH.name}
"""Relations shown in their own section rather than among the connections."""
_KIND_LABELS = {
    name: ENTITY_KINDS[name].plural if name in ENTITY_KINDS else {"term": "Glossary", "reference": "References"}[name]
    for name in ("lesson", "anatomy", "biomechanics", "injury", "assessment", "drill", "communication", "term", "quiz", "reference")
}
"""Mentions are grouped in this order, under each kind's plural name."""


@dataclass(frozen=True)
class Group:
    label: str
    links: list[str]


class Page:
    """Helpers bound to one output page, so every link it writes is relative to that page."""

    def __init__(self, graph: Graph, path: str) -> None:
        self.graph = graph
        self.kb = graph.kb
        self.path = path
        self.linker = Linker(graph.kb, path)
        self._typed: dict[Key, list[Group]] = {}

    def md(self, text: str | None) -> Markup:
        return self.linker.markdown(text) if text else Markup("")

    def cell(self, text: str | None) -> Markup:
        """Content for a Markdown table cell: links resolved, escaped, pipes and line breaks neutralised."""
        return table_cell(self.md(text))

    def link(self, key: Key, text: str | None = None) -> str:
        return self.linker.link(key, text)

    def quoted(self, text: str) -> str:
        """Text for a quoted admonition title."""
        return self.md(text).replace('"', "&quot;")

    def links_by_id(self, ids: list[str]) -> list[str]:
        return [self.link(found.key) for found in (self.linker.find(None, i) for i in ids) if found]

    def item(self, key: Key) -> Item:
        return self.kb.items[key]

    def connections(self, item: Item) -> list[Group]:
        """Outgoing links under each relation's label, then backlinks under its inverse label,
        then pages that only mention this one (unless a typed relation already shows them)."""
        typed = self.typed(item)
        extra = self._mentions(item, typed)
        return _merge([*typed, *([Group(MENTIONS.inverse_label, [self.link(k) for k in extra])] if extra else [])])

    def typed(self, item: Item) -> list[Group]:
        """Typed relations both ways, one group per label (kind and relation), each sorted by title."""
        if item.key not in self._typed:
            self._typed[item.key] = self._make_typed(item)
        return self._typed[item.key]

    def _make_typed(self, item: Item) -> list[Group]:
        groups: list[tuple[str, list[Key]]] = []
        for name, keys in self.graph.outgoing(item.key).items():
            if name not in _OWN_SECTIONS and name != MENTIONS.name:
                groups.append((_LABELS[name][0], keys))
        for name, keys in self.graph.incoming(item.key).items():
            if name == ADDRESSES.name:  # never a drill this page's injury must avoid or modify, even one a step holds
                keys = [drill.key for drill in helping_drills(self.graph, item.key)]
            if name not in _OWN_SECTIONS and name != MENTIONS.name:
                groups.append((_LABELS[name][1], keys))
        return _merge([Group(label, [self.link(k) for k in keys]) for label, keys in groups])

    def mentioned_by_kind(self, item: Item) -> list[Group]:
        """Pages that only mention this one, grouped under their kind ("Lessons", "Glossary"…)."""
        by_kind: dict[str, list[str]] = {}
        for key in self._mentions(item, self.typed(item)):
            by_kind.setdefault(_KIND_LABELS[key[0]], []).append(self.link(key))
        return [Group(label, by_kind[label]) for label in _KIND_LABELS.values() if label in by_kind]

    def _mentions(self, item: Item, typed: list[Group]) -> list[Key]:
        shown = {link for group in typed for link in group.links}
        mentioned = self.graph.incoming(item.key).get(MENTIONS.name, [])
        return [key for key in mentioned if self.link(key) not in shown]

    def citations(self, item: Item) -> list[Item]:
        keys = self.graph.outgoing(item.key).get(CITES.name, [])
        return [self.kb.items[k] for k in keys]

    def cite(self, ref: Item) -> str:
        return self.link(ref.key, cite_label(ref))

    def terms(self, item: Item) -> list[str]:
        return [self.link(k) for k in self.graph.outgoing(item.key).get(KEY_TERM.name, [])]


def _merge(groups: list[Group]) -> list[Group]:
    """Relations that share a label (e.g. related conditions both ways) show as one group."""
    merged: dict[str, list[str]] = {}
    for group in groups:
        merged.setdefault(group.label, [])
        merged[group.label] += [link for link in group.links if link not in merged[group.label]]
    return [Group(label, links) for label, links in merged.items()]
