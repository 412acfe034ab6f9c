"""Pure work on the second core: a forked copy of this process computes a value while this one goes on.

Used for page rendering, which needs the whole checked knowledge base: a fork shares it for free (copy on write),
where a spawned worker would have to load and link it again. Forking is only safe in a process with one thread
(a lock another thread holds at the fork stays locked in the child for ever), so the work runs in this process,
when its result is asked for, wherever that cannot be guaranteed: not Linux, or more than one thread (a pytest-xdist
worker, a build after the PDF workers started). Sphinx's parallel build forks the same way.

The child only computes and pickles its result into a pipe; it writes no file and leaves with os._exit, so none of
this process's exit handlers (a cache saved at exit) runs twice.
"""

from __future__ import annotations

import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Linux, and this process has exactly one thread (Python's or any library's: /proc lists every one)."""
    return sys.platform == "linux" and hasattr(os, "fork") and len(os.listdir("/proc/self/task")) == 1


class Pending(Generic[T]):
    """A value being computed, in a forked child when forking is safe, else here when it is asked for."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._child: int | None = None
        self._pipe: int | None = None
        if can_fork():
            self._start()

    def _start(self) -> None:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read)
            _compute_and_leave(self._work, write)
        os.close(write)
        self._child, self._pipe = pid, read

    def result(self) -> T:
        """The value; when the child failed, the work runs here, so a bug shows its own traceback."""
        if self._child is None:
            return self._work()
        with os.fdopen(self._pipe, "rb") as pipe:
            data = pipe.read()
        _, status = os.waitpid(self._child, 0)
        self._child = None
        if status == 0 and data:
            return pickle.loads(data)  # noqa: S301 - our own fork's output, through a pipe only it holds
        return self._work()

    def cancel(self) -> None:
        """Stop the child (the build failed or its result is not needed) and reap it, leaving no zombie."""
        if self._child is None:
            return
        os.kill(self._child, signal.SIGKILL)
        os.waitpid(self._child, 0)
        os.close(self._pipe)
        self._child = None


def _compute_and_leave(work: Callable[[], object], write: int) -> None:
    """In the child: the pickled result into the pipe, then exit at once (status 1 when anything failed)."""
    status = 1
    try:
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(write, "wb") as pipe:
            pipe.write(data)
        status = 0
    except BaseException:  # noqa: BLE001 - reported through the status; the parent runs the work again to show it
        pass
    finally:
        os._exit(status)
