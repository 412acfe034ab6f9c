"""How urgently a runner must see someone: the levels, their words on the page, and the prose that states them.

The single registry of urgency. Pages take their labels from here, and the `safety.urgency-mismatch`
rule uses `phrases` to find prose that restates an urgency in its own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Urgency:
    name: str
    when: str
    """One or two words for a table column, e.g. 'Same day'."""
    label: str
    """The full instruction, shown as a heading or in a table."""
    short: str
    """A few words for running text, e.g. 'see someone today'."""
    phrases: tuple[str, ...]
    """Regular expressions for prose that states this urgency (matched case-insensitively)."""

    @property
    def rank(self) -> int:
        """0 is the most urgent."""
        return NAMES.index(self.name)


URGENCIES: tuple[Urgency, ...] = (
    Urgency(
        "emergency",
        "Now",
        "Now: call emergency services or go to the emergency department",
        "now: emergency care",
        (r"\bemergency services\b", r"\bemergency department\b", r"\bambulance\b", r"\bcall (?:999|911|112)\b"),
    ),
    Urgency(
        "same-day",
        "Same day",
        "Today: stop training and see a clinician the same day",
        "the same day",
        (r"\bsame[- ]day\b", r"\bwithin 24 hours\b",
         r"\b(?:see|seen|visit|check|checked|appointment|assessed)\b[^.;:]{0,40}\btoday\b"),
    ),
    Urgency(
        "within-days",
        "Within a few days",
        "Within a few days: stop the aggravating training and book an appointment",
        "within a few days",
        (r"\bwithin (?:a few |a couple of |two or three |2[-–]3 )?days\b", r"\bthis week\b",
         r"\b(?:the )?next day\b", r"\bwithin (?:a|one) day\b", r"\bwithin (?:a|one|the) week\b", r"\bin the next few days\b"),
    ),
    Urgency(
        "routine",
        "Routine",
        "Routine: book an appointment if it does not settle",
        "at a routine appointment",
        (r"\broutine appointment\b", r"\bwithin (?:a couple of|a few|two|2|a week or two|one or two) weeks\b",
         r"\bwithin a week or two\b", r"\bwhen (?:it is )?convenient\b"),
    ),
)

NAMES: tuple[str, ...] = tuple(u.name for u in URGENCIES)
BY_NAME: dict[str, Urgency] = {u.name: u for u in URGENCIES}
UrgencyName = Literal[NAMES]  # type: ignore[valid-type]

_PATTERNS = [(u, re.compile("|".join(u.phrases), re.IGNORECASE)) for u in URGENCIES]
_ANY = re.compile("|".join(phrase for u in URGENCIES for phrase in u.phrases), re.IGNORECASE)
"""Matches where any urgency's phrase does: one pass that spares most texts a pass per urgency."""


def stated_urgencies(text: str) -> list[tuple[Urgency, re.Match[str]]]:
    """Every urgency the text states in words, with where it says it."""
    if not _ANY.search(text):
        return []
    found = [(u, m) for u, pattern in _PATTERNS for m in pattern.finditer(text)]
    return sorted(found, key=lambda pair: pair[1].start())
