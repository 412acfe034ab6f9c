from tests.lint.helpers import findings, starter


def test_drill_without_cues_is_an_error(project):
    text = starter("drills/clamshell.yml").replace("cues:\n  - Keep your hips stacked.\n", "")
    assert findings(project, {"drills/clamshell.yml": text}, "drill.missing-cues") == [
        ("content/drills/clamshell.yml", 1, 1, "drill 'clamshell' has no coaching cues")]


def test_drill_with_cues_passes(project):
    assert findings(project, {}, "drill.missing-cues") == []
