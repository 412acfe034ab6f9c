"""Build caches kept as one JSON object (QR codes, reading grades): damage reads as a smaller cache, never an error."""

import pytest

from generator.writer import read_json_cache, save_json_cache


def _is_word_count(entry: object) -> bool:
    return isinstance(entry, int)


@pytest.mark.parametrize("saved, expected", [
    (None, {}),  # no file yet
    (b'{"a": 1, "b"', {}),  # cut short
    (b"\xff\xfe not text", {}),
    (b'["a", 1]', {}),  # not an object
    (b'{"a": 1, "b": "two", "c": [3]}', {"a": 1}),  # entries of the wrong shape are left out
])
def test_a_damaged_cache_reads_as_what_is_still_usable(tmp_path, saved, expected):
    path = tmp_path / "cache.json"
    if saved is not None:
        path.write_bytes(saved)
    assert read_json_cache(path, _is_word_count) == expected


def test_a_cache_that_cannot_be_written_is_not_saved_and_the_build_goes_on(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")  # fails for every user, root included
    save_json_cache(blocked / "cache.json", {"a": 1})
    assert read_json_cache(blocked / "cache.json", _is_word_count) == {}
    save_json_cache(tmp_path / "cache.json", {"a": 1})
    assert read_json_cache(tmp_path / "cache.json", _is_word_count) == {"a": 1}
