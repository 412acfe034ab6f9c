"""Pure work on the second core: a forked copy of this process computes a value while this one goes on.

Used for page rendering, which needs the whole checked knowledge base: a fork shares it for free (copy on write),
where a spawned worker would have to load and link it again; and for parsing half of the content files when the
parse cache lacks many of them (parse_cache.py). Forking is only safe in a process with one thread
(a lock another thread holds at the fork stays locked in the child for ever), so the work runs in this process,
when its result is asked for, wherever that cannot be guaranteed or would not help: not Linux, one usable core,
more than one thread (a pytest-xdist worker, a build after the PDF workers started), or a fork the system refuses.
Sphinx's parallel build forks the same way.

The child only computes and pickles its result into a pipe; it writes no file and leaves with os._exit, so none of
this process's exit handlers (a cache saved at exit) runs twice. It dies with this process (PR_SET_PDEATHSIG), so a
build killed outright leaves no renderer holding memory.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import signal
import sys
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")
_PR_SET_PDEATHSIG = 1


def can_fork() -> bool:
    """Linux, more than one usable core, and exactly one thread here (Python's or any library's: /proc lists all)."""
    if sys.platform != "linux" or len(os.sched_getaffinity(0)) < 2:
        return False
    try:
        return len(os.listdir("/proc/self/task")) == 1
    except OSError:  # no /proc: threads cannot be counted
        return False


class Pending(Generic[T]):
    """A value being computed, in a forked child when forking is safe, else here when it is asked for."""

    def __init__(self, work: Callable[[], T]) -> None:
        self._work = work
        self._child: int | None = None
        self._pipe: int | None = None
        if can_fork():
            self._start()

    def _start(self) -> None:
        parent = os.getpid()
        try:
            read, write = os.pipe()
        except OSError:  # no file descriptor left: work here instead
            return
        try:
            pid = os.fork()
        except OSError:  # too many processes, no memory to copy the page tables: work here instead
            os.close(read)
            os.close(write)
            return
        if pid == 0:
            try:
                os.close(read)
                _die_with(parent)
                _compute_and_leave(self._work, write)
            finally:
                os._exit(1)  # whatever happened, the child never runs this process's code after the fork
        os.close(write)
        self._child, self._pipe = pid, read

    def result(self) -> T:
        """The value; when the child failed, the work runs here, so a bug shows its own traceback."""
        if self._child is None:
            return self._work()
        child, pipe = self._child, self._pipe
        self._child = self._pipe = None  # from here on this call owns both: a later cancel() has nothing to do
        try:
            with os.fdopen(pipe, "rb") as reader:
                data = reader.read()
            _, status = os.waitpid(child, 0)
        except BaseException:  # Ctrl+C or SIGTERM while waiting: stop the child, keep the interruption
            _stop(child)
            raise
        if status == 0 and data:
            return pickle.loads(data)  # noqa: S301 - our own fork's output, through a pipe only it holds
        return self._work()

    def cancel(self) -> None:
        """Stop the child (the build failed or its result is not needed) and reap it, leaving no zombie."""
        if self._child is None:
            return
        child, pipe = self._child, self._pipe
        self._child = self._pipe = None
        os.close(pipe)
        _stop(child)


def _die_with(parent: int) -> None:
    """In the child: be killed when the process that forked it ends (Linux), even by SIGKILL."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass
    if os.getppid() != parent:  # it ended before the request took effect
        os._exit(1)


def _stop(child: int) -> None:
    try:
        os.kill(child, signal.SIGKILL)
    except ProcessLookupError:
        pass
    try:
        os.waitpid(child, 0)
    except ChildProcessError:
        pass


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
