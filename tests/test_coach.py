"""The coach's hints: each names what it saw with the run's numbers and offers a live fix."""

from __future__ import annotations

import math
import re
from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from nndesk.coach import RunSetup, hints
from nndesk.run_curves import Curves
from nndesk.setting_changes import RATE_FROM_SCHEDULE, SettingChange
from nndesk.training.internals import InsideRecord, InsideSample, LayerSample


def curves(batch_loss=(), train_loss=(), val_loss=(), train_accuracy=()) -> Curves:
    c = Curves()
    c.batch_loss = list(batch_loss)
    c.batch_x = [i / 10 for i in range(len(c.batch_loss))]
    c.train_loss, c.val_loss = list(train_loss), list(val_loss)
    c.train_accuracy = list(train_accuracy)
    c.epochs = list(range(1, len(c.train_loss) + 1))
    return c


def trained(accuracy, batches_per_epoch: int) -> Curves:
    """Curves of a run whose epochs of ``batches_per_epoch`` batches each ended at the training
    ``accuracy`` values, its batch loss flat (only the accuracy speaks)."""
    c = Curves()
    for epoch, value in enumerate(accuracy, start=1):
        for batch in range(1, batches_per_epoch + 1):
            c.batch_x.append(epoch - 1 + batch / batches_per_epoch)
            c.batch_loss.append(2.3)
        c.epochs.append(epoch)
        c.train_accuracy.append(value)
        c.train_loss.append(2.3)
        c.val_loss.append(math.nan)
    return c


#: mnist-gd (full batch: one batch an epoch) on MNIST, its training accuracy epoch by epoch as
#: ``nndesk train --preset mnist-gd --epochs 80`` measured it: 12.6 % at epoch 5, when the
#: coach called it stuck (walk47 D7), 47.7 % at 50; it ends at 84.6 % after 500
MNIST_GD = [0.09, 0.174, 0.249, 0.127, 0.126, 0.241, 0.298, 0.284, 0.294, 0.295, 0.301, 0.302,
            0.309, 0.299, 0.322, 0.33, 0.347, 0.356, 0.373, 0.379]  # fmt: skip


def test_a_full_batch_run_on_its_way_from_chance_is_not_called_stuck():
    for epochs in range(1, len(MNIST_GD) + 1):
        run = trained(MNIST_GD[:epochs], batches_per_epoch=1)
        assert [h.kind for h in hints(run, lr=0.5)] == [], epochs
    # the status line's 24.1 % (epoch 6 in progress) over the curves' 12.6 % of epoch 5
    assert hints(trained(MNIST_GD[:5], 1), lr=0.5, accuracy_now=0.241) == []


def test_a_run_is_judged_stuck_by_its_batches_not_its_epochs():
    # a mini-batch epoch of 100 batches at chance: stuck after one epoch, as before
    (hint,) = hints(trained([0.10], batches_per_epoch=100), lr=0.5)
    assert hint.kind == "stuck" and hint.fix == {"lr": 0.17}
    assert "10.0% after 100\u00a0batches" in hint.message()
    # a full-batch run needs as many batches: 49 one-batch epochs at chance are not yet stuck
    flat = [0.10 + 0.002 * (-1) ** i for i in range(60)]
    assert hints(trained(flat[:49], batches_per_epoch=1), lr=0.5) == []
    (hint,) = hints(trained(flat, batches_per_epoch=1), lr=0.5)
    assert hint.kind == "stuck" and "after 60\u00a0batches" in hint.message()


def test_a_run_still_climbing_near_chance_is_not_stuck_until_it_flattens():
    # 9 % to 14 % over 60 full-batch steps (4 points per 50 steps): learning, slowly
    climbing = [0.09 + 0.05 * i / 59 for i in range(60)]
    assert hints(trained(climbing, batches_per_epoch=1), lr=0.05) == []
    # then flat for 100 steps: stuck
    flat = climbing + [0.14] * 100
    assert [h.kind for h in hints(trained(flat, batches_per_epoch=1), lr=0.05)] == ["stuck"]
    # mini-batch epochs of 400 batches: 10 % then 11 % is 0.1 points per 50 batches: stuck
    assert [h.kind for h in hints(trained([0.10, 0.11], 400), lr=0.05)] == ["stuck"]


def test_a_rate_just_changed_is_given_time_before_the_run_is_called_stuck_again():
    """Raising the rate with the hint's button brought the hint back at the next batch,
    offering ten times more again."""
    flat = trained([0.09] * 60, batches_per_epoch=1)
    assert [h.kind for h in hints(flat, lr=1e-7)] == ["stuck"]
    flat.add_lr_change(55.0, 1e-6)  # the fix, five batches ago
    assert hints(flat, lr=1e-6) == []
    later = trained([0.09] * 106, batches_per_epoch=1)
    later.add_lr_change(55.0, 1e-6)  # fifty-one batches ago: its turn has come
    (hint,) = hints(later, lr=1e-6)
    assert hint.kind == "stuck" and hint.fix == {"lr": 1e-5}


def test_the_stuck_hint_names_the_accuracy_the_status_line_shows():
    """The status line shows the epoch in progress's running accuracy; the hint said the last
    whole epoch's beside it (12.6 % under 24.1 %, walk47 D7)."""
    run = trained([0.10], batches_per_epoch=100)
    run.batch_x.append(1.01)  # a batch of epoch 2 whose running accuracy the status line shows
    run.batch_loss.append(2.3)
    (hint,) = hints(run, lr=0.5, accuracy_now=0.112)
    assert "11.2% after 101\u00a0batches" in hint.message()
    assert hints(run, lr=0.5, accuracy_now=0.2) == []


def test_a_calm_run_gets_no_hint():
    calm = curves([2.0 - i / 100 for i in range(60)], [1.0, 0.8, 0.7], [1.1, 0.9, 0.85],
                  [0.6, 0.7, 0.75])  # fmt: skip
    assert hints(calm, lr=1e-3) == []


def test_a_climbing_loss_says_so_with_its_numbers_and_offers_a_lower_rate():
    (hint,) = hints(curves([0.5] * 20 + [2.0] * 20), lr=0.03)
    assert hint.kind == "diverging" and hint.fix == {"lr": 0.01}
    text = hint.message()
    assert "0.5000 to 2.0000" in text and "40\u00a0batches" in text
    assert hint.fix_label.format(**hint.fix) == "Lower the learning rate to 0.01"


def noisy_batch_losses(batches: int, seed: int = 0) -> np.ndarray:
    """Batch-32 losses of a run that learns: a median falling from 0.3 to 0.22, each batch
    a random factor off it (log-normal, sigma 0.7: 0.05-1.5), as Fashion's batches swing."""
    rng = np.random.default_rng(seed)
    trend = 0.3 * np.exp(-0.3 * np.arange(batches) / batches)
    return trend * np.exp(rng.normal(0.0, 0.7, batches))


def hints_along(losses: np.ndarray) -> list[tuple[int, str]]:
    """The coach's hints as a live run of batch ``losses`` meets them, batch by batch: (batch,
    kind) for each batch some hint was given."""
    seen = []
    for end in range(40, len(losses) + 1):
        window = losses[end - 40 : end]
        run = curves(window)
        seen += [(end, hint.kind) for hint in hints(run, lr=1e-3)]
    return seen


def test_batch_noise_on_a_falling_loss_is_not_called_a_climb():
    """walk54 D2: the unchanged fashion-prelu-l2 lab was told at epoch 17 that "the loss climbed
    from 0.1919 to 0.3143 over the last 40 batches: the learning rate is probably too high";
    two 20-batch means of such noisy batches differ by 1.5 times by chance."""
    losses = noisy_batch_losses(8000)
    assert hints_along(losses) == []


def test_a_loss_that_really_climbs_through_the_noise_is_called_a_climb():
    calm = noisy_batch_losses(400, seed=1)
    climbing = calm[-1] * np.exp(
        np.linspace(0.2, 3.0, 20) + np.random.default_rng(2).normal(0.0, 0.7, 20)
    )
    found = hints_along(np.concatenate([calm, climbing]))
    assert found and {kind for _, kind in found} == {"diverging"}
    assert min(batch for batch, _ in found) > 400  # on the climb, not before


def _changed(run: Curves, name: str, value, at_batch: int) -> Curves:
    """``run`` with ``name`` set to ``value`` from its batch ``at_batch`` (0-based) on."""
    from nndesk.setting_changes import SettingChange

    x = at_batch / 10  # the curves' batches are a tenth of an epoch each
    run.add_change(SettingChange(x, 1 + at_batch // 10, 1 + at_batch % 10, name, value))
    return run


def test_a_climb_right_after_augmentation_went_on_blames_the_harder_batches():
    run = _changed(curves([0.5] * 20 + [2.0] * 20), "augment", True, at_batch=20)
    (hint,) = hints(run, lr=0.03)
    assert hint.kind == "harder-data" and hint.fix == {}
    text = hint.message()
    assert "0.5000 to 2.0000" in text and "right after augment on" in text


def test_a_climb_right_after_a_stronger_sketch_share_blames_the_harder_batches():
    run = _changed(curves([0.5] * 30 + [2.0] * 20), "sketch", 0.6, at_batch=25)
    (hint,) = hints(run, lr=0.03)
    assert hint.kind == "harder-data" and "sketches 0.6" in hint.message()


def test_a_climb_long_after_augmentation_went_on_is_the_learning_rates():
    run = _changed(curves([0.5] * 40 + [2.0] * 20), "augment", True, at_batch=5)
    (hint,) = hints(run, lr=0.03)
    assert hint.kind == "diverging" and hint.fix == {"lr": 0.01}


def test_a_climb_after_a_learning_rate_change_is_still_the_learning_rates():
    run = curves([0.5] * 20 + [2.0] * 20)
    run.add_lr_change(2.0, 0.03)
    (hint,) = hints(run, lr=0.03)
    assert hint.kind == "diverging"


def test_validation_loss_rising_while_training_loss_falls_is_overfitting():
    run = curves(train_loss=[0.5, 0.4, 0.3], val_loss=[0.40, 0.45, 0.52])
    run.train_accuracy = [0.90, 0.93, 0.96]  # a trained network (``_trained``)
    (hint,) = hints(run, lr=1e-3)
    assert hint.kind == "overfitting" and hint.fix == {"augment": True}
    text = hint.message()
    assert "0.4000 at epoch 1 to 0.5200 at epoch 3" in text and "0.5000 to 0.3000" in text


def test_a_noisy_rise_from_the_lowest_validation_loss_is_overfitting_too():
    """Probe 4's run: lowest at epoch 8, then up and down to 16 % above it by epoch 14."""
    val = [0.55, 0.45, 0.40, 0.37, 0.35, 0.34, 0.33, 0.32, 0.33, 0.325, 0.34, 0.335, 0.35, 0.37]
    train = [0.55 - 0.027 * i for i in range(14)]
    accuracy = [0.80 + 0.01 * i for i in range(14)]
    (hint,) = hints(curves(train_loss=train, val_loss=val, train_accuracy=accuracy), lr=0.05)
    assert hint.kind == "overfitting"
    assert "0.3200 at epoch 8 to 0.3700 at epoch 14" in hint.message()
    # a wobble near the lowest, or a fresh low, is not overfitting
    assert (
        hints(
            curves(train_loss=train[:10], val_loss=val[:10], train_accuracy=accuracy[:10]), lr=0.05
        )
        == []
    )
    assert (
        hints(
            curves(train_loss=train, val_loss=val[:-1] + [0.31], train_accuracy=accuracy), lr=0.05
        )
        == []
    )


def test_a_run_stuck_near_chance_on_a_tiny_rate_is_offered_a_larger_one():
    (hint,) = hints(trained([0.099, 0.099], batches_per_epoch=50), lr=1e-6)
    assert hint.kind == "stuck" and hint.fix == {"lr": 1e-5}
    # as the Train form's field writes the rate the button puts there
    assert hint.button_text() == "Raise the learning rate to 1×10⁻⁵"


def test_a_layer_with_most_units_dead_and_a_run_stuck_near_chance_are_named():
    inside = InsideRecord(["Dense 784→64", "Dense 64→10"], [
        InsideSample(1.0, (LayerSample(1.0, 1e-3, 0.75), LayerSample(1.0, 1e-3, math.nan)))
    ])  # fmt: skip
    found = hints(trained([0.11], batches_per_epoch=60), inside, lr=0.3)
    assert [h.kind for h in found] == ["dead", "stuck"]
    assert "75% of the units after Dense 784→64" in found[0].message()
    assert "11.0% after 60\u00a0batches" in found[1].message()
    assert found[0].fix == {"lr": 0.1}


def _one_layer_dead(share: float) -> InsideRecord:
    return InsideRecord(["Dense 784→784", "Dense 784→10"], [
        InsideSample(1.0, (LayerSample(1.0, 1e-3, share), LayerSample(1.0, 1e-3, math.nan)))
    ])  # fmt: skip


def test_half_a_wide_layer_dead_while_the_loss_falls_is_no_hint():
    """The default MNIST lab preset at Adam 0.01 has 54 % of its 784 units dead on the sampled
    batch by batch 100 while its loss falls from 0.69 to 0.05 and it learns to 97.8 %: the coach
    warned a newcomer of it at once (i16i's walk). A run with the same dead share whose loss
    stalls, or stuck near chance, is told."""
    falling = curves([0.69 * 0.97**i for i in range(101)])
    assert hints(falling, _one_layer_dead(0.54), lr=0.01) == []
    stalled = curves([0.69] * 20 + [0.7] * 20)
    assert [h.kind for h in hints(stalled, _one_layer_dead(0.54), lr=0.01)] == ["dead"]
    stuck = trained([0.3, 0.12], batches_per_epoch=60)  # fell back to chance: not climbing
    assert [h.kind for h in hints(stuck, _one_layer_dead(0.54), lr=0.01)] == ["dead", "stuck"]


def test_nine_units_in_ten_dead_are_named_even_while_the_loss_falls():
    falling = curves([0.69 * 0.97**i for i in range(101)], train_accuracy=[0.9])
    (hint,) = hints(falling, _one_layer_dead(0.95), lr=0.01)
    assert hint.kind == "dead" and "95% of the units after Dense 784→784" in hint.message()
    assert hints(falling, _one_layer_dead(0.85), lr=0.01) == []


def _trained(tiny_dir, lr: float) -> list[str]:
    """The coach's hint kinds after training the MNIST lab's ReLU/sigmoid/BCE/Adam recipe (with
    64 hidden units) on the tiny blobs at ``lr``, with the window's watcher."""
    import warnings

    from nndesk import training
    from nndesk.data.sources import load_dataset
    from nndesk.presets import get_preset
    from nndesk.training.internals import Watcher
    from nndesk.training.loop import BatchReport, EpochReport

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tiny files are not the published ones
        data = load_dataset("mnist", data_dir=tiny_dir)
    config = get_preset("mnist-relu-sigmoid-unit").config
    session = training.prepare(config.replace(arch="784-64-10", epochs=10, lr=lr), dataset=data)
    watcher = Watcher(session.model)
    inside, run = InsideRecord(list(watcher.names)), Curves()
    for report in training.train(session, watch=watcher):
        if isinstance(report, BatchReport):
            run.add_batch(report)
            if report.inside is not None:
                inside.samples.append(report.inside)
        elif isinstance(report, EpochReport):
            run.add_epoch(report)
    return [h.kind for h in hints(run, inside, lr=lr)]


def test_a_real_run_is_told_of_dead_units_only_when_a_huge_rate_kills_them(tiny_dir):
    """At the lab's 0.01 about half the 64 units die on the blobs (53 %) and the run learns them
    all: no hint. At 0.3 every unit dies and accuracy stays at chance: the dead units first."""
    assert "dead" not in _trained(tiny_dir, 0.01)
    assert _trained(tiny_dir, 0.3)[0] == "dead"


def _confusion_with_mistakes(per_class):
    """A (k, k) confusion whose true class i has per_class[i] mistakes (all taken for the next
    class) beside 50 right answers."""
    k = len(per_class)
    c = np.diag(np.full(k, 50)).astype(np.int64)
    for i, wrong in enumerate(per_class):
        c[i, (i + 1) % k] = wrong
    return c


def test_the_mistakes_hint_holds_while_its_class_hovers_around_the_threshold():
    from nndesk.coach import MISTAKES_KEEP, MISTAKES_SHARE, mistakes_class, mistakes_hint

    assert MISTAKES_KEEP < MISTAKES_SHARE
    # class 0's share of 100 mistakes, epoch by epoch: on at 31 %, then 28, 32, 27 (between the
    # two thresholds: it stays), 20 (gone), 28 (under the threshold to come back), 30 (back)
    shares = [31, 28, 32, 27, 20, 28, 30]
    epochs = [_confusion_with_mistakes([s] + [(100 - s) // 9] * 9) for s in shares]
    named = [mistakes_class(epochs[: i + 1]) for i in range(len(epochs))]
    assert named == [0, 0, 0, 0, None, None, 0]
    # the hint follows, with the last epoch's numbers
    hint = mistakes_hint(epochs[:4], [str(i) for i in range(10)])
    assert hint.show_class == 0 and hint.values["n"] == 27
    assert mistakes_hint(epochs[:5], [str(i) for i in range(10)]) is None
    # one epoch alone (no history) is judged by the naming threshold only
    assert mistakes_hint(epochs[3], [str(i) for i in range(10)]) is None
    assert mistakes_hint(epochs[0], [str(i) for i in range(10)]).show_class == 0


def test_the_mistakes_hint_needs_enough_mistakes_and_a_class_can_take_over():
    from nndesk.coach import mistakes_class

    few = _confusion_with_mistakes([5, 1, 1, 0])  # 7 mistakes: too few to say anything
    assert mistakes_class([few]) is None
    a = _confusion_with_mistakes([40, 20, 20, 20])
    b = _confusion_with_mistakes([20, 50, 15, 15])  # class 0 under the keeping share: class 1
    assert mistakes_class([a]) == 0 and mistakes_class([a, b]) == 1
    assert mistakes_class([a, few]) is None
    # class 0 still holds 27 %, class 1 has more but under the naming share: 0 stays
    assert mistakes_class([a, _confusion_with_mistakes([27, 29, 22, 22])]) == 0
    # class 1 reaches the naming share with more mistakes than class 0: it takes over
    assert mistakes_class([a, _confusion_with_mistakes([28, 35, 20, 17])]) == 1


def test_a_growing_run_is_judged_as_a_fresh_look_at_all_its_epochs_would():
    from nndesk.coach import mistakes_class

    rng = np.random.default_rng(2)
    shares = rng.integers(15, 45, 120)  # class 0's mistakes among 100, epoch by epoch
    run: list = []
    for s in shares:
        run.append(_confusion_with_mistakes([int(s)] + [(100 - int(s)) // 9] * 9))
        assert mistakes_class(run) == mistakes_class(list(run)), len(run)
    # the newest epoch's matrix replaced (the list the same): judged anew
    run[-1] = _confusion_with_mistakes([80, 5, 5, 5, 5, 0, 0, 0, 0, 0])
    assert mistakes_class(run) == 0 == mistakes_class(list(run))
    run[-1] = _confusion_with_mistakes([10] * 10)
    assert mistakes_class(run) is None


def test_a_run_a_rate_change_threw_back_to_chance_is_told_so_not_no_problem():
    """walk60 D5: full-batch GD at lr 0.5 reached 38 % by epoch 47; lr 1.0 then took it to
    10 % by epoch 60, and the coach saw "no problem" (the stuck hint waits 50 steps after any
    rate change: 50 epochs of a full-batch run)."""
    climb = [0.1 + 0.28 * i / 46 for i in range(47)]
    run = trained(climb + [0.10] * 13, batches_per_epoch=1)
    run.add_lr_change(48.0, 1.0)
    (hint,) = hints(run, lr=1.0)
    assert hint.kind == "fell" and hint.fix == {"lr": 0.33}
    assert hint.message() == (
        "The learning rate 1 is too high for this run: training accuracy fell from 38.0% to "
        "10.0%, the 10% of guessing, after it was set."
    )
    assert hint.button_text() == "Lower the learning rate to 0.33"
    # the rate before the change, when a change set it, is the one offered back
    run.changes.clear()
    run.add_lr_change(10.0, 0.5)
    run.add_lr_change(48.0, 1.0)
    (hint,) = hints(run, lr=1.0)
    assert hint.kind == "fell" and hint.fix == {"lr": 0.5}
    # the rate in force already back at it (a Continue at the coach's rate records no change
    # of its own, verify67): nothing offers the rate in force
    for in_force in (0.5, 0.2):
        assert all(h.kind != "fell" and h.fix != {"lr": 0.5} for h in hints(run, lr=in_force))
    assert hints(run, lr=0.7)[0].kind == "fell"  # still above it: said
    # the status line's running accuracy of the epoch in progress decides, as for "stuck"
    assert hints(run, lr=1.0, accuracy_now=0.2) == []
    # a run that never left chance is not said to have fallen (the stuck hint's, in time)
    flat = trained([0.09] * 60, batches_per_epoch=1)
    flat.add_lr_change(55.0, 1e-6)
    assert hints(flat, lr=1e-6) == []


def test_an_early_wobble_of_a_network_near_chance_is_not_overfitting():
    """verify67 #6: mnist-gd at epochs 4-8, 28 % accurate, its validation loss up 2.115 ->
    2.308 while its training loss crept 2.194 -> 2.179, was told "overfitting … Turn
    augmentation on". Epoch by epoch as the window showed it (validation loss, training loss,
    training accuracy)."""
    val = [2.2520, 2.1610, 2.1150, 2.1400, 2.1830, 2.2410, 2.3080]
    train = [2.2990, 2.2400, 2.1940, 2.1910, 2.1880, 2.1830, 2.1790]
    accuracy = [0.174, 0.249, 0.127, 0.241, 0.298, 0.284, 0.280]
    gd = curves(train_loss=train, val_loss=val, train_accuracy=accuracy)
    assert hints(gd, lr=0.5) == []
    assert hints(gd, lr=0.5, setup=RunSetup(classes=10)) == []
    # the same losses of a network well past guessing: a real gap, said
    gd.train_accuracy = [0.80, 0.85, 0.88, 0.90, 0.92, 0.94, 0.95]
    assert [h.kind for h in hints(gd, lr=0.5)] == ["overfitting"]
    # ... but not for 3 classes at 60 %, under halfway from their 33 % of guessing
    gd.train_accuracy[-1] = 0.60
    assert hints(gd, lr=0.5, setup=RunSetup(classes=3)) == []


def test_overfitting_is_a_lasting_rise_of_a_trained_network_not_one_epochs_noise():
    """fashion-mlp-like: 89 -> 96 % on its training images, the validation loss lowest (0.300)
    at epoch 5 and above it after; said once the rise has lasted ``OVERFIT_EPOCHS`` epochs."""
    from nndesk.coach import OVERFIT_EPOCHS

    train = [0.45, 0.36, 0.32, 0.29, 0.27, 0.25, 0.23, 0.21, 0.19]
    accuracy = [0.84, 0.87, 0.885, 0.895, 0.905, 0.915, 0.925, 0.935, 0.945]
    val = [0.40, 0.35, 0.33, 0.31, 0.300, 0.305, 0.302, 0.330, 0.345]
    run = curves(train_loss=train, val_loss=val, train_accuracy=accuracy)
    (hint,) = hints(run, lr=1e-3)
    assert hint.kind == "overfitting" and hint.fix == {"augment": True}
    assert "0.3000 at epoch 5 to 0.3450 at epoch 9" in hint.message()
    # one epoch up (epoch 8 the only one 5 % above the lowest): noise, nothing yet
    assert OVERFIT_EPOCHS == 2
    one = curves(train_loss=train[:8], val_loss=val[:8], train_accuracy=accuracy[:8])
    assert hints(one, lr=1e-3) == []
    # a dip back under the rise at the newest epoch: not lasting
    dip = curves(train_loss=train, val_loss=val[:8] + [0.31], train_accuracy=accuracy)
    assert hints(dip, lr=1e-3) == []


def test_validation_loss_rising_after_the_rate_was_raised_blames_the_rate_not_overfitting():
    """walk62 D1: the PReLU lab's rate raised 4x in epoch 2; validation loss 0.4318 -> 0.4567
    by epoch 3 while training loss barely moved was called overfitting, and augmentation
    offered."""
    run = curves(train_loss=[0.4948, 0.4870, 0.4817], val_loss=[0.4318, 0.4450, 0.4567])
    run.add_lr_change(1.4, 0.002)
    (hint,) = hints(run, lr=0.002, setup=RunSetup(lr=0.0005))
    assert hint.kind == "rate-raised" and hint.fix == {"lr": 0.0005}
    assert hint.message() == (
        "Set the learning rate back, or lower it further: validation loss rose from 0.4318 at "
        "epoch 1 to 0.4567 at epoch 3 after it was raised from 0.0005 to 0.002 in epoch 2; "
        "steps that large overshoot."
    )
    assert hint.button_text() == "Set the learning rate back to 0.0005"
    # the rate before it is the change before it, when a change set it
    run.changes.clear()
    run.add_lr_change(0.5, 0.001)
    run.add_lr_change(1.4, 0.003)
    (hint,) = hints(run, lr=0.003)
    assert hint.kind == "rate-raised" and hint.fix == {"lr": 0.001}


def test_setting_a_raised_rate_back_gives_the_run_its_schedule_back():
    """walk64 D1: fashion-prelu-l2 (an exponential schedule) raised from 0.0005 to 0.002 in
    epoch 2; the button set 0.0005 by hand and the schedule stayed off, so epochs 11-20 never
    decayed (86.5 % against the preset's 88.9 %). When the schedule set the rate the raise
    replaced, the fix gives the rate back to the schedule."""
    run = curves(train_loss=[0.4948, 0.4870, 0.4817], val_loss=[0.4318, 0.4450, 0.5020])
    run.add_change(SettingChange(1.4, 2, 700, "lr", 0.002, before=0.0005))
    (hint,) = hints(run, lr=0.002, setup=RunSetup(lr=0.0005, schedule="exp"))
    assert hint.kind == "rate-raised" and hint.fix == {RATE_FROM_SCHEDULE: True}
    assert hint.button_text() == "Give the learning rate back to its schedule"
    # a constant schedule (or one not known) has nothing to give back: the rate is set
    for schedule in ("constant", ""):
        (hint,) = hints(run, lr=0.002, setup=RunSetup(lr=0.0005, schedule=schedule))
        assert hint.fix == {"lr": 0.0005}
    # a rate set by hand before the raise had stopped the schedule already: that rate back
    run.changes.clear()
    run.add_change(SettingChange(0.5, 1, 300, "lr", 0.001, before=0.0005))
    run.add_change(SettingChange(1.4, 2, 700, "lr", 0.003, before=0.001))
    (hint,) = hints(run, lr=0.003, setup=RunSetup(lr=0.0005, schedule="exp"))
    assert hint.fix == {"lr": 0.001}
    # ... unless it had been given back to the schedule since
    run.changes.insert(1, SettingChange(0.9, 1, 600, "lr", 0.0005, 0.001, scheduled=True))
    (hint,) = hints(run, lr=0.003, setup=RunSetup(lr=0.0005, schedule="exp"))
    assert hint.fix == {RATE_FROM_SCHEDULE: True}
    # given back, the rate is the schedule's again: no raise to speak of
    run.add_change(SettingChange(2.5, 3, 100, "lr", 0.0005, 0.003, scheduled=True))
    assert [h.kind for h in hints(run, lr=0.0005, setup=RunSetup(schedule="exp"))] == []


def test_a_large_lasting_gap_between_training_and_validation_accuracy_is_said():
    """walk64 D15: fashion-prelu-l2-plus ended at 97.2 % training accuracy against 90.5 % on
    validation (training loss 0.09, validation a flat 0.29) and the coach saw "no problem".
    The gap the course calls overfitting is said, lasting GAP_EPOCHS epochs, with what narrows
    it; no button (nothing one click fixes) and after every other hint."""
    plus = {"train_loss": [0.13, 0.12, 0.11, 0.10, 0.09],
            "val_loss": [0.29, 0.29, 0.29, 0.30, 0.29]}  # fmt: skip
    run = curves(**plus, train_accuracy=[0.954, 0.959, 0.963, 0.968, 0.972])
    run.val_accuracy = [0.902, 0.903, 0.904, 0.900, 0.905]
    (hint,) = hints(run, lr=1e-5)
    assert hint.kind == "gap" and hint.fix == {} and hint.button_text() == ""
    assert hint.message() == (
        "Overfitting: more L2, dropout or augmentation, or fewer epochs, narrow the gap. "
        "Training accuracy 97.2% against 90.5% on the validation split at epoch 5, 6.7\u00a0points "
        "apart for 3\u00a0epochs: the network fits its training images much better than new ones."
    )
    # fashion-mlp-plus: 3 to 4.6 points, and a gap of two epochs only: nothing
    run.train_accuracy = [0.930, 0.935, 0.940, 0.943, 0.947]
    run.val_accuracy = [0.899, 0.901, 0.901, 0.901, 0.902]
    assert hints(run, lr=1e-5) == []
    run.train_accuracy = [0.930, 0.935, 0.940, 0.963, 0.972]
    assert hints(run, lr=1e-5) == []
    # no validation split: nothing to compare
    run.train_accuracy, run.val_accuracy = [0.95, 0.96, 0.97, 0.98, 0.99], [math.nan] * 5
    assert hints(run, lr=1e-5) == []
    # another hint comes first and alone (the rising validation loss says overfitting itself)
    rising = curves(train_loss=[0.3, 0.2, 0.1, 0.05], val_loss=[0.30, 0.29, 0.31, 0.36],
                    train_accuracy=[0.90, 0.95, 0.97, 0.99])  # fmt: skip
    rising.val_accuracy = [0.88, 0.89, 0.89, 0.89]
    assert [h.kind for h in hints(rising, lr=1e-3)] == ["overfitting"]


def test_a_rate_lowered_after_the_lowest_validation_loss_is_not_called_overfitting():
    run = curves(train_loss=[0.4948, 0.4870, 0.4817], val_loss=[0.4318, 0.4450, 0.4567])
    run.add_lr_change(1.4, 0.0001)
    assert hints(run, lr=0.0001, setup=RunSetup(lr=0.0005)) == []


def test_a_rate_raised_before_the_lowest_validation_loss_leaves_overfitting_said():
    run = curves(train_loss=[0.5, 0.4, 0.3, 0.2], val_loss=[0.45, 0.40, 0.45, 0.52],
                 train_accuracy=[0.85, 0.88, 0.91, 0.94])  # fmt: skip
    run.add_lr_change(0.5, 0.01)
    (hint,) = hints(run, lr=0.01, setup=RunSetup(lr=0.001))
    assert hint.kind == "overfitting"
    # a change after the lowest whose direction cannot be told (no start rate, no change
    # before it): its epochs are not judged either way
    late = curves(train_loss=[0.5, 0.4, 0.3], val_loss=[0.40, 0.45, 0.52],
                  train_accuracy=[0.85, 0.88, 0.91])  # fmt: skip
    late.add_lr_change(1.5, 0.01)
    assert [h.kind for h in hints(late, lr=0.01)] == []


def test_a_raise_after_which_both_losses_rose_blames_the_rate():
    """verify62: a raise at epoch 4 after which the validation loss rose 0.37 -> 0.46 -> 0.47
    with the training loss rising too got "no problem" for the two epochs it hurt."""
    run = curves(train_loss=[0.60, 0.45, 0.40, 0.43, 0.44], val_loss=[0.50, 0.40, 0.37, 0.46, 0.47])
    run.add_lr_change(3.01, 0.002)
    (hint,) = hints(run, lr=0.002, setup=RunSetup(lr=0.0005))
    assert hint.kind == "rate-raised" and hint.fix == {"lr": 0.0005}
    assert "0.3700 at epoch 3 to 0.4700 at epoch 5" in hint.message()
    # its first epoch already tells
    first = curves(train_loss=[0.60, 0.45, 0.40, 0.43], val_loss=[0.50, 0.40, 0.37, 0.46])
    first.add_lr_change(3.01, 0.002)
    assert [h.kind for h in hints(first, lr=0.002, setup=RunSetup(lr=0.0005))] == ["rate-raised"]


def test_the_rate_raised_hint_stays_while_the_validation_loss_stays_above_its_old_lowest():
    """verify62: the hint lasted one epoch, then "no problem" though the rate and the loss it
    raised were unchanged (the overfitting rule's falling training loss no longer held)."""
    val = [0.4318, 0.4450, 0.4623, 0.4510, 0.4400]
    run = curves(train_loss=[0.4948, 0.4870, 0.4817, 0.4830, 0.4890], val_loss=val)
    run.add_lr_change(1.4, 0.002)
    said = [
        [h.kind for h in hints(_first_epochs(run, n), lr=0.002, setup=RunSetup(lr=0.0005))]
        for n in (2, 3, 4, 5)
    ]
    assert said == [[], ["rate-raised"], ["rate-raised"], ["rate-raised"]]
    # the cause gone: back to its old lowest, or the rate set back
    run.val_loss.append(0.4300)
    run.train_loss.append(0.47)
    run.epochs.append(6)
    assert hints(run, lr=0.002, setup=RunSetup(lr=0.0005)) == []
    back = _first_epochs(run, 5)
    back.add_lr_change(5.2, 0.0005)
    assert hints(back, lr=0.0005, setup=RunSetup(lr=0.0005)) == []


def test_a_raise_late_in_an_epoch_leaves_that_epoch_judged_as_before_it():
    """The epoch the rate was raised in counts as after the raise only when most of its
    batches took the raised rate: raised in its last tenth, its validation loss is the old
    rate's."""
    run = curves(train_loss=[0.5, 0.45, 0.44, 0.43], val_loss=[0.45, 0.40, 0.43, 0.43])
    run.add_lr_change(1.9, 0.01)  # epoch 2's last tenth: its 0.40 is the lowest before
    (hint,) = hints(run, lr=0.01, setup=RunSetup(lr=0.001))
    assert hint.kind == "rate-raised" and "0.4000 at epoch 2" in hint.message()
    helped = curves(train_loss=[0.5, 0.45, 0.44, 0.43], val_loss=[0.45, 0.43, 0.40, 0.46])
    helped.add_lr_change(1.9, 0.01)  # after the raise it went lower: the raise helped
    assert [h.kind for h in hints(helped, lr=0.01, setup=RunSetup(lr=0.001))] == []


def _first_epochs(run: Curves, n: int) -> Curves:
    """``run`` as it stood after its first ``n`` epochs (its changes kept)."""
    cut = run.copy()
    for name in ("epochs", "train_loss", "val_loss"):
        setattr(cut, name, getattr(run, name)[:n])
    return cut


def test_a_continue_that_kept_a_raised_rate_still_blames_the_raise():
    """The real window: a Fashion run raised from 0.001 to 0.02 in epoch 3 and continued,
    keeping 0.02: the continued run starts at 0.02, so against its start rate the raise was
    none and the coach saw "no problem". The rate before the raise is the one its last epoch
    ended with."""
    run = curves(train_loss=[0.50, 0.39, 0.56, 0.66, 0.60], val_loss=[0.42, 0.39, 0.77, 0.62, 0.64])
    run.lr = [0.001, 0.001, 0.02, 0.02, 0.02]
    run.add_lr_change(2.69, 0.02)
    (hint,) = hints(run, lr=0.02, setup=RunSetup(lr=0.02))
    assert hint.kind == "rate-raised" and hint.fix == {"lr": 0.001}
    assert "raised from 0.001 to 0.02 in epoch 3" in hint.message()


def test_a_raise_names_the_rate_in_force_when_it_was_made_a_schedules_too():
    """verify63 V7: a step schedule had made the rate 0.0001 in epoch 3 when it was raised to
    0.05: the hint said "raised from 0.001 to 0.05" and its button set 0.001, the start rate
    (and the rate epoch 2 ended with). The rate the run recorded with the change is named."""
    run = curves(train_loss=[0.50, 0.40, 0.38, 0.90], val_loss=[0.45, 0.38, 0.50, 2.31])
    run.lr = [0.001, 0.001, 0.05, 0.05]
    run.add_change(SettingChange(2.4, 3, 300, "lr", 0.05, before=0.0001))
    (hint,) = hints(run, lr=0.05, setup=RunSetup(lr=0.001))
    assert hint.kind == "rate-raised" and hint.fix == {"lr": 0.0001}
    assert "raised from 0.0001 to 0.05 in epoch 3" in hint.message()
    assert hint.button_text() == "Set the learning rate back to 0.0001"
    # a raise to under the start rate is a raise all the same: from the schedule's 0.0001
    low = curves(train_loss=[0.50, 0.40, 0.38, 0.90], val_loss=[0.45, 0.38, 0.50, 0.60])
    low.add_change(SettingChange(2.4, 3, 300, "lr", 0.0005, before=0.0001))
    (hint,) = hints(low, lr=0.0005, setup=RunSetup(lr=0.001))
    assert hint.kind == "rate-raised" and "raised from 0.0001 to 0.0005" in hint.message()
    # and a lowering from a rate above the start one is none
    lowered = curves(train_loss=[0.50, 0.40, 0.38, 0.90], val_loss=[0.45, 0.38, 0.50, 0.60])
    lowered.add_change(SettingChange(2.4, 3, 300, "lr", 0.002, before=0.01))
    assert [h.kind for h in hints(lowered, lr=0.002, setup=RunSetup(lr=0.001))] == []


def test_a_raise_that_hurt_a_run_without_validation_is_told_from_its_training_loss():
    """verify63 V6: no validation split, the rate raised from the schedule's 0.0001 to 0.01 in
    epoch 4; the training loss went 0.30 -> 0.49 -> 0.50 and the test accuracy to 81.7 % (87.4 %
    without the raise), and the coach said it saw no problem."""
    nan = math.nan
    run = curves(train_loss=[0.60, 0.40, 0.30, 0.49, 0.50], val_loss=[nan] * 5)
    run.add_change(SettingChange(3.1, 4, 170, "lr", 0.01, before=0.0001))
    (hint,) = hints(run, lr=0.01, setup=RunSetup(lr=0.001))
    assert hint.kind == "rate-raised" and hint.fix == {"lr": 0.0001}
    assert hint.message() == (
        "Set the learning rate back, or lower it further: training loss rose from 0.3000 at "
        "epoch 3 to 0.5000 at epoch 5 after it was raised from 0.0001 to 0.01 in epoch 4; steps "
        "that large overshoot."
    )
    # a raise the training loss went on falling after helped, or did no harm
    helped = curves(train_loss=[0.60, 0.40, 0.30, 0.28, 0.27], val_loss=[nan] * 5)
    helped.add_change(SettingChange(3.1, 4, 170, "lr", 0.01, before=0.0001))
    assert hints(helped, lr=0.01, setup=RunSetup(lr=0.001)) == []
    # with a validation split, its loss judges, as before: here it went on falling
    falling = [0.50, 0.40, 0.35, 0.34, 0.33]
    judged = curves(train_loss=[0.60, 0.40, 0.30, 0.49, 0.50], val_loss=falling)
    judged.add_change(SettingChange(3.1, 4, 170, "lr", 0.01, before=0.0001))
    assert hints(judged, lr=0.01, setup=RunSetup(lr=0.001)) == []


def test_a_raise_late_in_an_epoch_that_rose_its_validation_loss_is_said_as_that_epoch_ends():
    """walk65 D4: fashion-prelu-l2 raised from the schedule's 0.000452419 to 0.002 in epoch
    3's last sixth; its validation loss went 0.40 -> 0.65 at that epoch's end and the coach
    said nothing until the run was over (that epoch judged as before the raise, its 0.65
    taken for the old rate's). Measured as the epoch ends, that loss is the raised rate's."""
    run = curves(train_loss=[0.55, 0.45, 0.47], val_loss=[0.47, 0.40, 0.65])
    rate = 0.000452418709018
    run.add_change(SettingChange(2.86, 3, 1290, "lr", 0.002, before=rate))
    (hint,) = hints(run, lr=0.002, setup=RunSetup(lr=0.0005))
    assert hint.kind == "rate-raised" and hint.fix == {"lr": rate}  # the rate itself, exact
    assert "0.4000 at epoch 2 to 0.6500 at epoch 3" in hint.message()
    # every rate said rounded for a person: 0.000452, not 0.000452419
    assert "raised from 0.000452 to 0.002 in epoch 3" in hint.message()
    assert hint.button_text() == "Set the learning rate back to 0.000452"
    # a late raise whose epoch still went lower is judged as before it, as before
    lower = curves(train_loss=[0.55, 0.45, 0.44], val_loss=[0.47, 0.40, 0.38])
    lower.add_change(SettingChange(2.86, 3, 1290, "lr", 0.002, before=rate))
    assert hints(lower, lr=0.002, setup=RunSetup(lr=0.0005)) == []


def test_rates_are_said_to_three_significant_digits_in_the_windows_language(qapp):
    from nndesk.i18n import Rate, fill, rate_said
    from nndesk.ui import language

    assert rate_said(0.000452418709018) == "0.000452" and rate_said(0.002) == "0.002"
    assert rate_said(1e-7) == "1×10⁻⁷" and fill("lr {lr:g}", lr=Rate(0.0123456)) == "lr 0.0123"
    assert float(Rate(0.000452418709018)) == 0.000452418709018  # the value stays exact
    assert language.use_language("vi") == "vi"
    try:
        assert rate_said(0.000452418709018) == "0,000452"
        raised = curves(train_loss=[0.55, 0.45, 0.47], val_loss=[0.47, 0.40, 0.65])
        raised.add_change(SettingChange(2.86, 3, 1290, "lr", 0.002, before=0.000452418709018))
        (hint,) = hints(raised, lr=0.002, setup=RunSetup(lr=0.0005))
        said = hint.message(lambda t: language.translate_marked("Coach", t))
        assert "0,000452 lên 0,002" in said and "0,000452419" not in said
        button = hint.button_text(lambda t: language.translate_marked("Coach", t))
        assert button.endswith("0,000452"), button
    finally:
        language.use_language("en")


def test_a_raise_whose_rate_is_set_back_since_is_not_offered_again():
    """verify66 #3: continued at the coach's rate (0.5, the rate before a raise to 2), the
    coach still said "Set it back" with its button, under "LR now 0.5": the Continue records
    no change of its own, so the raise stayed the newest. The rate in force decides."""
    run = curves(train_loss=[0.50, 0.45, 0.56, 0.66, 0.60], val_loss=[0.42, 0.40, 0.77, 0.62, 0.64])
    run.add_lr_change(2.69, 2.0)
    setup = RunSetup(lr=0.5)
    (hint,) = hints(run, lr=2.0, setup=setup)
    assert hint.kind == "rate-raised" and hint.fix == {"lr": 0.5}
    assert hints(run, lr=0.5, setup=setup) == []  # set back: nothing left to advise
    assert hints(run, lr=0.1, setup=setup) == []  # lower still: the same
    (hint,) = hints(run, lr=1.0, setup=setup)  # halfway back: still above it
    assert hint.kind == "rate-raised"


def _collapsed_gd_run() -> Curves:
    """mnist-gd as verify66 trained it: lr 0.5 to 38 % by epoch 61 (loss 1.34), raised by hand
    to 2 in epoch 62, at the loss of guessing (2.3012, 11.3 %) from epoch 64 on."""
    climb = [0.1 + 0.28 * i / 60 for i in range(61)]
    run = trained(climb + [0.30, 0.2, 0.113, 0.113, 0.112, 0.113], batches_per_epoch=1)
    run.train_loss = [2.3 - 0.96 * i / 60 for i in range(61)] + [1.9, 2.2, 2.3012, 2.3013,
                                                                  2.3012, 2.3012]  # fmt: skip
    run.val_loss = list(run.train_loss)
    run.add_lr_change(61.5, 2.0)
    return run


def test_a_network_dead_at_the_loss_of_guessing_is_told_to_start_again_not_offered_a_rate():
    """verify66 #3: mnist-gd dead at 2.3012 (ln 10, 11 %) since lr 2: the coach offered "Set
    the learning rate back to 0.5" before and after it was taken; no rate revives units that
    no longer respond. It says so plainly, and nothing else offers a rate."""
    run = _collapsed_gd_run()
    setup = RunSetup(lr=0.5, loss="ce", classes=10)
    found = hints(run, lr=2.0, setup=setup)
    assert found[0].kind == "collapsed" and found[0].fix == {} and found[0].fix_label == ""
    assert found[0].message() == (
        "Train it again from the start: the training loss has stood at 2.3012 since epoch 64, "
        "the loss of a network that answers every image alike (ln 10 = 2.3026). Its units no "
        "longer respond to the images, and no learning rate brings them back."
    )
    assert {h.kind for h in found[1:]} <= {"rate-raised", "fell", "stuck"}, found
    assert all(h.fix == {} and h.fix_label == "" for h in found[1:]), found
    # the rate set back changes nothing of it
    assert [h.kind for h in hints(run, lr=0.5, setup=setup)][:1] == ["collapsed"]
    # its climb into the collapse is no "the rate is probably too high" said before it (the
    # real window said that one first, its button hidden)
    run.batch_loss[-40:] = [1.63] * 20 + [2.66] * 20
    found = hints(run, lr=2.0, setup=setup)
    assert [h.kind for h in found][:2] == ["collapsed", "diverging"], found
    assert found[1].fix == {}
    # two epochs at it are not yet a collapse; a run that never learnt is "stuck", not this;
    # a squared-error run's loss is not ln 10
    assert "collapsed" not in {h.kind for h in hints(_first_epochs(run, 65), lr=2.0, setup=setup)}
    never = trained([0.11] * 70, batches_per_epoch=1)
    never.train_loss = [2.3020] * 70
    assert "collapsed" not in {h.kind for h in hints(never, lr=0.5, setup=setup)}
    mse = RunSetup(lr=0.5, loss="mse", classes=10)
    assert "collapsed" not in {h.kind for h in hints(run, lr=2.0, setup=mse)}


#: walk68 D3's run (``run.json`` of full-batch GD on Fashion-MNIST, 784-10-10, lr 0.5): its
#: training accuracy at epochs 78-200, after the rate went 0.5 -> 1 at epoch 50 and back to 0.5
#: at epoch 78 (the coach's own button); the coach saw "no problem" throughout
WALK68_AFTER = [0.218, 0.196, 0.223, 0.244, 0.241, 0.237, 0.226, 0.21, 0.23, 0.22, 0.216, 0.211,
                0.222, 0.218, 0.209, 0.213, 0.217, 0.212, 0.206, 0.212, 0.214, 0.211, 0.206, 0.22,
                0.213, 0.214, 0.207, 0.227, 0.212, 0.218, 0.208, 0.231, 0.213, 0.223, 0.209,
                0.234, 0.213, 0.231, 0.21, 0.236, 0.214, 0.237, 0.211, 0.238, 0.216, 0.241, 0.212,
                0.238, 0.219, 0.243, 0.213, 0.238, 0.223, 0.246, 0.214, 0.237, 0.227, 0.246,
                0.216, 0.234, 0.232, 0.247, 0.216, 0.232, 0.236, 0.246, 0.216, 0.229, 0.24, 0.244,
                0.216, 0.226, 0.243, 0.243, 0.217, 0.223, 0.244, 0.24, 0.217, 0.219, 0.247, 0.239,
                0.217, 0.218, 0.247, 0.237, 0.217, 0.213, 0.251, 0.236, 0.218, 0.214, 0.248,
                0.233, 0.218, 0.204, 0.256, 0.236, 0.22, 0.215, 0.244, 0.227, 0.221, 0.204, 0.255,
                0.228, 0.219, 0.2, 0.255, 0.228, 0.219, 0.193, 0.26, 0.234, 0.222, 0.203, 0.249,
                0.223, 0.221, 0.184, 0.267, 0.28, 0.227, 0.225]  # fmt: skip
#: ... and epochs 1-77: chance for 25 epochs, 36 % by epoch 48, thrown about by lr 1
WALK68_BEFORE = [0.094, 0.1, 0.1, 0.106, 0.091, 0.098, 0.1, 0.1, 0.1, 0.101, 0.101, 0.104,
                 0.114, 0.155, 0.154, 0.102, 0.102, 0.103, 0.103, 0.106, 0.11, 0.116, 0.126,
                 0.143, 0.174, 0.169, 0.063, 0.104, 0.292, 0.254, 0.246, 0.282, 0.29, 0.287,
                 0.291, 0.3, 0.243, 0.201, 0.218, 0.291, 0.299, 0.32, 0.316, 0.337, 0.355, 0.364,
                 0.361, 0.366, 0.318, 0.209, 0.101, 0.17, 0.207, 0.127, 0.171, 0.202, 0.112,
                 0.139, 0.156, 0.215, 0.179, 0.201, 0.1, 0.101, 0.114, 0.135, 0.142, 0.218, 0.218,
                 0.186, 0.205, 0.1, 0.1, 0.103, 0.136, 0.207, 0.218]  # fmt: skip

FULL_BATCH = RunSetup(
    activation="relu", normalize="unit", full_batch=True, batch=60000, train_images=60000,
    lr=0.5, schedule="constant", loss="ce", classes=10,
)  # fmt: skip


def _walk68(epochs: int) -> Curves:
    run = trained((WALK68_BEFORE + WALK68_AFTER)[:epochs], batches_per_epoch=1)
    run.add_change(SettingChange(x=49.0, epoch=50, batch=1, name="lr", value=1.0, before=0.5))
    run.add_change(SettingChange(x=77.0, epoch=78, batch=1, name="lr", value=0.5, before=1.0))
    return run


def test_a_run_stalled_far_under_what_a_network_reaches_is_told_so():
    """walk68 D3: set back to 0.5 after lr 1 threw it about, full-batch GD on Fashion sat at
    21-25 % for 120 epochs and the coach saw "no problem" (the stuck hint waits under 15 %)."""
    # the set-back rate is given its 50 steps to show what it does
    assert [h.kind for h in hints(_walk68(120), lr=0.5, setup=FULL_BATCH)] == []
    for epochs in (128, 160, 200):
        plateau = [h for h in hints(_walk68(epochs), lr=0.5, setup=FULL_BATCH)
                   if h.kind == "plateau"]  # fmt: skip
        assert len(plateau) == 1, epochs
        text = plateau[0].message()
        assert re.search("has stood near 2[234]%", text) and "not recovered" in text, text
        assert plateau[0].fix == {"lr": 0.17}  # a smaller rate than the one in force
    (hint,) = [h for h in hints(_walk68(200), lr=0.5, setup=FULL_BATCH) if h.kind == "plateau"]
    assert "for the last 101\u00a0epochs (101\u00a0batches)" in hint.message()


def test_a_stalled_run_is_told_what_suits_it():
    flat = [0.3 + 0.01 * (-1) ** i for i in range(120)]
    # full-batch GD never thrown about: more epochs, Adam or small batches
    (hint,) = hints(trained(flat, 1), lr=0.5, setup=FULL_BATCH)
    assert hint.kind == "plateau" and hint.fix == {}
    assert "Adam or batches of 128" in hint.message()
    # raw pixels: scale them
    raw = RunSetup(normalize="raw", activation="relu", train_images=60000)
    (hint,) = hints(trained(flat, 1), lr=0.5, setup=raw)
    assert "Inputs: [0, 1]" in hint.message()
    # a mini-batch run flat for 5 epochs of 400 batches: the rate, the inputs, Adam
    mini = RunSetup(normalize="unit", activation="relu", batch=128, train_images=60000)
    (hint,) = hints(trained(flat[:6], 400), lr=0.03, setup=mini)
    assert hint.kind == "plateau" and hint.fix == {"lr": 0.01}
    assert "the last 5\u00a0epochs (2,000\u00a0batches)" in hint.message()


def test_a_run_climbing_slowly_or_past_half_is_no_plateau():
    # mnist-gd on its way: 9 % to 38 % in 20 steps, then a point every 5 epochs to 60 %
    climbing = MNIST_GD + [0.38 + 0.002 * i for i in range(110)]
    for epochs in range(50, len(climbing) + 1, 10):
        assert hints(trained(climbing[:epochs], 1), lr=0.5, setup=FULL_BATCH) == [], epochs
    # a mini-batch run climbing 2 points an epoch is learning
    mini = RunSetup(normalize="unit", activation="relu", batch=128, train_images=60000)
    assert hints(trained([0.2 + 0.02 * i for i in range(8)], 400), lr=0.03, setup=mini) == []
    # flat at 60 %: a run that learnt, if slowly, not a stalled one
    assert hints(trained([0.6] * 120, 1), lr=0.5, setup=FULL_BATCH) == []
    # fewer than PLATEAU_EPOCHS epochs of a mini-batch run: too early to say
    assert hints(trained([0.3] * 4, 400), lr=0.03, setup=mini) == []
    # a few hundred images (the tests' tiny sets): what a network reaches there is not known
    small = RunSetup(normalize="unit", activation="relu", batch=20, train_images=500)
    assert hints(trained([0.3] * 12, 25), lr=0.03, setup=small) == []
    # ... but a small part of MNIST's 60,000 (validation 0.99) is fitted more easily still
    subset = replace(small, train_images=600, images=60000)
    assert [h.kind for h in hints(trained([0.3] * 12, 30), lr=0.03, setup=subset)] == ["plateau"]
    assert [h.kind for h in hints(trained([0.3] * 12, 25), lr=0.03, setup=mini)] == ["plateau"]


def test_a_continued_run_is_judged_on_the_epochs_before_its_continue_too():
    """walk68 D3 continued the stopped run from epoch 92: its curves hold epochs 1-91 but none
    of their batches, and the window said "no problem" at epoch 105 of a run flat since 78."""
    run = _walk68(130)
    kept = [i for i, x in enumerate(run.batch_x) if x > 91]  # this run's own batches
    run.batch_x = [run.batch_x[i] for i in kept]
    run.batch_loss = [run.batch_loss[i] for i in kept]
    kinds = [h.kind for h in hints(run, lr=0.5, setup=FULL_BATCH)]
    assert kinds == ["plateau"], kinds


def test_a_steady_full_batch_oscillation_near_chance_is_not_overfitting():
    """walk68 D3: full-batch GD on Fashion at 21-25 % kept a period-4 oscillation (validation
    loss 1.70, 1.74, 1.76, 1.91, …, training loss the same one epoch behind) and the coach said
    "overfitting … Turn augmentation on" at epoch 159, a trough against a peak. Its figures:
    epochs 152-159 of the run's run.json, repeated with the run's slow drift."""
    val = [1.712, 1.76, 1.765, 1.904, 1.707, 1.75, 1.764, 1.907]
    train = [1.901, 1.705, 1.757, 1.757, 1.905, 1.7, 1.747, 1.756]
    run = trained(WALK68_BEFORE + WALK68_AFTER[:82], batches_per_epoch=1)
    n = len(run.epochs)
    run.val_loss = [2.0] * (n - 80) + [v - 0.002 * i for i in range(10) for v in val][:80]
    run.train_loss = [2.0] * (n - 80) + [t - 0.002 * i for i in range(10) for t in train][:80]
    run.add_change(SettingChange(x=49.0, epoch=50, batch=1, name="lr", value=1.0, before=0.5))
    run.add_change(SettingChange(x=77.0, epoch=78, batch=1, name="lr", value=0.5, before=1.0))
    for epochs in range(n - 40, n + 1):
        part = trained((WALK68_BEFORE + WALK68_AFTER)[:epochs], batches_per_epoch=1)
        part.val_loss, part.train_loss = run.val_loss[:epochs], run.train_loss[:epochs]
        part.changes = list(run.changes)
        kinds = [h.kind for h in hints(part, lr=0.5, setup=FULL_BATCH)]
        assert "overfitting" not in kinds, (epochs, kinds)


#: verify68's run (full-batch GD on Fashion-MNIST, 784-10-10, lr 0.5; ``run.json`` epochs
#: 1-200): lr 1 set at epoch 12, 0.5 again at 25; dead at the loss of guessing (2.3026 = ln 10,
#: 10 %) from epoch 26 to 84, then 20 % by 88, creeping to 27 % by 180
VERIFY68_ACCURACY = [0.094, 0.1, 0.1, 0.106, 0.091, 0.098, 0.1, 0.1, 0.1, 0.101, 0.101, 0.104,
                     0.13, 0.125, 0.1, 0.1, 0.1, 0.1, 0.096, 0.013, 0.001, 0.187, 0.2, 0.18,
                     0.162, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1,
                     0.1, 0.1, 0.1, 0.1, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101,
                     0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101,
                     0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101, 0.101,
                     0.101, 0.102, 0.102, 0.102, 0.102, 0.102, 0.103, 0.103, 0.105, 0.107, 0.114,
                     0.124, 0.139, 0.158, 0.2, 0.2, 0.202, 0.203, 0.207, 0.209, 0.209, 0.209,
                     0.205, 0.203, 0.208, 0.214, 0.209, 0.212, 0.208, 0.21, 0.206, 0.222, 0.209,
                     0.213, 0.21, 0.214, 0.21, 0.218, 0.212, 0.218, 0.213, 0.219, 0.213, 0.221,
                     0.215, 0.222, 0.216, 0.223, 0.217, 0.224, 0.218, 0.226, 0.219, 0.227, 0.22,
                     0.228, 0.222, 0.23, 0.223, 0.231, 0.225, 0.232, 0.226, 0.234, 0.228, 0.235,
                     0.229, 0.236, 0.231, 0.237, 0.232, 0.238, 0.234, 0.239, 0.235, 0.24, 0.237,
                     0.241, 0.239, 0.243, 0.241, 0.244, 0.243, 0.245, 0.245, 0.246, 0.247, 0.247,
                     0.249, 0.249, 0.251, 0.25, 0.253, 0.252, 0.256, 0.253, 0.258, 0.255, 0.26,
                     0.257, 0.262, 0.259, 0.265, 0.261, 0.266, 0.263, 0.268, 0.263, 0.268, 0.264,
                     0.269, 0.262, 0.27, 0.264, 0.266, 0.253, 0.28, 0.281, 0.244, 0.167, 0.259,
                     0.262, 0.252, 0.288, 0.273, 0.266, 0.245]  # fmt: skip
VERIFY68_LOSS = [3.2262, 4.1714, 4.1676, 2.2898, 2.2735, 2.2927, 2.306, 2.3055, 2.305, 2.3044,
                 2.3035, 2.3017, 2.2856, 2.4157, 2.3065, 2.3057, 2.3051, 2.3042, 2.3017, 2.278,
                 2.2481, 2.2705, 2.1234, 2.1102, 2.392, 2.3092, 2.3086, 2.308, 2.3075, 2.3071,
                 2.3066, 2.3062, 2.3059, 2.3056, 2.3053, 2.305, 2.3048, 2.3046, 2.3044, 2.3042,
                 2.304, 2.3039, 2.3037, 2.3036, 2.3035, 2.3034, 2.3033, 2.3032, 2.3032, 2.3031,
                 2.303, 2.303, 2.3029, 2.3029, 2.3028, 2.3028, 2.3027, 2.3027, 2.3027, 2.3026,
                 2.3026, 2.3026, 2.3025, 2.3025, 2.3025, 2.3025, 2.3024, 2.3024, 2.3024, 2.3023,
                 2.3023, 2.3023, 2.3022, 2.3021, 2.3021, 2.302, 2.3018, 2.3017, 2.3014, 2.301,
                 2.3003, 2.2989, 2.2955, 2.2859, 2.2588, 2.2071, 2.1387, 2.0661, 2.019, 1.9929,
                 1.9752, 1.9619, 1.9503, 1.9396, 1.9296, 1.9203, 1.9116, 1.9034, 1.896, 1.8904,
                 1.8906, 1.9109, 1.9592, 1.9773, 1.9156, 1.8838, 1.881, 1.8929, 1.9028, 1.9052,
                 1.8871, 1.8737, 1.8686, 1.8702, 1.87, 1.8687, 1.8627, 1.8565, 1.8526, 1.85,
                 1.8484, 1.8458, 1.8434, 1.8391, 1.837, 1.8332, 1.8322, 1.8286, 1.8278, 1.8236,
                 1.8231, 1.8188, 1.8188, 1.8145, 1.8149, 1.8103, 1.8109, 1.8063, 1.8073, 1.8026,
                 1.8039, 1.7991, 1.8006, 1.7957, 1.7976, 1.7924, 1.7946, 1.7893, 1.7918, 1.7862,
                 1.789, 1.7833, 1.7866, 1.7806, 1.7841, 1.7778, 1.7815, 1.7753, 1.7797, 1.7729,
                 1.7775, 1.7703, 1.7754, 1.7681, 1.7738, 1.7659, 1.7722, 1.7636, 1.7712, 1.7618,
                 1.7707, 1.7592, 1.7694, 1.7569, 1.7695, 1.7541, 1.7693, 1.7509, 1.7705, 1.7466,
                 1.7721, 1.7418, 1.7739, 1.7375, 1.7798, 1.7288, 1.775, 1.7301, 1.7948, 1.7077,
                 1.7357, 1.7803, 1.9331, 1.7165, 1.7181, 1.815, 1.7057, 1.7127, 1.7647,
                 1.8354]  # fmt: skip


def _verify68(epochs: int) -> Curves:
    run = trained(VERIFY68_ACCURACY[:epochs], batches_per_epoch=1)
    run.train_loss = VERIFY68_LOSS[:epochs]
    for x, value, before in ((11.0, 1.0, 0.5), (24.0, 0.5, 1.0)):
        if x < epochs:
            change = SettingChange(x=x, epoch=int(x) + 1, batch=1, name="lr", value=value,
                                   before=before)  # fmt: skip
            run.add_change(change)
    return run


def test_a_run_dead_at_the_loss_of_guessing_after_too_large_steps_is_told_within_20_epochs():
    """verify68 #2: thrown about by lr 1, set back to 0.5 at epoch 25, the run sat at 2.3026
    (10 %) from epoch 26: the stuck hint gave the rate set by hand 50 steps and said it at 73,
    as if inputs or rate were the matter. Now at 45, saying what it is and what to try."""
    setup = replace(FULL_BATCH, train_images=54000, batch=54000)
    for epochs in range(26, 45):
        assert [h.kind for h in hints(_verify68(epochs), lr=0.5, setup=setup)] == [], epochs
    for epochs in range(45, 85):
        (hint,) = hints(_verify68(epochs), lr=0.5, setup=setup)
        assert hint.kind == "stuck" and hint.fix == {"lr": 0.17}, epochs
        text = hint.message()
        assert re.search(r"loss has stood at 2\.[23]\d\d\d for \d+\u00a0epochs", text), text
        assert "(ln 10 = 2.3026)" in text, text
        assert "steps too large for it" in text and "from the start" in text, text
    assert "for 20\u00a0epochs, at 10.1%" in hints(_verify68(45), lr=0.5, setup=setup)[0].message()
    # a network never thrown about starts at that loss: the stuck hint's own time, its words
    for epochs, said in ((45, []), (60, ["stuck"])):
        fresh = trained([0.1] * epochs, batches_per_epoch=1)
        fresh.train_loss = [2.3026] * epochs
        found = hints(fresh, lr=0.5, setup=setup)
        assert [h.kind for h in found] == said, epochs
    assert "Check the input normalisation" in found[0].message()


def test_a_run_stalled_after_it_climbed_out_of_guessing_is_told_within_20_epochs():
    """verify68 #2: at 20 % from epoch 88 and creeping up 0.07 points an epoch, the run was
    told of its plateau at 213 ("no problem" at 119, 177 and 189): the last 100 steps held its
    climb out of 10 %, and 3.5 points per 50 steps read as learning. Now from 108 on."""
    setup = replace(FULL_BATCH, train_images=54000, batch=54000)
    for epochs in range(85, 103):  # on its way out of guessing: not "stood near 10%"
        assert "plateau" not in [h.kind for h in hints(_verify68(epochs), lr=0.5, setup=setup)]
    for epochs in range(108, 201):
        found = hints(_verify68(epochs), lr=0.5, setup=setup)
        if VERIFY68_ACCURACY[epochs - 1] >= 0.15:
            assert [h.kind for h in found] == ["plateau"], epochs
            text = found[0].message()
            assert re.search("has stood near 2[0-7]%", text) and "not recovered" in text, text
    # the steady climb of a run learning slowly from low down is no plateau (400 epochs to
    # 50 % at 0.07 points an epoch; 150 at 0.2)
    slow = MNIST_GD[:5] + [0.2 + 0.002 * i for i in range(100)]
    for epochs in range(60, len(slow) + 1, 5):
        assert hints(trained(slow[:epochs], 1), lr=0.5, setup=FULL_BATCH) == [], epochs


def _epochs_by_step_one_at_a_time(c: Curves):
    """The coach's ``_epochs_by_step`` as it was written before s72: one search per epoch."""
    xs = np.asarray(c.batch_x, dtype=np.float64)
    steps, accuracy, epochs = [], [], []
    for epoch, value in zip(c.epochs, c.train_accuracy, strict=False):
        done = int(np.searchsorted(xs, epoch + 1e-9, side="right"))
        if done > 0 and math.isfinite(value):
            steps.append(done)
            accuracy.append(value)
            epochs.append(epoch)
    return (np.asarray(steps, dtype=np.float64), np.asarray(accuracy, dtype=np.float64),
            np.asarray(epochs, dtype=np.float64))  # fmt: skip


accuracies = st.one_of(st.floats(0, 1), st.just(math.nan), st.just(math.inf), st.just(-math.inf))


@settings(max_examples=100, deadline=None)
@given(
    batches=st.lists(st.integers(1, 6), max_size=8),  # each epoch's batches seen here
    skipped=st.integers(0, 3),  # epochs trained before a Continue: no batches here
    values=st.lists(accuracies, max_size=12),
    extra_epochs=st.integers(-3, 3),  # epochs without an accuracy yet, or the reverse
)
def test_the_epochs_are_found_at_their_step_as_one_search_each_found(
    batches, skipped, values, extra_epochs
):
    from nndesk.coach import _epochs_by_step

    c = Curves()
    for epoch, count in enumerate(batches, start=skipped + 1):
        c.batch_x += [epoch - 1 + b / count for b in range(1, count + 1)]
    c.epochs = list(range(1, max(0, len(batches) + skipped + extra_epochs) + 1))
    c.train_accuracy = list(values)
    for got, want in zip(_epochs_by_step(c), _epochs_by_step_one_at_a_time(c), strict=True):
        assert got.dtype == want.dtype and got.shape == want.shape
        np.testing.assert_array_equal(got, want)


def test_a_run_of_many_epochs_is_found_at_its_steps():
    """The first batches of a Continue (epochs 1-2 trained before it) and an epoch whose
    accuracy was not finite are left out, the others end at their own batch."""
    from nndesk.coach import _epochs_by_step

    c = Curves()
    for epoch in range(3, 7):  # four batches each
        c.batch_x += [epoch - 1 + b / 4 for b in range(1, 5)]
    c.epochs = [1, 2, 3, 4, 5, 6]
    c.train_accuracy = [0.1, 0.2, 0.3, math.nan, 0.5, 0.6]
    steps, accuracy, epochs = _epochs_by_step(c)
    assert steps.tolist() == [4.0, 12.0, 16.0]
    assert accuracy.tolist() == [0.3, 0.5, 0.6]
    assert epochs.tolist() == [3.0, 5.0, 6.0]
