"""The knowledge base: find the content files, load and validate each, and collect items."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .diagnostics import Diagnostic
from .extract import LINK, parse_link, texts
from .loader import Located, Path_, load_file
from .parse_cache import ParseCache, Parsed
from .schema import ENTITY_KINDS, KIND_BY_FOLDER, SINGLE_FILES
from .schema.common import ID_PATTERN
from .validate import did_you_mean, validate

Key = tuple[str, str]
"""(kind, id): the identity of anything that can be linked to."""

_LIST_FIELD = {"glossary.yml": ("terms", "term"), "references.yml": ("references", "reference")}


@dataclass
class Item:
    kind: str
    id: str
    path: str
    model: BaseModel
    located: Located

    @property
    def key(self) -> Key:
        return (self.kind, self.id)

    @cached_property
    def title(self) -> str:
        return getattr(self.model, "title", None) or getattr(self.model, "term", None) or self.id

    def pos(self, path: Path_ = ()) -> tuple[int, int]:
        return self.located.pos(path)

    @cached_property
    def texts(self) -> list[tuple[str, Path_]]:
        """Every string in the item with its path (extract.texts), collected once for the rules that read them all."""
        return list(texts(self.model))


@dataclass(eq=False)
class KnowledgeBase:
    """Complete once loaded: indexes derived from it (by kind, safety.py, render/tables.py) are built once."""

    root: Path
    items: dict[Key, Item]
    failed: dict[Key, str] = field(default_factory=dict)
    """Entities that failed validation, by key → file: links to them are consequences, not new errors."""
    failed_mentions: set[str] = field(default_factory=set)
    """Ids that files failing validation refer to: those targets are not orphans or uncited because of it."""
    _by_kind: dict[str, list[Item]] | None = field(default=None, repr=False)
    _indexed: int = field(default=-1, repr=False)

    def of_kind(self, kind: str) -> list[Item]:
        """Items of one kind by id (a new list each call, from an index built once)."""
        if self._by_kind is None or self._indexed != len(self.items):
            by_kind: dict[str, list[Item]] = {}
            for item in sorted(self.items.values(), key=lambda i: i.id):
                by_kind.setdefault(item.kind, []).append(item)
            self._by_kind, self._indexed = by_kind, len(self.items)
        return list(self._by_kind.get(kind, ()))


def content_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


Loaded = tuple[list[Item], list[Diagnostic], list[Key], set[str]]
"""Items that validated, every problem, the keys of entries that failed validation and the ids they mention."""


def _mentions(data: object) -> set[str]:
    """Every id-like value and [[link]] target in raw data."""
    if isinstance(data, dict):
        return {m for value in data.values() for m in _mentions(value)}
    if isinstance(data, list):
        return {m for value in data for m in _mentions(value)}
    if not isinstance(data, str):
        return set()
    links = {link.target for link in (parse_link(m[1], ()) for m in LINK.finditer(data)) if link}
    return links | ({data} if re.match(ID_PATTERN, data) else set())


Parse = Callable[[Path, str], Parsed]
"""Reads one file into located data: `load_file`, or a parse cache's `load`."""


def _entity(path: Path, rel: str, folder: str, parse: Parse) -> Loaded:
    kind = KIND_BY_FOLDER[folder]
    located, problems = parse(path, rel)
    if located is None:
        return [], problems, [(kind.name, path.stem)], set()
    model, errors = validate(kind.model, located, rel, kind.name)
    problems += errors
    declared = located.data.get("id") if isinstance(located.data, dict) else None
    if isinstance(declared, str) and declared != path.stem:
        problems.append(Diagnostic.make(rel, located.pos(("id",)), "id.mismatch",
                                        f"id '{declared}' does not match the file name '{path.name}'",
                                        f"rename the file to '{declared}{path.suffix}' or remove the `id:` line"))
    if model is None:
        return [], problems, [(kind.name, path.stem)], _mentions(located.data)
    return [Item(kind.name, path.stem, rel, model, located)], problems, [], set()


def _listed(path: Path, rel: str, parse: Parse) -> Loaded:
    """Glossary or references: one bad entry is reported, and only that entry is left out."""
    located, problems = parse(path, rel)
    if located is None:
        return [], problems, [], set()
    model, errors = validate(SINGLE_FILES[path.name], located, rel, path.stem)
    list_field, kind = _LIST_FIELD[path.name]
    if model is not None:
        entries = list(enumerate(getattr(model, list_field)))
        items = [Item(kind, entry.id, rel, entry, located.sub((list_field, i))) for i, entry in entries]
        return items, problems + errors, [], set()  # errors: placeholders left by `stride new`, the model being valid
    entry_model = SINGLE_FILES[path.name].model_fields[list_field].annotation.__args__[0]
    raw = located.data.get(list_field) if isinstance(located.data, dict) else None
    items: list[Item] = []
    failed: list[Key] = []
    mentions: set[str] = set()
    for i, data in enumerate(raw if isinstance(raw, list) else []):
        try:
            items.append(Item(kind, data["id"], rel, entry_model.model_validate(data), located.sub((list_field, i))))
        except (ValidationError, TypeError, KeyError):
            mentions |= _mentions({k: v for k, v in data.items() if k != "id"} if isinstance(data, dict) else data)
            if isinstance(data, dict) and isinstance(data.get("id"), str):
                failed.append((kind, data["id"]))
    return items, problems + errors, failed, mentions


def _place(path: Path, root: Path, rel: str) -> tuple[str | None, Diagnostic | None]:
    """Which loader a file belongs to, or a diagnostic when it sits somewhere unknown."""
    rel_parts = path.relative_to(root).parts
    if len(rel_parts) == 1 and path.name in SINGLE_FILES:
        return "listed", None
    if len(rel_parts) > 1 and "/".join(rel_parts[:-1]) in KIND_BY_FOLDER:
        return "entity", None
    where = rel_parts[0] if len(rel_parts) > 1 else path.name
    hint = did_you_mean(where, [*KIND_BY_FOLDER, *SINGLE_FILES]) or (
        f"entity files go in one of: {', '.join(k.folder for k in ENTITY_KINDS.values())}/"
    )
    return None, Diagnostic.make(rel, (1, 1), "file.unknown-folder", f"'{rel}' is not in a known content folder", hint)


def load_knowledge_base(root: Path, cache: ParseCache | None = None) -> tuple[KnowledgeBase, list[Diagnostic]]:
    """Load every content file; ids must be unique within entities, terms and references.

    With a `cache`, files unchanged since an earlier load are not parsed again (the result is the same).
    """
    parse = cache.load if cache else load_file
    items: dict[Key, Item] = {}
    diagnostics: list[Diagnostic] = []
    seen: dict[tuple[str, str], Item] = {}
    failed: dict[Key, str] = {}
    mentions: set[str] = set()
    files = [(path, path.relative_to(root.parent).as_posix()) for path in content_files(root)]
    files = [(path, rel, *_place(path, root, rel)) for path, rel in files]
    if cache:
        cache.prefetch([(path, rel) for path, rel, place, _ in files if place])
    try:
        for path, rel, place, problem in files:
            if problem:
                diagnostics.append(problem)
                continue
            if place == "entity":
                found, problems, broken, mentioned = _entity(path, rel, path.parent.relative_to(root).as_posix(), parse)
            else:
                found, problems, broken, mentioned = _listed(path, rel, parse)
            mentions |= mentioned
            diagnostics += problems
            failed.update((key, rel) for key in broken)
            for item in found:
                space = item.kind if item.kind in ("term", "reference") else "entity"
                first = seen.get((space, item.id))
                if first:
                    diagnostics.append(Diagnostic.make(item.path, item.pos(("id",)), "id.duplicate",
                                                       f"the id '{item.id}' is already used by {first.path}:{first.pos()[0]}",
                                                       "ids are unique across the knowledge base; choose another id"))
                    continue
                seen[(space, item.id)] = item
                items[item.key] = item
    finally:
        if cache:
            cache.stop_prefetch()
    failed = {k: p for k, p in failed.items() if k not in items}
    if cache:
        cache.save()
    return KnowledgeBase(root, items, failed, mentions - {k[1] for k in failed}), diagnostics
