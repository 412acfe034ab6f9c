"""Shared helpers: project folders holding only content/ and mkdocs.yml, as a user's would."""

from __future__ import annotations

import contextlib
import fcntl
import io
import logging
import os
import shutil
import subprocess
import textwrap
from importlib.metadata import version
from pathlib import Path

import pytest

from generator.cli import main
from generator.heard import Heard
from generator.project import CACHE_ENV, Project

REPO = Path(__file__).resolve().parents[1]
STARTER = Path(__file__).parent / "fixtures" / "starter" / "content"

# Every test project (and every `stride` the tests start) shares one card cache that survives between runs:
# decks are keyed by the hash of their HTML, so a cached PDF is exactly the one that would be rendered by this
# WeasyPrint (its version names the folder, so an upgrade renders everything again).
CARD_CACHE = Path(os.environ.setdefault(
    CACHE_ENV, str(REPO / ".pytest_cache" / "stride" / f"weasyprint-{version('weasyprint')}")))


WEASYPRINT_WARNINGS = Heard()
"""Every warning WeasyPrint logs (an ignored or invalid CSS rule, a missing glyph): it never raises for them."""
logging.getLogger("weasyprint").addHandler(WEASYPRINT_WARNINGS)


def _weasyprint_stays_quiet():
    """Fail the test phase (a fixture's build or the test) during which WeasyPrint warned: it prints wrong, silently."""
    before = len(WEASYPRINT_WARNINGS.messages)
    result = yield
    heard = WEASYPRINT_WARNINGS.messages[before:]
    if heard:
        pytest.fail("WeasyPrint warned while rendering cards:\n" + "\n".join(heard), pytrace=False)
    return result


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    return (yield from _weasyprint_stays_quiet())


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    return (yield from _weasyprint_stays_quiet())


def stride(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    """`stride ARGS` run in this process (as click's and typer's test runners do): its exit code and what it printed.
    A test of its own starts the real entry point in a new interpreter."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.chdir(cwd or REPO), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse refuses bad arguments this way
            code = exit_.code if isinstance(exit_.code, int) else 2
    return subprocess.CompletedProcess(["stride", *args], code, out.getvalue(), err.getvalue())


def make_project(root: Path, files: dict[str, str] | None = None, starter: bool = True) -> Project:
    """A project whose content is the starter slice plus `files` (path → YAML; None deletes)."""
    content = root / "content"
    if starter:
        shutil.copytree(STARTER, content)
    content.mkdir(parents=True, exist_ok=True)
    for rel, text in (files or {}).items():
        path = content / rel
        if text is None:
            path.unlink()
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    if not (root / "mkdocs.yml").exists():
        shutil.copyfile(REPO / "mkdocs.yml", root / "mkdocs.yml")  # templates, theme and code come from the package
    return Project(root)


@pytest.fixture
def project(tmp_path: Path):
    """Factory: project(files) → a Project in a fresh temporary folder."""
    counter = iter(range(1000))

    def factory(files: dict[str, str] | None = None, starter: bool = True) -> Project:
        return make_project(tmp_path / f"p{next(counter)}", files, starter)

    return factory


@contextlib.contextmanager
def built_once(tmp_path_factory, name: str):
    """(root, first): a project folder shared by every pytest-xdist worker of this run, locked while it builds.

    The first worker makes the project and builds it; the others wait, then build the same unchanged content again,
    which writes nothing and skips the engine (`assert_reused`), so every worker reads one finished site.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # the run's folder, above each worker's own
    with (base / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        root = base / name / "project"
        yield root, not root.is_dir()


def assert_reused(generated, problems, first: bool) -> None:
    """A second build of a shared project must not have touched the site the other workers are reading."""
    if not first and generated.checked.ok and not problems:
        assert generated.engine_skipped and not generated.report.written, generated.report


@pytest.fixture(scope="session")
def shipped(tmp_path_factory):
    """The shipped knowledge base, checked and built once into a temporary project."""
    from generator.build import build_site

    with built_once(tmp_path_factory, "shipped") as (root, first):
        if first:
            shutil.copytree(REPO / "content", root / "content")
        project = make_project(root, starter=False)
        generated, problems = build_site(project)
    assert_reused(generated, problems, first)
    return project, generated, problems
