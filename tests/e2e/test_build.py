"""End to end: a full build into a temporary project, checked as a reader and an editor would notice."""

import gc
import json
import re
import weakref

from generator import side_process
from generator.build import build_site, generate
from generator.cards.content import QR_MADE, QR_MASK
from generator.project import CACHE_ENV
from generator.sitecheck import broken_links, external_requests
from tests.lint.helpers import starter


def test_build_produces_a_page_per_entity_with_links_and_backlinks(project):
    proj = project()
    generated, problems = build_site(proj)
    assert problems == [] and generated.checked.ok
    site = proj.site
    assert (site / "index.html").is_file()
    for page in ("drills/clamshell", "anatomy/gluteus-medius", "biomechanics/contralateral-pelvic-drop",
                 "injuries/patellofemoral-pain", "assessments/single-leg-squat-test", "communication/explaining-pelvic-drop",
                 "lessons/hip-and-pelvis-control", "quizzes/hip-and-pelvis-control-quiz", "glossary", "references"):
        assert (site / page / "index.html").is_file(), page
    anatomy = (site / "anatomy/gluteus-medius/index.html").read_text()
    assert "Drills that train this" in anatomy and 'href="../../drills/clamshell/"' in anatomy
    references = (site / "references/index.html").read_text()
    assert 'href="https://doi.org/10.1177/0363546518793657"' in references


def test_built_site_has_no_broken_links_and_no_external_requests(project):
    proj = project()
    build_site(proj)
    assert broken_links(proj.site) == []
    assert external_requests(proj.site) == []


def test_second_build_without_changes_rewrites_no_generated_file(project):
    proj = project()
    first, _ = build_site(proj)
    assert first.report.written
    mtimes = {p: p.stat().st_mtime_ns for p in proj.docs.rglob("*")}
    second, _ = build_site(proj)
    assert second.report.written == [] and second.report.removed == []
    assert {p: p.stat().st_mtime_ns for p in proj.docs.rglob("*")} == mtimes


def test_removed_content_removes_its_generated_page(project):
    proj = project()
    generate(proj)
    (proj.content / "quizzes/hip-and-pelvis-control-quiz.yml").unlink()
    report = generate(proj).report
    assert report.removed == ["quizzes/hip-and-pelvis-control-quiz.md"]
    assert not (proj.docs / "quizzes/hip-and-pelvis-control-quiz.md").exists()


def test_failed_build_leaves_the_previous_site_in_place(project):
    proj = project()
    build_site(proj)
    before = (proj.site / "drills/clamshell/index.html").read_text()
    (proj.content / "drills/clamshell.yml").write_text(starter("drills/clamshell.yml").replace("level: beginner", "level: expert"))
    generated, _ = build_site(proj)
    assert not generated.checked.ok
    assert (proj.site / "drills/clamshell/index.html").read_text() == before


def test_mkdocs_failure_also_leaves_the_previous_site(project):
    proj = project()
    build_site(proj)
    before = sorted(p.relative_to(proj.site) for p in proj.site.rglob("*"))
    # a missing page is caught by stride check (content.broken-link); a missing anchor only by MkDocs
    (proj.content / "pages/broken.md").write_text("# Broken\n\n[missing](drills/clamshell.md#no-such-heading)\n")
    generated, problems = build_site(proj)
    assert generated.checked.ok and [p.code for p in problems] == ["site.build"]
    assert "build/docs/broken.md" == problems[0].path
    assert sorted(p.relative_to(proj.site) for p in proj.site.rglob("*")) == before
    assert not [p for p in proj.root.iterdir() if p.name.startswith(".site-")]


def test_content_cannot_inject_script(project):
    text = starter("drills/clamshell.yml").replace("  - Keep your hips stacked.", "  - 'Keep {: onclick=\"alert(1)\" } hips stacked.'")
    proj = project({"drills/clamshell.yml": text})
    build_site(proj)
    html = (proj.site / "drills/clamshell/index.html").read_text()
    assert "&#123;: onclick=\"alert(1)\" &#125; hips stacked." in html
    assert not re.search(r"<[^>]+\sonclick=", html)


def test_damaged_shared_caches_are_made_again_not_a_traceback(project, tmp_path, monkeypatch):
    """QR codes and reading grades are read back from the shared cache; a file damaged from outside (cut short,
    edited by hand) costs the time to make them again, never the build (the ways a file can be damaged:
    tests/unit/test_json_cache.py)."""
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    proj = project()
    qr_file = proj.card_cache / f"qr-codes-mask{QR_MASK}.json"
    qr_file.parent.mkdir(parents=True)
    qr_file.write_text('{"https://example.org/": "<svg')
    proj.grade_cache.write_text('{"0a1b": [1.0, "many"], "2c3d": "<script>"}')
    saved = dict(QR_MADE)
    QR_MADE.clear()  # as in a new process, which reads the saved codes back
    try:
        generated = generate(proj, pdfs=False)
    finally:
        QR_MADE.clear()
        QR_MADE.update(saved)
    assert generated.checked.ok
    codes = json.loads(qr_file.read_text())
    assert codes and all(svg.startswith("<svg") for svg in codes.values())
    measured = json.loads(proj.grade_cache.read_text())
    assert measured and "0a1b" not in measured and "2c3d" not in measured
    assert "<svg" in (proj.docs / "cards/clamshell.md").read_text()


def test_no_worker_processes_for_the_decks_is_a_diagnostic_not_a_traceback(project, monkeypatch):
    """Where worker processes cannot start (no semaphores), sending the sheets fails before any page renders."""
    from generator.cards import pieces

    def cannot_start(htmls):
        raise OSError(38, "Function not implemented")

    monkeypatch.setattr(pieces, "start_rendering", cannot_start)
    generated = generate(project())
    assert [(d.code, d.message) for d in generated.checked.diagnostics if d.code == "card.unavailable"] == [
        ("card.unavailable", "PDF cards could not be made: [Errno 38] Function not implemented")]
    assert generated.report is not None  # the pages are still written


def test_nothing_keeps_a_finished_build_in_memory(project, monkeypatch):
    """`stride serve` generates again after every edit, and `stride build` exits: neither may keep the knowledge
    base and graph of a finished build alive (a memo of the worked-plan pages held the last graph, so a preview held
    the last curriculum after each build, two while the next one ran, and a build freed it while exiting)."""
    monkeypatch.setattr(side_process, "can_fork", lambda: False)  # every page, the worked plan too, renders here
    generated = generate(project(), pdfs=False)
    assert generated.checked.ok and generated.checked.kb.of_kind("runner"), "the starter has a worked plan"
    kb, graph = weakref.ref(generated.checked.kb), weakref.ref(generated.checked.graph)
    del generated
    gc.collect()
    assert kb() is None and graph() is None
