"""Our full site build against a bare `mkdocs build` of the same generated Markdown, measured in one run.

Also checks the generator's scaling (10× the entities should cost about 10× the time) and that a
no-change re-run writes zero files. Prints ratios; thresholds belong here, not in tests.
Usage: .venv/bin/python benchmarks/build_vs_mkdocs.py
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from synthetic import make_content

from generator.build import build_site, generate
from generator.project import Project


def timed(action) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        project = Project(make_content(Path(tmp) / "p", 100))
        cold = timed(lambda: build_site(project))  # renders every PDF deck once; they are cached by content
        stride = [sys.executable, "-m", "generator.cli", "--project", str(project.root), "build"]
        ours = timed(lambda: subprocess.run(stride, check=True, capture_output=True, cwd=project.root))
        bare = timed(lambda: subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(project.mkdocs_yml), "-d", str(Path(tmp) / "bare")],
            check=True, capture_output=True, cwd=project.root))
        print(f"first build with PDF decks {cold:.2f} s")
        print(f"`stride build` {ours:.2f} s vs bare `mkdocs build` {bare:.2f} s of the same Markdown: "
              f"ratio {ours / bare:.2f} (target ≤ 1.15)")
        rerun = generate(project)
        print(f"no-change re-run wrote {len(rerun.report.written)} files (target 0)")

        small = Project(make_content(Path(tmp) / "small", 300))
        large = Project(make_content(Path(tmp) / "large", 3000))
        t_small = timed(lambda: generate(small, pdfs=False))
        t_large = timed(lambda: generate(large, pdfs=False))
        print(f"generation: {t_small:.2f} s for 300 drills, {t_large:.2f} s for 3000: ratio {t_large / t_small:.1f} "
              f"for 10× the entities (target ≤ 11)")


if __name__ == "__main__":
    main()
