"""glossary.duplicate-term: one term (or alias) is defined under one id only.

Two entries for the same word give two definitions that can drift apart, and links split between them.

Passes:   - {id: cadence, term: Cadence}  - {id: stride-length, term: Stride length}
Fails:    - {id: cadence, term: Cadence}  - {id: step-rate, term: Step rate, aliases: [cadence]}
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "glossary.duplicate-term"


def check(ctx: Context) -> Iterator[Diagnostic]:
    seen: dict[str, object] = {}
    for term in sorted(ctx.of_kind("term"), key=lambda t: t.pos()):
        names = [("term", term.model.term)] + [(("aliases", i), a) for i, a in enumerate(term.model.aliases)]
        for where, name in names:
            key = " ".join(name.lower().split())
            first = seen.get(key)
            if first is not None and first is not term:
                path = (where,) if isinstance(where, str) else where
                yield Diagnostic.make(term.path, term.pos(path), CODE,
                                      f"'{name}' is already defined as term '{first.id}' (line {first.pos()[0]})",
                                      f"keep one entry: merge the definitions into '{first.id}' and link to it")
            else:
                seen.setdefault(key, term)
