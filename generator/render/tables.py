"""Tables generated from the knowledge base, placed in any text with `[[table:<name>]]`.

Summaries of safety facts are never written by hand: each row comes from an injury's data,
so a table cannot disagree with the injury page it summarises.
"""

from __future__ import annotations

from collections.abc import Callable

from ..knowledge import KnowledgeBase
from ..memo import once_per
from ..schema.injury import PROFESSIONAL_LABELS
from ..schema.urgency import BY_NAME, NAMES
from .escape import table_cell


@once_per
def _flags_by_urgency(kb: KnowledgeBase) -> list[tuple]:
    """(injury, flag) for every red flag, most urgent first, then by condition."""
    rows = []
    for injury in kb.of_kind("injury"):
        for flag in injury.model.red_flags:
            rows.append((NAMES.index(flag.urgency), injury.title.lower(), injury, flag))
    return [(injury, flag) for _, _, injury, flag in sorted(rows, key=lambda r: r[:2])]


def red_flags(linker) -> str:
    """Every red flag of every injury, most urgent first: sign, condition, whom to see, what to do now.

    Its links are relative, so every page in one folder shows the same table: it is made once per folder.
    """
    made = _tables_by_folder(linker.kb)
    folder = linker.page.rpartition("/")[0]
    if folder not in made:
        made[folder] = _red_flags(linker)
    return made[folder]


@once_per
def _tables_by_folder(kb: KnowledgeBase) -> dict[str, str]:
    return {}


def _red_flags(linker) -> str:
    """The table, kept out of the search index: each flag is found on its injury page, and a table of every flag
    grows with the curriculum past what one search entry may hold (Zensical refuses one over 16,384 token positions)."""
    lines = ['<div class="stride-red-flags" data-search-exclude="true" markdown="1">', "",
             "| How urgently | Sign | Condition | Whom to see | What to do now |", "|---|---|---|---|---|"]
    for injury, flag in _flags_by_urgency(linker.kb):
        lines.append(
            f"| **{table_cell(BY_NAME[flag.urgency].when)}** | {table_cell(linker.flag_link(injury, flag))} "
            f"| {table_cell(linker.link(injury.key))} "
            f"| {table_cell(PROFESSIONAL_LABELS[flag.refer_to])} | {table_cell(linker.markdown(flag.action))} |"
        )
    return "\n".join([*lines, "", "</div>"])


TABLES: dict[str, Callable] = {"red-flags": red_flags}
"""Table name → function of the page's linker returning Markdown."""
