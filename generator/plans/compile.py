"""Compile the knowledge base and its decision tables into the JSON the plan engine reads.

Everything a plan needs from the knowledge base is resolved here once (titles, plain text, dose lines,
session minutes, avoid/modify reasons, referral wording from the urgency registry), so the engine only
decides: which rules fire, what is dropped and why, and what fits in a session.
"""

from __future__ import annotations

import math
from typing import get_args

from ..cards.select import training_order
from ..graph import Graph
from ..knowledge import Item
from ..memo import once_per
from ..render.dose import detail_rows, headline
from ..render.links import Linker, cite_label, referral_words
from ..safety import cautions
from ..schema.drill import Dosage, Level
from ..schema.injury import PROFESSIONAL_LABELS, Referral
from ..schema.plan import EQUIPMENT, FORMAT_VERSION, DoseChange, Event, Policy
from ..schema.urgency import BY_NAME


def policy_of(graph: Graph) -> Policy | None:
    """The policy block of the first decision table that has one (lint reports any other)."""
    return next((t.model.policy for t in graph.kb.of_kind("plan") if t.model.policy), None)


def session_seconds(dosage: Dosage, policy: Policy) -> int:
    """Time one drill takes at this dose: work plus rest between sets, both sides when it is done each side."""
    if dosage.reps:
        per_set = dosage.reps * max(dosage.hold_s or 0, policy.seconds_per_rep)
    else:
        per_set = dosage.hold_s or dosage.duration_s or (dosage.distance_m or 0) // 2 or policy.seconds_per_rep
    sides = 2 if dosage.each_side else 1
    sets = dosage.sets or 1
    rest = dosage.rest_s if dosage.rest_s is not None else policy.rest_s
    return per_set * sets * sides + rest * (sets - 1)


def minutes(dosage: Dosage, policy: Policy) -> int:
    return max(1, math.ceil(session_seconds(dosage, policy) / 60))


def adjusted(dosage: Dosage, change: DoseChange | None) -> Dosage:
    """The drill's own dosage with the rule's changes; fields the rule does not give stay as they are."""
    return dosage.model_copy(update=change.model_dump(exclude_none=True)) if change else dosage


def _dose(dosage: Dosage, linker: Linker, policy: Policy) -> dict:
    return {
        "line": headline(dosage),
        "details": [f"{label}: {linker.plain(value)}" for label, value in detail_rows(dosage)],
        "minutes": minutes(dosage, policy),
    }


def _needs(drill: Item, policy: Policy) -> list[str]:
    text = " ".join(drill.model.equipment).lower()
    return [kind for kind in EQUIPMENT if any(word.lower() in text for word in policy.equipment_words.get(kind, []))]


def _drill(drill: Item, titles: dict[str, str], linker: Linker, policy: Policy, order: int) -> dict:
    m = drill.model
    dosage = m.dosage or Dosage(sets=1)
    return {
        "id": drill.id,
        "title": m.title,
        "url": f"drills/{drill.id}/",
        "order": order,
        "level": m.level,
        "purpose": linker.plain(m.purpose),
        "equipment": [linker.plain(e) for e in m.equipment],
        "needs": _needs(drill, policy),
        "no_equipment": linker.plain(m.no_equipment_option) if m.no_equipment_option else None,
        "dose": _dose(dosage, linker, policy),
        "progress_when": linker.plain(dosage.progress_when) if dosage.progress_when else None,
        "drop_back_if": linker.plain(dosage.drop_back_if) if dosage.drop_back_if else None,
        "stop_if": linker.plain(dosage.stop_if) if dosage.stop_if else None,
        "harder": [i for i in m.progressions if i in titles],
        "easier": [i for i in m.regressions if i in titles],
        "steps": [linker.plain(s) for s in m.steps],
        "cues": [linker.plain(c) for c in m.cues[:4]],
        "precautions": [linker.plain(p) for p in m.precautions],
        "cautions": {},
    }


def _referral(ref: Referral, linker: Linker) -> dict:
    urgency = BY_NAME[ref.urgency]
    return {
        "who": PROFESSIONAL_LABELS[ref.to],
        "urgency": urgency.label,
        "rank": urgency.rank,
        "when": linker.plain(ref.when),
    }


def _injury(injury: Item, linker: Linker) -> dict:
    m = injury.model
    return {
        "id": injury.id,
        "title": m.title,
        "url": f"injuries/{injury.id}/",
        "referrals": [_referral(r, linker) for r in m.refer_to],
        "flags": [
            {"ref": f"{injury.id}/{f.id}", "sign": linker.plain(f.sign), "action": linker.plain(f.action),
             "who": PROFESSIONAL_LABELS[f.refer_to], "urgency": BY_NAME[f.urgency].label,
             "words": referral_words(f), "rank": BY_NAME[f.urgency].rank}
            for f in m.red_flags
        ],
    }


def _assessment(item: Item, graph: Graph, linker: Linker) -> dict:
    findings = []
    for f in item.model.findings:
        threshold = None
        if f.threshold:
            t = f.threshold
            source = graph.kb.items.get(("reference", t.source))
            more_than = int(t.more_than) if float(t.more_than).is_integer() else t.more_than
            threshold = {"measure": t.measure, "more_than": more_than, "unit": t.unit,
                         "source": cite_label(source) if source else t.source}
        findings.append({"ref": f"{item.id}/{f.id}", "id": f.id, "text": linker.plain(f.finding),
                         "meaning": linker.plain(f.meaning), "threshold": threshold})
    return {"id": item.id, "title": item.title, "url": f"assessments/{item.id}/", "findings": findings}


def _script(item: Item | None, linker: Linker) -> dict | None:
    """How to say it: the script's general do/don't and teach-back, never its scenario lines.

    A script's example lines belong to its own scenario (and may name that scenario's urgency); the plan
    shows the urgency of this runner's referral from the injury data only.
    """
    if item is None:
        return None
    m = item.model
    return {"id": item.id, "title": m.title, "url": f"communication/{item.id}/",
            "do": [linker.plain(d) for d in m.do], "dont": [linker.plain(d) for d in m.dont],
            "teach_back": linker.plain(m.teach_back)}


def _rules(graph: Graph, policy: Policy, linker: Linker) -> list[dict]:
    drills = {d.id: d for d in graph.kb.of_kind("drill")}
    rules = []
    for table in graph.kb.of_kind("plan"):
        for rule in table.model.rules:
            choices = []
            for choice in rule.drills:
                drill = drills.get(choice.drill)
                if drill is None:
                    continue
                dosage = adjusted(drill.model.dosage or Dosage(sets=1), choice.dose)
                choices.append({"drill": choice.drill, "priority": choice.priority, "dose": _dose(dosage, linker, policy)})
            rules.append({
                "table": table.id, "id": rule.id, "when": list(rule.when), "pattern": rule.pattern,
                "events": list(rule.events), "not_with": list(rule.not_with),
                "refer_flags": list(rule.refer_flags),
                "refer_to": _referral(rule.refer_to, linker) if rule.refer_to else None,
                "advice": linker.plain(rule.advice) if rule.advice else None,
                "retest_weeks": rule.retest_weeks, "choices": choices,
            })
    return rules


def compile_plan_data(graph: Graph) -> dict | None:
    """The engine's input, or None when the knowledge base has no plan policy."""
    policy = policy_of(graph)
    if policy is None:
        return None
    kb = graph.kb
    linker = Linker(kb, "plan/index.md")
    ordered = training_order(graph, kb.of_kind("drill"))
    titles = {d.id: d.title for d in ordered}
    drills = {d.id: _drill(d, titles, linker, policy, n) for n, d in enumerate(ordered)}
    for caution in cautions(kb):
        if caution.drill[1] in drills:
            drills[caution.drill[1]]["cautions"][caution.injury[1]] = {
                "action": caution.action, "reason": linker.plain(caution.reason)}
    warm_up = kb.items.get(("drill", policy.warm_up))
    zones = next((a.model.traffic_light for a in kb.of_kind("assessment") if a.model.traffic_light), [])
    names = {k[1]: i.title for k, i in kb.items.items() if k[0] in ("biomechanics", "injury")}
    return {
        "version": FORMAT_VERSION,
        "events": list(get_args(Event)),
        "levels": list(get_args(Level)),
        "equipment": list(EQUIPMENT),
        "assessments": [_assessment(a, graph, linker) for a in kb.of_kind("assessment")],
        "injuries": {i.id: _injury(i, linker) for i in kb.of_kind("injury")},
        "names": names,
        "drills": drills,
        "rules": _rules(graph, policy, linker),
        "policy": {
            "max_drills": policy.max_drills,
            "retest_weeks": policy.retest_weeks,
            "max_sessions": policy.max_sessions,
            "warm_up": policy.warm_up if warm_up else None,
            "referral_script": _script(kb.items.get(("communication", policy.referral_script)), linker),
            "note_script": _script(kb.items.get(("communication", policy.note_script)), linker),
            "pain_referral": {**_referral(policy.pain_referral, linker), "from_score": policy.pain_referral.from_score},
            "pain_zones": [{"colour": z.colour, "score": z.score, "action": linker.plain(z.action)} for z in zones],
            "note_questions": [linker.plain(q) for q in policy.note_questions],
        },
    }


@once_per
def plan_data(graph: Graph) -> dict | None:
    """compile_plan_data made once per graph for the plan builder and every worked-plan page: read it, never change it."""
    return compile_plan_data(graph)
