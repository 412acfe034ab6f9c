"""Diagnostics are values: one sortable record per problem, and formatters for people and tools."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from .rules import Severity, severity_of


@dataclass(frozen=True, order=True)
class Diagnostic:
    path: str
    line: int
    col: int
    code: str
    message: str
    hint: str | None = None
    severity: Severity = field(default="error", compare=False)

    @classmethod
    def make(cls, path: str, pos: tuple[int, int], code: str, message: str, hint: str | None = None) -> Diagnostic:
        return cls(path, pos[0], pos[1], code, message, hint, severity_of(code))

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def promote_warnings(diagnostics: list[Diagnostic]) -> list[Diagnostic]:
    """`--strict`: every warning counts as an error."""
    return [Diagnostic(**{**asdict(d), "severity": "error"}) for d in diagnostics]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def summary_line(diagnostics: list[Diagnostic]) -> str:
    errors = sum(d.is_error for d in diagnostics)
    warnings = len(diagnostics) - errors
    files = len({d.path for d in diagnostics})
    if not diagnostics:
        return "no problems found"
    return f"{_plural(errors, 'error')}, {_plural(warnings, 'warning')} in {_plural(files, 'file')}"


def format_text(diagnostics: list[Diagnostic]) -> str:
    lines = []
    for d in sorted(diagnostics):
        lines.append(f"{d.path}:{d.line}:{d.col}: {d.severity}[{d.code}]: {d.message}")
        if d.hint:
            lines.append(f"  hint: {d.hint}")
    lines.append(summary_line(diagnostics))
    return "\n".join(lines)


def format_json(diagnostics: list[Diagnostic], extra: dict | None = None) -> str:
    errors = sum(d.is_error for d in diagnostics)
    payload = {
        "diagnostics": [asdict(d) for d in sorted(diagnostics)],
        "summary": {"errors": errors, "warnings": len(diagnostics) - errors, "text": summary_line(diagnostics)},
        **(extra or {}),
    }
    return json.dumps(payload, indent=2, ensure_ascii=False)
