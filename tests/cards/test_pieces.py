"""Decks rendered as cached pieces, and the per-card fit check: what is rendered again after an edit, and that merging
changes nothing a reader sees."""

import dataclasses
import io
import os
import pickle
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator import pipeline
from generator.cards import merge, pieces
from generator.cards import render as card_render
from generator.cards.decks import DeckSpec, cards_for, deck_request
from generator.cards.render import Faces, deck_html, overflowing, to_pdf
from generator.cards.select import Filters
from generator.cards.sizes import LAYOUTS
from tests.conftest import CARD_CACHE, REPO

SITE = "https://cards.example.org/"
TEMPLATES = REPO / "templates"
SPEC = DeckSpec("t", "Nine cards", "For tests", Filters())


@pytest.fixture(scope="module")
def nine():
    """Nine shipped drills: a cover and three A4 sheets, the last one part empty."""
    checked = pipeline.check(REPO / "content")
    assert checked.ok
    return cards_for(checked.graph, Filters(), SITE)[:9]


@pytest.fixture(scope="module")
def whole(nine) -> bytes:
    """The same deck rendered by WeasyPrint as one document, as decks were before they were split."""
    return to_pdf(deck_html(nine, LAYOUTS["a4-4up"], SPEC.title, SPEC.subtitle, TEMPLATES, duplex=True))


@pytest.fixture(scope="module")
def merged(nine) -> bytes:
    return render(nine, None)


@pytest.fixture
def rendered(monkeypatch):
    """The HTML of every piece WeasyPrint is asked to render."""
    seen: list[str] = []
    real = pieces.start_rendering

    def counting(htmls):
        seen.extend(htmls)
        return real(htmls)

    monkeypatch.setattr(pieces, "start_rendering", counting)
    return seen


def render(cards, cache, spec=SPEC, size="a4-4up"):
    return pieces.render_decks([deck_request(cards, spec, size, Faces(TEMPLATES), duplex=True)], cache)[0]


def page_texts(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def test_an_edit_to_one_drill_renders_only_the_sheet_that_shows_it(nine, tmp_path, rendered):
    cold = render(nine, tmp_path)
    assert len(rendered) == 4  # the cover and three sheets
    rendered.clear()

    assert render(nine, tmp_path) == cold and rendered == []
    for merged in (tmp_path / "decks").iterdir():
        merged.unlink()
    assert render(nine, tmp_path) == cold and rendered == []  # merged again from cached pieces, byte for byte

    edited = list(nine)
    edited[5] = dataclasses.replace(nine[5], purpose="A purpose rewritten by an educator.")
    render(edited, tmp_path)
    assert len(rendered) == 1 and "A purpose rewritten by an educator." in rendered[0]
    assert all(card.title in rendered[0] for card in nine[4:8])  # the second sheet, and nothing else
    rendered.clear()

    render(edited, tmp_path, spec=dataclasses.replace(SPEC, title="Another deck"))
    assert len(rendered) == 1 and "Another deck" in rendered[0]  # a new cover; every sheet is shared


def test_merged_deck_reads_page_for_page_like_one_rendered_as_a_whole(whole, merged):
    assert page_texts(merged) == page_texts(whole)
    assert len(page_texts(merged)) == 2 + 2 * 3  # cover and its blank back, then front and back of three sheets


def test_merged_deck_keeps_the_whole_tag_tree(whole, merged):
    """Every tagged element of a deck rendered whole is in the merged deck, and each page maps its marked content."""
    reader = PdfReader(io.BytesIO(merged))
    assert tag_counts(reader) == tag_counts(PdfReader(io.BytesIO(whole)))
    assert tag_counts(reader)["/H2"] == 2 * 9  # a title on each face
    catalog = reader.root_object
    assert catalog["/MarkInfo"]["/Marked"] and catalog["/Lang"] == "en"
    nums = catalog["/StructTreeRoot"]["/ParentTree"]["/Nums"]
    parents = dict(zip(nums[::2], nums[1::2]))
    for page in reader.pages:
        if "/StructParents" not in page:
            assert page.extract_text() == ""  # the blank back of the cover
            continue
        elements = parents[page["/StructParents"]]
        assert elements and all(e.get_object().raw_get("/Pg").idnum == page.indirect_reference.idnum for e in elements)


def tag_counts(reader: PdfReader) -> Counter:
    counts: Counter = Counter()
    stack = [reader.root_object["/StructTreeRoot"]]
    while stack:
        node = stack.pop().get_object()
        if isinstance(node, dict):
            if "/S" in node:
                counts[node["/S"]] += 1
            kids = node.get("/K", [])
            stack.extend(kids if isinstance(kids, list) else [kids])
    return counts


def test_deck_info_is_the_decks_not_a_pieces(merged):
    reader = PdfReader(io.BytesIO(merged))
    assert reader.metadata.title == "Nine cards" and reader.metadata.author == "Stride Curriculum"
    assert reader.metadata.subject == "For tests: 9 drill cards, A4, four cards per sheet with cut marks"
    assert reader.metadata.producer.startswith("WeasyPrint ") and "pypdf" in reader.metadata.producer


def test_two_renders_without_a_cache_are_byte_identical(nine, merged):
    assert render(nine, None) == merged


def test_pieces_come_back_in_order_from_the_worker_processes(nine):
    htmls = [deck_html([card], LAYOUTS["a6"], card.title, "One card", TEMPLATES, bleed=True) for card in nine[:3]]
    fronts = [page_texts(pdf)[0] for pdf in pieces.start_rendering(htmls)()]
    assert [[card.title in front for card in nine[:3]] for front in fronts] == [
        [True, False, False], [False, True, False], [False, False, True]]


def test_fit_check_lays_out_only_the_cards_it_has_not_seen(nine, tmp_path, monkeypatch):
    laid_out: list[str] = []
    real = card_render.run_all

    def counting(function, documents, **options):
        laid_out.extend(documents)
        return real(function, documents, **options)

    monkeypatch.setattr(card_render, "run_all", counting)
    assert overflowing(nine, TEMPLATES, tmp_path) == [] and len(laid_out) == 1  # nine cards, one document
    laid_out.clear()
    assert overflowing(nine, TEMPLATES, tmp_path) == [] and laid_out == []

    steps = [f"Step {n}: keep going slowly and with control, breathing out as you lift the leg." for n in range(14)]
    edited = [*nine[:3], dataclasses.replace(nine[3], steps=steps), *nine[4:]]
    problems = overflowing(edited, TEMPLATES, tmp_path)
    assert [(problem.drill, problem.face) for problem in problems] == [(nine[3].id, "front")]
    assert len(laid_out) == 1 and nine[3].title in laid_out[0] and nine[4].title not in laid_out[0]


def test_every_back_follows_its_front_with_each_row_mirrored(nine, merged):
    texts = page_texts(merged)[2:]  # after the cover and its blank back

    def order(text: str, titles: list[str]) -> list[str]:
        return sorted((t for t in titles if t in text), key=text.index)

    for sheet, (front, back) in enumerate(zip(texts[::2], texts[1::2])):
        titles = [card.title for card in nine[4 * sheet:4 * sheet + 4]]
        assert order(front, titles) == titles and "How to do it" in front
        mirrored = [titles[i] for i in (1, 0, 3, 2) if i < len(titles)]
        assert order(back, [f"{t}: pain and progress" for t in titles]) == [f"{t}: pain and progress" for t in mirrored]


def test_decks_rendered_together_on_the_workers_equal_decks_rendered_alone(nine):
    requests = [deck_request(nine[:2], SPEC, size, Faces(TEMPLATES), duplex=True) for size in ("a4-4up", "a6")]
    assert pieces.render_decks(requests) == [pieces.render_decks([request])[0] for request in requests]


def test_pieces_and_decks_no_build_used_for_a_week_are_deleted(nine, tmp_path):
    deck = render(nine[:2], tmp_path)
    used = sorted(tmp_path.rglob("*.pdf"))
    assert [p.parent.name for p in used] == ["decks", "pieces", "pieces"]  # the deck, its cover and one sheet
    week_ago = time.time() - (pieces.UNUSED_DAYS + 1) * 86400
    stale = tmp_path / "pieces" / ("0" * 64 + ".pdf")
    stale.write_bytes(b"%PDF- a sheet from a drill since edited")
    stale_chunk = tmp_path / "chunks" / ("0" * 64 + ".chunk")
    stale_chunk.write_bytes(b"a sheet's chunk from a drill since edited")
    for path in [*used, stale, stale_chunk]:
        os.utime(path, (week_ago, week_ago))
    assert render(nine[:2], tmp_path) == deck  # read from the cache, which marks the deck and its sheets as used
    assert sorted(tmp_path.rglob("*.pdf")) == used and not stale_chunk.exists()


def with_shared_sheets(cards, cache):
    """Fill a new cache folder with the deck's sheets from the suite's shared cache (rendered there if need be),
    but none of its chunks, so a test of joining does not wait for WeasyPrint."""
    render(cards, CARD_CACHE)
    (cache / "pieces").mkdir(exist_ok=True)
    for key in map(pieces.piece_key, deck_request(cards, SPEC, "a4-4up", Faces(TEMPLATES), duplex=True).pieces):
        shutil.copyfile(CARD_CACHE / "pieces" / f"{key}.pdf", cache / "pieces" / f"{key}.pdf")


@pytest.fixture
def chunked(monkeypatch):
    """The pieces made into chunks of a deck (not found in the cache), as their first object number."""
    made: list[int] = []
    real = merge._chunk

    def counting(piece, place):
        made.append(place.first)
        return real(piece, place)

    monkeypatch.setattr(merge, "_chunk", counting)
    monkeypatch.setattr(pieces, "run_all", lambda function, items, **_: [function(item) for item in items])
    return made


def test_after_an_edit_the_deck_is_joined_from_cached_chunks_and_equals_a_fresh_join(nine, tmp_path, chunked):
    """Joining a deck of hundreds of sheets again for each edit took seconds per deck size; only the edited sheet's
    part of the file is made again, and the deck is the one a join from nothing gives."""
    with_shared_sheets(nine, tmp_path)
    chunked.clear()  # made for the shared cache, the first time
    render(nine, tmp_path)
    assert len(chunked) == 4  # the cover and three sheets
    chunked.clear()
    edited = list(nine)
    edited[5] = dataclasses.replace(nine[5], purpose="A purpose rewritten by an educator, a little longer than before.")
    deck = render(edited, tmp_path)
    assert len(chunked) == 1  # the second sheet
    fresh = tmp_path / "fresh"  # the same sheets, joined from nothing
    shutil.copytree(tmp_path / "pieces", fresh / "pieces")
    assert deck == render(edited, fresh) and len(chunked) == 1 + 4
    assert "A purpose rewritten by an educator" in page_texts(deck)[4]  # the second sheet's front, after the cover


class _RunsCode:
    """Unpickling this would run code: a chunk file must never be read that way."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (Path.write_text, (self.marker, "ran"))


def test_a_damaged_or_planted_chunk_or_shape_is_made_again(nine, tmp_path, chunked):
    """Cut short, hand-edited to plausible wrong numbers, or replaced by a pickle that would run code: the deck is
    the same as one joined from nothing, and nothing in the cache runs."""
    with_shared_sheets(nine[:5], tmp_path)
    deck = render(nine[:5], tmp_path)
    marker = tmp_path / "ran.txt"
    damages = [
        lambda path: path.read_bytes()[:10],
        lambda path: (b'{"objects": 1, "keys": 0, "pages": 2}' if path.suffix == ".shape" else path.read_bytes()),
        lambda path: path.read_bytes().replace(b'"stream": ', b'"stream": 1', 1),
        lambda path: path.read_bytes()[:-7] + b"garbage",
        lambda path: pickle.dumps(_RunsCode(marker)),
    ]

    def forget(folder: str) -> None:
        for path in (tmp_path / folder).iterdir():
            path.unlink()

    for damage in damages:
        forget("decks")
        forget("chunks")
        assert render(nine[:5], tmp_path) == deck  # a good cache of chunks again
        forget("decks")
        for path in (tmp_path / "chunks").iterdir():
            path.write_bytes(damage(path))
        assert render(nine[:5], tmp_path) == deck and not marker.exists()


def test_a_sheet_that_grows_a_little_moves_no_later_sheet():
    """Each piece's object numbers and parent-tree keys are rounded up, so later chunks keep their cache keys."""
    shapes = [merge.Shape(objects=40, keys=3, pages=1), merge.Shape(objects=600, keys=12, pages=2),
              merge.Shape(objects=610, keys=12, pages=2)]
    grown = [shapes[0], merge.Shape(objects=611, keys=13, pages=2), shapes[2]]
    places = merge._places(shapes)
    assert merge._places(grown) == places
    assert [place.blank for place in places] == [False, True, False]  # the cover's one page is followed by a blank
    assert all(later.first - earlier.first >= shape.objects + 2
               for earlier, later, shape in zip(places, places[1:], shapes))


def test_a_damaged_fit_answer_is_laid_out_again(nine, tmp_path):
    assert overflowing(nine[:2], TEMPLATES, tmp_path) == []
    for path in (tmp_path / "fit").iterdir():
        path.write_text('[{"drill": "x"')
    assert overflowing(nine[:2], TEMPLATES, tmp_path) == []
    assert all(path.read_text() == "[]" for path in (tmp_path / "fit").iterdir())


def test_each_card_face_is_made_once_for_every_deck_and_size_and_prints_the_same(nine):
    faces = Faces(TEMPLATES)
    made: list[tuple[str, str]] = []
    macros = faces._macros

    class Counting:
        def __getattr__(self, side):
            def face(card):
                made.append((card.id, side))
                return getattr(macros, side)(card)
            return face

    faces._macros = Counting()
    other = dataclasses.replace(SPEC, title="Another deck")
    shared = [deck_request(cards, spec, size, faces, duplex=True)
              for cards, spec in ((nine, SPEC), (nine[2:6], other)) for size in ("a4-4up", "letter-4up", "a6")]
    assert sorted(made) == sorted((card.id, side) for card in nine for side in ("front", "back"))
    alone = [deck_request(cards, spec, size, Faces(TEMPLATES), duplex=True)
             for cards, spec in ((nine, SPEC), (nine[2:6], other)) for size in ("a4-4up", "letter-4up", "a6")]
    assert [request.pieces for request in shared] == [request.pieces for request in alone]
