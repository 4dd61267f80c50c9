"""The lab preset a run came from, in the window's words: its name where the run is named (the
Runs table, the headline, Replay), and the lab's own figure its result is read against.

walk64 D17: Runs listed "784-300-300-100-100-10" three times and no one could tell which run
was the PReLU lab. D6: a lab preset's run was compared only with the shipped CNN ("Run: 87.2 %,
well below fashion-cnn's 92.6 %"), while the figure it reproduces (the lab's 87 %) sat in the
preset's note, scrolled away on the Settings tab. The figures live in one place,
``nndesk.presets`` (``Preset.lab_accuracy``, ``Preset.measured_accuracy``); this module only
says them.
"""

from __future__ import annotations

from collections.abc import Callable

from nndesk.i18n import counted, fmt, localised
from nndesk.plain_text import one_line
from nndesk.presets import PresetOrigin
from nndesk.training import runtime
from nndesk.ui.language import accuracy_text, translate


def preset_words(origin: PresetOrigin | None) -> str:
    """The preset as a run's name carries it: "fashion-prelu-l2", its name first when its
    settings were changed before the run trained ("fashion-prelu-l2, changed": a cut text
    keeps the name), "" for none."""
    if origin is None:
        return ""
    name = one_line(origin.name, 60)
    if origin.changed:
        return translate("RunsView", "{preset}, changed").format(preset=name)
    return name


def with_preset(title: str, origin: PresetOrigin | None) -> str:
    """A run's ``title`` (its settings) led by the preset it came from: "fashion-prelu-l2 ·
    Fashion-MNIST 784-300-…"; the title alone without one."""
    words = preset_words(origin)
    return f"{words} · {title}" if words else title


def lab_comparison(
    origin: PresetOrigin | None,
    config: dict | None = None,
    fits: Callable[[str], bool] | None = None,
) -> str:
    """What the finished run's line says after its test accuracy, "" when there is nothing to
    compare with: "the lab's figure is 87.0 %"; a "-plus" preset's "the lab it sets out to
    beat: 89.3 %"; a run of ``config`` whose preset settings were changed says which differ,
    the lab's epochs against the run's (walk70 L2) and the run's other settings that are not
    the lab's (``changed_settings``): "the lab: 91.2 % after 10 epochs (this run: 2)", "the
    lab: 87.0 % (this run: lr 0.01, batch 64)" ("(its own settings)" said none of them): as
    many as ``fits`` (the text -> whether its line holds it) lets the line hold, "…" for the
    rest (one line at 1024 px, vi too); a preset without a lab figure: what nndesk measured, on
    this kind of CPU where its kernels land elsewhere (walk70 L1: mnist-gd's 84.6 % quoted on
    an AVX-512 CPU, where it reaches 86.0 %)."""
    if origin is None or origin.preset is None or origin.other_data:
        return ""  # a lab of other data says nothing of this run
    preset = origin.preset
    lab = preset.lab_accuracy
    if lab is None:
        if origin.changed or preset.measured_accuracy is None:
            return ""
        if preset.avx512_accuracy is not None and runtime.blas_on_avx512():
            return translate(
                "TrainingPanel",
                "{preset} reached {figure} on a CPU with AVX-512",
            ).format(preset=preset.name, figure=accuracy_text(preset.avx512_accuracy))
        return translate("TrainingPanel", "{preset} reached {figure} when we measured it").format(
            preset=preset.name, figure=accuracy_text(preset.measured_accuracy)
        )
    figure = accuracy_text(lab)
    if origin.changed:  # the headline above names the preset and says "changed"
        return _changed_lab(preset, figure, config or {}, fits)
    if preset.beats_a_lab:
        return translate("TrainingPanel", "the lab it sets out to beat: {figure}").format(
            figure=figure
        )
    return translate("TrainingPanel", "the lab's figure is {figure}").format(figure=figure)


#: the settings a changed lab's line names at most: a third took the line onto two at 1024 px
SETTINGS_NAMED = 2


def changed_settings(config: dict, lab: dict, most: int = SETTINGS_NAMED) -> str:
    """The settings of ``config`` that are not ``lab``'s, at most ``most`` of them ("…" for
    the rest: the Runs table's Settings cell says them all), as that cell says what tells runs
    apart ("lr 0.01, batch 64", ``lead_text``), then the others in the window's words
    ("784-128-10", "seed 3"); the epochs, the data and the machine's thread count aside (the
    line says the epochs its own way; other data is another line); "" for none."""
    from nndesk.setting_words import setting_text
    from nndesk.ui.runs_table import CELL_SETTINGS, cell_settings_apart, lead_text

    apart = cell_settings_apart(config, lab)
    aside = {"epochs", "dataset", "threads", *CELL_SETTINGS}
    others = [
        setting_text(name, config[name])
        for name in lab
        if name not in aside and name in config and config[name] != lab[name]
    ]
    said = [lead_text(config, (), apart[:most])] if apart else []
    said += others[: max(0, most - len(apart))]
    if len(apart) + len(others) > most:
        said.append("…")
    return ", ".join(words for words in said if words)


def _changed_lab(preset, figure: str, config: dict, fits: Callable[[str], bool] | None) -> str:
    """A changed lab's comparison: its figure, and what the run of ``config`` changed, as
    many of its settings as ``fits`` lets the line hold (``SETTINGS_NAMED`` at most; none:
    its epochs alone, or "(its own settings)")."""
    for most in range(SETTINGS_NAMED, -1, -1):
        text = _changed_lab_text(preset, figure, config, most)
        if fits is None or most == 0 or fits(text):
            return text
    raise AssertionError("unreachable: most == 0 returns")


def _changed_lab_text(preset, figure: str, config: dict, most: int) -> str:
    own = preset.config.epochs
    epochs = config.get("epochs")
    other_epochs = isinstance(epochs, int) and not isinstance(epochs, bool) and epochs != own
    # none: the line the headline's "changed" stands beside (the Runs cell says them all)
    settings = changed_settings(config, preset.config.to_dict(), most) if config and most else ""
    if other_epochs and settings:
        # "after 10 epochs (this run: 1 epoch, …)" took the line onto two at 1024 px
        return translate(
            "TrainingPanel", "the lab: {figure} (this run: {run} of {lab}, {settings})"
        ).format(
            figure=figure, lab=localised(counted(own, "epoch")), run=fmt(epochs, ","),
            settings=settings,
        )  # fmt: skip
    if other_epochs:
        return translate(
            "TrainingPanel",
            "the lab: {figure} after {lab} epochs (this run: {run})",
        ).format(figure=figure, lab=fmt(own, ","), run=fmt(epochs, ","))
    if settings:
        return translate("TrainingPanel", "the lab: {figure} (this run: {settings})").format(
            figure=figure, settings=settings
        )
    return translate("TrainingPanel", "the lab's figure is {figure} (its own settings)").format(
        figure=figure
    )


def stopped_short(record) -> str:
    """How far a lab preset's run got when it was stopped before its last epoch, said in the
    lab's figure's place ("stopped after 0.65 of its 5 epochs: the lab's figure is of a whole
    run"), "" for a run that trained them all (or no lab's run): a run stopped after 0.65
    epoch read "Test accuracy 84.3 % … — the lab's figure is 87.0 %", as if the two were
    comparable (verify65 #8). A Continue stopped short too (verify66 #2: mnist-gd continued
    and stopped at epoch 217 of 500 read "11.3 % … mnist-gd reached 84.6 %"): its epochs are
    counted from the model's first, against the lab's whole run (its record's Epochs are the
    Continue's own)."""
    if record.status != "stopped" or not lab_comparison(record.preset):
        return ""
    planned = record.config.get("epochs")
    if record.resumed_from:
        # its Epochs are the last epoch of a plan the stop cut short (counted from the
        # model's first), or a finished model's more: the lab's whole run at least
        preset = record.preset.preset if record.preset is not None else None
        lab = preset.config.epochs if preset is not None else None
        own = planned if isinstance(planned, int) and not isinstance(planned, bool) else 0
        planned = max(lab, own) if lab is not None else None
    curves = record.curves
    done = curves.batch_x[-1] if curves.batch_x else len(curves.epochs)
    if not isinstance(planned, int) or not 0 <= done < planned:
        return ""
    return translate(
        "TrainingPanel",
        "stopped after {done} of its {planned} epochs: the lab's figure is of a whole run",
    ).format(done=fmt(round(done, 2), "g"), planned=fmt(planned, ","))


def lab_figure_text(origin: PresetOrigin | None) -> str:
    """The lab's figure as a sentence for a tooltip ("The lab's figure: 89.3 %."), "" when the
    preset has none or is not known here."""
    if origin is None or origin.lab_accuracy is None:
        return ""
    figure = accuracy_text(origin.lab_accuracy)
    if origin.preset is not None and origin.preset.beats_a_lab:
        return translate("RunsView", "The lab it sets out to beat: {figure}.").format(figure=figure)
    return translate("RunsView", "The lab's figure: {figure}.").format(figure=figure)
