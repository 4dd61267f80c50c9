"""The Live chart drawn at a new size is drawn once: its y-axis labels are fitted to the
plots' new heights within that draw's layout (fix57c left a second full draw after most
resizes, when a label's size or place changed with the height; s58 counted 2 a resize)."""

from __future__ import annotations

import pytest

from tests.ui.test_layout import WAIT_MS
from tests.ui.test_vietnamese_charts_fit import vietnamese  # noqa: F401 - a fixture


def test_a_resized_live_chart_is_drawn_once_with_its_labels_fitted(
    qtbot,
    vietnamese,  # noqa: F811 - the fixture
):
    from nndesk.ui.live_page import LivePage
    from tests.test_race_chart import ylabels_too_close_or_too_long
    from tests.test_runs import two_epoch_curves

    curves = two_epoch_curves()
    page = LivePage(lambda: curves, experiment=lambda: None, written=None)
    qtbot.addWidget(page)
    page.plot.setMinimumHeight(0)
    page.plot.setFixedSize(680, 330)
    page.show()
    page.live.set_span(1, 5)
    draws: list[tuple[int, int]] = []
    page.plot.canvas.mpl_connect(
        "draw_event", lambda _e: draws.append(page.plot.canvas.get_width_height())
    )
    page.plot.request_draw(full=True)
    qtbot.waitUntil(lambda: bool(draws) and not page.plot.draw_pending(), timeout=WAIT_MS)
    # 1024x700's chart under the coach's box and without it, a low page, 1280x800's
    for size in [(537, 303), (537, 250), (537, 200), (680, 330), (537, 180)]:
        before = len(draws)
        page.plot.setFixedSize(*size)
        qtbot.waitUntil(lambda n=before: len(draws) > n, timeout=WAIT_MS)
        qtbot.waitUntil(lambda: not page.plot.draw_pending(), timeout=WAIT_MS)
        assert draws[before:] == [size]  # one draw, at the new size
        assert ylabels_too_close_or_too_long(page.plot.figure) == []


@pytest.mark.parametrize("inches", [(5.6, 3.2), (7.1, 3.4)])
def test_the_fitted_layout_fits_the_labels_in_the_layout_of_a_draw(vietnamese, inches):  # noqa: F811
    """Drawn once at its size (no window), the figure's labels already fit."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from nndesk.ui.live_page import live_figure
    from tests.test_race_chart import ylabels_too_close_or_too_long
    from tests.test_runs import two_epoch_curves

    figure, live = live_figure()
    figure.set_size_inches(*inches)
    FigureCanvasAgg(figure)
    live.set_span(1, 5)
    live.update(two_epoch_curves())
    figure.canvas.draw()
    assert ylabels_too_close_or_too_long(figure) == []
