"""Reading the models' type annotations: one place for unwrapping Optional/Annotated and finding nested models."""

from __future__ import annotations

import types
from typing import Annotated, Union, get_args, get_origin

from pydantic import BaseModel


def unwrap(annotation: object) -> object:
    """The type without Annotated metadata and without `| None`."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin in (Union, types.UnionType) and type(None) in get_args(annotation):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation


def models_in(annotation: object, lists: bool = True) -> list[type[BaseModel]]:
    """The models a field holds, in declaration order: union members (question types), and with `lists` list items."""
    annotation = unwrap(annotation)
    origin = get_origin(annotation)
    if origin in (Union, types.UnionType):
        return [m for arg in get_args(annotation) for m in models_in(arg, lists)]
    if origin is list:
        return models_in(get_args(annotation)[0], lists) if lists else []
    return [annotation] if isinstance(annotation, type) and issubclass(annotation, BaseModel) else []
