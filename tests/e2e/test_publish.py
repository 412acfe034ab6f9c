"""Publishing: the hosted site offers the offline copy as a zip, and the Pages workflow builds exactly that."""

import io
import zipfile

import yaml

from generator.build import build_site
from generator.publish import OFFLINE_ZIP
from generator.sitecheck import broken_links
from tests.conftest import REPO


def test_offline_zip_is_linked_from_the_site_and_opens_with_html_links(project):
    proj = project()
    generated, problems = build_site(proj, offline_zip=True)
    assert generated.report is not None and problems == []
    archive = proj.site / OFFLINE_ZIP
    page = (proj.site / "offline" / "index.html").read_text(encoding="utf-8")
    assert 'href="../downloads/stride-curriculum-offline.zip"' in page and "Use it offline" in page
    assert broken_links(proj.site) == []
    with zipfile.ZipFile(io.BytesIO(archive.read_bytes())) as copy:
        names = copy.namelist()
        assert "stride-curriculum/index.html" in names
        assert "stride-curriculum/drills/clamshell.html" in names
        assert not any(name.startswith("stride-curriculum/downloads/") for name in names), "the zip contains itself"
        home = copy.read("stride-curriculum/index.html").decode()
        assert 'href="drills/index.html"' in home or ".html" in home


def test_pages_workflow_builds_strictly_with_the_download_and_publishes_site():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pages.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    assert "./run build --strict" in runs
    upload = next(step for step in steps if step.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    assert workflow["permissions"]["pages"] == "write"
    assert any(step.get("uses", "").startswith("actions/deploy-pages") for step in workflow["jobs"]["deploy"]["steps"])
