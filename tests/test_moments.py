"""One way to write a date-time for a person (walk w22 item 9): the Train title read
"03 thg 12 03:31", the model box, Evaluate and Lab "2026-12-03 03:31:01" and the Runs table
"03:31" for one run."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

from nndesk.i18n import moment_text
from nndesk.inference import display_name, shown_name

NBSP = "\u00a0"
WHEN = datetime(2026, 12, 3, 3, 31, 1, tzinfo=timezone.utc)


@pytest.fixture
def in_utc(monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_today_is_the_time_alone_and_another_day_adds_a_short_date(in_utc):
    same_day = datetime(2026, 12, 3, 20, 0, tzinfo=timezone.utc)
    assert moment_text(WHEN, now=same_day) == "03:31"
    assert moment_text(WHEN, now=same_day, seconds=True) == "03:31:01"
    assert moment_text(WHEN, now=datetime(2026, 12, 4, tzinfo=timezone.utc)) == (
        f"03{NBSP}Dec{NBSP}03:31"
    )
    next_year = datetime(2027, 1, 2, tzinfo=timezone.utc)
    assert moment_text(WHEN, now=next_year) == f"03{NBSP}Dec{NBSP}2026{NBSP}03:31"
    assert moment_text(WHEN, now=same_day, day=True) == f"03{NBSP}Dec{NBSP}03:31"
    assert moment_text(WHEN, now=next_year, day=False) == "03:31"


def test_a_moment_is_written_in_the_computers_time_zone(monkeypatch):
    """Run folders are stamped in UTC; the Runs table wrote local time, the model box UTC."""
    monkeypatch.setenv("TZ", "Asia/Ho_Chi_Minh")  # UTC+7, no daylight saving
    time.tzset()
    try:
        later = datetime(2026, 12, 3, 12, 0, tzinfo=timezone.utc)
        assert moment_text(WHEN, now=later) == "10:31"
        assert moment_text(WHEN.replace(tzinfo=None), now=later) == "10:31"  # naive: UTC
        run = Path("runs/20261202-211720-abcd/model.npz")  # 04:17:20 on the 3rd in Hanoi
        assert "04:17:20" in shown_name(run) and "21:17" not in shown_name(run)
        assert display_name(run) == "run 2026-12-02 21:17:20"  # the CLI's name stays UTC
    finally:
        monkeypatch.undo()
        time.tzset()


def test_the_window_names_a_runs_model_as_it_writes_a_moment(in_utc):
    run = Path("runs/20261203-033101-abcd/model.npz")
    assert shown_name(run) == "run " + moment_text(WHEN, seconds=True)
    assert shown_name(Path("weights/mnist-cnn.npz")) == "mnist-cnn"
    assert shown_name(Path("runs/not-a-run/model.npz")) == "not-a-run/model"
    assert shown_name(Path("runs/20261399-033101-abcd/model.npz")).endswith("/model")
