"""The race bridge without a window: RaceController + its worker on a tiny dataset."""

from __future__ import annotations

import math

import numpy as np
import pytest

from nndesk.controllers.race import Lane, RaceController
from nndesk.errors import ConfigError
from nndesk.inference import Classifier
from nndesk.runs import RunStore
from nndesk.training import TrainConfig
from tests.controllers.test_training_controller import tiny  # noqa: F401 - the dataset fixture

WAIT_MS = 60_000
# 160 training images (val 20 %) at batch 20: 8 batches per epoch
BASE = TrainConfig(dataset="mnist", arch="784-16-10", batch_size=20, epochs=2, val_fraction=0.2)
LANES = (
    Lane("SGD", BASE.replace(optimizer="sgd", lr=0.05)),
    Lane("Momentum", BASE.replace(optimizer="momentum", lr=0.01)),
    Lane("Adam", BASE.replace(optimizer="adam", lr=5e-3, arch="784-32-10")),
)


@pytest.fixture
def race(qtbot, tiny, tmp_path):  # noqa: F811
    asked: list[str] = []

    def provider(name):
        asked.append(name)
        return tiny

    ctl = RaceController(provider, RunStore(tmp_path / "runs"))
    ctl.asked = asked
    yield ctl
    ctl.shutdown()


def race_to_the_end(qtbot, race, lanes=LANES):
    with qtbot.waitSignal(race.finished_race, timeout=WAIT_MS) as done:
        race.start(lanes)
    qtbot.waitUntil(lambda: not race.is_running(), timeout=WAIT_MS)
    return done.args[0]


def test_every_lane_trains_side_by_side_and_gets_its_final_figures(qtbot, race):
    ended: list = []
    race.lane_ended.connect(lambda lane, end: ended.append((lane, end.reason)))
    results = race_to_the_end(qtbot, race)
    assert race.asked == ["mnist"]  # one dataset for every lane
    assert sorted(ended) == [(0, "completed"), (1, "completed"), (2, "completed")]
    assert [r.name for r in results] == ["SGD", "Momentum", "Adam"]
    for r, curves in zip(results, race.curves, strict=True):
        assert len(curves.batch_x) == 16 and curves.epochs == [1, 2]  # 8 batches x 2 epochs
        assert r.epochs == 2 and 0.0 <= r.test_accuracy <= 1.0
        assert math.isfinite(r.train_loss) and math.isfinite(r.val_accuracy)
    for curves in race.curves:  # every lane learns something in two epochs
        assert curves.train_loss[-1] < curves.batch_loss[0]


def test_lanes_that_would_see_other_images_are_refused_before_any_thread(race):
    with pytest.raises(ConfigError, match="seed"):
        race.start([LANES[0], Lane("other seed", BASE.replace(seed=7))])
    with pytest.raises(ConfigError, match="2 to 4"):
        race.start(LANES[:1])
    assert not race.is_running()


def test_stop_ends_every_lane_and_they_are_still_tested(qtbot, race):
    long = [Lane(l.name, l.config.replace(epochs=500)) for l in LANES[:2]]
    with qtbot.waitSignal(race.finished_race, timeout=WAIT_MS) as done:
        race.start(long)
        qtbot.waitUntil(lambda: all(len(c.batch_x) >= 3 for c in race.curves), timeout=WAIT_MS)
        with qtbot.waitSignal(race.paused_changed, timeout=WAIT_MS):
            race.pause()
        race.stop()
    results = done.args[0]
    assert [r.reason for r in results] == ["stopped", "stopped"]
    for r, curves in zip(results, race.curves, strict=True):
        assert r.epochs == len(curves.epochs) < 500 and 0.0 <= r.test_accuracy <= 1.0


def test_a_kept_lane_is_a_run_with_its_model_in_the_history(qtbot, race, tiny):  # noqa: F811
    race_to_the_end(qtbot, race)
    assert race.can_keep(2)
    with qtbot.waitSignal(race.kept, timeout=WAIT_MS) as kept:
        race.keep(2)
    lane, record = kept.args
    assert lane == 2 and not race.can_keep(2)
    stored = race.store.load(record.run_id)
    assert stored.title == "Adam (race)" and stored.config["arch"] == "784-32-10"
    assert stored.curves.epochs == [1, 2] and len(stored.curves.batch_x) == 16
    assert stored.metrics["test_accuracy"] == pytest.approx(race.results[2].test_accuracy)
    clf = Classifier.from_file(stored.model_path)
    predicted = clf.probabilities(tiny.test_images).argmax(axis=1)
    assert np.mean(predicted == tiny.test_labels) == pytest.approx(race.results[2].test_accuracy)
    with pytest.raises(ConfigError):
        race.keep(2)  # not twice


def test_a_kept_lane_is_listed_at_the_time_its_race_trained_not_when_it_was_kept(qtbot, race):
    """walk59 D10: a lane kept minutes after its race was listed in Runs at the keeping's time."""
    from datetime import datetime, timezone

    before = datetime.now(timezone.utc)
    race_to_the_end(qtbot, race)
    lane_began = race.finished().sessions[0].began
    assert before <= lane_began  # its session was made as the race started
    with qtbot.waitSignal(race.kept, timeout=WAIT_MS) as kept:
        race.keep(0)
    stored = race.store.load(kept.args[1].run_id)
    assert stored.created_at == lane_began.isoformat(timespec="milliseconds")
    assert stored.run_id.startswith(f"{lane_began:%Y%m%d-%H%M%S}")


def test_a_kept_lane_that_diverged_is_a_run_without_a_model(qtbot, race):
    """fix54a #1: Keep saved a diverged lane's model as any lane's, where the CLI and the Train
    page save none of a run that diverged. Its record and curves are kept, no model file."""
    import dataclasses

    race_to_the_end(qtbot, race)
    # a lane that diverged after an epoch (Keep asks for one): its result says so
    results = list(race.results)
    results[1] = dataclasses.replace(results[1], reason="diverged", message="loss became nan")
    race.results = tuple(results)
    with qtbot.waitSignal(race.kept, timeout=WAIT_MS) as kept:
        race.keep(1)
    _, record = kept.args
    assert record.model_file is None and list(record.folder.glob("*.npz")) == []
    stored = race.store.load(record.run_id)
    assert stored.status == "diverged" and stored.model_path is None
    assert stored.curves.epochs == [1, 2]


def test_lane_reports_are_batched_by_the_same_interval_as_a_runs(qtbot, race, monkeypatch):
    from nndesk.controllers import worker_thread

    shown: list[int] = []  # batch points on the curves each time they grow
    race.progressed.connect(lambda: shown.append(sum(len(c.batch_x) for c in race.curves)))

    def steps() -> list[int]:
        return [b - a for a, b in zip([0, *shown], shown, strict=False)]

    monkeypatch.setattr(worker_thread, "BATCH_EMIT_INTERVAL", 0.0)  # each batch on its own
    race_to_the_end(qtbot, race)
    # 3 lanes x 8 batches x 2 epochs, a batch at a time while the GUI thread keeps up (those
    # trained while it draws go together: worker_thread.Batcher's ``taken``)
    assert shown[-1] == 48 and min(steps()) >= 0
    shown.clear()
    monkeypatch.setattr(worker_thread, "BATCH_EMIT_INTERVAL", 3600.0)  # at epoch ends only
    race_to_the_end(qtbot, race)
    assert shown[-1] == 48 and max(steps()) >= 8 and len(shown) <= 12


@pytest.mark.parametrize("lr", [1000.0, 1e30])
def test_a_lane_that_diverges_keeps_its_last_loss_and_the_chart_marks_it(qtbot, race, lr):
    """A newcomer's walk: a lane that diverged in its first epoch kept no loss ("—" in its
    row) and its line stopped short with nothing to show where the loss went. It keeps the
    loss that ended it (or, overflowed, the last finite one) in its row, and the race chart
    marks it off the chart in the lane's colour, as the Runs chart marks a run's."""
    from nndesk.i18n import Loss
    from nndesk.race_chart import RaceChart

    lanes = (LANES[0], Lane("Too fast", BASE.replace(optimizer="sgd", lr=lr)))
    results = race_to_the_end(qtbot, race, lanes)
    assert [r.reason for r in results] == ["completed", "diverged"]
    losses = race.curves[1].batch_loss
    finite = [v for v in losses if math.isfinite(v)]
    assert results[1].train_loss == finite[-1]  # a number, no longer NaN
    chart = RaceChart([lane.name for lane in lanes], 600, 400)
    chart.render(race.curves, race.batches_per_epoch)
    (arrow, label) = chart.off_chart_marks()
    assert arrow.xy[0] == race.curves[1].batch_x[-1]
    assert label.get_text() == Loss(losses[-1]).shown()
    low, top = chart.ax_batch.get_ylim()
    assert math.isfinite(low) and math.isfinite(top)
    chart.render(race.curves, race.batches_per_epoch)  # drawn again: one mark, not two
    assert len(chart.off_chart_marks()) == 2


def test_lanes_of_their_own_batch_sizes_and_l2_race_with_their_own(qtbot, race):
    """walk60 D9: two labs raced whole, each with its own batch size, L2 and schedule."""
    lanes = [
        Lane("fine", BASE.replace(batch_size=20)),
        Lane("coarse", BASE.replace(batch_size=40, l2=1e-3, schedule="exp", schedule_step=1)),
    ]
    results = race_to_the_end(qtbot, race, lanes)
    assert race.lane_batches == (8, 4)  # 160 training images in 20s, in 40s
    assert [len(c.batch_x) for c in race.curves] == [16, 8]
    assert [r.epochs for r in results] == [2, 2]
    finished = race.finished()
    assert finished is not None and finished.lane_batches == (8, 4)  # a language switch keeps them
    kept = [s.config for s in finished.sessions]
    assert [(c.batch_size, c.l2, c.schedule) for c in kept] == [
        (20, 0.0, "constant"),
        (40, 1e-3, "exp"),
    ]


def test_each_kept_lane_names_its_own_preset(qtbot, race):
    """fixW #1: the lanes of a one-epoch "sigmoid vs ReLU" race were all kept as
    "mnist-sigmoid-raw, changed", the ReLU lane (mnist-relu-sigmoid-raw's settings) too.
    Kept, each names its own preset, changed (the race's one epoch is not the lab's)."""
    from nndesk.presets import PresetOrigin
    from nndesk.training.race import COMPARISONS

    units = next(c for c in COMPARISONS if len(c.lanes) == 2 and c.preset == "mnist-sigmoid-raw")
    lanes = [Lane(name, config) for name, config in units.configs("mnist", epochs=1)]
    with qtbot.waitSignal(race.finished_race, timeout=WAIT_MS):
        race.start(lanes, preset=units.preset)  # as the Race tab starts it
    qtbot.waitUntil(lambda: not race.is_running(), timeout=WAIT_MS)
    stored = []
    for lane in (0, 1):
        with qtbot.waitSignal(race.kept, timeout=WAIT_MS) as kept:
            race.keep(lane)
        stored.append(race.store.load(kept.args[1].run_id).preset)
    assert stored == [
        PresetOrigin("mnist-sigmoid-raw", changed=True),
        PresetOrigin("mnist-relu-sigmoid-raw", changed=True),
    ]
