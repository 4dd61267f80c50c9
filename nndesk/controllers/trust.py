"""The Evaluate page's trust figures off the GUI thread: calibration and coverage of an
evaluation, and accuracy on damaged test images (``nndesk.robustness``), with progress."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from nndesk.controllers.evaluation import JobRunner

#: Test images damaged per level in the window for an MLP (the CLI's default too).
ROBUSTNESS_IMAGES = 1000
#: ... and for a CNN, whose forward pass costs many times an MLP's, so the page answers within
#: a minute or so (it says how many; ``evaluate --robustness-images`` takes more;
#: docs/performance.md has the timings)
CNN_ROBUSTNESS_IMAGES = 250


def robustness_images(classifier: Any) -> int:
    """Test images the window damages per level for ``classifier``'s kind of network."""
    layers = getattr(getattr(classifier, "model", None), "layers", ())
    cnn = any(type(layer).__name__ == "Conv2D" for layer in layers)
    return CNN_ROBUSTNESS_IMAGES if cnn else ROBUSTNESS_IMAGES


class TrustController(QObject):
    """``summarise(result)`` -> ``summary_ready(TrustSummary)``; ``measure_robustness(result)``
    -> ``robustness_progressed(done, total)`` then ``robustness_ready(curves, examples)``. A
    newer request of the same kind cancels the running one; failures arrive as one line on
    ``failed``."""

    summary_ready = Signal(object)  # nndesk.trust_plots.TrustSummary
    robustness_started = Signal(int)  # test images damaged per level
    robustness_cancelled = Signal()  # cancel_robustness stopped it: no curves come
    robustness_progressed = Signal(int, int)  # damage levels done, total
    #: {kind: [(level, accuracy), ...]}, {kind: [robustness.DamageExample per level]}
    robustness_ready = Signal(object, object)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._summaries = JobRunner(self)
        self._summaries.succeeded.connect(self.summary_ready)
        self._summaries.failed.connect(self.failed)
        self._damage = JobRunner(self)
        self._damage.progressed.connect(self.robustness_progressed)
        self._damage.succeeded.connect(self._on_damage_succeeded)
        self._damage.failed.connect(self.failed)

    @property
    def busy(self) -> bool:
        return self._summaries.busy or self._damage.busy

    def summarise(self, result: Any) -> None:
        from nndesk.trust_plots import summarise

        self._summaries.submit(lambda progress: summarise(result))

    def measure_robustness(self, result: Any, n_images: int | None = None) -> None:
        """Damage ``n_images`` test images per level (default: ``robustness_images``)."""
        from nndesk.robustness import measure

        classifier, images, labels = result.classifier, result.images, result.labels
        n = robustness_images(classifier) if n_images is None else n_images
        n = min(n, len(labels))
        self.robustness_started.emit(n)

        def damaged(progress):
            examples: dict = {}  # the first image at each level, as the model was given it
            curves = measure(classifier, images, labels, n, progress=progress, examples=examples)
            return curves, examples

        self._damage.submit(damaged)

    def _on_damage_succeeded(self, measured) -> None:
        curves, examples = measured
        self.robustness_ready.emit(curves, examples)

    def cancel_robustness(self) -> None:
        """Stop measuring (between two damage levels); ``robustness_cancelled`` says so now."""
        self._damage.cancel()
        self.robustness_cancelled.emit()

    def wait(self, msecs: int = 30_000) -> bool:
        return self._summaries.wait(msecs) and self._damage.wait(msecs)

    def shutdown(self) -> None:
        self._summaries.shutdown()
        self._damage.shutdown()
