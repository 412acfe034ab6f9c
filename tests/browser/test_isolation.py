"""Browser tests share one context per viewport; what a test saved in a page must not reach the next test."""

import pytest

from tests.browser.conftest import _tab

SAVED = "() => [localStorage.getItem('left-behind'), sessionStorage.getItem('left-behind')]"
SAVE = "() => { localStorage.setItem('left-behind', 'yes'); sessionStorage.setItem('left-behind', 'yes'); }"


@pytest.mark.engines("mkdocs")
def test_storage_saved_in_a_test_is_gone_in_the_next_one(desktop, base_url, tmp_path):
    local_file = tmp_path / "page.html"
    local_file.write_text("<!doctype html><title>local</title><p>A page opened from the file system.</p>")
    urls = [base_url + "/", local_file.as_uri()]
    earlier = _tab(desktop)
    page = next(earlier)
    for url in urls:
        page.goto(url)
        page.evaluate(SAVE)
        assert page.evaluate(SAVED) == ["yes", "yes"]
    next(earlier, None)  # the end of that test

    later = _tab(desktop)
    page = next(later)
    for url in urls:
        page.goto(url)
        assert page.evaluate(SAVED) == [None, None], url
    next(later, None)
