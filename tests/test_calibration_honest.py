"""The calibration error a run reports is measured on test images its temperature was not
fitted on (walk43: "calibrated on 5,000 test-half images", then figures on that same test set)."""

from __future__ import annotations

import contextlib
import io
import json
import warnings

import numpy as np
import pytest

from nndesk import calibration, cli
from nndesk.nn.serialization import load_model

TINY = ["--dataset", "mnist", "--arch", "784-16-10", "--batch-size", "16", "--epochs", "2"]


def _train(tiny_dir, out, *flags) -> tuple[dict, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    argv = ["train", *TINY, *flags, "--data-dir", str(tiny_dir), "--out", str(out), "--json"]
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        assert cli.main(argv) == 0, stderr.getvalue()
    return json.loads(stdout.getvalue().strip().splitlines()[-1]), stderr.getvalue()


def _test_logits(model_path, tiny_dir):
    from nndesk.data import load_dataset
    from nndesk.errors import DataWarning
    from nndesk.inference import Classifier

    clf = Classifier.from_file(model_path)
    with warnings.catch_warnings():  # the tiny files are not MNIST's: used as given
        warnings.simplefilter("ignore", DataWarning)
        data = load_dataset("mnist", data_dir=str(tiny_dir))
    return clf, clf.logits(data.test_images), np.asarray(data.test_labels)


def test_the_two_test_halves_share_no_image_and_cover_the_test_set():
    labels = np.arange(10_000) % 10
    fit, other = calibration.test_half(labels), calibration.other_test_half(labels)
    assert not set(fit.tolist()) & set(other.tolist())
    assert sorted([*fit.tolist(), *other.tolist()]) == list(range(10_000))
    assert np.bincount(labels[other]).tolist() == [500] * 10  # stratified, as the fitted half


def test_without_a_validation_split_the_error_is_measured_on_the_other_test_half(
    tiny_dir, tmp_path
):
    out = tmp_path / "half.npz"
    result, err = _train(tiny_dir, out, "--val-fraction", "0")
    cal = result["calibration"]
    assert cal["fitted_on"] == "test-half" and cal["measured_on"] == "other-test-half"
    assert cal["images"] + cal["measured_images"] == 50
    assert load_model(out).info["calibration"] == cal  # the file says the same
    # the reported figures are those of the half it was not fitted on, recomputed here
    clf, logits, labels = _test_logits(out, tiny_dir)
    rows = calibration.other_test_half(labels)
    again = calibration.summary(logits[rows], labels[rows], "softmax", cal["temperature"])
    assert cal["ece"] == pytest.approx(again["ece"], abs=1e-6)
    assert cal["ece_calibrated"] == pytest.approx(again["ece_calibrated"], abs=1e-6)
    line = next(line for line in err.splitlines() if line.startswith("temperature "))
    assert "fitted on 25 test images (a fixed half: the run kept no validation split)" in line
    assert "on the other 25 test images, never fitted on" in line


def test_with_a_validation_split_the_error_is_measured_on_the_whole_test_set(tiny_dir, tmp_path):
    out = tmp_path / "val.npz"
    result, err = _train(tiny_dir, out, "--val-fraction", "0.2")
    cal = result["calibration"]
    assert cal["fitted_on"] == "validation" and cal["images"] == 40
    assert cal["measured_on"] == "test" and cal["measured_images"] == 50
    clf, logits, labels = _test_logits(out, tiny_dir)
    again = calibration.summary(logits, labels, "softmax", cal["temperature"])
    assert cal["ece_calibrated"] == pytest.approx(again["ece_calibrated"], abs=1e-6)
    assert (
        "fitted on 40 validation images" in err and "on the 50 test images, none fitted on" in err
    )


def test_evaluate_names_the_half_a_shipped_temperature_was_not_fitted_on(tiny_dir, tmp_path):
    out = tmp_path / "half.npz"
    _train(tiny_dir, out, "--val-fraction", "0")
    stdout = io.StringIO()
    argv = ["evaluate", str(out), "--data-dir", str(tiny_dir)]
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(io.StringIO()):
        assert cli.main([*argv, "--json"]) == 0
    cal = json.loads(stdout.getvalue().strip().splitlines()[-1])["calibration"]
    assert cal["fitted_on"] == "test-half" and cal["not_fitted_on"]["images"] == 25
    clf, logits, labels = _test_logits(out, tiny_dir)
    rows = calibration.other_test_half(labels)
    again = calibration.summary(logits[rows], labels[rows], "softmax", clf.temperature)
    assert cal["not_fitted_on"]["ece_calibrated"] == pytest.approx(again["ece_calibrated"])
    stdout = io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(io.StringIO()):
        assert cli.main(argv) == 0
    assert "fitted on 25 of these 50 test images (a fixed half); on the other 25" in (
        stdout.getvalue()
    )
