"""Time a 200-card PDF deck (A6, one card per page) and print seconds per card.

Usage: .venv/bin/python benchmarks/cards_deck.py [cards]
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from synthetic import make_content

from generator import pipeline
from generator.cards.decks import DeckSpec, cards_for, render_deck
from generator.cards.select import Filters
from generator.resources import templates


def main(count: int = 200) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = make_content(Path(tmp) / "project", count)
        checked = pipeline.check(root / "content")
        cards = cards_for(checked.graph, Filters(), "https://stride-curriculum.org/")[:count]
        spec = DeckSpec("bench", "Benchmark", "Synthetic drills", Filters())
        for size in ("a6", "a4-4up"):
            start = time.perf_counter()
            pdf = render_deck(cards, spec, size, templates())
            seconds = time.perf_counter() - start
            print(f"{size}: {len(cards)} cards in {seconds:.1f} s = {seconds / len(cards):.3f} s per card "
                  f"({len(pdf) // 1024} KiB)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
