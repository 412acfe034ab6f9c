"""The site navigation: a few sections shown as tabs, each reaching its pages through index pages.

The nav lists index pages only, never one entry per entity, so its size (which every page embeds)
does not grow with the curriculum. Entity pages are reached from their kind's index page; the
MkDocs hook (generator/mkdocs_tabs.py) files each of them under its section so the right tab is highlighted.
"""

from __future__ import annotations

from .knowledge import KnowledgeBase
from .plans.pages import PLAN_PAGE
from .render.links import GLOSSARY_PAGE, REFERENCES_PAGE
from .schema import ENTITY_KINDS

CARDS_FOLDER = "cards"
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("Learn", ("lesson", "quiz")),
    ("Body", ("anatomy",)),
    ("Movement", ("biomechanics", "assessment")),
    ("Injuries", ("injury",)),
    ("Drills", ("drill", "plan", "runner")),
    ("Talk", ("communication",)),
)
"""Tab title and the kinds whose index pages it holds, in reading order. Titles are fixed text, not content."""
START_PAGES = (("How to use this site", "how-to-use.md"), ("Scope: what a coach may do", "scope.md"))
REFERENCE_PAGES = (("Glossary", GLOSSARY_PAGE), ("References", REFERENCES_PAGE), ("Content rules for educators", "rules.md"),
                   ("Content fields for educators", "educators/fields.md"), ("Curriculum report", "educators/report.md"))


def section_of_folder() -> dict[str, str]:
    """{folder: tab title} for every folder whose pages sit under a tab without being listed in the nav."""
    folders = {ENTITY_KINDS[kind].folder: title for title, kinds in SECTIONS for kind in kinds}
    return {**folders, CARDS_FOLDER: "Cards", PLAN_PAGE.rsplit("/", 1)[0]: "Drills"}


def _index(kind: str) -> dict:
    found = ENTITY_KINDS[kind]
    return {found.plural: f"{found.folder}/index.md"}


def navigation(kb: KnowledgeBase, handwritten: set[str]) -> dict:
    """The `nav` and `not_in_nav` settings the engine adapter adds to the engine's config."""
    learn: list = ["index.md"] if "index.md" in handwritten else []
    learn += [{title: path} for title, path in START_PAGES if path in handwritten]
    known = {"index.md", *(path for _, path in START_PAGES)}
    learn += sorted(path for path in handwritten if path not in known)
    nav: list = []
    for title, kinds in SECTIONS:
        pages = [_index(kind) for kind in kinds]
        if title == "Learn":
            pages = learn + pages + [{name: path} for name, path in REFERENCE_PAGES]
        elif title == "Drills" and kb.of_kind("plan"):
            pages.insert(1, {"Plan builder": PLAN_PAGE})
        if len(pages) == 1:
            pages = [next(iter(pages[0].values()))]  # the tab opens the index page itself
        nav.append({title: pages})
    nav.append({"Cards": [f"{CARDS_FOLDER}/index.md"]})
    not_in_nav = "\n".join(f"/{folder}/*.md" for folder in sorted(section_of_folder())) + "\n"
    return {"nav": nav, "not_in_nav": not_in_nav}
