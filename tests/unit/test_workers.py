"""The worker pool: results in order, and warnings logged in a worker reach the parent's loggers."""

import logging

from generator.cards import workers


def _square_and_complain(n: int) -> int:
    if n == 3:
        logging.getLogger("renderer").warning("Ignored `colour: red` at 1:2, unknown property.")
    return n * n


def test_results_come_back_in_order_and_worker_warnings_reach_the_parent(caplog):
    with caplog.at_level(logging.WARNING, logger="renderer"):
        assert workers.run_all(_square_and_complain, [1, 2, 3, 4], per_task=2) == [1, 4, 9, 16]
    assert [(r.name, r.getMessage()) for r in caplog.records] == [
        ("renderer", "Ignored `colour: red` at 1:2, unknown property.")]
