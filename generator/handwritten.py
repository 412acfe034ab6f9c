"""Hand-written Markdown pages in content/pages: links resolved, markup checked like YAML content."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

from .diagnostics import Diagnostic
from .extract import LINK, parse_link
from .knowledge import KnowledgeBase
from .cards.pages import CARDS_FOLDER
from .educators import REPORT_PAGE
from .field_reference import FIELDS_PAGE
from .lint.images import image_problems
from .lint.safety_urgency import CODE as URGENCY_CODE, HINT as URGENCY_HINT, contradictions
from .lint.unclosed_link import CODE as UNCLOSED_CODE, HINT as UNCLOSED_HINT, unclosed_links
from .lint.unsafe_markup import unsafe_fragment
from .render.links import GLOSSARY_PAGE, REFERENCES_PAGE, Linker
from .render.pages import RULES_PAGE
from .schema import ENTITY_KINDS
from .validate import did_you_mean


PAGES_FOLDER = "pages"
"""Inside content/."""


def page_files(pages: Path) -> list[Path]:
    return sorted(pages.rglob("*.md")) if pages.is_dir() else []


_MD_LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*<?([^)\s>#]+\.md)(#[^)\s>]*)?")


def _known_pages(kb: KnowledgeBase, pages: Path) -> set[str]:
    """Every page a build generates (entities, indexes, shared pages, cards) plus the hand-written ones."""
    known = {path.relative_to(pages).as_posix() for path in page_files(pages)}
    known |= {ENTITY_KINDS[key[0]].url(key[1]) for key in kb.items if key[0] in ENTITY_KINDS}
    known |= {f"{kind.folder}/index.md" for kind in ENTITY_KINDS.values()}
    known |= {f"{CARDS_FOLDER}/{item.id}.md" for item in kb.of_kind("drill")} | {f"{CARDS_FOLDER}/index.md"}
    return known | {GLOSSARY_PAGE, REFERENCES_PAGE, RULES_PAGE, FIELDS_PAGE, REPORT_PAGE}


def _page_link_problems(rel: str, page: str, number: int, line: str, known: set[str]) -> list[Diagnostic]:
    found = []
    for match in _MD_LINK.finditer(line):
        if re.match(r"^(?:[a-z]+:|//)", match[1], re.IGNORECASE):
            continue
        target = posixpath.normpath(posixpath.join(posixpath.dirname(page), match[1]))
        if target not in known:
            found.append(Diagnostic.make(rel, (number, match.start(1) + 1), "content.broken-link",
                                         f"'{match[1]}' is not a page of the site",
                                         did_you_mean(target, known) or "link to a page with [[id]] instead"))
    return found


def check_pages(pages: Path, kb: KnowledgeBase) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    known = _known_pages(kb, pages)
    for path in page_files(pages):
        rel = path.relative_to(pages.parent.parent).as_posix()
        page = path.relative_to(pages).as_posix()
        linker = Linker(kb, page)
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            problems += _page_link_problems(rel, page, number, line, known)
            for offset, code, message, hint in image_problems(line, pages.parent, path.parent):
                problems.append(Diagnostic.make(rel, (number, offset + 1), code, message, hint))
            fragment = unsafe_fragment(line)
            if fragment:
                problems.append(Diagnostic.make(rel, (number, line.index(fragment) + 1), "content.unsafe-markup",
                                                f"'{fragment}' looks like raw HTML or a script link",
                                                "write Markdown and [[id]] links"))
        text = path.read_text(encoding="utf-8")  # links and sentences may run over several lines
        for match in LINK.finditer(text):
            link = parse_link(match[1], ())
            if link is None or (linker.resolve(link) is None and not _failed(kb, link.kind, link.target)):
                problems.append(Diagnostic.make(rel, _line_col(text, match.start()), "ref.unknown-id",
                                                f"'[[{match[1]}]]' does not match any page", None))
        for offset, message in unclosed_links(text):
            problems.append(Diagnostic.make(rel, _line_col(text, offset), UNCLOSED_CODE, message, UNCLOSED_HINT))
        for offset, message in contradictions(kb, text):
            problems.append(Diagnostic.make(rel, _line_col(text, offset), URGENCY_CODE, message, URGENCY_HINT))
    return problems


def _line_col(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _failed(kb: KnowledgeBase, kind: str | None, ident: str) -> bool:
    """The target exists but failed validation: its own file carries the real error."""
    kind = "injury" if kind == "flag" else kind  # a flag lives in its injury's file
    return any(key[1] == ident and kind in (None, key[0]) for key in kb.failed)


def render_handwritten(pages: Path, kb: KnowledgeBase) -> dict[str, str]:
    """{path in docs: Markdown with [[links]] resolved}; the text is trusted Markdown, not escaped."""
    out = {}
    for path in page_files(pages):
        rel = path.relative_to(pages).as_posix()
        linker = Linker(kb, rel)
        out[rel] = LINK.sub(lambda m: _resolve(linker, m[1]), path.read_text(encoding="utf-8"))
    return out


def _resolve(linker: Linker, raw: str) -> str:
    link = parse_link(raw, ())
    return (link and linker.resolve(link)) or f"[[{raw}]]"
