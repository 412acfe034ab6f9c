"""The offline copy as a download on the hosted site: zip the offline build and add a page that links it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

OFFLINE_ZIP = "downloads/stride-curriculum-offline.zip"
OFFLINE_PAGE = "offline.md"
FIXED_TIME = (2020, 1, 1, 0, 0, 0)
"""Every entry gets this date, so an unchanged site zips to the same bytes."""
FOLDER = "stride-curriculum"


def zip_site(site: Path) -> bytes:
    """The built offline copy as a zip whose single folder opens with index.html."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(p for p in site.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{FOLDER}/{path.relative_to(site).as_posix()}", FIXED_TIME)
            archive.writestr(info, path.read_bytes(), zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def download_page(size_bytes: int) -> str:
    """The page that offers the zip; Markdown, so MkDocs checks the link and copies the file."""
    megabytes = max(1, round(size_bytes / 1_000_000))
    return f"""---
title: Use it offline
description: Download the whole site to read it with no internet connection.
---

# Use it offline

Going somewhere with poor or no internet? Download the whole site, lessons, quizzes and drill cards included,
and read it from your phone or laptop without a connection.

[Download the offline copy (zip, about {megabytes} MB)]({OFFLINE_ZIP}){{ .md-button .md-button--primary }}

1. Download the zip while you are online and unzip it (on a phone: open it in the Files app).
2. Open `{FOLDER}/index.html` in your browser. Every page, the search and the quizzes work from the file;
   quiz progress is kept in that browser.
3. Download it again now and then: the copy does not update itself.
"""
