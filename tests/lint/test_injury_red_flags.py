from tests.lint.helpers import findings, starter


def test_injury_without_red_flags_is_an_error(project):
    text = starter("injuries/patellofemoral-pain.yml")
    start, end = text.index("red_flags:"), text.index("\nrefer_to:") + 1
    text = text[:start] + "red_flags: []\n" + text[end:]
    assert findings(project, {"injuries/patellofemoral-pain.yml": text}, "injury.missing-red-flags") == [
        ("content/injuries/patellofemoral-pain.yml", 9, 12, "injury 'patellofemoral-pain' has no red flags")]


def test_injury_with_red_flags_passes(project):
    assert findings(project, {}, "injury.missing-red-flags") == []
