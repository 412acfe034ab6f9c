"""The project's mkdocs.yml, read without importing an engine: site_url for cards, and the base of the engine config."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import yaml


@dataclass(frozen=True)
class PythonTag:
    """A `!!python/...` value (e.g. the emoji index) kept as written, for the engine to resolve."""

    node: yaml.Node


class _ConfigLoader(yaml.SafeLoader):
    """Understands MkDocs' `!ENV` tag and keeps Python tags as they are."""


class _ConfigDumper(yaml.SafeDumper):
    """Writes PythonTag values back with their tag."""


def _env(loader: _ConfigLoader, node: yaml.Node) -> object:
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *names, default = values if len(values) > 1 else (*values, None)
    value = next((os.environ[n] for n in names if n in os.environ), default)
    if isinstance(value, str) and value.lower() in ("true", "false"):
        return value.lower() == "true"
    return value


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: PythonTag(node))
_ConfigDumper.add_representer(PythonTag, lambda dumper, value: value.node)


def load(mkdocs_yml: Path) -> dict:
    """The project's site settings, with `!ENV` values resolved."""
    return yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}  # noqa: S506 - safe loader subclass


def dump(config: dict) -> str:
    return yaml.dump(config, Dumper=_ConfigDumper, sort_keys=False, allow_unicode=True, width=120)


def site_url(mkdocs_yml: Path) -> str:
    url = load(mkdocs_yml).get("site_url") or ""
    return url if url.endswith("/") else url + "/"
