"""The shipped curriculum, checked once, and its compiled plan data."""

from __future__ import annotations

import pytest

from generator.pipeline import check
from generator.plans.compile import compile_plan_data
from tests.conftest import REPO


@pytest.fixture(scope="session")
def shipped():
    checked = check(REPO / "content")
    assert checked.ok, [d for d in checked.diagnostics if d.is_error]
    return checked


@pytest.fixture(scope="session")
def plan_data(shipped):
    return compile_plan_data(shipped.graph)


@pytest.fixture
def runner():
    """A valid profile with no findings; tests add what they need."""
    return {"version": 1, "runner": "Sam", "event": "distance", "level": "intermediate", "days_per_week": 3,
            "minutes_per_session": 30, "equipment": ["band", "step", "weights"], "pain": {"score": 0},
            "findings": [], "red_flags": [], "measured": {}, "assessed_on": "2026-03-02"}
