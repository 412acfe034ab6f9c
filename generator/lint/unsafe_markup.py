"""content.unsafe-markup: content is Markdown and [[links]], never raw HTML or script URLs.

Passes:   summary: Keep the hips level.
Fails:    summary: <script>alert(1)</script>
Fails:    body: "[click](javascript:alert(1))"
Passes:   step: "Record the data: cadence and pace."
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "content.unsafe-markup"
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?]")
_SCRIPT_URL = re.compile(r"\b(?:javascript|vbscript)\s*:|\bdata:[a-z]+/[a-z0-9.+-]+[;,]", re.IGNORECASE)


def unsafe_fragment(text: str) -> str | None:
    found = "<" in text and _HTML.search(text)
    if not found and ":" in text:
        # What a script or data URL holds in any case the pattern accepts ("scr", not "script": the pattern's "i"
        # also matches the Turkish dotted and dotless i, which casefold keeps); most texts with a colon have neither.
        folded = text.casefold()
        if "scr" in folded or "data:" in folded:
            found = _SCRIPT_URL.search(text)
    return found[0] if found else None


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.kb.items.values():
        for text, path in item.texts:
            if "<" not in text and ":" not in text:  # what both patterns need; most texts have neither (no call)
                continue
            fragment = unsafe_fragment(text)
            if fragment:
                yield Diagnostic.make(item.path, item.pos(path), CODE,
                                      f"'{fragment}' looks like raw HTML or a script link",
                                      "write Markdown and [[id]] links; write 'less than' instead of '<'")
