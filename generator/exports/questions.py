"""What every export reads: the questions in lesson order, their text as HTML or plain words, and what was left out."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import markdown as md

from ..graph import Graph
from ..knowledge import Item
from ..render.links import Linker
from ..render.order import lesson_order
from ..schema.quiz import QuestionBase, Scenario
from ..schema.relations import QUIZ_FOR


@dataclass(frozen=True)
class Question:
    """One answerable question; a scenario's parts carry the shared case."""

    id: str
    quiz: Item
    category: str
    model: QuestionBase
    case: str | None = None

    @property
    def type(self) -> str:
        return self.model.type


@dataclass(frozen=True)
class Skipped:
    id: str
    type: str
    quiz: str
    reason: str


@dataclass
class Exported:
    data: bytes
    count: int
    skipped: list[Skipped] = field(default_factory=list)


def questions(graph: Graph) -> list[Question]:
    """Every question, grouped by lesson in suggested order, then by quiz; unattached quizzes last."""
    kb = graph.kb
    found: list[Question] = []
    lessons = lesson_order(kb.of_kind("lesson"))
    attached = set()
    for lesson in lessons:
        for key in graph.incoming(lesson.key).get(QUIZ_FOR.name, []):
            attached.add(key)
            found += _of_quiz(kb.items[key], lesson.title)
    for quiz in kb.of_kind("quiz"):
        if quiz.key not in attached:
            found += _of_quiz(quiz, quiz.title)
    return found


def _of_quiz(quiz: Item, category: str) -> list[Question]:
    out: list[Question] = []
    for question in quiz.model.questions:
        if isinstance(question, Scenario):
            out += [Question(part.id, quiz, category, part, question.case) for part in question.questions]
        else:
            out.append(Question(question.id, quiz, category, question))
    return out


_RELATIVE_PAGE = re.compile(r'href="(?!https?:|#)([^"]+?)\.md(#[^"]*)?"')


class Texts:
    """Content text for another tool: HTML with links to the hosted site, or plain words."""

    def __init__(self, graph: Graph, site_url: str) -> None:
        self.linker = Linker(graph.kb, "index.md")
        self.site_url = site_url.rstrip("/") + "/" if site_url.strip("/") else ""

    def _absolute(self, match: re.Match[str]) -> str:
        page = match[1].removesuffix("index")
        return f'href="{self.site_url}{page}{"/" if page and not page.endswith("/") else ""}{match[2] or ""}"'

    def html(self, text: str | None) -> str:
        """Markdown to HTML: content escaped first (one mechanism with the site), links absolute or dropped."""
        if not text:
            return ""
        if not self.site_url:
            return md.markdown(self.linker.markdown(self.linker.plain(text)))
        return _RELATIVE_PAGE.sub(self._absolute, md.markdown(self.linker.markdown(text)))

    def plain(self, text: str | None) -> str:
        return " ".join(self.linker.plain(text).split()) if text else ""

    def stem_html(self, question: Question) -> str:
        case = f"{self.html(question.case)}" if question.case else ""
        return case + self.html(question.model.stem)

    def stem_plain(self, question: Question) -> str:
        return (self.plain(question.case) + " " if question.case else "") + self.plain(question.model.stem)


@dataclass(frozen=True)
class Source:
    """Everything an export reads."""

    graph: Graph
    questions: list[Question]
    texts: Texts


def source(graph: Graph, site_url: str) -> Source:
    return Source(graph, questions(graph), Texts(graph, site_url))
