"""Knowledge bases of any size for benchmarks: project folders holding only content/ and mkdocs.yml."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STARTER = REPO / "tests" / "fixtures" / "starter" / "content"
CONTENT = REPO / "content"
ENTITY_FOLDERS = ("anatomy", "biomechanics", "injuries", "assessments", "drills", "communication", "lessons", "quizzes")


def drill_yaml(n: int) -> str:
    return f"""title: Practice drill {n}
summary: A synthetic drill for timing the generator.
purpose: Trains the side of the hip so the pelvis stays level.
level: beginner
dosage: {{sets: 3, reps: 10, each_side: true, frequency: 3 times a week, rest_s: 60,
  progress_when: Three sets feel easy., drop_back_if: Pain is worse the next morning., stop_if: Pain goes above 5 out of 10.}}
steps: [Lie on your side., Lift the top leg., Lower it slowly.]
cues: [Keep your hips stacked., Move slowly.]
common_errors: [{{error: Rolling back, fix: Keep the top hip forward.}}]
targets: [gluteus-medius]
addresses: [contralateral-pelvic-drop]
"""


def _project(root: Path) -> Path:
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root


def make_content(root: Path, drills: int) -> Path:
    """The starter slice plus `drills` synthetic drills (all linked to one muscle); returns the project root."""
    _project(root)
    shutil.copytree(STARTER, root / "content")
    for n in range(drills):
        (root / "content" / "drills" / f"practice-drill-{n}.yml").write_text(drill_yaml(n), encoding="utf-8")
    return root


def entity_files() -> list[Path]:
    return sorted(p for folder in ENTITY_FOLDERS for p in (CONTENT / folder).glob("*.yml"))


def make_curriculum(root: Path, copies: int) -> Path:
    """The real curriculum with its entity files copied `copies` times, links kept within each copy.

    Copy k renames every entity and quiz question id to `id-ck` in file names, typed fields and inline links, so each
    copy has the real link density. The glossary, references and hand-written pages are shared, as in a larger
    curriculum; an id that is also a glossary term keeps pointing at copy 0, so `key_terms` still finds the term.
    """
    _project(root)
    content = root / "content"
    shutil.copytree(CONTENT, content, ignore=shutil.ignore_patterns(*ENTITY_FOLDERS))
    files = entity_files()
    terms = set(re.findall(r"^- id: (\S+)", (CONTENT / "glossary.yml").read_text(encoding="utf-8"), re.MULTILINE))
    ids = {p.stem for p in files}
    questions = [p for p in files if p.parent.name in ("quizzes", "lessons")]  # question ids are unique site-wide
    ids |= {m for p in questions for m in re.findall(r"^\s*- id: (\S+)", p.read_text(encoding="utf-8"), re.MULTILINE)}
    alternatives = "|".join(map(re.escape, sorted(ids - terms, key=len, reverse=True)))
    pattern = re.compile(r"(?<![\w-])(" + alternatives + r")(?![\w-])(?!:\s)")  # ids, not YAML keys
    for k in range(copies):
        suffix = f"-c{k}" if k else ""
        for path in files:
            text = path.read_text(encoding="utf-8")
            target = content / path.parent.name / f"{path.stem}{suffix}.yml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(pattern.sub(lambda m, s=suffix: m[1] + s, text), encoding="utf-8")
    return root


def entities_per_copy() -> int:
    return len(entity_files())
