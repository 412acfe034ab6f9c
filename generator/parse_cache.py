"""Parsed content files kept between runs: composing YAML with positions is the slow part of loading.

An entry holds what `loader.load_bytes` returned for one file (located data and diagnostics) and is named by
the hash of the file's path and bytes, under a folder named by the hash of the generator's own code and the
libraries that parse. An edited file or a changed generator therefore never reads an old entry; validation,
linking and linting run on every load. Entries are written by this program into the project's build folder
and read back with pickle, like any other build output; an unreadable entry is parsed again.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import shutil
import sys
import tempfile
from functools import cache
from pathlib import Path

import pydantic
import yaml

from .diagnostics import Diagnostic
from .loader import Located, load_bytes

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
    """Parsed files of one project, reused while the file and the generator are unchanged."""

    def __init__(self, folder: Path) -> None:
        self.root = folder
        self.folder = folder / code_version()
        self.used: set[str] = set()

    def load(self, path: Path, rel: str) -> Parsed:
        raw = path.read_bytes()
        name = hashlib.sha256(rel.encode() + b"\0" + raw).hexdigest() + ".pickle"
        self.used.add(name)
        entry = self.folder / name
        try:
            return pickle.loads(entry.read_bytes())
        except FileNotFoundError:
            pass
        except Exception:  # noqa: BLE001 - a damaged entry (a killed write, a disk error) is parsed again
            pass
        parsed = load_bytes(raw, rel)
        self._write(entry, pickle.dumps(parsed, protocol=pickle.HIGHEST_PROTOCOL))
        return parsed

    def _write(self, entry: Path, data: bytes) -> None:
        """Whole entries only (a temporary file renamed into place); a cache that cannot be written is skipped."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-")
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.replace(tmp, entry)
        except OSError:
            pass

    def prune(self) -> None:
        """Remove entries no file used in this load, and every folder left by other versions of the generator."""
        try:
            for old in self.root.iterdir():
                if old != self.folder:
                    shutil.rmtree(old, ignore_errors=True) if old.is_dir() else old.unlink(missing_ok=True)
            for entry in self.folder.iterdir():
                if entry.name not in self.used:
                    entry.unlink(missing_ok=True)
        except OSError:
            pass
