"""How typed answers are compared: the rules quiz.js applies in the browser, written once more for the key.

Both implementations run the same table of cases (tests/fixtures/answer_cases.json), so a student's
"80 %" and the key's "80%" meet in the middle on the site and in the build alike.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
_BEFORE_PERCENT = re.compile(r"\s+%")
_EDGE_PUNCTUATION = re.compile(r"^[\s\"'“”‘’.,;:!?]+|[\s\"'“”‘’.,;:!?]+$")
_NUMBER = re.compile(r"[-+]?(?:\d+(?:\.\d+)?|\.\d+)")
_THOUSANDS = re.compile(r"\b\d{1,3}(?:,\d{3})+\b(?![.,]\d)")
_TIME = re.compile(r"\d\s*:\s*\d")


def normalise_text(text: str) -> str:
    """Lower case, one space between words, no space before %, no punctuation or quotes at the ends."""
    text = unicodedata.normalize("NFKC", text).lower()
    text = _SPACES.sub(" ", text).strip()
    text = _BEFORE_PERCENT.sub("%", text)
    return _EDGE_PUNCTUATION.sub("", text)


def parse_number(text: str) -> float | None:
    """The one number in an answer ("about 168", "10 cm", "15,4 km", "1,200"), or None if there is none or several."""
    text = unicodedata.normalize("NFKC", text)
    if _TIME.search(text):
        return None
    text = _THOUSANDS.sub(lambda m: m[0].replace(",", ""), text).replace(",", ".")
    numbers = _NUMBER.findall(text)
    return float(numbers[0]) if len(numbers) == 1 else None
