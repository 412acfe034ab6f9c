"""The site engines behind one call: MkDocs + Material (default) or Zensical, fed the same generated docs.

Generation knows nothing of either: it writes Markdown and assets into the docs dir. This adapter derives the
engine's config from the project's mkdocs.yml (site name, theme choices, Markdown extensions) plus what stride
supplies (docs dir, nav, theme overrides, scripts and styles from the package), runs the engine and turns its
complaints into diagnostics.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from . import mkdocs_tabs as tab_hook
from . import resources, site_config
from .diagnostics import Diagnostic
from .heard import hearing
from .project import Project
from .writer import sync_tree, write_if_changed

ENGINES = ("mkdocs", "zensical")
DEFAULT_ENGINE = "mkdocs"
STYLES = ["assets/css/stride.css", "assets/css/cards.css", "assets/css/plan.css"]
SCRIPTS = ["assets/js/quiz.js", "assets/js/cards.js", "assets/js/plan-engine.js", "assets/js/plan.js"]
SEARCH_SHIM = "assets/vendor/iframe-worker/shim.js"
"""iframe-worker 1.0.4 (MIT), vendored so offline search needs no CDN; it only acts on file:// pages."""
THEME_FOLDER = "theme"
"""custom_dir, relative to the build folder."""
NOISE = ("end-of-life", "mkdocs 2.0", "material for mkdocs")
"""Notices Material prints on every build that say nothing about the site (design §8)."""


def _plugins(declared: list | dict | None, offline: bool) -> list:
    """The project's plugins with Material's offline plugin switched to match the build."""
    items = list(declared.items()) if isinstance(declared, dict) else [
        next(iter(item.items())) if isinstance(item, dict) else (item, {}) for item in declared or ["search"]]
    plugins = [{name: options} if options else name for name, options in items if name != "offline"]
    return plugins + ([{"offline": {"enabled": True}}] if offline else [])


def _script(engine: str, path: str) -> str | dict:
    """Zensical's script_tag reads a polyfill as a mapping; MkDocs takes the plain path."""
    return {"path": path, "type": "text/javascript", "async": False, "defer": False} if engine == "zensical" else path


def engine_config(project: Project, engine: str, nav: dict | None, offline: bool) -> dict:
    """mkdocs.yml with what stride supplies; paths are relative to the build folder where the config is written.

    `nav` holds the `nav` and `not_in_nav` settings (generator/nav.py). Without it (a preview that starts on
    content with errors) the engine lists the pages it finds.
    """
    config = {key: value for key, value in site_config.load(project.mkdocs_yml).items()
              if key not in ("INHERIT", "hooks", "watch")}
    theme = config.get("theme") or {"name": "material"}
    theme = {"name": theme} if isinstance(theme, str) else dict(theme)
    theme["custom_dir"] = THEME_FOLDER
    if engine == "zensical":
        # Zensical's default "modern" look is a new design; "classic" is the Material look our overrides are made for.
        theme.setdefault("variant", "classic")
    if offline:
        # Instant navigation fetches pages with XHR, which browsers refuse on file:// pages.
        theme["features"] = [f for f in theme.get("features", []) if f != "navigation.instant"]
    extra = dict(config.get("extra") or {})
    extra["polyfills"] = [_script(engine, SEARCH_SHIM)] + [p for p in extra.get("polyfills", []) if p != SEARCH_SHIM]
    config.update(
        docs_dir=os.path.relpath(project.docs, project.build),
        theme=theme,
        extra=extra,
        plugins=_plugins(config.get("plugins"), offline),
        extra_css=STYLES + [s for s in config.get("extra_css", []) if s not in STYLES],
        extra_javascript=SCRIPTS + [s for s in config.get("extra_javascript", []) if s not in SCRIPTS],
        **(nav or {}),
    )
    if engine == "mkdocs":
        config["hooks"] = [str(Path(tab_hook.__file__))]
    return config


def _theme_files() -> dict[str, bytes]:
    """The packaged overrides and assets, without the Python files that make them a package (engines copy all)."""
    root = resources.theme()
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*")
            if p.is_file() and p.suffix not in (".py", ".pyc")}


def write_config(project: Project, engine: str, config: dict, site_dir: Path,
                 theme_extra: dict[str, bytes] | None = None) -> Path:
    """The config file the engine reads, beside a copy of the theme overrides (plus `theme_extra` files).

    It sits in build/ because Zensical wants the docs and site folders inside the config's folder.
    """
    path = project.engine_config(engine)
    sync_tree(project.build / THEME_FOLDER, {**_theme_files(), **(theme_extra or {})})
    config = {**config, "site_dir": os.path.relpath(site_dir, project.build)}
    write_if_changed(path, (f"# Written by stride from {project.mkdocs_yml.name}; edit that file instead.\n"
                            + site_config.dump(config)).encode())
    return path


def _run_mkdocs(config_file: Path) -> list[str]:
    """`mkdocs build --strict`, in process; its warnings and failure as messages."""
    from mkdocs.commands.build import build  # noqa: PLC0415 - only a site build needs MkDocs
    from mkdocs.config import load_config  # noqa: PLC0415
    from mkdocs.exceptions import MkDocsException  # noqa: PLC0415

    with hearing("mkdocs") as heard:
        try:
            build(load_config(config_file=str(config_file), strict=True))
            failure = []
        except MkDocsException as err:
            failure = [str(err)]
    messages = [m for m in heard.messages if not any(n in m.lower() for n in NOISE)]
    return messages or failure


def _run_zensical(config_file: Path) -> list[str]:
    """`zensical build --strict` in a child process (its Rust runtime keeps global state and reports on stdout)."""
    done = subprocess.run([sys.executable, "-m", "zensical", "build", "--strict", "--clean", "-f", str(config_file)],
                          capture_output=True, text=True, cwd=config_file.parent, check=False)
    if done.returncode == 0:
        return []
    lines = [line.strip() for line in (done.stderr + done.stdout).splitlines() if line.strip()]
    problems = [line for line in lines if re.search(r"error|warning|failed|abort", line, re.IGNORECASE)]
    return problems or lines[-5:] or [f"zensical exited with status {done.returncode}"]


RUNNERS = {"mkdocs": _run_mkdocs, "zensical": _run_zensical}


def build(project: Project, engine: str, config_file: Path) -> list[Diagnostic]:
    """Run the engine on a written config; problems come back as diagnostics pointing at a page or mkdocs.yml."""
    return [_site_problem(project, message) for message in RUNNERS[engine](config_file)]


def serve_command(engine: str, config_file: Path, dev_addr: str) -> list[str]:
    """The engine's live-reloading preview server, as a command line; it reloads on theme changes too (the preview's
    error banner is a theme partial), which Zensical does by default."""
    return [sys.executable, "-m", engine, "serve", "-f", str(config_file), "-a", dev_addr] + (
        ["--watch-theme"] if engine == "mkdocs" else [])


def _site_problem(project: Project, message: str) -> Diagnostic:
    """Point at the generated page the engine complains about, or at mkdocs.yml."""
    page = re.search(r"Doc file '([^']+)'", message)
    where = (project.docs / page[1] if page else project.mkdocs_yml).relative_to(project.root).as_posix()
    hint = "the page is generated from content/; fix the link there" if page else "check mkdocs.yml"
    return Diagnostic.make(where, (1, 1), "site.build", message.strip(), hint)
