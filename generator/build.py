"""Build orchestration: check, generate the docs dir, run MkDocs into a temporary dir, swap it in."""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from . import pipeline
from .diagnostics import Diagnostic
from .cards.content import Card
from .educators import GRADE_CACHE, educator_pages, read_grade_cache
from .figures.media import site_files as media_site_files
from .handwritten import check_pages, render_handwritten
from .nav import navigation
from .plans.builder import builder_files
from .cards.decks import cards_for, fit_diagnostics, ready_decks, render_deck
from .cards.pages import CARDS_FOLDER, DeckLink, card_pages
from .cards.select import Filters, select
from .project import Project
from .publish import OFFLINE_PAGE, OFFLINE_ZIP, download_page, zip_site
from .site_config import site_url
from .writer import WriteReport, swap_in, sync_tree, write_if_changed

OFFLINE_ENV = "STRIDE_OFFLINE"
"""Read by mkdocs.yml to switch on Material's offline plugin."""
ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".pdf"}
DECK_SIZES = ("a4-4up", "letter-4up", "a6")
"""Sizes offered for download; decks per injury come in the first two."""


@dataclass
class Generated:
    checked: pipeline.Checked
    report: WriteReport | None


def check_project(project: Project, strict: bool = False) -> pipeline.Checked:
    checked = pipeline.check(project.content, strict)
    checked.add(check_pages(project.pages, checked.kb), strict)
    return checked


def cards_unavailable(project: Project, err: OSError) -> Diagnostic:
    """WeasyPrint loads Pango when it is first used; without it, cards are reported, not a traceback."""
    return Diagnostic.make(project.mkdocs_yml.name, (1, 1), "card.unavailable", f"PDF cards could not be made: {err}",
                           "install Pango and fonts (./run build does this as root)")


def card_fit(project: Project, checked: pipeline.Checked, cards: list[Card]) -> list[Diagnostic]:
    """Card faces that do not fit, as positioned warnings (cached by content); needs WeasyPrint."""
    try:
        return fit_diagnostics(checked.graph, cards, project.templates, project.card_cache)
    except OSError as err:
        return [cards_unavailable(project, err)]


def _card_files(project: Project, checked: pipeline.Checked, pdfs: bool) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """Card pages, and with `pdfs` the ready decks and the fit check (both need WeasyPrint)."""
    graph = checked.graph
    cards = cards_for(graph, Filters(), site_url(project.mkdocs_yml))
    by_id = {card.id: card for card in cards}
    problems: list[Diagnostic] = []
    files: dict[str, bytes] = {}
    links: list[DeckLink] = []
    if pdfs:
        problems = card_fit(project, checked, cards)
        try:
            for spec in ready_decks(graph):
                deck = [by_id[drill.id] for drill in select(graph, spec.filters)]
                names, kilobytes = {}, {}
                for size in DECK_SIZES if spec.slug == "all-drills" else DECK_SIZES[:2]:
                    names[size] = f"{spec.slug}-{size}.pdf"
                    files[f"{CARDS_FOLDER}/decks/{names[size]}"] = render_deck(
                        deck, spec, size, project.templates, project.card_cache, duplex=True)
                    kilobytes[size] = max(1, round(len(files[f"{CARDS_FOLDER}/decks/{names[size]}"]) / 1024))
                links.append(DeckLink(spec.title, len(deck), names, kilobytes))
        except OSError as err:
            files, links = {}, []
            problems = [cards_unavailable(project, err)]
    pages = card_pages(cards, links, project.templates)
    return {**{path: text.encode() for path, text in pages.items()}, **files}, problems


def generate(project: Project, strict: bool = False, pdfs: bool = True,
             extra: dict[str, bytes] | None = None) -> Generated:
    """Check, then write the generated docs dir and nav; nothing is written when there are errors.

    `extra` adds files to the docs dir; its Markdown pages join the menu like hand-written pages.
    """
    checked = check_project(project, strict)
    if not checked.ok:
        return Generated(checked, None)
    extra = extra or {}
    handwritten = {**render_handwritten(project.pages, checked.kb),
                   **{path: data.decode() for path, data in extra.items() if path.endswith(".md")}}
    grades = read_grade_cache(project)
    educators = educator_pages(checked.graph, project.templates, grades)
    write_if_changed(project.build / "cache" / GRADE_CACHE, json.dumps(grades, sort_keys=True).encode())
    pages = {**pipeline.render(checked, project.templates), **educators, **handwritten}
    files = {path: text.encode() for path, text in pages.items()}
    files.update(media_site_files(checked.kb))
    card_files, card_problems = _card_files(project, checked, pdfs)
    files.update(card_files)
    files.update(builder_files(checked.graph, project.templates))
    checked.add(card_problems, strict)
    if not checked.ok:
        return Generated(checked, None)
    files.update((path, data) for path, data in extra.items() if not path.endswith(".md"))
    for asset in project.pages.rglob("*") if project.pages.is_dir() else []:
        if asset.suffix.lower() in ASSET_SUFFIXES:
            files[asset.relative_to(project.pages).as_posix()] = asset.read_bytes()
    report = sync_tree(project.docs, files)
    nav = navigation(checked.kb, set(handwritten))
    write_if_changed(project.nav, json.dumps(nav, indent=1, ensure_ascii=False).encode())
    return Generated(checked, report)


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def run_mkdocs(project: Project, site_dir: Path, offline: bool = False) -> list[Diagnostic]:
    """`mkdocs build --strict` into site_dir; its warnings come back as diagnostics."""
    from mkdocs.commands.build import build as mkdocs_build  # noqa: PLC0415 - only the build needs MkDocs
    from mkdocs.config import load_config  # noqa: PLC0415
    from mkdocs.exceptions import MkDocsException  # noqa: PLC0415

    collect = _Collect()
    log = logging.getLogger("mkdocs")
    log.addHandler(collect)
    previous = os.environ.get(OFFLINE_ENV)
    os.environ[OFFLINE_ENV] = "true" if offline else "false"
    try:
        config = load_config(config_file=str(project.mkdocs_yml), site_dir=str(site_dir), strict=True)
        if offline and "navigation.instant" in config.theme["features"]:
            # Instant navigation fetches pages with XHR, which browsers refuse on file:// pages.
            config.theme["features"].remove("navigation.instant")
        mkdocs_build(config)
        failure = None
    except MkDocsException as err:
        failure = str(err)
    finally:
        log.removeHandler(collect)
        if previous is None:
            os.environ.pop(OFFLINE_ENV)
        else:
            os.environ[OFFLINE_ENV] = previous
    messages = [m for m in collect.messages if "end-of-life" not in m.lower()]
    if failure is None and not messages:
        return []
    return [_site_problem(project, m) for m in messages or [failure]]


def _site_problem(project: Project, message: str) -> Diagnostic:
    """Point at the generated page MkDocs complains about, or at mkdocs.yml."""
    page = re.search(r"Doc file '([^']+)'", message)
    where = (project.docs / page[1] if page else project.mkdocs_yml).relative_to(project.root).as_posix()
    hint = "the page is generated from content/; fix the link there" if page else "check mkdocs.yml"
    return Diagnostic.make(where, (1, 1), "site.build", message.strip(), hint)


def _offline_download(project: Project) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """Build the offline copy into a temporary dir and return it zipped, with the page that offers it."""
    tmp = Path(tempfile.mkdtemp(prefix=".site-offline-", dir=project.root))
    try:
        problems = run_mkdocs(project, tmp, offline=True)
        if problems:
            return {}, problems
        archive = zip_site(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {OFFLINE_ZIP: archive, OFFLINE_PAGE: download_page(len(archive)).encode()}, []


def build_site(project: Project, strict: bool = False, offline: bool = False,
               offline_zip: bool = False) -> tuple[Generated, list[Diagnostic]]:
    """Generate, then build the HTML into a temporary dir that replaces the site only on success.

    With `offline_zip`, the offline copy is built first and offered as a download on the hosted site.
    """
    generated = generate(project, strict)
    if generated.report is None:
        return generated, []
    if offline_zip and not offline:
        download, problems = _offline_download(project)
        if problems:
            return generated, problems
        generated = generate(project, strict, extra=download)
    final = project.site_offline if offline else project.site
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=project.root))
    problems = run_mkdocs(project, tmp, offline)
    if problems:
        shutil.rmtree(tmp, ignore_errors=True)
        return generated, problems
    swap_in(tmp, final)
    return generated, []
