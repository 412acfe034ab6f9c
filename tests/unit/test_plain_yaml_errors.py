"""YAML slips educators make (tabs, pasted spaces, curly quotes, ': ' and ' #' in text) explained in plain words."""

import pytest

from generator.loader import parse_text


def problem(text):
    located, found = parse_text(text, "x.yml")
    assert len(found) == 1, found
    return found[0].line, found[0].col, found[0].code, found[0].message, found[0].hint


def test_tab_indentation_says_use_spaces():
    assert problem("title: A\ndosage:\n\tsets: 3\n")[:4] == (
        3, 1, "yaml.syntax", "the line is indented with a tab; YAML indentation must be spaces")


@pytest.mark.parametrize("text, at", [("title: A\ndosage:\n\u00a0 sets: 3\n", (3, 1)), ("title:\u00a0A\n", (1, 7))])
def test_non_breaking_space_is_named(text, at):
    line, col, code, message, hint = problem(text)
    assert (line, col, code) == (*at, "yaml.syntax")
    assert message == "a non-breaking space is used where YAML needs a normal space"
    assert "type it again" in hint


def test_colon_space_in_unquoted_text_suggests_the_quoted_line():
    assert problem("title: A\nsummary: Cadence: steps per minute\n")[3:] == (
        "this text contains ': ' (a colon and a space), which YAML reads as the start of a new field",
        'put the whole text in double quotes: summary: "Cadence: steps per minute"')


def test_curly_quotes_are_not_quotation_marks():
    line, col, code, message, hint = problem("title: A\nsummary: \u201cSay: hello\u201d\n")
    assert "curly quote" in message and hint == 'use straight quotes: summary: "Say: hello"'


def test_hash_in_unquoted_text_warns_that_the_rest_is_dropped():
    located, found = parse_text("title: A\nsummary: Do set #2 slowly\nlevel: beginner  # or advanced\n", "x.yml")
    assert located.data["summary"] == "Do set"
    assert [(d.line, d.col, d.code, d.severity) for d in found] == [(2, 17, "yaml.comment-cuts-text", "warning")]


def test_a_comment_after_a_one_word_value_is_left_alone():
    assert parse_text("level: beginner # or advanced\n", "x.yml")[1] == []


def test_a_wrongly_indented_field_under_a_key_without_value_is_no_traceback():
    # Found by the mutation property test: the line YAML points at has no ': ' value at all.
    line, col, code, message, hint = problem("policy:\n  max: 2\nnote: a\n  referral:\n    to: x\n")
    assert code == "yaml.syntax" and line >= 3
    assert "curly quote" not in message
