"""Every relation between entities, declared once with its label and its inverse label.

A model field points at a relation with `Annotated[list[Id], rel(RELATION)]`, or with
`rel(RELATION, reverse=True)` when the field is written on the target's side (a drill's
`regressions` are the reverse of `progresses_to`). The graph normalises every edge to the
relation's own direction, so each link is stored once and shown on both pages.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Relation:
    name: str
    source: tuple[str, ...]
    target: tuple[str, ...]
    label: str
    inverse_label: str
    acyclic: bool = False


@dataclass(frozen=True)
class FieldRelation:
    """Marker placed on a model field: the field holds ids linked by `relation`."""

    relation: Relation
    reverse: bool = False

    def allowed_kinds(self) -> tuple[str, ...]:
        return self.relation.source if self.reverse else self.relation.target


TARGETS = Relation("targets", ("drill",), ("anatomy",), "Targets", "Drills that train this")
ADDRESSES = Relation(
    "addresses", ("drill",), ("biomechanics", "injury"), "Addresses", "Drills that help"
)
AVOID_WITH = Relation(
    "avoid_with", ("drill",), ("injury",), "Avoid with", "Drills to avoid"
)
MODIFY_WITH = Relation(
    "modify_with", ("drill",), ("injury",), "Modify with", "Drills to modify"
)
PROGRESSES_TO = Relation(
    "progresses_to", ("drill",), ("drill",), "Harder next step", "Easier option", acyclic=True
)
INVOLVES = Relation(
    "involves", ("biomechanics",), ("anatomy",), "Structures involved", "Movement patterns involving this"
)
LOADS = Relation(
    "loads", ("injury",), ("anatomy",), "Structures affected", "Injuries affecting this"
)
CONTRIBUTES_TO = Relation(
    "contributes_to", ("biomechanics",), ("injury",), "Linked injuries", "Movement patterns linked to this"
)
SCREENS_FOR = Relation(
    "screens_for",
    ("assessment",),
    ("biomechanics", "injury", "anatomy"),
    "Checks",
    "Assessments that check this",
)
SUGGESTS = Relation(
    "suggests", ("assessment",), ("biomechanics", "drill"), "Findings point to", "Assessment findings that point here"
)
ABOUT = Relation(
    "about",
    ("communication",),
    ("anatomy", "biomechanics", "injury", "assessment", "drill"),
    "About",
    "How to talk about it",
)
RELATED_INJURY = Relation(
    "related_injury", ("injury",), ("injury",), "Related conditions", "Related conditions"
)
PREREQUISITE = Relation(
    "prerequisite", ("lesson",), ("lesson",), "Before this lesson", "Lessons that build on this", acyclic=True
)
COVERS = Relation(
    "covers",
    ("lesson",),
    ("anatomy", "biomechanics", "injury", "assessment", "drill", "communication", "plan", "runner"),
    "Covered in this lesson",
    "Lessons that use this",
)
PRESCRIBES = Relation(
    "prescribes", ("plan",), ("drill",), "Drills it prescribes", "Plan rules that prescribe this"
)
TRACES = Relation(
    "traces", ("plan", "runner"), ("biomechanics", "injury"), "Points to", "Plan rules and worked plans that point here"
)
USES_SCRIPT = Relation(
    "uses_script", ("plan",), ("communication",), "Scripts plans use", "Plan rules that use this script"
)
CONTRAINDICATED = Relation(
    "contraindicated", ("plan",), ("injury",), "Left out with", "Plan rules left out with this"
)
QUIZ_FOR = Relation("quiz_for", ("quiz",), ("lesson",), "Quiz for", "Quizzes")
KEY_TERM = Relation("key_term", ("lesson", "anatomy", "biomechanics", "injury", "assessment", "drill", "communication"), ("term",), "Key terms", "Used by")
CITES = Relation(
    "cites",
    ("anatomy", "biomechanics", "injury", "assessment", "drill", "communication", "lesson", "quiz", "plan", "runner"),
    ("reference",),
    "Evidence",
    "Cited by",
)
MENTIONS = Relation(
    "mentions",
    ("term", "anatomy", "biomechanics", "injury", "assessment", "drill", "communication", "lesson", "quiz", "plan", "runner"),
    ("anatomy", "biomechanics", "injury", "assessment", "drill", "communication", "lesson", "quiz", "term", "plan", "runner"),
    "Mentioned here",
    "Mentioned on",
)

RELATIONS: tuple[Relation, ...] = (
    TARGETS,
    ADDRESSES,
    AVOID_WITH,
    MODIFY_WITH,
    PROGRESSES_TO,
    INVOLVES,
    LOADS,
    CONTRIBUTES_TO,
    SCREENS_FOR,
    SUGGESTS,
    ABOUT,
    RELATED_INJURY,
    PREREQUISITE,
    COVERS,
    PRESCRIBES,
    TRACES,
    USES_SCRIPT,
    CONTRAINDICATED,
    QUIZ_FOR,
    KEY_TERM,
    CITES,
    MENTIONS,
)


def rel(relation: Relation, reverse: bool = False) -> FieldRelation:
    return FieldRelation(relation, reverse)
