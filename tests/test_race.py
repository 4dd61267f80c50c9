"""A race trains 2-4 configurations on identical batches, one batch of each in turn."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.errors import ConfigError
from nndesk.settings_schema import RACE_SHARES
from nndesk.training import BatchReport, EpochReport, RunEnded
from nndesk.training.race import check_race, prepare_race, race
from tests.test_training import FAST, tiny  # noqa: F401 - the module's dataset fixture


def test_every_lane_trains_on_the_same_batches_in_the_same_order(tiny):  # noqa: F811
    configs = [
        FAST.replace(optimizer="adam"),
        FAST.replace(optimizer="sgd", lr=0.05),
        FAST.replace(optimizer="momentum", arch="784-32-10", augment=False),
    ]
    sessions = prepare_race(configs, tiny)
    seen: list[list[tuple[np.ndarray, np.ndarray]]] = [[] for _ in sessions]
    for lane, session in enumerate(sessions):
        first = session.model.layers[0]
        forward = first.forward

        def spy(x, training=False, lane=lane, forward=forward):
            if training:
                seen[lane].append(x.copy())
            return forward(x, training=training)

        first.forward = spy
    order = [lane for lane, report in race(sessions) if isinstance(report, BatchReport)]
    assert order[:6] == [0, 1, 2, 0, 1, 2]  # one batch of each lane in turn
    assert [len(batches) for batches in seen] == [24, 24, 24]  # 12 batches x 2 epochs each
    for batches in seen[1:]:
        for a, b in zip(seen[0], batches, strict=True):
            np.testing.assert_array_equal(a, b)
    ends = [r for _, r in race(prepare_race(configs, tiny)) if isinstance(r, RunEnded)]
    assert [e.reason for e in ends] == ["completed"] * 3


def test_lanes_of_another_dataset_epochs_or_seed_are_refused(tiny):  # noqa: F811
    with pytest.raises(ConfigError, match="configuration 2 has seed 4"):
        prepare_race([FAST, FAST.replace(seed=4)], tiny)
    with pytest.raises(ConfigError, match="2 to 4 configurations"):
        prepare_race([FAST], tiny)


def _trained_alone(config, dataset) -> tuple[list[np.ndarray], list[float], list[dict]]:
    from nndesk.training import prepare, train

    session = prepare(config, dataset=dataset)
    losses = [r.loss for r in train(session) if isinstance(r, BatchReport)]
    return [p.copy() for _, p, _ in session.model.parameters()], losses, session.history


def test_each_lane_trains_on_its_own_split_as_it_would_alone_on_one_copy_of_the_images(tiny):  # noqa: F811
    """Two labs of other validation splits and augmentation race each as written (they raced on
    the first lane's split, fixM): every lane's weights and batch losses are those of the
    same settings trained alone, and the lanes gather their rows from one normalised copy of
    the training images (no copy of them per split)."""
    configs = [
        FAST.replace(val_fraction=0.0),
        FAST.replace(val_fraction=0.25, optimizer="sgd", lr=0.05),
        FAST.replace(val_fraction=0.1, augment=True, batch_size=32),
    ]
    sessions = prepare_race(configs, tiny)
    losses: list[list[float]] = [[] for _ in sessions]
    for lane, report in race(sessions):
        if isinstance(report, BatchReport):
            losses[lane].append(report.loss)
    assert [len(s.y_train) for s in sessions] == [200, 150, 180]
    assert [len(s.y_val) for s in sessions] == [0, 50, 20]
    # one (200, 784) copy for every lane: a split is an index array into it
    assert sessions[0].x_train is sessions[1].x_train is sessions[2].x_train
    assert sessions[0].x_train.shape == (200, 784) and sessions[0].train_rows is None
    assert len(sessions[1].train_rows) == 150
    for session, config, lane_losses in zip(sessions, configs, losses, strict=True):
        weights, alone, history = _trained_alone(config, tiny)
        assert lane_losses == alone
        for (_, raced, _), single in zip(session.model.parameters(), weights, strict=True):
            np.testing.assert_array_equal(raced, single)
        # measured on its own validation images
        assert [h.get("val_loss") for h in session.history] == [h.get("val_loss") for h in history]


def test_lanes_of_other_batch_sizes_see_the_same_images_and_keep_level_in_epochs(tiny):  # noqa: F811
    """walk60 D9: a lab raced as a whole has its own batch size (the PReLU lab's 128 beside
    a lab of 64). Each lane trains with its own; both see the same images in the same order,
    and the lane furthest behind in epochs takes the next batch, so neither runs ahead."""
    configs = [FAST.replace(batch_size=16), FAST.replace(batch_size=48, l2=1e-3)]
    sessions = prepare_race(configs, tiny)
    seen: list[list[np.ndarray]] = [[] for _ in sessions]
    for lane, session in enumerate(sessions):
        first = session.model.layers[0]

        def spy(x, training=False, lane=lane, forward=first.forward):
            if training:
                seen[lane].append(x.copy())
            return forward(x, training=training)

        first.forward = spy
    done = [0.0, 0.0]
    for lane, report in race(sessions):
        if isinstance(report, BatchReport):
            assert report.batches == (12, 4)[lane]  # 180 training images in 16s, in 48s
            done[lane] = report.epoch - 1 + report.batch / report.batches
            # the other lane is never more than one of its own batches behind
            assert done[lane] - done[1 - lane] <= 1 / report.batches + 1e-9
    assert [len(b) for b in seen] == [24, 8]  # each lane's own batches, two epochs
    assert [b.shape[0] for b in seen[1][:4]] == [48, 48, 48, 36]
    # the same images in the same order, cut into batches of their own sizes
    np.testing.assert_array_equal(np.concatenate(seen[0]), np.concatenate(seen[1]))
    assert [s.config.l2 for s in sessions] == [FAST.l2, 1e-3]  # each lane its own L2


#: For each setting a race's lanes share, a value unlike ``FAST``'s (the keys must be exactly
#: the schema's ``race_shares`` fields, so a newly shared setting is tested here too).
OTHER_VALUES = {
    "dataset": "mnist",
    "epochs": 9,
    "seed": 123,
}


def test_the_schema_marks_the_settings_that_make_the_batches():
    assert set(RACE_SHARES) == set(OTHER_VALUES)


@pytest.mark.parametrize("name", RACE_SHARES)
def test_each_shared_setting_must_be_equal_in_every_lane(name):
    other = FAST.replace(**{name: OTHER_VALUES[name]})
    assert getattr(other, name) != getattr(FAST, name)
    with pytest.raises(ConfigError, match=f"configuration 3 has {name} "):
        check_race([FAST, FAST.replace(lr=0.5, optimizer="sgd"), other])


def test_a_lane_that_diverges_ends_alone(tiny):  # noqa: F811
    sessions = prepare_race([FAST, FAST.replace(optimizer="sgd", lr=1e30)], tiny)
    reports = list(race(sessions))
    ends = {lane: r.reason for lane, r in reports if isinstance(r, RunEnded)}
    assert ends == {0: "completed", 1: "diverged"}
    assert sum(1 for lane, r in reports if lane == 0 and isinstance(r, EpochReport)) == 2


def test_lanes_with_the_same_input_scaling_share_one_copy_of_the_images(tiny):  # noqa: F811
    sessions = prepare_race(
        [FAST, FAST.replace(optimizer="sgd"), FAST.replace(normalize="raw")], tiny
    )
    assert sessions[0].x_train is sessions[1].x_train and sessions[0].x_val is sessions[1].x_val
    assert sessions[2].x_train is not sessions[0].x_train
    assert sessions[2].x_train.max() > 2 > sessions[0].x_train.max()  # raw pixels stay raw


def test_a_paused_race_waits_before_the_next_lanes_batch(tiny):  # noqa: F811
    holds: list[bool] = []  # what should_pause answers next (then False: resumed)

    def should_pause() -> bool:
        return holds.pop() if holds else False

    reports = race(
        prepare_race([FAST, FAST.replace(optimizer="sgd")], tiny), should_pause=should_pause
    )
    first = [next(reports) for _ in range(2)]
    assert [lane for lane, _ in first] == [0, 1]
    holds.extend([True] * 5)  # paused for five polls
    lane, report = next(reports)
    assert holds == [] and lane == 0 and isinstance(report, BatchReport)  # it waited them out


def test_a_lane_stopped_inside_its_first_epoch_counts_the_seconds_it_trained(tiny):  # noqa: F811
    """walk50 D6: a Race stopped in its first epoch listed 0.0 seconds for lanes that trained
    ~15 s: only finished epochs were counted."""
    sessions = prepare_race([FAST.replace(optimizer="adam"), FAST.replace(optimizer="sgd")], tiny)
    batches = 0

    def stop() -> bool:
        return batches >= 4  # two batches of each lane, inside the first epoch

    for _, report in race(sessions, should_stop=stop):
        batches += isinstance(report, BatchReport)
    for session in sessions:
        assert session.history == [] and session.partial is not None
        assert session.seconds_trained() == session.partial[1].seconds > 0.0


def test_each_lanes_seconds_are_its_own_training_not_the_races(tiny, monkeypatch):  # noqa: F811
    """walk54 D10: the Race table's seconds were equal for every lane, the whole race's: the
    lanes take turns, and each lane's clock ran on while the others trained. Here a clock that
    jumps 100 s whenever a report is away (the other lanes' turns, the window's work) must not
    count in any lane."""
    import time as real_time

    from nndesk.training import loop

    class Clock:
        now = 0.0

        @staticmethod
        def perf_counter() -> float:
            Clock.now += 0.001  # every reading moves on a little: the lane's own work
            return Clock.now

        sleep = staticmethod(real_time.sleep)

    monkeypatch.setattr(loop, "time", Clock)
    sessions = prepare_race([FAST.replace(optimizer="adam"), FAST.replace(optimizer="sgd")], tiny)
    for _, report in race(sessions):
        if isinstance(report, BatchReport):
            Clock.now += 100.0  # away from the lane
    for session in sessions:
        assert len(session.history) == FAST.epochs
        assert 0.0 < session.seconds_trained() < 100.0


def test_the_mnist_labs_two_by_two_races_its_presets_in_one_click():
    """walk62 D9: the MNIST lab asks sigmoid vs ReLU and raw vs [0, 1] pixels at once; the
    race offered them as two comparisons of two lanes. One comparison races the four, each
    lane the lab's preset where it has one."""
    from nndesk.presets import get_preset
    from nndesk.training.race import COMPARISONS

    both = next(c for c in COMPARISONS if c.title.startswith("Units and inputs"))
    lanes = dict(both.configs("mnist"))
    assert len(lanes) == 4
    for name, preset in [
        ("Sigmoid, raw", "mnist-sigmoid-raw"),
        ("ReLU, raw", "mnist-relu-sigmoid-raw"),
        ("ReLU, [0, 1]", "mnist-relu-sigmoid-unit"),
    ]:
        assert lanes[name] == get_preset(preset).config, name
    sigmoid_unit = lanes["Sigmoid, [0, 1]"]
    assert (sigmoid_unit.activation, sigmoid_unit.normalize) == ("sigmoid", "unit")
    assert sigmoid_unit.replace(normalize="raw") == lanes["Sigmoid, raw"]


def test_lanes_begin_in_their_order_a_millisecond_apart_at_least(tiny, monkeypatch):  # noqa: F811
    """fixW #2: kept as runs, lanes list (and the Runs chart colours them) by when they began,
    to the millisecond their folders name: lanes made within one millisecond (a clock that
    reads the same) came out in any order, in other colours than the race's."""
    from datetime import datetime, timezone

    from nndesk.training import session as session_module

    same = datetime(2026, 12, 7, 15, 29, 40, 999_600, tzinfo=timezone.utc)

    class StillClock(datetime):
        @classmethod
        def now(cls, tz=None):
            return same

    monkeypatch.setattr(session_module, "datetime", StillClock)
    sessions = prepare_race([FAST.replace(lr=lr) for lr in (0.1, 0.2, 0.3)], tiny)
    began = [s.began for s in sessions]
    assert began[0] == same
    milliseconds = [f"{b:%H%M%S}{b.microsecond // 1000:03d}" for b in began]
    assert milliseconds == sorted(set(milliseconds))  # strictly in lane order
