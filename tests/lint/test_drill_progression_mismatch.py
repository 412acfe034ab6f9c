from tests.lint.helpers import findings, starter


def test_progression_not_listed_back_is_a_warning(project):
    text = starter("drills/side-lying-hip-abduction.yml").replace("regressions: [clamshell]\n", "")
    assert findings(project, {"drills/side-lying-hip-abduction.yml": text}, "drill.progression-mismatch") == [
        ("content/drills/clamshell.yml", 24, 16,
         "'side-lying-hip-abduction' is a progression of 'clamshell' but does not list it as a regression")]


def test_agreeing_progressions_pass(project):
    assert findings(project, {}, "drill.progression-mismatch") == []
