"""What the decision-table and worked-plan pages show beyond the item: resolved findings and computed plans."""

from __future__ import annotations

from ..render.dose import headline
from ..render.page import Page
from ..knowledge import Item
from ..schema.drill import Dosage
from .compile import adjusted, plan_data
from .engine import make_plan
from .profile import profile_data

PLAN_PAGE = "plan/index.md"
"""The interactive plan builder."""


def _finding_links(page: Page, refs: list[str]) -> list[str]:
    links = []
    for ref in refs:
        assessment, _, finding_id = ref.partition("/")
        item = page.kb.items.get(("assessment", assessment)) or page.kb.items.get(("injury", assessment))
        if item is None:
            continue
        if item.kind == "assessment":
            finding = next((f for f in item.model.findings if f.id == finding_id), None)
            text = f"{item.title}: {finding.finding}" if finding else ref
            links.append(page.link(item.key, text))
        else:
            flag = next((f for f in item.model.red_flags if f.id == finding_id), None)
            links.append(page.linker.flag(item, flag) if flag else ref)
    return links


def table_extra(item: Item, page: Page) -> dict:
    """For each rule: its findings and red flags as links, and each drill with its dose in this rule."""
    rules = []
    for rule in item.model.rules:
        drills = []
        for choice in rule.drills:
            drill = page.kb.items.get(("drill", choice.drill))
            if drill is None:
                continue
            dose = headline(adjusted(drill.model.dosage or Dosage(sets=1), choice.dose))
            drills.append((choice.priority, page.link(drill.key), dose))
        rules.append({"rule": rule, "when": _finding_links(page, rule.when),
                      "flags": _finding_links(page, rule.refer_flags), "drills": drills})
    return {"rules": rules, "plan_page": "../plan/index.md" if page.path.count("/") == 1 else "../../plan/index.md"}


def runner_extra(item: Item, page: Page) -> dict:
    """The plan the engine makes for this worked example, as the /plan/ page and `stride plan` would."""
    data = plan_data(page.graph)
    plan = make_plan(data, profile_data(item.model)) if data else None
    return {"plan": plan, "findings": _finding_links(page, list(item.model.findings)),
            "flags": _finding_links(page, list(item.model.red_flags)),
            "plan_page": "../../plan/index.md"}
