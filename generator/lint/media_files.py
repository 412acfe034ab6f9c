"""media.*: every image a page names is in content/media/, of a known type, small enough, and a safe SVG.

Alt text, credit and licence are required fields, so a missing one is a schema error at the image.

Passes:   images: [{file: copenhagen.jpg, alt: Coach holding the top leg, credit: Photo A. Coach, licence: CC BY 4.0}]
Fails:    images: [{file: ../../secret.png, ...}]   (media.outside-content)
          images: [{file: drawing.svg, ...}] where drawing.svg has <script>   (media.unsafe-svg)
"""

from __future__ import annotations

from collections.abc import Iterator

from ..diagnostics import Diagnostic
from ..figures.media import problems
from .context import Context


def check(ctx: Context) -> Iterator[Diagnostic]:
    for problem in problems(ctx.kb):
        item = problem.item
        yield Diagnostic.make(item.path, item.pos(("images", problem.index, "file")), problem.code, problem.message,
                              problem.hint)
