"""plan.contradiction: a rule never prescribes a drill that its own pattern or contraindications rule out.

A rule contradicts itself when one of its drills is declared to avoid or be modified for the injury the
rule points to, when a drill is declared to help an injury the rule is left out with (`not_with`), or
when it both refers first and prescribes drills.

Passes:   pattern: contralateral-pelvic-drop
          drills: [{drill: side-plank, priority: 1}]
          not_with: [gluteal-tendinopathy]
Fails:    pattern: gluteal-tendinopathy
          drills: [{drill: clamshell, priority: 1}]   # clamshell: avoid_with gluteal-tendinopathy
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..safety import cautions
from ..schema.relations import ADDRESSES
from .context import Context

CODE = "plan.contradiction"


def check(ctx: Context) -> Iterator[Diagnostic]:
    cautioned = {(c.drill[1], c.injury[1]): c for c in cautions(ctx.kb)}
    for table in ctx.of_kind("plan"):
        for r, rule in enumerate(table.model.rules):
            if rule.drills and (rule.refer_flags or rule.refer_to):
                yield Diagnostic.make(table.path, table.pos(("rules", r, "drills")), CODE,
                                      f"rule '{rule.id}' refers first and also prescribes drills",
                                      "a referral replaces the drill list: keep either the drills or the referral")
            for d, choice in enumerate(rule.drills):
                where = table.pos(("rules", r, "drills", d, "drill"))
                caution = cautioned.get((choice.drill, rule.pattern or ""))
                if caution:
                    yield Diagnostic.make(table.path, where, CODE,
                                          f"rule '{rule.id}' prescribes '{choice.drill}' for '{rule.pattern}', "
                                          f"but the drill says: {caution.action.lower()} with it",
                                          f"choose another drill ({caution.reason})")
                helps = {k[1] for k in ctx.graph.outgoing(("drill", choice.drill)).get(ADDRESSES.name, [])}
                for injury in sorted(helps & set(rule.not_with)):
                    yield Diagnostic.make(table.path, where, CODE,
                                          f"rule '{rule.id}' is left out with '{injury}', yet its drill "
                                          f"'{choice.drill}' is declared to help '{injury}'",
                                          "remove the injury from `not_with`, or fix the drill's `addresses`")
