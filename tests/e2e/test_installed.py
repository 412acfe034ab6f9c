"""The tool as a school installs it: a wheel (not editable) in a fresh virtual environment, run in a folder that
holds only content/ and mkdocs.yml. Nothing may come from this checkout."""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import urllib.request
import zipfile
from pathlib import Path

import pytest

from generator.project import CACHE_ENV
from tests.conftest import CARD_CACHE, REPO, make_project
from tests.e2e.test_serve import free_port, wait_for

SOURCE = ("pyproject.toml", "setup.py", "README.md", "generator", "templates", "site_overrides")
"""What a source distribution holds: everything the wheel is built from."""


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel built from a copy of this checkout, with the bytecode a checkout gathers (tests write it)."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"  # a copy, so setuptools' own build/ output stays out of the checkout
    source.mkdir()
    for name in SOURCE:
        if (REPO / name).is_dir():
            shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(REPO / name, source / name)
    for package in ("templates", "templates/pages"):
        (source / package / "__pycache__").mkdir(exist_ok=True)
        (source / package / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"stale")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(tmp / "dist"),
                    str(source)], check=True, capture_output=True)
    (built,) = (tmp / "dist").glob("stride_curriculum-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(tmp_path_factory, wheel) -> Path:
    """bin/ of a fresh venv holding the wheel built from this checkout.

    The wheel goes in with --no-deps; its dependencies are the test environment's, made visible through a .pth
    file (no download in the test). A .pth file only adds a folder, so the checkout's editable install stays out.
    """
    tmp = tmp_path_factory.mktemp("installed")
    venv = tmp / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    subprocess.run([sys.executable, "-m", "pip", "--python", str(venv / "bin" / "python"), "install", "--quiet",
                    "--no-deps", str(wheel)], check=True, capture_output=True)
    site = next((venv / "lib").glob("python3*/site-packages"))
    (site / "test-dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return venv / "bin"


def run(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"PATH": f"{bin_dir}:/usr/bin:/bin", "HOME": str(cwd), CACHE_ENV: str(CARD_CACHE)}  # `cards` never caches
    return subprocess.run([str(bin_dir / "stride"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600, check=False)


def test_the_wheel_ships_templates_but_no_bytecode_from_the_checkout(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    assert "generator/templates/pages/drill.md.j2" in names and "generator/site_overrides/main.html" in names
    assert [name for name in names if "__pycache__" in name or name.endswith(".pyc")] == []


def test_the_package_is_imported_from_the_install_not_the_checkout(installed, tmp_path):
    done = subprocess.run([str(installed / "python"), "-c", "import generator.resources as r; print(r.templates())"],
                          cwd=tmp_path, capture_output=True, text=True, check=True, env={"PATH": "/usr/bin:/bin"})
    assert "site-packages/generator/templates" in done.stdout
    assert not done.stdout.startswith(str(REPO))


def test_installed_stride_checks_builds_with_both_engines_and_makes_cards(installed, tmp_path):
    proj = make_project(tmp_path / "school")
    assert sorted(p.name for p in proj.root.iterdir()) == ["content", "mkdocs.yml"]
    check = run(installed, proj.root, "check")
    assert check.returncode == 0, check.stderr
    for engine, options in (("mkdocs", ()), ("zensical", ("--no-offline-zip",))):  # one offline copy is enough
        build = run(installed, proj.root, "build", "--engine", engine, *options)
        assert build.returncode == 0, build.stderr
        assert f"site written to site/ by {engine}" in build.stderr
        page = (proj.site / "drills" / "clamshell" / "index.html").read_text(encoding="utf-8")
        assert "Clamshell" in page and "assets/js/quiz.js" in page
        assert (proj.site / "assets" / "css" / "stride.css").is_file()
        assert (proj.site / "cards" / "decks" / "all-drills-a6.pdf").read_bytes().startswith(b"%PDF")
    cards = run(installed, proj.root, "cards", "--ids", "clamshell", "--output", "clamshell.pdf")
    assert cards.returncode == 0, cards.stderr
    assert (proj.root / "clamshell.pdf").read_bytes().startswith(b"%PDF")


FIRST_BUILD_DONE = {"mkdocs": "Documentation built", "zensical": "No issues found"}


def engine_servers(proj) -> list[str]:
    """Processes still serving this project (the engine runs as stride's child)."""
    done = subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=True)
    return [line for line in done.stdout.splitlines() if " serve " in line and str(proj.build) in line]


@pytest.mark.parametrize("engine", ["mkdocs", "zensical"])
def test_installed_stride_serves_a_live_preview(installed, tmp_path, engine):
    proj = make_project(tmp_path / "school")
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen([str(installed / "stride"), "serve", "--engine", engine, "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=proj.root, stdout=log, stderr=subprocess.STDOUT,
                              env={"PATH": f"{installed}:/usr/bin:/bin", "HOME": str(tmp_path)})
    url = f"http://127.0.0.1:{port}/drills/clamshell/"

    def shows(text: str) -> bool:
        with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
            return text in response.read().decode()

    try:
        assert wait_for(lambda: shows("Clamshell")), (tmp_path / "serve.log").read_text()
        # Zensical serves pages while its first build still runs, and misses an edit made before that build ends.
        assert wait_for(lambda: FIRST_BUILD_DONE[engine] in (tmp_path / "serve.log").read_text())
        drill = proj.content / "drills" / "clamshell.yml"
        drill.write_text(drill.read_text().replace("title: Clamshell", "title: Clamshell with a band"))
        assert wait_for(lambda: shows("Clamshell with a band"), 180), (tmp_path / "serve.log").read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
    assert not engine_servers(proj), "stride left the engine's server running"
