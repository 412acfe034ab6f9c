"""injury.duplicate-flag-id: each red flag of an injury has its own id, so links to it are unambiguous.

Passes:   red_flags: [{id: night-pain, ...}, {id: cannot-bear-weight, ...}]
Fails:    red_flags: [{id: night-pain, ...}, {id: night-pain, ...}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "injury.duplicate-flag-id"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for injury in ctx.of_kind("injury"):
        seen: dict[str, int] = {}
        for i, flag in enumerate(injury.model.red_flags):
            if flag.id in seen:
                yield Diagnostic.make(injury.path, injury.pos(("red_flags", i, "id")), CODE,
                                      f"red flag id '{flag.id}' is already used by red flag {seen[flag.id] + 1}",
                                      "give each red flag its own id; links cite it as [[flag:injury/flag-id]]")
            else:
                seen[flag.id] = i
