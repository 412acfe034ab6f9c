"""The worker pool: results in order, work started before its results are asked for, and warnings logged in a
worker reach the parent's loggers."""

import logging
import os
import signal
import subprocess
import sys
import time

import pytest
from pathlib import Path

from generator.cards import workers
from tests.conftest import REPO

KILLED_BUILD = """
import os, sys, time
from generator.cards import workers
# Each item takes a second: the pool reuses an idle worker, so with instant items a first worker that finished
# before the next item was sent (a loaded machine) served both, and only one was started.
workers.run_all(time.sleep, [1] * workers.WORKERS)
with open(sys.argv[1], "w") as out:
    print(*[p.pid for p in workers._pool()._processes.values()], file=out)
os.kill(os.getpid(), 9)
"""


def _square_and_complain(n: int) -> int:
    if n == 3:
        logging.getLogger("renderer").warning("Ignored `colour: red` at 1:2, unknown property.")
    return n * n


def test_results_come_back_in_order_and_worker_warnings_reach_the_parent(caplog):
    with caplog.at_level(logging.WARNING, logger="renderer"):
        assert workers.run_all(_square_and_complain, [1, 2, 3, 4], per_task=2) == [1, 4, 9, 16]
    assert [(r.name, r.getMessage()) for r in caplog.records] == [
        ("renderer", "Ignored `colour: red` at 1:2, unknown property.")]


def test_workers_exit_when_the_build_that_started_them_is_killed(tmp_path):
    listed = tmp_path / "workers.txt"
    done = subprocess.run([sys.executable, "-c", KILLED_BUILD, str(listed)], cwd=REPO, check=False,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,  # workers would keep a pipe open
                          env={**os.environ, "PYTHONPATH": str(REPO)})
    assert done.returncode == -signal.SIGKILL
    pids = [int(pid) for pid in listed.read_text().split()]
    assert len(pids) == workers.WORKERS > 1
    deadline = time.monotonic() + 30  # a bound on waiting, not a speed requirement: they leave within a second
    while any(_alive(pid) for pid in pids) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in pids)


def _alive(pid: int) -> bool:
    """Running, and not a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except FileNotFoundError:
        return False


def _leave_a_mark(path: str) -> int:
    Path(path).write_text("done")
    return os.getpid()


def test_started_work_runs_while_the_caller_goes_on_and_one_item_stays_home_until_workers_run(tmp_path, monkeypatch):
    """A build sends sheets and texts to the workers, renders its pages meanwhile, then collects: the work must not
    wait for the collecting call. A single item is not worth starting workers for; once they run, it goes to them."""
    with monkeypatch.context() as patch:
        patch.setattr(workers, "running", lambda: False)
        alone = tmp_path / "alone"
        results = workers.start_all(_leave_a_mark, [str(alone)])
        assert not alone.exists()  # no workers yet: done here, when asked
        assert results() == [os.getpid()] and alone.exists()

    marks = [tmp_path / f"mark-{n}" for n in range(3)]
    results = workers.start_all(_leave_a_mark, [str(mark) for mark in marks])
    deadline = time.monotonic() + 60  # a bound on waiting, not a speed requirement
    while not all(mark.exists() for mark in marks) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert all(mark.exists() for mark in marks)  # done before anyone asked for the results
    assert os.getpid() not in results()

    single = tmp_path / "single"
    assert workers.start_all(_leave_a_mark, [str(single)])() != [os.getpid()]  # the workers are running now


ABANDONED_BUILD = """
import sys, time
from pathlib import Path
from generator.cards import workers

def sheet(n):
    time.sleep(0.3)
    Path(sys.argv[1], f"{n}.done").write_text("")

if __name__ == "__main__":
    started = workers.start_all(sheet, list(range(24)))
    try:
        raise RuntimeError("a page template failed")
    except BaseException:
        workers.abandon()
        raise
"""


def test_a_build_that_fails_after_sending_sheets_does_not_wait_for_them(tmp_path):
    script = tmp_path / "build.py"
    script.write_text(ABANDONED_BUILD)
    done = subprocess.run([sys.executable, str(script), str(tmp_path)], cwd=REPO, capture_output=True, text=True,
                          env={**os.environ, "PYTHONPATH": str(REPO)}, check=False)
    assert done.returncode == 1 and "a page template failed" in done.stderr
    assert len(list(tmp_path.glob("*.done"))) < 24  # the sheets not yet started were dropped


def _fail_on_first(n: int) -> int:
    if n == 0:
        raise ValueError("no Pango")
    time.sleep(0.3)
    return n


def test_a_failed_item_cancels_the_items_not_yet_started():
    results = workers.start_all(_fail_on_first, list(range(12)))
    with pytest.raises(ValueError, match="no Pango"):
        results()
    assert workers.start_all(abs, [-1, -2])() == [1, 2]  # the workers still serve the next build
