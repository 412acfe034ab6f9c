"""Page paths and inline-link rewriting: `[[kind:id|text]]` becomes a relative Markdown link."""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from ..extract import LINK, parse_link
from ..knowledge import Item, Key, KnowledgeBase
from ..schema import ENTITY_KINDS

GLOSSARY_PAGE = "glossary.md"
REFERENCES_PAGE = "references.md"


def page_of(key: Key) -> str:
    """The generated Markdown file for an item (terms and references live on shared pages)."""
    kind, ident = key
    if kind == "term":
        return f"{GLOSSARY_PAGE}#{ident}"
    if kind == "reference":
        return f"{REFERENCES_PAGE}#{ident}"
    return ENTITY_KINDS[kind].url(ident)


@lru_cache(maxsize=None)
def _way(from_folder: str, to_folder: str) -> str:
    """The relative way between two docs folders ('' for the same one); few distinct pairs, so computed once each."""
    way = posixpath.relpath(to_folder or ".", from_folder or ".")
    return "" if way == "." else way + "/"


def relative(target: str, from_page: str) -> str:
    """posixpath.relpath for normalised docs paths, without its per-call cost (it was 15% of generation)."""
    path, _, anchor = target.partition("#")
    folder, _, name = path.rpartition("/")
    rel = _way(from_page.rpartition("/")[0], folder) + name
    return rel + (f"#{anchor}" if anchor else "")


_ESCAPES = str.maketrans({"<": "&lt;", ">": "&gt;", "{": "&#123;", "}": "&#125;"})


def escape(text: str) -> str:
    """Neutralise raw HTML and attribute lists (`{: onclick=...}`) while keeping Markdown."""
    return text.translate(_ESCAPES)


class Linker:
    """Resolves items for one page; links are relative to that page."""

    def __init__(self, kb: KnowledgeBase, page: str) -> None:
        self.kb = kb
        self.page = page

    def find(self, kind: str | None, ident: str) -> Item | None:
        kinds = (kind,) if kind else (*ENTITY_KINDS, "term")
        for k in kinds:
            if (k, ident) in self.kb.items:
                return self.kb.items[(k, ident)]
        return None

    def href(self, key: Key) -> str:
        return relative(page_of(key), self.page)

    def link(self, key: Key, text: str | None = None) -> str:
        item = self.kb.items[key]
        label = text or (cite_label(item) if item.kind == "reference" else item.title)
        return f"[{escape(label)}]({self.href(key)})"

    def plain(self, text: str) -> str:
        """The text as a reader sees it, for print: links become their words, Markdown marks go."""

        def words(match: re.Match[str]) -> str:
            link = parse_link(match[1], ())
            item = link and self.find(link.kind, link.target)
            if link and link.text:
                return link.text
            return (cite_label(item) if item.kind == "reference" else item.title) if item else match[1]

        return re.sub(r"\*\*|__|`", "", LINK.sub(words, text)).strip()

    def markdown(self, text: str) -> str:
        """Escape the text and turn every resolvable [[link]] into a Markdown link."""

        def replace(match: re.Match[str]) -> str:
            link = parse_link(match[1], ())
            item = link and self.find(link.kind, link.target)
            if item is None:
                return escape(match[0])
            return self.link(item.key, link.text)

        parts = []
        last = 0
        for match in LINK.finditer(text):
            parts.append(escape(text[last:match.start()]))
            parts.append(replace(match))
            last = match.end()
        parts.append(escape(text[last:]))
        return "".join(parts)


def cite_label(item: Item) -> str:
    """'Willy et al. 2019', 'Miller & Rollnick 2013', 'Slade 2016'."""
    names = [n for n in item.model.authors.split(", ") if n and n != "et al."]
    surnames = [n.split(" ")[0] for n in names]
    if "et al." in item.model.authors or len(surnames) > 2:
        who = f"{surnames[0]} et al."
    else:
        who = " & ".join(surnames)
    return f"{who} {item.model.year}"
