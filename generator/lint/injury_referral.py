"""injury.missing-referral: every injury says whom to refer to and how urgently.

Passes:   refer_to: [{to: physiotherapist, urgency: within-days, when: Pain lasts over two weeks}]
Fails:    refer_to: []
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "injury.missing-referral"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.of_kind("injury"):
        if not item.model.refer_to:
            yield Diagnostic.make(item.path, item.pos(("refer_to",)), CODE, f"injury '{item.id}' has no referral guidance",
                                  "add `refer_to:` with `to`, `urgency` and `when`")
