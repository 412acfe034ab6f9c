"""side_process: work on the second core in a fork, only where forking is safe, and nothing lost when it fails.

pytest-xdist workers run threads, so each fork case runs in a fresh single-threaded interpreter."""

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from generator import side_process
from generator.side_process import Pending
from tests.conftest import REPO


def run(*parts: str, args: tuple[str, ...] = ()) -> str:
    """What a fresh interpreter prints running the script made of `parts` (each indented its own way) with `args`."""
    script = "\n".join(textwrap.dedent(part) for part in parts)
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=REPO, capture_output=True, text=True, check=False,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_work_runs_in_a_forked_child_and_its_result_comes_back():
    out = run("""
        import os
        from generator.side_process import Pending
        here = os.getpid()
        pending = Pending(lambda: {"pid": os.getpid(), "pages": {f"p{i}.md": "x" * i for i in range(2000)}})
        result = pending.result()
        print(result["pid"] != here, result["pages"]["p1999.md"] == "x" * 1999, len(result["pages"]))
    """)
    assert out.split() == ["True", "True", "2000"]


def test_a_child_that_fails_is_replaced_by_the_work_here():
    out = run("""
        import os
        from generator.side_process import Pending
        here = os.getpid()

        def fails_in_the_child():
            if os.getpid() != here:
                raise MemoryError("the child ran out")
            return "made here"

        print(Pending(fails_in_the_child).result())
    """)
    assert out.strip() == "made here"


def test_a_bug_in_the_work_shows_its_own_error_here():
    done = subprocess.run([sys.executable, "-c", textwrap.dedent("""
        from generator.side_process import Pending
        def broken():
            raise KeyError("missing-template")
        Pending(broken).result()
    """)], cwd=REPO, capture_output=True, text=True, check=False, timeout=120)
    assert done.returncode == 1
    assert "KeyError: 'missing-template'" in done.stderr
    assert "in broken" in done.stderr  # the traceback points at the work itself


NO_CHILD_LEFT = """
    try:
        os.waitpid(-1, os.WNOHANG)
        print("a child is left")
    except ChildProcessError:
        print("no child left")
"""


def test_cancel_stops_the_child_and_leaves_no_zombie():
    out = run("""
        import os, time
        from generator.side_process import Pending
        pending = Pending(lambda: time.sleep(600))
        print("child running" if os.waitpid(-1, os.WNOHANG) == (0, 0) else "no child")
        pending.cancel()
    """, NO_CHILD_LEFT)
    assert out.split("\n")[:2] == ["child running", "no child left"]


def test_ctrl_c_while_waiting_for_the_child_stays_a_ctrl_c_and_stops_the_child():
    out = run("""
        import os, signal, time
        from generator.side_process import Pending

        def interrupt(signum, frame):
            raise KeyboardInterrupt

        signal.signal(signal.SIGALRM, interrupt)
        pending = Pending(lambda: time.sleep(600))
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        try:
            pending.result()
        except KeyboardInterrupt:
            print("interrupted")
        pending.cancel()  # as a build's `finally` does: nothing left to stop, no descriptor closed twice
    """, NO_CHILD_LEFT)
    assert out.split() == ["interrupted", "no", "child", "left"]


@pytest.mark.parametrize(("call", "error"), [("fork", "EAGAIN"), ("pipe", "EMFILE")])
def test_a_fork_or_pipe_the_system_refuses_means_the_work_runs_here_and_no_descriptor_leaks(call, error):
    """Too many processes or no memory for the fork (EAGAIN); no file descriptor left for the pipe (EMFILE)."""
    out = run("""
        import errno, os, sys
        from generator.side_process import Pending

        call, error = sys.argv[1:]

        def refuse():
            raise OSError(getattr(errno, error), os.strerror(getattr(errno, error)))

        setattr(os, call, refuse)
        before = len(os.listdir("/proc/self/fd"))
        here = os.getpid()
        print(Pending(os.getpid).result() == here, len(os.listdir("/proc/self/fd")) == before)
    """, args=(call, error))
    assert out.split() == ["True", "True"]


def test_the_child_dies_with_a_build_killed_outright():
    done = subprocess.run([sys.executable, "-c", textwrap.dedent("""
        import os, signal, sys, time
        from generator.side_process import Pending
        pending = Pending(lambda: time.sleep(600))
        print(pending._child, flush=True)
        os.kill(os.getpid(), signal.SIGKILL)
    """)], cwd=REPO, capture_output=True, text=True, check=False, timeout=120)
    child = int(done.stdout)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and _alive(child):
        time.sleep(0.1)
    assert not _alive(child), "the renderer kept running after its build was killed"


def _alive(pid: int) -> bool:
    """Running, not a zombie waiting for init to reap it."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


def test_with_one_usable_core_nothing_is_forked():
    out = run("""
        import os
        from generator.side_process import Pending, can_fork
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
        print(can_fork(), Pending(os.getpid).result() == os.getpid())
    """)
    assert out.split() == ["False", "True"]


def test_the_child_leaves_without_running_this_process_exit_handlers():
    out = run("""
        import atexit, os
        from generator.side_process import Pending
        here = os.getpid()
        atexit.register(print, "exit handler")  # e.g. a cache saved at exit: the child must not save a copy
        print(Pending(lambda: os.getpid() != here).result())
    """)
    assert out == "True\nexit handler\n"  # the work ran in a child, which ran no exit handler


def test_a_process_with_threads_does_the_work_itself():
    out = run("""
        import os, threading
        from generator.side_process import Pending, can_fork
        print(can_fork())
        threading.Thread(target=threading.Event().wait, daemon=True).start()
        print(can_fork(), Pending(os.getpid).result() == os.getpid())
    """)
    assert out.split() == ["True", "False", "True"]


def test_where_forking_is_unsafe_the_work_runs_here_when_asked_for(monkeypatch):
    monkeypatch.setattr(side_process, "can_fork", lambda: False)
    ran = []
    pending = Pending(lambda: ran.append(os.getpid()) or 42)
    assert ran == []
    assert pending.result() == 42
    assert ran == [os.getpid()]
    pending.cancel()  # nothing to stop
