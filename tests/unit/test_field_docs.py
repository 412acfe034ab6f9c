"""The schema documents itself: every field of every model has a description for the reference, schema and scaffolds."""

from generator.field_reference import field_sections
from generator.knowledge import KnowledgeBase
from generator.schema import ENTITY_KINDS, SINGLE_FILES
from generator.annotations import models_in


def all_fields():
    seen, found = set(), []
    queue = [k.model for k in ENTITY_KINDS.values()] + list(SINGLE_FILES.values())
    while queue:
        model = queue.pop()
        if model in seen:
            continue
        seen.add(model)
        for name, info in model.model_fields.items():
            found.append((f"{model.__name__}.{name}", info.description))
            queue += models_in(info.annotation)
    return found


def test_every_field_has_a_description():
    fields = all_fields()
    assert len(fields) > 150
    assert [name for name, description in fields if not description] == []


def test_field_reference_lists_every_kind_with_allowed_values(tmp_path):
    sections = field_sections(KnowledgeBase(tmp_path, {}))
    titles = [s.title for s in sections]
    for kind in ENTITY_KINDS.values():
        assert kind.label in titles
    injury = {s.title: s for s in sections}["Injury › red_flags"]
    urgency = next(row for row in injury.rows if row.name == "urgency")
    assert urgency.need == "required" and "`emergency`" in urgency.allowed and urgency.description


def test_field_reference_page_links_nested_parts_and_escapes_content_examples(project):
    from generator.build import check_project
    from generator.render.environment import environment
    from tests.conftest import REPO
    from tests.lint.helpers import starter
    drill = starter("drills/clamshell.yml").replace("summary: A gentle", "summary: 'Try <b>this</b> {: onclick=x} | A gentle")
    drill = drill.replace("side of the hip.", "side of the hip.'", 1)
    checked = check_project(project({"drills/clamshell.yml": drill}))
    page = environment(REPO / "templates").get_template("pages/fields.md.j2").render(sections=field_sections(checked.kb))
    assert "| `dosage` | **expected** · [Drill › dosage](#drill---dosage) |" in page
    assert "## Drill › dosage { #drill---dosage }" in page and "File: `content/drills/<id>.yml`" in page
    summary = next(line for line in page.splitlines() if line.startswith("| `summary`") and "Try" in line)
    assert "<b>" not in summary and "&lt;b&gt;" in summary and "&#123;: onclick" in summary and "&#124; A gentle" in summary
