"""`stride serve` tells the educator what happened: errors on the page, "rebuilt" in the terminal, a busy port."""

import socket
import subprocess
import sys

import pytest

from generator.engines import ENGINES
from tests.conftest import REPO
from tests.e2e.test_installed import FIRST_BUILD_DONE
from tests.e2e.test_serve import fetch, free_port, wait_for


def serve(proj, port, log, engine):
    return subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--project", str(proj.root), "serve", "--engine", engine,
         "--dev-addr", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )


@pytest.mark.parametrize("engine", ENGINES)
def test_content_errors_show_on_the_page_and_a_fix_prints_rebuilt(project, tmp_path, engine):
    proj = project()
    port = free_port()
    log_path = tmp_path / "serve.log"
    log = log_path.open("w")
    server = serve(proj, port, log, engine)
    url = f"http://127.0.0.1:{port}/drills/clamshell/"
    drill = proj.content / "drills" / "clamshell.yml"
    good = drill.read_text()
    try:
        assert wait_for(lambda: "Clamshell" in fetch(url)), log_path.read_text()
        assert not (proj.root / "build" / "docs" / "cards" / "decks").exists(), "the preview rendered PDF decks"
        assert wait_for(lambda: FIRST_BUILD_DONE[engine] in log_path.read_text()), log_path.read_text()
        drill.write_text(good.replace("level: beginner", "level: expert"))
        assert wait_for(lambda: "content error" in fetch(url)), log_path.read_text()
        page = fetch(url)
        assert "content/drills/clamshell.yml:" in page and "&#x27;level&#x27; is the text &#x27;expert&#x27;" in page
        assert "Clamshell" in page and page.index("content error") < page.index("<h1"), "the errors sit above the last good page"
        drill.write_text(good.replace("title: Clamshell", "title: Clamshell, fixed"))
        assert wait_for(lambda: "Clamshell, fixed" in fetch(url)), log_path.read_text()
        assert "content error" not in fetch(url)
        assert wait_for(lambda: "stride: rebuilt" in log_path.read_text(), 10)
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()


def test_a_busy_port_is_explained_without_a_traceback(project):
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = subprocess.run(
            [sys.executable, "-m", "generator.cli", "--project", str(project().root), "serve",
             "--dev-addr", f"127.0.0.1:{port}"],
            capture_output=True, text=True, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"}, timeout=60)
    assert result.returncode == 2
    assert f"127.0.0.1:{port} is already in use" in result.stderr and "--dev-addr 127.0.0.1:" in result.stderr
    assert "Traceback" not in result.stderr
