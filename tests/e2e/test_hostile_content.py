"""Content can never become markup: hostile text in every string field of every kind builds into inert HTML.

Every string value in every starter file gets a payload appended (kept only where the field still
validates, so ids and fixed values stay valid). The check's errors are ignored so the build goes on,
as it would for a careless template: the escaping alone must keep the page safe.
"""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from generator import pipeline
from generator.build import build_site
from generator.schema import KIND_BY_FOLDER, SINGLE_FILES
from generator.validate import validate
from generator.loader import load_file

PAYLOADS = (
    '<script>alert(1)</script>',
    '<img src=x onerror="alert(1)">',
    'Clamshell { onclick="alert(1)" }',
    '{: onmouseover="alert(1)" }',
    '[click](javascript:alert(1))',
    '![img](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
    '</script><script>alert(1)</script>',
    '<a href="javascript:alert(1)">link</a>',
    '{{ 7*7 }} and {% if true %}49{% endif %}',
    '" onfocus="alert(1)" autofocus="',
)
_URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data"}


def _poison(value, counter):
    """Append a payload to every string (dict values and list items), depth first."""
    if isinstance(value, dict):
        return {k: _poison(v, counter) for k, v in value.items()}
    if isinstance(value, list):
        return [_poison(v, counter) for v in value]
    if isinstance(value, str):
        counter[0] += 1
        return f"{value} {PAYLOADS[counter[0] % len(PAYLOADS)]}"
    return value


def _model_for(path: Path, content: Path):
    if path.parent == content:
        return SINGLE_FILES[path.name]
    return KIND_BY_FOLDER[path.parent.relative_to(content).as_posix()].model


def _paths(value, prefix=()):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from _paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            yield from _paths(v, (*prefix, i))
    elif isinstance(value, str):
        yield prefix


def _get(data, path):
    for step in path:
        data = data[step]
    return data


def _set(data, path, value):
    for step in path[:-1]:
        data = data[step]
    data[path[-1]] = value


def _validates(model, data, path: Path, rel: str) -> bool:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    located, problems = load_file(path, rel)
    return located is not None and not problems and validate(model, located, rel, "x")[0] is not None


def poison_content(content: Path) -> int:
    """Put a payload into every string field that still validates with it; returns how many were poisoned."""
    poisoned = 0
    for path in sorted(content.rglob("*.yml")):
        model = _model_for(path, content)
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, at in enumerate(list(_paths(data))):
            original = _get(data, at)
            _set(data, at, f"{original} {PAYLOADS[i % len(PAYLOADS)]}")
            if _validates(model, data, path, path.name):
                poisoned += 1
            else:
                _set(data, at, original)
        _validates(model, data, path, path.name)
    return poisoned


class _Audit(HTMLParser):
    """Collects anything live: event handlers, script URLs, and scripts that carry the payload."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.live: list[str] = []
        self.text: list[str] = []
        self._script: str | bool = False

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.live.append(f"<{tag} {name}={value!r}>")
            if name in _URL_ATTRS and value and value.strip().lower().startswith(("javascript:", "data:text", "vbscript:")):
                self.live.append(f"<{tag} {name}={value!r}>")
            if name == "autofocus" and tag not in ("input",):
                self.live.append(f"<{tag} autofocus>")
        if tag == "script":
            self._script = "json" if dict(attrs).get("type") == "application/json" else "code"

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = False

    def handle_data(self, data):
        if self._script == "json":
            json.loads(data)  # data stays data: the element was not cut short by a payload
        elif self._script and "alert(1)" in data:
            self.live.append(f"<script>{data[:80]}")
        if not self._script:
            self.text.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    from tests.conftest import make_project

    root = tmp_path_factory.mktemp("hostile") / "project"
    project = make_project(root)
    poisoned = poison_content(project.content)
    mp = pytest.MonkeyPatch()
    mp.setattr(pipeline.Checked, "ok", property(lambda self: True))
    try:
        generated, problems = build_site(project)
    finally:
        mp.undo()
    return project, generated, problems, poisoned


def test_every_kind_and_most_fields_carry_a_payload(hostile_site):
    project, generated, _, poisoned = hostile_site
    assert poisoned > 150
    kinds = {item.kind for item in generated.checked.kb.items.values()
             if any(p in str(item.model.model_dump()) for p in PAYLOADS)}
    assert kinds >= {"anatomy", "biomechanics", "injury", "assessment", "drill", "communication", "lesson", "quiz",
                     "term", "reference"}


def test_the_check_reports_the_markup_it_sees(hostile_site):
    _, generated, _, _ = hostile_site
    assert sum(d.code == "content.unsafe-markup" for d in generated.checked.diagnostics) > 50


def test_no_payload_is_live_in_any_built_page(hostile_site):
    project, _, problems, _ = hostile_site
    assert problems == []
    pages = sorted(project.site.rglob("*.html"))
    assert len(pages) > 15
    live = {}
    for page in pages:
        audit = _Audit()
        audit.feed(page.read_text(encoding="utf-8"))
        if audit.live:
            live[page.relative_to(project.site).as_posix()] = audit.live[:3]
    assert live == {}


def test_payloads_are_shown_as_text_not_run(hostile_site):
    project, _, _, _ = hostile_site
    audit = _Audit()
    audit.feed((project.site / "drills/clamshell/index.html").read_text(encoding="utf-8"))
    text = "".join(audit.text)
    assert "<script>alert(1)</script>" in text
    assert 'Clamshell { onclick="alert(1)" }' in text
    everywhere = "".join(_text(page) for page in project.site.rglob("*.html"))
    assert "{{ 7*7 }}" in everywhere and "[click](javascript:alert(1))" in everywhere


def _text(page: Path) -> str:
    audit = _Audit()
    audit.feed(page.read_text(encoding="utf-8"))
    return "".join(audit.text)
