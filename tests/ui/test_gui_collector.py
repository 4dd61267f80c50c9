"""Python's cyclic collector runs on the GUI thread only: a reference cycle holding a QObject of
the GUI thread is never freed (its C++ object deleted) by a worker whose allocations set the
collector off."""

from __future__ import annotations

import gc
import sys
import threading
import weakref

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from nndesk.app import startup
from nndesk.ui import gui_collector
from nndesk.ui.gui_collector import due_generation
from nndesk.ui.off_gui import Delivery, render_pool, run_off_gui

THRESHOLDS = (700, 10, 10)


def _allocate_cycles(n: int) -> int:
    """What a chart render does to the collector's counts: ``n`` small reference cycles."""
    for _ in range(n):
        cycle: list = []
        cycle.append(cycle)
    return n


def _drop_a_cycle_holding_a_qobject(freed_on: list) -> weakref.ref:
    owner = QObject()  # no Qt parent: freeing its wrapper deletes the C++ object
    owner.cycle = [owner]  # only the collector frees it
    return weakref.ref(owner, lambda _ref: freed_on.append(threading.current_thread()))


def test_a_closed_pages_qobject_is_freed_on_the_gui_thread_not_by_a_render_job(qtbot):
    """As a CI worker died: a render job building a chart allocated past the collector's
    threshold, and the collection, on the render pool, freed an earlier test's page and the
    parentless QObjects in its cycles (Delivery, the controllers)."""
    freed_on: list = []
    delivery = Delivery()
    gc.collect()  # the counts start from zero: the cycle below is of the youngest generation
    ref = _drop_a_cycle_holding_a_qobject(freed_on)
    with qtbot.waitSignal(delivery.delivered) as job:
        run_off_gui(render_pool(), delivery, None, lambda: _allocate_cycles(20_000))
    assert job.args == [None, 20_000]
    qtbot.waitUntil(lambda: ref() is None)  # the GUI thread's timer collected it
    assert freed_on == [threading.main_thread()]


def test_the_automatic_collection_is_off_and_the_gui_thread_collects_what_is_due(qapp):
    assert not gc.isenabled()
    collector = gui_collector.collect_on_gui_thread(qapp)
    assert collector is gui_collector.collect_on_gui_thread(qapp)  # one per application
    collector.collect_due()
    _allocate_cycles(gc.get_threshold()[0] + 100)
    assert collector.collect_due() is not None
    assert gc.get_count()[0] < gc.get_threshold()[0]


@pytest.mark.parametrize(
    "counts, pending, total, due",
    [
        ((700, 10, 10), 0, 0, None),  # none past its threshold: nothing to do
        ((701, 0, 0), 0, 0, 0),
        ((701, 11, 0), 0, 0, 1),
        ((701, 11, 11), 2_499, 10_000, 1),  # a full one waits for a quarter more objects
        ((701, 11, 11), 2_500, 10_000, 2),
        ((701, 0, 11), 2_500, 10_000, 2),
        ((701, 11, 10), 9_999, 10, 1),  # the oldest's count is not past its threshold
        ((0, 11, 11), 2_500, 10_000, None),  # only a full youngest generation starts one
    ],
)
def test_the_generation_due_is_cpythons(counts, pending, total, due):
    assert due_generation(counts, THRESHOLDS, pending, total) == due


def test_a_zero_threshold_collects_nothing_as_in_cpython():
    assert due_generation((10**6, 100, 100), (0, 10, 10), 10**6, 0) is None


def test_the_window_collects_on_the_gui_thread_from_the_start(qtbot, monkeypatch):
    """``nndesk`` (``app.run``) turns the automatic collection over to the GUI thread."""
    given = []
    desk = _Desk()
    qtbot.addWidget(desk.window)
    monkeypatch.setattr(startup, "collect_on_gui_thread", given.append)
    monkeypatch.setattr(startup, "build_window", lambda: desk)
    monkeypatch.setattr(startup, "freeze_startup_objects", lambda: 0)
    monkeypatch.setattr(startup.theme, "apply_theme", lambda *a: None)
    monkeypatch.setattr(startup.language, "use_language", lambda *a: None)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(startup.preferences, "window_geometry", lambda: None)
    monkeypatch.setattr(startup.preferences, "window_place", lambda: None)
    qt_app = QApplication.instance()
    names = qt_app.applicationName(), qt_app.organizationName()
    try:
        assert startup.run() == 0
    finally:
        qt_app.setApplicationName(names[0])
        qt_app.setOrganizationName(names[1])
    assert given == [qt_app]


class _Desk:
    """What ``run`` needs of ``build_window``'s answer."""

    def __init__(self) -> None:
        self.window = QWidget()


def test_a_delivery_whose_widget_went_while_its_job_ran_is_freed_on_the_gui_thread(qtbot):
    """The job held the last reference to its Delivery once the widget was gone, and let go of
    it on the render pool's thread: the Delivery (a parentless QObject) was deleted there."""
    freed_on: list = []
    started, gate = threading.Event(), threading.Event()
    delivery = Delivery()
    ref = weakref.ref(delivery, lambda _ref: freed_on.append(threading.current_thread()))

    def work() -> int:
        started.set()
        gate.wait(60)
        return 1

    run_off_gui(render_pool(), delivery, None, work)
    assert started.wait(60)
    del delivery  # as a closed widget's: the job's reference is the last one
    gate.set()
    qtbot.waitUntil(lambda: ref() is None)
    assert freed_on == [threading.main_thread()]


def test_an_idle_window_looks_less_often_and_an_allocating_one_at_once(qapp):
    """Nothing allocating: the wait doubles to a second, so an idle window does not wake the
    processor twenty times a second; the first look that finds new objects goes back to 50 ms."""
    collector = gui_collector.collect_on_gui_thread(qapp)
    collector._on_timer_timeout()  # the counts as they stand now
    waits = []
    for _ in range(6):
        collector._on_timer_timeout()
        waits.append(collector.interval_ms)
    assert waits == [100, 200, 400, 800, 1_000, 1_000]
    kept = _keep_objects(50)
    collector._on_timer_timeout()
    assert collector.interval_ms == gui_collector.INTERVAL_MS
    assert len(kept) == 50


class _Kept:
    """An object the collector tracks and no free list recycles (a list may come from the
    list free list, which leaves the collector's counts as they were)."""


def _keep_objects(n: int) -> list:
    """``n`` new objects that stay alive, so the youngest generation's count rises."""
    return [_Kept() for _ in range(n)]


@pytest.mark.parametrize(
    "interval, changed, after",
    [
        (50, False, 100),
        (800, False, 1_000),
        (1_000, False, 1_000),
        (1_000, True, 50),
        (50, True, 50),
    ],
)
def test_the_wait_doubles_while_idle_and_resets_on_allocation(interval, changed, after):
    assert gui_collector.next_interval(interval, changed) == after


def _gen2_candidate(thresholds=(700, 10, 0)) -> None:
    """The collector's counts as they are when a full collection may be due: the middle
    generation collected once since the last full one, the youngest past its threshold."""
    gc.set_threshold(*thresholds)
    gc.collect()
    gc.collect(1)
    _allocate_cycles(thresholds[0] + 100)


def test_the_collector_never_takes_references_to_objects_other_threads_may_be_building(
    qapp, monkeypatch
):
    """walk63 D1: ``len(gc.get_objects(2))`` on the GUI thread held a reference to a tuple a
    training thread was building with ``tuple(generator)``; the worker went on while the list
    lived and its run failed ("SystemError: Objects/tupleobject.c:927: bad argument to internal
    function"). Sizing the heap must not hand out the objects."""

    def refused(*_args, **_kwargs):
        raise AssertionError("the collector asked for the objects themselves")

    kept = gc.get_threshold()
    try:
        monkeypatch.setattr(gc, "get_objects", refused)
        monkeypatch.setattr(gc, "get_referrers", refused)
        collector = gui_collector.GuiCollector(qapp)
        _gen2_candidate()
        assert collector.collect_due() is not None
    finally:
        gc.set_threshold(*kept)
        collector.deleteLater()


def test_a_full_collection_waits_until_the_heap_grew_by_a_quarter(qapp):
    """CPython's rule for the oldest generation, with the heap measured in allocated blocks:
    a younger generation is collected until what was allocated since the last full collection
    is a quarter of what it left."""
    kept_thresholds = gc.get_threshold()
    collector = gui_collector.GuiCollector(qapp)
    try:
        gc.collect()
        collector._long_lived = sys.getallocatedblocks()  # as after a full collection now
        _gen2_candidate((700, 0, 0))
        assert collector.collect_due() == 0  # grown by far less than a quarter
        grown = [_Kept() for _ in range(collector._long_lived // 3)]
        _gen2_candidate((700, 0, 0))
        assert collector.collect_due() == 2
        assert abs(collector._long_lived - sys.getallocatedblocks()) < len(grown) // 10
    finally:
        gc.set_threshold(*kept_thresholds)
        collector.deleteLater()
