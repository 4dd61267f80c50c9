"""The one process-wide BLAS thread count, held from several threads (training/runtime.py)."""

from __future__ import annotations

import threading

import pytest

from nndesk.training import runtime
from nndesk.training.runtime import BlasLimit
from tests.conftest import blas_threads_at


class FakeBlas:
    """A BLAS library's thread count, as threadpoolctl's controller shows it."""

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self.sets = 0

    def get_num_threads(self) -> int:
        return self.threads

    def set_num_threads(self, n: int) -> None:
        self.threads, self.sets = n, self.sets + 1


def test_holds_ended_out_of_order_leave_the_newest_open_one_then_the_first_count():
    lib = FakeBlas(4)
    limit = BlasLimit([lib])
    training = limit.hold(3)  # the training worker, beside the window
    lab = limit.hold(1)  # the Lab, on its own thread, starts later
    assert lib.threads == 1
    limit.release(training)  # training ends first: the Lab's hold stays in force
    assert lib.threads == 1
    limit.release(lab)
    assert lib.threads == 4  # not the 3 the Lab found when it began


def test_ending_an_older_hold_keeps_the_newer_count_without_touching_blas():
    lib = FakeBlas(2)
    limit = BlasLimit([lib])
    older, newer = limit.hold(1), limit.hold(2)
    sets = lib.sets
    limit.release(older)
    assert (lib.threads, lib.sets) == (2, sets)
    limit.release(newer)
    assert lib.threads == 2


def test_every_library_gets_its_own_count_back():
    a, b = FakeBlas(8), FakeBlas(2)
    limit = BlasLimit([a, b])
    hold = limit.hold(1)
    assert (a.threads, b.threads) == (1, 1)
    limit.release(hold)
    assert (a.threads, b.threads) == (8, 2)


def test_holds_from_many_threads_in_any_order_end_at_the_count_from_before():
    lib = FakeBlas(6)
    limit = BlasLimit([lib])
    barrier = threading.Barrier(8)
    errors: list[BaseException] = []

    def worker(n: int) -> None:
        try:
            first = limit.hold(n)
            barrier.wait()  # every thread holds at once, then they end in whatever order
            for _ in range(200):
                limit.release(limit.hold(n))
            limit.release(first)
        except BaseException as e:  # a broken lock shows as an error here, not a hang
            errors.append(e)

    threads = [threading.Thread(target=worker, args=(1 + k % 3,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert lib.threads == 6


def test_the_real_blas_comes_back_when_blocks_on_two_threads_end_out_of_order():
    threadpoolctl = pytest.importorskip("threadpoolctl")

    def counts() -> list[int]:
        return [
            i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"
        ]

    # two threads to start from, whatever the process's default (one per pytest-xdist worker):
    # a block's limit of 1 left behind must be told from it
    with blas_threads_at(2):
        before = counts()
        if not before:
            pytest.skip("no BLAS library threadpoolctl can set")
        entered, leave = threading.Event(), threading.Event()

        def lab() -> None:  # as the Lab's worker: on its own thread, ending last
            with runtime.blas_threads(2):
                entered.set()
                leave.wait()

        training = runtime.blas_threads(1)  # as the training worker's limit beside the window
        training.__enter__()
        other = threading.Thread(target=lab)
        other.start()
        entered.wait()
        training.__exit__(None, None, None)  # training ends while the Lab still computes
        assert set(counts()) == {2}
        leave.set()
        other.join()
        # a block restoring what it found would leave the 1 behind
        assert counts() == before == [2] * len(before)


def _blas_counts() -> list[int]:
    threadpoolctl = pytest.importorskip("threadpoolctl")
    return [i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"]


def test_a_limit_taken_on_a_thread_python_did_not_start_leaves_later_limits_free():
    """The window's training worker is a Qt thread: to Python it never ends. threadpoolctl 3.8
    lets only the first thread that set OpenBLAS's count set it again, so after the window's
    first run every later limit, on any thread, was ignored (issue 18)."""
    import _thread

    before = _blas_counts()
    seen: list[list[int]] = []
    done = threading.Event()

    def like_a_qt_worker() -> None:
        with runtime.blas_threads(before[0] + 1):
            seen.append(_blas_counts())
        done.set()

    _thread.start_new_thread(like_a_qt_worker, ())
    assert done.wait(60)
    with runtime.blas_threads(before[0] + 2):
        here = _blas_counts()
    assert seen == [[before[0] + 1] * len(before)]
    assert here == [before[0] + 2] * len(before)
    assert _blas_counts() == before
