"""One graph of every reference, with inverses derived from the relation declarations.

Unknown ids, ids of the wrong kind, ambiguous inline links, self-references and cycles in
acyclic relations are reported as diagnostics; the graph keeps every edge that resolved.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from .diagnostics import Diagnostic
from .extract import LINK_ONLY_KINDS, TABLE, InlineLink, field_refs, inline_links
from .knowledge import Item, Key, KnowledgeBase
from .schema import ALL_KINDS, ENTITY_KINDS
from .schema.relations import MENTIONS, RELATIONS, Relation
from .validate import did_you_mean

Edge = tuple[Key, str, Key]


@dataclass(eq=False)
class Graph:
    kb: KnowledgeBase
    edges: set[Edge] = field(default_factory=set)
    origin: dict[Edge, tuple[Item, tuple]] = field(default_factory=dict)
    _by_end: tuple[dict, dict] | None = field(default=None, repr=False)
    _grouped: dict[tuple[Key, bool], dict[str, list[Key]]] = field(default_factory=dict, repr=False)
    _indexed: int = field(default=-1, repr=False)
    _order: dict[Key, tuple[str, Key]] | None = field(default=None, repr=False)

    def outgoing(self, key: Key) -> dict[str, list[Key]]:
        """Targets of this item's links by relation, each list sorted by title (shared: do not change it)."""
        return self._group(key, forward=True)

    def incoming(self, key: Key) -> dict[str, list[Key]]:
        """Sources of links to this item by relation, each list sorted by title (shared: do not change it)."""
        return self._group(key, forward=False)

    def _index(self) -> tuple[dict[Key, list[Edge]], dict[Key, list[Edge]]]:
        """Edges by source and by target, built once the graph is complete (pages ask thousands of times)."""
        if self._by_end is None or self._indexed != len(self.edges):
            by_source: dict[Key, list[Edge]] = defaultdict(list)
            by_target: dict[Key, list[Edge]] = defaultdict(list)
            for edge in self.edges:
                by_source[edge[0]].append(edge)
                by_target[edge[2]].append(edge)
            self._by_end = (by_source, by_target)
            self._grouped = {}
            self._indexed = len(self.edges)
        return self._by_end

    def _group(self, key: Key, forward: bool) -> dict[str, list[Key]]:
        by_source, by_target = self._index()
        if (key, forward) in self._grouped:
            return self._grouped[(key, forward)]
        groups: dict[str, set[Key]] = defaultdict(set)
        for source, relation, target in (by_source if forward else by_target).get(key, []):
            groups[relation].add(target if forward else source)
        order = self._title_order()
        grouped = {
            name: sorted(groups[name], key=order.__getitem__)
            for name in sorted(groups, key=_RELATION_ORDER.index)
        }
        self._grouped[(key, forward)] = grouped
        return grouped

    def _title_order(self) -> dict[Key, tuple[str, Key]]:
        """Each item's place when links are listed by title (its key breaks ties), worked out once per graph."""
        if self._order is None:
            self._order = {key: (item.title.lower(), key) for key, item in self.kb.items.items()}
        return self._order

    def linked_keys(self) -> set[Key]:
        """Everything some other item links to."""
        return {target for source, _, target in self.edges if source != target}


RELATION_BY_NAME: dict[str, Relation] = {r.name: r for r in RELATIONS}
_RELATION_ORDER = [r.name for r in RELATIONS]


def _ids(kb: KnowledgeBase, kinds: tuple[str, ...] | None = None) -> set[str]:
    return {i for (k, i) in [*kb.items, *kb.failed] if kinds is None or k in kinds}


Where = Callable[[], tuple[int, int]]
"""The line and column of a reference, worked out only when a diagnostic needs them."""


def _resolve(
    target: str, kinds: tuple[str, ...], kb: KnowledgeBase, where: Where, file: str, what: Callable[[], str]
) -> tuple[Key | None, Diagnostic | None]:
    for kind in kinds:
        if (kind, target) in kb.items:
            return (kind, target), None
        if (kind, target) in kb.failed:
            return None, None  # a consequence: the target's own file reports the real error
    others = sorted(k for (k, i) in [*kb.items, *kb.failed] if i == target)
    nearest = did_you_mean(target, _ids(kb, kinds))
    if others:
        return None, Diagnostic.make(file, where(), "ref.wrong-kind",
                                     f"'{target}' is {_article(others[0])}, but {what()} takes {_kinds(kinds)} ids",
                                     nearest or f"move '{target}' to a field that takes {others[0]} ids")
    known = "known id" if len(kinds) > 3 else f"known {_kinds(kinds)} id"
    return None, Diagnostic.make(file, where(), "ref.unknown-id", f"'{target}' is not a {known}",
                                 nearest or did_you_mean(target, _ids(kb)))


def _article(kind: str) -> str:
    label = "reference" if kind == "reference" else "glossary term" if kind == "term" else ENTITY_KINDS[kind].label.lower()
    return f"{'an' if label[0] in 'aeiou' else 'a'} {label}"


def _kinds(kinds: tuple[str, ...]) -> str:
    return " or ".join(kinds)


def _link_fields(item: Item, graph: Graph, diagnostics: list[Diagnostic]) -> None:
    kb = graph.kb
    for ref in field_refs(item.model):
        relation = ref.marker.relation
        key, problem = _resolve(ref.target, ref.marker.allowed_kinds(), kb, partial(item.pos, ref.path), item.path,
                                partial(_field_name, ref.path))
        if key is None:
            diagnostics += [problem] if problem else []
            continue
        if key == item.key:
            diagnostics.append(Diagnostic.make(item.path, item.pos(ref.path), "ref.self",
                                               f"'{item.id}' refers to itself in {_field_name(ref.path)}",
                                               "remove the id from this list"))
            continue
        edge = (key, relation.name, item.key) if ref.marker.reverse else (item.key, relation.name, key)
        graph.edges.add(edge)
        graph.origin.setdefault(edge, (item, ref.path))


def _link_inline(item: Item, graph: Graph, diagnostics: list[Diagnostic]) -> None:
    kb = graph.kb
    linkable = (*ENTITY_KINDS, "term")  # entity ids are unique, so an unqualified id prefers the entity over a term
    for link, raw, path, offset, text in inline_links(item.texts):
        where = partial(item.located.text_pos, path, offset, text)
        if link is None:
            diagnostics.append(Diagnostic.make(item.path, where(), "ref.bad-link", f"'[[{raw}]]' is not a valid link",
                                               "write [[id]], [[kind:id]] or [[id|text]] with a kebab-case id"))
            continue
        kinds = (*ALL_KINDS, *LINK_ONLY_KINDS)
        if link.kind and link.kind not in kinds:
            diagnostics.append(Diagnostic.make(item.path, where(), "ref.bad-link",
                                               f"'{link.kind}' in '[[{raw}]]' is not a kind",
                                               did_you_mean(link.kind, kinds) or f"kinds: {', '.join(kinds)}"))
            continue
        if link.kind in LINK_ONLY_KINDS:
            key, problem = _resolve_special(link, raw, kb, where, item.path)
        else:
            key, problem = _resolve(link.target, (link.kind,) if link.kind else linkable, kb, where, item.path,
                                    partial(_quoted_link, raw))
        if problem:
            diagnostics.append(problem)
        elif key and key != item.key and item.kind in MENTIONS.source:
            graph.edges.add((item.key, MENTIONS.name, key))


def _field_name(path: tuple) -> str:
    """A field as a message names it: 'red_flags.urgency' (list positions left out)."""
    return f"'{'.'.join(str(p) for p in path if isinstance(p, str))}'"


def _quoted_link(raw: str) -> str:
    return f"'[[{raw}]]'"


def _resolve_special(
    link: InlineLink, raw: str, kb: KnowledgeBase, where: Where, file: str
) -> tuple[Key | None, Diagnostic | None]:
    """A flag resolves to its injury (the page it lives on); a table to no item at all."""
    from .render.tables import TABLES  # noqa: PLC0415 - the table names are declared with their renderers

    if link.kind == TABLE:
        if link.target in TABLES:
            return None, None
        return None, Diagnostic.make(file, where(), "ref.unknown-id", f"'{link.target}' in '[[{raw}]]' is not a table",
                                     did_you_mean(link.target, TABLES) or f"tables: {', '.join(sorted(TABLES))}")
    key, problem = _resolve(link.target, ("injury",), kb, where, file, partial(_quoted_link, raw))
    if key is None:  # unknown, or an injury that failed validation (its own file reports why)
        return None, problem
    flags = [flag.id for flag in kb.items[key].model.red_flags]
    if link.part in flags:
        return key, None
    return None, Diagnostic.make(file, where(), "ref.unknown-id", f"'{link.part}' is not a red flag of '{link.target}'",
                                 did_you_mean(link.part, flags) or f"its red flags: {', '.join(flags) or 'none'}")


def _cycles(graph: Graph, relation: Relation) -> list[Diagnostic]:
    nexts: dict[Key, list[Key]] = defaultdict(list)
    for source, _, target in sorted(edge for edge in graph.edges if edge[1] == relation.name):
        nexts[source].append(target)
    state: dict[Key, int] = {}
    stack: list[Key] = []
    found: list[Diagnostic] = []

    def visit(node: Key) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in nexts[node]:
            if state.get(nxt) == 1:
                loop = stack[stack.index(nxt):] + [nxt]
                item, path = graph.origin[(node, relation.name, nxt)]
                found.append(Diagnostic.make(item.path, item.pos(path), "ref.cycle",
                                             f"{relation.label.lower()} form a loop: {' → '.join(k[1] for k in loop)}",
                                             "remove one link so the chain has a start and an end"))
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = 2

    for node in sorted(nexts):
        if node not in state:
            visit(node)
    return found


def build_graph(kb: KnowledgeBase) -> tuple[Graph, list[Diagnostic]]:
    graph = Graph(kb)
    diagnostics: list[Diagnostic] = []
    for item in sorted(kb.items.values(), key=lambda i: i.key):
        _link_fields(item, graph, diagnostics)
        _link_inline(item, graph, diagnostics)
    for relation in RELATIONS:
        if relation.acyclic:
            diagnostics += _cycles(graph, relation)
    return graph, diagnostics
