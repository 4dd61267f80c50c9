"""tools/drawn_checks.py: the test-time changes, the scoring and the command over cached checks."""

from __future__ import annotations

import numpy as np
import pytest

from tools import drawn_checks
from tools.build_weights import WEIGHTS_DIR
from tools.drawn_checks import TTA, check_inputs, check_seeds, pen, scale, scores, shift

MLP = str(WEIGHTS_DIR / "fashion-mlp.npz")


def _box(n: int = 2) -> np.ndarray:
    x = np.zeros((n, 28, 28), np.float32)
    x[:, 8:20, 10:16] = 255.0
    return x


def test_a_shift_moves_the_ink_one_pixel_and_lets_background_in():
    x = _box()
    assert np.array_equal(shift(x, 0, 1)[:, :, 1:], x[:, :, :-1])
    assert np.array_equal(shift(x, -1, 0)[:, :-1], x[:, 1:])
    edge = np.full((1, 28, 28), 7.0, np.float32)
    assert (shift(edge, 1, 0)[0, 0] == 0).all() and (shift(edge, 1, 0)[0, 1:] == 7).all()


def test_pens_and_scales_change_the_stroke_and_size_around_the_centre():
    x = _box()
    thick, thin = pen(x, True), pen(x, False)
    assert (thick >= x).all() and (thin <= x).all()
    assert (thick > 128).sum() > (x > 128).sum() > (thin > 128).sum() > 0
    big, small = scale(x, 1.1), scale(x, 0.9)
    assert (big > 128).sum() > (x > 128).sum() > (small > 128).sum()
    assert np.allclose(scale(x, 1.0), x, atol=1e-3)
    rows = np.flatnonzero((big[0] > 128).any(axis=1))
    assert rows[0] < 8 and rows[-1] > 19  # grown both ways, not only down


def test_every_change_keeps_the_shape_and_flip_mirrors():
    x = np.random.default_rng(0).uniform(0, 255, (3, 28, 28)).astype(np.float32)
    for group in TTA.values():
        for change in group:
            assert change(x).shape == x.shape
    (flip,) = TTA["flip"]
    assert np.array_equal(flip(x)[:, :, ::-1], x)


def test_scores_count_per_class():
    probs = np.eye(3)[[0, 1, 1, 2]]
    overall, per_class = scores(probs, np.array([0, 1, 2, 2]), k=3)
    assert overall == 0.75 and per_class.tolist() == [1.0, 1.0, 0.5]


def test_seeds_start_with_the_published_set():
    assert check_seeds(3, "doodles") == [4017, 1, 2]
    assert check_seeds(1, "traced") == [6017]


def _cache(tmp_path):
    rng = np.random.default_rng(1)
    for check in drawn_checks.CHECKS:
        for seed in check_seeds(2, check):
            x = np.clip(_box(20) + rng.normal(0, 40, (20, 28, 28)), 0, 255).astype(np.float32)
            np.savez(
                tmp_path / f"{check}-{seed}.npz",
                x=x,
                labels=np.arange(20) % 10,
                names=np.array(["box"] * 20),
            )
    return tmp_path


def test_the_cache_is_read_back_instead_of_drawing_again(tmp_path):
    cache = _cache(tmp_path)
    x, labels, names = check_inputs("traced", 1, cache)
    assert x.shape == (20, 28, 28) and labels.tolist() == (np.arange(20) % 10).tolist()
    with pytest.raises(ValueError, match="unknown check"):
        check_inputs("photos", 1, cache)


def test_an_ensemble_of_a_model_with_itself_reads_as_the_model_alone(tmp_path, capsys):
    cache = _cache(tmp_path)
    assert drawn_checks.main([MLP, "--seeds", "2", "--cache", str(cache)]) == 0
    alone = [line for line in capsys.readouterr().out.splitlines() if "seed" in line]
    assert len(alone) == 6  # two seeds and a mean per check
    both = [MLP, MLP, "--weights", "1,3"]
    assert drawn_checks.main([*both, "--seeds", "2", "--cache", str(cache)]) == 0
    twice = [line for line in capsys.readouterr().out.splitlines() if "seed" in line]
    assert [line.split(" (")[0] for line in twice] == [line.split(" (")[0] for line in alone]
    assert twice[2].endswith("alone: +0 -0 drawings)") and twice[5].endswith("+0 -0 drawings)")


@pytest.mark.parametrize(
    "args",
    [["--tta", "rotate"], ["--weights", "1,2"], ["--seeds", "0"]],
)
def test_bad_options_give_one_line_and_status_2(args, tmp_path, capsys):
    assert drawn_checks.main([MLP, *args, "--cache", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:")


def test_a_file_that_is_no_model_gives_one_line_and_status_2(tmp_path, capsys):
    bad = tmp_path / "bad.npz"
    bad.write_bytes(b"not a model")
    assert drawn_checks.main([str(bad), "--cache", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:")


# -- the drawing's box narrowed (the tenth round of issue 17) ----------------------------------
def _wide_top(width: int, height: int) -> np.ndarray:
    """A filled box ``width`` x ``height`` on a black 280x280 canvas."""
    image = np.zeros((280, 280), np.uint8)
    top, left = (280 - height) // 2, (280 - width) // 2
    image[top : top + height, left : left + width] = 255
    return image


def _box_aspect(x: np.ndarray) -> float:
    rows, cols = np.flatnonzero((x > 128).any(axis=1)), np.flatnonzero((x > 128).any(axis=0))
    return (cols[-1] - cols[0] + 1) / (rows[-1] - rows[0] + 1)


def test_a_box_in_the_range_is_narrowed_and_others_are_read_as_preprocess_reads_them():
    from nndesk.preprocess import preprocess
    from tools.drawn_checks import narrowed

    wide = _wide_top(240, 200)  # 1.2 wide for its height
    x = narrowed(wide, (1.0, 1.6, 0.75))
    assert abs(_box_aspect(x) - 0.75) < 0.05 and _box_aspect(preprocess(wide, "garments")) > 1.1
    assert (x > 128).any(axis=1).sum() == 28  # as tall as the field, as a photo's top
    for outside in (_wide_top(240, 120), _wide_top(150, 200)):  # a shoe's 2.0, a tall 0.75
        assert np.array_equal(narrowed(outside, (1.0, 1.6, 0.75)), preprocess(outside, "garments"))
    assert narrowed(np.zeros((280, 280), np.uint8), (1.0, 1.6, 0.75)) is None


class _Fixed:
    """A classifier stand-in: reads every input as the probabilities of its first column."""

    class_names = ("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat")

    def probabilities(self, x):
        k = len(self.class_names)
        return np.eye(k, dtype=np.float32)[x[:, 0, 0].astype(int) % k]


def test_the_gated_reading_reads_again_only_what_the_first_reading_calls_a_top():
    from tools.drawn_checks import read

    x = np.zeros((3, 28, 28), np.float32)
    x[:, 0, 0] = [0, 1, 3]  # read T-shirt/top, Trouser, Dress
    again = x.copy()
    again[:, 0, 0] = 4  # the narrowed inputs all read Coat
    gated = read([_Fixed()], [1.0], x, [], narrow_x=again, gated=True)
    assert np.allclose(gated[0], [0.5, 0, 0, 0, 0.5])  # the top: the mean of both readings
    assert np.allclose(gated[1:], np.eye(5)[[1, 3]])  # the others as read first
    both = read([_Fixed()], [1.0], x, [], narrow_x=again)
    assert np.allclose(both[:, 4], 0.5)  # not gated: every drawing read both ways


def test_narrowed_inputs_are_cached_apart_from_the_plain_ones(tmp_path):
    cache = _cache(tmp_path)
    narrow = (1.0, 1.6, 0.75)
    path = tmp_path / drawn_checks.cache_name("traced", 1, narrow)
    x = np.full((20, 28, 28), 9.0, np.float32)
    np.savez(path, x=x, labels=np.arange(20) % 10, names=np.array(["box"] * 20))
    assert np.array_equal(check_inputs("traced", 1, cache, narrow)[0], x)
    assert not np.array_equal(check_inputs("traced", 1, cache)[0], x)


def test_the_command_reads_the_narrowed_inputs_gated(tmp_path, capsys):
    cache = _cache(tmp_path)
    narrow = (1.0, 1.6, 0.75)
    for check in drawn_checks.CHECKS:
        for seed in check_seeds(2, check):
            with np.load(tmp_path / f"{check}-{seed}.npz") as f:
                np.savez(tmp_path / drawn_checks.cache_name(check, seed, narrow), **f)
    args = [MLP, "--seeds", "2", "--cache", str(cache), "--narrow", "1.0,1.6,0.75", "--gated"]
    assert drawn_checks.main(args) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "mean over" in line]
    # the same inputs narrowed: every reading is the model's own, nothing gained or lost
    assert len(lines) == 2 and all(line.endswith("+0 -0 drawings)") for line in lines)


@pytest.mark.parametrize(
    "args",
    [["--narrow", "1.0,1.6"], ["--narrow", "1.6,1.0,0.75"], ["--narrow", "a,b,c"], ["--gated"]],
)
def test_bad_narrow_options_give_one_line_and_status_2(args, tmp_path, capsys):
    assert drawn_checks.main([MLP, *args, "--cache", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:")


# -- the hand-drawn set as a third check (the sixteenth round of issue 17) ---------------------
def test_the_hand_set_is_read_as_nndesk_predict_reads_its_drawings(qapp, tmp_path):
    from nndesk.preprocess import preprocess
    from tools.hand_check import render_all
    from tools.hand_garments import HAND_GARMENTS

    x, labels, names = drawn_checks.hand_inputs(tmp_path)
    assert x.shape == (len(HAND_GARMENTS), 28, 28) and x.dtype == np.float32
    assert labels.tolist() == [d.label for d in HAND_GARMENTS]
    items = render_all(HAND_GARMENTS[:3])
    for i, item in enumerate(items):
        assert names[i] == item.name and np.array_equal(x[i], preprocess(item.image, "garments"))
    assert (tmp_path / "hand.npz").is_file()  # cached: the second call reads it back
    again = drawn_checks.hand_inputs(tmp_path)
    assert all(np.array_equal(a, b) for a, b in zip(again, (x, labels, names), strict=True))


def test_the_command_reads_the_hand_set_after_the_checks(tmp_path, capsys):
    cache = _cache(tmp_path)
    x = np.clip(_box(30) + np.random.default_rng(2).normal(0, 40, (30, 28, 28)), 0, 255)
    np.savez(cache / "hand.npz", x=x, labels=np.arange(30) % 10, names=np.array(["box"] * 30))
    assert drawn_checks.main([MLP, "--seeds", "2", "--cache", str(cache), "--hand"]) == 0
    alone = capsys.readouterr().out.splitlines()
    assert len(alone) == 7 and alone[-1].startswith("hand: ") and "/ 30," in alone[-1]
    from nndesk.inference import Classifier

    read = drawn_checks.read([Classifier.from_file(MLP)], [1.0], x.astype(np.float32), [])
    right = int((read.argmax(axis=1) == np.arange(30) % 10).sum())
    assert f"({right} / 30," in alone[-1]
    assert drawn_checks.main([MLP, MLP, "--seeds", "2", "--cache", str(cache), "--hand"]) == 0
    both = capsys.readouterr().out.splitlines()[-1]
    assert both.startswith(alone[-1]) and both.endswith("alone: +0 -0 drawings)")


def test_hand_with_narrow_gives_one_line_and_status_2(tmp_path, capsys):
    args = [MLP, "--hand", "--narrow", "1.0,1.6,0.75", "--cache", str(tmp_path)]
    assert drawn_checks.main(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:")
