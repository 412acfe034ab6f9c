"""Decks rendered as cached pieces: the cover and each sheet are laid out on their own, on every core, then merged.

A sheet (a front page and its back page) is the smallest part of a deck whose layout depends on nothing else: every
sheet front starts a new right-hand page, and no page shows a running header, a page number or anything about the
deck. So each sheet is rendered by WeasyPrint as a document of its own and cached under the hash of its HTML (which
inlines the card stylesheet) and the WeasyPrint version; editing one drill re-renders only the sheets that show it,
and WeasyPrint never holds more than one sheet per worker. merge.py joins the pieces page by page, copying each
page as WeasyPrint wrote it, so every position is unchanged and the tag tree is kept. Imposing single A6 card PDFs
onto sheets (pypdf transforms) was not chosen: the cut lines and bleed would have to be drawn outside the
stylesheet, and a page placed inside another loses its tags.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path

from ..writer import write_atomic
from .render import WEASYPRINT, DeckInfo, to_pdf
from .workers import run_all, start_all

PIECES_PER_TASK = 4
"""Pieces sent to a worker at once: fewer round trips, while each piece is still rendered (and freed) alone, so
a worker's memory does not grow with the deck."""

UNUSED_DAYS = 7
"""Cached pieces and decks no build has used for this long are deleted: every edit makes new ones, and a merged deck
is megabytes. A build reads every entry it uses, which marks it used (its modification time)."""

PRODUCER = f"{WEASYPRINT}; sheets joined with pypdf {version('pypdf')}"
MERGE_CODE = hashlib.sha256(Path(__file__).with_name("merge.py").read_bytes()).hexdigest()
"""Part of each merged deck's cache key, so a change to how pieces are joined is never hidden by the cache."""


@dataclass(frozen=True)
class DeckRequest:
    pieces: list[str]
    """The HTML of each piece in page order (render.deck_pieces)."""
    info: DeckInfo


def piece_key(html: str) -> str:
    return hashlib.sha256(f"{WEASYPRINT}\0{html}".encode()).hexdigest()


def render_decks(requests: list[DeckRequest], cache: Path | None = None) -> list[bytes]:
    """Each deck's PDF; pieces and merged decks found in the cache folder are not rendered again."""
    return start_decks(requests, cache)()


def start_decks(requests: list[DeckRequest], cache: Path | None = None) -> Callable[[], list[bytes]]:
    """`render_decks`, with the pieces not in the cache sent to the workers now; the returned call waits for them,
    joins the decks that changed and gives every deck's PDF."""
    keys = [[piece_key(html) for html in request.pieces] for request in requests]
    deck_keys = [hashlib.sha256("\0".join([PRODUCER, MERGE_CODE, repr(request.info), *piece_keys]).encode()).hexdigest()
                 for request, piece_keys in zip(requests, keys)]
    decks = {key: _read(cache, "decks", key) for key in deck_keys}
    wanted = {key: html for request, deck_key, piece_keys in zip(requests, deck_keys, keys) if decks[deck_key] is None
              for key, html in zip(piece_keys, request.pieces)}
    pieces = {key: _read(cache, "pieces", key) for key in wanted}
    missing = [key for key, pdf in pieces.items() if pdf is None]
    rendering = start_rendering([wanted[key] for key in missing])

    def finish() -> list[bytes]:
        for key, pdf in zip(missing, rendering()):
            pieces[key] = _write(cache, "pieces", key, pdf)
        stale = {deck_key: ([pieces[key] for key in piece_keys], request.info, cache)
                 for request, deck_key, piece_keys in zip(requests, deck_keys, keys) if decks[deck_key] is None}
        # Decks are joined on the workers too, one deck per worker.
        for deck_key, pdf in zip(stale, run_all(_merge, list(stale.values()))):
            decks[deck_key] = _write(cache, "decks", deck_key, pdf)
        if cache:
            sheets_of_cached_decks = {key for deck_key, piece_keys in zip(deck_keys, keys) if deck_key not in stale
                                      for key in piece_keys}
            for key in sheets_of_cached_decks:  # they stay for the deck's next edit
                _mark_used(cache / "pieces" / f"{key}.pdf")
            _forget_unused(cache)
        return [decks[deck_key] for deck_key in deck_keys]

    return finish


def _mark_used(path: Path) -> None:
    """Set the entry's modification time to now, so `_forget_unused` keeps it."""
    try:
        os.utime(path)
    except OSError:  # gone (rendered again when needed), or a cache this user may read but not change
        pass


def _forget_unused(cache: Path) -> None:
    """Delete pieces, decks and chunks not used for UNUSED_DAYS (by any project sharing the cache)."""
    oldest = time.time() - UNUSED_DAYS * 86400
    for folder in ("pieces", "decks", "chunks"):
        for path in (cache / folder).glob("*"):
            try:
                if path.stat().st_mtime < oldest:
                    path.unlink()
            except OSError:  # gone already (another build pruned it), or not ours to delete
                pass


def _merge(job: tuple[list[bytes], DeckInfo, Path | None]) -> bytes:
    from .merge import merge  # noqa: PLC0415 - pypdf is loaded only where decks are joined

    pieces, info, cache = job
    return merge(pieces, info, PRODUCER, cache)


def start_rendering(htmls: list[str]) -> Callable[[], list[bytes]]:
    """PDFs of independent documents, rendered on every core, started now; the returned call waits for them."""
    return start_all(to_pdf, htmls, per_task=PIECES_PER_TASK)


def _read(cache: Path | None, folder: str, key: str) -> bytes | None:
    """A cached PDF, marked as used now; None when it is not cached."""
    return None if cache is None else read_used(cache / folder / f"{key}.pdf")


def read_used(path: Path) -> bytes | None:
    """A cache entry, marked as used now; None when it is not cached."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    _mark_used(path)
    return data


def _write(cache: Path | None, folder: str, key: str, pdf: bytes) -> bytes:
    if cache:
        try:
            write_atomic(cache / folder / f"{key}.pdf", pdf)
        except OSError:  # a cache this user may read but not change: the PDF is simply made again next time
            pass
    return pdf
