"""Search on the hosted site finds a drill by name, with either engine."""

from tests.browser.search import search_finds_clamshell


def test_search_finds_a_drill(page, base_url):
    page.goto(base_url + "/")
    search_finds_clamshell(page)
