"""media.*: educators' own images are checked where they are named, and shown on pages and cards."""

import io

import pytest
from PIL import Image

from generator.build import build_site
from generator.cards.decks import cards_for
from generator.cards.select import Filters
from tests.lint.helpers import findings, starter

CLAMSHELL = starter("drills/clamshell.yml")


def png(width=2400, height=1600) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 200, 200)).save(out, "PNG")
    return out.getvalue()


def with_image(file: str, **fields) -> dict:
    image = {"file": file, "alt": "A coach holding the runner's top leg", "credit": "Photo: A. Coach",
             "licence": "CC BY 4.0", **fields}
    lines = "".join(f"    {key}: {value!r}\n" if i else f"  - {key}: {value!r}\n" for i, (key, value) in enumerate(image.items()))
    return {"drills/clamshell.yml": CLAMSHELL + "images:\n" + lines}


def add_media(project_root, name: str, data: bytes) -> None:
    path = project_root / "content" / "media" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def codes(project, files, media=None):
    proj = project(files)
    for name, data in (media or {}).items():
        add_media(proj.root, name, data)
    from generator.build import check_project
    return [(d.code, d.line, d.col, d.message) for d in check_project(proj).diagnostics if d.code.startswith("media.")]


def test_a_missing_file_is_an_error_at_the_file_field(project):
    assert codes(project, with_image("clam.png")) == [
        ("media.missing-file", 32, 11, "image 'clam.png' of 'clamshell' is not in content/media/")]


@pytest.mark.parametrize(("name", "data", "code"), [
    ("../../secret.png", None, "media.outside-content"),
    ("clam.gif", b"GIF89a", "media.unsupported-type"),
    ("huge.png", b"\0" * (5 * 1024 * 1024 + 1), "media.too-large"),
    ("drawing.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "media.unsafe-svg"),
    ("linked.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><image href="https://example.org/x.png"/></svg>',
     "media.unsafe-svg"),
])
def test_unsafe_or_unusable_images_are_errors(project, name, data, code):
    found = codes(project, with_image(name), {name: data} if data else None)
    assert [c for c, *_ in found] == [code]


def test_alt_text_and_licence_are_required(project):
    files = with_image("clam.png")
    files["drills/clamshell.yml"] = files["drills/clamshell.yml"].replace("    licence: 'CC BY 4.0'\n", "")
    found = findings(project, files, "schema.missing-field")
    assert len(found) == 1 and "licence" in found[0][3]


def test_a_good_image_is_resized_for_the_web_shown_on_the_page_and_on_a_card_without_a_pose(project):
    files = with_image("abduction.png")
    files["drills/side-lying-hip-abduction.yml"] = starter("drills/side-lying-hip-abduction.yml") + files.pop(
        "drills/clamshell.yml").removeprefix(CLAMSHELL)
    proj = project(files)
    add_media(proj.root, "abduction.png", png())
    generated, problems = build_site(proj)
    assert generated.checked.ok and problems == [], generated.checked.diagnostics
    with Image.open(proj.docs / "media" / "abduction.png") as web:
        assert web.width == 1200 and web.height == 800
    page = (proj.site / "drills" / "side-lying-hip-abduction" / "index.html").read_text()
    assert '<img alt="A coach holding the runner&#39;s top leg" src="../../media/abduction.png" />' in page
    assert "<figcaption>Photo: A. Coach · CC BY 4.0</figcaption>" in page
    card = next(c for c in cards_for(generated.checked.graph, Filters(), "https://x.org/") if c.id == "side-lying-hip-abduction")
    assert card.figure.alt == "A coach holding the runner's top leg"
    assert card.figure.markup.startswith('<img src="data:image/png;base64,')
