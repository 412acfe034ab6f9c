"""Searching as a reader does, whichever engine built the site (their result lists differ in markup)."""

from playwright.sync_api import Page, expect

CLAMSHELL_SUMMARY = "A gentle first exercise for the side of the hip."


def search_finds_clamshell(page: Page) -> None:
    """Type into the search box and see the drill's summary among the visible results."""
    result = page.get_by_text(CLAMSHELL_SUMMARY).locator("visible=true")
    expect(result).to_have_count(0)
    page.locator(".md-search__input").click(force=True)
    page.keyboard.type("clamshell")
    # A bound on waiting, not a speed requirement: a CI run that renders every deck meanwhile once needed over 10 s.
    expect(result.first).to_be_visible(timeout=30000)
