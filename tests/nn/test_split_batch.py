"""A training batch split by samples over threads gives the whole batch's numbers."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from nndesk.nn import parallel, split_batch
from nndesk.nn.architecture import build_model
from nndesk.nn.layers import Dropout
from nndesk.nn.losses import SoftmaxCrossEntropy
from nndesk.nn.optimizers import make_optimizer
from tests.test_training import FAST, tiny  # noqa: F401 - the module's dataset fixture

# valid convs and a pool that drops a row, dropout: every path the fashion-cnn preset takes
ARCH = "784-c4v-p-c8v-p-16-10"


def _model(arch: str = ARCH, dtype=np.float64):
    return build_model(arch, dropout=0.25, rng=np.random.default_rng(0)).astype(dtype)


def _batch(n: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, 784)), rng.integers(0, 10, n)


def _step(model, x, y, threads: int, input_grad: bool = False):
    """One training forward and backward on ``threads``: logits, loss, grads, dL/dx."""
    loss = SoftmaxCrossEntropy("softmax")
    with parallel.use_threads(threads):
        logits = model.forward(x, training=True)
        value = loss(logits, y)
        dx = model.backward(loss.backward(), input_grad=input_grad)
    grads = {key: grad.copy() for key, _, grad in model.parameters()}
    return logits, value, grads, dx


def test_a_split_batch_gives_the_whole_batchs_logits_loss_and_gradients():
    whole, split = _model(), _model()
    x, y = _batch(40)
    logits, loss, grads, _ = _step(whole, x, y, threads=1)
    split_logits, split_loss, split_grads, _ = _step(split, x, y, threads=2)
    assert split._split is not None  # noqa: SLF001 - it did split
    assert [(r.start, r.stop) for r in split._split._rows] == [(0, 20), (20, 40)]  # noqa: SLF001
    # each sample's forward is the same arithmetic, and so are the dropout masks
    np.testing.assert_array_equal(split_logits, logits)
    assert split_loss == loss
    for key, grad in grads.items():  # the same sums over samples, in another order
        np.testing.assert_allclose(split_grads[key], grad, rtol=1e-12, atol=1e-14)


def test_a_split_training_step_meets_once_and_gives_the_whole_batchs_step(monkeypatch):
    whole, split = _model(), _model()
    x, y = _batch(40)
    loss = SoftmaxCrossEntropy("softmax")
    logits, value = whole.train_step(x, y, loss)
    grads = {key: grad.copy() for key, _, grad in whole.parameters()}
    meetings: list[int] = []
    run_each = parallel.run_each
    monkeypatch.setattr(
        parallel, "run_each", lambda calls: meetings.append(len(calls)) or run_each(calls)
    )
    with parallel.use_threads(2):
        split_logits, split_value = split.train_step(x, y, loss)
    assert meetings == [2]  # forward, loss and backward of each half in one go
    np.testing.assert_array_equal(split_logits, logits)
    assert split_value == pytest.approx(value, rel=1e-14)  # the halves' shares of the mean
    for key, _, grad in split.parameters():
        np.testing.assert_allclose(grad, grads[key], rtol=1e-12, atol=1e-14)
    assert loss.backward().shape == (40, 10)  # the halves took copies of the caller's loss


def test_the_first_part_writes_the_models_own_gradients_afresh_each_batch():
    whole, split = _model(), _model()
    held = {key: grad for key, _, grad in split.parameters()}  # the arrays an optimizer holds
    for seed in (1, 2):  # the second batch's gradients hold nothing of the first's
        x, y = _batch(32, seed)
        grads = _step(whole, x, y, threads=1)[2]
        split_grads = _step(split, x, y, threads=2)[2]
        for key, grad in grads.items():
            np.testing.assert_allclose(split_grads[key], grad, rtol=1e-12, atol=1e-14)
    assert all(grad is held[key] for key, _, grad in split.parameters())
    first, second = split._split.copies  # noqa: SLF001
    conv = split.layers[1]
    assert first.layers[1].grads is conv.grads and second.layers[1].grads is not conv.grads


def test_the_next_batches_draw_the_same_dropout_masks_split_or_not():
    whole, split = _model(), _model()
    for seed in (1, 2, 3):
        x, y = _batch(24, seed)
        logits = _step(whole, x, y, threads=1)[0]
        np.testing.assert_array_equal(_step(split, x, y, threads=3)[0], logits)
    assert whole.layers[-2].rng.random() == split.layers[-2].rng.random()


def test_the_input_gradient_of_a_split_batch_is_the_whole_batchs():
    whole, split = _model(), _model()
    x, y = _batch(32)
    dx = _step(whole, x, y, threads=1, input_grad=True)[3]
    split_dx = _step(split, x, y, threads=2, input_grad=True)[3]
    assert split_dx.shape == (32, 784)
    np.testing.assert_allclose(split_dx, dx, rtol=1e-12, atol=1e-15)


def test_every_part_runs_on_its_own_thread_with_one_thread_for_its_passes():
    model = _model()
    seen: list[tuple[int, int]] = []
    conv = model.layers[1]
    original = type(conv).forward_fused

    def spy(self, x, following):
        seen.append((threading.get_ident(), parallel.threads()))
        return original(self, x, following)

    type(conv).forward_fused = spy
    try:
        _step(model, *_batch(32), threads=2)
    finally:
        type(conv).forward_fused = original
    # both convs of both parts fused with their pools (one thread each), on two threads
    assert len(seen) == 4 and {t for _, t in seen} == {1}
    assert len({ident for ident, _ in seen}) == 2


def test_parts_follow_the_threads_and_keep_at_least_eight_samples():
    model = _model()
    assert split_batch.parts_for(model, 64) == 1  # outside use_threads: one thread
    with parallel.use_threads(2):
        assert split_batch.parts_for(model, 64) == 2
        assert split_batch.parts_for(model, 16) == 2
        assert split_batch.parts_for(model, 15) == 1
    with parallel.use_threads(4):
        assert split_batch.parts_for(model, 24) == 3


def test_a_model_with_batch_norm_is_never_split():
    model = build_model("784-c4-bn-p-10", rng=np.random.default_rng(0))
    assert not split_batch.splittable(model)
    with parallel.use_threads(2):
        assert split_batch.parts_for(model, 64) == 1
    _step(model, *_batch(32), threads=2)
    assert model._split is None  # noqa: SLF001


def test_an_update_a_steered_rate_and_a_replaced_parameter_reach_the_parts():
    whole, split = _model(), _model()
    optimizers = [make_optimizer("adam", 0.01) for _ in range(2)]
    for step in range(3):
        x, y = _batch(32, seed=step)
        for model, threads, optimizer in ((whole, 1, optimizers[0]), (split, 2, optimizers[1])):
            _step(model, x, y, threads)
            optimizer.step(model.parameters())
    for model in (whole, split):
        next(layer for layer in model.layers if isinstance(layer, Dropout)).rate = 0.6
        model.layers[-1].params["W"] = model.layers[-1].params["W"] * 0.5  # a new array
    x, y = _batch(32, seed=9)
    logits = _step(whole, x, y, threads=1)[0]
    np.testing.assert_allclose(_step(split, x, y, threads=2)[0], logits, rtol=1e-10)


def test_an_evaluation_or_a_copy_lets_the_parts_go():
    model = _model()
    _step(model, *_batch(32), threads=2)
    assert model._split is not None  # noqa: SLF001
    assert model.snapshot()._split is None  # noqa: SLF001
    assert model.astype(np.float32)._split is None  # noqa: SLF001
    with parallel.use_threads(2):
        model.forward(_batch(32)[0])  # evaluation is never split
    assert model._split is None  # noqa: SLF001


def test_batch_copies_name_the_layers_that_ran_the_batch():
    model = _model()
    relu = model.layers[3]
    assert model.batch_copies(relu) == [relu]
    _step(model, *_batch(32), threads=2)
    copies = model.batch_copies(relu)
    assert len(copies) == 2 and all(c is not relu and type(c) is type(relu) for c in copies)
    assert [c._mask.shape[0] for c in copies] == [16, 16]  # noqa: SLF001


def test_an_error_in_a_part_reaches_the_caller():
    model = _model()
    with parallel.use_threads(2), pytest.raises(Exception, match="shape|expects"):
        model.forward(np.zeros((32, 783)), training=True)


def test_a_cnn_run_split_over_two_threads_trains_as_one_thread_does(tiny):  # noqa: F811
    from nndesk.training import BatchReport, prepare, train
    from nndesk.training.internals import Watcher

    config = FAST.replace(arch=ARCH, dropout=0.25, epochs=1)
    runs = {}
    for threads in (1, 2):
        session = prepare(config.replace(threads=threads), dataset=tiny)
        watcher = Watcher(session.model, every=4)
        reports = [r for r in train(session, watch=watcher) if isinstance(r, BatchReport)]
        runs[threads] = reports
    one, two = runs[1], runs[2]
    # float32 sums in another order: the same run within rounding
    np.testing.assert_allclose([r.batch_loss for r in two], [r.batch_loss for r in one], rtol=1e-4)
    # the first sampled batch meets the same weights: the same dead units, read from the parts
    first_one, first_two = one[0].inside.layers, two[0].inside.layers
    assert [s.dead for s in first_two] == pytest.approx([s.dead for s in first_one], nan_ok=True)
    assert not np.isnan(first_two[0].dead)


def _flat_model(dtype=np.float32):
    model = _model(dtype=dtype)
    model.flatten_parameters()  # as a training session does: the optimizer's flat buffers
    return model


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("adam", {}),
        ("adamw", {"weight_decay": 0.01}),
        ("momentum", {"weight_decay": 0.01}),
        ("sgd", {}),
    ],
)
def test_a_split_step_that_updates_in_its_parts_takes_the_optimizers_step_exactly(name, kwargs):
    plain, tails = _flat_model(), _flat_model()
    optimizers = [make_optimizer(name, 0.01, **kwargs) for _ in range(2)]
    loss = SoftmaxCrossEntropy("softmax")
    seen: list[float] = []
    with parallel.use_threads(2):
        for seed in range(3):
            x, y = _batch(32, seed)
            plain_value = plain.train_step(x, y, loss)[1]
            optimizers[0].step(plain.parameters())
            step = optimizers[1].step_in_ranges(
                tails.parameters(), lambda value: seen.append(value) or True
            )
            assert step is not None
            value = tails.train_step(x, y, loss, step)[1]
            assert step.began and value == plain_value and seen[-1] == value
    assert tails._split is not None  # noqa: SLF001 - it did split
    for (key, p, g), (_, q, h) in zip(plain.parameters(), tails.parameters(), strict=True):
        np.testing.assert_array_equal(q, p, err_msg=key)  # the same arithmetic, bit for bit
        np.testing.assert_array_equal(h, g, err_msg=key)  # the gradients summed as before
    assert optimizers[1].t == optimizers[0].t == 3
    for key, array in optimizers[0].state_dict().items():
        np.testing.assert_array_equal(optimizers[1].state_dict()[key], array, err_msg=key)


def test_a_step_refused_by_the_batchs_loss_leaves_the_parameters_and_sums_the_gradients():
    plain, tails = _flat_model(), _flat_model()
    before = [p.copy() for _, p, _ in tails.parameters()]
    optimizer = make_optimizer("adam", 0.01)
    loss = SoftmaxCrossEntropy("softmax")
    x, y = _batch(32)
    with parallel.use_threads(2):
        plain.train_step(x, y, loss)
        step = optimizer.step_in_ranges(tails.parameters(), lambda value: False)
        assert step is not None
        tails.train_step(x, y, loss, step)
    assert not step.began and optimizer.t == 0
    pairs = zip(plain.parameters(), tails.parameters(), before, strict=True)
    for (_, _, g), (_, q, h), old in pairs:
        np.testing.assert_array_equal(q, old)  # not moved
        np.testing.assert_array_equal(h, g)  # but the parts' gradients are summed


def test_a_batch_not_split_leaves_the_step_to_its_caller():
    model = _flat_model()
    before = [p.copy() for _, p, _ in model.parameters()]
    optimizer = make_optimizer("adam", 0.01)
    step = optimizer.step_in_ranges(model.parameters(), lambda value: True)
    assert step is not None
    model.train_step(*_batch(32), SoftmaxCrossEntropy("softmax"), step)  # one thread
    assert not step.began and optimizer.t == 0
    for (_, p, _), old in zip(model.parameters(), before, strict=True):
        np.testing.assert_array_equal(p, old)


def test_a_step_needing_the_whole_gradient_first_is_not_taken_in_ranges():
    model, loose = _flat_model(), _model()
    assert (
        make_optimizer("adam", 0.01, clip_norm=1.0).step_in_ranges(
            model.parameters(), lambda value: True
        )
        is None
    )  # the clip needs the whole gradient's norm
    assert (
        make_optimizer("adam", 0.01).step_in_ranges(loose.parameters(), lambda value: True) is None
    )  # no flat buffers to cut in ranges


def test_an_error_in_a_part_that_updates_reaches_the_caller_and_frees_the_other(monkeypatch):
    model = _flat_model()
    step = make_optimizer("adam", 0.01).step_in_ranges(model.parameters(), lambda value: True)
    assert step is not None
    inner = split_batch._train_step

    def fails_off_the_main_thread(*args):
        if threading.current_thread() is not threading.main_thread():
            raise ValueError("a part failed")
        return inner(*args)

    monkeypatch.setattr(split_batch, "_train_step", fails_off_the_main_thread)
    with parallel.use_threads(2), pytest.raises(ValueError, match="a part failed"):
        model.train_step(*_batch(32), SoftmaxCrossEntropy("softmax"), step)
    assert not step.began


def test_a_split_runs_diverging_batch_is_not_applied(tiny, monkeypatch):  # noqa: F811
    from nndesk.training import BatchReport, RunEnded, prepare, train

    session = prepare(FAST.replace(arch=ARCH, threads=2, epochs=1), dataset=tiny)
    inner, calls = split_batch._train_step, []

    def poisoned_second_batch(*args):  # the halves of batch 2 give a NaN loss
        logits, share = inner(*args)
        calls.append(share)
        return logits, share * np.nan if len(calls) in (3, 4) else share

    monkeypatch.setattr(split_batch, "_train_step", poisoned_second_batch)
    after_first = None
    for report in train(session):
        if isinstance(report, BatchReport) and report.batch == 1:
            after_first = session.weights_snapshot()
    assert isinstance(report, RunEnded) and report.reason == "diverged"
    assert "batch 2" in report.message and len(calls) == 4  # it did split
    assert after_first is not None
    for (_, a), (_, b) in zip(after_first, session.weights_snapshot(), strict=True):
        np.testing.assert_array_equal(b, a)


def test_a_gradient_array_outside_the_flat_buffer_leaves_the_step_to_the_caller():
    plain, tails = _flat_model(), _flat_model()
    optimizer = make_optimizer("adam", 0.01)
    step = optimizer.step_in_ranges(tails.parameters(), lambda value: True)
    assert step is not None
    for model in (plain, tails):  # then a layer replaced its gradient array
        model.layers[-1].grads["b"] = np.zeros_like(model.layers[-1].grads["b"])
    x, y = _batch(32)
    loss = SoftmaxCrossEntropy("softmax")
    with parallel.use_threads(2):
        plain.train_step(x, y, loss)
        tails.train_step(x, y, loss, step)
    assert not step.began and optimizer.t == 0
    for (key, _, g), (_, _, h) in zip(plain.parameters(), tails.parameters(), strict=True):
        np.testing.assert_array_equal(h, g, err_msg=key)  # summed as before, the new one too
