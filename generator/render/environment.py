"""The Jinja environments for generated pages and cards: strict, and escaping every value by default.

Pages are Markdown, so a value printed with `{{ }}` is escaped for Markdown (raw HTML, attribute
lists and link syntax are neutralised) unless it is already `Markup`: the output of the page
helpers that render content (`page.md`, `page.link`, …) or of another template. The safe path is
the default path; a template cannot print a content string raw by forgetting a helper.
"""

from __future__ import annotations

import html
import json
from functools import cache
from pathlib import Path

import jinja2
from markupsafe import Markup

from .escape import md_escape


def _markdown_safe(value: object) -> object:
    if value is None or isinstance(value, (Markup, int, float, jinja2.Undefined)):
        return value
    return md_escape(str(value))


def front_matter(value: object) -> Markup:
    """A front-matter value: the engine prints titles and descriptions into HTML unescaped, so escape them here."""
    return Markup(json.dumps(html.escape(str(value), quote=False), ensure_ascii=False))


@cache
def environment(templates: Path) -> jinja2.Environment:
    """Templates ship with the package, so each is read and compiled once per process (no reload checks)."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        auto_reload=False,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        finalize=_markdown_safe,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
    )
    env.filters["front_matter"] = front_matter
    return env


@cache
def html_environment(templates: Path) -> jinja2.Environment:
    """For HTML output (cards): every value is escaped unless marked safe in the template."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(templates),
        auto_reload=False,
        undefined=jinja2.StrictUndefined,
        autoescape=True,
    )


def forget_templates() -> None:
    """Compile the templates again on next use: `stride serve` calls this when a template file changed."""
    environment.cache_clear()
    html_environment.cache_clear()
