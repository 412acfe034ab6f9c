from tests.lint.helpers import findings, starter


def test_drill_without_steps_is_an_error(project):
    text = starter("drills/clamshell.yml").replace(
        "steps:\n  - Lie on your side with your knees bent.\n  - Keep your feet together and lift the top knee.\n", "steps: []\n")
    assert findings(project, {"drills/clamshell.yml": text}, "drill.missing-steps") == [
        ("content/drills/clamshell.yml", 14, 8, "drill 'clamshell' has no steps")]


def test_drill_with_steps_passes(project):
    assert findings(project, {}, "drill.missing-steps") == []
