"""`stride schema`: every shipped file validates against its kind's JSON Schema, and invalid files fail both ways."""

import json

import pytest
from jsonschema import Draft7Validator

from generator.build import check_project
from generator.json_schema import editor_settings, schemas
from generator.knowledge import content_files
from generator.loader import load_file
from generator.schema import KIND_BY_FOLDER
from tests.conftest import REPO
from tests.lint.helpers import starter

SCHEMAS = schemas()


def schema_for(rel: str) -> dict:
    return SCHEMAS[schema_name(rel)]


def schema_name(rel: str) -> str:
    """content/drills/x.yml → drill.json; content/plans/examples/x.yml → runner.json; content/glossary.yml → glossary.json."""
    parts = rel.split("/")
    folder = "/".join(parts[1:-1])
    return f"{KIND_BY_FOLDER[folder].name}.json" if folder else parts[-1].replace(".yml", ".json")


def test_every_schema_is_valid_draft_7():
    for schema in SCHEMAS.values():
        Draft7Validator.check_schema(schema)


@pytest.mark.parametrize("path", content_files(REPO / "content"), ids=lambda p: p.relative_to(REPO).as_posix())
def test_every_shipped_file_validates_against_its_schema(path):
    rel = path.relative_to(REPO).as_posix()
    located, problems = load_file(path, rel)
    assert not problems
    errors = [e.message for e in Draft7Validator(schema_for(rel)).iter_errors(located.data)]
    assert errors == []


DRILL = starter("drills/clamshell.yml")
QUIZ = starter("quizzes/hip-and-pelvis-control-quiz.yml")
INVALID = {
    "unknown field": ("drills/clamshell.yml", DRILL.replace("level: beginner", "levl: beginner")),
    "value outside the choices": ("drills/clamshell.yml", DRILL.replace("level: beginner", "level: expert")),
    "number written as text": ("drills/clamshell.yml", DRILL.replace("sets: 3", 'sets: "3"')),
    "yes/no for a boolean": ("quizzes/hip-and-pelvis-control-quiz.yml", QUIZ.replace("correct: true", "correct: yes", 1)),
    "missing required field": ("drills/clamshell.yml", DRILL.replace("level: beginner\n", "")),
    "id with capitals": ("drills/clamshell.yml", DRILL.replace("[gluteus-medius]", "[Gluteus Medius]")),
    "unknown question type": ("quizzes/hip-and-pelvis-control-quiz.yml", QUIZ.replace("type: single", "type: singel", 1)),
    "field of another question type": ("quizzes/hip-and-pelvis-control-quiz.yml",
                                       QUIZ.replace("    pairs:", "    options: []\n    pairs:", 1)),
    "too few options": ("quizzes/hip-and-pelvis-control-quiz.yml", QUIZ.replace(
        "      - text: Tibialis anterior\n        feedback: No, that muscle lifts the foot.\n", "", 1)),
}


@pytest.mark.parametrize("case", INVALID)
def test_invalid_example_is_rejected_by_the_schema_and_by_stride_check(project, case):
    rel, text = INVALID[case]
    assert text != starter(rel)
    proj = project({rel: text})
    located, _ = load_file(proj.content / rel, f"content/{rel}")
    assert list(Draft7Validator(schema_for(f"content/{rel}")).iter_errors(located.data)), "the schema accepted it"
    assert [d for d in check_project(proj).diagnostics if d.is_error and d.path == f"content/{rel}"]


def test_editor_settings_map_each_content_folder_to_its_schema():
    shipped = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert shipped["yaml.schemas"] == editor_settings()["yaml.schemas"]
    assert set(shipped["yaml.schemas"]) == {f"./build/schema/{name}" for name in SCHEMAS}


def test_stride_schema_writes_one_file_per_kind(project):
    from tests.conftest import stride
    proj = project()
    result = stride("--project", str(proj.root), "schema")
    assert result.returncode == 0
    written = sorted(p.name for p in (proj.root / "build" / "schema").iterdir())
    assert written == sorted(SCHEMAS)
    drill = json.loads((proj.root / "build" / "schema" / "drill.json").read_text())
    assert drill["properties"]["level"]["enum"] == ["beginner", "intermediate", "advanced"]
    assert drill["properties"]["level"]["description"]


def test_reference_fields_offer_the_knowledge_base_ids_for_completion():
    from generator.knowledge import load_knowledge_base
    kb, _ = load_knowledge_base(REPO / "content")
    with_ids = schemas(kb)
    targets = with_ids["drill.json"]["properties"]["targets"]["items"]["anyOf"]
    assert "gluteus-medius" in targets[0]["enum"] and "clamshell" not in targets[0]["enum"]
    assert targets[1]["pattern"]  # a new id still validates; stride check reports it if unknown
    for path in content_files(REPO / "content"):
        rel = path.relative_to(REPO).as_posix()
        located, _ = load_file(path, rel)
        assert list(Draft7Validator(with_ids[schema_name(rel)]).iter_errors(located.data)) == [], rel
