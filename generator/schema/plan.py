"""Plans: decision tables (assessment finding → drills) and runner profiles, the input a plan is made from."""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import Field

from . import relations as r
from .common import Entity, Id, Strict, Text
from .drill import Level
from .injury import Referral

FINDING_REF = r"^[a-z0-9]+(-[a-z0-9]+)*/[a-z0-9]+(-[a-z0-9]+)*$"
"""'<assessment id>/<finding id>', or '<injury id>/<red flag id>' for red flags."""

Event = Literal["sprint", "middle-distance", "distance", "trail"]
EquipmentKind = Literal["band", "step", "weights"]
EQUIPMENT: tuple[str, ...] = get_args(EquipmentKind)
"""Equipment a runner can tick; 'none' (or nothing) means none of these."""
Equipment = Literal["none", EquipmentKind]
FORMAT_VERSION = 1
"""Version of the runner file and of the plan JSON saved by the /plan/ page."""



FindingRef = Annotated[str, Field(pattern=FINDING_REF)]


class DoseChange(Strict):
    """Changes to the drill's own dosage for this rule; everything else stays as the drill page says."""

    sets: int | None = Field(None, ge=1, le=20, description="Number of sets, instead of the drill's.")
    reps: int | None = Field(None, ge=1, le=200, description="Repetitions per set, instead of the drill's.")
    hold_s: int | None = Field(None, ge=1, le=600, description="Hold per repetition in seconds, instead of the drill's.")
    duration_s: int | None = Field(None, ge=1, le=7200, description="Duration per set in seconds, instead of the drill's.")
    distance_m: int | None = Field(None, ge=1, le=10000, description="Distance per set in metres, instead of the drill's.")


class Choice(Strict):
    drill: Annotated[Id, r.rel(r.PRESCRIBES)] = Field(description="Drill id.")
    priority: int = Field(ge=1, le=9, description="1 comes first; the session cap drops the highest numbers.")
    dose: DoseChange | None = Field(None, description="Optional changes to the drill's dosage.")


class Rule(Strict):
    id: Id = Field(description="Stable id within the table.")
    when: list[FindingRef] = Field(min_length=1, description="Finding ids ('<assessment>/<finding>'); any one fires the rule.")
    pattern: Annotated[Id | None, r.rel(r.TRACES)] = Field(
        None, description="The movement pattern or injury the findings point to, shown in the traced reason."
    )
    events: list[Event] = Field(default_factory=list, description="Only for these events; empty means every event.")
    drills: list[Choice] = Field(default_factory=list, description="Drills with priority and dose changes.")
    refer_flags: list[FindingRef] = Field(
        default_factory=list, description="Red flags ('<injury>/<flag id>') the findings may signal: refer first, no drills."
    )
    refer_to: Referral | None = Field(
        None, description="For a symptom that is no injury's red flag: whom to see and how urgently; refer first."
    )
    not_with: Annotated[list[Id], r.rel(r.CONTRAINDICATED)] = Field(
        default_factory=list, description="Injury ids: with one of these the rule is left out and the reason shown."
    )
    advice: Text | None = Field(None, description="One plain sentence added to the plan, e.g. low-impact conditioning.")
    retest_weeks: int | None = Field(None, ge=2, le=12, description="Weeks to the retest, when not the policy's.")
    evidence: Annotated[list[Id], r.rel(r.CITES)] = Field(
        default_factory=list, description="Reference ids that support this rule."
    )


class PainReferral(Referral):
    from_score: int = Field(ge=1, le=10, description="Current pain at or above this score means refer first.")


class Policy(Strict):
    """Choices that hold for every plan; exactly one decision table carries them."""

    max_drills: int = Field(ge=1, le=8, description="Most drills in one session.")
    retest_weeks: int = Field(ge=2, le=12, description="Weeks from the assessment to the retest.")
    max_sessions: int = Field(ge=1, le=7, description="Most extra sessions a week, whatever the days available.")
    warm_up: Annotated[Id, r.rel(r.PRESCRIBES)] = Field(description="Drill id of the warm-up.")
    referral_script: Annotated[Id, r.rel(r.USES_SCRIPT)] = Field(description="Communication id used when the plan refers first.")
    note_script: Annotated[Id, r.rel(r.USES_SCRIPT)] = Field(description="Communication id the care-team note follows.")
    pain_referral: PainReferral = Field(description="Whom to refer to, and how urgently, from which pain score.")
    seconds_per_rep: int = Field(ge=1, le=20, description="For the session time: seconds one repetition takes.")
    rest_s: int = Field(ge=0, le=300, description="Rest between sets when the drill gives none.")
    equipment_words: dict[EquipmentKind, list[Text]] = Field(
        description="Words in a drill's equipment that mean it needs a band, a step or weights."
    )
    note_questions: list[Text] = Field(min_length=1, description="What the coach asks the clinician, in the note.")


class DecisionTable(Entity):
    policy: Policy | None = Field(None, description="Choices for every plan; exactly one decision table has them.")
    rules: list[Rule] = Field(min_length=1, description="Finding → drills rules, each with its reason and evidence.")


class Pain(Strict):
    score: int = Field(ge=0, le=10, description="Current pain, 0–10.")
    where: Text | None = Field(None, description="Where it hurts, in the runner's words.")


class CurrentInjury(Strict):
    id: Annotated[Id, r.rel(r.TRACES)] = Field(description="Injury id.")
    under_care: bool = Field(False, description="true when a clinician already manages it; otherwise refer first.")


class Profile(Strict):
    """What a coach enters about one runner: the profile and the assessment findings."""

    version: Literal[FORMAT_VERSION] = Field(  # type: ignore[valid-type]
        FORMAT_VERSION, description="Format version; files saved by older versions still load."
    )
    runner: Text = Field(description="The runner's name (printed on the plan and the cards).")
    event: Event = Field(description="The runner's main event.")
    level: Level = Field(description="The runner's training level.")
    days_per_week: int = Field(ge=1, le=7, description="Days a week the runner can train.")
    minutes_per_session: int = Field(ge=5, le=120, description="Minutes available for drills in one session.")
    equipment: list[Equipment] = Field(default_factory=list, description="band, step, weights; empty or 'none' for none.")
    pain: Pain = Field(default_factory=lambda: Pain(score=0), description="Current pain and where.")
    injury: CurrentInjury | None = Field(None, description="A current injury, if any.")
    red_flags: list[FindingRef] = Field(default_factory=list, description="Red flags seen: '<injury>/<flag id>'.")
    findings: list[FindingRef] = Field(default_factory=list, description="Findings ticked: '<assessment>/<finding>'.")
    measured: dict[str, float] = Field(
        default_factory=dict, description="Measured values for findings with a threshold: '<assessment>/<finding>': value."
    )
    assessed_on: Annotated[str, Field(pattern=r"^\d{4}-\d{2}-\d{2}$")] = Field(description="Date of the assessment, YYYY-MM-DD.")


class RunnerExample(Profile, Entity):
    """A worked example: a runner file with a title and summary, shown on the site."""
