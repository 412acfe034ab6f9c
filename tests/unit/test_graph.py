"""References resolve into one graph; bad references are positioned, with did-you-mean hints."""

from generator.build import check_project
from generator.render.page import Page


def found(project, files):
    return [(d.path, d.line, d.col, d.code, d.message, d.hint) for d in check_project(project(files)).diagnostics]


def test_unknown_reference_suggests_the_closest_id(project):
    text = (project().content / "drills/clamshell.yml").read_text().replace("targets: [gluteus-medius]", "targets: [glute-medius]")
    problems = found(project, {"drills/clamshell.yml": text})
    assert ("content/drills/clamshell.yml", 22, 11, "ref.unknown-id", "'glute-medius' is not a known anatomy id",
            "did you mean 'gluteus-medius'?") in problems


def test_reference_to_the_wrong_kind_names_both_kinds(project):
    text = (project().content / "drills/clamshell.yml").read_text().replace("targets: [gluteus-medius]", "targets: [patellofemoral-pain]")
    problems = found(project, {"drills/clamshell.yml": text})
    assert ("content/drills/clamshell.yml", 22, 11, "ref.wrong-kind",
            "'patellofemoral-pain' is an injury, but 'targets' takes anatomy ids",
            "move 'patellofemoral-pain' to a field that takes injury ids") in problems


def test_inline_link_to_unknown_id_is_positioned(project):
    anatomy = (project().content / "anatomy/gluteus-medius.yml").read_text().replace("[[contralateral-pelvic-drop]]", "[[contralateral-pelvis-drop]]")
    problems = found(project, {"anatomy/gluteus-medius.yml": anatomy})
    assert [p[3:] for p in problems] == [("ref.unknown-id", "'contralateral-pelvis-drop' is not a known id",
                                          "did you mean 'contralateral-pelvic-drop'?")]
    assert problems[0][1:3] == (10, 44)


def test_inline_link_with_unknown_kind_suggests_a_kind(project):
    problems = found(project, {"anatomy/gluteus-medius.yml": (project().content / "anatomy/gluteus-medius.yml").read_text()
                               .replace("[[term:stance-phase]]", "[[trem:stance-phase]]")})
    assert [p[3:6] for p in problems] == [("ref.bad-link", "'trem' in '[[trem:stance-phase]]' is not a kind", "did you mean 'term'?")]


def test_id_must_match_the_file_name(project):
    problems = found(project, {"drills/clamshell.yml": "id: clam-shell\n" + (project().content / "drills/clamshell.yml").read_text()})
    assert ("content/drills/clamshell.yml", 1, 5, "id.mismatch", "id 'clam-shell' does not match the file name 'clamshell.yml'",
            "rename the file to 'clam-shell.yml' or remove the `id:` line") in problems


def test_the_same_id_in_two_kinds_is_a_duplicate(project):
    pattern = (project().content / "biomechanics/contralateral-pelvic-drop.yml").read_text()
    problems = found(project, {"biomechanics/clamshell.yml": pattern})
    dupes = [p for p in problems if p[3] == "id.duplicate"]
    assert [(d[0], d[1], d[2]) for d in dupes] == [("content/drills/clamshell.yml", 1, 1)]
    assert dupes[0][4] == "the id 'clamshell' is already used by content/biomechanics/clamshell.yml:1"


def test_prerequisite_cycle_is_reported_once_with_the_loop(project):
    lesson = (project().content / "lessons/hip-and-pelvis-control.yml").read_text()
    problems = found(project, {
        "lessons/hip-and-pelvis-control.yml": lesson.replace("minutes: 30", "minutes: 30\nprerequisites: [second-lesson]"),
        "lessons/second-lesson.yml": lesson.replace("minutes: 30", "minutes: 30\nprerequisites: [hip-and-pelvis-control]"),
    })
    cycles = [p for p in problems if p[3] == "ref.cycle"]
    assert len(cycles) == 1
    assert "hip-and-pelvis-control → second-lesson → hip-and-pelvis-control" in cycles[0][4] or \
        "second-lesson → hip-and-pelvis-control → second-lesson" in cycles[0][4]


def test_progression_cycle_is_reported(project):
    clam = (project().content / "drills/clamshell.yml").read_text()
    problems = found(project, {"drills/clamshell.yml": clam.replace("progressions: [side-lying-hip-abduction]",
                                                                    "progressions: [side-lying-hip-abduction]\nregressions: [side-lying-hip-abduction]")})
    assert any(p[3] == "ref.cycle" and "clamshell" in p[4] for p in problems)


def test_backlinks_use_the_inverse_label_and_each_link_appears_once(project):
    checked = check_project(project())
    page = Page(checked.graph, "anatomy/gluteus-medius.md")
    groups = {g.label: g.links for g in page.connections(checked.kb.items[("anatomy", "gluteus-medius")])}
    assert groups["Drills that train this"] == ["[Clamshell](../drills/clamshell.md)",
                                                "[Side-lying hip abduction](../drills/side-lying-hip-abduction.md)"]
    assert groups["Movement patterns involving this"] == ["[Contralateral pelvic drop](../biomechanics/contralateral-pelvic-drop.md)"]
    drill = Page(checked.graph, "drills/clamshell.md")
    groups = {g.label: g.links for g in drill.connections(checked.kb.items[("drill", "clamshell")])}
    # Declared on the pattern's side (`drills:`) and shown on the drill as a forward link.
    assert groups["Addresses"] == ["[Contralateral pelvic drop](../biomechanics/contralateral-pelvic-drop.md)",
                                   "[Patellofemoral pain](../injuries/patellofemoral-pain.md)"]
    assert groups["Harder next step"] == ["[Side-lying hip abduction](side-lying-hip-abduction.md)"]


def test_a_flag_link_reads_with_its_urgency_in_print_and_on_the_page(project):
    from generator import pipeline
    from generator.render.links import Linker

    checked = pipeline.check(project().content)
    linker = Linker(checked.kb, "drills/clamshell.md")
    text = "Stop: [[flag:patellofemoral-pain/hot-swollen-knee|a hot knee]]."
    assert linker.plain(text) == "Stop: a hot knee: see a sports physician the same day."
    assert linker.markdown(text) == (
        "Stop: [a hot knee](../injuries/patellofemoral-pain.md#flag-hot-swollen-knee): "
        "**see a sports physician the same day**.")
