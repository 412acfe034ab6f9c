"""Educators' own images in content/media/: checked (where, what type, how big, safe SVG) and resized with Pillow
for the web and for print. Reading the files is the only I/O; sizes and rules are declared here once."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path

from ..knowledge import Item, KnowledgeBase

MEDIA_FOLDER = "media"
"""Inside content/ for sources, and inside the site for the resized copies."""
SUFFIXES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WEBP", ".svg": None}
MAX_BYTES = 5 * 1024 * 1024
WEB_WIDTH = 1200
"""Widest copy the site serves, in pixels."""
PRINT_WIDTH = 945
"""80 mm at 300 dpi: the widest an image prints on a card."""
UNSAFE_SVG = re.compile(r"<script|\son[a-z]+\s*=|javascript:|<foreignObject|(?:href|src)\s*=\s*[\"'](?!#|data:image/)",
                        re.IGNORECASE)


@dataclass(frozen=True)
class MediaProblem:
    item: Item
    index: int
    code: str
    message: str
    hint: str


def images_of(kb: KnowledgeBase) -> list[tuple[Item, int, object]]:
    return [(item, index, image) for item in sorted(kb.items.values(), key=lambda i: (i.kind, i.id))
            for index, image in enumerate(getattr(item.model, "images", []) or [])]


def source(kb: KnowledgeBase, file: str) -> Path:
    return kb.root / MEDIA_FOLDER / file


def problems(kb: KnowledgeBase) -> list[MediaProblem]:
    """Every image that is missing, outside content/media/, of an unknown type, too big, or an unsafe SVG."""
    found = []
    media = (kb.root / MEDIA_FOLDER).resolve()
    for item, index, image in images_of(kb):
        def add(code: str, message: str, hint: str) -> None:
            found.append(MediaProblem(item, index, code, f"image '{image.file}' of '{item.id}' {message}", hint))

        path = source(kb, image.file)
        suffix = path.suffix.lower()
        if not path.resolve().is_relative_to(media):
            add("media.outside-content", "points outside content/media/", "put the file in content/media/ and give its "
                "path from there, without '..' or a leading '/'")
        elif suffix not in SUFFIXES:
            add("media.unsupported-type", f"is a '{suffix or 'no suffix'}' file",
                "use PNG, JPEG, WebP or SVG")
        elif not path.is_file():
            add("media.missing-file", "is not in content/media/", "check the spelling, or add the file")
        elif path.stat().st_size > MAX_BYTES:
            add("media.too-large", f"is {path.stat().st_size / 1048576:.1f} MB, over {MAX_BYTES // 1048576} MB",
                "export it smaller (the site resizes it to 1200 px wide anyway)")
        elif suffix == ".svg" and UNSAFE_SVG.search(path.read_text(encoding="utf-8", errors="replace")):
            add("media.unsafe-svg", "holds a script, an event handler or a link to another file",
                "save it as plain SVG (no scripts, no external images or fonts), or export a PNG")
    return found


def resized(data: bytes, suffix: str, width: int) -> bytes:
    """A copy no wider than `width` pixels, in the same format; SVG is returned as it is."""
    from PIL import Image  # noqa: PLC0415 - Pillow comes with WeasyPrint; imported where images are made

    if SUFFIXES[suffix] is None:
        return data
    with Image.open(io.BytesIO(data)) as picture:
        picture.load()
        if picture.width > width:
            picture = picture.resize((width, round(picture.height * width / picture.width)), Image.LANCZOS)
        out = io.BytesIO()
        picture.save(out, SUFFIXES[suffix], optimize=True)
        return out.getvalue()


def site_files(kb: KnowledgeBase) -> dict[str, bytes]:
    """Web copies of every referenced image, at media/<file> in the generated docs."""
    bad = {(p.item.key, p.index) for p in problems(kb)}
    out = {}
    for item, index, image in images_of(kb):
        if (item.key, index) not in bad:
            path = source(kb, image.file)
            out[f"{MEDIA_FOLDER}/{image.file}"] = resized(path.read_bytes(), path.suffix.lower(), WEB_WIDTH)
    return out
