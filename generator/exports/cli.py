"""`stride export FORMAT --output PATH`: write the questions (and, for Anki, the glossary) for another tool."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..build import check_project
from ..diagnostics import format_text
from ..project import Project
from ..site_config import site_url
from ..writer import write_if_changed
from . import FORMATS
from .questions import source

EXIT_OK, EXIT_CONTENT = 0, 1


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("format", choices=sorted(FORMATS),
                         help="; ".join(f"{name}: {module.DESCRIPTION}" for name, module in sorted(FORMATS.items())))
    command.add_argument("--output", type=Path, default=None, help="file to write (default: build/exports/stride-…)")


def run(project: Project, args: argparse.Namespace) -> int:
    checked = check_project(project)
    if not checked.ok:
        print(format_text([d for d in checked.diagnostics if d.is_error]), file=sys.stderr)
        print("stride export: fix the errors above first", file=sys.stderr)
        return EXIT_CONTENT
    module = FORMATS[args.format]
    exported = module.export(source(checked.graph, site_url(project.mkdocs_yml)))
    output = args.output or project.build / "exports" / f"stride-{args.format}{module.SUFFIX}"
    write_if_changed(output, exported.data)
    for skipped in exported.skipped:
        print(f"{skipped.quiz}: not exported: question '{skipped.id}' ({skipped.type}): {skipped.reason}", file=sys.stderr)
    left_out = f"; {len(exported.skipped)} questions not exported (listed above)" if exported.skipped else ""
    print(f"wrote {exported.count} {'notes' if args.format == 'anki' else 'questions'} to {output}{left_out}",
          file=sys.stderr)
    return EXIT_OK
