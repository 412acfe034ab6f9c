"""orphan.unreferenced: every page is reachable by following links from another page.

Pages show links in both directions, so an entity is reachable when it has any link to or
from another entity; links to glossary terms and references do not count.

Passes:   drill hip-hike, listed in the drills of contralateral-pelvic-drop
Fails:    drill hip-hike, which links to no entity and which no entity links to
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..schema import ENTITY_KINDS
from .context import Context

CODE = "orphan.unreferenced"


def check(ctx: Context) -> Iterator[Diagnostic]:
    linked = {
        end for source, _, target in ctx.graph.edges if source[0] in ENTITY_KINDS and target[0] in ENTITY_KINDS
        for end in (source, target)
    }
    for kind in ENTITY_KINDS:
        for item in ctx.of_kind(kind):
            if item.key not in linked and item.id not in ctx.kb.failed_mentions:  # not blamed on a broken file
                yield Diagnostic.make(item.path, (1, 1), CODE, f"nothing links to or from {kind} '{item.id}'",
                                      "link it from a related page with [[" + item.id + "]] or a reference field")
