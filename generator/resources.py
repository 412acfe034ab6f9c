"""Files that ship inside the package (templates, theme overrides, site assets), found through importlib.resources.

In the repository they live in `templates/` and `site_overrides/`; packaging (setup.py) installs them as
`generator.templates` and `generator.site_overrides`, so an installed `stride` never reads a checkout.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def _folder(package: str) -> Path:
    # pip installs unpacked, so the traversable is a real folder that Jinja and the engines can read.
    return Path(str(files(package)))


def templates() -> Path:
    """Jinja templates for pages and cards."""
    return _folder("generator.templates")


def theme() -> Path:
    """The theme's custom_dir: partial overrides and the site's CSS, JS and vendored scripts."""
    return _folder("generator.site_overrides")


def asset(rel: str) -> Path:
    """A site asset by its path under the theme, e.g. 'css/cards.css' or 'js/plan-engine.js'."""
    return theme() / "assets" / rel


def card_css() -> Path:
    return asset("css/cards.css")
