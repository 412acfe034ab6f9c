"""axe-core in Chromium: no serious or critical violations on lesson pages, before and after answering, with
either site engine."""

from pathlib import Path

import axe_playwright_python
import pytest

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def serious(page) -> list[str]:
    page.add_script_tag(content=AXE)
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']} {v['nodes'][0]['failureSummary']}" for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


@pytest.mark.engines("zensical")  # MkDocs' pages of these kinds are checked on the shipped site (test_course_site.py)
@pytest.mark.parametrize("path", ["/lessons/hip-and-pelvis-control/", "/drills/clamshell/", "/injuries/patellofemoral-pain/"])
def test_no_serious_axe_violations(page, base_url, path):
    page.goto(base_url + path)
    assert serious(page) == []


def test_no_serious_axe_violations_after_feedback_in_dark_mode(page, base_url):
    page.emulate_media(color_scheme="dark")
    page.goto(base_url + "/lessons/hip-and-pelvis-control/")
    q = page.locator('.stride-q[data-qid="hip-q01"]')
    q.get_by_label("Tibialis anterior").check()
    q.get_by_role("button", name="Check answer").click()
    assert serious(page) == []
