"""Both site engines: the same content gives byte-identical sites, an unchanged build skips the engine, and a build
killed half-way (while generating or while the engine writes) leaves the last good site in place."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.build import build_site
from generator.engines import ENGINES
from generator.sitecheck import broken_links, external_requests
from tests.conftest import REPO, make_project

def tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("engine", ENGINES)
def test_two_builds_of_the_same_content_are_byte_identical(tmp_path, monkeypatch, engine):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")  # MkDocs stamps the build date into sitemap.xml(.gz)
    first, second = make_project(tmp_path / "first"), make_project(tmp_path / "second")
    for proj in (first, second):
        generated, problems = build_site(proj, engine=engine)
        assert generated.checked.ok and problems == []
    one, two = tree(first.site), tree(second.site)
    assert sorted(one) == sorted(two)
    assert [path for path in one if one[path] != two[path]] == []
    assert broken_links(first.site) == []
    assert external_requests(first.site) == []


def test_unchanged_build_skips_the_engine_and_a_change_or_other_engine_runs_it(project):
    proj = project()
    first, _ = build_site(proj)
    assert not first.engine_skipped
    index = proj.site / "index.html"
    built = index.stat().st_mtime_ns
    again, problems = build_site(proj)
    assert problems == [] and again.engine_skipped and again.report.written == []
    assert index.stat().st_mtime_ns == built
    drill = proj.content / "drills" / "clamshell.yml"
    drill.write_text(drill.read_text().replace("title: Clamshell", "title: Clamshell with a band"))
    changed, _ = build_site(proj)
    assert not changed.engine_skipped
    assert "Clamshell with a band" in (proj.site / "drills/clamshell/index.html").read_text()
    other, _ = build_site(proj, engine="zensical")
    assert not other.engine_skipped


def _edit(proj) -> None:
    drill = proj.content / "drills" / "clamshell.yml"
    drill.write_text(drill.read_text().replace("title: Clamshell", "title: Clamshell, interrupted"))


KILL_DURING_GENERATION = """
import os, signal, sys
from pathlib import Path
from generator import build, writer
from generator.project import Project
written = 0
def write_then_die(path, data):
    global written
    written += 1
    if written == 3:  # part of the docs dir is rewritten: die as if the power went
        os.kill(os.getpid(), signal.SIGKILL)
    return writer.write_if_changed(path, data)
build.sync_tree.__globals__["write_if_changed"] = write_then_die
build.build_site(Project(Path(sys.argv[1])))
"""


def test_build_killed_while_generating_leaves_the_last_good_site(project):
    proj = project()
    build_site(proj)
    before = tree(proj.site)
    _edit(proj)
    (proj.content / "drills" / "side-lying-hip-abduction.yml").write_text(
        (proj.content / "drills" / "side-lying-hip-abduction.yml").read_text().replace("Side-lying", "Side lying"))
    killed = subprocess.run([sys.executable, "-c", KILL_DURING_GENERATION, str(proj.root)], cwd=REPO, check=False)
    assert killed.returncode == -signal.SIGKILL
    assert tree(proj.site) == before
    generated, problems = build_site(proj)
    assert problems == [] and not generated.engine_skipped
    assert "Clamshell, interrupted" in (proj.site / "drills/clamshell/index.html").read_text()


def _engine_output(config: Path, built_before_ns: int) -> Path | None:
    """The temporary site folder named by an engine config written after `built_before_ns`, else None."""
    if config.stat().st_mtime_ns <= built_before_ns:
        return None
    site_dirs = [line.split(": ", 1)[1] for line in config.read_text().splitlines() if line.startswith("site_dir: ")]
    return config.parent / site_dirs[0] if site_dirs else None


@pytest.mark.parametrize("engine", ENGINES)
def test_build_killed_while_the_engine_writes_leaves_the_last_good_site(project, engine):
    proj = project()
    build_site(proj, engine=engine)
    before = tree(proj.site)
    _edit(proj)
    build = subprocess.Popen([sys.executable, "-m", "generator.cli", "--project", str(proj.root), "build",
                              "--engine", engine], cwd=REPO, stderr=subprocess.DEVNULL, start_new_session=True)
    # Only `stat` touches the build folder while the engine runs: Zensical's build waits until the folders it watches
    # are quiet, and listing them every few milliseconds (as `glob` does) keeps it waiting for ever.
    config, output = proj.engine_config(engine), None
    built_before = config.stat().st_mtime_ns
    deadline = time.monotonic() + 600  # a guard against a hang, not a speed limit
    while not (output and (output / "index.html").exists()):
        assert build.poll() is None and time.monotonic() < deadline, "the engine never started writing"
        output = output or _engine_output(config, built_before)
        time.sleep(0.01)
    os.killpg(build.pid, signal.SIGKILL)  # the whole group, as a closed terminal would: Zensical runs as a child
    build.wait()
    assert tree(proj.site) == before
    generated, problems = build_site(proj, engine=engine)
    assert problems == [] and not generated.engine_skipped
    assert "Clamshell, interrupted" in (proj.site / "drills/clamshell/index.html").read_text()
    assert list(proj.build.glob(".site-*")) == []
