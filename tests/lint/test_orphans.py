from tests.lint.helpers import findings


def test_entity_without_any_link_is_a_warning(project):
    lonely = "title: Wall sit\nsummary: Sit against a wall.\npurpose: Builds thigh strength.\nlevel: beginner\n"
    assert findings(project, {"drills/wall-sit.yml": lonely}, "orphan.unreferenced") == [
        ("content/drills/wall-sit.yml", 1, 1, "nothing links to or from drill 'wall-sit'")]


def test_linked_entities_pass(project):
    assert findings(project, {}, "orphan.unreferenced") == []
