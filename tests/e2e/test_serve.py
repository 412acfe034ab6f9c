"""`stride serve`: a live preview that picks up content edits and does not rebuild in a loop."""

import socket
import subprocess
import sys
import time
import urllib.request

from tests.conftest import REPO


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - loopback only
        return response.read().decode()


def wait_for(predicate, seconds: float = 60) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if predicate():
                return True
        except OSError:
            pass
        time.sleep(0.1)  # a predicate is a cheap loopback request or a log read
    return False


def test_serve_regenerates_after_a_content_edit_without_looping(project, tmp_path):
    proj = project()
    port = free_port()
    log = (tmp_path / "serve.log").open("w")
    server = subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "--project", str(proj.root), "serve", "--dev-addr", f"127.0.0.1:{port}"],
        stdout=log, stderr=subprocess.STDOUT, env={"PYTHONPATH": str(REPO), "PATH": "/usr/bin:/bin"},
    )
    url = f"http://127.0.0.1:{port}/drills/clamshell/"
    try:
        assert wait_for(lambda: "Clamshell" in fetch(url)), (tmp_path / "serve.log").read_text()
        drill = proj.content / "drills" / "clamshell.yml"
        drill.write_text(drill.read_text().replace("title: Clamshell", "title: Clamshell with a band"))
        assert wait_for(lambda: "Clamshell with a band" in fetch(url)), (tmp_path / "serve.log").read_text()
        time.sleep(3)  # the edit may legitimately build twice (pages, then the config)
        builds = (tmp_path / "serve.log").read_text().count("Documentation built")
        time.sleep(4)  # a loop builds again within this, even when a busy machine takes 3.5 s per starter build
        assert (tmp_path / "serve.log").read_text().count("Documentation built") == builds, "rebuilds keep happening"
    finally:
        server.terminate()
        server.wait(timeout=10)
        log.close()
