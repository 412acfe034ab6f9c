"""Typed-answer normalisation in Python; tests/browser/test_quiz_answers.py runs the same table in quiz.js."""

import json

import pytest

from generator.answers import normalise_text, parse_number
from tests.conftest import REPO

CASES = json.loads((REPO / "tests/fixtures/answer_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize(("typed", "expected"), CASES["text"])
def test_text_answers_normalise_like_the_browser(typed, expected):
    assert normalise_text(typed) == expected


@pytest.mark.parametrize(("typed", "expected"), CASES["number"])
def test_numbers_parse_like_the_browser(typed, expected):
    assert parse_number(typed) == expected
