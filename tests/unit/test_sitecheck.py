"""The built-site checker on small hand-made sites: what it must catch and what it must let pass."""

from pathlib import Path

from generator.sitecheck import broken_links, external_requests


def site(root: Path, pages: dict[str, str]) -> Path:
    for rel, html in pages.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(html, encoding="utf-8")
    return root


def test_links_to_existing_pages_folders_and_anchors_pass(tmp_path):
    root = site(tmp_path, {
        "index.html": '<a href="drills/clamshell/">x</a> <a href="drills/clamshell/#dose">y</a> <a href="#top">z</a>'
                      '<h1 id="top">Home</h1> <a href="/drills/clamshell/index.html">abs</a> <a href="a%20b.html">sp</a>',
        "drills/clamshell/index.html": '<h2 id="dose">Dose</h2><a href="../../">home</a><a name="old">o</a>'
                                       '<a href="../../index.html#top">t</a><a href="#old">old</a>',
        "a b.html": "<p>space</p>",
    })
    assert broken_links(root) == []


def test_missing_page_and_missing_anchor_are_reported_per_page(tmp_path):
    root = site(tmp_path, {
        "index.html": '<a href="drills/nowhere/">x</a> <a href="drills/clamshell/#steps">y</a>',
        "drills/clamshell/index.html": '<h2 id="dose">Dose</h2><img src="missing.png">',
    })
    assert broken_links(root) == [
        "drills/clamshell/index.html: missing.png",
        "index.html: drills/clamshell/#steps (no such anchor)",
        "index.html: drills/nowhere/",
    ]


def test_external_links_mail_and_data_urls_are_not_followed(tmp_path):
    root = site(tmp_path, {"index.html": '<a href="https://doi.org/10.1/x">doi</a> <a href="mailto:a@b.c">m</a>'
                                         '<a href="//cdn.example.org/x.js">p</a> <img src="data:image/png;base64,AA==">'})
    assert broken_links(root) == []


def test_anchor_in_a_non_html_file_is_not_checked(tmp_path):
    root = site(tmp_path, {"index.html": '<a href="deck.pdf#page=2">deck</a>', "deck.pdf": "%PDF"})
    assert broken_links(root) == []


def test_scripts_styles_images_frames_and_css_urls_from_other_hosts_are_external_requests(tmp_path):
    root = site(tmp_path, {
        "index.html": '<script src="https://cdn.example.org/a.js"></script>'
                      '<link rel="stylesheet" href="//fonts.example.org/css">'
                      '<link rel="canonical" href="https://stride.example.org/">'
                      '<a href="https://doi.org/10.1/x">a reference is a link, not a request</a>'
                      '<img src="http://img.example.org/x.png"><iframe src="https://example.org/"></iframe>'
                      '<script src="assets/js/quiz.js"></script>',
        "assets/site.css": "body { background: url('https://img.example.org/bg.png'); }",
        "assets/local.css": "body { background: url(../img/bg.png); }",
    })
    assert external_requests(root) == [
        "assets/site.css: url() or @import from another host",
        "index.html: //fonts.example.org/css",
        "index.html: http://img.example.org/x.png",
        "index.html: https://cdn.example.org/a.js",
        "index.html: https://example.org/",
    ]


def test_a_link_that_leaves_the_site_is_broken_even_when_the_file_exists_on_this_disk(tmp_path):
    (tmp_path / "notes.html").write_text("<p>not published</p>", encoding="utf-8")
    root = site(tmp_path / "site", {"index.html": '<a href="../notes.html">n</a> <a href="/../notes.html">m</a>'})
    assert broken_links(root) == ["index.html: ../notes.html (outside the site)",
                                  "index.html: /../notes.html (outside the site)"]


def test_a_folder_without_an_index_page_and_an_encoded_anchor(tmp_path):
    root = site(tmp_path, {
        "index.html": '<a href="drills/">all</a> <a href="glossary/#caf%C3%A9">term</a> <a href="glossary/#tea">t</a>',
        "drills/clamshell/index.html": "<h1>Clamshell</h1>",
        "glossary/index.html": '<dt id="café">Café</dt>',
    })
    assert broken_links(root) == ["index.html: drills/", "index.html: glossary/#tea (no such anchor)"]


def test_css_written_in_a_page_or_imported_from_another_host_is_an_external_request(tmp_path):
    root = site(tmp_path, {
        "index.html": "<style>@font-face { src: url(https://fonts.example.org/a.woff2); }</style><p>x</p>",
        "plan.html": '<div style="background: url(//img.example.org/x.png)">x</div>',
        "local.html": '<style>body { background: url(img/bg.png); }</style><div style="color: red">x</div>',
        "assets/theme.css": '@import "https://fonts.example.org/css";',
        "assets/print.css": '@import "print-extra.css";',
    })
    assert external_requests(root) == [
        "assets/theme.css: url() or @import from another host",
        "index.html: url() to another host in its own CSS",
        "plan.html: url() to another host in its own CSS",
    ]
