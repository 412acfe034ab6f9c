"""ref.unclosed-link: an inline link opened with `[[` is closed with `]]`.

An unclosed link is printed as brackets instead of a link, and nothing reports the id in it.

Passes:   body: Start with [[clamshell]] and progress.
Fails:    body: Start with [[clamshell] and progress.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "ref.unclosed-link"
_OPENED = re.compile(r"\[\[(?![^\[\]]*\]\])")


HINT = "write the link as [[id]] or [[id|your words]]"


def unclosed_links(text: str) -> Iterator[tuple[int, str]]:
    """(offset, message) for each `[[` that is never closed (YAML texts and hand-written pages alike)."""
    for match in _OPENED.finditer(text):
        shown = text[match.start():match.start() + 30].split("\n")[0]
        yield match.start(), f"'{shown}' opens a link with [[ but never closes it with ]]"


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.kb.items.values():
        for text, path in item.texts:
            if "[[" not in text:  # what an opened link needs; most of the texts have none (no call for them)
                continue
            for offset, message in unclosed_links(text):
                yield Diagnostic.make(item.path, item.located.text_pos(path, offset, text), CODE, message, HINT)
