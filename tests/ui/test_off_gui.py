"""Work handed to the render pool: what comes back, and what is logged, when it gives up or
fails."""

from __future__ import annotations

import logging

import numpy as np

from nndesk.ui.inside_training_view import Superseded
from nndesk.ui.off_gui import (
    ChartRenders,
    Delivery,
    Latest,
    render_pool,
    run_latest,
    run_off_gui,
)


def _collect(delivery: Delivery) -> tuple[list, list]:
    delivered: list = []
    failed: list = []
    delivery.delivered.connect(lambda tag, result: delivered.append((tag, result)))
    delivery.failed.connect(lambda tag, line: failed.append(line))
    return delivered, failed


def test_a_superseded_render_is_dropped_without_a_failure_or_a_log_line(qtbot, caplog):
    """walk50 D3: a Train › Inside render given up for a newer one was logged as "work off the
    GUI thread failed" with a traceback, and ``failed`` was emitted."""
    delivery = Delivery()
    delivered, failed = _collect(delivery)
    latest = Latest()
    tag = ("record", "theme")

    def render(superseded):
        raise Superseded

    latest.put(tag, render)
    with caplog.at_level(logging.DEBUG, logger="nndesk.ui.off_gui"):
        run_latest(render_pool(), delivery, latest)
        qtbot.waitUntil(lambda: bool(delivered))
    assert delivered == [(tag, None)]
    assert failed == [] and caplog.records == []


def test_a_failure_is_logged_without_the_data_its_request_carried(qtbot, caplog):
    """walk50 D3: the log line held the request's repr: a whole training record, ~140 KB."""
    delivery = Delivery()
    delivered, failed = _collect(delivery)
    # many arrays under numpy's summary threshold, as a record's histograms: printed whole
    weights = [np.arange(900, dtype=np.float32) for _ in range(50)]

    def work():
        raise ValueError("no picture")

    with caplog.at_level(logging.ERROR, logger="nndesk.ui.off_gui"):
        run_off_gui(render_pool(), delivery, (weights, "dark"), work)
        qtbot.waitUntil(lambda: bool(delivered))
    assert failed == ["ValueError: no picture"]
    (record,) = caplog.records
    assert "failed" in record.getMessage() and len(record.getMessage()) < 200


def test_a_chart_is_rendered_again_only_when_what_it_draws_changed_and_only_the_newest_shows(
    qtbot,
):
    delivery = Delivery()
    delivered, _ = _collect(delivery)
    renders = ChartRenders(delivery, "light")
    renders.ask(("run 1", 640), "light", lambda: "image 1")
    renders.ask(("run 1", 640), "light", lambda: "image 1 again")  # the same chart: not asked
    qtbot.waitUntil(lambda: len(delivered) == 1)  # drawn before the next is asked
    renders.ask(("run 2", 640), "dark", lambda: "image 2")
    qtbot.waitUntil(lambda: len(delivered) == 2)
    assert delivered == [(1, "image 1"), (2, "image 2")] and renders.colours == "dark"
    assert [renders.newest(*d) for d in delivered] == [False, True]
    # the newest not drawn is forgotten, so that the same chart asked again is tried again
    assert not renders.newest(2, None) and renders.drawn is None
    renders.ask(("run 2", 640), "dark", lambda: None)
    renders.drop()  # nothing on its way shows
    qtbot.waitUntil(lambda: len(delivered) == 3)
    assert delivered[2] == (3, None) and not renders.newest(3, "late image")


def test_a_render_still_waiting_when_a_newer_one_is_asked_is_skipped(qtbot):
    """lab56: Ctrl+clicking runs in turn drew every selection on the busy render pool, a second
    or more each, before the newest; only the newest is shown, so only it is drawn."""
    import threading

    assert render_pool().waitForDone(60_000)  # an earlier test's render is not ours
    release, holding = threading.Event(), threading.Event()

    def hold() -> None:
        holding.set()
        release.wait(60)

    render_pool().start(hold)  # another chart's render, under way
    assert holding.wait(60)
    delivery = Delivery()
    delivered, failed = _collect(delivery)
    renders = ChartRenders(delivery, "light")
    drawn: list[str] = []

    def drawing(name: str):
        return lambda: drawn.append(name) or name

    for name in ("run 1", "runs 1 and 2", "runs 1, 2 and 3"):
        assert renders.ask((name, 640), "light", drawing(name))
    assert not renders.ask(("runs 1, 2 and 3", 640), "light", drawing("again"))
    release.set()
    qtbot.waitUntil(lambda: len(delivered) == 3)
    assert drawn == ["runs 1, 2 and 3"]
    assert delivered == [(1, None), (2, None), (3, "runs 1, 2 and 3")] and failed == []
    assert [renders.newest(*d) for d in delivered] == [False, False, True]
