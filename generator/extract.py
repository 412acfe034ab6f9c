"""Find the references inside a validated entity: typed reference fields and inline [[links]]."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from typing import get_args

from pydantic import BaseModel

from .loader import Path_
from .schema.relations import FieldRelation

LINK = re.compile(r"\[\[([^\[\]]*)\]\]")
_ID = r"[a-z0-9]+(?:-[a-z0-9]+)*"
_TARGET = re.compile(rf"^(?:(?P<kind>[a-z]+):)?(?P<id>{_ID})(?:/(?P<part>{_ID}))?$")

FLAG = "flag"
"""`[[flag:<injury id>/<flag id>]]`: a red flag inside an injury, shown with its urgency and whom to see."""
TABLE = "table"
"""`[[table:<name>]]`: a table generated from the knowledge base (e.g. every red flag by urgency)."""
LINK_ONLY_KINDS = (FLAG, TABLE)
"""Kinds a link may name that are not items of the knowledge base."""


@dataclass(frozen=True)
class FieldRef:
    marker: FieldRelation
    target: str
    path: Path_


@dataclass(frozen=True)
class InlineLink:
    kind: str | None
    target: str
    text: str | None
    path: Path_
    part: str | None = None
    """The flag id in `[[flag:injury/flag]]`; only flags have a part."""


@cache
def _markers(model_type: type[BaseModel]) -> tuple[tuple[str, FieldRelation | None], ...]:
    """The fields of a model class that can hold references, with their relation marker (None for a field that
    only holds models with such fields), found once per class from the annotations."""
    found = []
    for name, info in model_type.model_fields.items():
        marker = next((m for m in info.metadata if isinstance(m, FieldRelation)), None)
        if marker is not None or _holds_models(info.annotation):
            found.append((name, marker))
    return tuple(found)


def _holds_models(annotation: object) -> bool:
    if isinstance(annotation, type) and not get_args(annotation) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_models(arg) for arg in get_args(annotation))


def field_refs(model: BaseModel, path: Path_ = ()) -> Iterator[FieldRef]:
    """Every id held in a field marked with a relation, anywhere in the model."""
    for name, marker in _markers(type(model)):
        value = getattr(model, name)
        here = (*path, name)
        if marker is not None:
            values = value if isinstance(value, list) else [value]
            for i, target in enumerate(values):
                if target is not None:
                    yield FieldRef(marker, target, (*here, i) if isinstance(value, list) else here)
        elif isinstance(value, BaseModel):
            yield from field_refs(value, here)
        elif isinstance(value, list):
            for i, entry in enumerate(value):
                if isinstance(entry, BaseModel):
                    yield from field_refs(entry, (*here, i))


@cache
def _field_names(model_type: type[BaseModel]) -> tuple[str, ...]:
    return tuple(model_type.model_fields)


def texts(model: BaseModel, path: Path_ = ()) -> list[tuple[str, Path_]]:
    """Every string value in the model with its path, in field order."""
    found: list[tuple[str, Path_]] = []
    _collect_texts(model, path, found)
    return found


def _collect_texts(value: object, path: Path_, found: list[tuple[str, Path_]]) -> None:
    if isinstance(value, str):
        found.append((value, path))
    elif isinstance(value, BaseModel):
        for name in _field_names(type(value)):
            _collect_texts(getattr(value, name), (*path, name), found)
    elif isinstance(value, list):
        for i, entry in enumerate(value):
            _collect_texts(entry, (*path, i), found)
    elif isinstance(value, dict):
        for key, entry in value.items():
            _collect_texts(entry, (*path, key), found)


def parse_link(raw: str, path: Path_) -> InlineLink | None:
    """`kind:id`, `id` or `flag:injury/flag`, optionally followed by `|text`; None when malformed."""
    target, _, text = raw.partition("|")
    match = _TARGET.match(target.strip())
    if not match or (match["part"] is None) == (match["kind"] == FLAG):
        return None
    return InlineLink(match["kind"], match["id"], text.strip() or None, path, match["part"])


def inline_links(strings: Iterable[tuple[str, Path_]]) -> Iterator[tuple[InlineLink | None, str, Path_, int, str]]:
    """Every [[...]] in these strings (as `texts` gives them), with its offset; the link is None when malformed."""
    for text, path in strings:
        for match in LINK.finditer(text):
            yield parse_link(match[1], path), match[1], path, match.start(), text
