"""MkDocs hook the engine adapter adds to MkDocs builds: file entity pages under their tab.

The nav lists index pages only (generator/nav.py); without this, an entity page has no section and no tab
is highlighted. Zensical runs no hooks (README, "Site engines").
"""

from __future__ import annotations

from generator.nav import section_of_folder


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
