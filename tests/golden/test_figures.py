"""Golden SVGs: a few figures drawn from fixed pose data, reviewed like code.

Regenerate after an intended change with `STRIDE_UPDATE_GOLDENS=1 ./run test tests/golden` and look at the
diff and at the pictures (open the .svg files).
"""

import os
from pathlib import Path

import pytest
import yaml

from generator.figures.bodymap import body_map
from generator.figures.pictogram import render
from generator.schema.figure import Figure

EXPECTED = Path(__file__).parent / "expected" / "figures"

FIGURES = {
    "step-up-sequence": ("""
view: side
props: [{kind: step, under: right-foot}]
arrow: pelvis
positions:
  - {body: standing, base: left-foot, trunk: 10, left: {hip: 10}, right: {hip: 90, knee: 90, ankle: 10}}
  - {body: standing, base: right-foot, trunk: 5, right: {hip: 5}, left: {hip: 20, knee: 50}}
""", {"thigh"}),
    "glute-bridge-supine": ("""
view: side
arrow: pelvis
positions:
  - {body: supine, base: back, left: {hip: 45, knee: 80, ankle: -50}, right: {hip: 45, knee: 80, ankle: -50}}
  - {body: supine, base: shoulders, trunk: -30, neck: 30, left: {hip: 0, knee: 105, ankle: -15}, right: {hip: 0, knee: 105, ankle: -15}}
""", {"pelvis"}),
    "pelvic-drop-compare": ("""
view: back
layout: compare
positions:
  - {body: standing, base: left-foot, left: {hip: 10, knee: 15}, right: {hip: 30, knee: 70}}
  - {body: standing, base: left-foot, pelvis: 10, trunk_side: -4, left: {hip: 10, knee: 15, hip_abduction: -6}, right: {hip: 30, knee: 70}}
""", {"pelvis"}),
}


def drawn() -> dict[str, str]:
    out = {f"{name}.svg": render(Figure.model_validate(yaml.safe_load(src)), frozenset(emph)).svg
           for name, (src, emph) in FIGURES.items()}
    out["body-map-hip-side-calf.svg"] = body_map(["hip-side", "calf"]).svg
    return out


def test_every_figure_has_a_golden():
    if os.environ.get("STRIDE_UPDATE_GOLDENS"):
        EXPECTED.mkdir(parents=True, exist_ok=True)
        for name, svg in drawn().items():
            (EXPECTED / name).write_text(svg + "\n", encoding="utf-8")
    assert sorted(drawn()) == sorted(p.name for p in EXPECTED.glob("*.svg"))


@pytest.mark.parametrize("name", sorted(p.name for p in EXPECTED.glob("*.svg")))
def test_figure_matches_its_golden(name):
    assert drawn()[name] + "\n" == (EXPECTED / name).read_text(encoding="utf-8")
