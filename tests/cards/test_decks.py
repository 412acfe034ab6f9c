"""PDF decks opened as a coach would: page counts, names and doses on the right pages, QR codes that scan."""

import io
import subprocess

import pytest
from pypdf import PdfReader

from generator import pipeline
from generator.cards.content import drill_url
from generator.cards.decks import DeckSpec, cards_for, fit_diagnostics, render_deck
from generator.cards.render import sheets
from generator.cards.select import Filters
from generator.cards.sizes import LAYOUTS, sheets_for
from tests.conftest import CARD_CACHE, REPO, STARTER

SITE = "https://cards.example.org/"
TEMPLATES = REPO / "templates"


@pytest.fixture(scope="module")
def graph():
    checked = pipeline.check(STARTER)
    assert checked.ok
    return checked.graph


def deck(graph, size="a6", filters=Filters(), **options) -> PdfReader:
    cards = cards_for(graph, filters, SITE)
    pdf = render_deck(cards, DeckSpec("t", "Test deck", "For tests", filters), size, TEMPLATES, CARD_CACHE, **options)
    return PdfReader(io.BytesIO(pdf))


def text(reader: PdfReader, page: int) -> str:
    return " ".join(reader.pages[page].extract_text().split())


@pytest.mark.parametrize(("size", "pages"), [("a6", 6), ("a4-4up", 4), ("letter-4up", 4)])
def test_page_count_per_size(graph, size, pages):
    """A cover and its blank back, then a front and a back page per sheet."""
    reader = deck(graph, size)
    assert len(reader.pages) == pages == 2 + 2 * sheets_for(LAYOUTS[size], 2)


@pytest.mark.parametrize(("size", "width_mm", "height_mm"), [("a6", 105, 148), ("a4-4up", 210, 297), ("letter-4up", 215.9, 279.4)])
def test_page_size(graph, size, width_mm, height_mm):
    box = deck(graph, size).pages[2].mediabox
    assert (round(float(box.width) / 72 * 25.4, 1), round(float(box.height) / 72 * 25.4, 1)) == (width_mm, height_mm)


def test_cover_lists_the_contents(graph):
    cover = text(deck(graph), 0)
    assert "Test deck" in cover and "2 drill cards" in cover
    assert "Clamshell" in cover and "Side-lying hip abduction" in cover


def test_a6_fronts_have_name_and_dose_and_backs_the_pain_rules(graph):
    reader = deck(graph)
    front, back = text(reader, 2), text(reader, 3)
    assert "Clamshell" in front and "3 sets of 12 reps each side" in front
    assert "Keep your hips stacked." in front and "Rolling backwards" in front
    assert "Clamshell: pain and progress" in back and "Stop if: Pain is above 5 out of 10." in back
    assert "Harder: Side-lying hip abduction." in back
    assert "Side-lying hip abduction" in text(reader, 4) and "3 sets of 10 reps each side" in text(reader, 4)


def test_four_up_puts_both_cards_on_one_sheet(graph):
    reader = deck(graph, "a4-4up")
    assert "3 sets of 12 reps" in text(reader, 2) and "3 sets of 10 reps" in text(reader, 2)
    assert "Log each session" in text(reader, 3) and "Pain next morning" in text(reader, 3)


@pytest.mark.parametrize(("filters", "expected"), [
    (Filters(injuries=("patellofemoral-pain",)), ["Clamshell"]),
    (Filters(patterns=("contralateral-pelvic-drop",)), ["Clamshell", "Side-lying hip abduction"]),
    (Filters(lessons=("hip-and-pelvis-control",)), ["Clamshell"]),
    (Filters(equipment=("none",)), ["Clamshell", "Side-lying hip abduction"]),
    (Filters(equipment=("band",)), []),
    (Filters(ids=("side-lying-hip-abduction", "clamshell")), ["Side-lying hip abduction", "Clamshell"]),
])
def test_filters_choose_the_right_drills(graph, filters, expected):
    assert [c.title for c in cards_for(graph, filters, SITE)] == expected


def test_filtered_deck_has_the_expected_pages(graph):
    reader = deck(graph, "a6", Filters(injuries=("patellofemoral-pain",)))
    assert len(reader.pages) == 4
    assert "Clamshell" in text(reader, 2) and "Side-lying" not in text(reader, 2)


def test_duplex_mirrors_backs_for_a_long_edge_flip():
    layout = LAYOUTS["a4-4up"]
    cards = ["A", "B", "C"]
    sheet = sheets(cards, layout, duplex=True)[0]
    assert sheet.fronts == ["A", "B", "C", None]
    assert sheet.backs == ["B", "A", None, "C"]
    assert sheets(cards, layout, duplex=False)[0].backs == ["A", "B", "C", None]


def test_bleed_keeps_the_trim_size_with_a_bleed_box_and_room_for_crop_marks(graph):
    reader = deck(graph, "a6", bleed=True)
    page = reader.pages[0]
    mm = lambda points: round(float(points) / 72 * 25.4, 1)  # noqa: E731
    assert len(reader.pages) == 4 and "Clamshell" in text(reader, 0)
    assert (mm(page.trimbox.width), mm(page.trimbox.height)) == (105, 148)
    assert (mm(page.bleedbox.width), mm(page.bleedbox.height)) == (112.1, 155.1)
    assert (mm(page.mediabox.width), mm(page.mediabox.height)) == (125, 168)


def test_qr_code_scans_to_the_drill_page(graph, tmp_path):
    import zxingcpp
    from PIL import Image

    pdf = tmp_path / "deck.pdf"
    cards = cards_for(graph, Filters(ids=("clamshell",)), SITE)
    pdf.write_bytes(render_deck(cards, DeckSpec("t", "T", "S", Filters()), "a6", TEMPLATES, CARD_CACHE))
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-f", "3", "-l", "3", str(pdf), str(tmp_path / "front")], check=True)
    image = Image.open(next(tmp_path.glob("front*.png")))
    results = zxingcpp.read_barcodes(image)
    assert [r.text for r in results] == [drill_url(SITE, "clamshell")] == ["https://cards.example.org/drills/clamshell/"]


def test_too_long_card_is_a_positioned_warning_naming_drill_and_field(project):
    long_steps = "".join(f"  - Step {i}: keep going slowly and with control, breathing out as you lift the leg up high.\n"
                         for i in range(1, 13))
    text_ = (STARTER / "drills/clamshell.yml").read_text().replace(
        "steps:\n  - Lie on your side with your knees bent.\n  - Keep your feet together and lift the top knee.\n",
        "steps:\n" + long_steps.replace("Step", "'Step").replace("high.\n", "high.'\n"))
    checked = pipeline.check(project({"drills/clamshell.yml": text_}).content)
    assert checked.ok
    problems = fit_diagnostics(checked.graph, cards_for(checked.graph, Filters(), SITE), TEMPLATES)
    assert [(p.path, p.line, p.col, p.code) for p in problems] == [("content/drills/clamshell.yml", 15, 3, "card.too-long")]
    assert problems[0].message == "the front of the card for 'clamshell' is too long: it runs out of room at 'steps'"
    assert problems[0].severity == "warning"


def test_a_face_that_runs_over_as_a_whole_names_the_field_with_the_most_text(graph):
    """When no field spills onto a second page (only the room kept for the figure does), the warning names the field
    with the most words; the dose's printed model no longer wins by its length."""
    from generator.cards.decks import _culprit

    model = graph.kb.items[("drill", "clamshell")].model
    longer = model.model_copy(update={"steps": [*model.steps, "Breathe out as you lift the top knee.",
                                                "Keep your head resting on your lower arm."]})
    assert _culprit(longer, "front", "") == "steps"
    assert _culprit(longer, "front", "cues") == "cues"


def test_starter_cards_all_fit(graph):
    assert fit_diagnostics(graph, cards_for(graph, Filters(), SITE), TEMPLATES) == []
