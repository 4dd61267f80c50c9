"""The Train form's words for a preset's measured figure.

The figures were measured on one CPU (OpenBLAS's Haswell kernels, docs/presets.md): the note
said "Test accuracy here: 84.6 %" of mnist-gd, which reaches 86.04 % on an AVX-512 Xeon (its
kernels round in another order, and 500 full-batch steps carry the difference far), as the
docs and ``nndesk presets`` say (walk54 D4).
"""

from __future__ import annotations

from nndesk.ui.language import accuracy_text, translate


def measured_text(preset) -> str:
    """What nndesk measured for ``preset`` (a ``presets.Preset`` with a measured figure), and
    where another CPU's arithmetic is known to land elsewhere, that figure too."""
    figure = accuracy_text(preset.measured_accuracy)
    if preset.seed_band is not None:  # 85.4 % of mnist-sigmoid-raw read as failing the lab
        last, low, high = preset.seed_band
        return translate(
            "TrainForm",
            "Test accuracy we measured: {figure} (seed 0); seeds 0–{last} gave {low} to {high}, "
            "and the number of threads and the CPU move a run within such a band too.",
        ).format(figure=figure, last=last, low=accuracy_text(low), high=accuracy_text(high))
    if preset.avx512_accuracy is None:
        return translate("TrainForm", "Test accuracy we measured: {figure}.").format(figure=figure)
    return translate(
        "TrainForm",
        "Test accuracy we measured: {figure}; {other} on a CPU with AVX-512, whose arithmetic "
        "rounds in another order.",
    ).format(figure=figure, other=accuracy_text(preset.avx512_accuracy))
