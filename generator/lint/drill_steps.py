"""drill.missing-steps: every drill has numbered steps.

Passes:   steps: [Lie on your side., Lift the top leg.]
Fails:    steps: []
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context, missing_list

CODE = "drill.missing-steps"


def check(ctx: Context) -> Iterator[Diagnostic]:
    return missing_list(ctx, "drill", "steps", CODE, "steps", "add `steps:` as a list of short sentences in the order the runner does them")
