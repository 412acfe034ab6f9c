"""The parse cache saves time only: a warm load gives the same knowledge base and the same diagnostics."""

import pickle
from dataclasses import astuple

import pytest

from generator import parse_cache
from generator.build import check_project

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
    """The files the loader really parses (cache misses), by path."""
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
