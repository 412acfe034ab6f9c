"""Golden pages: the Markdown generated for the starter slice, reviewed like code.

After an intended change to templates or rendering, regenerate with
`STRIDE_UPDATE_GOLDENS=1 ./run test tests/golden` and review the diff.
"""

import os
from pathlib import Path

import pytest

from generator import pipeline
from tests.conftest import REPO, STARTER

EXPECTED = Path(__file__).parent / "expected"


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    checked = pipeline.check(STARTER)
    assert checked.diagnostics == []
    return pipeline.render(checked, REPO / "templates")


def test_every_generated_page_has_a_golden(rendered):
    if os.environ.get("STRIDE_UPDATE_GOLDENS"):
        for old in EXPECTED.rglob("*.md"):
            old.unlink()
        for path, text in rendered.items():
            (EXPECTED / path).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / path).write_text(text, encoding="utf-8")
    assert sorted(rendered) == sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*.md"))


@pytest.mark.parametrize("path", sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*.md")))
def test_page_matches_its_golden(rendered, path):
    assert rendered[path] == (EXPECTED / path).read_text(encoding="utf-8")


def test_the_two_processes_shares_are_every_page_once(rendered):
    """The forked renderer's share and the build's own share split the pages between them (generator/build.py)."""
    from generator.build import OWN_SHARE, FORKED_SHARE

    checked = pipeline.check(STARTER)
    forked, here = (pipeline.render(checked, REPO / "templates", share) for share in (FORKED_SHARE, OWN_SHARE))
    assert forked.keys().isdisjoint(here.keys())
    assert {**forked, **here} == rendered
    assert len(here) >= len(rendered) // 6  # each process has real work
