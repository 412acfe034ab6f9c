"""injury.missing-referral: every injury says whom to refer to and how urgently.

Passes:   refer_to: [{to: physiotherapist, urgency: within-days, when: Pain lasts over two weeks}]
Fails:    refer_to: []
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context, missing_list

CODE = "injury.missing-referral"


def check(ctx: Context) -> Iterator[Diagnostic]:
    return missing_list(ctx, "injury", "refer_to", CODE, "referral guidance", "add `refer_to:` with `to`, `urgency` and `when`")
