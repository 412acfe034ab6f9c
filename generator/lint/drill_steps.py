"""drill.missing-steps: every drill has numbered steps.

Passes:   steps: [Lie on your side., Lift the top leg.]
Fails:    steps: []
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "drill.missing-steps"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.of_kind("drill"):
        if not item.model.steps:
            yield Diagnostic.make(item.path, item.pos(("steps",)), CODE, f"drill '{item.id}' has no steps",
                                  "add `steps:` as a list of short sentences in the order the runner does them")
