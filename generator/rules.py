"""Every diagnostic code, its severity and a one-line description: the single registry.

The educators' reference page of rules is generated from this table, and `--strict`
promotes every warning listed here to an error.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: Severity
    description: str


_RULES = (
    # loading
    Rule("yaml.syntax", "error", "The file is not valid YAML."),
    Rule("yaml.duplicate-key", "error", "A key appears twice in the same mapping; the second would silently win."),
    Rule("yaml.encoding", "error", "The file is not valid UTF-8 text."),
    Rule("yaml.too-large", "error", "The file is larger than the size limit for one entity."),
    Rule("yaml.alias", "error", "The file uses more YAML anchors/aliases than allowed; write the text out."),
    Rule("yaml.empty", "error", "The file is empty."),
    Rule("yaml.not-mapping", "error", "The top level of the file must be a mapping of field names to values."),
    Rule("yaml.comment-cuts-text", "warning", "Unquoted text holds ' #', so YAML drops the rest of the line as a comment."),
    Rule("yaml.tag", "error", "Explicit YAML tags such as !!python/object are not allowed."),
    Rule("file.unknown-folder", "error", "A YAML file sits outside the known content folders."),
    # validation
    Rule("schema.unknown-field", "error", "A field name that the kind does not have (often a typo)."),
    Rule("schema.missing-field", "error", "A required field is missing."),
    Rule("schema.wrong-type", "error", "A value has the wrong type (e.g. text where a number is expected)."),
    Rule("schema.invalid-value", "error", "A value is outside what the field allows."),
    Rule("id.mismatch", "error", "The `id` field differs from the file name."),
    Rule("id.duplicate", "error", "The same id is used twice in the knowledge base."),
    # linking
    Rule("ref.unknown-id", "error", "A reference to an id that does not exist."),
    Rule("ref.wrong-kind", "error", "A reference to an id of a kind the field does not accept."),
    Rule("ref.bad-link", "error", "An inline [[...]] link is malformed."),
    Rule("ref.cycle", "error", "Lesson prerequisites or drill progressions form a loop."),
    Rule("ref.unclosed-link", "warning", "An inline link opened with [[ is not closed with ]]."),
    Rule("ref.self", "error", "An entity refers to itself."),
    # quality
    Rule("content.placeholder", "error", "A TODO: placeholder from `stride new` is still in the file."),
    Rule("content.unsafe-markup", "error", "Raw HTML or a script link in content; use Markdown and [[id]] links."),
    Rule("content.duplicate-title", "warning", "Two entities of the same kind share a title, so readers cannot tell them apart."),
    Rule("content.missing-image", "error", "An image path in content text points to no file."),
    Rule("content.external-image", "error", "An image is loaded from another site, which breaks the offline copy."),
    Rule("content.relative-link", "error", "Content text links to a file path instead of an [[id]] link."),
    Rule("content.broken-link", "error", "A link in a hand-written page points to a page that is not generated."),
    Rule("glossary.duplicate-term", "error", "The same term (or alias) is defined under two glossary ids."),
    Rule("safety.urgency-mismatch", "error", "Text states an urgency that contradicts the red flag or injury it cites."),
    Rule("safety.conflicting-drill-relation", "error", "A drill is listed as helping an injury it must avoid or modify."),
    Rule("safety.emergency-drills", "error", "An emergency entry lists drills, or has no emergency red flag."),
    Rule("injury.duplicate-flag-id", "error", "Two red flags of one injury share an id."),
    Rule("injury.missing-red-flags", "error", "An injury without red flags that stop training."),
    Rule("injury.missing-referral", "error", "An injury without referral guidance (to whom, how urgently)."),
    Rule("injury.missing-evidence", "error", "An injury with fewer than two citations."),
    Rule("drill.missing-dosage", "error", "A drill without a complete dosage (sets and reps/hold/time/distance, frequency)."),
    Rule("drill.missing-steps", "error", "A drill without numbered steps."),
    Rule("drill.missing-cues", "error", "A drill without plain-language coaching cues."),
    Rule("drill.progression-mismatch", "warning", "A drill lists a progression whose page does not list it back as a regression."),
    Rule("assessment.duplicate-finding-id", "error", "Two findings of one assessment share an id."),
    Rule("plan.unknown-finding", "error", "A decision table or runner file names a finding or red flag that does not exist."),
    Rule("plan.no-threshold", "error", "A runner file gives a measured value for a finding that has no cited threshold."),
    Rule("plan.contradiction", "error", "A plan rule prescribes a drill that its own pattern or contraindications rule out."),
    Rule("plan.unused-finding", "warning", "An assessment finding that no decision-table rule uses, so it never changes a plan."),
    Rule("plan.policy", "error", "The decision tables need exactly one `policy:` block (session cap, retest, scripts)."),
    Rule("quiz.correct-count", "error", "A question has the wrong number of correct options for its type."),
    Rule("quiz.duplicate-item", "error", "Matching or ordering items repeat, so the answer is ambiguous."),
    Rule("quiz.duplicate-question-id", "error", "Two questions share an id; saved progress would mix them."),
    Rule("quiz.blank-missing", "error", "A fill-in-the-blank stem has no ____ blank."),
    Rule("quiz.key-position", "warning", "Across the quiz bank, one option letter holds the right answer far more often than chance."),
    Rule("quiz.longest-key", "warning", "Across the quiz bank, the right option is too often the longest."),
    Rule("quiz.true-false-balance", "warning", "Across the quiz bank, true/false answers are nearly all true or nearly all false."),
    Rule("quiz.giveaway-option", "warning", "An option such as \"all of the above\" or \"both A and B\" that points at other options."),
    Rule("figure.impossible-pose", "error", "A figure's body goes through the ground or the prop it rests on."),
    Rule("media.missing-file", "error", "An image named in content is not in content/media/."),
    Rule("media.outside-content", "error", "An image path leaves content/media/ (e.g. with '..')."),
    Rule("media.unsupported-type", "error", "An image that is not PNG, JPEG, WebP or SVG."),
    Rule("media.too-large", "error", "An image file over the size limit."),
    Rule("media.unsafe-svg", "error", "An SVG image with a script, an event handler or an external reference."),
    Rule("card.too-long", "warning", "A drill's printed card has more text than fits on the card."),
    Rule("card.unavailable", "warning", "PDF decks could not be made (WeasyPrint or its Pango libraries are missing)."),
    Rule("site.build", "error", "MkDocs could not build the generated pages (a broken link or anchor)."),
    Rule("reference.uncited", "warning", "A reference that nothing cites."),
    Rule("orphan.unreferenced", "warning", "An entity that nothing links to, so readers cannot reach it by following links."),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


def severity_of(code: str) -> Severity:
    return RULES[code].severity
