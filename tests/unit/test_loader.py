"""The loader keeps positions and turns every YAML problem into a positioned diagnostic."""

from pathlib import Path

from generator.loader import MAX_ALIASES, MAX_BYTES, load_file, parse_text


def codes(text: str) -> list[tuple[int, int, str]]:
    _, problems = parse_text(text, "f.yml")
    return [(d.line, d.col, d.code) for d in problems]


def test_values_keep_their_line_and_column():
    located, problems = parse_text("title: Hip hike\ndosage:\n  sets: 3\n", "f.yml")
    assert problems == []
    assert located.values[("dosage", "sets")] == (3, 9)
    assert located.keys[("dosage", "sets")] == (3, 3)


def test_yaml_11_booleans_and_sexagesimals_stay_text():
    located, _ = parse_text("a: no\nb: on\nc: 1:30\nd: true\ne: 12\nf: 2.5\n", "f.yml")
    assert located.data == {"a": "no", "b": "on", "c": "1:30", "d": True, "e": 12, "f": 2.5}


def test_duplicate_key_points_at_the_second_key_and_names_the_first_line():
    _, problems = parse_text("title: A\nsummary: B\ntitle: C\n", "f.yml")
    assert [(d.line, d.col, d.code) for d in problems] == [(3, 1, "yaml.duplicate-key")]
    assert "line 1" in problems[0].hint


def test_syntax_error_has_a_position():
    assert codes("title: [unclosed\nsummary: x\n")[0][2] == "yaml.syntax"
    line, col, _ = codes("title: a\n  bad: indent\n")[0]
    assert (line, col) == (2, 6)


def test_empty_file_and_list_file_are_errors():
    assert codes("") == [(1, 1, "yaml.empty")]
    assert codes("# only a comment\n") == [(1, 1, "yaml.empty")]
    assert codes("- title: A\n") == [(1, 1, "yaml.not-mapping")]


def test_too_many_aliases_are_refused():
    text = "a: &x hi\nb: [" + ", ".join(["*x"] * (MAX_ALIASES + 1)) + "]\n"
    assert codes(text)[0][2] == "yaml.alias"
    assert codes("a: &x hi\nb: *x\n") == []


def test_explicit_python_tags_are_refused():
    assert codes("a: !!python/object/apply:os.system [echo]\n")[0][2] == "yaml.tag"


def test_non_utf8_bytes_are_located(tmp_path: Path):
    path = tmp_path / "bad.yml"
    path.write_bytes("title: Caf".encode() + b"\xe9\nsummary: x\n")
    located, problems = load_file(path, "bad.yml")
    assert located is None
    assert [(d.line, d.col, d.code) for d in problems] == [(1, 11, "yaml.encoding")]


def test_oversized_file_is_refused(tmp_path: Path):
    path = tmp_path / "big.yml"
    path.write_bytes(b"title: x\nsummary: " + b"a" * MAX_BYTES + b"\n")
    _, problems = load_file(path, "big.yml")
    assert [d.code for d in problems] == ["yaml.too-large"]
