"""plan.policy: exactly one decision table holds the `policy:` block every plan follows.

Passes:   one table in content/plans/ has  policy: {max_drills: 4, retest_weeks: 6, ...}
Fails:    two tables have a policy (which one wins?), or none has.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "plan.policy"


def check(ctx: Context) -> Iterator[Diagnostic]:
    tables = ctx.of_kind("plan")
    with_policy = [t for t in tables if t.model.policy]
    if tables and not with_policy:
        first = tables[0]
        yield Diagnostic.make(first.path, first.pos(), CODE, "no decision table has a `policy:` block",
                              "add `policy:` (session cap, retest weeks, warm-up, scripts) to one table")
    for extra in with_policy[1:]:
        yield Diagnostic.make(extra.path, extra.located.key_pos(("policy",)), CODE,
                              f"a second `policy:` block; the first is in {with_policy[0].path}",
                              "keep the policy in one table only")
