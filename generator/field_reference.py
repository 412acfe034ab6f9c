"""The educators' field reference: every kind, every field, its type, allowed values, limits and an example.

Generated from the pydantic models (descriptions, constraints, relations) and, for examples, from the
curriculum itself, so the page cannot drift from what `stride check` accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, get_args, get_origin

from annotated_types import Ge, Le, MaxLen, MinLen
from markupsafe import Markup
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .annotations import models_in, unwrap
from .knowledge import KnowledgeBase
from .render.escape import md_escape, table_cell
from .scaffold import EXPECTED
from .schema import ENTITY_KINDS, GLOSSARY_FILE, REFERENCES_FILE, SINGLE_FILES
from .schema.common import ID_PATTERN
from .schema.relations import FieldRelation

FIELDS_PAGE = "educators/fields.md"


@dataclass(frozen=True)
class Row:
    name: str
    need: str
    type: str | Markup
    allowed: str
    description: str
    example: str | Markup


@dataclass(frozen=True)
class Section:
    title: str
    anchor: str
    where: str
    rows: list[Row]


def _is_id(info: FieldInfo) -> bool:
    return any(getattr(m, "pattern", None) == ID_PATTERN for m in info.metadata)


def _type_text(info: FieldInfo, annotation: object, names: dict[type, str]) -> str | Markup:
    marker = next((m for m in info.metadata if isinstance(m, FieldRelation)), None)
    annotation = unwrap(annotation)
    if get_origin(annotation) is list:
        inner = get_args(annotation)[0]
        if marker:
            return f"list of {' or '.join(marker.allowed_kinds())} ids"
        return Markup("list of ") + _type_text(FieldInfo.from_annotation(inner), inner, names)
    if marker:
        return f"{' or '.join(marker.allowed_kinds())} id"
    members = models_in(annotation)
    if members:  # links to the sections of the nested parts: markup made here, from model names
        return Markup(" or ").join(Markup(f"[{md_escape(names[m])}](#{_anchor(names[m])})") for m in members)
    if get_origin(annotation) is Literal:
        return "one of the allowed values"
    if get_origin(annotation) is dict:
        return "mapping of name to text"
    simple = {int: "whole number", float: "number", bool: "true or false"}
    if annotation in simple:
        return simple[annotation]
    if _is_id(info):
        return "id"
    return "Markdown text" if "markdown" in info.metadata else "one line of text"


def _allowed(info: FieldInfo) -> str:
    annotation = unwrap(info.annotation)
    if get_origin(annotation) is list:
        annotation = unwrap(get_args(annotation)[0])
    parts = []
    if get_origin(annotation) is Literal:
        parts.append(", ".join(f"`{a}`" for a in get_args(annotation)))
    for meta in info.metadata:
        if isinstance(meta, Ge):
            parts.append(f"at least {meta.ge}")
        elif isinstance(meta, Le):
            parts.append(f"at most {meta.le}")
        elif isinstance(meta, MinLen) and meta.min_length:
            parts.append(f"at least {meta.min_length} {'item' if meta.min_length == 1 else 'items'}")
        elif isinstance(meta, MaxLen):
            parts.append(f"at most {meta.max_length} items")
    return "; ".join(parts)


def _anchor(title: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in title.lower()).strip("-")


def _cell(text: str) -> Markup:
    """Content text for one table cell, shortened, through the pages' one escape (no markup, links or pipes)."""
    flat = " ".join(text.replace("`", "'").split())
    return table_cell(flat if len(flat) <= 70 else flat[:67].rstrip() + "…")


def _value_at(data: object, path: tuple[str, ...]) -> object:
    """The first value found at `path`, descending into the first entry of each list on the way."""
    for step in path:
        if isinstance(data, list):
            data = next((d for d in data if isinstance(d, dict) and step in d), None)
        data = data.get(step) if isinstance(data, dict) else None
        if data is None:
            return None
    return data


def _example(value: object) -> str | Markup:
    if value is None or value == [] or value == {}:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, list):
        if all(isinstance(v, (str, int, float)) for v in value):
            return _cell("[" + ", ".join(str(v) for v in value[:3]) + (", …" if len(value) > 3 else "") + "]")
        return ""
    if isinstance(value, dict):
        return ""
    return _cell(str(value))


def _examples(kb: KnowledgeBase, kind: str, path: tuple[str, ...], tag: str | None) -> str | Markup:
    for item in kb.of_kind(kind):
        data = item.located.data
        if tag:  # a question type: look inside questions of that type only
            data = [q for q in _flatten_questions(data) if q.get("type") == tag]
        found = _example(_value_at(data, path))
        if found:
            return found
    return ""


def _flatten_questions(data: object) -> list[dict]:
    questions = data.get("questions", []) if isinstance(data, dict) else []
    flat = []
    for question in questions if isinstance(questions, list) else []:
        if isinstance(question, dict):
            flat.append(question)
            flat += [q for q in question.get("questions", []) if isinstance(q, dict)]
    return flat


def _names(root: type[BaseModel], label: str) -> dict[type, str]:
    """A readable title for every model reachable from `root`: 'Drill', 'Drill › dosage', 'Question: matching'."""
    names: dict[type, str] = {root: label}
    queue = [root]
    while queue:
        model = queue.pop(0)
        for name, info in model.model_fields.items():
            for member in models_in(info.annotation):
                if member in names:
                    continue
                tag = member.model_fields.get("type")
                if tag is not None and get_origin(unwrap(tag.annotation)) is Literal:
                    names[member] = f"{label} › {get_args(unwrap(tag.annotation))[0]} question"
                else:
                    names[member] = f"{names[model]} › {name}"
                queue.append(member)
    return names


def _sections(kb: KnowledgeBase, root: type[BaseModel], label: str, where: str, kind: str | None) -> list[Section]:
    names = _names(root, label)
    paths: dict[type, tuple[str, ...]] = {root: ()}
    sections = []
    for model, title in names.items():
        base = paths.get(model, ())
        tag_field = model.model_fields.get("type")
        tag = get_args(unwrap(tag_field.annotation))[0] if tag_field is not None else None
        if tag is not None:
            base = ()
        rows = []
        for name, info in model.model_fields.items():
            for member in models_in(info.annotation):
                paths.setdefault(member, (*base, name))
            dotted = ".".join((*base, name))
            if info.is_required():
                need = "required"
            elif kind and dotted in EXPECTED.get(kind, ()):
                need = "expected"
            else:
                need = "optional"
            example = _examples(kb, kind, (*base, name), tag) if kind else _list_example(kb, where, name)
            rows.append(Row(name, need, _type_text(info, info.annotation, names), _allowed(info),
                            info.description or "", example))
        sections.append(Section(title, _anchor(title), where, rows))
    return sections


def _list_example(kb: KnowledgeBase, where: str, name: str) -> str:
    kind = "term" if where.endswith(GLOSSARY_FILE) else "reference" if where.endswith(REFERENCES_FILE) else None
    for item in kb.of_kind(kind) if kind else []:
        found = _example(_value_at(item.located.data, (name,)))
        if found:
            return found
    return ""


def field_sections(kb: KnowledgeBase) -> list[Section]:
    """One section per kind and per nested part, in the order of the kinds."""
    sections: list[Section] = []
    for kind in ENTITY_KINDS.values():
        where = Markup(f"content/{kind.folder}/<id>.yml")  # our own text, printed in a code span
        sections += _sections(kb, kind.model, kind.label, where, kind.name)
    for file, model in SINGLE_FILES.items():
        label = "Glossary" if file == GLOSSARY_FILE else "References"
        sections += _sections(kb, model, label, f"content/{file}", None)
    return sections
