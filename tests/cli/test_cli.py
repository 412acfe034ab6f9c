"""The `stride` command: exit codes 0/1/2, positioned messages on stderr, JSON for tools, no tracebacks."""

import json
import subprocess
import sys

import pytest

from generator.project import CACHE_ENV
from tests.conftest import CARD_CACHE, REPO, stride
from tests.lint.helpers import starter


def test_the_module_entry_point_runs_the_command_and_returns_its_exit_code(project):
    """The other tests call `main` in process (as `stride` would); this one starts Python as a user does."""
    done = subprocess.run([sys.executable, "-m", "generator.cli", "--project", str(project().root), "check"],
                          capture_output=True, text=True, cwd=REPO,
                          env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin", CACHE_ENV: str(CARD_CACHE)})
    assert done.returncode == 0 and done.stderr.strip().endswith("no problems found")
    bad = subprocess.run([sys.executable, "-m", "generator.cli", "chekc"], capture_output=True, text=True, cwd=REPO,
                         env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"})
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_check_on_clean_content_exits_0_with_counts(project):
    result = stride("--project", str(project().root), "check")
    assert result.returncode == 0
    assert "knowledge base: 1 anatomy · 1 biomechanics · 1 injuries" in result.stderr
    assert result.stderr.strip().endswith("no problems found")


BROKEN = {
    "drills/syntax.yml": "title: [unclosed\nsummary: x\n",
    "drills/dupe.yml": "title: A\ntitle: B\nsummary: x\n",
    "drills/clamshell.yml": starter("drills/clamshell.yml").replace("level: beginner", "levl: beginner")
    .replace("targets: [gluteus-medius]", "targets: [glute-medius]"),
    "drills/typed.yml": "title: T\nsummary: S\npurpose: P\nlevel: beginner\ndosage: {sets: '3'}\n",
    "drills/wrong-kind.yml": "title: T\nsummary: S\npurpose: P\nlevel: beginner\ntargets: [patellofemoral-pain]\n",
    "drills/named.yml": "id: other-name\ntitle: T\nsummary: S\npurpose: P\nlevel: beginner\n",
    "anatomy/side-lying-hip-abduction.yml": starter("anatomy/gluteus-medius.yml"),
    "lessons/hip-and-pelvis-control.yml": starter("lessons/hip-and-pelvis-control.yml")
    .replace("minutes: 30", "minutes: 30\nprerequisites: [loop-lesson]"),
    "lessons/loop-lesson.yml": starter("lessons/hip-and-pelvis-control.yml")
    .replace("minutes: 30", "minutes: 30\nprerequisites: [hip-and-pelvis-control]"),
    "drills/empty.yml": "",
    "drills/listed.yml": "- title: A\n",
}

EXPECTED = [
    "content/drills/syntax.yml:2:8: error[yaml.syntax]",
    "content/drills/dupe.yml:2:1: error[yaml.duplicate-key]: 'title' is defined twice in this mapping",
    "content/drills/clamshell.yml:4:1: error[schema.unknown-field]: 'levl' is not a field of drill",
    "  hint: did you mean 'level'?",
    "content/drills/typed.yml:5:16: error[schema.wrong-type]: 'dosage.sets' must be a whole number, found the text '3'",
    "content/drills/wrong-kind.yml:5:11: error[ref.wrong-kind]: 'patellofemoral-pain' is an injury, but 'targets' takes anatomy ids",
    "content/drills/named.yml:1:5: error[id.mismatch]: id 'other-name' does not match the file name 'named.yml'",
    "content/drills/side-lying-hip-abduction.yml:1:1: error[id.duplicate]: the id 'side-lying-hip-abduction' is already "
    "used by content/anatomy/side-lying-hip-abduction.yml:1",
    "error[ref.cycle]: before this lesson form a loop",
    "content/drills/empty.yml:1:1: error[yaml.empty]: the file is empty",
    "content/drills/listed.yml:1:1: error[yaml.not-mapping]",
    "content/drills/bytes.yml:1:9: error[yaml.encoding]: byte 0xff is not valid UTF-8",
]


def test_broken_content_exits_1_and_lists_every_problem_without_traceback(project):
    proj = project(BROKEN)
    (proj.content / "drills/bytes.yml").write_bytes(b"title: A\xff\n")
    result = stride("--project", str(proj.root), "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for expected in EXPECTED:
        assert expected in result.stderr, expected
    # clamshell.yml fails validation; the five links to it are consequences and are not reported again
    assert "'clamshell' is not a known" not in result.stderr
    # copies also repeat their titles; the decision table names the drill the duplicate anatomy id displaced
    assert result.stderr.strip().splitlines()[-1].endswith("in 15 files")


def test_unknown_id_in_a_reference_field_suggests_the_closest(project):
    proj = project({"drills/clamshell.yml": starter("drills/clamshell.yml").replace("[gluteus-medius]", "[glute-medius]")})
    result = stride("--project", str(proj.root), "check")
    assert ("content/drills/clamshell.yml:22:11: error[ref.unknown-id]: 'glute-medius' is not a known anatomy id\n"
            "  hint: did you mean 'gluteus-medius'?") in result.stderr


def test_json_format_gives_the_same_problems(project):
    proj = project({"drills/dupe.yml": "title: A\ntitle: B\nsummary: x\n"})
    result = stride("--project", str(proj.root), "check", "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    duplicate = [d for d in data["diagnostics"] if d["code"] == "yaml.duplicate-key"]
    assert duplicate == [{"path": "content/drills/dupe.yml", "line": 2, "col": 1, "code": "yaml.duplicate-key",
                                      "message": "'title' is defined twice in this mapping",
                                      "hint": "the first 'title' is on line 1; keep one and delete the other",
                                      "severity": "error"}]
    assert data["summary"]["errors"] == len([d for d in data["diagnostics"] if d["severity"] == "error"]) > 1
    assert data["coverage"]["drills"] == 2


def test_strict_turns_warnings_into_errors(project):
    lonely = {"drills/wall-sit.yml": "title: Wall sit\nsummary: S\npurpose: P\nlevel: beginner\n"
              "dosage: {sets: 2, hold_s: 30, frequency: daily}\nsteps: [Sit.]\ncues: [Breathe.]\n"}
    assert stride("--project", str(project(lonely).root), "check").returncode == 0
    strict = stride("--project", str(project(lonely).root), "check", "--strict")
    assert strict.returncode == 1
    assert "error[orphan.unreferenced]" in strict.stderr


@pytest.mark.parametrize("args", [["frobnicate"], ["check", "--format", "xml"], []])
def test_usage_errors_exit_2(args):
    assert stride(*args).returncode == 2


def test_no_project_is_a_usage_error(tmp_path):
    result = stride("check", cwd=tmp_path)
    assert result.returncode == 2
    assert "no project here" in result.stderr


def test_check_reports_a_card_that_does_not_fit_at_the_drill_line_without_any_flag(project):
    long_steps = "".join(f"  - 'Step {i}: keep going slowly and with control, breathing out as you lift the leg up high.'\n"
                         for i in range(1, 13))
    text = starter("drills/clamshell.yml").replace(
        "steps:\n  - Lie on your side with your knees bent.\n  - Keep your feet together and lift the top knee.\n",
        "steps:\n" + long_steps)
    proj = project({"drills/clamshell.yml": text})
    result = stride("--project", str(proj.root), "check")
    assert result.returncode == 0
    assert "content/drills/clamshell.yml:15:3: warning[card.too-long]" in result.stderr


def test_build_offers_the_offline_copy_as_a_zip_by_default(project):
    proj = project()
    result = stride("--project", str(proj.root), "build")
    assert result.returncode == 0, result.stderr
    assert (proj.site / "downloads" / "stride-curriculum-offline.zip").is_file()
    quicker = stride("--project", str(proj.root), "build", "--no-offline-zip")
    assert quicker.returncode == 0 and not (proj.site / "downloads").exists()
