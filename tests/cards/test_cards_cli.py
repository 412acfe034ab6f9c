"""`stride cards` from the command line, and the decks and card pages a build puts on the site."""

from pypdf import PdfReader

from generator.build import build_site
from tests.cli.test_cli import stride


def test_cards_command_writes_a_filtered_deck(project, tmp_path):
    proj = project()
    out = tmp_path / "pfp.pdf"
    result = stride("--project", str(proj.root), "cards", "--injury", "patellofemoral-pain", "--size", "a4-4up",
                    "--duplex", "--output", str(out))
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stderr and "(1 cards, 3 pages, A4, four cards per sheet with cut marks)" in result.stderr
    reader = PdfReader(out)
    assert len(reader.pages) == 3
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
    assert len(PdfReader(decks / "all-drills-a6.pdf").pages) == 5
    card_page = (proj.site / "cards" / "clamshell" / "index.html").read_text()
    assert "3 sets of 12 reps each side" in card_page and "data-stride-print" in card_page
    assert 'href="../../cards/clamshell/"' in (proj.site / "drills" / "clamshell" / "index.html").read_text()
    index = (proj.site / "cards" / "index.html").read_text()
    assert 'href="decks/all-drills-letter-4up.pdf"' in index
