"""Tables generated from the knowledge base, placed in any text with `[[table:<name>]]`.

Summaries of safety facts are never written by hand: each row comes from an injury's data,
so a table cannot disagree with the injury page it summarises.
"""

from __future__ import annotations

from collections.abc import Callable

from ..schema.injury import PROFESSIONAL_LABELS
from ..schema.urgency import BY_NAME, NAMES
from .escape import table_cell


def red_flags(linker) -> str:
    """Every red flag of every injury, most urgent first: sign, condition, whom to see, what to do now."""
    rows = []
    for injury in linker.kb.of_kind("injury"):
        for flag in injury.model.red_flags:
            rows.append((NAMES.index(flag.urgency), injury.title.lower(), injury, flag))
    lines = ["| How urgently | Sign | Condition | Whom to see | What to do now |", "|---|---|---|---|---|"]
    for _, _, injury, flag in sorted(rows, key=lambda r: r[:2]):
        lines.append(
            f"| **{table_cell(BY_NAME[flag.urgency].when)}** | {table_cell(linker.flag_link(injury, flag))} "
            f"| {linker.link(injury.key)} "
            f"| {table_cell(PROFESSIONAL_LABELS[flag.refer_to])} | {table_cell(linker.markdown(flag.action))} |"
        )
    return "\n".join(lines)


TABLES: dict[str, Callable] = {"red-flags": red_flags}
"""Table name → function of the page's linker returning Markdown."""
