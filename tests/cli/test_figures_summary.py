"""`stride check` shows which drills, assessments and movement patterns have no figure yet."""

import json

from tests.conftest import stride


def test_check_summary_names_every_entity_not_yet_posed(project):
    result = stride("--project", str(project().root), "check")
    assert result.returncode == 0
    assert ("figures: 1/2 drills · 0/1 assessments · 0/1 biomechanics; not yet posed: "
            "drill 'side-lying-hip-abduction', assessment 'single-leg-squat-test', "
            "biomechanics 'contralateral-pelvic-drop'") in result.stderr


def test_json_report_lists_the_unposed_ids(project):
    result = stride("--project", str(project().root), "check", "--format", "json")
    assert json.loads(result.stdout)["unposed"] == {
        "drill": ["side-lying-hip-abduction"], "assessment": ["single-leg-squat-test"],
        "biomechanics": ["contralateral-pelvic-drop"]}
