"""`stride new KIND ID`: a file that passes `stride check` once its marked placeholders are filled."""

import re

import pytest

from generator.schema import ENTITY_KINDS
from tests.conftest import stride

STARTER_IDS = {"anatomy": "gluteus-medius", "biomechanics": "contralateral-pelvic-drop", "injury": "patellofemoral-pain",
               "drill": "clamshell", "lesson": "hip-and-pelvis-control", "reference": "willy2019"}
PLACEHOLDER = re.compile(r'^(?P<lead>\s*(?:- )?)(?:(?P<key>\w+): )?"TODO: (?P<what>[^"]*)"$')


def fill(text: str, new_id: str) -> str:
    """Write what an educator would: a real id for id fields, a number, a choice, or a sentence."""
    lines, seen_correct = [], 0
    for line in text.splitlines():
        match = PLACEHOLDER.match(line)
        if not match:
            lines.append(line)
            continue
        what, lead, key = match["what"], match["lead"], match["key"]
        if what.endswith(" id") and key is None:
            kind = what.split()[0]
            value = STARTER_IDS[kind]
            if kind == "reference":  # injuries need two citations
                lines.append(f"{lead}bramah2018")
        elif what.endswith(" id"):
            value = STARTER_IDS[what.split()[0]]
        elif "'<assessment>/<finding>'" in what:
            value = "single-leg-squat-test/pelvis-drops"
        elif "YYYY-MM-DD" in what:
            value = "2026-01-15"
        elif what.startswith("one of "):
            value = what.removeprefix("one of ").split(", ")[0]
        elif what.startswith("a whole number from "):
            value = what.split()[4]  # the lowest allowed
        elif what.startswith("a whole number"):
            value = "3"
        elif what.startswith("true or false"):
            value, seen_correct = ("true" if seen_correct == 0 else "false"), seen_correct + 1
        elif key == "id":
            value = f"{new_id}-q1"
        else:
            value = f"Written by the educator ({len(lines)})."
        lines.append(f"{lead}{key + ': ' if key else ''}{value}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("kind", list(ENTITY_KINDS))
def test_new_file_reports_only_its_placeholders_and_passes_once_they_are_filled(project, kind):
    proj = project()
    new_id = f"new-{kind}"
    created = stride("--project", str(proj.root), "new", kind, new_id)
    assert created.returncode == 0, created.stderr
    path = proj.content / ENTITY_KINDS[kind].folder / f"{new_id}.yml"
    text = path.read_text(encoding="utf-8")
    count = text.count('"TODO: ')
    assert f"replace its {count} TODO: values" in created.stderr

    before = stride("--project", str(proj.root), "check")
    errors = [line for line in before.stderr.splitlines() if ": error[" in line]
    assert before.returncode == 1 and len(errors) == count
    assert all("error[content.placeholder]" in line and path.name in line for line in errors)

    path.write_text(fill(text, new_id), encoding="utf-8")
    after = stride("--project", str(proj.root), "check")
    assert after.returncode == 0, after.stderr


def test_new_refuses_an_existing_id_an_invalid_id_and_an_unknown_kind(project):
    proj = project()
    taken = stride("--project", str(proj.root), "new", "injury", "clamshell")
    assert taken.returncode == 2
    assert "the id 'clamshell' is already used by content/drills/clamshell.yml" in taken.stderr
    invalid = stride("--project", str(proj.root), "new", "drill", "Hip Hike")
    assert invalid.returncode == 2 and "hint: try 'hip-hike'" in invalid.stderr
    unknown = stride("--project", str(proj.root), "new", "drll", "hip-hike")
    assert unknown.returncode == 2 and "did you mean 'drill'?" in unknown.stderr
    assert not (proj.content / "drills" / "hip-hike.yml").exists()


@pytest.mark.parametrize("kind, file", [("term", "glossary.yml"), ("reference", "references.yml")])
def test_new_term_or_reference_is_appended_to_its_file_and_passes_once_filled(project, kind, file):
    proj = project()
    created = stride("--project", str(proj.root), "new", kind, "brand-new")
    assert created.returncode == 0, created.stderr
    path = proj.content / file
    text = path.read_text(encoding="utf-8")
    count = text.count('"TODO: ')
    assert count >= 3 and "  - id: brand-new" in text
    before = stride("--project", str(proj.root), "check")
    errors = [line for line in before.stderr.splitlines() if ": error[" in line]
    assert len(errors) == count and all("error[content.placeholder]" in line for line in errors)
    path.write_text(fill(text, "brand-new"), encoding="utf-8")
    after = stride("--project", str(proj.root), "check")
    assert after.returncode == 0, after.stderr
    again = stride("--project", str(proj.root), "new", kind, "brand-new")
    assert again.returncode == 2 and f"the {kind} id 'brand-new' is already used in content/{file}" in again.stderr
