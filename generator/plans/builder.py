"""The /plan/ page: a form for the runner profile and findings, and the compiled data its script reads."""

from __future__ import annotations

import json
from pathlib import Path

from ..graph import Graph
from ..render.environment import environment
from .compile import plan_data
from .pages import PLAN_PAGE
from .profile import profile_data

DATA_FILE = "plan/plan-data.js"


def builder_files(graph: Graph, templates: Path) -> dict[str, bytes]:
    """The plan builder page and its data; nothing when the content has no decision tables."""
    shared = plan_data(graph)
    if shared is None:
        return {}
    data = {**shared, "examples": [{"id": ex.id, "title": ex.title, "profile": profile_data(ex.model)}
                                   for ex in graph.kb.of_kind("runner")]}
    page = environment(templates).get_template("pages/plan-builder.md.j2").render(
        data=data, injuries=sorted(data["injuries"].values(), key=lambda i: i["title"].lower()),
        data_file=DATA_FILE.rsplit("/", 1)[1])
    script = "window.STRIDE_PLAN_DATA = " + json.dumps(data, ensure_ascii=False, sort_keys=True) + ";\n"
    return {PLAN_PAGE: page.encode(), DATA_FILE: script.encode()}
