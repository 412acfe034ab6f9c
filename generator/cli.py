"""The `stride` command line: the only place (with the writer) that prints or touches files."""

from __future__ import annotations

import argparse
import socket
import sys
from pathlib import Path

from . import authoring_cli, engines, preview
from .build import Generated, build_site, card_fit, check_project, generate
from .cards import cli as cards_cli
from .cards.decks import cards_for
from .cards.select import Filters
from .exports import cli as exports_cli
from .diagnostics import Diagnostic, format_json, format_text
from .figures import unposed
from .knowledge import KnowledgeBase
from .plans import cli as plans_cli
from .site_config import site_url
from .writer import write_if_changed
from .project import Project, find_project
from .schema import ENTITY_KINDS

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def coverage(kb: KnowledgeBase) -> dict[str, int]:
    counts = {kind.plural.lower(): len(kb.of_kind(name)) for name, kind in ENTITY_KINDS.items()}
    counts["glossary terms"] = len(kb.of_kind("term"))
    counts["references"] = len(kb.of_kind("reference"))
    return counts


def figure_gaps(kb: KnowledgeBase) -> str:
    """The figures summary line: how many entities are posed, and which are not yet."""
    gaps = unposed(kb)
    line = "figures: " + " · ".join(f"{len(kb.of_kind(kind)) - len(ids)}/{len(kb.of_kind(kind))} "
                                    f"{ENTITY_KINDS[kind].plural.lower()}" for kind, ids in gaps.items())
    missing = [f"{kind} '{i}'" for kind, ids in gaps.items() for i in ids]
    return line + (f"; not yet posed: {', '.join(missing)}" if missing else "; every one posed")


def _report(diagnostics: list[Diagnostic], fmt: str, kb: KnowledgeBase | None) -> None:
    counts = coverage(kb) if kb else {}
    if fmt == "json":
        print(format_json(diagnostics, {"coverage": counts, "unposed": unposed(kb) if kb else {}}))
        return
    if counts:
        print("knowledge base: " + " · ".join(f"{n} {what}" for what, n in counts.items()), file=sys.stderr)
        print(figure_gaps(kb), file=sys.stderr)
    print(format_text(diagnostics), file=sys.stderr)


def _exit_code(diagnostics: list[Diagnostic]) -> int:
    return EXIT_CONTENT if any(d.is_error for d in diagnostics) else EXIT_OK


def cmd_check(project: Project, args: argparse.Namespace) -> int:
    checked = check_project(project, args.strict)
    if checked.ok:
        cards = cards_for(checked.graph, Filters(), site_url(project.mkdocs_yml))
        checked.add(card_fit(project, checked, cards), args.strict)
    _report(checked.diagnostics, args.format, checked.kb)
    return _exit_code(checked.diagnostics)


def cmd_build(project: Project, args: argparse.Namespace) -> int:
    offline_zip = args.offline_zip and not args.offline
    generated, site_problems = build_site(project, args.strict, args.offline, args.engine, offline_zip)
    diagnostics = generated.checked.diagnostics + site_problems
    _report(diagnostics, args.format, generated.checked.kb)
    if generated.report is not None and not site_problems and args.format == "text":
        report = generated.report
        site = (project.site_offline if args.offline else project.site).relative_to(project.root)
        done = f"{site}/ is up to date" if generated.engine_skipped else f"site written to {site}/ by {args.engine}"
        print(f"generated {len(report.written)} changed, {report.unchanged} unchanged, {len(report.removed)} removed "
              f"files; {done}", file=sys.stderr)
    return _exit_code(diagnostics)


def _port_taken(address: str) -> str | None:
    """Why the preview cannot listen on host:port, in plain words, or None when it can."""
    host, _, port = address.rpartition(":")
    if not port.isdigit():
        return f"'{address}' is not host:port, e.g. 127.0.0.1:8000"
    with socket.socket() as probe:
        try:
            probe.bind((host or "127.0.0.1", int(port)))
        except OSError:
            return (f"{address} is already in use (another `stride serve` or `mkdocs serve`?); stop it, or choose "
                    f"another port: stride serve --dev-addr {host or '127.0.0.1'}:{int(port) + 1}")
    return None


def cmd_serve(project: Project, args: argparse.Namespace) -> int:
    busy = _port_taken(args.dev_addr)
    if busy:
        print(f"stride serve: {busy}", file=sys.stderr)
        return EXIT_USAGE
    generated = generate(project, args.strict, pdfs=False)  # PDF decks are slow to render; `stride build` makes them
    _report(generated.checked.diagnostics, "text", generated.checked.kb)
    problems = _errors(generated)
    if problems and not (project.docs / "index.md").is_file():
        write_error_home(project)

    def regenerate() -> preview.Regenerated:
        again = generate(project, args.strict, pdfs=False)
        if again.report is None:
            print(format_text(again.checked.diagnostics), file=sys.stderr)
            print("stride: content has errors (also shown on every page in the browser); showing the last good pages",
                  file=sys.stderr, flush=True)
            return preview.Regenerated(None, _errors(again))
        changed = len(again.report.written) + len(again.report.removed)
        print(f"stride: rebuilt ({changed} generated pages changed)", file=sys.stderr, flush=True)
        return preview.Regenerated(again.nav, [])

    return preview.serve(project, args.engine, args.dev_addr, preview.Regenerated(generated.nav, problems), regenerate)


def _errors(generated: Generated) -> list[Diagnostic]:
    return [d for d in generated.checked.diagnostics if d.is_error] if generated.report is None else []


def write_error_home(project: Project) -> None:
    """With no good pages yet, a one-page site so the preview starts and shows the errors (the banner lists them)."""
    write_if_changed(project.docs / "index.md", b"# Content has errors\n\nFix them and this page reloads.\n")


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="stride", description="Build the Stride Curriculum site from its YAML knowledge base.")
    top.add_argument("--project", type=Path, default=None, help="project folder (default: the nearest with mkdocs.yml)")
    sub = top.add_subparsers(dest="command", required=True)
    for name, helptext in (("check", "validate and lint the content; writes nothing"),
                           ("build", "check, generate the pages and build the site into site/"),
                           ("serve", "live preview that regenerates when content/ changes")):
        command = sub.add_parser(name, help=helptext, description=helptext)
        if name == "build":
            command.add_argument("--offline", action="store_true",
                                 help="build site-offline/, which opens from the file system (links to .html files)")
            command.add_argument("--no-offline-zip", dest="offline_zip", action="store_false",
                                 help="leave out the offline copy that the site offers as a zip download (page 'Use it "
                                 "offline'); it takes a second engine build")
        command.add_argument("--strict", action="store_true", help="treat warnings as errors")
        if name != "check":
            command.add_argument("--engine", choices=engines.ENGINES, default=engines.DEFAULT_ENGINE,
                                 help="site engine: MkDocs with Material (default) or Zensical")
        if name != "serve":
            command.add_argument("--format", choices=("text", "json"), default="text", help="output format")
        else:
            command.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    cards = sub.add_parser("cards", help="build a PDF deck of drill cards", description="Build a PDF deck of drill cards.")
    cards_cli.add_arguments(cards)
    plan = sub.add_parser("plan", help="make a runner's plan (HTML + PDF with cards) and care-team note",
                          description="Make a runner's plan from a runner file: HTML, PDF with personalised cards, care-team note.")
    plans_cli.add_arguments(plan)
    for name, helptext, add in (
        ("new", "write a new entity file with placeholders for every field to fill", authoring_cli.add_new_arguments),
        ("schema", "write JSON Schema per kind for editor autocompletion", authoring_cli.add_schema_arguments),
        ("report", "counts and gaps in the curriculum (lessons without quizzes, uncited pages, reading grade)",
         authoring_cli.add_report_arguments),
        ("export", "export questions for an LMS (Moodle XML, QTI, GIFT) or flash cards (Anki)",
         exports_cli.add_arguments),
    ):
        add(sub.add_parser(name, help=helptext, description=helptext))
    return top


COMMANDS = {"check": cmd_check, "build": cmd_build, "serve": cmd_serve, "cards": cards_cli.run, "plan": plans_cli.run,
            "new": authoring_cli.run_new, "schema": authoring_cli.run_schema, "report": authoring_cli.run_report,
            "export": exports_cli.run}


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    project = Project(args.project.resolve()) if args.project else find_project(Path.cwd())
    if project is None or not project.content.is_dir():
        print("stride: no project here (looked for mkdocs.yml and content/); use --project DIR", file=sys.stderr)
        return EXIT_USAGE
    return COMMANDS[args.command](project, args)


if __name__ == "__main__":
    sys.exit(main())
