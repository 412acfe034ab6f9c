"""MkDocs hook: file entity pages under their tab, and regenerate the docs dir while serving.

Regeneration happens only while serving: `stride build` generates before it calls MkDocs, and a
content error keeps the last good pages on screen while the errors are printed.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from generator.build import generate
from generator.diagnostics import format_text
from generator.nav import section_of_folder
from generator.project import find_project

log = logging.getLogger("mkdocs.plugins.stride")
_serving = False


def on_startup(command: str, dirty: bool) -> None:  # noqa: ARG001 - MkDocs hook signature
    global _serving
    _serving = command == "serve"


def on_pre_build(config) -> None:  # noqa: ANN001 - MkDocs passes its config object
    if not _serving:
        return
    project = find_project(Path(config.config_file_path).parent)
    generated = generate(project, pdfs=False)  # PDF decks are slow to render; `stride build` makes them
    if generated.report is None:
        print(format_text(generated.checked.diagnostics), file=sys.stderr)
        log.error("content has errors; showing the last good pages")
    elif generated.report.written or generated.report.removed:
        log.info("stride: regenerated %d pages", len(generated.report.written) + len(generated.report.removed))


def on_nav(nav, config, files):  # noqa: ANN001, ARG001 - MkDocs hook signature
    """Give each page that the nav leaves out its section as parent, so its tab and sidebar section are active."""
    sections = {item.title: item for item in nav.items if item.is_section}
    folders = section_of_folder()
    for file in files.documentation_pages():
        page = file.page
        folder = file.src_uri.rpartition("/")[0]
        # Every nav entry sits inside a section, so a page without a parent is one the nav leaves out.
        if page is not None and page.parent is None and folder in folders and folders[folder] in sections:
            page.parent = sections[folders[folder]]
    return nav
