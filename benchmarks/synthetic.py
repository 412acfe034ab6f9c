"""A synthetic knowledge base of any size, built from the starter slice, for benchmarks."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STARTER = REPO / "tests" / "fixtures" / "starter" / "content"


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


def make_content(root: Path, drills: int) -> Path:
    """A project folder with the starter slice plus `drills` synthetic drills; returns the project root."""
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(STARTER, root / "content")
    for n in range(drills):
        (root / "content" / "drills" / f"practice-drill-{n}.yml").write_text(drill_yaml(n), encoding="utf-8")
    shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")
    return root
