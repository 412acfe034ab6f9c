"""Shared helpers: project folders holding only content/ and mkdocs.yml, as a user's would."""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest

from generator.project import CACHE_ENV, Project

REPO = Path(__file__).resolve().parents[1]
STARTER = Path(__file__).parent / "fixtures" / "starter" / "content"

# Every test project (and every `stride` the tests start) shares one card cache that survives between runs:
# decks are keyed by the hash of their HTML, so a cached PDF is exactly the one that would be rendered.
os.environ.setdefault(CACHE_ENV, str(REPO / ".pytest_cache" / "stride"))


def make_project(root: Path, files: dict[str, str] | None = None, starter: bool = True) -> Project:
    """A project whose content is the starter slice plus `files` (path → YAML; None deletes)."""
    content = root / "content"
    if starter:
        shutil.copytree(STARTER, content)
    content.mkdir(parents=True, exist_ok=True)
    for rel, text in (files or {}).items():
        path = content / rel
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    if not (root / "mkdocs.yml").exists():
        shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")  # templates, theme and code come from the package
    return Project(root)


@pytest.fixture
def project(tmp_path: Path):
    """Factory: project(files) → a Project in a fresh temporary folder."""
    counter = iter(range(1000))

    def factory(files: dict[str, str] | None = None, starter: bool = True) -> Project:
        return make_project(tmp_path / f"p{next(counter)}", files, starter)

    return factory


@pytest.fixture(scope="session")
def shipped(tmp_path_factory):
    """The shipped knowledge base, checked and built once into a temporary project."""
    from generator.build import build_site

    root = tmp_path_factory.mktemp("shipped") / "project"
    root.mkdir()
    shutil.copytree(REPO / "content", root / "content")
    project = make_project(root, starter=False)
    generated, problems = build_site(project)
    return project, generated, problems
