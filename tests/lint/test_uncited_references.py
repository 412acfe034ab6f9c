from tests.lint.helpers import findings, starter


def test_reference_nobody_cites_is_a_warning(project):
    text = starter("references.yml") + "  - id: nobody2020\n    authors: Nobody A\n    year: 2020\n    title: T\n    venue: J\n"
    assert findings(project, {"references.yml": text}, "reference.uncited") == [
        ("content/references.yml", 16, 9, "reference 'nobody2020' is not cited anywhere")]


def test_cited_references_pass(project):
    assert findings(project, {}, "reference.uncited") == []
