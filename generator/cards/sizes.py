"""Card sizes and sheet layouts, declared once; CSS, the fit check and page counts derive from here."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Layout:
    name: str
    label: str
    page_mm: tuple[float, float]
    columns: int
    rows: int

    @property
    def per_sheet(self) -> int:
        return self.columns * self.rows

    @property
    def cell_mm(self) -> tuple[float, float]:
        return (self.page_mm[0] / self.columns, self.page_mm[1] / self.rows)


LAYOUTS: dict[str, Layout] = {
    layout.name: layout
    for layout in (
        Layout("a6", "A6, one card per page", (105, 148), 1, 1),
        Layout("a4-4up", "A4, four cards per sheet with cut marks", (210, 297), 2, 2),
        Layout("letter-4up", "US Letter, four cards per sheet with cut marks", (215.9, 279.4), 2, 2),
    )
}

FIT_MM: tuple[float, float] = (
    min(layout.cell_mm[0] for layout in LAYOUTS.values()),
    min(layout.cell_mm[1] for layout in LAYOUTS.values()),
)
"""Every card must fit the smallest cell of any layout, so one check covers all sizes."""

SLUG_MM = 10
"""Paper added around each trimmed card for a print shop (--bleed). WeasyPrint puts the PDF bleed box 10 pt
(3.5 mm) past the trim and draws crop marks in the outer 5 mm, so the marks never print inside the bleed."""

BLEED_LAYOUTS = ("a6",)
"""Only single cards are trimmed by a print shop; 4-up sheets are cut along their cut lines."""


def sheets_for(layout: Layout, cards: int) -> int:
    """Sheets (a front page and a back page each) a deck of `cards` takes."""
    return -(-cards // layout.per_sheet)
