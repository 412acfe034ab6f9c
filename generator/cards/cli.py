"""`stride cards`: build a PDF deck from the command line, with filters and a size."""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

from ..build import card_fit, cards_unavailable, check_project
from ..diagnostics import format_text
from ..project import Project
from ..site_config import site_url
from ..validate import did_you_mean
from .decks import DeckSpec, cards_for, render_deck
from .select import Filters, select
from .sizes import BLEED_LAYOUTS, LAYOUTS, sheets_for


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--size", choices=sorted(LAYOUTS), default="a6", help="card layout (default: a6)")
    command.add_argument("--injury", action="append", default=[], metavar="ID", help="drills that help this injury")
    command.add_argument("--pattern", action="append", default=[], metavar="ID", help="drills for this movement pattern")
    command.add_argument("--lesson", action="append", default=[], metavar="ID", help="drills used in this lesson")
    command.add_argument("--tag", action="append", default=[], help="drills with this tag")
    command.add_argument("--equipment", action="append", default=[], metavar="WORD",
                         help="drills whose equipment mentions WORD; 'none' for drills without equipment")
    command.add_argument("--ids", default="", help="comma-separated drill ids, in the order to print them")
    command.add_argument("--title", default=None, help="title on the cover")
    command.add_argument("--duplex", action="store_true", help="mirror the backs for double-sided printing (long edge)")
    command.add_argument("--bleed", action="store_true",
                         help="A6 only: bleed and crop marks for a print shop, no cover page")
    command.add_argument("--allow-too-long", action="store_true",
                         help="write the deck even when a card does not fit (its text is cut off)")
    command.add_argument("--output", type=Path, default=None, help="PDF file to write (default: build/cards/…)")


def _filters(args: argparse.Namespace) -> Filters:
    return Filters(
        injuries=tuple(args.injury), patterns=tuple(args.pattern), lessons=tuple(args.lesson),
        tags=tuple(args.tag), equipment=tuple(w.lower() for w in args.equipment),
        ids=tuple(i.strip() for i in args.ids.split(",") if i.strip()),
    )


def _usage(args: argparse.Namespace, filters: Filters) -> list[str]:
    """Options that cannot mean what the user asked for."""
    problems = []
    if args.ids and not filters.ids:
        problems.append(f"stride cards: --ids {args.ids!r} names no drill; give ids separated by commas")
    repeated = sorted({i for i in filters.ids if filters.ids.count(i) > 1})
    if repeated:
        problems.append("stride cards: --ids lists " + ", ".join(f"'{i}'" for i in repeated) + " more than once")
    if args.bleed and args.size not in BLEED_LAYOUTS:
        problems.append(f"stride cards: --bleed is for {', '.join(BLEED_LAYOUTS)} cards cut by a print shop; "
                        f"{args.size} sheets are cut along their cut lines")
    return problems


def slug(text: str) -> str:
    """A file-name-safe form of a deck title: lowercase letters, digits and single hyphens."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "drill-cards"


def _writable(output: Path) -> str | None:
    """Why `output` cannot be written, found before the deck is rendered."""
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        return f"cannot create the folder {output.parent}: {err.strerror}"
    if output.is_dir():
        return f"{output} is a folder; give a PDF file name"
    if not os.access(output.parent, os.W_OK) or (output.exists() and not os.access(output, os.W_OK)):
        return f"cannot write {output}: permission denied"
    return None


def _unknown(project_kb, filters: Filters) -> list[str]:
    """Usage problems: filter values that name nothing, each with a did-you-mean."""
    problems = []
    for kind, values in (("injury", filters.injuries), ("biomechanics", filters.patterns),
                         ("lesson", filters.lessons), ("drill", filters.ids)):
        known = {i for (k, i) in project_kb.items if k == kind}
        for value in values:
            if value not in known:
                hint = did_you_mean(value, known)
                problems.append(f"stride cards: '{value}' is not a known {kind} id" + (f"; {hint}" if hint else ""))
    return problems


def _title(filters: Filters, kb) -> str:
    names = [kb.items[(kind, i)].title for kind, ids in (("injury", filters.injuries), ("biomechanics", filters.patterns),
                                                          ("lesson", filters.lessons)) for i in ids]
    return " · ".join(names) or "Drill cards"


def run(project: Project, args: argparse.Namespace) -> int:
    checked = check_project(project)
    if not checked.ok:
        print(format_text(checked.diagnostics), file=sys.stderr)
        return 1
    filters = _filters(args)
    usage = _usage(args, filters) or _unknown(checked.kb, filters)
    if usage:
        print("\n".join(usage), file=sys.stderr)
        return 2
    if not select(checked.graph, filters):
        print("stride cards: no drills match these filters", file=sys.stderr)
        return 2
    cards = cards_for(checked.graph, filters, site_url(project.mkdocs_yml))
    title = args.title or _title(filters, checked.kb)
    spec = DeckSpec("custom", title, f"{len(cards)} drills for your runner", filters)
    layout = LAYOUTS[args.size]
    output = args.output or project.build / "cards" / f"{slug(title)}-{args.size}.pdf"
    unwritable = _writable(output)
    if unwritable:
        print(f"stride cards: {unwritable}", file=sys.stderr)
        return 2
    problems = card_fit(project, checked, cards)
    if problems:
        print(format_text(problems), file=sys.stderr)
        if not args.allow_too_long:
            print("stride cards: no deck written; shorten these cards, or pass --allow-too-long to print them cut off",
                  file=sys.stderr)
            return 1
    try:
        pdf = render_deck(cards, spec, args.size, project.templates, project.card_cache, duplex=args.duplex,
                          bleed=args.bleed)
        output.write_bytes(pdf)
    except OSError as err:
        print(format_text([cards_unavailable(project, err)]) if err.filename != str(output)
              else f"stride cards: cannot write {output}: {err.strerror}", file=sys.stderr)
        return 1
    sheets = sheets_for(layout, len(cards))
    print(f"wrote {output} ({len(cards)} cards on {sheets} sheet{'s' if sheets != 1 else ''}, {layout.label})",
          file=sys.stderr)
    return 0
