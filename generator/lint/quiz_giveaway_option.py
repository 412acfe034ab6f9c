"""quiz.giveaway-option: no "all of the above"-style options.

Options are shuffled on the page, so "above" points nowhere; and "all/none of these" or "both A and B"
let a student reason from the option set instead of the content.

The option must start with the giveaway: "keep all of them in mind" inside a sentence is fine.

Passes:   options: [Strength training, Stretching, Proprioception training]
Fails:    options: [Strength training, Stretching, All of the above]
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..diagnostics import Diagnostic
from .context import Context
from .quiz_bank import bank

CODE = "quiz.giveaway-option"
GIVEAWAY = re.compile(
    r"^\W*(?:all|none|both|neither|either)\s+of\s+(?:the\s+)?(?:above|below|these|those|them|the\s+(?:options|answers))\b"
    r"|^\W*(?:both|only)\s+(?-i:[A-E])\s+(?:and|or)\s+(?-i:[A-E])\b|^\W*(?-i:[A-E])\s+and\s+(?-i:[A-E])\s+only\b",
    re.IGNORECASE,
)


def check(ctx: Context) -> Iterator[Diagnostic]:
    for question_type in ("single", "multiple"):
        for a in bank(ctx, question_type):
            for i, option in enumerate(a.question.options):
                found = GIVEAWAY.search(option.text)
                if found:
                    yield Diagnostic.make(
                        a.item.path, a.pos("options", i, "text"), CODE,
                        f"question '{a.question.id}' has the option '{option.text}' ('{found[0]}')",
                        "write a real alternative instead; options are shuffled and each must stand on its own",
                    )
