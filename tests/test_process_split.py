"""A training batch split over processes gives the thread split's numbers, and its helper
processes and shared memory never outlive the run, whatever happens to them."""

from __future__ import annotations

import contextlib
import functools
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np
import pytest

from nndesk import cli
from nndesk.nn import parallel, split_batch
from nndesk.nn.architecture import build_model
from nndesk.nn.losses import SoftmaxCrossEntropy
from nndesk.nn.model import Sequential
from nndesk.nn.optimizers import make_optimizer
from nndesk.training import (
    BatchReport,
    RunEnded,
    prepare,
    process_split,
    runtime,
    segments,
    train,
)
from nndesk.training.loop import HELPER_LOST
from nndesk.training.process_split import ProcessSplit
from tests.nn.gradcheck import numeric_grad
from tests.test_training import FAST, tiny  # noqa: F401 - the module's dataset fixture

# valid convs and a pool that drops a row, dropout: every path the fashion-cnn preset takes
ARCH = "784-c4v-p-c8v-p-16-10"
SPLIT = runtime.ThreadPlan(blas=1, parts=2)  # as a split run trains: one BLAS thread a part
WAIT = 60.0  # seconds: a bound for a hang only; the helper's first reply ends the wait


@pytest.fixture(autouse=True)
def no_leaked_segments(monkeypatch):
    """Every shared memory segment a test's helpers made is gone when it ends."""
    made: list[str] = []
    real = segments.open_segment

    def recorded(*args, **kwargs):
        segment = real(*args, **kwargs)
        made.append(segment.name)
        return segment

    monkeypatch.setattr(segments, "open_segment", recorded)  # where runs make theirs
    yield made
    for name in made:
        with pytest.raises(FileNotFoundError):
            real(name).close()  # attaching to a removed segment fails


def quiet(monkeypatch) -> None:
    """Other programs leave every core free: the rule puts a split batch's parts in processes."""
    monkeypatch.setattr(runtime, "idle_cores", lambda: float(parallel.cores()))


def busy(monkeypatch) -> None:
    """Another program keeps one core busy: the rule keeps a split batch's parts on threads."""
    monkeypatch.setattr(runtime, "idle_cores", lambda: parallel.cores() - 1.0)


def no_core_free(monkeypatch) -> None:
    """Two cores, other programs keeping both busy (0.1 free): the plan begins with whole
    batches on one thread."""
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    monkeypatch.setattr(runtime, "idle_cores", lambda: 0.1)


@pytest.fixture
def helpers(monkeypatch, parts_by_load) -> list[ProcessSplit]:
    """A quiet machine, where the product's rule puts split runs' parts in processes; every
    ``ProcessSplit`` a run makes, each waited for until its helpers are up (a tiny run would
    otherwise end before they start, and train only on threads)."""
    quiet(monkeypatch)
    made: list[ProcessSplit] = []

    class Waited(ProcessSplit):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)
            assert self.wait_ready(WAIT), self.failure

    monkeypatch.setattr(process_split, "ProcessSplit", Waited)
    return made


def _model(dropout: float = 0.25, dtype=np.float64):
    return build_model(ARCH, dropout=dropout, rng=np.random.default_rng(0)).astype(dtype)


def _batch(n: int, seed: int = 1):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((n, 784)), rng.integers(0, 10, n)


def _grads(model) -> dict[str, np.ndarray]:
    return {key: grad.copy() for key, _, grad in model.parameters()}


def _same_parameters(model, reference) -> None:
    """``model``'s parameters are ``reference``'s to the bit."""
    for (key, param, _), (_, theirs, _) in zip(
        model.parameters(), reference.parameters(), strict=True
    ):
        np.testing.assert_array_equal(param, theirs, err_msg=key)


def test_a_batch_split_over_processes_gives_the_thread_splits_numbers_to_the_bit():
    on_threads, in_processes, whole = _model(), _model(), _model()
    x, y = _batch(40)
    loss = SoftmaxCrossEntropy("softmax")
    with runtime.applied(SPLIT):
        logits, value = on_threads.train_step(x, y, loss)
        with ProcessSplit(in_processes, loss, 2, 40) as split:
            assert split.wait_ready(WAIT), split.failure
            split_logits, split_value = split.train_step(x, y, loss)
            assert split.batches == 1
    np.testing.assert_array_equal(split_logits, logits)
    assert split_value == value
    expected = _grads(on_threads)
    for key, grad in _grads(in_processes).items():
        np.testing.assert_array_equal(grad, expected[key])
    # and the whole batch's, to rounding: the thread split's own proof, through the processes
    with parallel.use_threads(1):
        whole_logits, whole_value = whole.train_step(x, y, loss)
    np.testing.assert_array_equal(split_logits, whole_logits)
    assert split_value == pytest.approx(whole_value, rel=1e-14)
    for key, grad in _grads(whole).items():
        np.testing.assert_allclose(_grads(in_processes)[key], grad, rtol=1e-12, atol=1e-14)


def test_every_batch_gets_the_updated_parameters_and_the_steered_dropout_rate():
    on_threads, in_processes = _model(), _model()
    loss = SoftmaxCrossEntropy("softmax")
    optimizers = [make_optimizer("adam", lr=1e-2) for _ in range(2)]
    with runtime.applied(SPLIT), ProcessSplit(in_processes, loss, 2, 32) as split:
        assert split.wait_ready(WAIT), split.failure
        for seed, rate in ((1, 0.25), (2, 0.25), (3, 0.6), (4, 0.0)):
            x, y = _batch(32, seed)
            for model, optimizer in zip((on_threads, in_processes), optimizers, strict=True):
                for layer in model.layers:
                    if hasattr(layer, "rate"):
                        layer.rate = rate
                if model is on_threads:
                    model.train_step(x, y, loss)
                else:
                    assert split.train_step(x, y, loss) is not None
                optimizer.step(model.parameters())
        assert split.batches == 4
    _same_parameters(in_processes, on_threads)


def test_the_step_taken_in_ranges_over_processes_is_the_thread_splits_to_the_bit():
    on_threads, in_processes = _model(), _model()
    for model in (on_threads, in_processes):
        model.flatten_parameters()  # as prepare does: the step then works on flat buffers
    loss = SoftmaxCrossEntropy("softmax")
    optimizers = [make_optimizer("adam", lr=1e-2) for _ in range(2)]
    with runtime.applied(SPLIT), ProcessSplit(in_processes, loss, 2, 32) as split:
        assert split.wait_ready(WAIT), split.failure
        for seed in range(1, 7):
            x, y = _batch(32, seed)
            for model, optimizer in zip((on_threads, in_processes), optimizers, strict=True):
                step = optimizer.step_in_ranges(model.parameters(), lambda loss: True)
                # batch 4 on threads, as a batch the watcher samples: the next one must hand
                # the helper the parameters that step made, not the ones it had
                if model is on_threads or seed == 4:
                    model.train_step(x, y, loss, step)
                else:
                    assert split.train_step(x, y, loss, step) is not None
                assert step.began  # the split took it: nobody steps again
        assert split.batches == 5
    # a step refused (a diverged loss) leaves the parameters, with the gradient still summed
    x, y = _batch(32, 9)
    before = [p.copy() for _, p, _ in in_processes.parameters()]
    with runtime.applied(SPLIT), ProcessSplit(in_processes, loss, 2, 32) as split:
        assert split.wait_ready(WAIT), split.failure
        step = optimizers[1].step_in_ranges(in_processes.parameters(), lambda loss: False)
        assert split.train_step(x, y, loss, step) is not None and not step.began
    for (key, param, _), kept in zip(in_processes.parameters(), before, strict=True):
        np.testing.assert_array_equal(param, kept, err_msg=key)
    with runtime.applied(SPLIT):
        on_threads.train_step(x, y, loss)
    for (key, param, grad), (_, theirs, their_grad) in zip(
        in_processes.parameters(), on_threads.parameters(), strict=True
    ):
        np.testing.assert_array_equal(param, theirs, err_msg=key)
        np.testing.assert_array_equal(grad, their_grad, err_msg=key)


def _flat_model():
    model = _model()
    model.flatten_parameters()  # as prepare does: the step then works on flat buffers
    return model


def _same_training(model, optimizer, reference, their_optimizer) -> None:
    """``model`` and ``optimizer`` hold ``reference``'s and ``their_optimizer``'s numbers to
    the bit: parameters, summed gradients, optimizer state and step count."""
    for (key, param, grad), (_, theirs, their_grad) in zip(
        model.parameters(), reference.parameters(), strict=True
    ):
        np.testing.assert_array_equal(param, theirs, err_msg=key)
        np.testing.assert_array_equal(grad, their_grad, err_msg=key)
    state, theirs = optimizer.state_dict(), their_optimizer.state_dict()
    assert state.keys() == theirs.keys()
    for key, value in state.items():
        np.testing.assert_array_equal(value, theirs[key], err_msg=key)


def _own_memory(model, optimizer) -> bool:
    """Whether every parameter, gradient and optimizer slot is in this process's own memory
    (a view of an array that owns its data), none in a shared segment."""
    arrays = [a for _, p, g in model.parameters() for a in (p, g)]
    arrays += [a for slots in optimizer.state.values() for a in slots.values()]
    owners = [_memory_owner(a) for a in arrays]
    return all(isinstance(o, np.ndarray) and o.flags.owndata for o in owners)


def _memory_owner(a: np.ndarray):
    """The object whose memory ``a`` is in: an array that owns its data (``nndesk.nn.aligned``'s
    reach it through a memoryview of one) or a shared segment's mapping."""
    while a.base is not None:
        base = a.base.obj if isinstance(a.base, memoryview) else a.base
        if not isinstance(base, np.ndarray):
            return base
        a = base
    return a


@pytest.mark.parametrize(
    "name, settings",
    [
        ("adam", {}),
        ("adamw", {"weight_decay": 1e-2}),
        ("nesterov", {"weight_decay": 1e-3}),
        ("rmsprop", {}),
        ("sgd", {}),
    ],
)
def test_each_process_takes_its_range_of_the_step_as_the_thread_split_would(name, settings):
    on_threads, in_processes = _flat_model(), _flat_model()
    loss = SoftmaxCrossEntropy("softmax")
    optimizers = [make_optimizer(name, lr=1e-2, **settings) for _ in range(2)]
    with runtime.applied(SPLIT):
        with ProcessSplit(in_processes, loss, 2, 32, optimizers[1]) as split:
            assert split.wait_ready(WAIT), split.failure
            assert not _own_memory(in_processes, optimizers[1])  # shared for the run
            for seed in range(1, 7):
                x, y = _batch(32, seed)
                for model, optimizer in zip((on_threads, in_processes), optimizers, strict=True):
                    optimizer.lr = 1e-2 / seed  # steered: each helper steps with the new rate
                    step = optimizer.step_in_ranges(model.parameters(), lambda loss: True)
                    # batch 4 on threads, as a batch the watcher samples: the helper's next
                    # batch starts from the parameters and state that step left
                    if model is on_threads or seed == 4:
                        model.train_step(x, y, loss, step)
                    else:
                        assert split.train_step(x, y, loss, step) is not None
                    assert step.began  # the split took it: nobody steps again
            assert split.batches == 5 and split.failure is None and split.recovered == 0
            # a step refused (a diverged loss) leaves the parameters, the gradient summed
            x, y = _batch(32, 9)
            for model, optimizer in zip((on_threads, in_processes), optimizers, strict=True):
                step = optimizer.step_in_ranges(model.parameters(), lambda loss: False)
                if model is on_threads:
                    model.train_step(x, y, loss, step)
                else:
                    assert split.train_step(x, y, loss, step) is not None
                assert not step.began
        _same_training(in_processes, optimizers[1], on_threads, optimizers[0])
        assert _own_memory(in_processes, optimizers[1])  # moved back at the end
        # and the optimizer goes on with the state it was given back
        x, y = _batch(32, 10)
        for model, optimizer in zip((on_threads, in_processes), optimizers, strict=True):
            model.train_step(x, y, loss)
            optimizer.step(model.parameters())
    _same_training(in_processes, optimizers[1], on_threads, optimizers[0])


def test_a_failure_placing_the_optimizers_state_removes_the_segment_and_gives_the_model_back(
    monkeypatch,
):
    model, reference = _flat_model(), _flat_model()
    optimizer = make_optimizer("adam", lr=1e-2)
    optimizer.step(model.parameters())  # state to place

    def full(*args, **kwargs):
        raise OSError("no room for the optimizer's state")

    monkeypatch.setattr(optimizer, "place_flat_slots", full)
    with ProcessSplit(model, SoftmaxCrossEntropy("softmax"), 2, 32, optimizer) as split:
        assert "no room" in split.failure and split.helpers == []
        assert _own_memory(model, optimizer)  # not left on the (removed) segment
    reference_optimizer = make_optimizer("adam", lr=1e-2)
    reference_optimizer.step(reference.parameters())
    _same_training(model, optimizer, reference, reference_optimizer)


def test_ctrl_c_while_a_helper_starts_ends_the_started_ones_and_removes_every_segment(
    monkeypatch,
):
    starts = [0]
    real = process_split._main_script_left_out

    @contextlib.contextmanager
    def interrupted_at_the_second_start():
        starts[0] += 1
        if starts[0] == 2:
            raise KeyboardInterrupt
        with real():
            yield

    monkeypatch.setattr(process_split, "_main_script_left_out", interrupted_at_the_second_start)
    model, reference = _flat_model(), _flat_model()
    with pytest.raises(KeyboardInterrupt):
        ProcessSplit(model, SoftmaxCrossEntropy("softmax"), 3, 48)
    assert starts[0] == 2
    assert not [p for p in multiprocessing.active_children() if p.name == "nndesk-batch-part"]
    assert _own_memory(model, make_optimizer("sgd", lr=0.1))  # the model is given back too
    _same_parameters(model, reference)


def _serve_dying(moment: str, batch: int, *args) -> None:
    """``process_split._serve`` (in the helper) that kills itself at ``moment`` of its
    ``batch``-th range of a step: "before" it touches it, "halfway" through summing and
    updating it (half the range stepped), "after" it stepped it all, before it says so."""
    from nndesk.training import process_split

    tail, real_step, real_sum = process_split._HelperTail, process_split._HelperTail.step, None
    real_sum = process_split._sum_and_update
    steps = [0]

    def die() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    def step(self, settings) -> None:
        steps[0] += 1
        if steps[0] == batch and moment == "before":
            die()
        real_step(self, settings)
        if steps[0] == batch and moment == "after":
            die()

    def sum_and_update(grads, update, part) -> None:
        if steps[0] == batch and moment == "halfway":
            half = slice(part.start, (part.start + part.stop) // 2)
            real_sum(grads, update, half)
            die()
        real_sum(grads, update, part)

    tail.step = step
    process_split._sum_and_update = sum_and_update
    process_split._serve(*args)


@pytest.mark.parametrize("settled", [True, False])
@pytest.mark.parametrize("moment", ["before", "halfway", "after"])
def test_a_helper_killed_in_its_range_of_the_step_leaves_the_thread_splits_numbers(
    monkeypatch, moment, settled
):
    monkeypatch.setattr(process_split, "_serve", functools.partial(_serve_dying, moment, 3))
    on_threads, in_processes = _flat_model(), _flat_model()
    loss = SoftmaxCrossEntropy("softmax")
    optimizers = [make_optimizer("adam", lr=1e-2) for _ in range(2)]
    with runtime.applied(SPLIT), ProcessSplit(in_processes, loss, 2, 32, optimizers[1]) as split:
        assert split.wait_ready(WAIT), split.failure
        for seed in range(1, 6):
            x, y = _batch(32, seed)
            for model, optimizer in zip((on_threads, in_processes), optimizers, strict=True):
                step = optimizer.step_in_ranges(model.parameters(), lambda loss: True)
                done = None
                if model is in_processes:
                    # settled=False: the helper dies while the caller counts the batch, and
                    # ``settle`` finds it gone
                    done = split.train_step(x, y, loss, step, settled=settled)
                    split.settle()
                    # its third batch ends here despite the helper's death; later ones train
                    # on threads, as the training loop trains them
                    assert (done is not None) == (seed <= 3), seed
                if done is None:
                    model.train_step(x, y, loss, step)
                assert step.began
        assert split.batches == 3 and "batch helper" in split.failure
        assert split.recovered == (0 if moment == "after" else 1)
    _same_training(in_processes, optimizers[1], on_threads, optimizers[0])
    assert _own_memory(in_processes, optimizers[1])


def test_the_steps_ranges_move_to_the_side_done_first_with_the_same_numbers():
    """The helper whose range of the step is done before the caller looks takes more of the
    next one (speed57: the caller counts the batch meanwhile); any ranges, the caller's from
    none of the buffer to all of it, give the thread split's numbers to the bit."""
    on_threads, in_processes = _flat_model(), _flat_model()
    loss = SoftmaxCrossEntropy("softmax")
    optimizers = [make_optimizer("adam", lr=1e-2) for _ in range(2)]
    size = sum(p.size for _, p, _ in in_processes.parameters())
    with runtime.applied(SPLIT), ProcessSplit(in_processes, loss, 2, 32, optimizers[1]) as split:
        assert split.wait_ready(WAIT), split.failure
        (helper,) = split.helpers
        shares = []
        for seed in range(1, 9):
            x, y = _batch(32, seed)
            if seed == 6:
                split._mine = 0  # the helper steps every entry
            if seed == 7:
                split._mine = size  # the caller does
            shares.append(split._mine)
            step = optimizers[1].step_in_ranges(in_processes.parameters(), lambda loss: True)
            assert split.train_step(x, y, loss, step, settled=False) is not None
            assert helper.conn.poll(WAIT)  # its range done before the caller looks
            split.settle()
            step = optimizers[0].step_in_ranges(on_threads.parameters(), lambda loss: True)
            on_threads.train_step(x, y, loss, step)
            _same_training(in_processes, optimizers[1], on_threads, optimizers[0])
        even = shares[0]
        assert 0 < even < size
        assert shares[:5] == [even - i * split._balance_step for i in range(5)]
        assert shares[7] == size - split._balance_step and split.recovered == 0


def test_every_report_of_a_run_over_processes_finds_the_threads_parameters(
    tiny,  # noqa: F811
    helpers,
    monkeypatch,
):
    """The helpers' ranges of a batch's step are whole before its report goes out (the
    window's worker copies the weights at a report): the loop counts the batch while they
    move, then ``settle``s."""

    def run() -> list[list[np.ndarray]]:
        session = prepare(FAST.replace(arch=ARCH, threads=2, epochs=2, dropout=0.25), dataset=tiny)
        seen = []
        for report in train(session):
            if isinstance(report, BatchReport):
                seen.append([p.copy() for _, p, _ in session.model.parameters()])
        return seen

    in_processes = run()
    assert helpers[0].batches > 0
    monkeypatch.setattr(runtime, "PARTS_IN_PROCESSES", False)
    on_threads = run()
    assert len(in_processes) == len(on_threads)
    for batch, (mine, theirs) in enumerate(zip(in_processes, on_threads, strict=True)):
        for a, b in zip(mine, theirs, strict=True):
            np.testing.assert_array_equal(a, b, err_msg=f"batch {batch + 1}")


def test_the_gradients_over_processes_match_finite_differences():
    model, reference = _model(dropout=0.0), _model(dropout=0.0)
    x, y = _batch(16)
    loss = SoftmaxCrossEntropy("softmax")
    with runtime.applied(SPLIT), ProcessSplit(model, loss, 2, 16) as split:
        assert split.wait_ready(WAIT), split.failure
        assert split.train_step(x, y, loss) is not None
    rng = np.random.default_rng(2)
    for (_, _, grad), (_, param, _) in zip(model.parameters(), reference.parameters(), strict=True):
        # a few entries of every parameter (each entry costs two whole-batch losses)
        for index in map(tuple, rng.integers(0, param.shape, size=(3, param.ndim))):
            view = param[tuple(slice(i, i + 1) for i in index)]  # numeric_grad moves it

            def batch_loss(_, view=view) -> float:
                return loss(reference.forward(x, training=True), y)

            numeric = numeric_grad(batch_loss, view)
            np.testing.assert_allclose(grad[index], numeric.item(), rtol=1e-5, atol=1e-7)


def test_a_helper_that_dies_leaves_its_batch_and_the_rest_to_the_thread_split():
    on_threads, in_processes = _model(), _model()
    loss = SoftmaxCrossEntropy("softmax")
    with runtime.applied(SPLIT), ProcessSplit(in_processes, loss, 2, 32) as split:
        assert split.wait_ready(WAIT), split.failure
        x, y = _batch(32)
        assert split.train_step(x, y, loss) is not None
        helper = split.helpers[0]
        os.kill(helper.process.pid, signal.SIGKILL)
        helper.process.join(WAIT)
        x, y = _batch(32, seed=2)
        assert split.train_step(x, y, loss) is None  # the caller trains it on threads
        assert "batch helper" in split.failure and split.helpers == []
        assert split.train_step(x, y, loss) is None  # and every later batch
        # the lost batch's dropout masks are drawn again as they were: the thread split's run
        in_processes.train_step(x, y, loss)
        on_threads.train_step(*_batch(32), loss)
        on_threads.train_step(x, y, loss)
    for key, grad in _grads(on_threads).items():
        np.testing.assert_array_equal(_grads(in_processes)[key], grad, err_msg=key)


def _serve_failing(*args) -> None:
    """``process_split._serve`` (in the helper) whose model fails at its first batch."""
    from nndesk.nn import model

    def forward(self, x, training=False):
        raise FloatingPointError("the helper's own failure")

    model.Sequential.forward = forward
    process_split._serve(*args)


def test_why_the_helpers_were_given_up_is_logged_with_the_helpers_traceback(monkeypatch, caplog):
    """tidy52: the helper's traceback went into ``failure`` and nowhere else."""
    monkeypatch.setattr(process_split, "_serve", _serve_failing)
    loss = SoftmaxCrossEntropy("softmax")
    with runtime.applied(SPLIT), ProcessSplit(_model(), loss, 2, 32) as split:
        assert split.wait_ready(WAIT), split.failure
        with caplog.at_level("WARNING", logger="nndesk.training.process_split"):
            assert split.train_step(*_batch(32), loss) is None  # on threads
    (record,) = caplog.records
    assert record.levelname == "WARNING"
    assert record.getMessage() == (
        f"batch helpers given up, the run goes on on threads: {split.failure}"
    )
    assert "Traceback (most recent call last)" in split.failure
    assert "FloatingPointError: the helper's own failure" in split.failure


@pytest.mark.parametrize("debug", [False, True])
def test_nndesk_train_shows_why_its_helper_stopped_with_debug_only(
    tiny_dir, tmp_path, helpers, capsys, monkeypatch, debug
):
    monkeypatch.setattr(process_split, "_serve", _serve_failing)
    argv = ["train", "--dataset", "mnist", "--arch", ARCH, "--batch-size", "16", "--epochs", "1"]
    argv += ["--data-dir", str(tiny_dir), "--out", str(tmp_path / "m.npz"), "--threads", "2"]
    assert cli.main(["--debug", *argv] if debug else argv) == 0
    err = capsys.readouterr().err
    assert helpers[0].lost
    assert f"nndesk: note: {HELPER_LOST}\n" in err
    assert ("FloatingPointError: the helper's own failure" in err) == debug
    assert ("batch helpers given up" in err) == debug


def _run(tiny, **stop):  # noqa: F811 - the fixture
    session = prepare(FAST.replace(arch=ARCH, threads=2, epochs=2, dropout=0.25), dataset=tiny)
    reports = list(train(session, **stop))
    return session, reports


def _trained_as_on_threads(session, tiny, monkeypatch) -> None:  # noqa: F811 - the fixture
    """``session``'s run (``_run``) ended with the parameters of the same run with its parts on
    threads throughout."""
    monkeypatch.setattr(runtime, "PARTS_IN_PROCESSES", False)
    on_threads, _ = _run(tiny)
    assert not on_threads.thread_plan().processes
    _same_parameters(session.model, on_threads.model)


def test_a_run_trains_over_processes_as_it_would_on_threads(tiny, helpers, monkeypatch):  # noqa: F811
    session, reports = _run(tiny)
    assert reports[-1].reason == "completed"
    assert len(helpers) == 1 and helpers[0].batches > 0 and helpers[0].helpers == []
    _trained_as_on_threads(session, tiny, monkeypatch)
    assert len(helpers) == 1


def test_stop_ends_the_run_and_its_helper_process(tiny, helpers):  # noqa: F811
    batches: list[int] = []

    def should_stop() -> bool:
        batches.append(len(batches))
        return len(batches) > 3

    _, reports = _run(tiny, should_stop=should_stop)
    assert isinstance(reports[-1], RunEnded) and reports[-1].reason == "stopped"
    (split,) = helpers
    assert split.batches == 3 and split.helpers == []  # closed: its process joined, segment gone


def test_a_helper_killed_mid_run_leaves_the_run_to_finish_on_threads(tiny, helpers, monkeypatch):  # noqa: F811
    pids: list[int] = []

    def should_stop() -> bool:
        if len(pids) == 0 and helpers and helpers[0].batches == 2:
            pids.append(helpers[0].helpers[0].process.pid)
            os.kill(pids[0], signal.SIGKILL)
        return False

    session, reports = _run(tiny, should_stop=should_stop)
    assert reports[-1].reason == "completed" and pids
    assert helpers[0].batches == 2 and "batch helper" in helpers[0].failure
    # said once, on the batch that found the helper gone (the third)
    said = [(r.batch, r.notice) for r in reports if isinstance(r, BatchReport) and r.notice]
    assert said == [(3, HELPER_LOST)]
    _trained_as_on_threads(session, tiny, monkeypatch)
    assert len(helpers) == 1


def test_a_helper_that_cannot_start_leaves_training_to_the_thread_split(
    tiny,  # noqa: F811
    monkeypatch,
    parts_by_load,
):
    quiet(monkeypatch)

    def no_shared_memory(*args, **kwargs):
        raise OSError("no /dev/shm here")

    monkeypatch.setattr(segments, "open_segment", no_shared_memory)  # where runs make theirs
    made: list[ProcessSplit] = []
    real = process_split.ProcessSplit

    class Recorded(real):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(process_split, "ProcessSplit", Recorded)
    _, reports = _run(tiny)
    assert reports[-1].reason == "completed"
    assert "no /dev/shm here" in made[0].failure and made[0].batches == 0


def test_nndesk_train_splits_a_cnns_batches_over_processes_on_a_quiet_machine(
    tiny_dir, tmp_path, helpers, capsys
):
    # automatic threads (no --threads): the plan's own choice
    argv = ["train", "--dataset", "mnist", "--arch", ARCH, "--batch-size", "16", "--epochs", "1"]
    argv += ["--data-dir", str(tiny_dir), "--out", str(tmp_path / "m.npz")]
    assert cli.main([*argv, "--json"]) == 0, capsys.readouterr().err
    assert len(helpers) == 1 and helpers[0].parts == parallel.cores()
    assert helpers[0].batches > 0 and helpers[0].helpers == []
    # started while the data loaded (process_split.started_early), one per other part
    assert helpers[0].early_helpers == parallel.cores() - 1


def _killed_after(batches: int, monkeypatch) -> list[int]:
    """Kill a run's helper process once it has taken part in ``batches`` batches (from the
    training thread, at its next batch); returns the pids killed."""
    killed: list[int] = []
    split_class = process_split.ProcessSplit  # the ``helpers`` fixture's
    inner = split_class.train_step

    def train_step(self, *args, **kwargs):
        if self.batches == batches and self.helpers and not killed:
            process = self.helpers[0].process
            killed.append(process.pid)
            os.kill(process.pid, signal.SIGKILL)
            process.join(WAIT)
        return inner(self, *args, **kwargs)

    monkeypatch.setattr(split_class, "train_step", train_step)
    return killed


def test_nndesk_train_says_once_on_stderr_that_its_helper_process_stopped(
    tiny_dir, tmp_path, helpers, capsys, monkeypatch
):
    killed = _killed_after(2, monkeypatch)
    argv = ["train", "--dataset", "mnist", "--arch", ARCH, "--batch-size", "16", "--epochs", "2"]
    argv += ["--data-dir", str(tiny_dir), "--out", str(tmp_path / "m.npz"), "--threads", "2"]
    assert cli.main([*argv, "--json"]) == 0
    err = capsys.readouterr().err
    assert killed and helpers[0].lost
    assert err.count("helper process") == 1
    assert f"nndesk: note: {HELPER_LOST}\n" in err


def test_the_train_page_status_line_says_once_that_the_helper_process_stopped(
    qtbot,
    tiny,  # noqa: F811
    helpers,
    tmp_path,
    monkeypatch,
):
    killed = _killed_after(2, monkeypatch)
    said: list[str] = []
    config = FAST.replace(arch=ARCH, threads=2, epochs=2, dropout=0.25)
    _train_in_controller(qtbot, tiny, tmp_path, config, status_changed=said.append)
    assert killed and helpers[0].lost
    assert said.count(str(HELPER_LOST)) == 1
    # between "Training…" and the end's "Testing the model…"
    assert said.index("Training…") < said.index(str(HELPER_LOST)) < said.index("Testing the model…")


def test_the_plan_gives_a_split_cnn_helpers_and_begins_in_them_when_each_has_a_core(
    tiny,  # noqa: F811
    monkeypatch,
    parts_by_load,
):
    cnn, cores = FAST.replace(arch=ARCH), parallel.cores()
    plan = runtime.ThreadPlan
    quiet(monkeypatch)
    assert prepare(cnn, dataset=tiny).thread_plan() == plan(1, cores, processes=cores > 1)
    assert prepare(cnn.replace(threads=2), dataset=tiny).thread_plan() == plan(1, 2, True)
    assert not prepare(cnn.replace(threads=1), dataset=tiny).thread_plan().processes
    assert not prepare(FAST.replace(threads=2), dataset=tiny).thread_plan().processes  # an MLP
    # other programs at a fraction of a core over QUIET: a part would wait for a core, so the
    # run begins on threads, its helpers there for when the load's look finds the cores free
    others = runtime.QUIET + 0.1
    monkeypatch.setattr(runtime, "idle_cores", lambda: cores - others)
    busy_plan = prepare(cnn, dataset=tiny).thread_plan()
    assert busy_plan == plan(1, cores, processes=cores > 1, threads_first=cores > 1)
    monkeypatch.setattr(runtime, "idle_cores", lambda: 2.0 - others)
    assert prepare(cnn.replace(threads=2), dataset=tiny).thread_plan() == plan(1, 2, True, True)
    monkeypatch.setattr(runtime, "idle_cores", lambda: 2.0 - runtime.QUIET)
    assert prepare(cnn.replace(threads=2), dataset=tiny).thread_plan() == plan(1, 2, True)
    # more parts than cores: never a core each, so threads and no helpers
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    assert not prepare(cnn.replace(threads=3), dataset=tiny).thread_plan().processes
    # benchmarks and tests may choose either whatever the load
    monkeypatch.setattr(runtime, "PARTS_IN_PROCESSES", False)
    quiet(monkeypatch)
    assert not prepare(cnn.replace(threads=2), dataset=tiny).thread_plan().processes
    monkeypatch.setattr(runtime, "PARTS_IN_PROCESSES", True)
    busy(monkeypatch)
    assert prepare(cnn.replace(threads=2), dataset=tiny).thread_plan().processes


def test_the_parts_change_sides_when_the_load_crosses_the_rules_line_by_a_margin(monkeypatch):
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    # other programs' busy cores at each look (the first look only starts the count)
    readings = iter([None, 0.7, 0.8, 0.4, 0.6, 0.2, None, 0.8, 0.3])
    by_load = runtime.PartsByLoad(2, others=lambda pids: next(readings), every=3)
    sides = [by_load.next_batch([]) for _ in range(24)]
    # the line: processes while 2 - others >= 2 - QUIET; LOAD_MARGIN either side of it
    assert runtime.QUIET == 0.5 and runtime.LOAD_MARGIN == 0.25
    expected = (
        [True] * 5  # batch 1 starts the count; 0.7 at batch 3 stays under 0.75
        + [False] * 9  # 0.8 at batch 6: threads; 0.4 (9) and 0.6 (12) stay above 0.25
        + [True] * 6  # 0.2 at batch 15: processes again; unknown at 18 changes nothing
        + [False] * 4  # 0.8 at batch 21; 0.3 at 24 stays above 0.25
    )
    assert sides == expected and by_load.switches == 3


def test_a_run_with_no_core_free_trains_whole_batches_and_splits_them_when_cores_free(
    monkeypatch,
):
    monkeypatch.setattr(parallel, "cores", lambda: 2)
    # cores other programs kept busy at each look (the first only starts the count)
    readings = iter([None, 1.9, 1.4, 1.2, 0.9, 0.1, 1.9, 0.6, 1.1, 1.3, 1.8])
    by_load = runtime.PartsByLoad(2, others=lambda pids: next(readings), every=2, whole=True)
    sides = []
    for _ in range(20):
        by_load.next_batch([])
        sides.append(by_load.side)
    W, T, P = runtime.WHOLE, runtime.THREADS, runtime.PROCESSES
    # free cores 0.1 (batch 2) and 0.6 (4): whole, under 0.5 + LOAD_MARGIN; 0.8 (6): threads;
    # 1.1 (8) stays; 1.9 (10): processes; 0.1 (12): whole at once; 1.4 (14): threads (under
    # 1.5); 0.9 (16), 0.7 (18) stay on threads, above 0.5 - LOAD_MARGIN; 0.2 (20): whole
    assert runtime.WHOLE_LINE == 0.5 and runtime.LOAD_MARGIN == 0.25
    assert sides == [W] * 5 + [T] * 4 + [P] * 2 + [W] * 2 + [T] * 6 + [W]
    assert by_load.switches == 5 and not by_load.in_processes


def test_a_run_the_plan_found_with_no_core_free_trains_whole_then_takes_its_helper(
    tiny,  # noqa: F811
    helpers,
    monkeypatch,
):
    # the plan's look (0.1 s) found every core busy, a passing burst as often as not: the run
    # trained whole batches on one thread for good, ~3x slower on a quiet machine (speed56)
    no_core_free(monkeypatch)
    looks: list[list[int]] = []

    class Scripted:  # every core still busy at the first look, quiet from the second
        def __call__(self, pids: list[int]) -> float:
            looks.append(pids)
            return 1.9 if len(looks) <= 2 else 0.0

    monkeypatch.setattr(runtime, "OthersBusy", Scripted)
    monkeypatch.setattr(runtime, "LOAD_EVERY", 4)
    parts_at_step: list[int] = []  # how the batches the caller trains itself were split
    real = Sequential.train_step

    def recorded(self, x, *args, **kwargs):
        parts_at_step.append(split_batch.parts_for(self, x.shape[0]))
        return real(self, x, *args, **kwargs)

    monkeypatch.setattr(Sequential, "train_step", recorded)
    config = FAST.replace(arch=ARCH, epochs=2, dropout=0.25)  # threads automatic
    session = prepare(config, dataset=tiny)
    reports = list(train(session))
    assert reports[-1].reason == "completed"
    plan = runtime.ThreadPlan(1, 2, processes=True, threads_first=True, whole_first=True)
    assert session.thread_plan() == plan
    (split,) = helpers  # started, idle until the look found the cores free
    assert split.by_load is not None and split.by_load.switches == 1
    # looks at batches 1 (start), 4 (busy: whole still), 8 (quiet: the helper from there)
    losses = [r.batch_loss for r in reports if isinstance(r, BatchReport)]
    split_batches = len(losses) - 2  # each epoch's last batch (4 of 180 images) is not split
    assert split.batches == split_batches - 7 and split.failure is None
    assert parts_at_step == [1] * 9  # batches 1-7 whole, and the two epochs' last ones
    # whole batches are the plain one-thread run's, to the bit
    monkeypatch.setattr(runtime, "PARTS_IN_PROCESSES", False)  # the plan: ThreadPlan(1, 1)
    plain = prepare(config, dataset=tiny)
    plain_losses = [r.batch_loss for r in train(plain) if isinstance(r, BatchReport)]
    assert plain.thread_plan() == runtime.ThreadPlan(1, 1)
    assert losses[:7] == plain_losses[:7] and losses[7] == pytest.approx(plain_losses[7])


def test_a_block_run_by_a_plan_with_no_core_free_runs_on_one_thread(monkeypatch, parts_by_load):
    # the Lab's passes (runtime.applied) on a busy machine, as before the plan began whole
    no_core_free(monkeypatch)
    busy_plan = runtime.plan(_model(), 64)
    assert busy_plan.whole_first
    with runtime.applied(busy_plan):
        assert parallel.threads() == 1
    with runtime.applied(runtime.ThreadPlan(1, 2, processes=True, threads_first=True)):
        assert parallel.threads() == 2


def test_a_run_kept_whole_by_a_busy_machine_scores_its_epochs_on_one_thread(
    tiny,  # noqa: F811
    helpers,
    monkeypatch,
):
    no_core_free(monkeypatch)
    monkeypatch.setattr(runtime, "OthersBusy", lambda: lambda pids: 1.9)  # busy at every look
    monkeypatch.setattr(runtime, "LOAD_EVERY", 4)
    session = prepare(FAST.replace(arch=ARCH, epochs=2), dataset=tiny)
    scored_on: list[int] = []
    evaluate = session.evaluate_val
    monkeypatch.setattr(
        session, "evaluate_val", lambda: scored_on.append(parallel.threads()) or evaluate()
    )
    assert list(train(session))[-1].reason == "completed"
    (split,) = helpers
    assert split.batches == 0 and split.by_load is not None and split.by_load.switches == 0
    assert scored_on == [1, 1]  # as a run the plan gave one thread (ThreadPlan(1, 1)) is


def test_a_run_whose_machine_gets_busy_trains_on_threads_then_processes_again(
    tiny,  # noqa: F811
    helpers,
    monkeypatch,
):
    looks: list[list[int]] = []

    class Scripted:  # other programs busy for the second and third looks, quiet otherwise
        def __call__(self, pids: list[int]) -> float:
            looks.append(pids)
            return 1.5 if len(looks) in (2, 3) else 0.0

    monkeypatch.setattr(runtime, "OthersBusy", Scripted)
    monkeypatch.setattr(runtime, "LOAD_EVERY", 4)
    session, reports = _run(tiny)
    assert reports[-1].reason == "completed"
    batches = sum(isinstance(r, BatchReport) for r in reports)
    (split,) = helpers
    # looks at batches 1 (start), 4 (quiet), 8 (busy: threads), 12 (busy), 16 (quiet again)
    assert split.by_load is not None and split.by_load.switches == 2
    split_batches = batches - 2  # each epoch's last batch (4 of 180 images) is not split
    assert split.batches == split_batches - 8 and split.failure is None  # 8 to 15 on threads
    assert all(pids == [looks[0][0]] for pids in looks)  # the helper's CPU is its own, not others'
    _trained_as_on_threads(session, tiny, monkeypatch)


def test_a_run_the_plan_found_busy_begins_on_threads_and_takes_its_helper_when_cores_free(
    tiny,  # noqa: F811
    helpers,
    monkeypatch,
):
    # the plan's look (0.1 s) found another program on a core: a passing burst, as often as not.
    # Sent to threads for good, a quiet machine's run trained ~1.7x slower (speed55)
    monkeypatch.setattr(runtime, "idle_cores", lambda: 1.0)  # one core of two taken
    looks: list[list[int]] = []

    class Scripted:  # still busy at the first look, quiet from the second
        def __call__(self, pids: list[int]) -> float:
            looks.append(pids)
            return 1.5 if len(looks) <= 2 else 0.0

    monkeypatch.setattr(runtime, "OthersBusy", Scripted)
    monkeypatch.setattr(runtime, "LOAD_EVERY", 4)
    session, reports = _run(tiny)
    assert reports[-1].reason == "completed"
    (split,) = helpers  # started, idle until the look found the cores free
    assert session.thread_plan() == runtime.ThreadPlan(1, 2, processes=True, threads_first=True)
    batches = sum(isinstance(r, BatchReport) for r in reports)
    assert split.by_load is not None and split.by_load.switches == 1
    # looks at batches 1 (start), 4 (busy: threads still), 8 (quiet: the helper from there)
    split_batches = batches - 2  # each epoch's last batch (4 of 180 images) is not split
    assert split.batches == split_batches - 7 and split.failure is None
    _trained_as_on_threads(session, tiny, monkeypatch)


def test_the_windows_training_worker_splits_a_cnns_batches_over_processes(
    qtbot,
    tiny,  # noqa: F811
    helpers,
    tmp_path,
):
    ended: list = []
    config = FAST.replace(arch=ARCH, threads=2, epochs=1, dropout=0.25)
    _train_in_controller(qtbot, tiny, tmp_path, config, run_ended=ended.append)
    assert ended[0].reason == "completed"
    assert len(helpers) == 1 and helpers[0].batches > 0 and helpers[0].helpers == []
    assert helpers[0].early_helpers == 1  # started while the data loaded


def test_a_race_of_two_cnn_lanes_gives_each_a_helper_and_stop_ends_them_all(
    qtbot,
    tiny,  # noqa: F811
    helpers,
    tmp_path,
):
    from nndesk.controllers.race import Lane, RaceController
    from nndesk.runs import RunStore

    base = FAST.replace(arch=ARCH, threads=2, epochs=500, dropout=0.25)
    lanes = [Lane("Adam", base), Lane("SGD", base.replace(optimizer="sgd", lr=0.05))]
    race = RaceController(lambda name: tiny, RunStore(tmp_path / "runs"))
    try:
        with qtbot.waitSignal(race.finished_race, timeout=int(WAIT * 1000)) as done:
            race.start(lanes)
            # each lane's batches go through its own helper (only one lane trains at a time)
            qtbot.waitUntil(
                lambda: len(helpers) == 2 and all(split.batches >= 2 for split in helpers),
                timeout=int(WAIT * 1000),
            )
            race.stop()
        qtbot.waitUntil(lambda: not race.is_running(), timeout=int(WAIT * 1000))
    finally:
        race.shutdown()
    assert [r.reason for r in done.args[0]] == ["stopped", "stopped"]
    assert all(split.helpers == [] and split.failure is None for split in helpers)


UNGUARDED = """
import os
import numpy as np
from nndesk.nn.architecture import build_model
from nndesk.nn.losses import SoftmaxCrossEntropy
from nndesk.training.process_split import ProcessSplit

with open(os.environ["RUNS_OF_THE_SCRIPT"], "a") as runs:
    runs.write(f"{os.getpid()}\\n")
model = build_model("784-c4v-p-c8v-p-16-10", rng=np.random.default_rng(0))
with ProcessSplit(model, SoftmaxCrossEntropy("softmax"), 2, 16) as split:
    print(split.wait_ready(60), split.failure)
"""


def test_a_script_without_a_main_guard_runs_once_beside_its_helper(tmp_path):
    script, runs = tmp_path / "train_here.py", tmp_path / "runs.txt"
    script.write_text(UNGUARDED, encoding="utf-8")
    root = str(Path(__file__).resolve().parents[1])
    env = {**os.environ, "RUNS_OF_THE_SCRIPT": str(runs), "PYTHONPATH": root}
    done = subprocess.run(
        [sys.executable, str(script)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "None"]  # the helper started
    assert len(runs.read_text().split()) == 1  # and did not run the script again


def _train_in_controller(qtbot, model, tmp_path, config, **slots) -> None:
    """Train ``model`` as the window's TrainingController does, its signals named in ``slots``
    connected first, until the run is over."""
    from nndesk.controllers.training import TrainingController
    from nndesk.runs import RunStore

    controller = TrainingController(lambda name: model, RunStore(tmp_path / "runs"))
    for name, slot in slots.items():
        getattr(controller, name).connect(slot)
    try:
        with qtbot.waitSignal(
            controller.running_changed,
            timeout=int(WAIT * 1000),
            check_params_cb=lambda running: not running,
        ):
            controller.start(config)
    finally:
        controller.shutdown()


@pytest.fixture
def spawned(monkeypatch) -> tuple[list, threading.Event]:
    """Every helper process started (``(process, our end of its pipe)``), and an event set at
    each start."""
    started: list = []
    event = threading.Event()
    real = process_split._spawn

    def recorded(context):
        blank = real(context)
        started.append(blank)
        event.set()
        return blank

    monkeypatch.setattr(process_split, "_spawn", recorded)
    return started, event


def _up(blank) -> bool:
    """Whether a helper started blank has imported what it needs (its "up" is in the pipe)."""
    return blank[1].poll(WAIT)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_a_helper_started_early_is_the_one_the_run_trains_with_from_its_first_batch(
    tiny,  # noqa: F811
    parts_by_load,
    spawned,
    monkeypatch,
):
    quiet(monkeypatch)
    started, event = spawned
    made: list[ProcessSplit] = []
    took: list[bool] = []  # per batch: whether the helper took part

    class Recorded(ProcessSplit):  # as the run makes it: nobody waits for its helper
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            made.append(self)

        def train_step(self, *args, **kwargs):
            done = super().train_step(*args, **kwargs)
            took.append(done is not None)
            return done

    monkeypatch.setattr(process_split, "ProcessSplit", Recorded)
    config = FAST.replace(arch=ARCH, threads=2, epochs=2, dropout=0.25)
    with process_split.started_early(config):
        assert event.wait(WAIT) and _up(started[0])  # up while the data loads
        pid = started[0][0].pid
        reports = list(train(prepare(config, dataset=tiny)))
    assert reports[-1].reason == "completed"
    assert len(started) == 1  # the run started none of its own
    (split,) = made
    assert split.early_helpers == 1 and split.failure is None
    assert took[0] and sum(took) == split.batches > 0  # from its first batch
    assert not _alive(pid)  # and it ended with the run


def test_an_early_helper_no_run_took_ends_with_its_block(helpers, spawned):
    started, event = spawned
    config = FAST.replace(arch=ARCH, threads=2)
    with process_split.started_early(config):  # the data never loads: no run
        assert event.wait(WAIT) and _up(started[0])
        pid = started[0][0].pid
    assert not _alive(pid) and process_split._EARLY.take() is None


def test_an_early_helper_is_not_started_for_a_cnn_on_one_thread_or_an_mlp_but_is_when_busy(
    helpers,
    spawned,
    monkeypatch,
):
    started, _ = spawned
    with process_split.started_early(FAST.replace(arch="784-32-10", threads=2)):
        pass
    with process_split.started_early(FAST.replace(arch=ARCH, threads=1)):
        pass
    assert started == []
    # too busy to split at all: the run begins whole, on one thread, but its helpers start for
    # when a look at the load finds a core free (speed56)
    no_core_free(monkeypatch)
    with process_split.started_early(FAST.replace(arch=ARCH)):
        pass
    assert len(started) == 1


def test_a_run_whose_early_helper_died_starts_one_of_its_own(
    tiny,  # noqa: F811
    helpers,
    spawned,
):
    started, event = spawned
    config = FAST.replace(arch=ARCH, threads=2, epochs=1, dropout=0.25)
    with process_split.started_early(config):
        assert event.wait(WAIT)
        dead = started[0][0]
        os.kill(dead.pid, signal.SIGKILL)
        dead.join(WAIT)
        session = prepare(config, dataset=tiny)
        reports = list(train(session))
    assert reports[-1].reason == "completed" and len(started) == 2
    (split,) = helpers
    assert split.early_helpers == 0 and split.batches > 0 and split.failure is None


def test_the_windows_run_stopped_while_its_data_loads_ends_its_early_helper(
    qtbot,
    tiny,  # noqa: F811
    helpers,
    spawned,
    tmp_path,
):
    from nndesk.controllers.training import TrainingController
    from nndesk.runs import RunStore

    started, event = spawned
    pids: list[int] = []
    runs: list = []

    def slow_dataset(name):
        # the helper has started and imported; then the learner presses Stop
        assert event.wait(WAIT) and _up(started[0])
        pids.append(started[0][0].pid)
        controller.stop()
        return tiny

    controller = TrainingController(slow_dataset, RunStore(tmp_path / "runs"))
    controller.run_started.connect(runs.append)
    try:
        with qtbot.waitSignal(
            controller.running_changed,
            timeout=int(WAIT * 1000),
            check_params_cb=lambda running: not running,
        ):
            controller.start(FAST.replace(arch=ARCH, threads=2, epochs=1, dropout=0.25))
    finally:
        controller.shutdown()
    assert runs == [] and len(pids) == 1 and not _alive(pids[0])
