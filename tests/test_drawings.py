"""Rendered mouse drawings: the renderer itself, and the shipped models reading them.

The digit check is the one the shipped-weights recipe is judged by: 80 drawings (every digit,
thin 8 px and thick 24 px pens, upright, slanted, small off-centre, large), each scored through
``nndesk predict --json`` (the same ``Classifier`` the canvas uses). The models need no dataset,
so these tests run without ../shared/data.
"""

from __future__ import annotations

import json

import numpy as np
import pytest

from nndesk import cli
from nndesk.inference import Classifier
from nndesk.preprocess import preprocess
from tools.build_weights import WEIGHTS_DIR
from tools.drawings import (
    DIGIT_STROKES,
    DIGIT_STYLES,
    GARMENTS,
    INK,
    Style,
    digit_drawings,
    garment_drawings,
    random_digit_drawings,
    render,
    save_drawings,
)

#: Share of the 80 rendered digits a shipped digit model must read right.
DIGIT_BAR = 0.90
#: Share of the 21 rendered garment silhouettes the shipped garment CNN must read right.
GARMENT_BAR = 0.70


def _ink_rows_cols(image):
    ink = image > 127
    rows, cols = np.flatnonzero(ink.any(axis=1)), np.flatnonzero(ink.any(axis=0))
    return rows, cols


# -- the renderer ---------------------------------------------------------------------------------
def test_every_digit_is_drawn_in_every_style_on_a_canvas_sized_image():
    drawings = digit_drawings()
    assert len(drawings) == 10 * len(DIGIT_STYLES) == 80
    assert sorted({d.label for d in drawings}) == list(range(10))
    assert len({d.name for d in drawings}) == 80
    for d in drawings:
        assert d.image.shape == (280, 280) and d.image.dtype == np.uint8
        assert d.image.max() == INK and d.image[0, 0] == 0  # bright ink on black paper


def test_a_thick_pen_lays_down_about_three_times_the_ink_of_a_thin_one():
    thin = render(DIGIT_STROKES[7], Style("t", 8)).astype(float).sum()
    thick = render(DIGIT_STROKES[7], Style("T", 24)).astype(float).sum()
    assert 2.3 < thick / thin < 3.3


def test_slant_leans_the_top_right_and_small_drawings_stay_small_and_off_centre():
    upright = render(DIGIT_STROKES[1], Style("u", 8))
    slanted = render(DIGIT_STROKES[1], Style("s", 8, shear=0.3))
    top_u = _ink_rows_cols(upright[:60])[1].mean()
    top_s = _ink_rows_cols(slanted[:60])[1].mean()
    assert top_s > top_u + 20
    rows, cols = _ink_rows_cols(render(DIGIT_STROKES[0], Style("m", 8, 0.35, 0.0, (-0.22, 0.2))))
    assert rows[-1] - rows[0] < 0.4 * 280
    assert cols.mean() < 110 and rows.mean() > 170  # left of and below the centre (140, 140)


def test_garments_are_filled_silhouettes_of_their_classes():
    drawings = garment_drawings()
    assert len(drawings) == 3 * len(GARMENTS)
    bag = render(GARMENTS["bag"].strokes, Style("b", 8, 0.85), fills=[GARMENTS["bag"].outline])
    assert bag[200, 140] == INK  # inside the body: filled, not just outlined


def test_drawings_survive_the_digit_preprocessing(tmp_path):
    for d in digit_drawings():
        x = preprocess(d.image, "digits")
        assert x is not None and x.shape == (28, 28) and x.max() > 200
    paths = save_drawings(digit_drawings()[:3], tmp_path)
    assert [p.name for p in paths] == [f"digit{i}-plain-8px.png" for i in range(3)]


# -- the shipped models ----------------------------------------------------------------------------
def _predict_cli(model, paths, capsys) -> list[int]:
    assert cli.main(["predict", str(model), *map(str, paths), "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    return [json.loads(line)["label"] for line in lines]


@pytest.mark.parametrize("name", ["mnist-cnn", "mnist-mlp"])
def test_shipped_digit_model_reads_mouse_drawings(name, tmp_path, capsys):
    drawings = digit_drawings()
    paths = save_drawings(drawings, tmp_path)
    labels = _predict_cli(WEIGHTS_DIR / f"{name}.npz", paths, capsys)
    right = [p == d.label for p, d in zip(labels, drawings, strict=True)]
    wrong = [d.name for d, ok in zip(drawings, right, strict=True) if not ok]
    assert np.mean(right) >= DIGIT_BAR, (name, f"{sum(right)}/80", wrong)


@pytest.mark.parametrize("name", ["mnist-cnn", "mnist-mlp"])
def test_shipped_digit_model_reads_both_pen_widths(name):
    clf = Classifier.from_file(WEIGHTS_DIR / f"{name}.npz")
    for pen in (8, 24):
        drawings = digit_drawings([s for s in DIGIT_STYLES if s.pen == pen])
        right = [clf.classify_image(d.image).label == d.label for d in drawings]
        assert np.mean(right) >= 0.85, (name, pen, sum(right))


@pytest.mark.parametrize("name", ["mnist-cnn", "mnist-mlp"])
def test_shipped_digit_model_reads_untidy_drawings(name):
    clf = Classifier.from_file(WEIGHTS_DIR / f"{name}.npz")
    drawings = random_digit_drawings(np.random.default_rng(0), per_digit=10)
    right = [clf.classify_image(d.image).label == d.label for d in drawings]
    wrong = [d.name for d, ok in zip(drawings, right, strict=True) if not ok]
    assert np.mean(right) >= DIGIT_BAR, (name, f"{sum(right)}/100", wrong)


def test_untidy_drawings_are_reproducible_and_varied():
    a = random_digit_drawings(np.random.default_rng(1), per_digit=2)
    b = random_digit_drawings(np.random.default_rng(1), per_digit=2)
    assert all(np.array_equal(x.image, y.image) for x, y in zip(a, b, strict=True))
    inks = [int(d.image.astype(np.int64).sum()) for d in a]
    assert len(set(inks)) == len(inks)


def test_shipped_garment_cnn_reads_drawn_silhouettes():
    clf = Classifier.from_file(WEIGHTS_DIR / "fashion-cnn.npz")
    drawings = garment_drawings()
    right = [clf.classify_image(d.image).label == d.label for d in drawings]
    wrong = [d.name for d, ok in zip(drawings, right, strict=True) if not ok]
    assert np.mean(right) >= GARMENT_BAR, (sum(right), len(right), wrong)
