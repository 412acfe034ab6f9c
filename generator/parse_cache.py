"""Parsed content files kept between runs: composing YAML with positions is the slow part of loading.

An entry holds what `loader.load_bytes` returned for one file (located data and diagnostics) with the hash of
the bytes it was made from, in a cache file named by the hash of the generator's own code and the libraries
that parse. An edited file or a changed generator therefore never reads an old entry; validation, linking and
linting run on every load. The cache is written by this program into the project's build folder and read back
with pickle, like any other build output; an unreadable cache or entry is parsed again.

When many files miss the cache (a first build, a new generator version), a forked copy of this process parses the
second half of them while this one parses and validates the first (side_process), and hands back its entries
pickled, the form the cache keeps them in anyway.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
import sys
from functools import cache, partial
from pathlib import Path

import pydantic
import yaml

from .diagnostics import Diagnostic
from .loader import Located, load_bytes
from .side_process import Pending
from .writer import write_atomic

PACKAGE = Path(__file__).resolve().parent

Parsed = tuple[Located | None, list[Diagnostic]]
Entry = tuple[bytes, bytes]
"""(hash of a file's bytes, its pickled Parsed)."""

SHARE_FROM = 100
"""Files to parse from which the second core takes half: below that, forking and sending the results back cost
more than parsing the files (about 0.6 ms each)."""


@cache
def code_version() -> str:
    """Hash of every module of the generator, the Python version and the YAML and pydantic versions."""
    digest = hashlib.sha256(f"{sys.version}\0{yaml.__version__}\0{yaml.__with_libyaml__}\0{pydantic.VERSION}".encode())
    for module in sorted(PACKAGE.rglob("*.py")):
        digest.update(b"\0" + module.relative_to(PACKAGE).as_posix().encode() + b"\0" + module.read_bytes())
    return digest.hexdigest()[:20]


class ParseCache:
    """Parsed files of one project, reused while the file and the generator are unchanged.

    One file holds every entry (opening thousands of small files cost more than parsing some of them): a dict
    of path → (hash of the file's bytes, pickled result), read once and written again only when it changed.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.file = folder / f"{code_version()}.pickle"
        self.old: dict[str, Entry] = self._read()
        self.new: dict[str, Entry] = {}
        self._read_ahead: dict[str, tuple[bytes, bytes]] = {}
        self._parsing: Pending[dict[str, Entry]] | None = None
        self._theirs: set[str] = set()
        self._parsed_there: dict[str, Entry] = {}

    def _read(self) -> dict[str, tuple[bytes, bytes]]:
        try:
            entries = pickle.loads(self.file.read_bytes())
        except Exception:  # noqa: BLE001 - no cache yet, or a damaged one (a disk error): everything is parsed
            return {}
        return entries if isinstance(entries, dict) else {}

    def prefetch(self, files: list[tuple[Path, str]]) -> None:
        """Read these files (path, rel) ahead of `load`, in that order, and when enough of them miss the cache
        start parsing the second half of the misses on the other core."""
        missing: list[tuple[bytes, bytes, str]] = []
        for path, rel in files:
            raw, digest = self._read_ahead[rel] = _bytes_and_digest(path)
            old = self.old.get(rel)
            if not (old and old[0] == digest):
                missing.append((raw, digest, rel))
        if len(missing) >= SHARE_FROM:
            theirs = _last_half(missing)  # loaded last: ready by the time the loop reaches them
            self._theirs = {rel for *_, rel in theirs}
            self._parsing = Pending(partial(_entries, theirs))

    def load(self, path: Path, rel: str) -> Parsed:
        raw, digest = self._read_ahead.pop(rel, None) or _bytes_and_digest(path)
        if rel in self._theirs and self._parsing is not None:
            self._parsed_there = self._parsing.result()
            self._parsing = None
        entry = self._parsed_there.get(rel) or self.old.get(rel)
        if entry and entry[0] == digest:
            try:
                parsed = pickle.loads(entry[1])
                self.new[rel] = entry
                return parsed
            except Exception:  # noqa: BLE001 - a damaged entry is parsed again
                pass
        parsed, self.new[rel] = _parsed(raw, digest, rel)
        return parsed

    def stop_prefetch(self) -> None:
        """Stop parsing on the other core (a load that ended early no longer needs it)."""
        if self._parsing is not None:
            self._parsing.cancel()
            self._parsing = None

    def save(self) -> None:
        """Keep the entries this load used (files removed since drop out) and remove other generators' caches.

        Written whole (a temporary file renamed into place); a cache that cannot be written is skipped.
        """
        if self.new == self.old and self.file.is_file():
            return
        try:
            write_atomic(self.file, pickle.dumps(self.new, protocol=pickle.HIGHEST_PROTOCOL))
            for other in self.folder.iterdir():
                if other != self.file:
                    shutil.rmtree(other, ignore_errors=True) if other.is_dir() else other.unlink(missing_ok=True)
        except OSError:
            pass
        self.old = self.new


def _bytes_and_digest(path: Path) -> tuple[bytes, bytes]:
    raw = path.read_bytes()
    return raw, hashlib.sha256(raw).digest()


def _last_half(files: list[tuple[bytes, bytes, str]]) -> list[tuple[bytes, bytes, str]]:
    """The last files (bytes, digest, rel) holding half of the bytes (parsing time follows size, and sizes differ by
    kind)."""
    left = sum(len(raw) for raw, *_ in files) // 2
    for start in range(len(files) - 1, 0, -1):
        left -= len(files[start][0])
        if left <= 0:
            return files[start:]
    return files[1:]


def _parsed(raw: bytes, digest: bytes, rel: str) -> tuple[Parsed, Entry]:
    """A file parsed, and the cache entry that keeps it."""
    parsed = load_bytes(raw, rel)
    return parsed, (digest, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))


def _entries(files: list[tuple[bytes, bytes, str]]) -> dict[str, Entry]:
    """Cache entries for these files (bytes, digest, rel), parsed."""
    return {rel: _parsed(raw, digest, rel)[1] for raw, digest, rel in files}
