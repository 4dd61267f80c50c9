"""Every worker QObject is freed on the GUI thread by ``join_and_free``, after its thread ended.

Freed by ``deleteLater`` (on its own thread as it ended, or by an event loop that runs without
the GIL), ~QObject holds Qt's signal-slot lock while PySide waits for the GIL: a Race keep hung
the window (and a land run) that way. Each test notes, as the worker is destroyed, the thread
and whether ``join_and_free`` (Python code, the GIL held) is on the stack.
"""

from __future__ import annotations

import threading
import traceback

from PySide6.QtCore import QObject, Qt, QThread, Slot

from nndesk.controllers.evaluation import JobRunner
from nndesk.controllers.explain import ExplainController
from nndesk.controllers.prediction import PredictionController
from nndesk.controllers.worker_freeing import join_and_free
from tests.controllers.test_race_controller import race, race_to_the_end  # noqa: F401
from tests.controllers.test_training_controller import (  # noqa: F401 - fixtures
    WAIT_MS,
    controller,
    run_to_the_end,
    tiny,
)

#: (thread, freed by join_and_free) of a worker freed as it should be
FREED_HERE = (threading.main_thread().name, True)


def noting_freeing(worker: QObject, into: list) -> None:
    """Append ``(thread name, join_and_free on the stack)`` to ``into`` as ``worker`` dies."""

    def note(*_):
        on_stack = any(f.name == "join_and_free" for f in traceback.extract_stack())
        into.append((threading.current_thread().name, on_stack))

    worker.destroyed.connect(note, Qt.ConnectionType.DirectConnection)  # in the freeing thread


def test_a_training_runs_worker_is_freed_when_its_thread_is_joined(qtbot, controller):  # noqa: F811
    freed: list = []
    started = controller.start

    def start_noting(*args, **kwargs):
        started(*args, **kwargs)
        noting_freeing(controller._worker, freed)  # noqa: SLF001 - freed only once joined

    controller.start = start_noting
    run_to_the_end(qtbot, controller)
    assert freed == [FREED_HERE]


def test_the_train_pages_model_reader_is_freed_at_shutdown(qtbot, controller, tmp_path):  # noqa: F811
    bad = tmp_path / "broken.npz"
    bad.write_bytes(b"PK\x03\x04 not a model")
    with qtbot.waitSignal(controller.model_failed, timeout=WAIT_MS):
        controller.open_model(bad)
    freed: list = []
    noting_freeing(controller._reader, freed)  # noqa: SLF001
    assert controller.shutdown()
    assert freed == [FREED_HERE]


def test_a_races_worker_is_freed_when_its_thread_is_joined(qtbot, race):  # noqa: F811
    freed: list = []
    started = race._start_worker_thread  # noqa: SLF001

    def start_noting(worker, name):
        noting_freeing(worker, freed)
        return started(worker, name)

    race._start_worker_thread = start_noting  # noqa: SLF001
    race_to_the_end(qtbot, race)
    assert freed == [FREED_HERE]


def test_a_job_runners_worker_is_freed_at_shutdown(qtbot):
    runner = JobRunner()
    with qtbot.waitSignal(runner.succeeded, timeout=WAIT_MS):
        runner.submit(lambda progress: "done")
    freed: list = []
    noting_freeing(runner._worker, freed)  # noqa: SLF001
    runner.shutdown()
    assert freed == [FREED_HERE]


def test_the_prediction_worker_is_freed_at_shutdown(qtbot):
    ctl = PredictionController()
    freed: list = []
    noting_freeing(ctl._worker, freed)  # noqa: SLF001
    ctl.shutdown()
    assert freed == [FREED_HERE]


def test_the_explain_runners_are_freed_at_shutdown(qtbot):
    ctl = ExplainController()
    freed: list = []
    noting_freeing(ctl._attributions._runner, freed)  # noqa: SLF001
    noting_freeing(ctl._neighbours._runner, freed)  # noqa: SLF001
    ctl.shutdown()
    assert freed == [FREED_HERE, FREED_HERE]


def test_a_worker_whose_thread_will_not_end_is_left_alone(qtbot):
    """Freed while its thread can still run it, a worker would be used after it is gone."""
    hold = threading.Event()

    class Stuck(QObject):
        @Slot()
        def run(self) -> None:
            hold.wait(WAIT_MS / 1000)  # a bound for a hang only: the test sets it

    thread, worker = QThread(), Stuck()
    worker.moveToThread(thread)
    thread.started.connect(worker.run)
    thread.start()
    try:
        assert not join_and_free(thread, worker, timeout_ms=50)
        freed: list = []
        noting_freeing(worker, freed)
        hold.set()
        assert join_and_free(thread, worker)
        assert freed == [FREED_HERE]
    finally:
        hold.set()
        thread.wait()
