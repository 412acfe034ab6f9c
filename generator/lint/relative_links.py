"""content.relative-link: content text links to other pages with [[id]], not with file paths.

A Markdown link to a path (`[bridge](../drills/bridge.md)`) is not checked against the knowledge base and
breaks when an id or the site layout changes; an [[id]] link is resolved, checked and shown as a backlink.
Links to other sites (https://…) are fine.

Passes:   body: "Start with [[single-leg-bridge|the bridge]]."
Fails:    body: "Start with [the bridge](../drills/single-leg-bridge.md)."
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context

CODE = "content.relative-link"
LINK = re.compile(r"(?<!!)\[([^\]]*)\]\(\s*<?([^)\s>]+)")


def check(ctx: Context) -> Iterator[Diagnostic]:
    for item in ctx.kb.items.values():
        for text, path in item.texts:
            if "](" not in text:  # what a Markdown link needs; skipping the scan halves this rule's time
                continue
            for match in LINK.finditer(text):
                target = match[2]
                if re.match(r"^(?:[a-z]+:|//|#)", target, re.IGNORECASE):
                    continue
                stem = target.split("#")[0].rstrip("/").rsplit("/", 1)[-1].removesuffix(".md")
                hint = f"write [[{stem}|{match[1]}]]" if stem else "write [[id|your words]]"
                yield Diagnostic.make(item.path, item.located.text_pos(path, match.start(), text), CODE,
                                      f"'{match[0]})' links to a file path, which nothing checks", hint)
