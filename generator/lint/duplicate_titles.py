"""content.duplicate-title: two entities of one kind do not share a title.

Readers find pages by title in the index, the search and the menu; two pages called the same are
indistinguishable there (often a copied file whose title was not changed).

Passes:   drills/clamshell.yml (title: Clamshell) and drills/hip-hike.yml (title: Hip hike)
Fails:    drills/clamshell.yml and drills/clamshell-band.yml both with title: Clamshell
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..schema import ENTITY_KINDS
from .context import Context

CODE = "content.duplicate-title"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for kind in ENTITY_KINDS:
        first: dict[str, object] = {}
        for item in ctx.of_kind(kind):
            key = " ".join(item.title.lower().split())
            if key in first:
                other = first[key]
                yield Diagnostic.make(item.path, item.pos(("title",)), CODE,
                                      f"the title '{item.title}' is also used by {other.path}:{other.pos(('title',))[0]}",
                                      f"give each {ENTITY_KINDS[kind].label.lower()} its own title")
            else:
                first[key] = item
