"""Browser fixtures: the starter site built once, served on loopback, driven by Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import itertools
import threading
from pathlib import Path

import pytest

from generator.build import build_site
from generator.engines import ENGINES
from generator.project import Project
from tests.conftest import assert_reused, built_once, make_project

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
VIEWPORT = {"width": 1100, "height": 900}
_HOSTS = itertools.count()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep test output readable
        pass


def serve(folder: Path):
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def pytest_configure(config) -> None:
    config.addinivalue_line("markers", "engines(*names): build the site only with these engines (default: all)")


def pytest_generate_tests(metafunc) -> None:
    """Every browser test runs against the site of each engine, unless its module names the engines."""
    if "engine" in metafunc.fixturenames:
        marker = metafunc.definition.get_closest_marker("engines")
        metafunc.parametrize("engine", marker.args if marker else ENGINES, scope="session")


def _starter_built(tmp_path_factory, name: str, **options) -> Project:
    """The starter project built with `options`, once for every worker."""
    with built_once(tmp_path_factory, name) as (root, first):
        project = make_project(root) if first else Project(root)
        generated, problems = build_site(project, **options)
    assert generated.checked.ok and problems == []
    assert_reused(generated, problems, first)
    return project


@pytest.fixture(scope="session")
def starter_site(tmp_path_factory, engine) -> Path:
    return _starter_built(tmp_path_factory, f"site-{engine}", engine=engine).site


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory, engine) -> Path:
    """The starter's offline copy (opened from the file system)."""
    return _starter_built(tmp_path_factory, f"offline-{engine}", engine=engine, offline=True).site_offline


def fresh_origin(server) -> str:
    """An origin on `server` that no earlier test opened. Every name under .localhost reaches the loopback server
    and is a secure context, as 127.0.0.1 is; the browser keeps storage per origin, so quiz progress and plan
    drafts start empty in each test although the tests share one browser context."""
    return f"http://t{next(_HOSTS)}.localhost:{server.server_address[1]}"


@pytest.fixture(scope="session")
def starter_server(starter_site):
    server = serve(starter_site)
    yield server
    server.shutdown()


@pytest.fixture(scope="function")  # a new origin for every test: the tests' isolation depends on it
def base_url(starter_server) -> str:
    return fresh_origin(starter_server)


@pytest.fixture(scope="session")
def shipped_server(shipped):
    """The shipped curriculum's site (built once by the `shipped` fixture), served on loopback."""
    project, _, _ = shipped
    server = serve(project.site)
    yield server
    server.shutdown()


@pytest.fixture(scope="function")  # a new origin for every test: the tests' isolation depends on it
def shipped_url(shipped_server) -> str:
    return fresh_origin(shipped_server)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: ./run test installs it with apt-get (package 'chromium')")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def shared_context(browser):
    """One browser context for the pages of every test on this worker: a new page in it costs Chromium about half
    the CPU of a new context (0.6 against 1.2 s per lesson opened). Tests stay apart by origin (fresh_origin);
    a test that needs other context options, or opens file:// pages, which share one origin, makes its own.

    One blank page stays open all along: when a context's last page closes, Chromium tears down work the next page
    sets up again, which made every test's page cost twice the CPU (1.5 against 0.7 s for a starter lesson)."""
    context = browser.new_context(viewport=VIEWPORT)
    context.new_page()
    yield context
    context.close()


def _failing_on_page_errors(page):
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    yield page
    page.close()
    assert errors == [], errors


@pytest.fixture
def page(shared_context):
    """A new page for an origin from fresh_origin (base_url, shipped_url); the test fails on any script error."""
    yield from _failing_on_page_errors(shared_context.new_page())


@pytest.fixture
def file_page(browser):
    """A page in a context of its own, for the offline copy: file:// pages all share one origin."""
    context = browser.new_context(viewport=VIEWPORT)
    try:
        yield from _failing_on_page_errors(context.new_page())
    finally:
        context.close()
