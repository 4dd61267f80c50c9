"""A damaged run's row: its Started cell says when the run started, read from its folder's
name, rather than the whole name (walk60 D7a: "20261206-101519-122530f" widened Started until
Status left a 1024-px window)."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from nndesk.i18n import moment_text
from nndesk.run_record import RunRecord
from nndesk.ui.runs_table import STARTED, make_row


def test_a_damaged_runs_start_is_read_from_its_folders_name(qapp, tmp_path):
    record = RunRecord.damaged(tmp_path / "20261206-101519-122530f", "run.json is missing")
    texts = make_row(record, seconds=True).texts
    began = datetime(2026, 12, 6, 10, 15, 19, tzinfo=timezone.utc)
    assert texts[STARTED] == moment_text(began, seconds=True, day=True)
    assert "122530f" not in texts[STARTED]
    assert "20261206-101519-122530f" in make_row(record).tips[STARTED]  # the folder, whole


@given(st.text(min_size=1, max_size=60).filter(lambda n: "/" not in n and n not in (".", "..")))
def test_any_damaged_folders_name_gives_a_short_started_cell(qapp, name):
    record = RunRecord.damaged(Path("/runs") / name, "run.json is missing")
    assert len(make_row(record).texts[STARTED]) <= 24
