"""`stride plan`: runner files are validated like content, and a valid one gives HTML and PDF with cards."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from generator.cli import main
from tests.conftest import make_project

RUNNER = """\
runner: Ana
event: distance
level: beginner
days_per_week: 2
minutes_per_session: 20
equipment: []
findings:
  - single-leg-squat-test/pelvis-drops
assessed_on: "2026-03-02"
"""


@pytest.fixture
def starter(tmp_path):
    return make_project(tmp_path / "project")


def run(starter, *args, cwd=None, monkeypatch=None) -> int:
    return main(["--project", str(starter.root), "plan", *map(str, args)])


def test_a_runner_file_gives_the_plan_and_note_as_html_and_pdf(starter, tmp_path, capsys):
    runner = tmp_path / "ana.yml"
    runner.write_text(RUNNER)
    assert run(starter, runner, "--output", tmp_path / "out") == 0
    out = tmp_path / "out"
    html = (out / "ana-plan.html").read_text()
    assert "Personal plan for Ana" in html
    assert "Single-leg squat test: The pelvis drops or the knee moves inward → Contralateral pelvic drop → Side-lying hip abduction" in html
    note = (out / "ana-care-note.html").read_text()
    assert "What the coach asks" in note and "Is there anything you would like changed?" in note
    text = "\n".join(page.extract_text() for page in PdfReader(out / "ana-plan.pdf").pages)
    assert "For Ana: 3 sets of 10 reps each side" in text  # the side-lying hip abduction card
    assert "For Ana: 2 sets of 12 reps each side" in text  # clamshell with the rule's dose change
    assert "plan for Ana: 2 drills" in capsys.readouterr().err


def test_without_output_the_files_go_to_the_current_folder(starter, tmp_path, monkeypatch):
    runner = tmp_path / "ana.yml"
    runner.write_text(RUNNER)
    here = tmp_path / "here"
    here.mkdir()
    monkeypatch.chdir(here)
    assert run(starter, runner) == 0
    assert sorted(p.name for p in here.iterdir()) == ["ana-care-note.html", "ana-care-note.pdf", "ana-plan.html", "ana-plan.pdf"]


def test_an_unknown_finding_is_a_positioned_error_with_did_you_mean(starter, tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "ana.yml").write_text(RUNNER.replace("pelvis-drops", "pelvis-drop").replace("event: distance", "event: distanse"))
    assert run(starter, "ana.yml") == 1
    err = capsys.readouterr().err
    assert "ana.yml:2:8: error[schema.invalid-value]: 'event' is the text 'distanse'; allowed: sprint, middle-distance, distance, trail" in err
    assert "  hint: did you mean 'distance'?" in err
    (tmp_path / "ana.yml").write_text(RUNNER.replace("pelvis-drops", "pelvis-drop"))
    assert run(starter, "ana.yml") == 1
    err = capsys.readouterr().err
    assert "ana.yml:8:5: error[plan.unknown-finding]: 'single-leg-squat-test/pelvis-drop' is not a known finding" in err
    assert "  hint: did you mean 'single-leg-squat-test/pelvis-drops'?" in err
    assert not (tmp_path / "ana-plan.html").exists()


def test_the_json_saved_by_the_plan_page_is_a_runner_file(starter, tmp_path):
    saved = tmp_path / "ana.json"
    saved.write_text('{"version": 1, "runner": "Ana", "event": "distance", "level": "beginner", "days_per_week": 2,'
                     ' "minutes_per_session": 20, "equipment": [], "pain": {"score": 0, "where": null}, "injury": null,'
                     ' "red_flags": [], "findings": ["single-leg-squat-test/pelvis-drops"], "measured": {},'
                     ' "assessed_on": "2026-03-02"}')
    assert run(starter, saved, "--output", tmp_path) == 0
    assert "Side-lying hip abduction" in (tmp_path / "ana-plan.html").read_text()


def test_a_missing_runner_file_is_a_usage_error(starter, tmp_path, capsys):
    assert run(starter, tmp_path / "nobody.yml") == 2
    assert "is not a file" in capsys.readouterr().err
