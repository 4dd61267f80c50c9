"""Synthetic evaluations for the trust charts' tests: a ``TrustSummary`` of made-up answers."""

from __future__ import annotations

import numpy as np

from nndesk import calibration
from nndesk.trust_plots import TrustSummary


def synthetic_trust_summary(low: float, accuracy_at: float = 1.0, seed: int = 0) -> TrustSummary:
    """3000 ten-class answers with top confidences uniform in [``low``, 1], each right with
    probability ``accuracy_at`` + (1 - ``accuracy_at``) * confidence (sure answers right more
    often; ``accuracy_at`` 1: every answer right however unsure)."""
    rng = np.random.default_rng(seed)
    top = rng.uniform(low, 1.0, 3000)
    probs = np.hstack([top[:, None], np.repeat(((1 - top) / 9)[:, None], 9, axis=1)])
    right = rng.uniform(size=top.size) < accuracy_at + (1 - accuracy_at) * top
    labels = np.where(right, 0, 1).astype(np.int64)
    return TrustSummary(
        temperature=1.0,
        raw=calibration.reliability(probs, labels),
        calibrated=calibration.reliability(probs, labels),
        coverage=calibration.coverage_curve(probs, labels),
        n=len(top),
    )


def sure_model_summary(seed: int = 0) -> TrustSummary:
    """A 99 % model's answers (walk66 #4, mnist-cnn): 97 % given at 99.95 %, the rest spread
    over 0.3-0.99, right 99.9 % of the time when sure and 80 % otherwise."""
    rng = np.random.default_rng(seed)
    top = np.where(rng.uniform(size=3000) < 0.97, 0.9995, rng.uniform(0.3, 0.99, 3000))
    probs = np.hstack([top[:, None], np.repeat(((1 - top) / 9)[:, None], 9, axis=1)])
    right = rng.uniform(size=top.size) < np.where(top > 0.99, 0.999, 0.8)
    labels = np.where(right, 0, 1).astype(np.int64)
    return TrustSummary(
        temperature=1.0,
        raw=calibration.reliability(probs, labels),
        calibrated=calibration.reliability(probs, labels),
        coverage=calibration.coverage_curve(probs, labels),
        n=len(top),
    )
