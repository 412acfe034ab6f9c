"""The offline copy opens from the file system: quizzes and search work, and nothing is fetched from the network."""

from playwright.sync_api import expect

from tests.browser.search import search_finds_clamshell


def test_offline_site_links_to_html_files_and_runs_quizzes_without_network(file_page, offline_site):
    page = file_page
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((offline_site / "index.html").as_uri())
    page.locator("article").get_by_role("link", name="Hip and pelvis control").click()
    expect(page).to_have_url((offline_site / "lessons" / "hip-and-pelvis-control.html").as_uri())
    q = page.locator('.stride-q[data-qid="hip-q01"]')
    q.get_by_label("Gluteus medius").check()
    q.get_by_role("button", name="Check answer").click()
    expect(q.locator(".stride-feedback")).to_contain_text("Correct.")
    assert requests and all(url.startswith(("file://", "data:", "blob:", "about:")) for url in requests), requests


def test_offline_search_finds_a_drill(file_page, offline_site):
    file_page.goto((offline_site / "index.html").as_uri())
    search_finds_clamshell(file_page)
