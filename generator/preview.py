"""`stride serve`: the engine's own live-reload server, with stride regenerating the docs when content changes.

The same for both engines: stride watches content/ (and the packaged templates), rewrites only changed pages,
and the engine, which watches its docs dir and config, rebuilds and reloads the browser.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from . import engines, resources
from .project import Project

POLL_SECONDS = 0.5


def _signature(folders: list[Path]) -> frozenset[tuple[str, int, int]]:
    """(path, size, mtime) of every file: cheap to take twice a second even for thousands of files."""
    return frozenset((str(p), st.st_size, st.st_mtime_ns) for folder in folders for p in folder.rglob("*")
                     if p.is_file() and (st := p.stat()))


def serve(project: Project, engine: str, dev_addr: str, nav: list, regenerate: Callable[[], list | None]) -> int:
    """Run the engine's server until it stops; `regenerate` rewrites the docs and returns the nav (None on errors)."""
    config = engines.engine_config(project, engine, nav, offline=False)
    config_file = engines.write_config(project, engine, config, project.build / "preview")
    watched = [project.content, resources.templates()]
    seen = _signature(watched)
    server = subprocess.Popen(engines.serve_command(engine, config_file, dev_addr), cwd=project.build)
    # Stopped with SIGTERM (a service manager, a test), stride must still stop the engine's server.
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    try:
        while server.poll() is None:
            time.sleep(POLL_SECONDS)
            now = _signature(watched)
            if now == seen:
                continue
            seen = now
            new_nav = regenerate()
            if new_nav is not None:  # a new or renamed page changes the nav; the engine reloads on a config change
                engines.write_config(project, engine, engines.engine_config(project, engine, new_nav, offline=False),
                                     project.build / "preview")
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=30)
    return server.returncode or 0
