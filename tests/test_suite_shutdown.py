"""The test process's own end (tests/conftest.py): quick enough that pytest-xdist never
interrupts it (walk53 #12)."""

from __future__ import annotations

import gc
import weakref


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def test_the_session_end_collects_then_leaves_pytests_cleanup_collections_nothing_to_walk():
    """A green run printed "PytestUnraisableExceptionWarning … gc_callback … KeyboardInterrupt"
    after ``[100%]``: pytest's five cleanup collections over a worker's whole heap outlasted
    the 5 s pytest-xdist's main process allows a worker that said it finished, and it sent
    the worker a SIGINT. The session's end frees the garbage first and freezes the rest."""
    from tests import conftest

    garbage = _Cycle()
    gone = weakref.ref(garbage)
    del garbage
    tracked_before = len(gc.get_objects())
    try:
        conftest.pytest_sessionfinish(session=None, exitstatus=0)
        assert gone() is None  # collected before the worker says it finished
        # what pytest's cleanup collections walk: a few objects, not this process's heap
        assert len(gc.get_objects()) < min(1_000, tracked_before // 10)
        assert gc.get_freeze_count() >= tracked_before // 2
    finally:
        gc.unfreeze()  # the tests after this one collect as before
