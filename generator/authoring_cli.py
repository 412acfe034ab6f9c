"""Educators' commands: `stride new` (scaffold a file), `stride schema` (JSON Schema for editors), `stride report`."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

from .build import check_project
from .diagnostics import format_text
from .educators import read_grade_cache, save_grade_cache
from .json_schema import SCHEMA_FOLDER, schema_files
from .knowledge import content_files, load_knowledge_base
from .project import Project
from .report import MIN_QUESTIONS, curriculum_report, format_report
from .loader import parse_text
from .scaffold import LIST_FILES, PLACEHOLDER, scaffold, scaffold_entry
from .schema import ENTITY_KINDS, KIND_BY_FOLDER
from .schema.common import ID_PATTERN
from .validate import did_you_mean
from .writer import write_if_changed

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2


def add_new_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("kind", help=f"one of: {', '.join([*ENTITY_KINDS, *LIST_FILES])}")
    command.add_argument("id", help="the new entity's id: lowercase words joined by hyphens, e.g. hip-hike")


def add_schema_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--output", type=Path, default=None, help=f"folder to write into (default: {SCHEMA_FOLDER}/)")


def _refuse(message: str, hint: str | None = None) -> int:
    print(f"stride new: {message}" + (f"\n  hint: {hint}" if hint else ""), file=sys.stderr)
    return EXIT_USAGE


def run_new(project: Project, args: argparse.Namespace) -> int:
    kind = ENTITY_KINDS.get(args.kind) or KIND_BY_FOLDER.get(args.kind)
    if kind is None and args.kind not in LIST_FILES:
        kinds = [*ENTITY_KINDS, *LIST_FILES]
        return _refuse(f"'{args.kind}' is not a kind", did_you_mean(args.kind, [*kinds, *KIND_BY_FOLDER])
                       or f"kinds: {', '.join(kinds)}")
    if not re.match(ID_PATTERN, args.id):
        suggestion = re.sub(r"[^a-z0-9]+", "-", args.id.lower()).strip("-")
        return _refuse(f"'{args.id}' is not a valid id: ids are lowercase letters and digits joined by hyphens",
                       f"try '{suggestion}'" if suggestion else None)
    if kind is None:
        return _new_entry(project, args.kind, args.id)
    taken = [p for p in content_files(project.content) if p.stem == args.id and p.parent.name in KIND_BY_FOLDER]
    if taken:
        where = taken[0].relative_to(project.root).as_posix()
        return _refuse(f"the id '{args.id}' is already used by {where}",
                       "ids are unique across the knowledge base; edit that file or choose another id")
    path = project.content / kind.folder / f"{args.id}.yml"
    text = scaffold(kind.name, args.id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    count = text.count(f'"{PLACEHOLDER}')
    print(f"created {path.relative_to(project.root).as_posix()}: replace its {count} {PLACEHOLDER} values, "
          "then run `stride check`", file=sys.stderr)
    return EXIT_OK


def run_schema(project: Project, args: argparse.Namespace) -> int:
    folder = args.output or project.root / SCHEMA_FOLDER
    kb, _ = load_knowledge_base(project.content)  # ids to offer; files with errors simply offer none
    files = schema_files(kb)
    for name, data in files.items():
        write_if_changed(folder / name, data)
    shown = folder.relative_to(project.root) if folder.is_relative_to(project.root) else folder
    print(f"wrote {len(files)} JSON Schemas to {shown}/ (editors read them through .vscode/settings.json)",
          file=sys.stderr)
    return EXIT_OK


def add_report_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    command.add_argument("--min-questions", type=int, default=MIN_QUESTIONS, metavar="N",
                         help=f"list lessons whose quizzes hold fewer than N questions (default: {MIN_QUESTIONS})")


def run_report(project: Project, args: argparse.Namespace) -> int:
    """The report goes to stdout; content errors (which would make it wrong) go to stderr instead."""
    checked = check_project(project)
    if not checked.ok:
        print(format_text([d for d in checked.diagnostics if d.is_error]), file=sys.stderr)
        print("stride report: fix the errors above first; the report needs content that passes stride check",
              file=sys.stderr)
        return EXIT_CONTENT
    grades = read_grade_cache(project)
    report = curriculum_report(checked.graph, args.min_questions, grades)
    save_grade_cache(project, grades)
    print(json.dumps(report.to_dict(), indent=2, ensure_ascii=False) if args.format == "json" else format_report(report))
    return EXIT_OK


def _new_entry(project: Project, kind: str, entity_id: str) -> int:
    """Append a glossary term or a reference to its shared file."""
    file, list_field = LIST_FILES[kind]
    path = project.content / file
    rel = path.relative_to(project.root).as_posix()
    text = path.read_text(encoding="utf-8") if path.is_file() else f"{list_field}:\n"
    located, problems = parse_text(text, rel)
    if located is None:
        return _refuse(f"{rel} cannot be read ({problems[0].message}); fix it first", "run `stride check`")
    entries = located.data.get(list_field) if isinstance(located.data, dict) else None
    taken = [e for e in entries or [] if isinstance(e, dict) and e.get("id") == entity_id]
    if taken:
        return _refuse(f"the {kind} id '{entity_id}' is already used in {rel}", "choose another id or edit that entry")
    entry = scaffold_entry(kind, entity_id)
    path.write_text(text + ("" if text.endswith("\n") else "\n") + entry, encoding="utf-8")
    count = entry.count(f'"{PLACEHOLDER}')
    print(f"added {kind} '{entity_id}' at the end of {rel}: replace its {count} {PLACEHOLDER} values, "
          "then run `stride check`", file=sys.stderr)
    return EXIT_OK
