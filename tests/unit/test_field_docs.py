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
