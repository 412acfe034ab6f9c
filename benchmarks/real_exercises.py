"""A curriculum built from a real, openly licensed exercise dataset: the exercises bundled in the npm package
exercises-cli 1.0.5 (MIT licence, Kinetic.place), each converted to a drill beside the starter content.

It prints: how many exercises became drills, what `stride check` says of them, generation time and peak memory,
and the all-drills deck (A4, four cards per sheet, duplex) rendered as one WeasyPrint document (the way decks were
made before) and as cached pieces: cold, warm and after one edited drill (benchmarks/cards_deck.py measures them).

Usage: .venv/bin/python benchmarks/real_exercises.py   (downloads about 0.6 MB from registry.npmjs.org once)
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
from pathlib import Path

import yaml

from cards_deck import run as render_step
from synthetic import REPO, make_content

PACKAGE = "https://registry.npmjs.org/exercises-cli/-/exercises-cli-1.0.5.tgz"
BUNDLE = "package/dist/cli.js"
CACHE = REPO / "build" / "benchmarks" / "exercises-cli-1.0.5.tgz"
LEVELS = {"beginner": "beginner", "intermediate": "intermediate", "expert": "advanced", "advanced": "advanced"}
STEP = """
import json, resource, sys, time
sys.path.insert(0, {repo!r})
from pathlib import Path
from generator.build import generate
from generator.project import Project
wall, cpu = time.perf_counter(), time.process_time()
generated = generate(Project(Path({root!r})), pdfs=False)
print(json.dumps({{"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "errors": sum(d.is_error for d in generated.checked.diagnostics),
                  "warnings": sum(not d.is_error for d in generated.checked.diagnostics),
                  "rules": sorted({{d.code for d in generated.checked.diagnostics}})}}))
"""


def package_bytes() -> bytes:
    if not CACHE.is_file():
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        with urllib.request.urlopen(PACKAGE, timeout=60) as response:
            CACHE.write_bytes(response.read())
    return CACHE.read_bytes()


def exercises(package: bytes) -> list[dict]:
    """The English exercise list: a JavaScript array literal in the bundle, one key per line, read as JSON."""
    with tarfile.open(fileobj=io.BytesIO(package)) as archive:
        bundle = archive.extractfile(BUNDLE).read().decode("utf-8")
    start = bundle.index("var exercises_default = [") + len("var exercises_default = ")
    end = bundle.index("\n];\n", start) + 2
    literal = re.sub(r"^(\s*)([A-Za-z_]\w*):", r'\1"\2":', bundle[start:end], flags=re.MULTILINE)
    literal = re.sub(r"'((?:[^'\\\n]|\\.)*)'(,?)$", _double_quoted, literal, flags=re.MULTILINE)
    return json.loads(re.sub(r"\\x([0-9A-Fa-f]{2})", r"\\u00\1", literal))  # JavaScript's \xED is JSON's \u00ED


def _double_quoted(match: re.Match) -> str:
    """A JavaScript string in single quotes (used when the text holds a double quote) as a JSON string."""
    return json.dumps(match[1].replace("\\'", "'")) + match[2]


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def drill(exercise: dict) -> dict:
    """A drill from one exercise: its name, level and steps as given; the rest written the same for every drill."""
    # A step is one line of text; one instruction in the dataset holds a paragraph break before a caution.
    steps = [" ".join(s.split()) for s in exercise.get("instructions") or [] if s.strip()]
    steps = steps or ["Follow your coach's lead."]
    muscles = sorted({m["name"].lower() for m in exercise.get("muscleGroups") or []}) or ["whole body"]
    timed = exercise.get("type") == "duration"
    return {
        "title": exercise["name"],
        "summary": f"A {exercise.get('category') or 'training'} exercise for the {', '.join(muscles[:3])}.",
        "purpose": f"Builds strength and control in the {', '.join(muscles[:3])}.",
        "level": LEVELS.get(exercise.get("difficultyLevel") or "", "intermediate"),
        "dosage": {"sets": 3, **({"duration_s": 30} if timed else {"reps": 10}), "frequency": "2 times a week",
                   "rest_s": 60, "stop_if": "Pain goes above 5 out of 10."},
        "steps": steps[:8],
        "cues": ["Move slowly and with control."],
        "common_errors": [{"error": "Rushing the movement", "fix": "Slow down and keep control."}],
        "targets": ["gluteus-medius"],
    }


def write_curriculum(root: Path, items: list[dict]) -> int:
    """The starter content plus one drill per exercise (names made unique); returns the number of drills."""
    make_content(root, 0)
    taken = {p.stem for p in (root / "content").rglob("*.yml")}
    written = 0
    for exercise in items:
        base = slug(exercise["name"]) or "exercise"
        name, n = base, 2
        while name in taken:
            name, n = f"{base}-{n}", n + 1
        taken.add(name)
        text = yaml.safe_dump(drill(exercise), sort_keys=False, allow_unicode=True, width=1000)
        (root / "content" / "drills" / f"{name}.yml").write_text(text, encoding="utf-8")
        written += 1
    return written


def main() -> None:
    package = package_bytes()
    items = exercises(package)
    print(f"exercises-cli 1.0.5 (sha256 {hashlib.sha256(package).hexdigest()[:16]}…): {len(items)} exercises")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "project"
        count = write_curriculum(root, items)
        done = subprocess.run([sys.executable, "-c", STEP.format(repo=str(REPO), root=str(root))],
                              capture_output=True, text=True, check=True)
        gen = json.loads(done.stdout.splitlines()[-1])
        print(f"{count} drills written; stride check: {gen['errors']} errors, {gen['warnings']} warnings "
              f"({', '.join(gen['rules'])})")
        print(f"generation: {gen['cpu']:.1f} s CPU, {gen['wall']:.1f} s wall, peak {gen['peak_mb']:.0f} MB")
        drills = len(list((root / "content" / "drills").glob("*.yml")))
        cache = Path(tmp) / "cache"
        print(f"\nall-drills deck ({drills} cards), A4 four per sheet, duplex; CPU s include the workers; peak MB is "
              "the process tree's resident memory")
        print("| way | CPU s | wall s | peak MB | pieces rendered | PDF KiB |")
        print("|---|---:|---:|---:|---:|---:|")
        for mode, label in (("whole", "one document (before)"), ("cold", "pieces, cold cache"),
                            ("warm", "pieces, nothing changed"), ("edit", "pieces, one drill edited")):
            r = render_step(root, cache, drills, "a4-4up", mode)
            rendered = "—" if r["pieces_rendered"] is None else r["pieces_rendered"]
            print(f"| {label} | {r['cpu']:.1f} | {r['wall']:.1f} | {r['peak_mb']:.0f} | {rendered} | {r['kib']:,} |")
            sys.stdout.flush()


if __name__ == "__main__":
    main()
