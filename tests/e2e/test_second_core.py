"""Pages rendered partly in a forked process (a `stride` run) are the pages rendered all in one process."""

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from tests.conftest import REPO, make_project
from tests.lint.helpers import starter

GENERATE_WITH_FORKS_COUNTED = """
    import os, sys
    from pathlib import Path
    from generator.build import generate
    from generator.project import Project
    from generator import build, pipeline
    forks, fork = [], os.fork
    os.fork = lambda: forks.append(1) or fork()
    rendered_here, render = [], pipeline.render
    pipeline.render = lambda linked, templates, share: rendered_here.append(share) or render(linked, templates, share)
    generated = generate(Project(Path(sys.argv[1])))
    print(len(forks), generated.checked.ok, rendered_here == [build.OWN_SHARE] if generated.checked.ok else "-")
"""


def generate_in_a_new_stride(root: Path, then: str = "") -> list[str]:
    """What a fresh interpreter (one thread, so it forks) prints after generating the project and running `then`."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(GENERATE_WITH_FORKS_COUNTED) + textwrap.dedent(then),
                           str(root)], cwd=REPO, capture_output=True, text=True, check=False, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()


def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pages_rendered_on_two_cores_equal_pages_rendered_on_one(shipped, tmp_path):
    project, generated, _ = shipped  # in a pytest-xdist worker, which runs threads: rendered here, on one core
    assert generated.checked.ok
    forked = make_project(tmp_path / "forked", starter=False)
    shutil.copytree(project.content, forked.content, dirs_exist_ok=True)
    # A fresh `stride` has one thread: it forks twice (half the files of its empty parse cache are parsed in the
    # first child, three quarters of the pages rendered in the second), and renders only its own share.
    assert generate_in_a_new_stride(forked.root) == ["2 True True"]

    pages, expected = tree(forked.docs), tree(project.docs)
    assert len(expected) > 250
    assert pages.keys() == expected.keys()
    assert [path for path in expected if pages[path] != expected[path]] == []


def test_a_lint_error_found_while_pages_render_writes_nothing_and_stops_the_child(tmp_path):
    proj = make_project(tmp_path / "p", {"drills/side-lying-hip-abduction.yml":
                                         starter("drills/side-lying-hip-abduction.yml").replace("  reps: 10\n", "")})
    printed = generate_in_a_new_stride(proj.root, """
        print(sorted({d.code for d in generated.checked.diagnostics if d.is_error}), generated.report)
        try:
            os.waitpid(-1, os.WNOHANG)
            print("a child is left")
        except ChildProcessError:
            print("no child left")
    """)
    assert printed == ["1 False -", "['drill.missing-dosage'] None", "no child left"]
    assert not proj.docs.exists()


def test_the_cycle_collector_runs_while_cards_are_made_and_nothing_stays_frozen(project, monkeypatch):
    """WeasyPrint's layouts leave cyclic garbage: with the collector paused through the card work, a build on one
    core held every deck's layouts at once (325 MB → 1.5 GB). Only the linked knowledge base is kept out of reach."""
    import gc

    from generator import build

    seen = []
    start = build._start_card_files
    monkeypatch.setattr(build, "_start_card_files",
                        lambda *args: seen.append((gc.isenabled(), gc.get_freeze_count() > 0)) or start(*args))
    assert build.generate(project(), pdfs=False).checked.ok
    assert seen == [(True, True)]
    assert gc.isenabled() and gc.get_freeze_count() == 0
