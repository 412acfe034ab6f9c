"""side_process: work on the second core in a fork, only where forking is safe, and nothing lost when it fails.

pytest-xdist workers run threads, so each fork case runs in a fresh single-threaded interpreter."""

import os
import subprocess
import sys
import textwrap

from generator import side_process
from generator.side_process import Pending
from tests.conftest import REPO


def run(script: str) -> str:
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(script)], cwd=REPO, capture_output=True, text=True,
                          check=False, timeout=120)
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


def test_cancel_stops_the_child_and_leaves_no_zombie():
    out = run("""
        import os, time
        from generator.side_process import Pending
        pending = Pending(lambda: time.sleep(600))
        pending.cancel()
        try:
            os.waitpid(-1, os.WNOHANG)
            print("a child is left")
        except ChildProcessError:
            print("no child left")
    """)
    assert out.strip() == "no child left"


def test_the_child_leaves_without_running_this_process_exit_handlers():
    out = run("""
        import atexit
        from generator.side_process import Pending
        atexit.register(print, "exit handler")  # e.g. a cache saved at exit: the child must not save a copy
        print(Pending(lambda: "result").result())
    """)
    assert out == "result\nexit handler\n"


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
