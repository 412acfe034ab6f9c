"""`stride report`: the curriculum as a whole, with its gaps, from the link graph (no files written)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field

from pydantic import BaseModel

from .cards.workers import running, start_all
from .extract import texts
from .figures import unposed
from .graph import Graph
from .knowledge import Item
from .schema import ENTITY_KINDS
from .schema.quiz import answerable
from .schema.relations import ABOUT, ADDRESSES, CITES, COVERS, MENTIONS, QUIZ_FOR

MIN_QUESTIONS = 5
"""A lesson's quizzes should hold at least this many questions."""
TARGET_GRADE = 8.0
"""Runner-facing text above this US school grade (Flesch-Kincaid) is listed as hard to read."""
RUNNER_FACING: dict[str, tuple[str, ...]] = {
    "anatomy": ("plain",),
    "biomechanics": ("plain",),
    "injury": ("plain", "red_flags", "myths"),
    "drill": ("purpose", "steps", "cues", "common_errors", "precautions"),
    "communication": ("script", "teach_back"),
    "term": ("plain",),
}
"""Fields written for runners rather than students: their reading grade is measured."""

_LINK = re.compile(r"\[\[(?:[a-z]+:)?([a-z0-9-]+)(?:\|([^\]]*))?\]\]")
_MARKUP = re.compile(r"[*_`#>]+")


@dataclass(frozen=True)
class Readability:
    id: str
    kind: str
    path: str
    grade: float
    words: int


@dataclass
class Report:
    counts: dict[str, int]
    injuries_without_drills: list[str]
    """Emergency entries are left out: they rightly have no drills."""
    injuries_without_scripts: list[str]
    drills_in_no_lesson: list[str]
    lessons_without_quiz: list[str]
    lessons_with_few_questions: dict[str, int]
    question_types_per_lesson: dict[str, dict[str, int]]
    uncited_entities: list[str]
    references_cited_once: list[str]
    orphans: list[str]
    figures_missing: list[str]
    hard_to_read: list[Readability]
    median_grade: float
    min_questions: int = MIN_QUESTIONS
    target_grade: float = TARGET_GRADE
    not_measured: list[str] = field(default_factory=lambda: ["translations"])

    def to_dict(self) -> dict:
        return asdict(self)


def _plain(text: str) -> str:
    """Text as a reader meets it: links become their words, Markdown marks disappear."""
    words = _LINK.sub(lambda m: m[2] or m[1].replace("-", " "), text)
    return _MARKUP.sub("", words)


def _sentences(value: object) -> list[str]:
    """Every string under a field, each ended as a sentence so list items are not run together."""
    if isinstance(value, BaseModel):
        found = [text for text, _ in texts(value)]
    elif isinstance(value, list):
        found = [t for v in value for t in _sentences(v)]
    else:
        found = [value] if isinstance(value, str) else []
    return [s if s.rstrip().endswith((".", "?", "!")) else s.rstrip() + "." for s in found]


def _measure(text: str) -> tuple[float, int]:
    """(Flesch-Kincaid grade, words); textstat loads its pronouncing dictionary (seconds) on first use."""
    import textstat  # noqa: PLC0415 - only when a text is not in the cache

    return round(textstat.flesch_kincaid_grade(text), 1), textstat.lexicon_count(text)


def _runner_text(item: Item) -> tuple[str, str]:
    """(key in the grade cache, text): the item's runner-facing text, as its reading grade measures it."""
    parts = [s for name in RUNNER_FACING.get(item.kind, ()) for s in _sentences(getattr(item.model, name, None))]
    text = _plain(" ".join(parts))
    return hashlib.sha1(text.encode()).hexdigest(), text


def start_grading(graph: Graph, grades: dict[str, list]) -> Callable[[], None]:
    """Measure the runner-facing texts not in `grades`: on the PDF workers when a build has started them (loading
    textstat's dictionary takes seconds), else here; the returned call waits and adds them to `grades`."""
    texts = dict(_runner_text(item) for kind in RUNNER_FACING for item in graph.kb.of_kind(kind))
    new = {key: text for key, text in texts.items() if key not in grades}
    texts_to_measure = list(new.values())
    measuring = start_all(_measure, texts_to_measure) if running() else lambda: [_measure(t) for t in texts_to_measure]

    def finish() -> None:
        grades.update({key: list(measured) for key, measured in zip(new, measuring())})

    return finish


def _grade(item: Item, cache: dict[str, list]) -> Readability | None:
    key, text = _runner_text(item)
    if key not in cache:
        cache[key] = list(_measure(text))
    grade, words = cache[key]
    return Readability(item.id, item.kind, item.path, grade, words) if words >= 10 else None


def _incoming(graph: Graph, item: Item, relation: str, kinds: tuple[str, ...] | None = None) -> list:
    return [k for k in graph.incoming(item.key).get(relation, []) if kinds is None or k[0] in kinds]


def _outgoing(graph: Graph, item: Item, relation: str) -> list:
    return graph.outgoing(item.key).get(relation, [])


def curriculum_report(graph: Graph, min_questions: int = MIN_QUESTIONS, grades: dict[str, list] | None = None) -> Report:
    """The report; `grades` (text hash → [grade, words]) is a cache that is filled in as texts are measured."""
    kb = graph.kb
    cache = {} if grades is None else grades
    counts = {kind.plural.lower(): len(kb.of_kind(name)) for name, kind in ENTITY_KINDS.items()}
    counts["glossary terms"] = len(kb.of_kind("term"))
    counts["references"] = len(kb.of_kind("reference"))
    injuries = kb.of_kind("injury")
    lessons = kb.of_kind("lesson")

    def helps(injury: Item) -> bool:
        return bool(_incoming(graph, injury, ADDRESSES.name))

    taught = {key for lesson in lessons for rel in (COVERS.name, MENTIONS.name) for key in _outgoing(graph, lesson, rel)}
    types: dict[str, dict[str, int]] = {}
    few: dict[str, int] = {}
    without_quiz = []
    for lesson in lessons:
        quizzes = [kb.items[k] for k in _incoming(graph, lesson, QUIZ_FOR.name)]
        counted = Counter(q.type for quiz in quizzes for q, _ in answerable(quiz.model))
        types[lesson.id] = dict(sorted(counted.items()))
        if not quizzes:
            without_quiz.append(lesson.id)
        elif sum(counted.values()) < min_questions:
            few[lesson.id] = sum(counted.values())
    cited = Counter(target[1] for source, name, target in graph.edges if name == CITES.name)
    linked = {end for source, _, target in graph.edges if source[0] in ENTITY_KINDS and target[0] in ENTITY_KINDS
              for end in (source, target)}
    entities = [item for kind in ENTITY_KINDS for item in kb.of_kind(kind)]
    measured = [g for g in (_grade(item, cache) for kind in RUNNER_FACING for item in kb.of_kind(kind)) if g]
    ordered = sorted(g.grade for g in measured)
    return Report(
        counts=counts,
        injuries_without_drills=[i.id for i in injuries if not helps(i) and not i.model.emergency],
        injuries_without_scripts=[i.id for i in injuries if not _incoming(graph, i, ABOUT.name)],
        drills_in_no_lesson=[d.id for d in kb.of_kind("drill") if d.key not in taught],
        lessons_without_quiz=without_quiz,
        lessons_with_few_questions=few,
        question_types_per_lesson=types,
        uncited_entities=[f"{i.kind}/{i.id}" for i in entities if i.kind != "quiz" and not _outgoing(graph, i, CITES.name)],
        references_cited_once=sorted(ref for ref, n in cited.items() if n == 1),
        orphans=[f"{i.kind}/{i.id}" for i in entities if i.key not in linked],
        figures_missing=[f"{kind}/{ident}" for kind, ids in unposed(kb).items() for ident in ids],
        hard_to_read=sorted((g for g in measured if g.grade > TARGET_GRADE), key=lambda g: (-g.grade, g.kind, g.id)),
        median_grade=ordered[len(ordered) // 2] if ordered else 0.0,
        min_questions=min_questions,
    )


def _list(title: str, values: list[str] | dict) -> list[str]:
    if not values:
        return [f"{title}: none"]
    shown = [f"{k} ({v})" for k, v in values.items()] if isinstance(values, dict) else values
    return [f"{title} ({len(values)}):", *(f"  {v}" for v in shown)]


def format_report(report: Report) -> str:
    """The report for a terminal: one heading line per gap, then the ids."""
    lines = ["curriculum: " + " · ".join(f"{n} {what}" for what, n in report.counts.items())]
    lines += _list("injuries with no drill that helps", report.injuries_without_drills)
    lines += _list("injuries with no communication script", report.injuries_without_scripts)
    lines += _list("drills in no lesson", report.drills_in_no_lesson)
    lines += _list("lessons without a quiz", report.lessons_without_quiz)
    lines += _list(f"lessons with fewer than {report.min_questions} questions", report.lessons_with_few_questions)
    lines.append("question types per lesson:")
    for lesson, counted in report.question_types_per_lesson.items():
        lines.append(f"  {lesson}: " + (", ".join(f"{n} {t}" for t, n in counted.items()) or "no questions"))
    lines += _list("entities citing no reference", report.uncited_entities)
    lines += _list("references cited only once", report.references_cited_once)
    lines += _list("orphans (no links in or out)", report.orphans)
    lines += _list("without a figure yet", report.figures_missing)
    lines.append(f"reading grade of runner-facing text (Flesch-Kincaid): median {report.median_grade}; "
                 f"above grade {report.target_grade:g}:" + ("" if report.hard_to_read else " none"))
    lines += [f"  {g.grade:>5}  {g.kind}/{g.id} ({g.words} words)" for g in report.hard_to_read]
    lines.append(f"not measured yet (not in the content format): {', '.join(report.not_measured)}")
    return "\n".join(lines)
