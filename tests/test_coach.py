"""The coach's hints: each names what it saw with the run's numbers and offers a live fix."""

from __future__ import annotations

import math

from nndesk.coach import hints
from nndesk.runs import Curves
from nndesk.training.internals import InsideRecord, InsideSample, LayerSample


def curves(batch_loss=(), train_loss=(), val_loss=(), train_accuracy=()) -> Curves:
    c = Curves()
    c.batch_loss = list(batch_loss)
    c.batch_x = [i / 10 for i in range(len(c.batch_loss))]
    c.train_loss, c.val_loss = list(train_loss), list(val_loss)
    c.train_accuracy = list(train_accuracy)
    c.epochs = list(range(1, len(c.train_loss) + 1))
    return c


def test_a_calm_run_gets_no_hint():
    calm = curves([2.0 - i / 100 for i in range(60)], [1.0, 0.8, 0.7], [1.1, 0.9, 0.85],
                  [0.6, 0.7, 0.75])  # fmt: skip
    assert hints(calm, lr=1e-3) == []


def test_a_climbing_loss_says_so_with_its_numbers_and_offers_a_lower_rate():
    (hint,) = hints(curves([0.5] * 20 + [2.0] * 20), lr=0.03)
    assert hint.kind == "diverging" and hint.fix == {"lr": 0.01}
    text = hint.message()
    assert "0.500 to 2.000" in text and "40 batches" in text
    assert hint.fix_label.format(**hint.fix) == "Lower the learning rate to 0.01"


def test_validation_loss_rising_while_training_loss_falls_is_overfitting():
    (hint,) = hints(curves(train_loss=[0.5, 0.4, 0.3], val_loss=[0.40, 0.45, 0.52]), lr=1e-3)
    assert hint.kind == "overfitting" and hint.fix == {"augment": True}
    assert "0.400 to 0.520" in hint.message() and "0.500 to 0.300" in hint.message()


def test_a_layer_with_most_units_dead_and_a_run_stuck_near_chance_are_named():
    inside = InsideRecord(["Dense 784→64", "Dense 64→10"], [
        InsideSample(1.0, (LayerSample(1.0, 1e-3, 0.75), LayerSample(1.0, 1e-3, math.nan)))
    ])  # fmt: skip
    found = hints(curves(train_accuracy=[0.11]), inside, lr=0.3)
    assert [h.kind for h in found] == ["dead", "stuck"]
    assert "75% of the units after Dense 784→64" in found[0].message()
    assert "11.0% after 1 epoch(s)" in found[1].message()
    assert found[0].fix == {"lr": 0.1}
