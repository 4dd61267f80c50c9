"""One run, one colour: a race's lanes kept as runs are drawn by the Runs chart in the colours
the race drew them in (fixW #2: the table lists the newest run first, and the chart coloured the
runs in table order, so four kept lanes came out in the race's colours reversed)."""

from __future__ import annotations

from nndesk.race_chart import RaceChart
from tests.controllers.test_race_controller import WAIT_MS, race, race_to_the_end  # noqa: F401
from tests.controllers.test_training_controller import tiny  # noqa: F401 - the dataset fixture


def _runs_chart_colours(records, monkeypatch) -> list[tuple[list, str]]:
    """(batch losses, colour) of each run's batch line as the Runs chart draws ``records``."""
    from nndesk.ui import runs_chart

    figures = []
    real = runs_chart.overlay_figure
    monkeypatch.setattr(
        runs_chart, "overlay_figure", lambda *a, **k: figures.append(real(*a, **k)) or figures[-1]
    )
    _image, runs, _damaged, _gone = runs_chart.render_selected(records, "", "", 700, 420, 1.0)
    batch_lines = {line.get_label(): line for line in figures[-1].axes[0].lines}
    return [(list(curves.batch_loss), batch_lines[label].get_color()) for label, curves in runs]


def test_kept_lanes_keep_their_race_colours_on_the_runs_chart(qapp, qtbot, race, monkeypatch):  # noqa: F811
    race_to_the_end(qtbot, race)
    for lane in range(len(race.lanes)):
        with qtbot.waitSignal(race.kept, timeout=WAIT_MS):
            race.keep(lane)
    in_race = RaceChart([lane.name for lane in race.lanes], 600, 400)
    race_colours = [lines[0].get_color() for lines in in_race.lines]
    assert len(set(race_colours)) == 3
    listed = sorted(race.store.list(), key=lambda r: r.run_id, reverse=True)  # newest first
    for records in (listed, listed[::-1]):  # whatever the table's order
        drawn = _runs_chart_colours(records, monkeypatch)
        assert len(drawn) == 3
        for losses, colour in drawn:
            (lane,) = [i for i, c in enumerate(race.curves) if list(c.batch_loss) == losses]
            assert colour == race_colours[lane]


def test_lanes_compared_without_the_first_keep_their_race_colours(qapp, qtbot, race, monkeypatch):  # noqa: F811
    """fixW's limit: colours went by place among the runs compared, so the race's second and
    third lanes compared alone took the first two colours. Each run keeps its own."""
    race_to_the_end(qtbot, race)
    for lane in (1, 2):
        with qtbot.waitSignal(race.kept, timeout=WAIT_MS):
            race.keep(lane)
    in_race = RaceChart([lane.name for lane in race.lanes], 600, 400)
    race_colours = [lines[0].get_color() for lines in in_race.lines]
    drawn = _runs_chart_colours(race.store.list(), monkeypatch)
    assert len(drawn) == 2
    for losses, colour in drawn:
        (lane,) = [i for i, c in enumerate(race.curves) if list(c.batch_loss) == losses]
        assert lane in (1, 2) and colour == race_colours[lane]
