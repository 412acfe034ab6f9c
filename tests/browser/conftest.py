"""Browser fixtures: the starter site built once, served on loopback, driven by Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
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


@pytest.fixture(scope="session")
def base_url(starter_site):
    server = serve(starter_site)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def shipped_url(shipped):
    """The shipped curriculum's site (built once by the `shipped` fixture), served on loopback."""
    project, _, _ = shipped
    server = serve(project.site)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.fail("Chromium is missing: ./run test installs it with apt-get (package 'chromium')")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    yield page
    context.close()
    assert errors == [], errors
