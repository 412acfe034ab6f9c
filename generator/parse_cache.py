"""Parsed content files kept between runs: composing YAML with positions is the slow part of loading.

An entry holds what `loader.load_bytes` returned for one file (located data and diagnostics) with the hash of
the bytes it was made from, in a cache file named by the hash of the generator's own code and the libraries
that parse. An edited file or a changed generator therefore never reads an old entry; validation, linking and
linting run on every load. The cache is written by this program into the project's build folder and read back
with pickle, like any other build output; an unreadable cache or entry is parsed again.
"""

from __future__ import annotations

import hashlib
import pickle
import shutil
import sys
from functools import cache
from pathlib import Path

import pydantic
import yaml

from .diagnostics import Diagnostic
from .loader import Located, load_bytes
from .writer import write_atomic

PACKAGE = Path(__file__).resolve().parent

Parsed = tuple[Located | None, list[Diagnostic]]


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
        self.old: dict[str, tuple[bytes, bytes]] = self._read()
        self.new: dict[str, tuple[bytes, bytes]] = {}

    def _read(self) -> dict[str, tuple[bytes, bytes]]:
        try:
            entries = pickle.loads(self.file.read_bytes())
        except Exception:  # noqa: BLE001 - no cache yet, or a damaged one (a disk error): everything is parsed
            return {}
        return entries if isinstance(entries, dict) else {}

    def load(self, path: Path, rel: str) -> Parsed:
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).digest()
        old = self.old.get(rel)
        if old and old[0] == digest:
            try:
                parsed = pickle.loads(old[1])
                self.new[rel] = old
                return parsed
            except Exception:  # noqa: BLE001 - a damaged entry is parsed again
                pass
        parsed = load_bytes(raw, rel)
        self.new[rel] = (digest, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
        return parsed

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
