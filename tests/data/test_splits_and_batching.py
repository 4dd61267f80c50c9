"""Stratified seeded splits and mini-batch index streams."""

import numpy as np
import pytest

from nndesk.data.batching import iterate_minibatches, num_batches
from nndesk.data.splits import stratified_split
from nndesk.errors import ConfigError


def test_split_holds_out_the_same_share_of_every_class():
    labels = np.repeat(np.arange(5), [100, 50, 20, 10, 20])
    keep, held = stratified_split(labels, 0.2, np.random.default_rng(0))
    assert len(held) == 40
    np.testing.assert_array_equal(np.bincount(labels[held]), [20, 10, 4, 2, 4])
    assert np.array_equal(np.sort(np.concatenate([keep, held])), np.arange(200))


def test_split_is_reproducible_from_the_seed_and_changes_with_it():
    labels = np.arange(300) % 3
    a = stratified_split(labels, 0.1, np.random.default_rng(5))[1]
    b = stratified_split(labels, 0.1, np.random.default_rng(5))[1]
    c = stratified_split(labels, 0.1, np.random.default_rng(6))[1]
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, c)


def test_held_out_count_is_exact_even_when_classes_round_down():
    labels = np.arange(30) % 10  # three per class; 10 % of 30 is 3
    _, held = stratified_split(labels, 0.1, np.random.default_rng(0))
    assert len(held) == 3 and len(set(labels[held].tolist())) == 3


def test_zero_fraction_holds_nothing_out_and_bad_fractions_are_rejected():
    keep, held = stratified_split(np.arange(10) % 2, 0.0, np.random.default_rng(0))
    assert len(held) == 0 and len(keep) == 10
    with pytest.raises(ConfigError):
        stratified_split(np.arange(10), 1.0, np.random.default_rng(0))


def test_minibatches_cover_every_index_once_in_shuffled_order():
    batches = list(iterate_minibatches(103, 10, np.random.default_rng(0)))
    assert [len(b) for b in batches] == [10] * 10 + [3]
    flat = np.concatenate(batches)
    assert sorted(flat.tolist()) == list(range(103))
    assert not np.array_equal(flat, np.arange(103))
    assert num_batches(103, 10) == len(batches)


def test_minibatches_without_rng_are_in_order_and_drop_last_skips_the_remainder():
    batches = list(iterate_minibatches(25, 10, None, drop_last=True))
    assert len(batches) == 2 == num_batches(25, 10, drop_last=True)
    np.testing.assert_array_equal(np.concatenate(batches), np.arange(20))


def test_each_epoch_draws_a_new_permutation_from_the_same_generator():
    rng = np.random.default_rng(0)
    first = np.concatenate(list(iterate_minibatches(50, 7, rng)))
    second = np.concatenate(list(iterate_minibatches(50, 7, rng)))
    assert not np.array_equal(first, second)


def test_batch_size_below_one_is_a_config_error():
    with pytest.raises(ConfigError):
        next(iterate_minibatches(5, 0))
