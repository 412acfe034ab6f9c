"""The Jinja environment for generated pages and cards: strict, no autoescape (output is Markdown)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import jinja2


@cache
def environment(templates: Path) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # noqa: S701 - pages are Markdown; every content string passes through Page.md
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
    )


@cache
def html_environment(templates: Path) -> jinja2.Environment:
    """For HTML output (cards): every value is escaped unless marked safe in the template."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
    )
