"""safety.emergency-drills: an emergency entry (e.g. chest pain) offers no drills and no drill deck.

Passes:   emergency: true
          drills: []
Fails:    emergency: true
          drills: [front-plank]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..schema.relations import ADDRESSES
from .context import Context

CODE = "safety.emergency-drills"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for injury in ctx.of_kind("injury"):
        if not injury.model.emergency:
            continue
        for drill in ctx.graph.incoming(injury.key).get(ADDRESSES.name, []):
            item, path = ctx.graph.origin[(drill, ADDRESSES.name, injury.key)]
            yield Diagnostic.make(item.path, item.pos(path), CODE,
                                  f"'{injury.id}' is an emergency entry, but '{drill[1]}' is listed as helping it",
                                  "an emergency needs emergency care, not drills: remove the link")
        if not any(flag.urgency == "emergency" for flag in injury.model.red_flags):
            yield Diagnostic.make(injury.path, injury.pos(("emergency",)), CODE,
                                  f"'{injury.id}' is marked as an emergency entry but has no red flag with "
                                  "`urgency: emergency`", "add the emergency red flag, or remove `emergency: true`")
