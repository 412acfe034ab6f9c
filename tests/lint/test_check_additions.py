"""What used to surface only in the build (or never) is reported by stride check at the YAML line."""

from tests.lint.helpers import findings, starter

CLAMSHELL = starter("drills/clamshell.yml")


def test_two_drills_with_one_title_are_reported_at_the_second(project):
    copy = CLAMSHELL.replace("summary: A gentle", "summary: Another gentle")
    assert findings(project, {"drills/clamshell-band.yml": copy}, "content.duplicate-title") == [
        ("content/drills/clamshell-band.yml", 1, 8, "the title 'Clamshell' is also used by content/drills/clamshell.yml:1")]


def test_a_term_defined_twice_under_two_ids_is_an_error(project):
    glossary = starter("glossary.yml") + ("  - id: stance\n    term: Stance\n    precise: Foot on the ground.\n"
                                          "    plain: Foot down.\n    aliases: [stance phase]\n")
    found = findings(project, {"glossary.yml": glossary}, "glossary.duplicate-term")
    assert found == [("content/glossary.yml", 11, 15,
                      "'stance phase' is already defined as term 'stance-phase' (line 2)")]


def test_remote_and_missing_images_are_errors_and_a_file_in_media_passes(project):
    text = CLAMSHELL.replace("summary: A gentle first exercise for the side of the hip.",
                             "summary: 'See ![drop](https://example.org/a.png) ![b](media/none.png) ![c](media/here.png)'")
    proj_files = {"drills/clamshell.yml": text}
    remote = findings(project, proj_files, "content.external-image")
    missing = findings(project, proj_files, "content.missing-image")
    assert remote == [("content/drills/clamshell.yml", 2, 15, "the image 'https://example.org/a.png' is loaded from another site")]
    assert [f[3] for f in missing] == ["the image 'media/none.png' does not exist", "the image 'media/here.png' does not exist"]


def test_an_image_in_content_media_is_found(project):
    text = CLAMSHELL.replace("summary: A gentle", "summary: See ![c](media/here.png) A gentle")
    proj = project({"drills/clamshell.yml": text})
    (proj.content / "media").mkdir()
    (proj.content / "media" / "here.png").write_bytes(b"\x89PNG")
    from generator.build import check_project
    assert [d for d in check_project(proj).diagnostics if d.code.startswith("content.")] == []


def test_a_file_path_link_in_content_suggests_an_id_link(project):
    text = CLAMSHELL.replace("summary: A gentle", "summary: See [the other](../drills/side-lying-hip-abduction.md). A gentle")
    found = findings(project, {"drills/clamshell.yml": text}, "content.relative-link")
    assert found == [("content/drills/clamshell.yml", 2, 14,
                      "'[the other](../drills/side-lying-hip-abduction.md)' links to a file path, which nothing checks")]


def test_hand_written_page_links_must_reach_a_generated_page(project):
    page = "# Extra\n\nSee [the clamshell](drills/clamshell.md) and [a drill](drills/clamshel.md).\n"
    found = findings(project, {"pages/extra.md": page}, "content.broken-link")
    assert found == [("content/pages/extra.md", 3, 56, "'drills/clamshel.md' is not a page of the site")]
