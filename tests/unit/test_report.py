"""`stride report`: counts and gaps read off the link graph, and the reading grade of runner-facing text."""

import json

from generator import pipeline
from generator.build import check_project
from generator.report import curriculum_report, format_report
from tests.conftest import STARTER, stride
from tests.lint.helpers import starter

LONELY_DRILL = """
title: Wall sit
summary: Builds quadriceps endurance.
purpose: Builds endurance in the front of the thigh.
level: beginner
dosage: {sets: 2, hold_s: 30, frequency: 3 times a week}
steps: [Lean on a wall., Slide down until the knees are bent.]
cues: [Press your back into the wall.]
targets: [gluteus-medius]
"""
HARD_CUES = LONELY_DRILL.replace(
    "cues: [Press your back into the wall.]",
    "cues: [Maintain isometric quadriceps contraction throughout the predetermined duration, prioritising "
    "neuromuscular coordination and proprioceptive awareness of tibiofemoral alignment characteristics.]")
NO_HELP = starter("injuries/patellofemoral-pain.yml").replace("title: Patellofemoral pain", "title: Other knee pain")


def report_of(project, files, **options):
    checked = check_project(project(files))
    assert checked.ok, checked.diagnostics
    return curriculum_report(checked.graph, **options)


def test_counts_and_gaps_come_from_the_links(project):
    report = report_of(project, {"drills/wall-sit.yml": LONELY_DRILL, "injuries/other-knee-pain.yml": NO_HELP},
                       min_questions=50)
    assert report.counts["drills"] == 3 and report.counts["injuries"] == 2
    assert "wall-sit" in report.drills_in_no_lesson and "clamshell" not in report.drills_in_no_lesson
    assert report.injuries_without_drills == ["other-knee-pain"]
    assert "other-knee-pain" in report.injuries_without_scripts
    assert report.lessons_without_quiz == []
    assert report.lessons_with_few_questions == {"hip-and-pelvis-control": 9}
    assert report.question_types_per_lesson["hip-and-pelvis-control"] == {
        "fill-blank": 1, "matching": 1, "multiple": 1, "numeric": 1, "ordering": 1, "single": 2, "true-false": 2}
    assert "drill/wall-sit" in report.uncited_entities


def test_hard_runner_facing_text_is_listed_with_its_grade(project):
    easy = report_of(project, {"drills/wall-sit.yml": LONELY_DRILL})
    hard = report_of(project, {"drills/wall-sit.yml": HARD_CUES})
    assert "wall-sit" not in [g.id for g in easy.hard_to_read]
    graded = {g.id: g for g in hard.hard_to_read}
    assert graded["wall-sit"].grade > 10 and graded["wall-sit"].path == "content/drills/wall-sit.yml"
    assert "drill/wall-sit" in format_report(hard)


def test_report_json_on_the_command_line(project):
    result = stride("--project", str(project().root), "report", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["counts"]["lessons"] == 1 and data["orphans"] == [] and "median_grade" in data


def test_report_refuses_content_with_errors(project):
    broken = starter("drills/clamshell.yml").replace("level: beginner", "level: expert")
    result = stride("--project", str(project({"drills/clamshell.yml": broken}).root), "report")
    assert result.returncode == 1 and "error[schema.invalid-value]" in result.stderr and result.stdout == ""


def test_report_lists_entities_without_a_figure_and_spares_emergency_entries():
    from generator import pipeline
    from generator.report import curriculum_report, format_report
    from tests.conftest import REPO

    report = curriculum_report(pipeline.check(REPO / "content").graph)
    assert "assessment/pain-monitoring-scale" in report.figures_missing
    assert "chest-pain-or-fainting-during-exercise" not in report.injuries_without_drills
    assert "without a figure yet (1):\n  assessment/pain-monitoring-scale" in format_report(report)


def test_grading_on_the_workers_gives_the_grades_measured_here(monkeypatch):
    """A build with PDFs to render grades new texts on its workers while pages render; the grades are the same."""
    from generator import report

    graph = pipeline.check(STARTER).graph
    monkeypatch.setattr(report, "running", lambda: False)  # no build has started the workers: measured here
    here: dict[str, list] = {}
    report.start_grading(graph, here)()
    assert here and all(isinstance(words, int) for _, words in here.values())
    monkeypatch.setattr(report, "running", lambda: True)
    there: dict[str, list] = {}
    report.start_grading(graph, there)()
    assert there == here
    known = dict(list(here.items())[:3])
    report.start_grading(graph, known)()
    assert known == here  # only the missing texts are measured, and added
