"""Nothing scrolls sideways at a 1000-px window (verify57: the Train page did, and any page
widened the pages' stack for all), in English and Vietnamese, light and dark, and what the
narrower pages get shows whole."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import each_page
from tests.ui.test_layout import WAIT_MS, show_at
from tests.ui.test_layout_wrapped import language_code  # noqa: F401 - a fixture
from tests.ui.test_train_page_fold import ROWS_AFTER_A_RUN, shown_rows


def test_the_runs_tab_keeps_its_rows_at_1000x700(
    qtbot,
    window_factory,
    tiny_data_dir,
    language_code,  # noqa: F811 - the fixture
):
    """At 1000x700 the window's sideways scroll bar took 14 px of the page's height too: the
    Runs table showed 7.9 rows in Vietnamese (8 then, under a header folded on the Runs tab;
    it no longer folds, its tab bar jumped under the pointer: ``ROWS_AFTER_A_RUN``)."""
    from nndesk import paths
    from nndesk.runs import RunStore

    store = RunStore(paths.runs_dir())
    for width in range(8, 28):
        store.create({"dataset": "mnist", "arch": f"784-{width}-10", "optimizer": "adam"})
    desk = window_factory()
    window = show_at(desk, (1000, 700))
    page = desk.train_page
    window.tabs.setCurrentWidget(page)
    page.reserve_coach()  # the coach's place, as after the page's first run
    view = page.runs_view
    page.tabs.setCurrentWidget(view)
    view.refresh()
    qtbot.waitUntil(lambda: view.isVisible() and view.row_count() == 20, timeout=WAIT_MS)
    floor = ROWS_AFTER_A_RUN[language_code]
    qtbot.waitUntil(lambda: shown_rows(view) >= floor, timeout=WAIT_MS)
    assert page.train_button.visibleRegion().boundingRect() == page.train_button.rect()


@pytest.mark.parametrize("theme_name", ["light", "dark"])
def test_no_page_scrolls_sideways_at_1000_px(
    qtbot,
    qapp,
    window_factory,
    tiny_data_dir,
    language_code,  # noqa: F811 - the fixture
    restore_theme,
    theme_name,
):
    """verify57: at 1000x700 the window scrolled sideways (the Train page, and any page, since
    the pages' stack is as wide as its widest page): in Vietnamese the Train form's
    "Tăng cường dữ liệu (augmentation)" beside its check box and the Evaluate page's four
    cards each made a page 13-17 px wider than the 525 px beside the drawing."""
    from nndesk.ui import theme

    theme.apply_theme(qapp, theme_name)
    desk = window_factory()
    window = show_at(desk, (1000, 700))
    bar = window.pages_scroll.horizontalScrollBar()
    for name in each_page(qtbot, window):
        assert bar.maximum() == 0, name
    assert window.width() == 1000


def test_the_mistakes_details_show_whole_at_1000_px(
    qtbot,
    window_factory,
    tiny_data_dir,
    language_code,  # noqa: F811 - the fixture
):
    """With the window's sideways scroll gone at 1000 px, the Mistakes page gets 525 px: its
    details column (250 px beside two columns of tiles) cut "Show saliency map" and "Put on
    canvas" at the window's edge with the picture beside them; there it goes above them."""
    desk = window_factory()
    window = show_at(desk, (1000, 700))
    view = desk.mistakes_page
    window.tabs.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible, timeout=WAIT_MS)
    QApplication.processEvents()
    room = view.details.viewport()
    for widget in (view.saliency_box, view.saliency_target, view.canvas_button, view.preview):
        box = QRect(widget.mapTo(room, QPoint(0, 0)), widget.size())
        assert box.left() >= 0 and box.right() < room.width(), widget
