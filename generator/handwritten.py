"""Hand-written Markdown pages in content/pages: links resolved, markup checked like YAML content."""

from __future__ import annotations

from pathlib import Path

from .diagnostics import Diagnostic
from .extract import LINK, parse_link
from .knowledge import KnowledgeBase
from .lint.safety_urgency import CODE as URGENCY_CODE, HINT as URGENCY_HINT, contradictions
from .lint.unsafe_markup import unsafe_fragment
from .render.links import Linker


def page_files(pages: Path) -> list[Path]:
    return sorted(pages.rglob("*.md")) if pages.is_dir() else []


def check_pages(pages: Path, kb: KnowledgeBase) -> list[Diagnostic]:
    problems: list[Diagnostic] = []
    for path in page_files(pages):
        rel = path.relative_to(pages.parent.parent).as_posix()
        linker = Linker(kb, path.relative_to(pages).as_posix())
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            fragment = unsafe_fragment(line)
            if fragment:
                problems.append(Diagnostic.make(rel, (number, line.index(fragment) + 1), "content.unsafe-markup",
                                                f"'{fragment}' looks like raw HTML or a script link",
                                                "write Markdown and [[id]] links"))
            for match in LINK.finditer(line):
                link = parse_link(match[1], ())
                if link is None or linker.resolve(link) is None:
                    problems.append(Diagnostic.make(rel, (number, match.start() + 1), "ref.unknown-id",
                                                    f"'[[{match[1]}]]' does not match any page", None))
        text = path.read_text(encoding="utf-8")
        for offset, message in contradictions(kb, text):
            line = text.count("\n", 0, offset) + 1
            col = offset - (text.rfind("\n", 0, offset) + 1) + 1
            problems.append(Diagnostic.make(rel, (line, col), URGENCY_CODE, message, URGENCY_HINT))
    return problems


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
