"""Indexes derived from a finished knowledge base or graph: built on the first call, reused after.

Pages, decks and lint rules ask the same question of every entity; answering each by scanning the whole
knowledge base made generation grow with the square of its size.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from functools import wraps
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def once_per(derive: Callable[[T], R]) -> Callable[[T], R]:
    """`derive(obj)`, computed once for each object and kept while it lives; the object must not change after."""
    made: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @wraps(derive)
    def cached(obj: T) -> R:
        if obj not in made:
            made[obj] = derive(obj)
        return made[obj]

    return cached
