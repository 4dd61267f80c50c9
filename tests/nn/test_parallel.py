"""Splitting NumPy passes over threads: coverage, errors, per-thread settings, identical layers."""

import threading

import numpy as np
import pytest

from nndesk.nn import parallel
from nndesk.nn.conv import Conv2D, MaxPool2D


def test_split_covers_the_range_once_in_near_equal_parts():
    for size, parts in [(10, 3), (2, 5), (7, 1), (64, 2)]:
        slices = parallel.split(size, parts)
        covered = [i for s in slices for i in range(s.start, s.stop)]
        assert covered == list(range(size))
        lengths = [s.stop - s.start for s in slices]
        assert max(lengths) - min(lengths) <= 1


def test_outside_use_threads_a_pass_runs_inline_in_one_part():
    calls = []
    parallel.map_parts(lambda part: calls.append((part, threading.get_ident())), 8, 1 << 30)
    assert calls == [(slice(0, 8), threading.get_ident())]


def test_inside_use_threads_big_work_runs_on_several_threads_and_covers_every_item():
    seen = np.zeros(1000, int)
    threads = set()

    def part(sl):
        threads.add(threading.get_ident())
        seen[sl] += 1

    with parallel.use_threads(2):
        parallel.map_parts(part, 1000, parallel.MIN_WORK)
        small = []
        parallel.map_parts(small.append, 1000, parallel.MIN_WORK - 1)  # too little work: inline
    assert (seen == 1).all()
    assert len(threads) == 2
    assert small == [slice(0, 1000)]


def test_an_error_in_any_part_is_raised_after_every_part_finished():
    done = []

    def part(sl):
        if sl.start != 0:
            raise ValueError("bad part")
        done.append(sl)

    with parallel.use_threads(2), pytest.raises(ValueError, match="bad part"):
        parallel.map_parts(part, 10, 1 << 30)
    assert done == [slice(0, 5)]


def test_a_part_that_splits_again_runs_inline_instead_of_waiting_on_the_pool():
    inner = []

    def part(sl):
        parallel.map_parts(lambda s: inner.append(s), 4, 1 << 30)

    with parallel.use_threads(2):
        parallel.map_parts(part, 2, 1 << 30)
    assert len(inner) == 3  # one inline call from the pool part, two split ones from the caller


def test_the_thread_setting_belongs_to_the_thread_that_made_it():
    other = []
    with parallel.use_threads(2):
        worker = threading.Thread(target=lambda: other.append(parallel.threads()))
        worker.start()
        worker.join()
        assert parallel.threads() == 2
    assert other == [1]
    assert parallel.threads() == 1


def _forward_backward(layer, x, g):
    out = np.array(layer.forward(x, training=True))
    dx = layer.backward(g.copy())
    return (
        out,
        (None if dx is None else np.array(dx)),
        {k: v.copy() for k, v in layer.grads.items()},
    )


@pytest.mark.parametrize(
    "make, shape",
    [
        (lambda: Conv2D(3, 4, rng=np.random.default_rng(0)), (5, 3, 9, 9)),
        (lambda: Conv2D(3, 4, stride=2, padding=0, rng=np.random.default_rng(0)), (5, 3, 9, 9)),
        (lambda: MaxPool2D(2), (5, 3, 9, 8)),
    ],
)
def test_layers_give_identical_results_split_or_not(make, shape, monkeypatch):
    rng = np.random.default_rng(1)
    x = rng.standard_normal(shape).astype(np.float32)
    layer_a, layer_b = make(), make()
    out_shape = layer_a.forward(x).shape
    g = rng.standard_normal(out_shape).astype(np.float32)
    serial = _forward_backward(layer_a, x, g)
    monkeypatch.setattr(parallel, "MIN_WORK", 1)  # split even these small arrays
    used = set()
    real = parallel.map_parts

    def spying(fn, size, work):
        def part(sl):
            used.add(threading.get_ident())
            return fn(sl)

        return real(part, size, work)

    monkeypatch.setattr(parallel, "map_parts", spying)
    with parallel.use_threads(2):
        split = _forward_backward(layer_b, x, g)
    assert len(used) == 2  # the passes really ran on two threads
    np.testing.assert_array_equal(split[0], serial[0])
    if serial[1] is not None:
        np.testing.assert_array_equal(split[1], serial[1])
    for name in serial[2]:
        np.testing.assert_array_equal(split[2][name], serial[2][name])


def test_a_part_on_the_pool_keeps_the_callers_floating_point_error_handling():
    with np.errstate(over="ignore", invalid="raise", divide="ignore"):
        settings = parallel.run_each([np.geterr, np.geterr])
    for setting in settings:
        assert (setting["over"], setting["invalid"], setting["divide"]) == (
            "ignore",
            "raise",
            "ignore",
        )


def test_a_part_on_the_pool_keeps_the_callers_ufunc_buffer_size():
    # a run's steps walk strided views with small buffers (runtime.UFUNC_BUFFER): the parts of a
    # split pass on the pool's threads must too, whatever the pool's thread had before
    theirs = np.setbufsize(256)
    try:
        sizes = parallel.run_each([np.getbufsize, np.getbufsize, np.getbufsize])
    finally:
        np.setbufsize(theirs)
    assert sizes == [256, 256, 256]
    assert parallel.run_each([np.getbufsize, np.getbufsize]) == [theirs, theirs]
