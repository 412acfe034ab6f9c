"""content.missing-image / content.external-image: every image in content text is a file in content/media/.

An image from another site breaks the offline copy and can change or vanish; a path to no file shows
a broken image. Hand-written pages (content/pages/) are checked in the same way.

Passes:   body: "![Hip drop seen from behind](media/pelvic-drop.png)" with content/media/pelvic-drop.png present
Fails:    body: "![Hip drop](https://example.org/drop.png)"
Fails:    body: "![Hip drop](media/missing.png)"
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..diagnostics import Diagnostic
from .context import Context

MISSING, EXTERNAL = "content.missing-image", "content.external-image"
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")


def image_problems(text: str, content: Path, relative_to: Path) -> Iterator[tuple[int, str, str, str]]:
    """(offset, code, message, hint) for each image in `text` that is remote or missing."""
    if "![" not in text:  # what an image needs; most texts have none
        return
    for match in IMAGE.finditer(text):
        src = match[1]
        if re.match(r"^(?:[a-z]+:)?//", src, re.IGNORECASE):
            yield (match.start(), EXTERNAL, f"the image '{src}' is loaded from another site",
                   "download it into content/media/ (with its credit and licence) and link that file; "
                   "remote images break the offline copy")
        elif not (relative_to / src.split("#")[0]).resolve().is_file() and not (content / src).resolve().is_file():
            yield (match.start(), MISSING, f"the image '{src}' does not exist",
                   "put the file in content/media/ and write its path as media/<file name>")


def check(ctx: Context) -> Iterator[Diagnostic]:
    content = ctx.kb.root
    for item in ctx.kb.items.values():
        for text, path in item.texts:
            for offset, code, message, hint in image_problems(text, content, content):
                yield Diagnostic.make(item.path, item.located.text_pos(path, offset, text), code, message, hint)
