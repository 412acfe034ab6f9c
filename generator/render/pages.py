"""Render every generated Markdown page: pure, from the linked knowledge base to {path: text}."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from itertools import groupby
from pathlib import Path

from jinja2 import Environment, Template

from markupsafe import Markup

from ..graph import Graph
from ..rules import RULES
from ..knowledge import Item
from ..plans.pages import runner_extra, table_extra
from ..schema import ENTITY_KINDS, Kind
from ..safety import cautions_for
from ..schema.injury import PROFESSIONAL_LABELS
from ..schema.urgency import BY_NAME, URGENCIES
from .dose import dose_rows
from .environment import environment
from .links import GLOSSARY_PAGE, REFERENCES_PAGE, cite_label, flag_anchor
from .order import lesson_order
from ..figures import figure_blocks
from .page import Page

RULES_PAGE = "rules.md"

SEARCH = {
    "injury": "  boost: 3", "biomechanics": "  boost: 3", "anatomy": "  boost: 2", "drill": "  boost: 2",
    "assessment": "  boost: 2", "communication": "  boost: 1.5", "lesson": "  boost: 1", "plan": "  boost: 1",
    "runner": "  boost: 1", "quiz": "  exclude: true",
}
"""Material's search settings per kind: the pages a student looks for rank first, quiz pages (answers) stay out.
Material shows front-matter tags only with its tags plugin, which this site does not use."""

_INTROS = {
    "anatomy": "The muscles, tendons, bones and joints that matter most to runners, grouped by body region.",
    "biomechanics": "Movement patterns you can see when a runner runs, why they matter and what to do about them.",
    "injury": "Common running injuries: what they look like, the red flags that stop training, whom to refer to "
    "and what a coach may do.",
    "assessment": "Tests a coach can run, with reference values and what the findings suggest.",
    "drill": "Exercises with a full dose, plain-language cues and easier or harder options. Each has a printable card.",
    "communication": "What to say, and how, to runners and to the care team.",
    "lesson": "Lessons in a suggested order: each builds on the ones before it.",
    "quiz": "Check yourself. Each quiz belongs to a lesson.",
    "plan": "Decision tables that turn a runner's assessment findings into a short, traced plan. Educators edit "
    "them in content/plans/; the plan builder and `stride plan` both follow them.",
    "runner": "Runner files taken from assessment to plan, each reason traced from finding to movement pattern to drill.",
}


def _group_key(kind: str, item: Item) -> str:
    if kind == "anatomy":
        return item.model.region.replace("-", " ").capitalize()
    if kind == "drill":
        return item.model.level.capitalize()
    return ""


def _groups(kind: Kind, items: list[Item]) -> list[tuple[str, list[Item]]]:
    if kind.name == "lesson":
        return [("", lesson_order(items))]
    grouped: dict[str, list[Item]] = {}
    for item in sorted(items, key=lambda i: i.title.lower()):
        grouped.setdefault(_group_key(kind.name, item), []).append(item)
    order = {"Beginner": 0, "Intermediate": 1, "Advanced": 2}
    return sorted(grouped.items(), key=lambda g: (order.get(g[0], 9), g[0]))


def _extra(item: Item, page: Page, quiz_html) -> dict:
    """Kind-specific values a template needs beyond the item itself."""
    m = item.model
    if item.kind == "drill":
        return {"dose": dose_rows(m.dosage) if m.dosage else [], "cautions": cautions_for(page.kb, item.key)}
    if item.kind == "injury":
        groups = [(u, [f for f in m.red_flags if f.urgency == u.name]) for u in URGENCIES]
        return {
            "professionals": PROFESSIONAL_LABELS,
            "urgency": BY_NAME,
            "flag_groups": [(u, flags) for u, flags in groups if flags],
            "flag_anchor": flag_anchor,
            "cautions": cautions_for(page.kb, item.key),
        }
    if item.kind == "lesson":
        quizzes = [page.item(k) for k in page.graph.incoming(item.key).get("quiz_for", [])]
        return {
            "prerequisites": page.links_by_id(m.prerequisites),
            "quizzes": [{"title": q.title, "html": quiz_html(q, page)} for q in quizzes],
        }
    if item.kind == "plan":
        return {**table_extra(item, page), "professionals": PROFESSIONAL_LABELS, "urgency": BY_NAME}
    if item.kind == "runner":
        return runner_extra(item, page)
    if item.kind == "quiz":
        return {"lesson": page.links_by_id([m.lesson])[0] if m.lesson else None, "quiz_html": quiz_html(item, page)}
    return {}


def _made_once(graph: Graph, quiz_html):
    """quiz_html, made once per quiz for its own page and the lesson page that embeds it.

    Links are relative, so the block is made for a page in a folder of no kind at the same depth: every link then
    names its folder ("../drills/x.md"), and reads the same from any page that deep."""
    made: dict[tuple, Markup] = {}

    def block(quiz: Item, page: Page) -> Markup:
        depth = page.path.count("/")
        if (quiz.key, depth) not in made:
            made[quiz.key, depth] = quiz_html(quiz, Page(graph, "/".join([*["_"] * depth, f"{quiz.id}.md"])))
        return made[quiz.key, depth]

    return block


@dataclass(frozen=True)
class Share:
    """Which pages one process renders when two share the work: those whose place in the page order, modulo
    `every`, is in `places`."""

    places: frozenset[int]
    every: int

    def takes(self, place: int) -> bool:
        return place % self.every in self.places


ALL_PAGES = Share(frozenset({0}), 1)


def render_pages(graph: Graph, templates: Path, quiz_html, share: Share = ALL_PAGES) -> dict[str, str]:
    """The generated pages as {relative path: Markdown}: all of them, or the `share` of one process."""
    return {path: _tidy(make()) for place, (path, make) in enumerate(_pages(graph, templates, quiz_html))
            if share.takes(place)}


def _pages(graph: Graph, templates: Path, quiz_html) -> Iterator[tuple[str, Callable[[], str]]]:
    """(path, its rendering, not yet done) for every generated page, always in the same order."""
    env = environment(templates)
    kb = graph.kb
    quiz_html = _made_once(graph, quiz_html)
    for kind in ENTITY_KINDS.values():
        items = kb.of_kind(kind.name)
        template = env.get_template(f"pages/{kind.name}.md.j2")
        for item in items:
            path = kind.url(item.id)
            yield path, partial(_entity_page, template, kind, item, Page(graph, path), quiz_html)
        index = f"{kind.folder}/index.md"
        yield index, partial(_index_page, env, kind, items, Page(graph, index))
    yield GLOSSARY_PAGE, partial(_glossary, env, graph)
    yield REFERENCES_PAGE, partial(_references, env, graph)
    yield RULES_PAGE, partial(_rules, env)


def _entity_page(template: Template, kind: Kind, item: Item, page: Page, quiz_html) -> str:
    text = template.render(item=item, m=item.model, page=page, **_extra(item, page, quiz_html),
                           **figure_blocks(item, page.kb))
    return text.replace("---\n", "---\n" + _search_meta(kind.name, item), 1)


def _index_page(env: Environment, kind: Kind, items: list[Item], page: Page) -> str:
    quizzes_of = {
        item.id: [k[1] for k in page.graph.incoming(item.key).get("quiz_for", [])] for item in items
    } if kind.name == "lesson" else {}
    return env.get_template("pages/index.md.j2").render(
        kind=kind, page=page, intro=_INTROS[kind.name], groups=_groups(kind, items), quizzes_of=quizzes_of
    )


def _glossary(env: Environment, graph: Graph) -> str:
    terms = sorted(graph.kb.of_kind("term"), key=lambda t: t.model.term.lower())
    return env.get_template("pages/glossary.md.j2").render(page=Page(graph, GLOSSARY_PAGE), letters=_by_letter(terms))


def _references(env: Environment, graph: Graph) -> str:
    references = sorted(graph.kb.of_kind("reference"), key=lambda r: (cite_label(r).lower(), r.id))
    return env.get_template("pages/references.md.j2").render(
        page=Page(graph, REFERENCES_PAGE), references=references, cite_labels={r.id: cite_label(r) for r in references}
    )


def _rules(env: Environment) -> str:
    return env.get_template("pages/rules.md.j2").render(rules=list(RULES.values()))


def _search_meta(kind: str, item: Item) -> str:
    """Front matter for Material's search: the kind's boost, and the title and "also called" names as
    (unshown) tags, which the index weighs above any text, so "shin splints" finds medial tibial stress
    syndrome first and "knee to wall" the knee-to-wall test."""
    names = [item.title, *getattr(item.model, "also_called", [])]
    return f"search:\n{SEARCH.get(kind, '  boost: 1')}\ntags: {json.dumps(names, ensure_ascii=False)}\n"


def _by_letter(terms: list[Item]) -> list[tuple[str, list[Item]]]:
    """Terms under their first letter (A–Z; anything else under '#'), for the glossary's jump bar."""
    def letter(term: Item) -> str:
        first = term.model.term[:1].upper()
        return first if "A" <= first <= "Z" else "#"

    return [(key, list(group)) for key, group in groupby(terms, key=letter)]


def _tidy(text: str) -> str:
    """Collapse the blank lines templates leave behind, so pages and goldens stay readable."""
    lines = [line.rstrip() for line in text.strip().splitlines()]
    tidy: list[str] = []
    for line in lines:
        if line or (tidy and tidy[-1]):
            tidy.append(line)
    return "\n".join(tidy) + "\n"
