"""Run the whole check on the starter slice with some files changed; keep one rule's findings."""

from generator.build import check_project
from tests.conftest import STARTER


def starter(rel: str) -> str:
    return (STARTER / rel).read_text(encoding="utf-8")


def findings(project, files: dict, code: str) -> list[tuple[str, int, int, str]]:
    return [(d.path, d.line, d.col, d.message) for d in check_project(project(files)).diagnostics if d.code == code]
