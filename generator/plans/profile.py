"""Runner profiles: validate a coach's runner file like content, with positions and did-you-mean hints."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..knowledge import KnowledgeBase
from pathlib import Path

from ..loader import Located, load_file, parse_text
from ..schema.plan import Profile, RunnerExample
from ..validate import did_you_mean, validate


def finding_refs(kb: KnowledgeBase) -> dict[str, object]:
    """Every finding as '<assessment>/<finding>' → the finding."""
    return {f"{a.id}/{f.id}": f for a in kb.of_kind("assessment") for f in a.model.findings}


def flag_refs(kb: KnowledgeBase) -> set[str]:
    return {f"{i.id}/{f.id}" for i in kb.of_kind("injury") for f in i.model.red_flags}


def unknown_finding(rel: str, pos: tuple[int, int], ref: str, known: dict | set, what: str) -> Diagnostic:
    return Diagnostic.make(rel, pos, "plan.unknown-finding", f"'{ref}' is not a known {what}",
                           did_you_mean(ref, set(known)) or f"write '<{'injury' if what == 'red flag' else 'assessment'} id>/<id>'"
                           f" as listed on the {'injury' if what == 'red flag' else 'assessment'} page")


def reference_problems(kb: KnowledgeBase, profile: Profile, located: Located, rel: str) -> list[Diagnostic]:
    """Findings, red flags, measured values and the injury a profile names must exist."""
    findings = finding_refs(kb)
    flags = flag_refs(kb)
    problems = []
    for i, ref in enumerate(profile.findings):
        if ref not in findings:
            problems.append(unknown_finding(rel, located.pos(("findings", i)), ref, findings, "finding"))
    for i, ref in enumerate(profile.red_flags):
        if ref not in flags:
            problems.append(unknown_finding(rel, located.pos(("red_flags", i)), ref, flags, "red flag"))
    for ref in profile.measured:
        where = located.key_pos(("measured", ref))
        if ref not in findings:
            problems.append(unknown_finding(rel, where, ref, findings, "finding"))
        elif findings[ref].threshold is None:
            problems.append(Diagnostic.make(rel, where, "plan.no-threshold",
                                            f"'{ref}' has no cited threshold, so a measured value cannot decide it",
                                            f"tick it under `findings:` instead"))
    return problems


def injury_problem(kb: KnowledgeBase, profile: Profile, located: Located, rel: str) -> list[Diagnostic]:
    if profile.injury is None or ("injury", profile.injury.id) in kb.items:
        return []
    known = {i.id for i in kb.of_kind("injury")}
    return [Diagnostic.make(rel, located.pos(("injury", "id")), "ref.unknown-id",
                            f"'{profile.injury.id}' is not a known injury id", did_you_mean(profile.injury.id, known))]


def _checked(located: Located | None, problems: list[Diagnostic], rel: str,
             kb: KnowledgeBase) -> tuple[Profile | None, list[Diagnostic]]:
    if located is None:
        return None, problems
    # A worked example from content/plans/examples (with its title and summary) is a runner file too.
    model_type = RunnerExample if isinstance(located.data, dict) and "title" in located.data else Profile
    model, errors = validate(model_type, located, rel, "runner")
    problems = problems + errors
    if model is None:
        return None, problems
    problems += reference_problems(kb, model, located, rel) + injury_problem(kb, model, located, rel)
    return (None if any(p.is_error for p in problems) else model), problems


def load_profile(text: str, rel: str, kb: KnowledgeBase) -> tuple[Profile | None, list[Diagnostic]]:
    """A runner file's text (YAML, or the JSON the /plan/ page saves) → a valid profile, or every problem in it."""
    return _checked(*parse_text(text, rel), rel, kb)


def read_profile(path: Path, rel: str, kb: KnowledgeBase) -> tuple[Profile | None, list[Diagnostic]]:
    """The same for a file: size and encoding are checked as for content."""
    return _checked(*load_file(path, rel), rel, kb)


def profile_data(profile: Profile) -> dict:
    """The profile as the engine and the saved JSON hold it."""
    return profile.model_dump(mode="json", include=set(Profile.model_fields))
