"""Pages rendered partly in a forked process (a `stride` run) are the pages rendered all in one process."""

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from generator import side_process
from tests.conftest import REPO, make_project
from tests.lint.helpers import starter

GENERATE_WITH_FORKS_COUNTED = """
    import os, sys
    from pathlib import Path
    from generator.build import generate
    from generator.project import Project
    forks, fork = [], os.fork
    os.fork = lambda: forks.append(1) or fork()
    generated = generate(Project(Path(sys.argv[1])))
    print(len(forks), generated.checked.ok)
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
    project, generated, _ = shipped  # generated in this pytest-xdist worker, which runs threads: on one core
    assert generated.checked.ok and not side_process.can_fork()
    forked = make_project(tmp_path / "forked", starter=False)
    shutil.copytree(project.content, forked.content, dirs_exist_ok=True)
    assert generate_in_a_new_stride(forked.root) == ["1 True"]  # a fresh `stride` has one thread: it forks once

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
    assert printed == ["1 False", "['drill.missing-dosage'] None", "no child left"]
    assert not proj.docs.exists()
