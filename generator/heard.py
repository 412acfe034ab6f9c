"""Warnings that libraries log instead of raising (MkDocs, WeasyPrint), collected so stride can report them."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager


class Heard(logging.Handler):
    """Every record of WARNING or above that reaches the logger it is added to."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    @property
    def messages(self) -> list[str]:
        return [record.getMessage() for record in self.records]


@contextmanager
def hearing(logger: str = "") -> Iterator[Heard]:
    """Collect the warnings logged to `logger` (and the loggers below it; "" is every logger) while inside."""
    heard = Heard()
    log = logging.getLogger(logger)
    log.addHandler(heard)
    try:
        yield heard
    finally:
        log.removeHandler(heard)
