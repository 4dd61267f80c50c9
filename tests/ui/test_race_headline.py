"""What the Train page's headline and Replay tab say of a race run in the window (walk64 D2,
D7): a race going is said above the tabs, not "No run yet · Ready · Choose settings and press
Train."; after it, neither the headline nor Replay says no run was trained in this window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import race_training_page
from tests.ui.test_training_panel import tiny_dataset  # noqa: F401 - the dataset fixture

WAIT_MS = 60_000


@pytest.fixture
def page(qtbot, tiny_dataset, tmp_path):  # noqa: F811
    with race_training_page(qtbot, tiny_dataset, tmp_path, "digits") as panel:
        panel.race_view.epochs.setValue(1)  # the race's own epochs: a short race
        yield panel


def said(page) -> tuple[str, str, str]:
    """The headline, the progress bar's text and the line under it."""
    return page.title.text(), page.progress.text(), page.speed.text()


def test_a_race_going_is_said_above_the_tabs_and_after_it_no_run_yet_is_not(qtbot, page):
    """walk64 D7: while four lanes trained, the page above the tabs said "No run yet · Ready ·
    Choose settings and press Train."; D2: after the race, "No run yet in this window · the
    latest (21:35): ReLU, [0, 1] (race)"."""
    view = page.race_view
    assert said(page)[0] == "No run yet"
    during: list[tuple[str, str, str]] = []
    page.race.progressed.connect(lambda: during.append(said(page)))
    with qtbot.waitSignal(page.race.finished_race, timeout=WAIT_MS):
        qtbot.mouseClick(view.race_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.race.is_running(), timeout=WAIT_MS)
    assert during
    title, progress, line = during[0]
    assert title == "A race is running on the Race tab"
    assert progress == "Race running" and line.startswith("Train waits for the race")
    title, progress, line = said(page)
    assert title == "A race ran in this window · its lanes are on the Race tab"
    assert (progress, line) == ("Ready", "Choose settings and press Train.")
    with qtbot.waitSignal(page.race.kept, timeout=WAIT_MS):
        qtbot.mouseClick(view.keep_button(1), Qt.MouseButton.LeftButton)
    kept = page.race.kept_runs[1]
    qtbot.waitUntil(lambda: page.title.text().startswith("A race ran in this window ·"))
    assert page.title.text().endswith(f": {kept.title}"), page.title.text()
    assert "No run yet" not in page.title.text()


def test_replay_of_a_kept_race_lane_says_a_race_keeps_no_epochs_of_its_lanes(qtbot, page):
    """walk64 D2: Replay said the lane kept "is not one of [the runs trained in this window]",
    right after the race that trained it there."""
    view = page.race_view
    with qtbot.waitSignal(page.race.finished_race, timeout=WAIT_MS):
        qtbot.mouseClick(view.race_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.race.is_running(), timeout=WAIT_MS)
    with qtbot.waitSignal(page.race.kept, timeout=WAIT_MS):
        qtbot.mouseClick(view.keep_button(0), Qt.MouseButton.LeftButton)
    kept = page.race.kept_runs[0]
    qtbot.waitUntil(lambda: [r.run_id for r in page.runs_view.selected_records()] == [kept.run_id])
    page.tabs.setCurrentWidget(page.tabs.replay_page)
    note = page.replay_view.note.text()
    assert "is not one of them" not in note
    assert "was a lane of a race: a race keeps no copy of its lanes at each epoch" in note, note


def test_the_races_pause_and_stop_are_in_sight_once_it_goes(qtbot, page):
    """walk64 D7: the Race button is at the foot of the lane editors, a scroll down at
    1024x700; the race folds the editors, and its Pause and Stop were left above the scrolled
    view, out of sight, for the whole race."""
    page.resize(1024, 440)  # the Race tab 256 px high, as under a run's coach at 1024x700
    view, area = page.race_view, page.race_page
    qtbot.waitUntil(lambda: area.height() < 300)
    area.ensureWidgetVisible(view.race_button)  # as the person scrolled to reach Race
    qtbot.waitUntil(lambda: area.verticalScrollBar().value() > 0)
    with qtbot.waitSignal(page.race.finished_race, timeout=WAIT_MS):
        qtbot.mouseClick(view.race_button, Qt.MouseButton.LeftButton)
        qtbot.waitSignal(page.race.progressed, timeout=WAIT_MS).wait()
        for button in (view.pause_button, view.stop_button):
            seen = button.visibleRegion().boundingRect()
            assert seen.height() == button.height(), (button.text(), seen)


def test_a_mode_switched_to_during_a_race_says_the_race_too(qtbot, page):
    """The other mode's page, with no run of its own, said "Ready · Choose settings and press
    Train." under the race's headline."""
    view = page.race_view
    with qtbot.waitSignal(page.race.finished_race, timeout=WAIT_MS):
        qtbot.mouseClick(view.race_button, Qt.MouseButton.LeftButton)
        qtbot.waitSignal(page.race.progressed, timeout=WAIT_MS).wait()
        page.follow_mode("garments")
        assert said(page) == (
            "A race is running on the Race tab",
            "Race running",
            "Train waits for the race to end.",
        )
    qtbot.waitUntil(lambda: not page.race.is_running(), timeout=WAIT_MS)
    assert said(page)[1:] == ("Ready", "Choose settings and press Train.")
