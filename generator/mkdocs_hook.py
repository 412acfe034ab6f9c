"""MkDocs hook: file entity pages under their tab, and regenerate the docs dir while serving.

Only while serving: `stride build` generates before it calls MkDocs. A content error keeps the last
good pages and lists the errors at the top of every page (and in the terminal); a good rebuild prints
"rebuilt". PDF decks are left to `stride build`.
"""

from __future__ import annotations

import html
import logging
import re
import sys
from pathlib import Path

from generator.build import generate
from generator.diagnostics import Diagnostic, format_text
from generator.nav import section_of_folder
from generator.project import find_project

log = logging.getLogger("mkdocs.plugins.stride")
_serving = False


def on_startup(command: str, dirty: bool) -> None:  # noqa: ARG001 - MkDocs hook signature
    global _serving
    _serving = command == "serve"


_problems: list[Diagnostic] = []
"""Content errors of the last regeneration; every served page shows them until they are fixed."""
_changed = 0


def on_pre_build(config) -> None:  # noqa: ANN001 - MkDocs passes its config object
    global _changed
    if not _serving:
        return
    project = find_project(Path(config.config_file_path).parent)
    generated = generate(project, pdfs=False)  # PDF decks are slow to render; `stride build` makes them
    _problems[:] = [d for d in generated.checked.diagnostics if d.is_error] if generated.report is None else []
    if generated.report is None:
        print(format_text(generated.checked.diagnostics), file=sys.stderr)
        print("stride: content has errors (also shown on every page in the browser); showing the last good pages",
              file=sys.stderr)
        _changed = 0
    else:
        _changed = len(generated.report.written) + len(generated.report.removed)


def on_post_page(output: str, page, config) -> str:  # noqa: ANN001, ARG001 - MkDocs hook signature
    """While there are content errors, put them at the top of every page, where the educator is looking."""
    if not (_serving and _problems):
        return output
    return error_banner(output, _problems)


def on_post_build(config) -> None:  # noqa: ANN001, ARG001 - MkDocs hook signature
    if _serving and not _problems:
        print(f"stride: rebuilt ({_changed} generated pages changed)", file=sys.stderr, flush=True)


def error_banner(page_html: str, problems: list[Diagnostic]) -> str:
    """The page with an alert listing each problem (escaped) inserted at the start of its content."""
    items = "".join(
        f"<li><code>{html.escape(f'{d.path}:{d.line}:{d.col}')}</code> {html.escape(d.message)}"
        + (f"<br><small>hint: {html.escape(d.hint)}</small>" if d.hint else "") + "</li>"
        for d in sorted(problems)[:50]
    )
    banner = (f'<div class="admonition danger stride-errors" role="alert"><p class="admonition-title">'
              f"{len(problems)} content error{'s' if len(problems) != 1 else ''}: this preview shows the last "
              f"good pages until they are fixed</p><ul>{items}</ul></div>")
    marker = '<article class="md-content__inner md-typeset">'
    if marker in page_html:
        return page_html.replace(marker, marker + banner, 1)
    return re.sub(r"(<body[^>]*>)", lambda m: m[1] + banner, page_html, count=1)


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
