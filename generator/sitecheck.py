"""Checks on a built site: every local link and anchor resolves; nothing is loaded from the network."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

_CSS_URL = re.compile(r"""(url\(\s*['"]?|@import\s+['"])(https?:)?//""", re.IGNORECASE)
"""A stylesheet's url() or @import that fetches from another host."""


@dataclass(frozen=True)
class Ref:
    tag: str
    attr: str
    url: str
    rel: str


class _Refs(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.refs: list[Ref] = []
        self.ids: set[str] = set()
        self.styles: list[str] = []
        """CSS written in the page: <style> blocks and style attributes."""
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        rel = dict(attrs).get("rel") or ""
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.refs.append(Ref(tag, name, value, rel))
            if name == "style" and value:
                self.styles.append(value)
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.styles.append(data)


def _parse(path: Path) -> _Refs:
    parser = _Refs()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def _target(site: Path, page: Path, url: str) -> Path:
    path = unquote(urlsplit(url).path)
    base = site if path.startswith("/") else page.parent
    target = (base / path.lstrip("/")).resolve() if path else page
    return target / "index.html" if target.is_dir() else target


def broken_links(site: Path) -> list[str]:
    """'page: url' for each local link whose file or #anchor does not exist, or that leaves the site."""
    parsed = {p: _parse(p) for p in site.rglob("*.html")}
    inside = site.resolve()
    problems = []
    for page, refs in parsed.items():
        for ref in refs.refs:
            parts = urlsplit(ref.url)
            if parts.scheme or ref.url.startswith("//") or not (parts.path or parts.fragment):
                continue
            target = _target(site, page, ref.url)
            if not target.is_relative_to(inside):
                problems.append(f"{page.relative_to(site)}: {ref.url} (outside the site)")
            elif not target.exists():
                problems.append(f"{page.relative_to(site)}: {ref.url}")
            elif parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                if unquote(parts.fragment) not in ids:
                    problems.append(f"{page.relative_to(site)}: {ref.url} (no such anchor)")
    return sorted(problems)


def external_requests(site: Path) -> list[str]:
    """Resources a browser would fetch from another host: scripts, styles, images, frames, fonts."""
    problems = []
    for page in site.rglob("*.html"):
        parsed = _parse(page)
        for ref in parsed.refs:
            fetched = ref.attr == "src" or (ref.tag == "link" and ref.attr == "href" and ref.rel != "canonical")
            if fetched and re.match(r"^(https?:)?//", ref.url):
                problems.append(f"{page.relative_to(site)}: {ref.url}")
        if any(_CSS_URL.search(css) for css in parsed.styles):
            problems.append(f"{page.relative_to(site)}: url() to another host in its own CSS")
    for sheet in site.rglob("*.css"):
        if _CSS_URL.search(sheet.read_text(encoding="utf-8", errors="replace")):
            problems.append(f"{sheet.relative_to(site)}: url() or @import from another host")
    return sorted(problems)
