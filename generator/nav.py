"""The site navigation, generated so lessons appear in suggested order and sections in reading order."""

from __future__ import annotations

import html

from .knowledge import KnowledgeBase
from .plans.pages import PLAN_PAGE
from .render.links import GLOSSARY_PAGE, REFERENCES_PAGE
from .render.order import lesson_order
from .schema import ENTITY_KINDS

SECTION_ORDER = ("lesson", "biomechanics", "anatomy", "injury", "assessment", "drill", "communication", "quiz",
                 "plan", "runner")
START_PAGES = (("How to use this site", "how-to-use.md"), ("Scope: what a coach may do", "scope.md"))
GENERATED_START = (("Content rules for educators", "rules.md"), ("Content fields for educators", "educators/fields.md"),
                   ("Curriculum report", "educators/report.md"))


def navigation(kb: KnowledgeBase, handwritten: set[str]) -> list:
    """The nav as MkDocs reads it; titles are HTML-escaped because the theme prints them as they are."""
    nav: list = [{"Home": "index.md"}] if "index.md" in handwritten else []
    start: list = [{title: path} for title, path in START_PAGES if path in handwritten]
    known = {"index.md", *(path for _, path in START_PAGES)}
    start += sorted(path for path in handwritten if path not in known)
    start += [{title: path} for title, path in GENERATED_START]
    nav.append({"Start here": start})
    for name in SECTION_ORDER:
        kind = ENTITY_KINDS[name]
        items = kb.of_kind(name)
        ordered = lesson_order(items) if name == "lesson" else sorted(items, key=lambda i: i.title.lower())
        pages = [f"{kind.folder}/index.md"] + [{html.escape(i.title, quote=False): kind.url(i.id)} for i in ordered]
        nav.append({kind.plural: pages})
    if kb.of_kind("plan"):
        nav.append({"Plan builder": PLAN_PAGE})
    nav.append({"Drill cards": "cards/index.md"})
    nav.append({"Glossary": GLOSSARY_PAGE})
    nav.append({"References": REFERENCES_PAGE})
    return nav
