"""`stride new KIND ID`: a new entity file generated from its model, with every value to write marked TODO.

Required fields become placeholders; optional fields appear as comments with their description, except the
ones the quality rules expect (a drill's dose, an injury's red flags), which become placeholders too.
`stride check` reports each placeholder left (`content.placeholder`) and nothing else.
"""

from __future__ import annotations

import json
from typing import Literal, get_args, get_origin

from annotated_types import Ge, Le, MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from .annotations import models_in, unwrap
from .schema import ENTITY_KINDS, GLOSSARY_FILE, REFERENCES_FILE, SINGLE_FILES
from .schema.relations import FieldRelation

PLACEHOLDER = "TODO:"
"""Every placeholder starts with this; `stride check` reports any value that does."""

EXPECTED: dict[str, tuple[str, ...]] = {
    "drill": ("dosage", "dosage.sets", "dosage.reps", "dosage.frequency", "steps", "cues", "targets", "addresses",
              "evidence"),
    "injury": ("red_flags", "refer_to", "drills", "evidence"),
    "biomechanics": ("drills", "evidence"),
    "assessment": ("checks", "evidence"),
    "communication": ("about",),
    "lesson": ("covers", "evidence"),
    "quiz": ("lesson", "questions.options.correct"),
    "anatomy": ("evidence",),
}
"""Optional fields that the quality rules (lint) or the reader's path through the site need."""


def is_placeholder(value: object) -> bool:
    return isinstance(value, str) and value.startswith(PLACEHOLDER)


def _quote(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _value_text(info: FieldInfo, annotation: object) -> str:
    """The placeholder for one scalar: what to write, in the field's own words."""
    marker = next((m for m in info.metadata if isinstance(m, FieldRelation)), None)
    if marker:
        return f"{PLACEHOLDER} {' or '.join(marker.allowed_kinds())} id"
    annotation = unwrap(annotation)
    if get_origin(annotation) is Literal:
        return f"{PLACEHOLDER} one of {', '.join(str(a) for a in get_args(annotation))}"
    kind = {int: "a whole number", float: "a number", bool: "true or false"}.get(annotation)
    low = next((m.ge for m in info.metadata if isinstance(m, Ge)), None)
    high = next((m.le for m in info.metadata if isinstance(m, Le)), None)
    if kind and low is not None and high is not None:
        kind += f" from {low} to {high}"
    about = info.description or "text"
    return f"{PLACEHOLDER} {kind + ': ' if kind else ''}{about}"


class _Writer:
    def __init__(self, kind: str) -> None:
        self.expected = set(EXPECTED.get(kind, ()))
        self.lines: list[str] = []

    def model(self, model: type[BaseModel], indent: int, path: str, first: str = "") -> None:
        """The fields of `model`; `first` prefixes the first line (a list dash)."""
        fields = sorted(model.model_fields.items(), key=lambda field: field[0] != "type")
        for name, info in fields:
            if name == "id" and not path:
                continue
            dotted = f"{path}.{name}" if path else name
            pad = " " * indent
            if first:
                pad, first = pad[: -len(first)] + first, ""
            if info.is_required() or dotted in self.expected or name == "type":
                self.field(name, info, pad, indent, dotted)
            elif info.description:
                self.lines.append(f"{pad}# {name}: {info.description}")
        if first:  # a model without fields to write still needs its list dash
            self.lines.append(" " * (indent - len(first)) + first.rstrip())

    def field(self, name: str, info: FieldInfo, pad: str, indent: int, dotted: str) -> None:
        annotation = unwrap(info.annotation)
        models = models_in(annotation, lists=False)
        if name == "type" and get_origin(annotation) is Literal:
            self.lines.append(f"{pad}{name}: {get_args(annotation)[0]}")
        elif get_origin(annotation) is list:
            item = get_args(annotation)[0]
            count = max([1, *(m.min_length for m in info.metadata if isinstance(m, MinLen))])
            self.lines.append(f"{pad}{name}:")
            choices = models_in(item, lists=False)
            for _ in range(count):
                if choices:
                    if len(choices) > 1:
                        names = ", ".join(str(get_args(unwrap(m.model_fields["type"].annotation))[0]) for m in choices)
                        self.lines.append(f"{' ' * (indent + 2)}# type is one of: {names}; the field reference lists each type's fields")
                    self.model(choices[0], indent + 4, dotted, first="- ")
                else:
                    self.lines.append(f"{' ' * (indent + 2)}- {_quote(_value_text(info, item))}")
        elif models:
            self.lines.append(f"{pad}{name}:")
            self.model(models[0], indent + 2, dotted)
        elif get_origin(annotation) is dict:
            self.lines.append(f"{pad}{name}: {{}}")
        else:
            self.lines.append(f"{pad}{name}: {_quote(_value_text(info, annotation))}")


def scaffold(kind: str, entity_id: str) -> str:
    """The text of a new `kind` file: placeholders for what to write, comments for what may be added."""
    model = ENTITY_KINDS[kind].model
    writer = _Writer(kind)
    writer.model(model, 0, "")
    header = [f"# New {ENTITY_KINDS[kind].label.lower()} '{entity_id}', made by `stride new`.",
              f"# Replace every {PLACEHOLDER} value; `stride check` lists those left. Lines starting with # are "
              "optional fields: remove the # to use one.",
              "# Every field is described in the field reference (Content fields for educators on the site)."]
    return "\n".join([*header, *writer.lines]) + "\n"




LIST_FILES: dict[str, tuple[str, str]] = {"term": (GLOSSARY_FILE, "terms"), "reference": (REFERENCES_FILE, "references")}
"""Kinds that are entries in one shared file rather than files of their own: kind → (file, list field)."""


def scaffold_entry(kind: str, entity_id: str) -> str:
    """A new glossary term or reference, as a list entry to append to its file."""
    file, list_field = LIST_FILES[kind]
    model = get_args(SINGLE_FILES[file].model_fields[list_field].annotation)[0]
    writer = _Writer(kind)
    writer.model(model, 4, "")
    return "\n".join([f"  - id: {entity_id}  # new {kind}, made by `stride new`: replace every {PLACEHOLDER} value",
                      *writer.lines]) + "\n"
