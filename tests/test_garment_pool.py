"""tools/garment_pool.py: the scoring checked against hand computations on tiny arrays, and the
pool's path (real canvas, PNG files, answers, figures) run on a stand-in classifier over six of
its drawings. No real model and no real data are read."""

from __future__ import annotations

import json
from math import log, sqrt
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from tests.fake_classifier import FakeClassifier
from tools import garment_pool
from tools.garment_pool import (
    against,
    brier,
    figures,
    nll,
    pool_drawings,
    pooled_t,
    read_pool,
    sign_test_p,
    top_label_ece,
)
from tools.hand_garments import CLASS_NAMES


def test_nll_is_the_mean_negative_log_of_the_true_class():
    probs = np.array([[0.5, 0.25, 0.25], [0.25, 0.25, 0.5]])
    # true classes 0 and 1: p = 0.5 and 0.25, -(ln 0.5 + ln 0.25) / 2 = (ln 2 + 2 ln 2) / 2
    assert nll(probs, np.array([0, 1])) == pytest.approx(1.5 * log(2))


def test_nll_clips_a_zero_probability_at_one_in_a_million():
    # p = 0 for the true class counts as 1e-6: -ln 1e-6 = 6 ln 10 = 13.8155..., not infinity
    assert nll(np.array([[0.0, 1.0]]), np.array([0])) == pytest.approx(6 * log(10))


def test_brier_sums_the_squared_gaps_over_the_classes():
    probs = np.array([[0.5, 0.25, 0.25], [0.0, 1.0, 0.0]])
    # row 1, true 0: 0.5^2 + 0.25^2 + 0.25^2 = 0.375; row 2, true 0: 1^2 + 1^2 = 2; mean 1.1875
    assert brier(probs, np.array([0, 0])) == pytest.approx(1.1875)


def test_top_label_ece_weighs_each_bins_gap_by_its_share():
    probs = np.array(
        [
            [0.95, 0.03, 0.02],  # top 0.95, right (true 0)
            [0.95, 0.03, 0.02],  # top 0.95, wrong (true 1)
            [0.35, 0.33, 0.32],  # top 0.35, right
            [0.35, 0.33, 0.32],  # top 0.35, right
        ]
    )
    labels = np.array([0, 1, 0, 0])
    # bin 0.9-1.0: share 1/2, accuracy 1/2, mean top 0.95 -> 0.5 * 0.45 = 0.225
    # bin 0.3-0.4: share 1/2, accuracy 1, mean top 0.35 -> 0.5 * 0.65 = 0.325; total 0.55
    assert top_label_ece(probs, labels) == pytest.approx(0.55)


def test_a_top_of_exactly_one_falls_in_the_last_bin():
    probs = np.array([[1.0, 0.0, 0.0], [0.35, 0.33, 0.32]])
    # row 1: top 1.0, wrong (true 1) -> the 0.9-1.0 bin: share 1/2, accuracy 0, mean top 1
    # -> 0.5; row 2: top 0.35, right -> 0.5 * 0.65 = 0.325; total 0.825 (an 11th bin, never
    # summed, would leave 0.325)
    assert top_label_ece(probs, np.array([1, 0])) == pytest.approx(0.825)


def test_sign_test_p_is_the_binomial_tail_at_one_half():
    assert sign_test_p(3, 0) == pytest.approx(1 / 8)  # P(X >= 3), X ~ Bin(3, 1/2)
    assert sign_test_p(2, 1) == pytest.approx(4 / 8)  # (C(3,2) + C(3,3)) / 2^3
    assert sign_test_p(0, 2) == 1.0  # P(X >= 0)
    assert sign_test_p(0, 0) == 1.0  # nothing read differently: no evidence


def test_pooled_t_on_two_tiny_samples():
    # a = 1, 3 (mean 2, squares 1 + 1); b = 0, 0 (mean 0, squares 0): s_p^2 = 2 / 2 = 1
    # t = (2 - 0) / (1 * sqrt(1/2 + 1/2)) = 2
    assert pooled_t([1, 3], [0, 0]) == pytest.approx(2.0)


def test_pooled_t_gives_round_38s_statistic():
    # taught 225 216 225 (mean 222, squares 9 + 36 + 9 = 54), untaught 215 211 221 (mean
    # 215.667, squares 0.444 + 21.778 + 28.444 = 50.667): s_p = sqrt(104.667 / 4) = 5.115,
    # t = 6.333 / (5.115 * sqrt(2/3)) = 1.516
    expected = (222 - 647 / 3) / (sqrt((54 + 50 + 2 / 3) / 4) * sqrt(2 / 3))
    assert pooled_t([225, 216, 225], [215, 211, 221]) == pytest.approx(expected)
    assert pooled_t([225, 216, 225], [215, 211, 221]) == pytest.approx(1.516, abs=5e-4)


#: six of the pool's drawings: (set, name) -> (label, polarity), read off the drawing files
CHOSEN = {
    ("hand", "tee-classic"): (0, "white-on-black"),
    ("hand", "crop-top"): (0, "black-on-white"),
    ("hand", "tote-filled"): (8, "black-on-white"),
    ("hand", "handbag"): (8, "white-on-black"),
    ("fifth", "e5-pull-wave"): (2, "white-on-black"),
    ("sixth", "e6-bag-tote"): (8, "black-on-white"),
}


class PageReader(FakeClassifier):
    """Answers by the page alone: a dark page (the corner pixel) T-shirt/top at 0.6, a light
    page Bag at 0.95, the rest shared evenly by the other classes."""

    class_names = CLASS_NAMES

    def probabilities(self, images28: np.ndarray) -> np.ndarray:
        dark = np.asarray(images28)[:, 0, 0] < 128  # (n,)
        out = np.where(dark[:, None], 0.4 / 9, 0.05 / 9) * np.ones((len(dark), 10))
        out[dark, 0] = 0.6
        out[~dark, 8] = 0.95
        return out


def _page_reader_answers(paths):
    """What ``nndesk predict --json`` gives, from the stand-in on the PNG files written."""
    fake = PageReader()
    images = np.stack([np.asarray(Image.open(p).convert("L"), np.float32) for p in paths])
    images28 = images.reshape(len(paths), 28, 10, 28, 10).mean(axis=(2, 4))  # (n, 28, 28)
    probs = fake.probabilities(images28)
    return [{"label": int(p.argmax()), "probabilities": p.tolist()} for p in probs]


def test_the_pool_path_draws_reads_and_counts_a_few_drawings(qapp):
    chosen = [(s, d) for s, d in pool_drawings() if (s, d.name) in CHOSEN]
    assert [(d.label, d.polarity) for s, d in chosen] == [CHOSEN[s, d.name] for s, d in chosen]
    rows = read_pool(chosen, _page_reader_answers)
    # right: the two white-on-black T-shirts (tee-classic) and the black-on-white bags
    # (tote-filled, e6-bag-tote); wrong: crop-top (Bag 0.95), handbag (T-shirt 0.6),
    # e5-pull-wave (a pullover read T-shirt 0.6)
    answers = {r["name"]: r["answer"] for r in rows}
    assert answers == {
        "tee-classic": 0,
        "crop-top": 8,
        "tote-filled": 8,
        "handbag": 0,
        "e5-pull-wave": 0,
        "e6-bag-tote": 8,
    }
    f = figures(rows)
    assert (f["pool"], f["pool_n"]) == (3, 6)
    assert f["pool_per_class"] == [1, 0, 0, 0, 0, 0, 0, 0, 2, 0]
    assert f["pool_per_class_n"] == [2, 0, 1, 0, 0, 0, 0, 0, 3, 0]
    assert f["polarity"] == {"white-on-black": [1, 3], "black-on-white": [2, 3]}
    assert (f["hand"], f["hand_n"], f["unseen"], f["unseen_n"]) == (2, 4, 1, 2)
    assert f["unseen_per_hand"] == {"fifth": 0, "sixth": 1, "seventh": 0, "eighth": 0}
    # hand: tee-classic right at 0.6, tote-filled right at 0.95; crop-top wrong at 0.95
    assert (f["hand_right_at_60"], f["hand_wrong_at_90"], f["hand_wrong"]) == (2, 1, 2)
    # the true class's probability: tee-classic 0.6, crop-top 0.05/9, tote-filled 0.95,
    # handbag 0.4/9, e5-pull-wave 0.4/9, e6-bag-tote 0.95 (the mean does not depend on order)
    p_true = [0.6, 0.05 / 9, 0.95, 0.4 / 9, 0.4 / 9, 0.95]
    assert f["nll"] == pytest.approx(-np.mean(np.log(p_true)))
    # against a reader that gets every drawing wrong: the three right ones are wins
    wrong_all = [{**r, "answer": (r["label"] + 1) % 10} for r in rows]
    assert against(rows, wrong_all) == {"wins": 3, "losses": 0, "sign_test_p": 1 / 8}
    with pytest.raises(ValueError, match="other drawings"):
        against(rows, wrong_all[:-1])


def test_a_model_that_cannot_be_read_is_one_line_and_exit_2(tmp_path, capsys):
    assert garment_pool.main([str(tmp_path / "missing.npz")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1


def test_an_against_file_that_is_no_pool_file_is_one_line_and_exit_2(tmp_path, capsys):
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"figures": {}}))
    assert garment_pool.main([str(Path("unused.npz")), "--against", str(other)]) == 2
    err = capsys.readouterr().err
    assert "not a pool file" in err and err.count("\n") == 1
