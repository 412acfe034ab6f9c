"""`stride cards` from the command line, and the decks and card pages a build puts on the site."""

from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.build import build_site
from tests.conftest import stride
from tests.conftest import STARTER


def test_cards_command_writes_a_filtered_deck(project, tmp_path):
    proj = project()
    out = tmp_path / "pfp.pdf"
    result = stride("--project", str(proj.root), "cards", "--injury", "patellofemoral-pain", "--size", "a4-4up",
                    "--duplex", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr and "(1 cards on 1 sheet, A4, four cards per sheet with cut marks)" in result.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 4
    assert "Patellofemoral pain" in reader.pages[0].extract_text()


def test_unknown_filter_id_is_a_usage_error_with_a_hint(project):
    result = stride("--project", str(project().root), "cards", "--injury", "patellofemoral-pian")
    assert result.returncode == 2
    assert "'patellofemoral-pian' is not a known injury id; did you mean 'patellofemoral-pain'?" in result.stderr


def test_no_matching_drills_is_a_usage_error(project):
    result = stride("--project", str(project().root), "cards", "--equipment", "barbell")
    assert result.returncode == 2
    assert "no drills match" in result.stderr


def test_unknown_size_is_a_usage_error(project):
    assert stride("--project", str(project().root), "cards", "--size", "a5").returncode == 2


def test_build_puts_decks_and_card_pages_on_the_site(project):
    proj = project()
    generated, problems = build_site(proj)
    assert problems == [] and generated.checked.diagnostics == []
    decks = proj.site / "cards" / "decks"
    names = sorted(p.name for p in decks.glob("*.pdf"))
    assert "all-drills-a4-4up.pdf" in names and "all-drills-a6.pdf" in names
    assert "injury-patellofemoral-pain-letter-4up.pdf" in names
    assert len(PdfReader(decks / "all-drills-a6.pdf").pages) == 6
    card_page = (proj.site / "cards" / "clamshell" / "index.html").read_text()
    assert "3 sets of 12 reps each side" in card_page and "data-stride-print" in card_page
    assert 'href="../../cards/clamshell/"' in (proj.site / "drills" / "clamshell" / "index.html").read_text()
    index = (proj.site / "cards" / "index.html").read_text()
    assert 'href="decks/all-drills-letter-4up.pdf"' in index


CLAMSHELL_STEPS = "steps:\n  - Lie on your side with your knees bent.\n  - Keep your feet together and lift the top knee.\n"


def long_clamshell(project):
    steps = "".join(f"  - 'Step {i}: keep going slowly and with control, breathing out as you lift the leg up high.'\n"
                    for i in range(1, 13))
    text = (STARTER / "drills/clamshell.yml").read_text().replace(CLAMSHELL_STEPS, "steps:\n" + steps)
    return project({"drills/clamshell.yml": text})


def test_an_over_long_card_is_refused_with_exit_1_and_no_file(project, tmp_path):
    proj = long_clamshell(project)
    out = tmp_path / "deck.pdf"
    result = stride("--project", str(proj.root), "cards", "--output", str(out))
    assert result.returncode == 1
    assert "content/drills/clamshell.yml:15:3: warning[card.too-long]" in result.stderr
    assert "no deck written" in result.stderr and "--allow-too-long" in result.stderr
    assert not out.exists()


def test_allow_too_long_writes_the_deck_anyway(project, tmp_path):
    out = tmp_path / "deck.pdf"
    result = stride("--project", str(long_clamshell(project).root), "cards", "--allow-too-long", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "card.too-long" in result.stderr and out.is_file()


def test_every_cue_is_printed_not_only_the_first_four(project, tmp_path):
    cues = "cues:\n" + "".join(f"  - Cue number {n}.\n" for n in range(1, 6))
    text = (STARTER / "drills/clamshell.yml").read_text().replace("cues:\n  - Keep your hips stacked.\n", cues)
    out = tmp_path / "deck.pdf"
    result = stride("--project", str(project({"drills/clamshell.yml": text}).root), "cards", "--ids", "clamshell",
                    "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "Cue number 5." in PdfReader(out).pages[2].extract_text()


@pytest.mark.parametrize(("args", "message"), [
    (["--ids", "clamshell,clamshell"], "--ids lists 'clamshell' more than once"),
    (["--ids", ",,,"], "--ids ',,,' names no drill"),
    (["--size", "a4-4up", "--bleed"], "--bleed is for a6 cards cut by a print shop; a4-4up sheets are cut along"),
])
def test_options_that_cannot_mean_what_was_asked_are_usage_errors(project, tmp_path, args, message):
    out = tmp_path / "deck.pdf"
    result = stride("--project", str(project().root), "cards", *args, "--output", str(out))
    assert result.returncode == 2
    assert message in result.stderr
    assert not out.exists()


@pytest.mark.parametrize("where", ["under-a-file", "a-folder"])
def test_unwritable_output_is_reported_before_rendering_without_a_traceback(project, tmp_path, where):
    (tmp_path / "notes.txt").write_text("a file, not a folder")
    (tmp_path / "decks").mkdir()
    output = tmp_path / "notes.txt" / "deck.pdf" if where == "under-a-file" else tmp_path / "decks"
    result = stride("--project", str(project().root), "cards", "--output", str(output))
    assert result.returncode == 2
    expected = (f"stride cards: cannot create the folder {tmp_path / 'notes.txt'}: " if where == "under-a-file"
                else f"stride cards: {output} is a folder; give a PDF file name")
    assert expected in result.stderr
    assert "Traceback" not in result.stderr and "wrote" not in result.stderr


def test_a_title_with_slashes_names_a_file_inside_the_cards_folder(project):
    proj = project()
    result = stride("--project", str(proj.root), "cards", "--title", "../../etc/Hip drills/week 1")
    assert result.returncode == 0, result.stderr
    written = [p.relative_to(proj.build) for p in proj.build.rglob("*.pdf")]
    written = [p for p in written if p.parts[0] != "cache"]  # the card cache keeps the rendered sheets
    assert written == [Path("cards/etc-hip-drills-week-1-a6.pdf")]
    cover = "".join(PdfReader(proj.build / written[0]).pages[0].extract_text().split())
    assert "../../etc/Hipdrills/week1" in cover
