"""The Race tab at View > Text size > Larger in Vietnamese, on a 1024x768 projector (verify61):
the chart grows for plots readable at the zoomed text (the tab scrolls), its key clear of the
batch plot's title, every title inside its plot's width."""

from __future__ import annotations

import pytest

from nndesk.controllers.race import RaceController
from nndesk.curves.key import PLOT_LEAST_HEIGHT
from nndesk.runs import RunStore
from nndesk.ui import text_size
from tests.ui.test_training_panel import tiny_dataset  # noqa: F401 - a fixture

#: the Race tab's width beside the drawing in a 1024x768 window at Larger text (px)
TAB_WIDTH = 455


#: lanes named by all that sets them apart, as the race names a lab added beside the others
LABS = [
    "SGD, ReLU, L2 0, lịch không đổi",
    "fashion-prelu-l2-plus, PReLU (độ dốc được học), L2 0,0001, batch 64, lịch cosin",
]


@pytest.mark.parametrize(
    "names", [["SGD", "Quán tính", "Adam"], ["ReLU, pixels 0 to 255"] * 4, LABS]
)
def test_at_larger_text_the_race_charts_titles_and_key_keep_apart(qapp, larger_vi, names):  # noqa: F811
    """The 455 px chart at x1.25: "Độ chính xác theo epoch" ran past the chart's right edge,
    and the key of four lanes in four rows beside "Mất mát theo batch"; a lab's long name ran
    65 px past the chart's left edge (it goes on two lines)."""
    from nndesk.race_chart import RaceChart
    from tests.test_race_chart import _curves

    zoom = text_size.chart_zoom()
    chart = RaceChart(names, TAB_WIDTH, 420, 96 * zoom, epochs=2)
    chart.render([_curves(100, 2, 2.0 - i * 0.3) for i in range(len(names))], 50)
    renderer = chart.canvas.get_renderer()
    key = chart.ax_batch.get_legend().get_window_extent(renderer)
    for ax in chart.axes:
        title = ax._left_title.get_window_extent(renderer)  # noqa: SLF001 - the left title
        assert title.x1 <= ax.get_window_extent(renderer).x1 + 1, ax.get_title(loc="left")
        assert not key.overlaps(title)
    assert key.x0 >= 0 and key.y1 <= chart.figure.bbox.height
    assert key.y0 >= chart.ax_batch.get_window_extent(renderer).y1 - 1  # above the plot


def test_at_larger_text_the_race_chart_grows_for_its_plots(
    qtbot,
    qapp,
    larger_vi,
    tiny_dataset,  # noqa: F811
    tmp_path,
):
    """verify61: at Vietnamese Larger in a 1024x768 window the Race chart stayed 260 px tall
    while its zoomed key and titles grew: plots 15-20 px tall, their y tick labels on one
    another. It grows for plots of ``PLOT_LEAST_HEIGHT`` times the zoom; the tab scrolls."""
    from nndesk.ui.race_view import CHART_MIN_HEIGHT, RaceView
    from nndesk.ui.train_tabs import scrolled

    race = RaceController(lambda name: tiny_dataset, RunStore(tmp_path / "runs"))
    view = RaceView(race, dataset="fashion")
    area = scrolled(view, 0)  # as the Train page's Race tab holds it
    qtbot.addWidget(area)
    area.resize(TAB_WIDTH + 20, 430)
    area.show()
    view.epochs.setValue(1)
    rendered = []  # each image delivered: (chart height when shown, RaceImage)
    view._delivery.delivered.connect(  # noqa: SLF001 - the renders, as they arrive
        lambda _tag, image: rendered.append((view.chart.height(), image))
    )
    assert view.start_race()
    least = PLOT_LEAST_HEIGHT * text_size.chart_zoom()

    def readable() -> bool:
        # the last image drawn at the chart's height now, its plots each readable
        if not rendered or rendered[-1][1] is None:
            return False
        height, image = rendered[-1]
        return image.image.height() == view.chart.height() == height and (
            min(image.plot_px) >= least - 1
        )

    try:
        qtbot.waitUntil(readable, timeout=60000)
        assert view.chart.height() > CHART_MIN_HEIGHT
        assert area.verticalScrollBar().maximum() > 0  # the tab scrolls to what is below
    finally:
        race.shutdown()
