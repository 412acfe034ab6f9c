"""injury.missing-evidence: every injury cites at least two references (guidelines first).

Passes:   evidence: [willy2019, barton2016]
Fails:    evidence: [willy2019]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "injury.missing-evidence"
MINIMUM = 2


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.of_kind("injury"):
        count = len(item.model.evidence)
        if count < MINIMUM:
            yield Diagnostic.make(item.path, item.pos(("evidence",)), CODE,
                                  f"injury '{item.id}' cites {count} reference(s); at least {MINIMUM} are needed",
                                  "add reference ids from references.yml, clinical practice guidelines first")
