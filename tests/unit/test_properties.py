"""Property-based: whatever an educator's editor leaves in a file, stride answers with positioned diagnostics
(or success), never a traceback. Mutations start from real, valid content files."""

from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator import pipeline
from generator.loader import load_file, parse_text
from generator.rules import RULES
from tests.conftest import STARTER

SOURCES = sorted(p.relative_to(STARTER).as_posix() for p in STARTER.rglob("*.yml"))
AWKWARD = ["", "~", "[]", "{}", "no", "yes", "1:30", "0x1F", "-1", "1e400", "9" * 40, "true", "null", ".nan",
           "&anchor value", "*anchor", "<<: *anchor", "!!python/object/apply:os.system [ls]", "!custom x",
           "'unclosed", '"bad \\x escape"', "- listed", "{a: [b", "key: value: more", "\t tabbed", "[[clamshell]]",
           "[[drill:nowhere|text]]", "<script>alert(1)</script>", "{: onclick=x }", "ｆｕｌｌwidth", "\u200b", "😀"]
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_positioned(diagnostics, rel: str, text: str) -> None:
    """Known rule codes, real positions (inside the file, or just past its end), words to read."""
    # YAML reports a missing closing bracket on the line after the last, and counts a lone "\r" (and NEL, LS, PS)
    # as a line break, as old Mac files and some editors write them
    lines = len(re.findall("\r\n|[\r\n\x85\u2028\u2029]", text)) + 2
    for d in diagnostics:
        assert d.code in RULES, d
        assert d.line >= 1 and d.col >= 1, d
        assert d.path != rel or d.line <= lines, d
        assert d.message.strip(), d


@st.composite
def mutated(draw) -> tuple[str, str]:
    """(relative path, text): a starter file with a few lines deleted, repeated, re-indented or replaced."""
    rel = draw(st.sampled_from(SOURCES))
    lines = (STARTER / rel).read_text(encoding="utf-8").splitlines()
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, max(0, len(lines) - 1)))
        line = lines[i] if lines else ""
        action = draw(st.sampled_from(["delete", "repeat", "indent", "dedent", "value", "insert", "truncate"]))
        if action == "delete" and lines:
            del lines[i]
        elif action == "repeat":
            lines.insert(i, line)
        elif action == "indent":
            lines[i:i + 1] = ["  " + line]
        elif action == "dedent":
            lines[i:i + 1] = [line.lstrip()]
        elif action == "value":
            key = line.split(":", 1)[0] if ":" in line else line
            lines[i:i + 1] = [f"{key}: {draw(st.sampled_from(AWKWARD))}"]
        elif action == "insert":
            lines.insert(i, draw(st.sampled_from(AWKWARD) | st.text(max_size=30)))
        else:
            lines[i:i + 1] = [line[: draw(st.integers(0, len(line)))]]
    return rel, "\n".join(lines) + "\n"


@SETTINGS
@given(st.text(max_size=300))
def test_any_text_parses_or_gives_positioned_diagnostics(text):
    _, diagnostics = parse_text(text, "f.yml")
    assert_positioned(diagnostics, "f.yml", text)


@SETTINGS
@given(st.binary(max_size=200))
def test_any_bytes_load_or_give_positioned_diagnostics(raw):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "f.yml"
        path.write_bytes(raw)
        _, diagnostics = load_file(path, "f.yml")
    assert_positioned(diagnostics, "f.yml", raw.decode("utf-8", errors="replace"))


@SETTINGS
@given(mutated())
def test_mutated_content_is_checked_without_a_traceback(change):
    """The whole check (load, validate, link, lint) over the starter with one file mutated."""
    rel, text = change
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        shutil.copytree(STARTER, content)
        (content / rel).write_text(text, encoding="utf-8")
        checked = pipeline.check(content)
    assert_positioned(checked.diagnostics, f"content/{rel}", text)
    assert checked.diagnostics == sorted(checked.diagnostics)
