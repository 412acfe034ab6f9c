"""`stride serve`: the engine's own live-reload server, with stride regenerating the docs when content changes.

The same for both engines: stride watches content/ (and the packaged templates), rewrites only changed pages,
and the engine, which watches its docs dir and config, rebuilds and reloads the browser. While content has
errors the docs keep the last good pages, and a theme partial holds an escaped list of the errors that the
theme (main.html) shows at the top of every page until they are fixed. Both engines watch the theme folder.
"""

from __future__ import annotations

import html
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from . import engines, resources
from .diagnostics import Diagnostic
from .project import Project
from .render.environment import forget_templates

POLL_SECONDS = 0.5
ERRORS_PARTIAL = "partials/stride-errors.html"
"""Only in the preview's theme folder: the banner main.html puts above the page content."""
SHOWN_ERRORS = 50


@dataclass
class Regenerated:
    nav: dict | None
    """None when the content has errors (the last good pages and their nav stay)."""
    errors: list[Diagnostic]


def error_banner(problems: list[Diagnostic]) -> str:
    """An alert listing each content error (escaped), or nothing when there are none."""
    if not problems:
        return ""
    items = "".join(
        f"<li><code>{html.escape(f'{d.path}:{d.line}:{d.col}')}</code> {html.escape(d.message)}"
        + (f"<br><small>hint: {html.escape(d.hint)}</small>" if d.hint else "") + "</li>"
        for d in sorted(problems)[:SHOWN_ERRORS]
    )
    return (f'<div class="admonition danger stride-errors" role="alert"><p class="admonition-title">'
            f"{len(problems)} content error{'s' if len(problems) != 1 else ''}: this preview shows the last "
            f"good pages until they are fixed</p><ul>{items}</ul></div>")


def _write_config(project: Project, engine: str, nav: dict | None, problems: list[Diagnostic]) -> Path:
    config = engines.engine_config(project, engine, nav, offline=False)
    return engines.write_config(project, engine, config, project.build / "preview",
                                {ERRORS_PARTIAL: error_banner(problems).encode()})


def _signature(folders: list[Path]) -> frozenset[tuple[str, int, int]]:
    """(path, size, mtime) of every file: cheap to take twice a second even for thousands of files."""
    return frozenset((str(p), st.st_size, st.st_mtime_ns) for folder in folders for p in folder.rglob("*")
                     if p.is_file() and (st := p.stat()))


def serve(project: Project, engine: str, dev_addr: str, first: Regenerated,
          regenerate: Callable[[], Regenerated]) -> int:
    """Run the engine's server until it stops; `regenerate` rewrites the docs after each content change."""
    nav = first.nav
    config_file = _write_config(project, engine, nav, first.errors)
    watched = [project.content, resources.templates()]
    seen, templates = _signature(watched), _signature(watched[1:])
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
            templates, before = _signature(watched[1:]), templates
            if templates != before:  # compiled templates are kept between builds otherwise
                forget_templates()
            again = regenerate()
            nav = again.nav if again.nav is not None else nav
            # A new or renamed page changes the nav (the engine reloads on a config change); errors change the banner.
            _write_config(project, engine, nav, again.errors)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait(timeout=30)
    return server.returncode or 0
