"""safety.conflicting-drill-relation: a drill never both helps an injury and must be avoided or changed for it.

Passes:   addresses: [patellofemoral-pain]
          avoid_with: [{injury: gluteal-tendinopathy, reason: Side-lying squeezes the tendon.}]
Fails:    addresses: [gluteal-tendinopathy]
          avoid_with: [{injury: gluteal-tendinopathy, reason: Side-lying squeezes the tendon.}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..safety import ACTIONS
from ..schema.relations import ADDRESSES
from .context import Context

CODE = "safety.conflicting-drill-relation"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for drill in ctx.of_kind("drill"):
        helps = {k for k in ctx.graph.outgoing(drill.key).get(ADDRESSES.name, [])}
        for field, action in ACTIONS.items():
            for i, entry in enumerate(getattr(drill.model, field)):
                if ("injury", entry.injury) in helps:
                    yield Diagnostic.make(
                        drill.path, drill.pos((field, i, "injury")), CODE,
                        f"'{drill.id}' is listed as helping '{entry.injury}' and also as '{field}' it",
                        f"remove '{entry.injury}' from the drill's `addresses` and the injury's `drills`, "
                        f"or drop this `{field}` entry ({action.lower()})",
                    )
