"""Pages rendered partly in a forked process (a `stride` run) are the pages rendered all in one process."""

import os
import shutil
import subprocess
import sys
import textwrap

from generator import side_process
from generator.build import generate
from tests.conftest import REPO, make_project
from tests.lint.helpers import starter

GENERATE_WITH_FORKS_COUNTED = """
    import os, sys
    from pathlib import Path
    from generator.build import generate
    from generator.project import Project
    forks, fork = [], os.fork
    os.fork = lambda: forks.append(1) or fork()
    generated = generate(Project(Path(sys.argv[1])), pdfs=False)
    print(len(forks), generated.checked.ok)
"""


def tree(folder) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_pages_rendered_on_two_cores_equal_pages_rendered_on_one(tmp_path, monkeypatch):
    forked = make_project(tmp_path / "forked", starter=False)
    shutil.copytree(REPO / "content", forked.content, dirs_exist_ok=True)
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(GENERATE_WITH_FORKS_COUNTED), str(forked.root)],
                          cwd=REPO, capture_output=True, text=True, check=False, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout.split() == ["1", "True"], done.stderr  # a fresh `stride` has one thread: it forks once

    here = make_project(tmp_path / "here", starter=False)
    shutil.copytree(REPO / "content", here.content, dirs_exist_ok=True)
    monkeypatch.setattr(side_process, "can_fork", lambda: False)
    assert generate(here, pdfs=False).checked.ok

    pages, expected = tree(forked.docs), tree(here.docs)
    assert len(expected) > 200
    assert pages.keys() == expected.keys()
    assert [path for path in expected if pages[path] != expected[path]] == []


def test_a_lint_error_found_while_pages_render_writes_nothing_and_stops_the_child(tmp_path):
    proj = make_project(tmp_path / "p", {"drills/side-lying-hip-abduction.yml":
                                         starter("drills/side-lying-hip-abduction.yml").replace("  reps: 10\n", "")})
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(GENERATE_WITH_FORKS_COUNTED + """
    print(sorted({d.code for d in generated.checked.diagnostics if d.is_error}), generated.report)
    try:
        os.waitpid(-1, os.WNOHANG)
        print("a child is left")
    except ChildProcessError:
        print("no child left")
    """), str(proj.root)], cwd=REPO, capture_output=True, text=True, check=False, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.stdout.splitlines() == ["1 False", "['drill.missing-dosage'] None", "no child left"], done.stderr
    assert not proj.docs.exists()
