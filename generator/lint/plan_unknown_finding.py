"""plan.unknown-finding: every finding and red flag a decision table or worked plan names must exist.

Findings are written '<assessment id>/<finding id>', red flags '<injury id>/<flag id>'.

Passes:   when: [single-leg-bridge-test/pelvis-drops]
Fails:    when: [single-leg-bridge-test/pelvis-drop]      (hint: did you mean 'single-leg-bridge-test/pelvis-drops'?)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..plans.profile import finding_refs, flag_refs, reference_problems, unknown_finding
from .context import Context

CODE = "plan.unknown-finding"


def check(ctx: Context) -> Iterator[Diagnostic]:
    findings = finding_refs(ctx.kb)
    flags = flag_refs(ctx.kb)
    for table in ctx.of_kind("plan"):
        for r, rule in enumerate(table.model.rules):
            for i, ref in enumerate(rule.when):
                if ref not in findings:
                    yield unknown_finding(table.path, table.pos(("rules", r, "when", i)), ref, findings, "finding")
            for i, ref in enumerate(rule.refer_flags):
                if ref not in flags:
                    yield unknown_finding(table.path, table.pos(("rules", r, "refer_flags", i)), ref, flags, "red flag")
    for example in ctx.of_kind("runner"):
        yield from reference_problems(ctx.kb, example.model, example.located, example.path)
