"""drill.missing-cues: every drill has plain-language coaching cues.

Passes:   cues: [Keep your hips level.]
Fails:    cues: []
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context, missing_list

CODE = "drill.missing-cues"


def check(ctx: Context) -> Iterator[Diagnostic]:
    return missing_list(ctx, "drill", "cues", CODE, "coaching cues", "add `cues:` with 2 to 4 short phrases a runner understands")
