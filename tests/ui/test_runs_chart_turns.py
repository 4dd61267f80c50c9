"""The Runs chart marks where a run's learning-rate schedule changed pace, as the Live chart
does (fixD marked it on the Live chart only: fashion-prelu-l2's decay after 10 epochs was
seen while it trained and nowhere once the run was kept). The same marks (``marks_in_order``),
a dotted line of the run's colour."""

from __future__ import annotations

import pytest

from nndesk.run_curves import Curves
from nndesk.runs import RunStore
from tests.test_runs import batch, epoch_report

STEP = {"schedule": "step", "schedule_step": 2, "schedule_gamma": 0.1}
EXP = {"schedule": "exp", "schedule_step": 2, "schedule_rate": 0.5}


def _four_epochs(lr_set_at: float | None = None) -> Curves:
    curves = Curves()
    for e in range(1, 5):
        for b in range(1, 5):
            curves.add_batch(batch(e, b, 4, 2.0 / (e * b)))
        curves.add_epoch(epoch_report(e, 1.0 / e, 1.1 / e, 0.5 + 0.1 * e, 0.45 + 0.1 * e))
    if lr_set_at is not None:
        curves.add_lr_change(lr_set_at, 0.01)
    return curves


def _drawn_marks(tmp_path, monkeypatch, schedules: list[dict], lr_set_at=None) -> list[set]:
    """The x of the dotted lines on the Runs chart's batch plot of runs trained 4 epochs with
    each of ``schedules``, a run's set each."""
    from nndesk.ui import runs_chart

    store = RunStore(tmp_path / "runs")
    records = []
    for schedule in schedules:
        config = {"dataset": "mnist", "arch": "784-32-10", "lr": 0.1, "epochs": 4, **schedule}
        record = store.create(config)
        record.curves = _four_epochs(lr_set_at)
        record.status = "completed"
        store.save(record)
        record.release_lock()
        records.append(record)
    figures = []
    real = runs_chart.overlay_figure
    monkeypatch.setattr(
        runs_chart, "overlay_figure", lambda *a, **k: figures.append(real(*a, **k)) or figures[-1]
    )
    runs_chart.render_selected(records, "", "", 700, 420, 1.0)
    return [
        {float(line.get_xdata()[0]) for line in _mark_lines(figures[-1]) if line.get_color() == c}
        for c in _run_colours(len(records))
    ]


def _mark_lines(figure) -> list:
    """The batch plot's marks: its upright lines (``axvline``), dotted or dots taking turns."""
    return [
        line
        for line in figure.axes[0].lines
        if len(set(line.get_xdata())) == 1 and line.get_linestyle() in (":", "--")
    ]


def _run_colours(n: int) -> list:
    from nndesk.curves.style import RUN_COLORS

    return [RUN_COLORS[i % len(RUN_COLORS)] for i in range(n)]


def test_a_step_and_an_exp_schedules_turns_are_marked_each_in_its_runs_colour(
    tmp_path, monkeypatch
):
    step, exp, constant = _drawn_marks(tmp_path, monkeypatch, [STEP, EXP, {}])
    assert step == {2.0}  # the step at the start of epoch 3
    assert exp == {2.0}  # held 2 epochs, then lower each epoch: one turn
    assert constant == set()


def test_no_turn_is_marked_after_a_rate_set_by_hand(tmp_path, monkeypatch):
    """The schedule stops at a rate set by hand: its later turns never came."""
    (step,) = _drawn_marks(tmp_path, monkeypatch, [STEP], lr_set_at=1.5)
    assert step == {1.5}


@pytest.mark.parametrize("edited", [{"schedule": "bogus"}, {"lr": -1.0}, {"schedule_step": 0}])
def test_a_run_json_of_settings_no_run_has_draws_its_curves_without_turns(
    tmp_path, monkeypatch, edited
):
    (marks,) = _drawn_marks(tmp_path, monkeypatch, [{**STEP, **edited}])
    assert marks == set()


@pytest.mark.parametrize("count", [1, 2])
def test_the_exported_png_marks_the_turns_as_the_chart_does(tmp_path, monkeypatch, count):
    """Export PNG… of kept runs: one run as the Live chart draws it, several overlaid; the
    file showed no turn where the chart on screen did."""
    from nndesk.curves import figure_file
    from nndesk.curves.marks import kept_run_turns

    config = {"dataset": "mnist", "arch": "784-32-10", "lr": 0.1, "epochs": 4, **STEP}
    curves = [_four_epochs() for _ in range(count)]
    turns = [kept_run_turns(config, c) for c in curves]
    figures = []
    real = figure_file.recolour_for_print
    monkeypatch.setattr(
        figure_file,
        "recolour_for_print",
        lambda fig, drawn: figures.append(fig) or real(fig, drawn),
    )
    runs = [(f"run {i}", c) for i, c in enumerate(curves)]
    figure_file.save_curves_png(runs, tmp_path / "curves.png", turns=turns)
    assert (tmp_path / "curves.png").stat().st_size > 0
    assert {float(line.get_xdata()[0]) for line in _mark_lines(figures[-1])} == {2.0}


def test_two_schedules_turning_at_one_epoch_show_both_runs_colours(tmp_path, monkeypatch):
    """s64 brief 4: a step and an exp schedule both turn at the start of epoch 3; their marks,
    dotted alike at one x, showed the second run's colour alone. Their dots take turns along
    the line: both colours are drawn there."""
    import numpy as np
    from matplotlib.colors import to_rgb

    from nndesk.ui import runs_chart

    figures = []
    real = runs_chart.overlay_figure
    monkeypatch.setattr(
        runs_chart, "overlay_figure", lambda *a, **k: figures.append(real(*a, **k)) or figures[-1]
    )
    _drawn_marks(tmp_path, monkeypatch, [STEP, EXP])
    figure = figures[-1]
    figure.canvas.draw()
    pixels = np.asarray(figure.canvas.buffer_rgba())[..., :3].astype(float) / 255
    seen = []
    for ax in figure.axes:
        box = ax.get_window_extent()
        x, _ = ax.transData.transform((2.0, 0))
        column = int(round(x))
        top, bottom = (int(figure.bbox.height - y) for y in (box.y1, box.y0))
        strip = pixels[top + 2 : bottom - 2, column - 1 : column + 2].reshape(-1, 3)
        seen.append(
            [
                bool((np.abs(strip - to_rgb(c)).max(axis=1) < 0.12).sum() >= 4)
                for c in _run_colours(2)
            ]
        )
    assert seen == [[True, True]] * len(figure.axes), seen
