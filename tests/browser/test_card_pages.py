"""Printable card pages on the site: no text box of a card overlaps another or leaves its card, for every shipped
card, on screen at 1280, 390 and 320 px and in print."""

import pytest

MEASURE = """
async (urls) => {
  const holder = document.querySelector('.stride-card-page');
  const problems = [];
  for (const url of urls) {
    const html = await (await fetch(url)).text();
    const doc = new DOMParser().parseFromString(html, 'text/html');
    holder.innerHTML = doc.querySelector('.stride-card-page').innerHTML;
    for (const sheet of holder.querySelectorAll('.card-sheet')) {
      const card = sheet.getBoundingClientRect();
      const boxes = [];
      const walker = document.createTreeWalker(sheet, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        const node = walker.currentNode;
        if (!node.textContent.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const r of range.getClientRects()) {
          if (r.width > 0.5 && r.height > 0.5) boxes.push({name: node.textContent.trim().slice(0, 40), r});
        }
      }
      for (const svg of sheet.querySelectorAll('.card-qr svg, .card-figure svg, .card-figure img')) {
        boxes.push({name: svg.parentElement.className, r: svg.getBoundingClientRect()});
      }
      const where = `${url} (${sheet.querySelector('.card-face').dataset.face})`;
      for (const b of boxes) {
        if (b.r.left < card.left - 0.5 || b.r.right > card.right + 0.5 || b.r.top < card.top - 0.5
            || b.r.bottom > card.bottom + 0.5) problems.push(`${where}: '${b.name}' leaves its card`);
      }
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r, b = boxes[j].r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
          const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) problems.push(`${where}: '${boxes[i].name}' overlaps '${boxes[j].name}'`);
        }
      }
    }
  }
  return problems;
}
"""


@pytest.fixture(scope="module")
def card_ids(shipped) -> list[str]:
    project, _, _ = shipped
    return sorted(p.parent.name for p in (project.site / "cards").glob("*/index.html") if p.parent.name != "decks")


@pytest.mark.parametrize(("width", "media"), [(1280, "screen"), (390, "screen"), (320, "screen"), (1280, "print")])
def test_no_text_on_any_card_page_overlaps_other_text_or_leaves_the_card(page, shipped_url, card_ids, width, media):
    assert len(card_ids) >= 49
    page.set_viewport_size({"width": width, "height": 900})
    page.emulate_media(media=media)
    page.goto(f"{shipped_url}/cards/{card_ids[0]}/")
    assert page.evaluate(MEASURE, [f"{shipped_url}/cards/{card}/" for card in card_ids]) == []


def test_card_page_shows_the_pictogram_with_its_alt_text(page, shipped_url):
    page.goto(f"{shipped_url}/cards/glute-bridge/")
    figure = page.locator(".card-figure")
    assert figure.get_attribute("role") == "img"
    assert figure.get_attribute("aria-label").startswith("Side view of a person lying on the back")
    box = figure.locator("svg").bounding_box()
    assert box and box["height"] > 60  # 18 mm at 96 dpi is 68 px
