"""Can the answers be trusted? Temperature scaling, calibration error and coverage. NumPy only.

A network trained with cross-entropy tends to be over-confident: it says 100 % for answers that
are right 90 % of the time. Temperature scaling divides the logits by one number ``T`` fitted on
held-out images (``T > 1`` softens the answers, ``T < 1`` sharpens them); it never changes which
class wins, only how sure the model says it is. The fitted ``T`` lives in the model file's
``info["calibration"]`` (a file without it has ``T = 1``).

The expected calibration error (ECE) groups answers by their confidence into 15 equal-width bins
and averages |accuracy - confidence| over the bins, weighted by how many answers fall in each.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from nndesk.errors import DataError
from nndesk.nn import header

#: Bins of the reliability diagram and of the ECE (the usual choice since Guo et al., 2017).
ECE_BINS = 15

#: The temperatures a fit may choose and a model file may hold (checked with the header).
MIN_TEMPERATURE, MAX_TEMPERATURE = header.MIN_TEMPERATURE, header.MAX_TEMPERATURE

#: Outputs temperature scaling applies to: a linear (regression-style) output has no probabilities.
SCALABLE_OUTPUTS = ("softmax", "sigmoid")


def activate(logits: np.ndarray, output: str, temperature: float = 1.0) -> np.ndarray:
    """Probabilities ``(n, k)`` float32 from logits ``(n, k)`` divided by ``temperature``."""
    z = np.asarray(logits, dtype=np.float64) / float(temperature)
    if output == "softmax":
        z -= z.max(axis=1, keepdims=True)
        np.exp(z, out=z)
        z /= z.sum(axis=1, keepdims=True)
        return z.astype(np.float32)
    if output == "sigmoid":
        return (0.5 * (1.0 + np.tanh(0.5 * z))).astype(np.float32)
    return np.asarray(logits, dtype=np.float32)


def nll(logits: np.ndarray, labels: np.ndarray, output: str, temperature: float) -> float:
    """Mean negative log-likelihood of ``labels`` (n,) under ``logits / temperature``.

    softmax: cross-entropy; sigmoid: binary cross-entropy summed over the k outputs.
    """
    z = np.asarray(logits, dtype=np.float64) / float(temperature)  # (n, k)
    labels = np.asarray(labels, dtype=np.int64)
    rows = np.arange(len(labels))
    if output == "softmax":
        m = z.max(axis=1)
        log_sum = m + np.log(np.exp(z - m[:, None]).sum(axis=1))
        return float(np.mean(log_sum - z[rows, labels]))
    # -log sigmoid(s) = softplus(-s), with s = +z for the true class and -z for the others
    signs = -np.ones_like(z)
    signs[rows, labels] = 1.0
    return float(np.mean(np.logaddexp(0.0, -signs * z).sum(axis=1)))


def fit_temperature(
    logits: np.ndarray, labels: np.ndarray, output: str = "softmax", tol: float = 1e-4
) -> float:
    """The temperature in [MIN_TEMPERATURE, MAX_TEMPERATURE] minimising ``nll`` on held-out data.

    The NLL is convex in ``1/T`` (a log-sum-exp of a linear function), hence unimodal in
    ``log T``: a golden-section search over ``log T`` finds its minimum to ``tol`` (in log T)
    in about 30 evaluations, each one pass over ``logits`` (n, k).
    """
    if output not in SCALABLE_OUTPUTS or len(labels) == 0:
        return 1.0
    lo, hi = math.log(MIN_TEMPERATURE), math.log(MAX_TEMPERATURE)
    ratio = (math.sqrt(5.0) - 1.0) / 2.0

    def cost(log_t: float) -> float:
        return nll(logits, labels, output, math.exp(log_t))

    a, b = lo + (1 - ratio) * (hi - lo), lo + ratio * (hi - lo)
    fa, fb = cost(a), cost(b)
    while hi - lo > tol:
        if fa <= fb:
            hi, b, fb = b, a, fa
            a = lo + (1 - ratio) * (hi - lo)
            fa = cost(a)
        else:
            lo, a, fa = a, b, fb
            b = lo + ratio * (hi - lo)
            fb = cost(b)
    return float(math.exp((lo + hi) / 2))


@dataclass(frozen=True)
class Reliability:
    """Answers grouped by confidence: what a reliability diagram draws."""

    edges: np.ndarray  # float64 (bins + 1,), 0 .. 1
    counts: np.ndarray  # int64 (bins,), answers per bin
    accuracy: np.ndarray  # float64 (bins,), fraction right per bin (NaN where empty)
    confidence: np.ndarray  # float64 (bins,), mean confidence per bin (NaN where empty)

    @property
    def ece(self) -> float:
        """Expected calibration error: sum over bins of |bin| / n * |accuracy - confidence|."""
        n = int(self.counts.sum())
        if n == 0:
            return math.nan
        filled = self.counts > 0
        gaps = np.abs(self.accuracy[filled] - self.confidence[filled])
        return float(np.sum(self.counts[filled] * gaps) / n)


def reliability(probabilities: np.ndarray, labels: np.ndarray, bins: int = ECE_BINS) -> Reliability:
    """Bin the top answers of ``probabilities`` (n, k) by confidence; ``labels`` int (n,).

    Bin i holds confidences in (edges[i], edges[i + 1]]; the first bin also holds 0.
    """
    p = np.asarray(probabilities, dtype=np.float64)
    labels = np.asarray(labels, dtype=np.int64)
    edges = np.linspace(0.0, 1.0, bins + 1)
    counts = np.zeros(bins, np.int64)
    acc = np.full(bins, np.nan)
    conf = np.full(bins, np.nan)
    if p.shape[0] == 0:
        return Reliability(edges, counts, acc, conf)
    confidence = p.max(axis=1)
    right = np.argmax(p, axis=1) == labels
    which = np.clip(np.searchsorted(edges, confidence, side="left") - 1, 0, bins - 1)
    counts = np.bincount(which, minlength=bins).astype(np.int64)
    filled = counts > 0
    acc[filled] = np.bincount(which, weights=right, minlength=bins)[filled] / counts[filled]
    conf[filled] = np.bincount(which, weights=confidence, minlength=bins)[filled] / counts[filled]
    return Reliability(edges, counts, acc, conf)


def ece(probabilities: np.ndarray, labels: np.ndarray, bins: int = ECE_BINS) -> float:
    """Expected calibration error of ``probabilities`` (n, k) against ``labels`` (n,)."""
    return reliability(probabilities, labels, bins).ece


@dataclass(frozen=True)
class Coverage:
    """Answer only when the top probability reaches a threshold: how many, and how well."""

    thresholds: np.ndarray  # float64 (m,), ascending
    coverage: np.ndarray  # float64 (m,), fraction of images answered
    accuracy: np.ndarray  # float64 (m,), accuracy on the answered ones (NaN when none)
    confident_mistakes: np.ndarray  # int64 (m,), wrong answers at or above the threshold


def coverage_curve(
    probabilities: np.ndarray, labels: np.ndarray, thresholds: np.ndarray | None = None
) -> Coverage:
    """``Coverage`` of the top answers of ``probabilities`` (n, k) at each threshold
    (default 0.00, 0.01, ..., 0.99)."""
    p = np.asarray(probabilities, dtype=np.float64)
    labels = np.asarray(labels, dtype=np.int64)
    if thresholds is None:
        thresholds = np.round(np.arange(100) / 100, 2)
    thresholds = np.asarray(thresholds, dtype=np.float64)
    n = p.shape[0]
    confidence = p.max(axis=1) if n else np.zeros(0)
    wrong = np.argmax(p, axis=1) != labels if n else np.zeros(0, bool)
    order = np.argsort(confidence)
    conf_sorted, wrong_sorted = confidence[order], wrong[order]
    # answers at or above t: the tail of the sorted confidences from the first index >= t
    start = np.searchsorted(conf_sorted, thresholds, side="left")
    answered = n - start
    wrong_tail = np.concatenate([np.cumsum(wrong_sorted[::-1])[::-1], [0]])  # mistakes from i on
    mistakes = wrong_tail[start].astype(np.int64)
    with np.errstate(invalid="ignore", divide="ignore"):
        accuracy = np.where(answered > 0, (answered - mistakes) / np.maximum(answered, 1), np.nan)
    coverage = answered / n if n else np.zeros_like(thresholds)
    return Coverage(thresholds, coverage.astype(np.float64), accuracy, mistakes)


def check_temperature(value) -> float:
    """``value`` as a temperature, or ``ValueError`` saying why it cannot be one."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"temperature {value!r:.40} is not a number")
    if not math.isfinite(value) or not MIN_TEMPERATURE <= value <= MAX_TEMPERATURE:
        raise ValueError(
            f"temperature {value!r:.40} is outside {MIN_TEMPERATURE:g}..{MAX_TEMPERATURE:g}"
        )
    return float(value)


def temperature_of(info: dict | None) -> float:
    """The temperature a (checked) model file's ``info`` holds; 1 when it holds none."""
    calibration = (info or {}).get("calibration")
    if not isinstance(calibration, dict):
        return 1.0
    try:
        return check_temperature(calibration.get("temperature", 1.0))
    except ValueError:
        return 1.0


def summary(logits: np.ndarray, labels: np.ndarray, output: str, temperature: float) -> dict:
    """``{"ece", "ece_calibrated", "temperature"}`` of logits (n, k) on ``labels`` (n,): the
    ECE of the raw probabilities and of those scaled by ``temperature``."""
    return {
        "ece": ece(activate(logits, output), labels),
        "ece_calibrated": ece(activate(logits, output, temperature), labels),
        "temperature": float(temperature),
    }


#: Fewer held-out images than this fit a temperature to noise (1 image gave 0.05 or 20).
MIN_CALIBRATION_IMAGES = 20


def fit(
    logits: np.ndarray,
    labels: np.ndarray,
    output: str,
    fitted_on: str,
    check: tuple[np.ndarray, np.ndarray, str] | None = None,
) -> dict:
    """Fit the temperature on held-out logits (n, k); the model file's ``info["calibration"]``:
    the temperature, what the images were and how many, and the ECE before and after. With
    ``check`` (logits, labels, what they are: ``check_images``), the ECE is measured on those
    other images (``measured_on``, ``measured_images``): measured on the images it was fitted
    on, the calibrated ECE flatters the fit. Raises ``DataError`` for fewer than
    ``MIN_CALIBRATION_IMAGES`` images, or non-finite logits (a model whose arithmetic
    overflows)."""
    if len(labels) < MIN_CALIBRATION_IMAGES:
        raise DataError(
            f"{len(labels):,} {fitted_on} images are too few to calibrate on (at least "
            f"{MIN_CALIBRATION_IMAGES})"
        )
    if not np.isfinite(logits).all():
        raise DataError("the model's outputs are not finite numbers: there is nothing to calibrate")
    t = fit_temperature(logits, labels, output)
    fitted = {"fitted_on": fitted_on, "images": len(labels)}
    if check is None or not len(check[1]) or not np.isfinite(check[0]).all():
        return {**summary(logits, labels, output, t), **fitted}
    check_logits, check_labels, measured_on = check
    measured = {"measured_on": measured_on, "measured_images": len(check_labels)}
    return {**summary(check_logits, check_labels, output, t), **fitted, **measured}


#: Seed of the test half a model trained on every training image is calibrated on.
TEST_HALF_SEED = 20


def held_out(info: dict, dataset) -> tuple[np.ndarray, np.ndarray, str]:
    """Images (m, 28, 28), labels (m,) and a description of the held-out images to fit a model's
    temperature on: its validation split when its training kept one (the same seeded split);
    else a seeded stratified half of the test set."""
    from nndesk.data.splits import stratified_split
    from nndesk.training.loop import SPLIT, run_rng

    config = info.get("config") or {}
    fraction, seed = config.get("val_fraction"), config.get("seed", 0)
    same_data = info.get("dataset") == dataset.name
    if same_data and isinstance(fraction, float) and 0 < fraction < 1 and isinstance(seed, int):
        labels = np.asarray(dataset.train_labels, dtype=np.int64)
        _, val = stratified_split(labels, fraction, run_rng(seed, SPLIT))
        return dataset.train_images[val], labels[val], "validation"
    labels = np.asarray(dataset.test_labels, dtype=np.int64)
    half = test_half(labels)
    return dataset.test_images[half], labels[half], "test-half"


def test_half(labels: np.ndarray) -> np.ndarray:
    """int64 indices of a seeded stratified half of a test set's ``labels`` (n,)."""
    return _test_halves(labels)[1]


def other_test_half(labels: np.ndarray) -> np.ndarray:
    """int64 indices of the test images ``test_half`` leaves out: where a temperature fitted
    on the test half is measured (never on the images it was fitted on)."""
    return _test_halves(labels)[0]


def _test_halves(labels: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    from nndesk.data.splits import stratified_split

    rest, half = stratified_split(np.asarray(labels), 0.5, np.random.default_rng(TEST_HALF_SEED))
    return rest, half


#: What ``fit``'s ``measured_on`` says: the whole test set (the temperature was fitted on the
#: validation split), or the test half it was not fitted on
MEASURED_ON_TEST, MEASURED_ON_OTHER_HALF = "test", "other-test-half"


def check_indices(test_labels: np.ndarray, fitted_on: str) -> tuple[np.ndarray, str]:
    """Indices of the test images a temperature fitted on ``fitted_on`` images is measured on,
    and what they are: every test image after a fit on the validation split, the other half
    after a fit on the test half."""
    labels = np.asarray(test_labels)
    if fitted_on == "test-half":
        return other_test_half(labels), MEASURED_ON_OTHER_HALF
    return np.arange(len(labels), dtype=np.int64), MEASURED_ON_TEST


def fitted_line(cal: dict) -> str:
    """What the command line says of a fit, in one sentence a teacher can repeat: where the
    temperature was fitted, and on which other images its calibration error was measured."""
    n, m = cal["images"], cal.get("measured_images")
    if cal["fitted_on"] == "test-half":
        fitted = f"fitted on {n:,} test images (a fixed half: the run kept no validation split)"
    else:
        fitted = f"fitted on {n:,} {cal['fitted_on']} images"
    if m is None:
        where = "on those same images"
    elif cal.get("measured_on") == MEASURED_ON_OTHER_HALF:
        where = f"on the other {m:,} test images, never fitted on"
    else:
        where = f"on the {m:,} test images, none fitted on"
    return (
        f"temperature {cal['temperature']:.3f} {fitted}; calibration error (ECE) {where}: "
        f"{cal['ece']:.4f} raw -> {cal['ece_calibrated']:.4f} calibrated"
    )
