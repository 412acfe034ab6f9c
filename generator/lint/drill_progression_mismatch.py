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
    for field, other_field, this_is, listed_as in (("progressions", "regressions", "progression", "regression"),
                                                    ("regressions", "progressions", "regression", "progression")):
        for item in drills.values():
            for i, linked in enumerate(getattr(item.model, field)):
                other = drills.get(linked)
                if other and item.id not in getattr(other.model, other_field):
                    yield Diagnostic.make(item.path, item.pos((field, i)), CODE,
                                          f"'{linked}' is a {this_is} of '{item.id}' but does not list it as a {listed_as}",
                                          f"add '{item.id}' to `{other_field}:` in {other.path}")
