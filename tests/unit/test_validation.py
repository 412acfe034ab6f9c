"""Schema problems read like advice to an educator, at the right line and column."""

from generator.build import check_project
from tests.conftest import STARTER


def problems(project, files):
    return [(d.path, d.line, d.col, d.code, d.message, d.hint) for d in check_project(project(files)).diagnostics]


DRILL = """
title: Hip hike
summary: Lifts one side of the pelvis.
purpose: Trains the side of the hip.
level: beginner
dosage:
  sets: 3
  reps: 10
  frequency: 3 times a week
steps: [Stand on a step.]
cues: [Hips level.]
targets: [gluteus-medius]
"""


def test_starter_content_has_no_problems(project):
    assert check_project(project()).diagnostics == []


def test_unknown_field_suggests_the_closest_field(project):
    found = problems(project, {"drills/hip-hike.yml": DRILL + "levl: beginner\n"})
    assert ("content/drills/hip-hike.yml", 12, 1, "schema.unknown-field", "'levl' is not a field of drill",
            "did you mean 'level'?") in found


def test_nested_unknown_field_names_its_parent(project):
    found = problems(project, {"drills/hip-hike.yml": DRILL.replace("  reps: 10", "  rpes: 10")})
    assert ("content/drills/hip-hike.yml", 7, 3, "schema.unknown-field", "'rpes' is not a field of drill.dosage",
            "did you mean 'reps'?") in found


def test_wrong_type_says_what_was_found_and_how_to_fix_it(project):
    found = problems(project, {"drills/hip-hike.yml": DRILL.replace("sets: 3", 'sets: "3"')})
    assert found == [("content/drills/hip-hike.yml", 6, 9, "schema.wrong-type",
                      "'dosage.sets' must be a whole number, found the text '3'",
                      "write the number without quotes or units")]


def test_yes_no_is_not_a_boolean(project):
    found = problems(project, {"drills/hip-hike.yml": DRILL.replace("  reps: 10", "  reps: 10\n  each_side: no")})
    assert found == [("content/drills/hip-hike.yml", 8, 14, "schema.wrong-type",
                      "'dosage.each_side' must be true or false, found the text 'no'",
                      "write true or false; 'no' is read as text")]


def test_time_written_as_minutes_and_seconds_is_not_turned_into_a_number(project):
    found = problems(project, {"drills/hip-hike.yml": DRILL.replace("  reps: 10", "  hold_s: 1:30")})
    assert found[0][3:] == ("schema.wrong-type", "'dosage.hold_s' must be a whole number, found the text '1:30'",
                            "write the number without quotes or units (e.g. seconds as 90, not 1:30)")


def test_value_outside_the_allowed_set_suggests_the_closest(project):
    found = problems(project, {"drills/hip-hike.yml": DRILL.replace("level: beginner", "level: beginer")})
    assert found == [("content/drills/hip-hike.yml", 4, 8, "schema.invalid-value",
                      "'level' is the text 'beginer'; allowed: beginner, intermediate, advanced",
                      "did you mean 'beginner'?")]


def test_missing_required_field_is_named(project):
    found = problems(project, {"drills/hip-hike.yml": DRILL.replace("purpose: Trains the side of the hip.\n", "")})
    assert found[0][3:5] == ("schema.missing-field", "required field 'purpose' is missing")


def test_unknown_question_type_suggests_the_closest(project):
    quiz = """
    title: Q
    summary: S
    questions:
      - id: extra-q1
        type: singel
        stem: Which?
        explanation: Because.
    """
    found = problems(project, {"quizzes/extra.yml": quiz})
    assert found[0][1:4] == (5, 11, "schema.invalid-value")
    assert found[0][5] == "did you mean 'single'?"


def test_every_problem_in_a_run_is_reported(project):
    broken = DRILL.replace("level: beginner", "level: expert").replace("sets: 3", "sets: three") + "colour: red\n"
    found = problems(project, {"drills/hip-hike.yml": broken, "drills/other.yml": "- a list\n"})
    assert {f[3] for f in found} == {"schema.invalid-value", "schema.wrong-type", "schema.unknown-field", "yaml.not-mapping"}


def test_unknown_field_in_a_matching_question_lists_matching_fields(project):
    from tests.lint.helpers import starter
    quiz = starter("quizzes/hip-and-pelvis-control-quiz.yml").replace(
        "    hint: Think of what", "    options: []\n    hint: Think of what")
    found = problems(project, {"quizzes/hip-and-pelvis-control-quiz.yml": quiz})
    assert found == [("content/quizzes/hip-and-pelvis-control-quiz.yml", 38, 5, "schema.unknown-field",
                      "'options' is not a field of the matching question questions[4]",
                      "allowed fields: explanation, feedback_correct, feedback_incorrect, hint, id, pairs, stem, tests_flag, type")]


def test_list_items_are_numbered_from_one(project):
    found = problems(project, {"drills/hip-hike.yml": DRILL.replace("cues: [Hips level.]", "cues: [Hips level., '']")})
    assert found[0][4].startswith("'cues[2]'")


def test_text_with_colon_in_a_list_is_explained(project):
    found = problems(project, {"drills/hip-hike.yml": DRILL.replace("cues: [Hips level.]", "cues:\n  - Tall: like a puppet")})
    assert found == [("content/drills/hip-hike.yml", 11, 5, "schema.wrong-type",
                      "'cues[1]' must be text, but ': ' in it made YAML read it as a field",
                      "put the whole text in double quotes")]


def test_an_id_with_capitals_suggests_the_kebab_case_form(project):
    found = problems(project, {"drills/hip-hike.yml": DRILL.replace("targets: [gluteus-medius]", "targets: [Gluteus Medius]")})
    assert found == [("content/drills/hip-hike.yml", 11, 11, "schema.invalid-value",
                      "'targets[1]' is the text 'Gluteus Medius', but ids are lowercase words joined by hyphens",
                      "write 'gluteus-medius'")]


def test_a_line_of_text_written_over_several_lines_is_an_error_at_the_value(project):
    """A red flag's action is one line of a list inside the danger box: a line break there ended the box, and the
    next urgency group became a code block showing raw markup."""
    injury = (STARTER / "injuries" / "patellofemoral-pain.yml").read_text(encoding="utf-8")
    broken = injury.replace("    action: Stop running and see a doctor today.\n",
                            "    action: |\n      Stop running.\n      See a doctor today.\n")
    assert broken != injury
    assert ("content/injuries/patellofemoral-pain.yml", 13, 7, "schema.invalid-value",
            "'red_flags[1].action' is one line of text, but it has 1 line break",
            "join the lines, or fold them into one with `>-` instead of `|`") in problems(project, {
                "injuries/patellofemoral-pain.yml": broken})
    folded = injury.replace("    action: Stop running and see a doctor today.\n",
                            "    action: >\n      Stop running and\n      see a doctor today.\n")
    assert problems(project, {"injuries/patellofemoral-pain.yml": folded}) == []
