"""The Train page's top folds on the Runs tab (its table showed three rows at 1024x700), and
Train keeps the Inside tab, which shows the run as it goes."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from tests.ui.test_desktop_fonts import desktop_font  # noqa: F401 - a fixture
from tests.ui.test_layout import SMALL, WAIT_MS, show_at
from tests.ui.test_layout_wrapped import language_code  # noqa: F401 - a fixture
from tests.ui.test_training_panel import panel, tiny_dataset, wait_until_idle  # noqa: F401


def shown_rows(view) -> float:
    table = view.table
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


@pytest.mark.parametrize("size", [SMALL], ids=["1024x700"])
def test_the_runs_tab_shows_eight_rows_at_1024x700_with_train_in_sight(
    qtbot,
    window_factory,
    tiny_data_dir,
    language_code,  # noqa: F811 - the fixture
    size,
):
    """fix57b/s58: with 20 runs the Runs table showed three rows at 1024x700 under the run's
    steering, the progress line and the coach's box (kept from the page's first run), over a
    chart of 175-215 px. On the Runs tab the top folds to the headline, the run buttons and
    the progress bar, and the table gets its rows before the chart grows past its least."""
    from nndesk import paths
    from nndesk.runs import RunStore

    store = RunStore(paths.runs_dir())
    for width in range(8, 28):
        store.create({"dataset": "mnist", "arch": f"784-{width}-10", "optimizer": "adam"})
    desk = window_factory()
    window = show_at(desk, size)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.coach.reserve()  # the coach's box, as after the page's first run
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.isVisible() and view.row_count() == 20, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: shown_rows(view) >= 7.9, timeout=WAIT_MS)
    assert window.height() == size[1]
    assert page.train_button.isVisible()  # what starts a run stays in sight
    assert page.train_button.visibleRegion().boundingRect() == page.train_button.rect()
    assert page.progress.isVisible()
    assert not page.apply_button.isVisible() and not page.coach.place.isVisible()
    assert view.chart.height() >= 150  # the chart keeps its least
    # back on Live the top unfolds: the steering and the coach's place come back
    page.tabs.setCurrentWidget(page.live_page)
    QApplication.processEvents()
    assert page.apply_button.isVisible() and page.slow_motion.isVisible()
    assert page.speed.isVisible() and page.coach.place.isVisible()


def test_a_runs_table_of_a_few_runs_leaves_the_height_to_the_chart(
    qtbot, window_factory, tiny_data_dir
):
    """Rows the table would show empty go to the chart."""
    from nndesk import paths
    from nndesk.runs import RunStore

    store = RunStore(paths.runs_dir())
    for width in (8, 9):
        store.create({"dataset": "mnist", "arch": f"784-{width}-10", "optimizer": "adam"})
    desk = window_factory()
    window = show_at(desk, SMALL)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.isVisible() and view.row_count() == 2, timeout=WAIT_MS)
    QApplication.processEvents()
    assert 3 <= shown_rows(view) < 4  # its least: three rows
    assert view.chart.height() > 200


def test_a_coach_button_dropped_while_folded_stays_hidden_unfolded(qtbot):
    """The coach's button hidden (its fix applied) on a folded page does not come back when
    the page unfolds; one still wanted does."""
    from PySide6.QtWidgets import QWidget

    from nndesk.ui.coach_row import CoachRow

    holder = QWidget()
    coach = CoachRow()
    holder.setLayout(coach)
    qtbot.addWidget(holder)
    holder.show()
    coach._show_button(True)
    coach.fold(True)
    assert not coach.button.isVisible()
    coach.fold(False)
    assert coach.button.isVisible()
    coach.fold(True)
    coach.drop_button()
    coach.fold(False)
    assert not coach.button.isVisible()


def test_train_keeps_the_inside_tab_and_leaves_runs_for_live(qtbot, panel):  # noqa: F811
    """verify57: Train always switched to Live, so a person watching Inside clicked it again
    1.5-3 s into every run. Inside shows the run as it goes: Train keeps it; from Runs (the
    past runs) Train shows the curves."""
    panel.tabs.setCurrentWidget(panel.inside_page)
    assert panel.start_training()
    assert panel.tabs.currentWidget() is panel.inside_page
    wait_until_idle(qtbot, panel)
    panel.tabs.setCurrentWidget(panel.runs_view)
    assert panel.start_training()
    assert panel.tabs.currentWidget() is panel.live_page
    wait_until_idle(qtbot, panel)


def _runs_tab_at_10pt(qtbot, window_factory, stroke_classifier, desktop_font):  # noqa: F811
    """The window at 1024x700 with GNOME's 10 pt font, its Runs tab shown with no run listed
    and its chart drawn (the sentence asking for a selection): the runs come after, as in
    the session that makes them."""
    desktop_font(10.0)
    desk = window_factory(classifier=stroke_classifier)
    window = show_at(desk, SMALL)
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.chart.image is not None, timeout=WAIT_MS)
    return window, page, view


def _twenty_runs_listed(qtbot, view) -> None:
    from nndesk import paths
    from nndesk.runs import RunStore

    store = RunStore(paths.runs_dir())
    for width in range(10, 30):
        store.create({"dataset": "mnist", "arch": f"784-{width}-10", "optimizer": "adam"})
    view.refresh()
    qtbot.waitUntil(lambda: view.row_count() == 20, timeout=WAIT_MS)


def test_runs_made_after_the_tab_shows_get_eight_rows(
    qtbot,
    window_factory,
    stroke_classifier,
    tiny_data_dir,
    desktop_font,  # noqa: F811
):
    """verify58 D2: runs made in the window's session (trained in it, or by `nndesk train`
    while it was open) got 3.7-5.5 rows at 10 pt, 8 only after a restart. The split took the
    chart's least height from its image: a chart drawn 220-260 px high kept that height."""
    window, page, view = _runs_tab_at_10pt(qtbot, window_factory, stroke_classifier, desktop_font)
    assert view.chart.height() > 200  # no run listed: the chart has the room
    _twenty_runs_listed(qtbot, view)
    qtbot.waitUntil(lambda: shown_rows(view) >= 7.9, timeout=WAIT_MS)
    assert window.height() == SMALL[1]
    assert view.chart.height() >= 150


def test_without_data_the_runs_tab_keeps_the_banners_buttons_and_the_tables_rows(
    qtbot,
    window_factory,
    stroke_classifier,
    tmp_path,
    monkeypatch,
    desktop_font,  # noqa: F811
):
    """verify58 D2: with no data folder the "MNIST is not on this computer yet…" message
    (three lines at 10 pt) left the table three rows. The Runs tab folds it: the bar says
    "Needs a dataset" and the banner's buttons stay; Live shows the message again."""
    from nndesk.controllers import datasets

    (tmp_path / "no-data").mkdir()
    monkeypatch.setenv("NNDESK_DATA_DIR", str(tmp_path / "no-data"))
    datasets.forget_datasets()
    window, page, view = _runs_tab_at_10pt(qtbot, window_factory, stroke_classifier, desktop_font)
    banner = page.data_banner
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=WAIT_MS)
    _twenty_runs_listed(qtbot, view)
    qtbot.waitUntil(lambda: shown_rows(view) >= 6.5, timeout=WAIT_MS)
    assert banner.download_button.isVisible() and banner.folder_button.isVisible()
    assert not banner.label.isVisible()
    assert window.height() == SMALL[1]
    page.tabs.setCurrentWidget(page.live_page)
    QApplication.processEvents()
    assert banner.label.isVisible() and "MNIST" in banner.label.text()


def test_a_folded_banner_keeps_a_failures_reason_and_a_message_without_buttons(qtbot):
    """Folded, the banner hides only a message that its buttons answer ("MNIST is not on this
    computer yet"): why a download failed, or a message with no button, stays."""
    from types import SimpleNamespace

    from nndesk.ui.data_banner import DataBanner

    banner = DataBanner()
    qtbot.addWidget(banner)
    banner.show_problem("MNIST is not on this computer yet", "mnist")
    banner.fold(True)
    assert banner.label.isHidden() and not banner.buttons.isHidden()
    banner.fold(False)
    assert not banner.label.isHidden()
    banner.clear()
    banner.watch_failures(
        lambda name: SimpleNamespace(kind="offline", message="No internet", details="")
    )
    banner.show_problem("MNIST is not on this computer yet", "mnist")
    banner.fold(True)
    assert not banner.label.isHidden() and banner.label.text() == "No internet"
    banner.watch_failures(lambda name: None)
    banner.show_problem("The folder holds no images")  # nothing to offer: no buttons
    assert not banner.label.isHidden() and banner.buttons.isHidden()


def test_in_vietnamese_at_11pt_the_runs_tab_folds_step_and_to_epoch_end_for_the_table(
    qtbot,
    window_factory,
    stroke_classifier,
    tiny_data_dir,
    desktop_font,  # noqa: F811 - the fixture
):
    """runs59: Ubuntu's 11 pt in Vietnamese kept the Runs table at its least, 3.3 rows: "Đến hết
    epoch" took a row of its own under Train, Pause, Stop and Step. The Runs tab folds Step and
    To epoch end (they step a paused run, watched on Live) with the rest of the run's steering:
    4.6 rows in a 717-px window, 3.9 in a 700-px one."""
    from nndesk.ui import language

    desktop_font(11.0)
    assert language.use_language("vi") == "vi"
    try:
        desk = window_factory(classifier=stroke_classifier)
        window = show_at(desk, SMALL)
        page = desk.train_page
        window.tabs.setCurrentWidget(page)
        view = page.runs_view
        page.tabs.setCurrentWidget(view)
        _twenty_runs_listed(qtbot, view)
        qtbot.waitUntil(lambda: shown_rows(view) >= 3.6, timeout=WAIT_MS)
        assert page.pause_button.isVisible() and page.stop_button.isVisible()
        assert not page.step_button.isVisible() and not page.epoch_button.isVisible()
        page.tabs.setCurrentWidget(page.live_page)
        QApplication.processEvents()
        assert page.step_button.isVisible() and page.epoch_button.isVisible()
    finally:
        language.use_language("en")


def test_in_vietnamese_at_11pt_lab_twos_four_runs_show_whole_under_a_one_line_hint(
    qtbot,
    window_factory,
    stroke_classifier,
    tiny_data_dir,
    desktop_font,  # noqa: F811 - the fixture
):
    """runs59: at 11 pt in Vietnamese the table showed 3.9 of lab 2's four runs (the fourth
    2 px short, a scroll bar for it): the hint took two lines ("…để so sánh đồ" / "thị.").
    It says it in one line, and the four rows are whole."""
    from nndesk import paths
    from nndesk.runs import RunStore
    from nndesk.ui import language

    store = RunStore(paths.runs_dir())
    for activation in ("sigmoid", "relu"):
        for normalize in ("raw", "unit"):
            config = {"dataset": "mnist", "arch": "784-100-10", "optimizer": "adam"}
            record = store.create({**config, "activation": activation, "normalize": normalize})
            record.status = "completed"
            store.save(record)
    desktop_font(11.0)
    assert language.use_language("vi") == "vi"
    try:
        desk = window_factory(classifier=stroke_classifier)
        window = show_at(desk, SMALL)
        page = desk.train_page
        window.tabs.setCurrentWidget(page)
        view = page.runs_view
        page.tabs.setCurrentWidget(view)
        view.refresh()
        qtbot.waitUntil(lambda: view.isVisible() and view.row_count() == 4, timeout=WAIT_MS)
        QApplication.processEvents()
        hint = view.hint
        assert hint.height() < 2 * hint.fontMetrics().lineSpacing(), hint.text()
        assert view.table.verticalScrollBar().maximum() == 0, f"{shown_rows(view):.2f} rows"
        assert window.height() == SMALL[1]
    finally:
        language.use_language("en")
