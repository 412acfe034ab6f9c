"""PDF decks of growing size, rendered the old way (one WeasyPrint document) and as cached pieces (one per sheet).

For each deck size it prints, per way of rendering: CPU seconds (worker processes included), wall seconds and peak
memory (the resident memory of the process and all its workers, summed, sampled every 20 ms), for a cold render,
a warm one (nothing changed) and one after editing one drill. The old way keyed its cache on the whole deck's HTML,
so after an edit it rendered the whole deck again: its edit row is a cold render by construction.

Usage: .venv/bin/python benchmarks/cards_deck.py [cards ...] [--size a4-4up]   (default: 50 200 800, a4-4up)
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from synthetic import make_content

MODES = ("whole", "cold", "warm", "edit")
"""whole: the old single document; cold, warm, edit: pieces, with the cache empty, full, and after one edit."""


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            total += next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS:"))
            for task in Path(f"/proc/{current}/task").iterdir():
                stack += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError, StopIteration):
            continue
    return total / 1024


class PeakMemory:
    def __init__(self) -> None:
        self.peak = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, tree_rss_mb(os.getpid()))
            time.sleep(0.02)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()


def cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(project: Path, cache: Path, count: int, size: str, mode: str) -> dict:
    """One mode in this (fresh) process: the render step only, its worker processes stopped and counted."""
    from generator import pipeline
    from generator.cards import pieces, workers
    from generator.cards.decks import DeckSpec, cards_for, deck_request
    from generator.cards.render import Faces, deck_html, to_pdf
    from generator.cards.select import Filters
    from generator.cards.sizes import LAYOUTS
    from generator.resources import templates

    cards = cards_for(pipeline.check(project / "content").graph, Filters(), "https://stride-curriculum.org/")[:count]
    if mode == "edit":
        middle = len(cards) // 2
        cards[middle] = dataclasses.replace(cards[middle], purpose="An educator rewrote this purpose.")
    spec = DeckSpec("bench", "Benchmark", "Synthetic drills", Filters())
    rendered = []
    real = pieces.start_rendering
    pieces.start_rendering = lambda htmls: rendered.extend(htmls) or real(htmls)
    start_cpu, start = cpu_seconds(), time.perf_counter()
    with PeakMemory() as memory:
        if mode == "whole":
            pdf = to_pdf(deck_html(cards, LAYOUTS[size], spec.title, spec.subtitle, templates(), duplex=True))
        else:
            pdf = pieces.render_decks([deck_request(cards, spec, size, Faces(templates()), duplex=True)], cache)[0]
        workers.stop()  # so their CPU time is counted
    return {"cpu": cpu_seconds() - start_cpu, "wall": time.perf_counter() - start, "peak_mb": memory.peak,
            "kib": len(pdf) // 1024, "pieces_rendered": len(rendered) if mode != "whole" else None}


def run(project: Path, cache: Path, count: int, size: str, mode: str) -> dict:
    command = [sys.executable, __file__, "--measure", str(project), str(cache), str(count), size, mode]
    done = subprocess.run(command, check=True, capture_output=True, text=True, cwd=Path(__file__).parent)
    return json.loads(done.stdout.splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", nargs="*", type=int, default=[50, 200, 800])
    parser.add_argument("--size", default="a4-4up")
    args = parser.parse_args()
    print(f"{args.size} decks, duplex; CPU s includes worker processes; peak MB is the process tree's resident memory")
    print("| cards | way | cold CPU s | cold wall s | cold peak MB | warm CPU s | one-drill edit CPU s / wall s |"
          " PDF KiB |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        project = make_content(Path(tmp) / "project", max(args.counts))
        for count in args.counts:
            cache = Path(tmp) / f"cache-{count}"
            shutil.rmtree(cache, ignore_errors=True)
            result = {mode: run(project, cache, count, args.size, mode) for mode in MODES}
            whole, cold, warm, edit = (result[mode] for mode in MODES)
            print(f"| {count} | one document (before) | {whole['cpu']:.1f} | {whole['wall']:.1f} | "
                  f"{whole['peak_mb']:.0f} | cache hit | {whole['cpu']:.1f} / {whole['wall']:.1f} (whole deck) | "
                  f"{whole['kib']} |")
            print(f"| {count} | pieces (after) | {cold['cpu']:.1f} | {cold['wall']:.1f} | {cold['peak_mb']:.0f} | "
                  f"{warm['cpu']:.2f} | {edit['cpu']:.1f} / {edit['wall']:.1f} ({edit['pieces_rendered']} of "
                  f"{cold['pieces_rendered']} pieces) | {cold['kib']} |")
            sys.stdout.flush()


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--measure":
        project, cache, count, size, mode = sys.argv[2:]
        print(json.dumps(measure(Path(project), Path(cache), int(count), size, mode)))
    else:
        main()
