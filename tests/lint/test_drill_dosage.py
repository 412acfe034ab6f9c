from tests.lint.helpers import findings, starter


def test_drill_without_amount_per_set_is_an_error(project):
    text = starter("drills/side-lying-hip-abduction.yml").replace("  reps: 10\n", "")
    assert findings(project, {"drills/side-lying-hip-abduction.yml": text}, "drill.missing-dosage") == [
        ("content/drills/side-lying-hip-abduction.yml", 6, 3,
         "drill 'side-lying-hip-abduction' has no reps or hold_s or duration_s or distance_m in its dosage")]


def test_drill_without_dosage_is_an_error(project):
    text = starter("drills/side-lying-hip-abduction.yml")
    start, end = text.index("dosage:"), text.index("steps:")
    found = findings(project, {"drills/side-lying-hip-abduction.yml": text[:start] + text[end:]}, "drill.missing-dosage")
    assert found == [("content/drills/side-lying-hip-abduction.yml", 1, 1, "drill 'side-lying-hip-abduction' has no dosage")]


def test_complete_dosage_passes(project):
    assert findings(project, {}, "drill.missing-dosage") == []
