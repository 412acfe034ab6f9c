"""Run one function over many independent inputs on every core: a pool of worker processes, started once."""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache
from multiprocessing import get_context
from typing import TypeVar

from ..heard import hearing

WORKERS = max(1, min(len(os.sched_getaffinity(0)), 4))
"""Worker processes: every core this process may use, at most four (each holds its own WeasyPrint)."""

In = TypeVar("In")
Out = TypeVar("Out")


def run_all(function: Callable[[In], Out], items: list[In], per_task: int = 1) -> list[Out]:
    """function(item) for each item, in order (see `start_all`)."""
    return start_all(function, items, per_task)()


def start_all(function: Callable[[In], Out], items: list[In], per_task: int = 1) -> Callable[[], list[Out]]:
    """function(item) for each item, started now on the workers; the returned call waits for the results, in order.

    The items stay in this process when there is one core, or one item and no workers started yet (starting them
    costs more than one item); they are then done when the results are asked for. `per_task` items travel to a
    worker together (fewer round trips); the worker still handles them one by one.
    """
    if WORKERS == 1 or not items or (len(items) == 1 and not running()):
        return lambda: [function(item) for item in items]
    try:
        futures = [_pool().submit(_each_with_warnings, function, items[start:start + per_task])
                   for start in range(0, len(items), per_task)]
    except BrokenProcessPool:
        _pool.cache_clear()  # a worker died (out of memory, killed): the next build starts fresh workers
        raise

    def results() -> list[Out]:
        try:
            done = [pair for future in futures for pair in future.result()]
        except BaseException as error:
            for future in futures:  # the rest is of no use now; Python would wait for it at exit
                future.cancel()
            if isinstance(error, BrokenProcessPool):
                _pool.cache_clear()
            raise
        for _, heard in done:
            for record in heard:
                logging.getLogger(record.name).handle(record)
        return [result for result, _ in done]

    return results


def running() -> bool:
    """Whether this process has started its workers."""
    return bool(_pool.cache_info().currsize)


def _each_with_warnings(function: Callable[[In], Out], items: list[In]) -> list[tuple[Out, list[logging.LogRecord]]]:
    return [_with_warnings(function, item) for item in items]


def _with_warnings(function: Callable[[In], Out], item: In) -> tuple[Out, list[logging.LogRecord]]:
    """function(item) in a worker, with the warnings it logged, so the parent logs them as if made there
    (a stylesheet rule WeasyPrint ignores is reported whichever process rendered the card)."""
    with hearing() as heard:
        result = function(item)
    for record in heard.records:
        record.msg, record.args, record.exc_info = record.getMessage(), None, None  # plain enough to pickle
    return result, heard.records


@cache
def _pool() -> ProcessPoolExecutor:
    """One pool per process, started on first use, so repeated builds (`stride serve`) skip loading WeasyPrint.

    spawn, not fork: `stride serve` runs threads, and forking a threaded process can deadlock the child.
    """
    return ProcessPoolExecutor(WORKERS, mp_context=get_context("spawn"), initializer=_leave_with_parent,
                               initargs=(os.getpid(),))


def _leave_with_parent(parent: int) -> None:
    """In a worker: exit when the build that started it is gone. A build killed outright (SIGKILL, out of memory)
    never shuts its pool down, and its workers would otherwise wait for work forever, each holding a WeasyPrint."""

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(0)

    threading.Thread(target=watch, name="leave-with-parent", daemon=True).start()


def abandon() -> None:
    """Stop the workers without waiting for work they have not started: a build that failed or was interrupted
    after sending its sheets has no use for them, and Python would otherwise wait for all of them at exit."""
    if running():
        pool = _pool()
        pool.shutdown(wait=False, cancel_futures=True)
        _ABANDONED.append(pool)  # its manager thread drops the cancelled work only while the pool is alive
        _pool.cache_clear()


_ABANDONED: list[ProcessPoolExecutor] = []


def stop() -> None:
    """Stop the workers (they are started again when needed)."""
    if running():
        _pool().shutdown()
        _pool.cache_clear()
