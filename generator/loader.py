"""Line-aware YAML loading: plain Python data plus the position of every key and value.

The resolver follows YAML 1.2's core schema, so `no`, `on` and `1:30` stay text instead of
becoming False and 90; pydantic then reports them as the wrong type where a field wants a
boolean or a number. Duplicate keys, explicit tags, aliases beyond a small limit, non-UTF-8
bytes and oversized files are diagnostics, never exceptions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from yaml.composer import Composer
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import BaseResolver
from yaml.scanner import Scanner

from .diagnostics import Diagnostic

MAX_BYTES = 256 * 1024
MAX_ALIASES = 10

Path_ = tuple[str | int, ...]
Pos = tuple[int, int]

_STR, _INT, _FLOAT, _BOOL, _NULL = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null"))
_SEQ, _MAP = "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"


class _CoreResolver(BaseResolver):
    """YAML 1.2 core schema: only these plain scalars are not text."""


_CoreResolver.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_CoreResolver.add_implicit_resolver(_INT, re.compile(r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"), list("-+0123456789"))
_CoreResolver.add_implicit_resolver(
    _FLOAT,
    re.compile(r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"),
    list("-+0123456789."),
)
_CoreResolver.add_implicit_resolver(_NULL, re.compile(r"^(?:~|null|Null|NULL|)$"), ["~", "n", "N", ""])


if yaml.__with_libyaml__:
    from yaml.cyaml import CParser


    class _Composer(CParser, _CoreResolver):
        """libyaml scans and composes; our resolver decides what is text."""

        def __init__(self, text: str) -> None:
            CParser.__init__(self, text)
            _CoreResolver.__init__(self)

else:  # pragma: no cover - PyYAML built without libyaml

    class _Composer(Reader, Scanner, Parser, Composer, _CoreResolver):  # type: ignore[no-redef]
        def __init__(self, text: str) -> None:
            Reader.__init__(self, text)
            Scanner.__init__(self)
            Parser.__init__(self)
            Composer.__init__(self)
            _CoreResolver.__init__(self)


class _TooManyAliases(Exception):
    def __init__(self, mark: yaml.Mark) -> None:
        self.mark = mark


@dataclass
class Located:
    """A YAML document as plain data, with 1-based (line, column) for each value and key path."""

    data: object
    values: dict[Path_, Pos] = field(default_factory=dict)
    keys: dict[Path_, Pos] = field(default_factory=dict)
    styles: dict[Path_, str] = field(default_factory=dict)
    """Quoted (' or ") and block (| or >) scalars; for block scalars `values` holds the first text line."""

    def pos(self, path: Path_) -> Pos:
        """Position of the value at `path`, or of its nearest located parent."""
        for end in range(len(path), -1, -1):
            if path[:end] in self.values:
                return self.values[path[:end]]
        return (1, 1)

    def text_pos(self, path: Path_, offset: int, text: str) -> Pos:
        """Position of character `offset` inside the string value at `path`."""
        line, col = self.pos(path)
        style = self.styles.get(path)
        if style in ("|", ">"):
            start = text.rfind("\n", 0, offset) + 1
            return (line + text.count("\n", 0, offset), col + offset - start)
        return (line, col + offset + (1 if style in ("'", '"') else 0))

    def key_pos(self, path: Path_) -> Pos:
        return self.keys.get(path) or self.pos(path)

    def sub(self, prefix: Path_) -> Located:
        """The part of this document below `prefix`, paths made relative to it."""
        n = len(prefix)
        data = self.data
        for step in prefix:
            data = data[step]  # type: ignore[index]
        return Located(
            data,
            {p[n:]: v for p, v in self.values.items() if p[:n] == prefix},
            {p[n:]: v for p, v in self.keys.items() if p[:n] == prefix},
            {p[n:]: v for p, v in self.styles.items() if p[:n] == prefix},
        )


def _pos(mark: yaml.Mark) -> Pos:
    return (mark.line + 1, mark.column + 1)


def _first_text_line(node: yaml.ScalarNode, lines: list[str]) -> Pos:
    """Where the text of a block scalar starts: the line after `|`, at its indentation."""
    mark = node.start_mark
    for number in range(mark.line + 1, len(lines)):
        if lines[number].strip():
            return (number + 1, len(lines[number]) - len(lines[number].lstrip(" ")) + 1)
    return _pos(mark)


class _Builder:
    def __init__(self, rel: str, text: str) -> None:
        self.rel = rel
        self.lines = text.splitlines()
        self.located = Located(None)
        self.diagnostics: list[Diagnostic] = []
        self.seen: set[int] = set()
        self.aliases = 0

    def build(self, node: yaml.Node, path: Path_) -> object:
        # An alias is the same node met again; counting repeats bounds what "billion laughs" can expand to.
        if id(node) in self.seen:
            self.aliases += 1
            if self.aliases > MAX_ALIASES:
                raise _TooManyAliases(node.start_mark)
        self.seen.add(id(node))
        self.located.values[path] = _pos(node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            self._check_tag(node, _SEQ)
            return [self.build(child, (*path, i)) for i, child in enumerate(node.value)]
        if node.style in ("|", ">"):
            self.located.values[path] = _first_text_line(node, self.lines)
        if node.style:
            self.located.styles[path] = node.style
        else:
            self._check_cut(node)
        return self._scalar(node)

    def _check_cut(self, node: yaml.ScalarNode) -> None:
        """Warn when ` #` ends a line of unquoted text early: YAML drops the rest of the line as a comment."""
        end = node.end_mark
        rest = self.lines[end.line][end.column:] if end.line < len(self.lines) else ""
        comment = re.match(r"\s+#(.?)", rest)
        if comment and (" " in node.value or comment[1] not in ("", " ")):
            col = end.column + rest.index("#") + 1
            self.diagnostics.append(Diagnostic.make(
                self.rel, (end.line + 1, col), "yaml.comment-cuts-text",
                f"the text stops at '{node.value[-20:]}': YAML reads ' #' and everything after it as a comment",
                "put the whole text in double quotes to keep the '#'"))

    def _check_tag(self, node: yaml.Node, expected: str) -> None:
        if node.tag != expected and node.tag not in (_STR, _INT, _FLOAT, _BOOL, _NULL):
            self.diagnostics.append(
                Diagnostic.make(self.rel, _pos(node.start_mark), "yaml.tag", f"the tag '{node.tag}' is not allowed",
                                "remove the tag; write plain text, numbers, lists and mappings")
            )

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        self._check_tag(node, _MAP)
        result: dict = {}
        first_seen: dict[object, Pos] = {}
        for key_node, value_node in node.value:
            key = self._scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            key_at = _pos(key_node.start_mark)
            if not isinstance(key, (str, int)):
                self.diagnostics.append(
                    Diagnostic.make(self.rel, key_at, "yaml.syntax", "a mapping key must be a plain name",
                                    "write keys as simple words such as `title:`")
                )
                continue
            key = str(key)
            if key in first_seen:
                line = first_seen[key][0]
                self.diagnostics.append(
                    Diagnostic.make(self.rel, key_at, "yaml.duplicate-key", f"'{key}' is defined twice in this mapping",
                                    f"the first '{key}' is on line {line}; keep one and delete the other")
                )
                continue
            first_seen[key] = key_at
            self.located.keys[(*path, key)] = key_at
            result[key] = self.build(value_node, (*path, key))
        return result

    def _scalar(self, node: yaml.ScalarNode) -> object:
        self._check_tag(node, _STR)
        value = node.value
        if node.tag == _BOOL:
            return value.lower() == "true"
        if node.tag == _NULL:
            return None
        if node.tag == _INT:
            return int(value, 0) if value[:2] in ("0o", "0x") else int(value)
        if node.tag == _FLOAT:
            special = value.lower().replace(".", "", 1)
            return float(special if special.lstrip("+-") in ("inf", "nan") else value)
        return value


def _decode(raw: bytes, rel: str) -> tuple[str | None, list[Diagnostic]]:
    if len(raw) > MAX_BYTES:
        return None, [Diagnostic.make(rel, (1, 1), "yaml.too-large",
                                      f"the file is {len(raw) // 1024} KiB; the limit is {MAX_BYTES // 1024} KiB",
                                      "split the content into several entities")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as err:
        before = raw[: err.start]
        line = before.count(b"\n") + 1
        col = len(before) - (before.rfind(b"\n") + 1) + 1
        return None, [Diagnostic.make(rel, (line, col), "yaml.encoding",
                                      f"byte 0x{raw[err.start]:02x} is not valid UTF-8",
                                      "save the file as UTF-8 in your editor")]
    return text.removeprefix("\ufeff"), []


def _alias_problem(rel: str, mark: yaml.Mark) -> Diagnostic:
    return Diagnostic.make(rel, _pos(mark), "yaml.alias", f"more than {MAX_ALIASES} aliases (*name) in one file",
                           "write the repeated text out instead of using anchors and aliases")


_CURLY = "\u201c\u201d\u2018\u2019"
_NBSP = "\u00a0"
_KEY_THEN_NBSP = re.compile(r"^[ ]*(?:- )?[\w-]+:\u00a0")


def _invisible_spaces(text: str, rel: str) -> list[Diagnostic]:
    """Non-breaking spaces where YAML needs a plain space (indentation, after `key:`) silently change the meaning."""
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        indent = line[: len(line) - len(line.lstrip(" \t" + _NBSP))]
        if _NBSP in indent or _KEY_THEN_NBSP.match(line):
            col = (indent.index(_NBSP) if _NBSP in indent else line.index(_NBSP)) + 1
            found.append(Diagnostic.make(rel, (number, col), "yaml.syntax",
                                         "a non-breaking space is used where YAML needs a normal space",
                                         "delete the space and type it again (word processors and web pages insert "
                                         "non-breaking spaces when text is pasted)"))
    return found


def _quoted(line: str) -> str:
    """The line with its value in double quotes, as the fix for text holding ': '."""
    key, _, value = line.partition(": ")
    value = value.strip().strip(_CURLY).replace("\\", "\\\\").replace('"', '\\"')
    return f'{key.strip()}: "{value}"'


def _explain(err: yaml.MarkedYAMLError, lines: list[str]) -> tuple[str, str]:
    """The parser's complaint in plain words, with the fix, for the slips educators make most."""
    mark = err.problem_mark or err.context_mark
    line = lines[mark.line] if mark and mark.line < len(lines) else ""
    problem = err.problem or "invalid YAML"
    if "\t" in line[: len(line) - len(line.lstrip(" \t"))]:
        return ("the line is indented with a tab; YAML indentation must be spaces",
                "replace the tab with spaces (set your editor to insert spaces for the Tab key)")
    if "mapping values are not allowed" in problem:
        value = line.partition(": ")[2].lstrip()
        if value and value[0] in _CURLY:  # "" is in every string
            return (f"the text starts with a curly quote ({value[0]}), which YAML does not read as a quotation mark, "
                    "and it contains ': '", f"use straight quotes: {_quoted(line)}")
        return ("this text contains ': ' (a colon and a space), which YAML reads as the start of a new field",
                f"put the whole text in double quotes: {_quoted(line)}")
    if any(q in line for q in _CURLY):
        return (f"{problem}; the line has curly quotes, which YAML does not read as quotation marks",
                "use straight quotes (\" or ') around text")
    message = " ".join(filter(None, [problem, err.context and f"({err.context})"]))
    return message, "check indentation and quote text that contains ': ' or starts with a symbol"


def parse_text(text: str, rel: str) -> tuple[Located | None, list[Diagnostic]]:
    """Compose one YAML document into located data; diagnostics instead of exceptions."""
    invisible = _invisible_spaces(text, rel)
    if invisible:
        return None, invisible
    composer = _Composer(text)
    try:
        node = composer.get_single_node()
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        message, hint = _explain(err, text.splitlines())
        return None, [Diagnostic.make(rel, _pos(mark) if mark else (1, 1), "yaml.syntax", message, hint)]
    except yaml.YAMLError as err:
        return None, [Diagnostic.make(rel, (1, 1), "yaml.syntax", str(err), None)]
    if node is None:
        return None, [Diagnostic.make(rel, (1, 1), "yaml.empty", "the file is empty",
                                      "add at least the required fields, e.g. `title:` and `summary:`")]
    if not isinstance(node, yaml.MappingNode):
        found = "a list" if isinstance(node, yaml.SequenceNode) else "a single value"
        return None, [Diagnostic.make(rel, _pos(node.start_mark), "yaml.not-mapping",
                                      f"the file holds {found}, but it must be a mapping of field names to values",
                                      "start the file with `title: ...` rather than `- ...`")]
    builder = _Builder(rel, text)
    try:
        builder.located.data = builder.build(node, ())
    except _TooManyAliases as err:
        return None, [_alias_problem(rel, err.mark)]
    return builder.located, builder.diagnostics


def load_file(path: Path, rel: str) -> tuple[Located | None, list[Diagnostic]]:
    return load_bytes(path.read_bytes(), rel)


def load_bytes(raw: bytes, rel: str) -> tuple[Located | None, list[Diagnostic]]:
    """A file's bytes as located data; diagnostics instead of exceptions."""
    text, problems = _decode(raw, rel)
    if text is None:
        return None, problems
    return parse_text(text, rel)
