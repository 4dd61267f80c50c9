"""The one collector of a worker's batch reports (training runs and races both use it)."""

from __future__ import annotations

from nndesk.controllers.worker_thread import Batcher


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_reports_are_emitted_together_once_the_interval_has_passed_and_on_flush():
    clock, emitted = Clock(), []
    batches = Batcher(emitted.append, interval=0.05, clock=clock)
    batches.add(1)
    clock.now = 0.03
    batches.add(2)
    assert emitted == []
    clock.now = 0.05
    batches.add(3)
    assert emitted == [(1, 2, 3)]
    clock.now = 0.09  # 0.04 after the last emission by time: collected
    batches.add(4)
    batches.flush()  # an epoch's end: what is collected goes now
    batches.flush()  # nothing collected: nothing emitted
    assert emitted == [(1, 2, 3), (4,)]
    clock.now = 0.10  # the interval counts from the last emission by time (0.05)
    batches.add(5)
    assert emitted == [(1, 2, 3), (4,), (5,)]


def test_an_interval_of_zero_emits_every_report_on_its_own():
    emitted: list = []
    batches = Batcher(emitted.append, interval=0.0, clock=Clock())
    for report in "abc":
        batches.add(report)
    assert emitted == [("a",), ("b",), ("c",)]


def test_a_run_over_every_core_hears_of_its_batches_five_times_less_often(monkeypatch):
    """speed57: the GUI thread's work for each emission shares the cores a split run holds."""
    from nndesk.controllers import worker_thread

    monkeypatch.setattr(worker_thread, "BATCH_EMIT_INTERVAL", 0.05)
    clock, emitted = Clock(), []
    batches = Batcher(emitted.append, clock=clock, busy=True)
    batches.add(1)
    clock.now = 0.2
    batches.add(2)
    assert emitted == []
    clock.now = 0.25
    batches.add(3)
    assert emitted == [(1, 2, 3)]


def test_no_group_goes_by_time_while_the_gui_thread_has_not_handled_the_last():
    """walk65 D7: a GUI thread slower than the interval had groups queue up, and after Pause
    its counter went on for seconds. Held back, the reports go together once it is done."""
    clock, emitted, taken = Clock(), [], [0]
    batches = Batcher(emitted.append, interval=0.0, clock=clock, taken=lambda: taken[0])
    batches.add(1)
    assert emitted == [(1,)] and batches.sent == 1
    for report in (2, 3, 4):  # the GUI thread still draws group (1,)
        clock.now += 1.0
        batches.add(report)
    assert emitted == [(1,)] and not batches.handled()
    taken[0] = 1  # handled: the next report takes every one held back with it
    batches.add(5)
    assert emitted == [(1,), (2, 3, 4, 5)]
    batches.add(6)
    batches.flush()  # an epoch's end, a pause: goes whether or not the last was handled
    assert emitted == [(1,), (2, 3, 4, 5), (6,)] and batches.sent == 3
