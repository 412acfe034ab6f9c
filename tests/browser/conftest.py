"""Browser fixtures: the starter site built once, served on loopback, driven by Debian's Chromium."""

from __future__ import annotations

import functools
import http.server
import threading
from pathlib import Path
from urllib.parse import urlsplit

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


@pytest.fixture(scope="session")
def starter_site(tmp_path_factory, engine) -> Path:
    with built_once(tmp_path_factory, f"site-{engine}") as (root, first):
        project = make_project(root) if first else Project(root)
        generated, problems = build_site(project, engine=engine)
    assert generated.checked.ok and problems == []
    assert_reused(generated, problems, first)
    return project.site


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


STORAGE = "cookies,local_storage,indexeddb,service_workers,cache_storage"


def _tab(context):
    """A new tab in a shared context, failing the test on an uncaught script error; each origin's storage is wiped
    afterwards, so tests stay independent while the browser keeps the theme's scripts and styles cached (a new
    context per test cost about 0.6 s of CPU per page load)."""
    page = context.new_page()
    errors: list[str] = []
    origins: set[str] = set()
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.on("framenavigated", lambda frame: origins.add(_origin(frame.url)))
    yield page
    cdp = context.new_cdp_session(page)
    for origin in origins - {""}:
        cdp.send("Storage.clearDataForOrigin", {"origin": origin, "storageTypes": STORAGE})
    cdp.detach()
    page.close()
    assert errors == [], errors


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https", "file") else ""


@pytest.fixture(scope="session")
def desktop(browser):
    context = browser.new_context(viewport={"width": 1100, "height": 900})
    yield context
    context.close()


@pytest.fixture(scope="session")
def phone_context(browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    yield context
    context.close()


@pytest.fixture
def page(desktop):
    yield from _tab(desktop)


@pytest.fixture
def phone(phone_context):
    yield from _tab(phone_context)
