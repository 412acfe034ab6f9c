"""Decks measured as a printer and a guillotine meet them: positions in millimetres, pages in order, pixels at 300 dpi."""

import io
import statistics
import subprocess

import pdfplumber
import pytest
from PIL import Image

from generator import pipeline
from generator.cards.decks import DeckSpec, cards_for, render_deck
from generator.cards.select import Filters
from generator.cards.sizes import LAYOUTS
from tests.conftest import CARD_CACHE, REPO, STARTER

SITE = "https://cards.example.org/"
TEMPLATES = REPO / "templates"
MM = 72 / 25.4
SAFE_MM = 5.0
CUT_GREY = (0.466667, 0.466667, 0.466667)


@pytest.fixture(scope="module")
def starter():
    checked = pipeline.check(STARTER)
    assert checked.ok
    return checked.graph


@pytest.fixture(scope="module")
def shipped_graph():
    checked = pipeline.check(REPO / "content")
    assert checked.ok
    return checked.graph


_DECKS: dict[tuple, bytes] = {}


def pdf_bytes(graph, size, filters=Filters(), **options) -> bytes:
    """Each deck is rendered once, however many tests measure it, and read from the card cache in later runs."""
    key = (id(graph), size, filters, tuple(sorted(options.items())))
    if key not in _DECKS:
        cards = cards_for(graph, filters, SITE)
        _DECKS[key] = render_deck(cards, DeckSpec("t", "Geometry deck", "For tests", filters), size, TEMPLATES,
                                  cache=CARD_CACHE, **options)
    return _DECKS[key]


def open_pdf(data: bytes) -> pdfplumber.PDF:
    return pdfplumber.open(io.BytesIO(data))


def mm(points: float) -> float:
    return points / MM


def kind_of(page) -> str:
    """'front', 'back' or 'other' from what the page says."""
    return _kind(page.extract_text() or "")


def page_kinds(data: bytes) -> list[str]:
    """kind_of for every page, read by poppler's pdftotext: pdfplumber takes seconds per 10 pages of a whole deck."""
    text = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout.decode()
    return [_kind(page) for page in text.split("\f")[:-1]]  # each page ends with a form feed


def _kind(text: str) -> str:
    text = " ".join(text.split())
    if "How to do it" in text:
        return "front"
    if "pain and progress" in text:
        return "back"
    return "other"


def trim(page) -> tuple[float, float, float, float]:
    """The trimmed sheet (x0, top, x1, bottom) in pdfplumber's coordinates, in points."""
    return page.trimbox if page.trimbox else page.bbox


def cut_lines(page) -> tuple[set[float], set[float]]:
    """x and y (mm) of the dashed cut lines: each is drawn as an outer and an inner grey frame around a cell."""
    frames = [r for r in page.rects if r["non_stroking_color"] == CUT_GREY]
    xs, ys = set(), set()
    for outer, inner in zip(frames[::2], frames[1::2]):
        xs |= {round(mm(outer["x0"] + inner["x0"]) / 2, 1), round(mm(outer["x1"] + inner["x1"]) / 2, 1)}
        ys |= {round(mm(outer["top"] + inner["top"]) / 2, 1), round(mm(outer["bottom"] + inner["bottom"]) / 2, 1)}
    return xs, ys


@pytest.mark.parametrize("size", sorted(LAYOUTS))
@pytest.mark.parametrize("duplex", [False, True])
def test_fronts_on_odd_pages_and_each_back_right_after_its_front(starter, size, duplex):
    with open_pdf(pdf_bytes(starter, size, duplex=duplex)) as pdf:
        kinds = [kind_of(page) for page in pdf.pages]
    fronts = [n for n, kind in enumerate(kinds, 1) if kind == "front"]
    assert fronts and all(n % 2 == 1 for n in fronts)
    assert [n for n, kind in enumerate(kinds, 1) if kind == "back"] == [n + 1 for n in fronts]


def test_a_cover_longer_than_one_page_still_puts_fronts_on_odd_pages(shipped_graph):
    data = pdf_bytes(shipped_graph, "a6", duplex=True)
    kinds = page_kinds(data)
    with open_pdf(data) as pdf:
        assert len(kinds) == len(pdf.pages)
        cover = " ".join(pdf.pages[0].extract_text().split())
    assert "Print at 100 %" in cover and "flip on the long edge" in cover
    fronts = [n for n, kind in enumerate(kinds, 1) if kind == "front"]
    assert len(fronts) == len(shipped_graph.kb.of_kind("drill"))
    assert all(n % 2 == 1 for n in fronts)
    assert [n for n, kind in enumerate(kinds, 1) if kind == "back"] == [n + 1 for n in fronts]


def test_print_shop_deck_has_no_cover_and_two_pages_per_card(starter):
    with open_pdf(pdf_bytes(starter, "a6", bleed=True)) as pdf:
        assert [kind_of(page) for page in pdf.pages] == ["front", "back", "front", "back"]


@pytest.mark.parametrize(("size", "width_mm", "height_mm"), [("a4-4up", 210, 297), ("letter-4up", 215.9, 279.4)])
def test_cut_lines_sit_on_the_cell_edges_and_only_on_fronts(starter, size, width_mm, height_mm):
    with open_pdf(pdf_bytes(starter, size, duplex=True)) as pdf:
        front, back = [p for p in pdf.pages if kind_of(p) != "other"][:2]
        xs, ys = cut_lines(front)
        for found, expected in ((xs, (0, width_mm / 2, width_mm)), (ys, (0, height_mm / 2, height_mm))):
            assert len(found) == 3 and all(abs(a - b) <= 0.15 for a, b in zip(sorted(found), expected)), found
        assert cut_lines(back) == (set(), set())


@pytest.mark.parametrize(("size", "options"), [("a6", {}), ("a4-4up", {"duplex": True}),
                                                ("letter-4up", {"duplex": True}), ("a6", {"bleed": True})])
def test_every_text_and_image_box_is_at_least_5_mm_inside_the_sheet(starter, size, options):
    with open_pdf(pdf_bytes(starter, size, **options)) as pdf:
        for page in pdf.pages:
            if kind_of(page) == "other":
                continue
            x0, top, x1, bottom = trim(page)
            boxes = page.chars + page.images
            assert boxes
            nearest = min(min(b["x0"] - x0, x1 - b["x1"], b["top"] - top, bottom - b["bottom"]) for b in boxes)
            assert mm(nearest) >= SAFE_MM, f"page {page.page_number}: a box is {mm(nearest):.2f} mm from the edge"


def faces(page) -> dict[str, tuple[float, float, float, float]]:
    """Card title → its face box (the white card background), in mm."""
    out = {}
    for rect in page.rects:
        if rect["non_stroking_color"] != (1.0, 1.0, 1.0) or mm(rect["width"]) < 90:
            continue
        text = page.crop((rect["x0"], rect["top"], rect["x1"], rect["bottom"])).extract_text() or ""
        title = text.splitlines()[0].split(": pain and progress")[0] if text else ""
        if title:
            out[title] = tuple(round(mm(v), 2) for v in (rect["x0"], rect["top"], rect["x1"], rect["bottom"]))
    return out


@pytest.mark.parametrize("size", ["a4-4up", "letter-4up"])
def test_each_back_lands_within_half_a_millimetre_of_its_front_mirrored(starter, size):
    with open_pdf(pdf_bytes(starter, size, duplex=True)) as pdf:
        front, back = [p for p in pdf.pages if kind_of(p) != "other"][:2]
        width = mm(front.width)
        on_front, on_back = faces(front), faces(back)
    assert set(on_front) == set(on_back) == {"Clamshell", "Side-lying hip abduction"}
    for title, (x0, top, x1, bottom) in on_front.items():
        mirrored = (width - x1, top, width - x0, bottom)
        assert max(abs(a - b) for a, b in zip(on_back[title], mirrored)) <= 0.5, title


def test_crop_marks_lie_outside_the_trim_and_bleed_boxes(starter):
    with open_pdf(pdf_bytes(starter, "a6", bleed=True)) as pdf:
        page = pdf.pages[0]
        x0, top, x1, bottom = trim(page)
        marks = [line for line in page.lines
                 if line["x1"] <= x0 or line["x0"] >= x1 or line["bottom"] <= top or line["top"] >= bottom]
    assert len(marks) == 8
    bleed = 3 * MM
    for line in marks:
        assert mm(max(line["x1"] - line["x0"], line["bottom"] - line["top"])) >= 4
        outside = max(x0 - line["x1"], line["x0"] - x1, top - line["bottom"], line["top"] - bottom)
        assert outside >= bleed, f"a crop mark reaches {mm(outside):.1f} mm from the trim, inside the bleed"


def render_gray(data: bytes, page: int, tmp_path) -> Image.Image:
    pdf = tmp_path / "deck.pdf"
    pdf.write_bytes(data)
    subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-f", str(page), "-l", str(page), str(pdf),
                    str(tmp_path / "page")], check=True)
    return Image.open(next(tmp_path.glob("page*.png"))).convert("L")


def test_zone_marks_and_tints_stay_apart_in_grayscale_at_300_dpi(shipped_graph, tmp_path):
    data = pdf_bytes(shipped_graph, "a6", Filters(ids=("clamshell",)))
    with open_pdf(data) as pdf:
        number = next(p.page_number for p in pdf.pages if kind_of(p) == "back")
        page = pdf.pages[number - 1]
        words = {w["text"]: w for w in page.extract_words() if w["text"] in ("GREEN", "AMBER", "RED")}
        tints = sorted((r for r in page.rects if r["fill"] and r["non_stroking_color"] not in ((1.0, 1.0, 1.0), (0.0, 0.0, 0.0))
                        and mm(r["height"]) > 3), key=lambda r: r["top"])
    image = render_gray(data, number, tmp_path)
    scale = 300 / 72

    def dark_share(word) -> float:
        """Share of dark pixels in the mark printed just left of a zone's label."""
        box = ((word["x0"] - 3.6 * MM) * scale, (word["top"] - 0.4 * MM) * scale,
               (word["x0"] - 0.6 * MM) * scale, (word["bottom"] + 0.2 * MM) * scale)
        pixels = image.crop(tuple(round(v) for v in box)).tobytes()  # mode L: one byte per pixel
        return sum(p < 128 for p in pixels) / len(pixels)

    green, amber, red = (dark_share(words[name]) for name in ("GREEN", "AMBER", "RED"))
    assert 0.1 < green < amber < red, (green, amber, red)
    assert amber - green > 0.1 and red - amber > 0.1

    assert len(tints) == 3
    greys = [statistics.median(image.crop(tuple(round(v * scale) for v in (r["x0"], r["top"], r["x1"], r["bottom"])))
                               .tobytes()) for r in tints]
    assert greys[0] - greys[1] >= 15 and greys[1] - greys[2] >= 15, greys


def test_qr_code_and_log_sit_at_the_same_place_on_every_card(shipped_graph):
    with open_pdf(pdf_bytes(shipped_graph, "a6", Filters(ids=("a-skip", "bent-knee-calf-raise", "step-up")))) as pdf:
        qr, log = set(), set()
        for page in pdf.pages:
            if kind_of(page) == "front":
                squares = [r for r in page.rects if r["non_stroking_color"] == (1.0, 1.0, 1.0) and 40 < r["width"] < 60]
                qr |= {tuple(round(mm(r[k]), 1) for k in ("x0", "top", "x1", "bottom")) for r in squares}
            elif kind_of(page) == "back":
                log |= {round(mm(w["top"]), 1) for w in page.extract_words() if w["text"] == "Log"}
    assert len(qr) == 1 and len(log) == 1, (qr, log)


def test_deck_pdf_has_title_author_subject_and_tags(starter):
    data = pdf_bytes(starter, "a4-4up", duplex=True)
    with open_pdf(data) as pdf:
        assert pdf.metadata["Title"] == "Geometry deck"
        assert pdf.metadata["Author"] == "Stride Curriculum"
        assert pdf.metadata["Subject"].startswith("For tests: 2 drill cards")
        catalog = pdf.doc.catalog
        assert "StructTreeRoot" in catalog and catalog["MarkInfo"]["Marked"] is True


CLOSEST_TO_THE_FOOT = ("clamshell", "high-knees", "step-up", "bounding", "a-skip", "b-skip")
"""Fronts whose text ran 0.2-1 mm into the figure on Letter cards while the fit check passed them (it allowed about
5 mm too much: WeasyPrint let the face's bottom padding run past the page instead of breaking)."""


def test_front_text_ends_above_the_figure_and_qr_code_on_the_smallest_cell(shipped_graph):
    layout = LAYOUTS["letter-4up"]  # its cell, 105 x 139.7 mm, is the smallest of all layouts
    cell_w, cell_h = layout.cell_mm
    with open_pdf(pdf_bytes(shipped_graph, "letter-4up", Filters(ids=CLOSEST_TO_THE_FOOT))) as pdf:
        fronts = [page for page in pdf.pages if kind_of(page) == "front"]
        gaps = []
        for page in fronts:
            for row in range(2):
                for col in range(2):
                    def inside(box, row=row, col=col) -> bool:
                        return (col * cell_w <= mm(box["x0"]) < (col + 1) * cell_w
                                and row * cell_h <= mm(box["top"]) < (row + 1) * cell_h)
                    words = [w for w in page.extract_words() if inside(w)]
                    drawings = [o for o in page.curves + page.rects + page.images
                                if inside(o) and mm(o["top"]) - row * cell_h > 100]
                    if words and drawings:
                        gaps.append(mm(min(o["top"] for o in drawings)) - mm(max(w["bottom"] for w in words)))
    assert len(gaps) == len(CLOSEST_TO_THE_FOOT)
    assert min(gaps) > 0.5, gaps
