"""Build orchestration: check, generate the docs dir, run the site engine into a temporary dir, swap it in."""

from __future__ import annotations

import gc
import hashlib
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from . import engines, pipeline, site_config
from .diagnostics import Diagnostic
from .cards.content import QR_MADE, QR_MASK, Card
from .educators import educator_pages, read_grade_cache, save_grade_cache
from .figures.media import site_files as media_site_files
from .handwritten import render_handwritten
from .nav import navigation
from .plans.builder import builder_files
from .cards.decks import cards_for, deck_cards, deck_request, drill_titles, fit_diagnostics, ready_decks
from .cards.pieces import start_decks
from .cards.render import Faces
from .cards.workers import abandon
from .cards.pages import CARDS_FOLDER, DeckLink, card_pages
from .cards.select import Filters
from .parse_cache import ParseCache
from .project import Project
from .report import start_grading
from .side_process import Pending
from .render.pages import Share
from .publish import OFFLINE_PAGE, OFFLINE_ZIP, download_page, zip_site
from .site_config import site_url
from .writer import WriteReport, read_json_cache, recover, save_json_cache, swap_in, sync_tree, write_if_changed

ASSET_SUFFIXES = {".png", ".jpg", ".jpeg", ".svg", ".webp", ".pdf"}
DECK_SIZES = ("a4-4up", "letter-4up", "a6")
"""Sizes offered for download; decks per injury come in the first two."""
FORKED_SHARE, OWN_SHARE = Share(frozenset({0, 1, 2}), 4), Share(frozenset({3}), 4)
"""Pages rendered by the forked process and by this one, which first lints and makes the other files: with a quarter
of the pages it finishes about when the fork does (0.1-0.7 s apart, measured at 2,000 and 5,000 entities)."""


def check_project(project: Project, strict: bool = False) -> pipeline.Checked:
    """The check of a project folder: exactly pipeline.check on its content/ (YAML and hand-written pages)."""
    return pipeline.check(project.content, strict, ParseCache(project.parse_cache))


@dataclass
class Generated:
    checked: pipeline.Checked
    report: WriteReport | None
    nav: dict | None = None
    """The `nav` and `not_in_nav` settings for the engine."""
    digest: str = ""
    """Hash of every generated file: the engine's input, so an unchanged digest needs no engine run."""
    engine_skipped: bool = False


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


def _cards_with_saved_qr_codes(project: Project, graph) -> list[Card]:
    """All cards; QR codes made in earlier runs are read back instead of encoded again."""
    saved = project.card_cache / f"qr-codes-mask{QR_MASK}.json"
    if not QR_MADE:
        QR_MADE.update(read_json_cache(saved, lambda svg: isinstance(svg, str) and svg.startswith("<svg")))
    known = len(QR_MADE)
    cards = cards_for(graph, Filters(), site_url(project.mkdocs_yml))
    if len(QR_MADE) != known:
        save_json_cache(saved, QR_MADE)
    return cards


def _start_card_files(project: Project, checked: pipeline.Checked,
                      pdfs: bool) -> Callable[[], tuple[dict[str, bytes], list[Diagnostic]]]:
    """Card pages, and with `pdfs` the ready decks and the fit check (both need WeasyPrint). The sheets to render go
    to the workers now; the returned call waits for them and gives the files and the problems found."""
    graph = checked.graph
    cards = _cards_with_saved_qr_codes(project, graph)
    by_id = {card.id: card for card in cards}
    offered = []
    decks: Callable[[], list[bytes]] = list
    unavailable: OSError | None = None
    if pdfs:
        titles = drill_titles(graph)
        for spec in ready_decks(graph):
            deck = deck_cards(graph, spec, by_id, titles)
            sizes = DECK_SIZES if spec.slug == "all-drills" else DECK_SIZES[:2]
            offered += [(spec, deck, size, f"{spec.slug}-{size}.pdf") for size in sizes]
        faces = Faces(project.templates)
        try:  # every deck at once, so the uncached sheets of all decks share one pass over the cores
            decks = start_decks([deck_request(deck, spec, size, faces, duplex=True)
                                 for spec, deck, size, _ in offered], project.card_cache)
        except OSError as err:  # no worker processes here (no semaphores, no fork/spawn)
            unavailable = err

    def finish() -> tuple[dict[str, bytes], list[Diagnostic]]:
        problems: list[Diagnostic] = []
        made: list[bytes] = []
        if pdfs:
            failure = unavailable
            if failure is None:
                try:
                    made = decks()
                except OSError as err:
                    failure = err
            # The fit check after the decks, so a card laid out for the first time goes to the workers they started.
            problems = [cards_unavailable(project, failure)] if failure else card_fit(project, checked, cards)
        files: dict[str, bytes] = {}
        by_slug: dict[str, DeckLink] = {}
        for (spec, deck, size, name), pdf in zip(offered, made):
            files[f"{CARDS_FOLDER}/decks/{name}"] = pdf
            link = by_slug.setdefault(spec.slug, DeckLink(spec.title, len(deck), {}, {}))
            link.files[size] = name
            link.kilobytes[size] = max(1, round(len(pdf) / 1024))
        pages = card_pages(cards, list(by_slug.values()), project.templates)
        return {**{path: text.encode() for path, text in pages.items()}, **files}, problems

    return finish


@dataclass
class Made:
    """Everything generated for the docs dir, before it is written."""

    checked: pipeline.Checked
    files: dict[str, bytes]
    menu_pages: set[str]
    """Hand-written pages, which join the menu."""


def make_files(project: Project, strict: bool = False, pdfs: bool = True) -> Made:
    """Check, then generate every file of the docs dir in memory; no files when there are errors.

    Most pages render on the second core (side_process) from the moment the content is linked, while this process
    lints, starts the card work, makes the other files and then renders the rest; pages are used only when the
    whole check passed."""
    # The linked knowledge base lives until the build ends: out of the cycle collector's reach, it is not rescanned
    # at every collection (nor its memory written to, which a fork shares); new garbage is still collected. It is
    # frozen before the collector runs again, whose first pass would otherwise scan all of it (0.75 s at 5,000
    # entities).
    with pipeline.cycle_collector_paused():
        linked = pipeline.link(project.content, ParseCache(project.parse_cache))
        gc.freeze()
    rendering = None
    try:
        if linked.ok:
            rendering = Pending(partial(_rendered_files, linked, project.templates, FORKED_SHARE))
        return _make_files(project, pipeline.lint(linked, project.content, strict), rendering, strict, pdfs)
    except BaseException:  # a bug, or Ctrl+C: stop the work nobody will use
        abandon()
        raise
    finally:
        if rendering:
            rendering.cancel()
        gc.unfreeze()


def _make_files(project: Project, checked: pipeline.Checked, rendering: Pending | None, strict: bool,
                pdfs: bool) -> Made:
    if not checked.ok:
        return Made(checked, {}, set())
    # Sheets to render and texts to grade go to the PDF workers (when they are needed) while the pages render.
    cards = _start_card_files(project, checked, pdfs)
    grades = read_grade_cache(project)
    grading = start_grading(checked.graph, grades)
    handwritten = render_handwritten(project.pages, checked.kb)
    grading()
    educators = educator_pages(checked.graph, project.templates, grades)
    own = _rendered_files(checked, project.templates, OWN_SHARE)
    card_files, card_problems = cards()  # before waiting: the forked renderer is usually still at work
    files = {**own, **rendering.result()}
    save_grade_cache(project, grades)
    files.update((path, text.encode()) for path, text in {**educators, **handwritten}.items())
    files.update(media_site_files(checked.kb))
    files.update(card_files)
    files.update(builder_files(checked.graph, project.templates))
    checked.add(card_problems, strict)
    if not checked.ok:
        return Made(checked, {}, set())
    for asset in project.pages.rglob("*") if project.pages.is_dir() else []:
        if asset.suffix.lower() in ASSET_SUFFIXES:
            files[asset.relative_to(project.pages).as_posix()] = asset.read_bytes()
    return Made(checked, files, set(handwritten))


def _rendered_files(linked: pipeline.Linked, templates: Path, share: Share) -> dict[str, bytes]:
    """One share of the generated pages as the bytes to write (bytes also come back from the fork faster than
    text: pickle copies them, where text is encoded and decoded again)."""
    return {path: text.encode() for path, text in pipeline.render(linked, templates, share).items()}


def write_docs(project: Project, made: Made, extra: dict[str, bytes] | None = None) -> Generated:
    """Write the docs dir (only files that changed) and its nav; `extra` files join it, its Markdown pages the menu."""
    if not made.checked.ok:
        return Generated(made.checked, None)
    extra = extra or {}
    files = {**made.files, **extra}
    menu_pages = made.menu_pages | {path for path in extra if path.endswith(".md")}
    report = sync_tree(project.docs, files)
    return Generated(made.checked, report, navigation(made.checked.kb, menu_pages), _digest(files))


def generate(project: Project, strict: bool = False, pdfs: bool = True) -> Generated:
    """Check, then write the generated docs dir and nav; nothing is written when there are errors."""
    return write_docs(project, make_files(project, strict, pdfs))


def _digest(files: dict[str, bytes]) -> str:
    digest = hashlib.sha256()
    for rel in sorted(files):
        digest.update(rel.encode() + b"\0" + hashlib.sha256(files[rel]).digest())
    return digest.hexdigest()


def _stamp(project: Project, site: Path) -> Path:
    """Records what the last good `site` was built from, so an unchanged build skips the engine."""
    return project.build / "stamps" / site.name


def _offline_download(project: Project, engine: str, nav: dict | None) -> tuple[dict[str, bytes], list[Diagnostic]]:
    """Build the offline copy into a temporary dir and return it zipped, with the page that offers it."""
    tmp = Path(tempfile.mkdtemp(prefix=".site-offline-", dir=project.build))
    try:
        config = engines.engine_config(project, engine, nav, offline=True)
        problems = engines.build(project, engine, engines.write_config(project, engine, config, tmp))
        if problems:
            return {}, problems
        archive = zip_site(tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return {OFFLINE_ZIP: archive, OFFLINE_PAGE: download_page(len(archive)).encode()}, []


def build_site(project: Project, strict: bool = False, offline: bool = False,
               engine: str = engines.DEFAULT_ENGINE, offline_zip: bool = False) -> tuple[Generated, list[Diagnostic]]:
    """Generate, then build the HTML into a temporary dir that replaces the site only on success.

    The engine is skipped when the site on disk was built by the same engine from the same files and config.
    With `offline_zip`, the offline copy is built first and offered as a download on the hosted site.
    """
    made = make_files(project, strict)
    generated = write_docs(project, made)
    if generated.report is None:
        return generated, []
    if offline_zip and not offline:
        download, problems = _offline_download(project, engine, generated.nav)
        if problems:
            return generated, problems
        generated = write_docs(project, made, download)
    final = project.site_offline if offline else project.site
    recover(final)
    for leftover in project.build.glob(".site-*"):  # left by a build killed while the engine ran
        shutil.rmtree(leftover, ignore_errors=True)
    config = engines.engine_config(project, engine, generated.nav, offline)
    key = hashlib.sha256("\0".join((engine, generated.digest, site_config.dump(config))).encode()).hexdigest()
    stamp = _stamp(project, final)
    if final.is_dir() and stamp.is_file() and stamp.read_text() == key:
        generated.engine_skipped = True
        return generated, []
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=project.build))
    problems = engines.build(project, engine, engines.write_config(project, engine, config, tmp))
    if problems:
        shutil.rmtree(tmp, ignore_errors=True)
        return generated, problems
    stamp.unlink(missing_ok=True)
    swap_in(tmp, final)
    write_if_changed(stamp, key.encode())
    return generated, []
