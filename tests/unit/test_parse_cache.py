"""The parse cache saves time only: a warm load gives the same knowledge base and the same diagnostics."""

import os
import pickle
import shutil
import subprocess
import sys
from dataclasses import astuple

import pytest

from generator import parse_cache, side_process
from generator.build import check_project
from tests.conftest import REPO, make_project

DRILL = """title: Hip hike
summary: Lifts one side of the pelvis, as in [[nowhere]].
purpose: Trains the side of the hip.
level: beginner
dosage: {sets: 3, reps: 10, frequency: 3 times a week}
steps: [Stand on a step.]
cues: [Hips level.]
targets: [gluteus-medius]
"""
BROKEN = {
    # a link to an unknown id, a validation error and a YAML syntax error, each at its own line and column
    "drills/hip-hike.yml": DRILL,
    "drills/side-step.yml": DRILL.replace("Hip hike", "Side step").replace("[[nowhere]]", "a step") + "levl: x\n",
    "drills/step-down.yml": "title: Step down\nsummary: x: y\n",
}


@pytest.fixture
def parses(monkeypatch):
    """The files the loader really parses (cache misses), by path; all in this process, where they can be counted."""
    monkeypatch.setattr(side_process, "can_fork", lambda: False)
    parsed: list[str] = []
    load_bytes = parse_cache.load_bytes

    def counting(raw, rel):
        parsed.append(rel)
        return load_bytes(raw, rel)

    monkeypatch.setattr(parse_cache, "load_bytes", counting)
    return parsed


def snapshot(checked):
    """Everything a check yields that a cache could get wrong: diagnostics, items, their data and positions."""
    items = {key: (item.path, item.model.model_dump(), item.located) for key, item in checked.kb.items.items()}
    return [astuple(d) for d in checked.diagnostics], items, sorted(checked.graph.edges), checked.kb.failed


def test_a_warm_load_parses_nothing_and_gives_the_same_result(project, parses):
    proj = project(BROKEN)
    cold = snapshot(check_project(proj))
    files = len(parses)
    codes = {d[3] for d in cold[0]}
    assert files > 10 and {"yaml.syntax", "ref.unknown-id", "schema.unknown-field"} <= codes
    warm = snapshot(check_project(proj))
    assert len(parses) == files  # every file came from the cache
    assert warm == cold


def test_an_edited_file_is_parsed_again_and_its_diagnostics_move(project, parses):
    proj = project(BROKEN)
    check_project(proj)
    parses.clear()
    drill = proj.content / "drills" / "side-step.yml"
    drill.write_text("# a comment moves every line down\n" + drill.read_text(encoding="utf-8"), encoding="utf-8")
    diagnostics = check_project(proj).diagnostics
    assert parses == ["content/drills/side-step.yml"]
    assert ("content/drills/side-step.yml", 10, 1, "schema.unknown-field") in [
        (d.path, d.line, d.col, d.code) for d in diagnostics]


def test_a_changed_generator_parses_everything_again_and_drops_the_old_cache(project, parses, monkeypatch):
    proj = project()
    check_project(proj)
    assert [p.name for p in proj.parse_cache.iterdir()] == [f"{parse_cache.code_version()}.pickle"]
    parses.clear()
    monkeypatch.setattr(parse_cache, "code_version", lambda: "another-version")
    check_project(proj)
    assert len(parses) > 10
    assert [p.name for p in proj.parse_cache.iterdir()] == ["another-version.pickle"]


def test_the_code_version_covers_every_module_of_the_generator():
    modules = {p.relative_to(parse_cache.PACKAGE).as_posix() for p in parse_cache.PACKAGE.rglob("*.py")}
    assert {"loader.py", "validate.py", "schema/drill.py", "parse_cache.py"} <= modules


def cache_file(proj):
    return proj.parse_cache / f"{parse_cache.code_version()}.pickle"


def test_a_damaged_entry_is_parsed_again(project, parses):
    proj = project()
    cold = snapshot(check_project(proj))
    entries = pickle.loads(cache_file(proj).read_bytes())
    digest, _ = entries["content/drills/clamshell.yml"]
    entries["content/drills/clamshell.yml"] = (digest, b"not a pickle")
    cache_file(proj).write_bytes(pickle.dumps(entries))
    parses.clear()
    assert snapshot(check_project(proj)) == cold
    assert parses == ["content/drills/clamshell.yml"]


def test_a_damaged_cache_file_is_parsed_again(project, parses):
    proj = project()
    cold = snapshot(check_project(proj))
    cache_file(proj).write_bytes(b"\x80not a pickle")
    parses.clear()
    assert snapshot(check_project(proj)) == cold
    assert len(parses) > 10


def test_entries_of_removed_files_are_dropped(project):
    proj = project({"drills/hip-hike.yml": DRILL})
    check_project(proj)
    assert "content/drills/hip-hike.yml" in pickle.loads(cache_file(proj).read_bytes())
    (proj.content / "drills" / "hip-hike.yml").unlink()
    check_project(proj)
    assert "content/drills/hip-hike.yml" not in pickle.loads(cache_file(proj).read_bytes())


CHECK_IN_A_NEW_STRIDE = """
import os, pickle, sys
from pathlib import Path
from generator import parse_cache
from generator.build import check_project
from generator.project import Project
from tests.unit.test_parse_cache import snapshot
forks, fork = [], os.fork
os.fork = lambda: forks.append(1) or fork()
here, load_bytes = [], parse_cache.load_bytes
parse_cache.load_bytes = lambda raw, rel: here.append(rel) or load_bytes(raw, rel)
checked = check_project(Project(Path(sys.argv[1])))
Path(sys.argv[2]).write_bytes(pickle.dumps((len(forks), len(here), snapshot(checked))))
"""


def test_files_parsed_on_the_other_core_give_the_check_of_one_core(monkeypatch, tmp_path):
    proj = make_project(tmp_path / "p", BROKEN, starter=False)
    shutil.copytree(REPO / "content", proj.content, dirs_exist_ok=True)  # the shipped curriculum, and the broken files
    monkeypatch.setattr(side_process, "can_fork", lambda: False)
    one_core = snapshot(check_project(proj))
    for entry in proj.parse_cache.iterdir():
        entry.unlink()
    # A fresh `stride` has one thread, so it forks: the second half of the files (by size) is parsed there.
    done = subprocess.run([sys.executable, "-c", CHECK_IN_A_NEW_STRIDE, str(proj.root), str(tmp_path / "out")],
                          cwd=REPO, capture_output=True, text=True, check=False, timeout=300,
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == 0, done.stderr
    forks, parsed_here, two_cores = pickle.loads((tmp_path / "out").read_bytes())
    assert len(one_core[1]) >= parse_cache.SHARE_FROM
    assert two_cores == one_core
    entries = pickle.loads(cache_file(proj).read_bytes())
    assert forks == 1 and 0 < parsed_here < len(entries) - 20  # the other files' entries came from the fork
    assert set(entries) == {path for path, *_ in one_core[1].values()} | {f"content/{rel}" for rel in BROKEN}


def test_the_other_core_takes_the_last_files_holding_half_the_bytes_when_enough_miss(monkeypatch, tmp_path):
    started: list[list[str]] = []
    monkeypatch.setattr(parse_cache, "Pending", lambda work: started.append([rel for *_, rel in work.args[0]]))
    files = []
    for i, size in enumerate([1] * 60 + [30] * 40):  # 1,260 bytes: the last 21 files hold 630
        (tmp_path / f"f{i:03}.yml").write_bytes(b"x" * size)
        files.append((tmp_path / f"f{i:03}.yml", f"f{i:03}"))
    parse_cache.ParseCache(tmp_path / "cache").prefetch(files[:parse_cache.SHARE_FROM - 1])
    assert started == []  # too few to pay for a fork
    parse_cache.ParseCache(tmp_path / "cache").prefetch(files)
    assert started == [[f"f{i:03}" for i in range(79, 100)]]
