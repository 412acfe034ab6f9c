"""The few mkdocs.yml settings the generator needs (site_url), read without importing MkDocs."""

from __future__ import annotations

import os
from pathlib import Path

import yaml


class _ConfigLoader(yaml.SafeLoader):
    """Understands MkDocs' `!ENV` tag; other Python tags (emoji settings) are irrelevant here."""


def _env(loader: _ConfigLoader, node: yaml.Node) -> object:
    values = loader.construct_sequence(node) if isinstance(node, yaml.SequenceNode) else [loader.construct_scalar(node)]
    *names, default = values if len(values) > 1 else (*values, None)
    return next((os.environ[n] for n in names if n in os.environ), default)


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def site_url(mkdocs_yml: Path) -> str:
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=_ConfigLoader) or {}  # noqa: S506
    url = config.get("site_url") or ""
    return url if url.endswith("/") else url + "/"
