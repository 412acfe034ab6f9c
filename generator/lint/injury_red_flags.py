"""injury.missing-red-flags: every injury lists the signs that stop training today.

Passes:   red_flags: [{sign: Pain at night, action: Stop running today, refer_to: sports-physician, urgency: same-day}]
Fails:    red_flags: []
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context, missing_list

CODE = "injury.missing-red-flags"


def check(ctx: Context) -> Iterator[Diagnostic]:
    return missing_list(ctx, "injury", "red_flags", CODE, "red flags", "add `red_flags:` with the signs that mean stop and refer, and how urgently")
