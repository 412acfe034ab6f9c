"""Validation: pydantic models per kind, with errors translated into educators' wording and positions."""

from __future__ import annotations

import difflib
import re
import types
from typing import Annotated, Literal, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from .annotations import models_in
from .diagnostics import Diagnostic
from .loader import Located, Path_
from .scaffold import PLACEHOLDER, is_placeholder
from .schema.common import ID_PATTERN, ONE_LINE

_TYPE_NAMES = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "string_type": "text",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping",
    "model_type": "a mapping",
    "model_attributes_type": "a mapping",
}


def did_you_mean(word: str, candidates: list[str] | set[str]) -> str | None:
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else None


def _describe(value: object) -> str:
    if isinstance(value, str):
        return f"the text '{value}'" if len(value) < 60 else "a long text"
    if isinstance(value, bool):
        return f"'{str(value).lower()}'"
    if isinstance(value, (int, float)):
        return f"the number {value}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return "nothing" if value is None else repr(value)


def _pick(models: list[type[BaseModel]], data: object) -> type[BaseModel] | None:
    """Choose the union member a mapping belongs to, by its `type` value when there is one."""
    if len(models) > 1 and isinstance(data, dict):
        for model in models:
            tag = model.model_fields.get("type")
            if tag is not None and data.get("type") in get_args(tag.annotation):
                return model
    return models[0] if models else None


def _model_at(root: type[BaseModel], data: object, path: Path_) -> type[BaseModel] | None:
    """The model that describes the mapping at `path`, choosing union members by each entry's own `type`."""
    candidates: list[type[BaseModel]] = [root]
    node = data
    for step in path:
        if isinstance(step, int):
            node = node[step] if isinstance(node, list) and step < len(node) else None
            continue
        model = _pick(candidates, node)
        if model is None or step not in model.model_fields:
            return None
        candidates = models_in(model.model_fields[step].annotation)
        node = node.get(step) if isinstance(node, dict) else None
    return _pick(candidates, node)


def where(path: Path_, kind: str = "") -> str:
    """A field path as educators count: keys joined by dots, list items numbered from 1 (`questions[2].stem`)."""
    text = ""
    for step in path:
        text += f"[{step + 1}]" if isinstance(step, int) else ("." if text else "") + step
    return text or kind


def _owner(model: type[BaseModel] | None, path: Path_, kind: str) -> str:
    """What holds a field: 'drill.dosage', or 'the matching question questions[2]' for typed entries."""
    tag = model.model_fields.get("type") if model else None
    parent = where(path)
    if tag is not None and get_origin(tag.annotation) is Literal:
        label = get_args(tag.annotation)[0]
        return f"the {label} question {parent}" if "question" in parent else f"the {label} entry {parent}"
    return f"{kind}.{parent}" if parent else kind


def _data_path(data: object, loc: tuple) -> Path_:
    """Drop pydantic's union-tag and validator names from `loc`, keeping real keys and indexes."""
    path: list[str | int] = []
    node = data
    for step in loc:
        if isinstance(node, dict) and isinstance(step, str) and (step in node or step == loc[-1]):
            path.append(step)
            node = node.get(step)
        elif isinstance(node, list) and isinstance(step, int):
            path.append(step)
            node = node[step] if step < len(node) else None
    return tuple(path)


def _field_doc(model: type[BaseModel] | None, name: str) -> str | None:
    info = model.model_fields.get(name) if model else None
    return info.description if info else None


def _translate(error: dict, model: type[BaseModel], located: Located, rel: str, kind: str) -> Diagnostic:
    path = _data_path(located.data, error["loc"])
    name = str(path[-1]) if path else kind
    parent = _model_at(model, located.data, path[:-1])
    kind_of = error["type"]
    value = error.get("input")
    at = where(path, kind)
    if kind_of == "extra_forbidden":
        allowed = set(parent.model_fields) if parent else set()
        hint = did_you_mean(name, allowed) or (f"allowed fields: {', '.join(sorted(allowed))}" if allowed else None)
        return Diagnostic.make(rel, located.key_pos(path), "schema.unknown-field",
                               f"'{name}' is not a field of {_owner(parent, path[:-1], kind)}", hint)
    if kind_of == "missing":
        doc = _field_doc(parent, name)
        return Diagnostic.make(rel, located.pos(path[:-1]), "schema.missing-field", f"required field '{at}' is missing",
                               f"add `{name}:`" + (f" ({doc})" if doc else ""))
    if kind_of == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == ID_PATTERN:
        suggestion = re.sub(r"[^a-z0-9]+", "-", str(value).lower()).strip("-")
        return Diagnostic.make(rel, located.pos(path), "schema.invalid-value",
                               f"'{at}' is {_describe(value)}, but ids are lowercase words joined by hyphens",
                               f"write '{suggestion}'" if suggestion else None)
    if kind_of == "string_pattern_mismatch" and error.get("ctx", {}).get("pattern") == ONE_LINE:
        breaks = len(str(value).strip().splitlines()) - 1
        return Diagnostic.make(rel, located.pos(path), "schema.invalid-value",
                               f"'{at}' is one line of text, but it has {breaks} line break{'s' * (breaks != 1)}",
                               "join the lines, or fold them into one with `>-` instead of `|`")
    if kind_of == "string_type" and isinstance(value, dict) and len(value) == 1:
        return Diagnostic.make(rel, located.pos(path), "schema.wrong-type",
                               f"'{at}' must be text, but ': ' in it made YAML read it as a field",
                               "put the whole text in double quotes")
    limits = {"greater_than_equal": ("at least", "ge"), "less_than_equal": ("at most", "le"),
              "too_short": ("at least", "min_length"), "too_long": ("at most", "max_length")}
    if kind_of in limits:
        words, key = limits[kind_of]
        limit = error.get("ctx", {}).get(key)
        if kind_of.startswith("too_"):
            found = len(value) if isinstance(value, (list, str)) else 0
            unit = ("item" if isinstance(value, list) else "character") + ("" if limit == 1 else "s")
            return Diagnostic.make(rel, located.pos(path), "schema.invalid-value",
                                   f"'{at}' needs {words} {limit} {unit}, found {found}", _field_doc(parent, name))
        return Diagnostic.make(rel, located.pos(path), "schema.invalid-value",
                               f"'{at}' must be {words} {limit}, found {_describe(value)}", _field_doc(parent, name))
    if kind_of in _TYPE_NAMES:
        hint = None
        if kind_of.startswith("bool") and isinstance(value, str):
            hint = f"write true or false; '{value}' is read as text"
        elif kind_of.startswith(("int", "float")) and isinstance(value, str):
            hint = "write the number without quotes or units" + (" (e.g. seconds as 90, not 1:30)" if ":" in value else "")
        return Diagnostic.make(rel, located.pos(path), "schema.wrong-type",
                               f"'{at}' must be {_TYPE_NAMES[kind_of]}, found {_describe(value)}", hint)
    if kind_of == "literal_error":
        expected = [str(a) for a in get_args(_literal_of(parent, name))] if parent else []
        # A list of fixed values (equipment: [band, step]) has no parent model at the item; pydantic names them.
        expected = expected or re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        hint = did_you_mean(str(value), expected) if isinstance(value, str) else None
        return Diagnostic.make(rel, located.pos(path), "schema.invalid-value",
                               f"'{at}' is {_describe(value)}; allowed: {', '.join(expected)}", hint)
    if kind_of in ("union_tag_invalid", "union_tag_not_found"):
        tags = error.get("ctx", {}).get("expected_tags", "")
        found = _describe(value.get("type")) if isinstance(value, dict) else _describe(value)
        hint = did_you_mean(str(value.get("type")), [t.strip(" '") for t in tags.split(",")]) if isinstance(value, dict) else None
        return Diagnostic.make(rel, located.pos((*path, "type")), "schema.invalid-value",
                               f"'{at}.type' is {found}; allowed: {tags}", hint)
    message = error["msg"][0].lower() + error["msg"][1:]
    return Diagnostic.make(rel, located.pos(path), "schema.invalid-value", f"'{at}': {message}", _field_doc(parent, name))


def _literal_of(model: type[BaseModel], name: str) -> object:
    annotation = model.model_fields[name].annotation if name in model.model_fields else None
    while get_origin(annotation) in (list, Annotated, Union, types.UnionType):
        args = [a for a in get_args(annotation) if a is not type(None)]
        annotation = args[0]
    return annotation if get_origin(annotation) is Literal else None


def _placeholders(data: object, located: Located, rel: str, path: Path_ = ()) -> list[Diagnostic]:
    """Each `TODO:` value that `stride new` left, at its position."""
    if is_placeholder(data):
        return [Diagnostic.make(rel, located.pos(path), "content.placeholder", f"'{where(path)}' is still a placeholder",
                                f"replace it: {data.removeprefix(PLACEHOLDER).strip()}")]
    entries = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else []
    return [d for key, value in entries for d in _placeholders(value, located, rel, (*path, key))]


def _has_placeholder(data: object) -> bool:
    """Whether any value is a placeholder: the quick test that spares most files the walk that locates them."""
    if isinstance(data, str):
        return data.startswith(PLACEHOLDER)
    if isinstance(data, dict):
        return any(map(_has_placeholder, data.values()))
    return isinstance(data, list) and any(map(_has_placeholder, data))


def validate(model: type[BaseModel], located: Located, rel: str, kind: str) -> tuple[BaseModel | None, list[Diagnostic]]:
    """The model, or None; placeholders are reported as such, not as the wrong type or value they also are."""
    placeholders = _placeholders(located.data, located, rel) if _has_placeholder(located.data) else []
    try:
        return model.model_validate(located.data), placeholders
    except ValidationError as err:
        errors = [e for e in err.errors() if not is_placeholder(e.get("input"))]
        return None, placeholders + [_translate(e, model, located, rel, kind) for e in errors]
