"""Curriculum-quality rules, one per module; each module has a CODE and `check(ctx)`."""

from __future__ import annotations

from ..diagnostics import Diagnostic
from ..graph import Graph
from ..knowledge import KnowledgeBase
from . import (
    assessment_finding_ids,
    drill_cues,
    duplicate_titles,
    glossary_duplicates,
    images,
    relative_links,
    drill_dosage,
    drill_progression_mismatch,
    drill_steps,
    figure_pose,
    injury_evidence,
    injury_flag_ids,
    injury_red_flags,
    injury_referral,
    media_files,
    orphans,
    plan_contradiction,
    plan_policy,
    plan_unknown_finding,
    plan_unused_finding,
    quiz_blank,
    quiz_correct_count,
    quiz_duplicate_item,
    quiz_giveaway_option,
    quiz_key_position,
    quiz_longest_key,
    quiz_question_ids,
    quiz_true_false_balance,
    unclosed_link,
    safety_drill_relations,
    safety_emergency,
    safety_urgency,
    uncited_references,
    unsafe_markup,
)
from .context import Context

RULE_MODULES = (
    unsafe_markup,
    unclosed_link,
    safety_urgency,
    safety_drill_relations,
    safety_emergency,
    injury_flag_ids,
    injury_red_flags,
    injury_referral,
    injury_evidence,
    drill_dosage,
    drill_steps,
    drill_cues,
    drill_progression_mismatch,
    figure_pose,
    media_files,
    quiz_correct_count,
    quiz_duplicate_item,
    quiz_question_ids,
    quiz_blank,
    quiz_giveaway_option,
    quiz_key_position,
    quiz_longest_key,
    quiz_true_false_balance,
    assessment_finding_ids,
    plan_policy,
    plan_unknown_finding,
    plan_contradiction,
    plan_unused_finding,
    uncited_references,
    orphans,
    duplicate_titles,
    glossary_duplicates,
    images,
    relative_links,
)


def run_rules(kb: KnowledgeBase, graph: Graph) -> list[Diagnostic]:
    ctx = Context(kb, graph)
    return [d for module in RULE_MODULES for d in module.check(ctx)]
