"""drill.missing-dosage: every drill states sets, an amount per set and how often (CERT).

Passes:   dosage: {sets: 3, reps: 10, frequency: 3 times a week}
Fails:    dosage: {sets: 3}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "drill.missing-dosage"
AMOUNTS = ("reps", "hold_s", "duration_s", "distance_m")


def missing_parts(dosage: object) -> list[str]:
    missing = [name for name in ("sets", "frequency") if getattr(dosage, name) is None]
    if all(getattr(dosage, name) is None for name in AMOUNTS):
        missing.append(" or ".join(AMOUNTS))
    return missing


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.of_kind("drill"):
        if item.model.dosage is None:
            yield Diagnostic.make(item.path, item.pos(), CODE, f"drill '{item.id}' has no dosage",
                                  "add `dosage:` with sets, reps (or hold_s, duration_s, distance_m) and frequency")
            continue
        missing = missing_parts(item.model.dosage)
        if missing:
            yield Diagnostic.make(item.path, item.pos(("dosage",)), CODE,
                                  f"drill '{item.id}' has no {', '.join(missing)} in its dosage",
                                  "a card must say how many sets, how much per set and how often")
