"""drill.progression-mismatch: progressions and regressions agree from both sides.

Passes:   glute-bridge: progressions [single-leg-bridge]; single-leg-bridge: regressions [glute-bridge]
Fails:    glute-bridge: progressions [single-leg-bridge]; single-leg-bridge: regressions []
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "drill.progression-mismatch"


def check(ctx: Context) -> Iterator[Diagnostic]:
    drills = {item.id: item for item in ctx.of_kind("drill")}
    for item in drills.values():
        for i, harder in enumerate(item.model.progressions):
            other = drills.get(harder)
            if other and item.id not in other.model.regressions:
                yield Diagnostic.make(item.path, item.pos(("progressions", i)), CODE,
                                      f"'{harder}' is a progression of '{item.id}' but does not list it as a regression",
                                      f"add '{item.id}' to `regressions:` in {other.path}")
        for i, easier in enumerate(item.model.regressions):
            other = drills.get(easier)
            if other and item.id not in other.model.progressions:
                yield Diagnostic.make(item.path, item.pos(("regressions", i)), CODE,
                                      f"'{easier}' is a regression of '{item.id}' but does not list it as a progression",
                                      f"add '{item.id}' to `progressions:` in {other.path}")
