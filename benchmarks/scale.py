"""How stride grows: synthetic curricula of about 500, 2,000 and 5,000 entities, measured in one run.

Each size copies the real curriculum (152 entities) with links kept within each copy (benchmarks/synthetic.py).
Every step runs in its own process so its peak memory can be read. Prints a Markdown table (README, Performance):

- generation (load → write of the docs dir, card pages included, PDF decks not) in wall and CPU seconds (CPU counts
  the forked process that renders most pages), and the CPU ratio per 10× entities (target ≤ 11);
- a no-change re-run (files written, target 0) and a one-drill edit (target < 10 s at 2,000 entities), wall and
  CPU; both read unchanged files from the parse cache the first run filled; peak memory of the build and of its
  largest child process (the forked renderer, or a PDF worker);
- the engine on the generated docs: `stride build` (generation, engine config, engine) against the bare engine
  command on the same docs and config, for MkDocs and Zensical, in wall and CPU seconds (target ≤ 1.15×): the
  median of --repeats alternating runs of each (one run of the bare engine varies by ±8 % on a shared machine),
  then a no-change `stride build`, peak memory, site size and largest page;
- with --decks-sizes, a one-drill edit with the PDF decks (wall and CPU seconds, the PDF workers included; target
  < 10 s at 2,000 entities), after a first build that renders every deck.

Usage: .venv/bin/python benchmarks/scale.py [--sizes 500,2000,5000] [--engine-sizes 500,2000] [--engines mkdocs,zensical]
       [--repeats 3] [--decks-sizes 2000]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import entities_per_copy, make_curriculum

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from generator.project import CACHE_ENV  # noqa: E402 - the checkout's package, as each timed step uses it
STEP = """
import json, resource, sys, time
sys.path.insert(0, {here!r})
from pathlib import Path
from generator.build import generate
from generator.cards import workers
from generator.project import Project

def cpu():
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime

if __name__ == "__main__":  # PDF workers start this file again
    project = Project(Path({root!r}))
    wall, start = time.perf_counter(), cpu()
    report = generate(project, pdfs={pdfs}).report
    wall = time.perf_counter() - wall
    workers.stop()  # so the workers' CPU time is counted
    print(json.dumps({{"wall": wall, "cpu": cpu() - start, "written": len(report.written),
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "child_peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}}))
"""


def generate_step(root: Path, pdfs: bool = False) -> dict:
    """One generation in a fresh process; with `pdfs`, the PDF decks too (CPU includes the PDF workers)."""
    script = root / "build" / "benchmark-step.py"
    script.parent.mkdir(parents=True, exist_ok=True)
    script.write_text(STEP.format(here=str(HERE.parent), root=str(root), pdfs=pdfs), encoding="utf-8")
    done = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.splitlines()[-1])


def timed(command: list[str], cwd: Path) -> dict:
    """Wall and CPU seconds and peak memory of a command (its children included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode:
        raise SystemExit(f"{' '.join(command)} failed:\n{done.stderr[-2000:]}")
    return {"wall": time.perf_counter() - wall, "cpu": (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime),
            "peak_mb": after.ru_maxrss / 1024, "stderr": done.stderr}


def site_numbers(site: Path) -> tuple[float, float]:
    """(site size in MB, largest HTML page in KB)."""
    sizes = [p.stat().st_size for p in site.rglob("*") if p.is_file()]
    pages = [p.stat().st_size for p in site.rglob("*.html")]
    return sum(sizes) / 1e6, max(pages) / 1e3


def edit_one_drill(root: Path) -> None:
    drill = sorted((root / "content" / "drills").glob("*.yml"))[0]
    drill.write_text(drill.read_text(encoding="utf-8").replace("summary: ", "summary: Edited. ", 1), encoding="utf-8")


def edit_one_card(root: Path) -> None:
    """Edit a drill where its card shows it (its purpose), so every deck holding the drill is made again."""
    drill = sorted((root / "content" / "drills").glob("*.yml"))[0]
    text = drill.read_text(encoding="utf-8")
    assert 'purpose: "' in text, drill
    drill.write_text(text.replace('purpose: "', 'purpose: "Edited. ', 1), encoding="utf-8")


def measure_decks(size: int, tmp: Path) -> dict:
    """A one-drill edit with the PDF decks: a first build renders every deck (minutes), then the edit is timed."""
    copies = max(1, round(size / entities_per_copy()))
    root = make_curriculum(tmp / f"decks{size}", copies)
    first = generate_step(root, pdfs=True)
    edit_one_card(root)
    return {"entities": copies * entities_per_copy(), "first": first, "edit": generate_step(root, pdfs=True)}


def without_decks(root: Path) -> None:
    """PDF decks are measured elsewhere (benchmarks/cards_deck.py); keep Pango out of the engine comparison."""
    (root / "no-decks.py").write_text(
        "import sys\nfrom generator import build\n"
        "start = build._start_card_files\n"
        "build._start_card_files = lambda project, checked, pdfs: start(project, checked, False)\n"
        "from generator.cli import main\nsys.exit(main(sys.argv[1:]))\n", encoding="utf-8")


def median_run(runs: list[dict]) -> dict:
    """The median wall and the median CPU seconds of repeated runs of one command, and their highest peak."""
    return {"wall": statistics.median(r["wall"] for r in runs), "cpu": statistics.median(r["cpu"] for r in runs),
            "peak_mb": max(r["peak_mb"] for r in runs), "runs": len(runs)}


def measure(size: int, tmp: Path, engines: list[str], repeats: int) -> dict:
    copies = max(1, round(size / entities_per_copy()))
    root = make_curriculum(tmp / f"n{size}", copies)
    row: dict = {"entities": copies * entities_per_copy()}
    row["generate"] = generate_step(root)
    row["rerun"] = generate_step(root)
    edit_one_drill(root)
    row["edit"] = generate_step(root)
    without_decks(root)
    stride = [sys.executable, str(root / "no-decks.py"), "--project", str(root), "build", "--no-offline-zip"]
    for engine in engines:
        config = root / "build" / f"{engine}.yml"
        bare_cmd = [sys.executable, "-m", engine, "build", "-f", str(config)]
        # Both start cold: stride runs Zensical with --clean, so the bare run may not use its cache either.
        bare_cmd += ["-d", str(root / "build" / "bare")] if engine == "mkdocs" else ["--clean"]
        fulls, bares = [], []
        for _ in range(repeats):  # alternating, so a slow minute of a shared machine hits both sides
            (root / "build" / "stamps" / "site").unlink(missing_ok=True)  # the engine runs every time
            fulls.append(timed([*stride, "--engine", engine], cwd=HERE.parent))
            bares.append(timed(bare_cmd, cwd=root / "build"))
        full, bare = median_run(fulls), median_run(bares)
        again = timed([*stride, "--engine", engine], cwd=HERE.parent)
        size_mb, largest_kb = site_numbers(root / "site")
        row[engine] = {"full": full, "bare": bare, "again": again, "site_mb": size_mb, "largest_kb": largest_kb,
                       "skipped": "is up to date" in again["stderr"]}
        print(f"  {engine}: stride build {full['wall']:.1f} s, bare {bare['wall']:.1f} s (median wall of {repeats})",
              file=sys.stderr)
    return row


def table(rows: list[dict], engines: list[str]) -> str:
    first = rows[0]
    lines = ["| entities | generate (wall / CPU s) | CPU per 10× entities | no-change re-run (wall / CPU s, files) "
             "| one-drill edit (wall / CPU s, files) | peak MB (build / largest child) |",
             "|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        g, rerun, edit = row["generate"], row["rerun"], row["edit"]
        per10 = (g["cpu"] / first["generate"]["cpu"]) ** (1 / math.log10(row["entities"] / first["entities"])) \
            if row["entities"] > first["entities"] else None
        lines.append(f"| {row['entities']:,} | {g['wall']:.1f} / {g['cpu']:.1f} | "
                     f"{'—' if per10 is None else f'{per10:.1f}×'} | "
                     f"{rerun['wall']:.1f} / {rerun['cpu']:.1f}, {rerun['written']} | "
                     f"{edit['wall']:.1f} / {edit['cpu']:.1f}, {edit['written']} | "
                     f"{g['peak_mb']:.0f} / {g['child_peak_mb']:.0f} |")
    lines += ["", "| entities | engine | `stride build` wall / CPU s | bare engine wall / CPU s | ratio wall / CPU "
              "| no-change `stride build` s | peak MB | site MB | largest page KB |",
              "|---:|---|---:|---:|---:|---:|---:|---:|---:|"]
    for row in rows:
        for engine in engines:
            if engine not in row:
                continue
            e = row[engine]
            full, bare = e["full"], e["bare"]
            lines.append(f"| {row['entities']:,} | {engine} | {full['wall']:.1f} / {full['cpu']:.1f} | "
                         f"{bare['wall']:.1f} / {bare['cpu']:.1f} | "
                         f"{full['wall'] / bare['wall']:.2f} / {full['cpu'] / bare['cpu']:.2f} | {e['again']['wall']:.1f}"
                         f"{' (engine skipped)' if e['skipped'] else ''} | {full['peak_mb']:.0f} | "
                         f"{e['site_mb']:.0f} | {e['largest_kb']:.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="500,2000,5000")
    parser.add_argument("--engine-sizes", default="500,2000")
    parser.add_argument("--engines", default="mkdocs,zensical")
    parser.add_argument("--repeats", type=int, default=3,
                        help="alternating runs of `stride build` and the bare engine per size and engine (medians)")
    parser.add_argument("--decks-sizes", default="", help="sizes at which to time a one-drill edit with PDF decks "
                        "(each first renders every deck: about 6 minutes at 2000)")
    args = parser.parse_args()
    # Each synthetic project keeps its QR codes, reading grades and card sheets in its own build/cache: a shared
    # cache from the environment would hold them from an earlier run and make every "first run" a warm one.
    os.environ.pop(CACHE_ENV, None)
    engines = args.engines.split(",")
    engine_sizes = {int(n) for n in args.engine_sizes.split(",") if n}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in (int(n) for n in args.sizes.split(",") if n):
            print(f"measuring {size} entities", file=sys.stderr)
            rows.append(measure(size, Path(tmp), engines if size in engine_sizes else [], args.repeats))
            print(table(rows, engines), file=sys.stderr)
        decks = [measure_decks(int(n), Path(tmp)) for n in args.decks_sizes.split(",") if n]
    if rows:
        print(table(rows, engines))
    if decks:
        print("\n| entities | first build with decks (wall / CPU s) | one-drill edit with decks (wall / CPU s, files) |")
        print("|---:|---:|---:|")
        for row in decks:
            first, edit = row["first"], row["edit"]
            print(f"| {row['entities']:,} | {first['wall']:.1f} / {first['cpu']:.1f} | "
                  f"{edit['wall']:.1f} / {edit['cpu']:.1f}, {edit['written']} |")


if __name__ == "__main__":
    main()
