"""The content format: one model per kind, and where each kind lives on disk and on the site."""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import BaseModel

from .anatomy import Anatomy
from .assessment import Assessment
from .biomechanics import Biomechanics
from .communication import Communication
from .drill import Drill
from .glossary import Glossary, References
from .injury import Injury
from .lesson import Lesson
from .plan import DecisionTable, RunnerExample
from .quiz import Quiz


@dataclass(frozen=True)
class Kind:
    name: str
    folder: str
    model: type[BaseModel]
    label: str
    plural: str

    def url(self, entity_id: str) -> str:
        return f"{self.folder}/{entity_id}.md"


ENTITY_KINDS: dict[str, Kind] = {
    k.name: k
    for k in (
        Kind("anatomy", "anatomy", Anatomy, "Anatomy", "Anatomy"),
        Kind("biomechanics", "biomechanics", Biomechanics, "Movement pattern", "Biomechanics"),
        Kind("injury", "injuries", Injury, "Injury", "Injuries"),
        Kind("assessment", "assessments", Assessment, "Assessment", "Assessments"),
        Kind("drill", "drills", Drill, "Drill", "Drills"),
        Kind("communication", "communication", Communication, "Communication script", "Communication"),
        Kind("lesson", "lessons", Lesson, "Lesson", "Lessons"),
        Kind("quiz", "quizzes", Quiz, "Quiz", "Quizzes"),
        Kind("plan", "plans", DecisionTable, "Decision table", "Decision tables"),
        Kind("runner", "plans/examples", RunnerExample, "Worked plan", "Worked plans"),
    )
}
KIND_BY_FOLDER: dict[str, Kind] = {k.folder: k for k in ENTITY_KINDS.values()}

GLOSSARY_FILE = "glossary.yml"
REFERENCES_FILE = "references.yml"
SINGLE_FILES: dict[str, type[BaseModel]] = {GLOSSARY_FILE: Glossary, REFERENCES_FILE: References}

ALL_KINDS: tuple[str, ...] = (*ENTITY_KINDS, "term", "reference")
