"""The knowledge base: find the content files, load and validate each, and collect items."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from .diagnostics import Diagnostic
from .loader import Located, Path_, load_file
from .schema import ENTITY_KINDS, KIND_BY_FOLDER, SINGLE_FILES
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

    @property
    def title(self) -> str:
        return getattr(self.model, "title", None) or getattr(self.model, "term", None) or self.id

    def pos(self, path: Path_ = ()) -> tuple[int, int]:
        return self.located.pos(path)


@dataclass
class KnowledgeBase:
    root: Path
    items: dict[Key, Item]

    def of_kind(self, kind: str) -> list[Item]:
        return sorted((i for i in self.items.values() if i.kind == kind), key=lambda i: i.id)


def content_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".yml", ".yaml") and p.is_file())


def _entity(path: Path, rel: str, folder: str) -> tuple[list[Item], list[Diagnostic]]:
    kind = KIND_BY_FOLDER[folder]
    located, problems = load_file(path, rel)
    if located is None:
        return [], problems
    model, errors = validate(kind.model, located, rel, kind.name)
    problems += errors
    declared = located.data.get("id") if isinstance(located.data, dict) else None
    if isinstance(declared, str) and declared != path.stem:
        problems.append(Diagnostic.make(rel, located.pos(("id",)), "id.mismatch",
                                        f"id '{declared}' does not match the file name '{path.name}'",
                                        f"rename the file to '{declared}{path.suffix}' or remove the `id:` line"))
    return ([Item(kind.name, path.stem, rel, model, located)] if model else []), problems


def _listed(path: Path, rel: str) -> tuple[list[Item], list[Diagnostic]]:
    located, problems = load_file(path, rel)
    if located is None:
        return [], problems
    model, errors = validate(SINGLE_FILES[path.name], located, rel, path.stem)
    if model is None:
        return [], problems + errors
    field, kind = _LIST_FIELD[path.name]
    return [
        Item(kind, entry.id, rel, entry, located.sub((field, i))) for i, entry in enumerate(getattr(model, field))
    ], problems


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


def load_knowledge_base(root: Path) -> tuple[KnowledgeBase, list[Diagnostic]]:
    """Load every content file; ids must be unique within entities, terms and references."""
    items: dict[Key, Item] = {}
    diagnostics: list[Diagnostic] = []
    seen: dict[tuple[str, str], Item] = {}
    for path in content_files(root):
        rel = path.relative_to(root.parent).as_posix()
        place, problem = _place(path, root, rel)
        if problem:
            diagnostics.append(problem)
            continue
        if place == "entity":
            found, problems = _entity(path, rel, path.parent.relative_to(root).as_posix())
        else:
            found, problems = _listed(path, rel)
        diagnostics += problems
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
    return KnowledgeBase(root, items), diagnostics
