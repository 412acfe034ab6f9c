"""Run the plan engine (site_overrides/assets/js/plan-engine.js) from Python, in an embedded interpreter.

The browser runs the very same file, so a plan made by `stride plan` and one made on the /plan/ page
cannot drift apart.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

ENGINE_JS = Path(__file__).resolve().parents[2] / "site_overrides" / "assets" / "js" / "plan-engine.js"


@cache
def _context():
    import quickjs  # noqa: PLC0415 - only plans need the interpreter

    context = quickjs.Context()
    context.eval(ENGINE_JS.read_text(encoding="utf-8"))
    context.eval("function __plan(data, profile) { return JSON.stringify(StridePlan.makePlan(JSON.parse(data), JSON.parse(profile))); }")
    return context


def make_plan(data: dict, profile: dict) -> dict:
    """The plan for one runner profile (plain data, as saved by the /plan/ page)."""
    function = _context().get("__plan")
    return json.loads(function(json.dumps(data), json.dumps(profile)))
