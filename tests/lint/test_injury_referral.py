from tests.lint.helpers import findings, starter


def test_injury_without_referral_is_an_error(project):
    text = starter("injuries/patellofemoral-pain.yml")
    start, end = text.index("\nrefer_to:") + 1, text.index("coach_role:")
    text = text[:start] + text[end:]
    assert findings(project, {"injuries/patellofemoral-pain.yml": text}, "injury.missing-referral") == [
        ("content/injuries/patellofemoral-pain.yml", 1, 1, "injury 'patellofemoral-pain' has no referral guidance")]


def test_injury_with_referral_passes(project):
    assert findings(project, {}, "injury.missing-referral") == []
