"""File writing at the edge: write only changed bytes, remove stale files, swap built sites atomically."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable


@dataclass
class WriteReport:
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0


def write_atomic(path: Path, data: bytes) -> None:
    """Write through a temporary file of this process renamed into place: a build killed mid-write, or another
    process writing the same file (parallel builds sharing a cache), never leaves a torn file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write atomically unless the file already holds exactly these bytes; True when written."""
    if path.is_file() and path.read_bytes() == data:
        return False
    write_atomic(path, data)
    return True


def read_json_cache(path: Path, entry_ok: Callable[[object], bool]) -> dict:
    """A build cache saved as one JSON object; a missing, unreadable or damaged file reads as empty, and an entry
    that fails `entry_ok` is left out (it is simply made again)."""
    try:
        saved = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(saved, dict):
        return {}
    return {key: value for key, value in saved.items() if entry_ok(value)}


def save_json_cache(path: Path, entries: dict) -> None:
    """Save a build cache; one that cannot be written (a read-only shared cache) is simply not saved."""
    try:
        write_if_changed(path, json.dumps(entries, sort_keys=True).encode())
    except OSError:
        pass


def sync_tree(target: Path, files: dict[str, bytes]) -> WriteReport:
    """Make `target` hold exactly `files`, touching only what differs (so `mkdocs serve` does not loop)."""
    report = WriteReport()
    target.mkdir(parents=True, exist_ok=True)
    for rel, data in sorted(files.items()):
        if write_if_changed(target / rel, data):
            report.written.append(rel)
        else:
            report.unchanged += 1
    for path in sorted(target.rglob("*"), reverse=True):
        rel = path.relative_to(target).as_posix()
        if path.is_file() and rel not in files:
            path.unlink()
            report.removed.append(rel)
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return report


def _old(final: Path) -> Path:
    return final.with_name(final.name + ".old")


def recover(final: Path) -> None:
    """Put back the last good site if a build was killed between the two renames of `swap_in`."""
    old = _old(final)
    if old.is_dir() and not final.exists():
        os.replace(old, final)


def swap_in(new: Path, final: Path) -> None:
    """Replace `final` with the finished directory `new`; the old one survives until the new one is complete."""
    old = _old(final)
    if old.exists():
        shutil.rmtree(old)
    if final.exists():
        os.replace(final, old)
    os.replace(new, final)
    if old.exists():
        shutil.rmtree(old)
