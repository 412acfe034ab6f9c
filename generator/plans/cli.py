"""`stride plan RUNNER [--output DIR]`: a runner file in, the plan (HTML + PDF with cards) and care-team note out."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from ..build import cards_unavailable, check_project
from ..cards.decks import cards_for
from ..cards.select import Filters
from ..diagnostics import format_text
from ..project import Project
from ..site_config import site_url
from .compile import compile_plan_data
from .engine import make_plan
from .profile import profile_data, read_profile
from .render import note_html, note_pdf, plan_html, plan_pdf


def add_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument("runner", type=Path, help="runner file (YAML, or the JSON saved by the /plan/ page)")
    command.add_argument("--output", type=Path, default=None, help="folder to write into (default: the current folder)")


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "runner"


def run(project: Project, args: argparse.Namespace) -> int:
    if not args.runner.is_file():
        print(f"stride plan: '{args.runner}' is not a file", file=sys.stderr)
        return 2
    checked = check_project(project)
    if not checked.ok:
        print(format_text(checked.diagnostics), file=sys.stderr)
        return 1
    data = compile_plan_data(checked.graph)
    if data is None:
        print("stride plan: the content has no decision tables with a policy (content/plans/)", file=sys.stderr)
        return 1
    profile, problems = read_profile(args.runner, args.runner.as_posix(), checked.kb)
    if profile is None:
        print(format_text(problems), file=sys.stderr)
        return 1
    plan = make_plan(data, profile_data(profile))
    site = site_url(project.mkdocs_yml)
    output = args.output or Path.cwd()
    output.mkdir(parents=True, exist_ok=True)
    stem = f"{_slug(args.runner.stem)}"
    files = {f"{stem}-plan.html": plan_html(plan, site, project.templates).encode(),
             f"{stem}-care-note.html": note_html(plan, site, project.templates).encode()}
    injuries = (profile.injury.id,) if profile.injury else ()
    cards = cards_for(checked.graph, Filters(ids=tuple(d["id"] for d in plan["drills"])), site,
                      injuries) if plan["drills"] else []
    try:
        files[f"{stem}-plan.pdf"] = plan_pdf(plan, cards, site, project.templates)
        files[f"{stem}-care-note.pdf"] = note_pdf(plan, site, project.templates)
    except OSError as err:
        print(format_text([cards_unavailable(project, err)]), file=sys.stderr)
    for name, content in files.items():
        (output / name).write_bytes(content)
    what = "refer first" if plan["status"] == "refer-first" else f"{len(plan['drills'])} drills, about {plan['total_minutes']} min"
    print(f"plan for {plan['runner']}: {what}; wrote {', '.join(sorted(files))} to {output}", file=sys.stderr)
    return 0
