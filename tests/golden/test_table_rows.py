"""Every row of every generated Markdown table has its header's cells: a pipe in content (a title, a referral's
"when", a drill's common error) is a character, never a cell's edge, so no cell such as "What to do now" is pushed
out of its row or dropped."""

import re

from generator import pipeline
from tests.conftest import REPO
from tests.lint.helpers import starter

PIPED = {
    # the red-flag table is embedded here, so the injury's title below lands in its Condition cell
    "lessons/hip-and-pelvis-control.yml": ("    body: Watch for", "    body: |\n      [[table:red-flags]]\n\n      Watch for"),
    "injuries/patellofemoral-pain.yml": ("title: Patellofemoral pain", "title: Patellofemoral pain | runner's knee"),
}


def table_rows(markdown: str) -> list[tuple[int, int, str]]:
    """(cells in the table's header, cells in the row, the row) for every row of every table."""
    rows, header = [], 0
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        if not line.startswith("|"):
            header = 0
            continue
        cells = len(line.strip().strip("|").split("|"))
        if not header and i + 1 < len(lines) and re.fullmatch(r"\|(?:-+\|)+", lines[i + 1].strip()):
            header = cells
        rows.append((header, cells, line))
    return rows


def test_a_pipe_in_any_cell_keeps_every_row_whole(project):
    files = {}
    for rel, (old, new) in PIPED.items():
        text = starter(rel)
        assert old in text, rel
        files[rel] = text.replace(old, new, 1)
    text = starter("injuries/patellofemoral-pain.yml")
    files["injuries/patellofemoral-pain.yml"] = files["injuries/patellofemoral-pain.yml"].replace(
        text.split("when: ", 1)[1].split("\n", 1)[0], "After a fall | or a twist", 1)
    text = starter("drills/clamshell.yml")
    files["drills/clamshell.yml"] = text.replace("error: ", "error: Rolling back | hips open ", 1)
    proj = project(files)
    checked = pipeline.check(proj.content)
    assert [d for d in checked.diagnostics if d.is_error] == []
    pages = pipeline.render(checked, REPO / "templates")

    red_flag_rows = [line for line in pages["lessons/hip-and-pelvis-control.md"].splitlines()
                     if line.startswith("|") and "Patellofemoral pain" in line]
    assert red_flag_rows and all("Patellofemoral pain &#124; runner" in line for line in red_flag_rows)
    assert "After a fall &#124; or a twist" in pages["injuries/patellofemoral-pain.md"]
    assert "Rolling back &#124; hips open" in pages["drills/clamshell.md"]
    broken = [(path, row) for path, text in pages.items() for header, cells, row in table_rows(text) if cells != header]
    assert broken == []
