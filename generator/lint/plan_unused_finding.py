"""plan.unused-finding: a finding that no decision-table rule uses never changes anyone's plan.

Passes:   a rule has  when: [knee-to-wall-test/one-side-shorter]
Fails:    no rule names knee-to-wall-test/one-side-shorter    (reported at the finding's id)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "plan.unused-finding"


def check(ctx: Context) -> Iterator[Diagnostic]:
    tables = ctx.of_kind("plan")
    if not tables:
        return
    used = {ref for table in tables for rule in table.model.rules for ref in rule.when}
    for item in ctx.of_kind("assessment"):
        for i, finding in enumerate(item.model.findings):
            ref = f"{item.id}/{finding.id}"
            if ref not in used:
                yield Diagnostic.make(item.path, item.pos(("findings", i, "id")), CODE,
                                      f"no decision-table rule uses the finding '{ref}'",
                                      "add it to a rule's `when:` in content/plans/, with drills, advice or a referral")
