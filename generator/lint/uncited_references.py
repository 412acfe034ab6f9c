"""reference.uncited: every entry of references.yml is cited by some page.

Passes:   references: [{id: willy2019, ...}] and an injury with evidence: [willy2019]
Fails:    references: [{id: willy2019, ...}] cited nowhere
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "reference.uncited"


def check(ctx: Context) -> Iterator[Diagnostic]:
    cited = ctx.graph.linked_keys()
    for item in ctx.of_kind("reference"):
        if item.key not in cited and item.id not in ctx.kb.failed_mentions:  # cited by a file that failed
            yield Diagnostic.make(item.path, item.pos(("id",)), CODE, f"reference '{item.id}' is not cited anywhere",
                                  "cite it in an `evidence:` list, or remove it from references.yml")
