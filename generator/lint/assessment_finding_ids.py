"""assessment.duplicate-finding-id: plans cite findings as '<assessment>/<finding id>', so ids are unique per test.

Passes:   findings: [{id: pelvis-drops, ...}, {id: knee-drifts-in, ...}]
Fails:    findings: [{id: pelvis-drops, ...}, {id: pelvis-drops, ...}]
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "assessment.duplicate-finding-id"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.of_kind("assessment"):
        first: dict[str, int] = {}
        for i, finding in enumerate(item.model.findings):
            if finding.id in first:
                line = item.pos(("findings", first[finding.id], "id"))[0]
                yield Diagnostic.make(item.path, item.pos(("findings", i, "id")), CODE,
                                      f"finding id '{finding.id}' is already used on line {line}",
                                      "give each finding its own id; never reuse an id a plan may have saved")
            else:
                first[finding.id] = i
