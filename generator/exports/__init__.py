"""Quiz, LMS and flash-card exports: each format is one module with `export(questions, text) -> Exported`."""

from __future__ import annotations

from types import ModuleType

from . import anki, gift, moodle, qti

FORMATS: dict[str, ModuleType] = {"moodle": moodle, "qti": qti, "gift": gift, "anki": anki}
"""Format name → module; each module declares SUFFIX (the file it writes) and DESCRIPTION."""
