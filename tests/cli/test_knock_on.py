"""One bad field in a new injury is reported once, at its own line: links to the injury are not blamed."""

from tests.conftest import stride
from tests.lint.helpers import starter

INJURY = starter("injuries/patellofemoral-pain.yml")
NEW_INJURY = (INJURY.replace("title: Patellofemoral pain", "title: Patellar tendinopathy")
              .replace("urgency: within-days", "urgency: soon"))
DRILL = starter("drills/clamshell.yml").replace("addresses: [", "addresses: [patellar-tendinopathy, ")
LESSON = starter("lessons/hip-and-pelvis-control.yml").replace(
    "Watch for", "Read [[patellar-tendinopathy]] and [[flag:patellar-tendinopathy/hot-swollen-knee]]. Watch for")


def test_a_bad_field_in_a_new_injury_is_the_first_error_and_no_link_is_blamed(project):
    proj = project({
        "injuries/gluteal-tendinopathy.yml": INJURY.replace("title: Patellofemoral pain", "title: Gluteal tendinopathy"),
        "injuries/patellar-tendinopathy.yml": NEW_INJURY,
        "drills/clamshell.yml": DRILL,
        "lessons/hip-and-pelvis-control.yml": LESSON,
    })
    assert "addresses: [patellar-tendinopathy" in DRILL and "[[flag:patellar-tendinopathy/" in LESSON
    result = stride("--project", str(proj.root), "check")
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    errors = [line for line in lines if ": error[" in line]
    assert errors[0] == ("content/injuries/patellar-tendinopathy.yml:17:14: error[schema.invalid-value]: "
                         "'refer_to[1].urgency' is the text 'soon'; allowed: emergency, same-day, within-days, routine")
    assert len(errors) == 1
    assert "gluteal-tendinopathy" not in result.stderr
    assert "ref.unknown-id" not in result.stderr
    assert lines[-1] == "1 error, 0 warnings in 1 file"


def test_a_link_to_an_id_of_the_wrong_kind_is_still_an_error_when_the_target_failed(project):
    proj = project({
        "injuries/patellar-tendinopathy.yml": NEW_INJURY,
        "drills/clamshell.yml": starter("drills/clamshell.yml").replace("targets: [", "targets: [patellar-tendinopathy, "),
    })
    result = stride("--project", str(proj.root), "check")
    assert ("error[ref.wrong-kind]: 'patellar-tendinopathy' is an injury, but 'targets' takes anatomy ids"
            in result.stderr)


def test_a_bad_glossary_entry_drops_only_that_entry(project):
    glossary = starter("glossary.yml")
    first_id = glossary.split("- id: ", 2)[1].split("\n")[0]
    broken = glossary.replace(f"- id: {first_id}\n", f"- id: {first_id}\n    colour: red\n", 1)
    result = stride("--project", str(project({"glossary.yml": broken}).root), "check")
    errors = [line for line in result.stderr.splitlines() if ": error[" in line]
    assert len(errors) == 1 and "error[schema.unknown-field]: 'colour' is not a field of glossary.terms[1]" in errors[0]


def test_what_only_a_failing_file_links_to_is_not_called_orphan_or_uncited(project):
    references = starter("references.yml") + ("  - id: new2020\n    authors: New A\n    year: 2020\n    title: New study\n"
                                              "    venue: J Run\n    url: https://example.org/new\n")
    wall_sit = ("title: Wall sit\nsummary: S\npurpose: P\nlevel: beginner\n"
                "dosage: {sets: 2, hold_s: 30, frequency: daily}\nsteps: [Sit.]\ncues: [Breathe.]\n")
    injury = NEW_INJURY.replace("evidence: [willy2019, bramah2018]", "evidence: [willy2019, new2020]").replace(
        "drills: [", "drills: [wall-sit, ") if "drills: [" in NEW_INJURY else NEW_INJURY.replace(
        "evidence: [willy2019, bramah2018]", "evidence: [willy2019, new2020]\ndrills: [wall-sit]")
    proj = project({"references.yml": references, "drills/wall-sit.yml": wall_sit,
                    "injuries/patellar-tendinopathy.yml": injury})
    result = stride("--project", str(proj.root), "check")
    assert "new2020" in injury and "wall-sit" in injury
    assert "reference.uncited" not in result.stderr and "orphan.unreferenced" not in result.stderr
    assert result.stderr.splitlines()[-1] == "1 error, 0 warnings in 1 file"
