"""figure.impossible-pose: a figure's body never goes through the ground or through the prop it stands on.

Joint angles outside human range are rejected earlier, by the schema, at the angle itself. This rule places each
position as drawn (base point on the ground or its prop) and reports any outline more than about 2.5 cm below
its surface, at the position that does it.

Passes:   positions: [{body: standing, base: left-foot, right: {hip: 90, knee: 90}}]
Fails:    positions: [{body: standing, base: left-foot, right: {hip: -20, knee: 0}, left: {knee: 60}}]
          (the straight right leg reaches below the ground when the standing knee bends)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..figures import FIGURE_KINDS
from ..figures.pictogram import problems
from .context import Context

CODE = "figure.impossible-pose"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for kind in FIGURE_KINDS:
        for item in ctx.of_kind(kind):
            if item.model.figure is None:
                continue
            for index, message in problems(item.model.figure):
                yield Diagnostic.make(item.path, item.pos(("figure", "positions", index)), CODE,
                                      f"position {index + 1} of the figure for '{item.id}': {message}",
                                      "lower the joints that reach the ground, bend the standing leg less, "
                                      "or choose the point that rests on the ground as `base`")
