"""safety.urgency-mismatch, safety.conflicting-drill-relation, safety.emergency-drills, injury.duplicate-flag-id."""

from tests.lint.helpers import findings, starter

INJURY = "injuries/patellofemoral-pain.yml"
DRILL = "drills/clamshell.yml"
QUIZ = "quizzes/hip-and-pelvis-control-quiz.yml"
FLAG = "[[flag:patellofemoral-pain/hot-swollen-knee]]"


def _summary(text: str) -> dict:
    text = text.replace("'", "''")
    return {DRILL: starter(DRILL).replace("summary: A gentle first exercise for the side of the hip.", f"summary: '{text}'")}


def test_prose_that_restates_a_flag_with_a_later_urgency_is_an_error_at_the_phrase(project):
    files = _summary(f"A hot knee {FLAG} needs a doctor this week.")
    assert findings(project, files, "safety.urgency-mismatch") == [
        ("content/drills/clamshell.yml", 2, 83,
         "'this week' says within-days, but the red flag 'patellofemoral-pain/hot-swollen-knee' is same-day")]


def test_a_link_with_its_own_words_is_still_a_citation(project):
    """The pipe of `[[target|words]]` once split the sentence like a table cell, and the link went unseen."""
    flag = FLAG.replace("]]", "|a hot, swollen knee. Dr. Lee]]")
    files = _summary(f"Pain like this ({flag}) can wait until a routine appointment.")
    assert findings(project, files, "safety.urgency-mismatch") == [
        ("content/drills/clamshell.yml", 2, 120,
         "'routine appointment' says routine, but the red flag 'patellofemoral-pain/hot-swollen-knee' is same-day")]
    files = _summary("[[patellofemoral-pain|Kneecap pain]] can wait until a routine appointment.")
    assert findings(project, files, "safety.urgency-mismatch") == [
        ("content/drills/clamshell.yml", 2, 65,
         "'routine appointment' says routine, but every referral for 'patellofemoral-pain' is within-days or sooner")]


def test_urgency_words_written_as_a_links_words_count(project):
    """The page shows a link's words, then the flag's own urgency: 'book a routine appointment: see ... today'."""
    files = _summary(f"Pain like this ({FLAG.replace(']]', '|book a routine appointment]]')}).")
    assert findings(project, files, "safety.urgency-mismatch") == [
        ("content/drills/clamshell.yml", 2, 78,
         "'routine appointment' says routine, but the red flag 'patellofemoral-pain/hot-swollen-knee' is same-day")]


def test_a_title_with_a_full_stop_does_not_end_the_sentence(project):
    files = _summary(f"A hot knee {FLAG} means: see Dr. Patel within a couple of weeks.")
    assert [f[3] for f in findings(project, files, "safety.urgency-mismatch")] == [
        "'within a couple of weeks' says routine, but the red flag 'patellofemoral-pain/hot-swollen-knee' is same-day"]


def test_a_table_rows_flag_and_what_to_do_are_read_together(project):
    page = ("# Scope\n\n| Sign | What to do |\n|---|---|\n"
            "| [[flag:patellofemoral-pain/hot-swollen-knee]] | Book a routine appointment |\n")
    assert [f[:3] for f in findings(project, {"pages/scope.md": page}, "safety.urgency-mismatch")] == [
        ("content/pages/scope.md", 5, 58)]
    compact = ("# Scope\n\n|Sign|What to do|\n|---|---|\n"
               "|[[flag:patellofemoral-pain/hot-swollen-knee]]|See a doctor today.|\n"
               "|A mild ache|Book a routine appointment if it lingers.|\n")  # two rows, not one
    assert findings(project, {"pages/scope.md": compact}, "safety.urgency-mismatch") == []


def test_prose_that_cites_a_flag_without_restating_it_passes(project):
    assert findings(project, _summary(f"Stop the drill: {FLAG}."), "safety.urgency-mismatch") == []


def test_an_escalation_under_a_condition_is_not_a_contradiction(project):
    files = _summary(f"A hot knee {FLAG}. If the runner collapses, call emergency services.")
    assert findings(project, files, "safety.urgency-mismatch") == []


def test_injury_link_beside_an_urgency_later_than_all_its_referrals_is_an_error(project):
    files = _summary("Book a routine appointment for [[patellofemoral-pain]].")
    assert findings(project, files, "safety.urgency-mismatch") == [
        ("content/drills/clamshell.yml", 2, 18,
         "'routine appointment' says routine, but every referral for 'patellofemoral-pain' is within-days or sooner")]


def test_a_red_flag_whose_action_says_another_urgency_is_an_error(project):
    text = starter(INJURY).replace("action: Stop running and see a doctor today.",
                                   "action: Stop running and see a doctor within a few days.")
    assert findings(project, {INJURY: text}, "safety.urgency-mismatch") == [
        ("content/" + INJURY, 12, 43,
         "the action says 'within a few days' (within-days), but this red flag is same-day")]


def test_a_condition_in_an_earlier_clause_does_not_excuse_an_escalation(project):
    text = starter(INJURY).replace("action: Stop running and see a doctor today.",
                                   "action: Stop running if it hurts to walk; call emergency services.")
    assert [f[3] for f in findings(project, {INJURY: text}, "safety.urgency-mismatch")] == [
        "the action says 'emergency services' (emergency), but this red flag is same-day"]


def test_a_quiz_whose_keyed_answer_contradicts_the_flag_it_tests_is_an_error(project):
    text = starter(QUIZ).replace(
        "    explanation: See [[gluteus-medius]].\n",
        "    explanation: See [[gluteus-medius]].\n    tests_flag: patellofemoral-pain/hot-swollen-knee\n", 1,
    ).replace("      - text: Gluteus medius\n", "      - text: Gluteus medius, seen this week\n", 1)
    found = findings(project, {QUIZ: text}, "safety.urgency-mismatch")
    assert [(f[1], f[3]) for f in found] == [
        (11, "the keyed answer says 'this week' (within-days), but the flag it tests is same-day")]


def test_a_true_false_key_that_contradicts_the_flag_it_tests_is_an_error(project):
    text = starter(QUIZ).replace(
        "    stem: Pelvic drop proves a runner will get injured.\n",
        "    stem: A hot swollen knee can wait for a routine appointment.\n"
        "    tests_flag: patellofemoral-pain/hot-swollen-knee\n",
    ).replace("    answer: false\n", "    answer: true\n", 1)
    found = findings(project, {QUIZ: text}, "safety.urgency-mismatch")
    assert [f[3] for f in found] == [
        "the statement says 'routine appointment' (routine) and the flag it tests is same-day, but the key is true"]


def test_an_unknown_tested_flag_is_reported(project):
    text = starter(QUIZ).replace(
        "    explanation: See [[gluteus-medius]].\n",
        "    explanation: See [[gluteus-medius]].\n    tests_flag: patellofemoral-pain/night-pain\n", 1)
    assert [f[3] for f in findings(project, {QUIZ: text}, "ref.unknown-id")] == [
        "'patellofemoral-pain/night-pain' is not a red flag of a known injury"]


def test_a_drill_that_helps_and_must_avoid_the_same_injury_is_an_error(project):
    text = starter(DRILL) + "avoid_with:\n  - injury: patellofemoral-pain\n    reason: Kneeling hurts.\n"
    lines = text.count("\n")
    assert findings(project, {DRILL: text}, "safety.conflicting-drill-relation") == [
        ("content/" + DRILL, lines - 1, 13,
         "'clamshell' is listed as helping 'patellofemoral-pain' and also as 'avoid_with' it")]


def test_a_drill_that_modifies_for_an_injury_it_does_not_claim_to_help_passes(project):
    text = starter(DRILL).replace("addresses: [patellofemoral-pain]", "addresses: []") + (
        "modify_with:\n  - injury: patellofemoral-pain\n    reason: Use a smaller range.\n")
    assert findings(project, {DRILL: text}, "safety.conflicting-drill-relation") == []


def test_an_emergency_entry_with_drills_is_an_error_at_the_link(project):
    text = starter(INJURY).replace("title: Patellofemoral pain\n", "title: Patellofemoral pain\nemergency: true\n").replace(
        "urgency: same-day", "urgency: emergency", 1)
    found = findings(project, {INJURY: text}, "safety.emergency-drills")
    assert ("content/" + DRILL, 23, 13,
            "'patellofemoral-pain' is an emergency entry, but 'clamshell' is listed as helping it") in found


def test_an_emergency_entry_needs_an_emergency_flag(project):
    text = starter(INJURY).replace("title: Patellofemoral pain\n", "title: Patellofemoral pain\nemergency: true\n")
    found = findings(project, {INJURY: text}, "safety.emergency-drills")
    assert ("content/" + INJURY, 2, 12, "'patellofemoral-pain' is marked as an emergency entry but has no red flag "
            "with `urgency: emergency`") in found


def test_two_red_flags_with_one_id_are_an_error_at_the_second(project):
    text = starter(INJURY).replace("refer_to:\n  - to: physiotherapist", (
        "  - id: hot-swollen-knee\n    sign: Locking\n    action: Stop running.\n"
        "    refer_to: physiotherapist\n    urgency: within-days\nrefer_to:\n  - to: physiotherapist"), 1)
    assert findings(project, {INJURY: text}, "injury.duplicate-flag-id") == [
        ("content/" + INJURY, 15, 9, "red flag id 'hot-swollen-knee' is already used by red flag 1")]


def test_a_link_to_an_unknown_flag_suggests_the_closest(project):
    files = _summary("Stop: [[flag:patellofemoral-pain/hot-swolen-knee]].")
    assert [(f[3]) for f in findings(project, files, "ref.unknown-id")] == [
        "'hot-swolen-knee' is not a red flag of 'patellofemoral-pain'"]


def test_the_shipped_curriculum_passes_every_safety_rule(shipped):
    _, generated, _ = shipped
    codes = {d.code for d in generated.checked.diagnostics}
    assert not codes & {"safety.urgency-mismatch", "safety.conflicting-drill-relation", "safety.emergency-drills",
                        "injury.duplicate-flag-id"}


def test_a_hand_written_page_that_restates_a_flag_is_checked_too(project):
    page = "# Scope\n\nA hot knee [[flag:patellofemoral-pain/hot-swollen-knee]] can wait until next week, or this week.\n"
    assert findings(project, {"pages/scope.md": page}, "safety.urgency-mismatch") == [
        ("content/pages/scope.md", 3, 87,
         "'this week' says within-days, but the red flag 'patellofemoral-pain/hot-swollen-knee' is same-day")]
