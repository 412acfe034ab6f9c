"""Where things live in a Stride project: declared once, derived everywhere else."""

from __future__ import annotations

from dataclasses import dataclass
import os
from pathlib import Path

from . import resources
from .handwritten import PAGES_FOLDER

CACHE_ENV = "STRIDE_CACHE_DIR"


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def pages(self) -> Path:
        """Hand-written Markdown pages (home, how to use, scope)."""
        return self.content / PAGES_FOLDER

    @property
    def templates(self) -> Path:
        """Page and card templates: they ship with the package, a project folder does not hold them."""
        return resources.templates()

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"

    @property
    def build(self) -> Path:
        return self.root / "build"

    @property
    def docs(self) -> Path:
        """The generated MkDocs docs_dir (git-ignored)."""
        return self.build / "docs"

    def engine_config(self, engine: str) -> Path:
        """The config handed to the site engine: mkdocs.yml plus the generated nav, docs_dir and theme."""
        return self.build / f"{engine}.yml"

    @property
    def parse_cache(self) -> Path:
        """Content files as parsed by earlier runs (generator/parse_cache.py)."""
        return self.build / "cache" / "parsed"

    @property
    def shared_cache(self) -> Path:
        """Results keyed by the hash of what they were made from, so any project may reuse them: rendered card
        sheets, card fit checks, QR codes, reading grades. STRIDE_CACHE_DIR moves it (CI, tests, several projects)."""
        shared = os.environ.get(CACHE_ENV)
        return Path(shared) if shared else self.build / "cache"

    @property
    def card_cache(self) -> Path:
        return self.shared_cache / "cards"

    @property
    def grade_cache(self) -> Path:
        """Reading grades by text hash, so a build loads textstat's dictionary only for new text."""
        return self.shared_cache / "reading-grades.json"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def site_offline(self) -> Path:
        """The copy that opens from the file system (stride build --offline)."""
        return self.root / "site-offline"


def find_project(start: Path) -> Project | None:
    """The nearest folder at or above `start` that has both mkdocs.yml and content/."""
    for folder in (start, *start.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "content").is_dir():
            return Project(folder)
    return None
