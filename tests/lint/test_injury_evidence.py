from tests.lint.helpers import findings, starter


def test_injury_with_one_citation_is_an_error(project):
    text = starter("injuries/patellofemoral-pain.yml").replace("evidence: [willy2019, bramah2018]", "evidence: [willy2019]")
    assert findings(project, {"injuries/patellofemoral-pain.yml": text}, "injury.missing-evidence") == [
        ("content/injuries/patellofemoral-pain.yml", 30, 11,
         "injury 'patellofemoral-pain' cites 1 reference(s); at least 2 are needed")]


def test_injury_with_two_citations_passes(project):
    assert findings(project, {}, "injury.missing-evidence") == []
