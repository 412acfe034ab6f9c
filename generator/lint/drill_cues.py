"""drill.missing-cues: every drill has plain-language coaching cues.

Passes:   cues: [Keep your hips level.]
Fails:    cues: []
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "drill.missing-cues"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.of_kind("drill"):
        if not item.model.cues:
            yield Diagnostic.make(item.path, item.pos(("cues",)), CODE, f"drill '{item.id}' has no coaching cues",
                                  "add `cues:` with 2 to 4 short phrases a runner understands")
