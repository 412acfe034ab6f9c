"""Page paths and inline-link rewriting: `[[kind:id|text]]` becomes a relative Markdown link.

Every string returned here is `Markup`: content text is escaped once (render/escape.py) and the
links are made from known ids, so templates print the result as it is.
"""

from __future__ import annotations

import posixpath
import re
from functools import lru_cache

from markupsafe import Markup

from ..extract import FLAG, LINK, TABLE, InlineLink, parse_link
from ..knowledge import Item, Key, KnowledgeBase
from ..memo import once_per
from ..schema import ENTITY_KINDS
from ..schema.injury import PROFESSIONAL_LABELS, RedFlag
from ..schema.urgency import BY_NAME
from .escape import md_escape, table_cell

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


def flag_anchor(flag_id: str) -> str:
    return f"flag-{flag_id}"


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


def referral_words(flag: RedFlag) -> str:
    """'see a sports physician the same day', or the emergency instruction: from the flag's data only."""
    if flag.urgency == "emergency":
        return BY_NAME["emergency"].short
    who = PROFESSIONAL_LABELS[flag.refer_to].lower()
    return f"see {'an' if who[0] in 'aeiou' else 'a'} {who} {BY_NAME[flag.urgency].short}"


def find_flag(injury: Item, flag_id: str) -> RedFlag | None:
    return next((f for f in injury.model.red_flags if f.id == flag_id), None)


@once_per
def _links_by_folder(kb: KnowledgeBase) -> dict[tuple[Key, str, str | None], Markup]:
    """Links already made, by (item, page folder, text): every page in one folder writes the same link to an item."""
    return {}


class Linker:
    """Resolves items for one page; links are relative to that page."""

    def __init__(self, kb: KnowledgeBase, page: str) -> None:
        self.kb = kb
        self.page = page
        self._folder = page.rpartition("/")[0]
        self._made = _links_by_folder(kb)

    def find(self, kind: str | None, ident: str) -> Item | None:
        kinds = (kind,) if kind else (*ENTITY_KINDS, "term")
        for k in kinds:
            if (k, ident) in self.kb.items:
                return self.kb.items[(k, ident)]
        return None

    def href(self, key: Key) -> str:
        return relative(page_of(key), self.page)

    def link(self, key: Key, text: str | None = None) -> Markup:
        made = self._made.get((key, self._folder, text))
        if made is None:
            item = self.kb.items[key]
            label = text or (cite_label(item) if item.kind == "reference" else item.title)
            made = self._made[key, self._folder, text] = Markup(f"[{table_cell(label)}]({self.href(key)})")
        return made

    def flag_link(self, injury: Item, flag: RedFlag, text: str | None = None) -> Markup:
        """The sign (or the given words), linked to its place in the injury's red-flag box."""
        label = text or flag.sign.rstrip(".")
        return Markup(f"[{table_cell(label)}]({self.href(injury.key)}#{flag_anchor(flag.id)})")

    def flag(self, injury: Item, flag: RedFlag, text: str | None = None) -> Markup:
        """The flag's link followed by its urgency and whom to see, both from the injury's data."""
        return Markup(f"{self.flag_link(injury, flag, text)}: **{md_escape(referral_words(flag))}**")

    def resolve(self, link: InlineLink) -> Markup | None:
        """The Markdown for a well-formed link, or None when it points at nothing."""
        if link.kind == TABLE:
            from .tables import TABLES  # noqa: PLC0415 - tables render through this linker

            make = TABLES.get(link.target)
            return Markup(f"\n\n{make(self)}\n\n") if make else None
        if link.kind == FLAG:
            injury = self.find("injury", link.target)
            flag = injury and find_flag(injury, link.part)
            return self.flag(injury, flag, link.text) if flag else None
        item = self.find(link.kind, link.target)
        return self.link(item.key, link.text) if item else None

    def plain(self, text: str) -> str:
        """The text as a reader sees it, for print: links become their words, Markdown marks go."""

        def words(match: re.Match[str]) -> str:
            link = parse_link(match[1], ())
            if link and link.kind == FLAG:
                injury = self.find("injury", link.target)
                flag = injury and find_flag(injury, link.part)
                return f"{link.text or flag.sign.rstrip('.')}: {referral_words(flag)}" if flag else match[1]
            if link and link.text:
                return link.text
            item = link and self.find(link.kind, link.target)
            return (cite_label(item) if item.kind == "reference" else item.title) if item else match[1]

        return re.sub(r"\*\*|(?<!_)__(?!_)|`", "", LINK.sub(words, text)).strip()  # a ____ blank stays

    def markdown(self, text: str) -> Markup:
        """Escape the text and turn every resolvable [[link]] into Markdown."""
        if "[[" not in text:  # most texts: no link to look for
            return md_escape(text)
        parts = []
        last = 0
        for match in LINK.finditer(text):
            parts.append(md_escape(text[last:match.start()]))
            link = parse_link(match[1], ())
            parts.append((link and self.resolve(link)) or md_escape(match[0]))
            last = match.end()
        parts.append(md_escape(text[last:]))
        return Markup("".join(parts))


def cite_label(item: Item) -> str:
    """'Willy et al. 2019', 'Miller & Rollnick 2013', 'Slade 2016'."""
    names = [n for n in item.model.authors.split(", ") if n and n != "et al."]
    surnames = [n.split(" ")[0] for n in names]
    if "et al." in item.model.authors or len(surnames) > 2:
        who = f"{surnames[0]} et al."
    else:
        who = " & ".join(surnames)
    return f"{who} {item.model.year}"
