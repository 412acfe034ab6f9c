"""The worker pool: results in order, and warnings logged in a worker reach the parent's loggers."""

import logging
import os
import signal
import subprocess
import sys
import time

from generator.cards import workers
from tests.conftest import REPO

KILLED_BUILD = """
import os, sys
from generator.cards import workers
workers.run_all(abs, [1, 2])
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
