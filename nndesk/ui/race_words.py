"""The Race tab's words: the settings every lane shares, the lanes by what sets them apart,
a comparison's title, and the untranslated name of a lane a comparison named."""

from __future__ import annotations

import dataclasses
import os
import re
from collections.abc import Sequence

from nndesk.controllers.race import FinishedRace, Lane, LaneResult
from nndesk.i18n import QT_TRANSLATE_NOOP, fill
from nndesk.setting_words import NAMES_ITSELF, setting_text, value_text
from nndesk.settings_schema import BY_NAME, FIELDS
from nndesk.training import TrainConfig
from nndesk.training.race import COMPARISONS
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.race_lane_settings import LANE_COLUMNS, LANE_OWN, SCHEDULE_WORDS
from nndesk.ui.setting_editor import passes_text

#: The settings a lane's own columns change (its other own settings, ``LANE_OWN``, are in one
#: cell); the race's shared ones (``RACE_SHARES``) are the same in every lane.
LANE_SETTINGS = LANE_COLUMNS
#: How many settings a lane's name says when lanes differ in settings beyond their columns
#: (two labs raced whole differ in six or more: the legend names three, as the Runs chart's)
NAMED_AT_MOST = 3
#: Settings the shared line names first (what decides the batches), then the schema's order.
FIRST_SAID = ("dataset", "epochs", "batch_size", "seed")
#: Settings named only when not at their default: an off switch or the automatic choice.
QUIET_AT_DEFAULT = ("sketch", "init", "eps", "clip_norm")
#: Settings that change no figure a lane reaches (how fast it runs, what else is measured).
UNSAID = ("threads", "test_every_epoch")


def shared_settings(base: TrainConfig, lanes: list[dict]) -> list[str]:
    """The settings every lane shares, in the window's words ("Fashion-MNIST", "5 passes",
    "dropout 0", "schedule constant", …): all but the lanes' own columns, those that apply to
    no lane (momentum beside Adam alone) and those at an unremarkable default. ``lanes``: each
    lane's settings as a dict (the rules of ``applies`` read its optimizer and activation)."""
    default = TrainConfig()
    order = [*FIRST_SAID, *(f.name for f in FIELDS if f.name not in FIRST_SAID)]
    said = []
    for name in order:
        field = BY_NAME[name]
        if name in LANE_SETTINGS or name in UNSAID:
            continue
        if field.applies is not None and not any(field.applies(lane) for lane in lanes):
            continue
        # a lane's own L2, schedule or batch size (a lab raced whole) is no shared setting;
        # nor is a setting that only one lane's own choice brings (the line read "every 10,
        # decay rate 0.1" for every lane, beside lanes of a constant rate). Momentum beside
        # the momentum lane of an optimisers race stays: the lanes' columns choose it
        if len({repr(lane.get(name)) for lane in lanes}) > 1:
            continue
        if field.applies is not None and lanes:
            columns = {n: lanes[0].get(n) for n in LANE_SETTINGS}
            if len({bool(field.applies({**lane, **columns})) for lane in lanes}) > 1:
                continue
        value = lanes[0].get(name, getattr(base, name)) if lanes else getattr(base, name)
        if name in QUIET_AT_DEFAULT and value == getattr(default, name):
            continue
        said.append(passes_text(value) if name == "epochs" else setting_text(name, value))
    return said


def shared_start(names: Sequence[str]) -> str:
    """The start every one of ``names`` shares, up to a dash or an underscore ("fashion-" of
    fashion-cnn-lab and fashion-prelu-l2): what the lanes' fields and the chart's key leave
    out, so that what sets the lanes apart shows (at Larger text in Vietnamese a 1024 px
    window showed "fa…" in every lane of two labs). "" for fewer than two names, a start of
    more than one word ("Lane " of "Lane 3" and "Lane 4"), or of names whose first words are
    the same (one lab twice: "lab, ReLU" and "lab, PReLU" would name no lab)."""
    words = [re.split(r"[\s,]", name, maxsplit=1)[0] for name in names]
    if len(set(words)) < 2:
        return ""
    common = os.path.commonprefix(words)
    start = common[: max(common.rfind("-"), common.rfind("_")) + 1]
    if any(len(word) <= len(start) for word in words):
        return ""  # nothing of a name's first word would be left
    return start


def shortened(names: Sequence[str]) -> list[str]:
    """``names`` without the start they all share (``shared_start``)."""
    start = shared_start(names)
    return [name[len(start) :] for name in names]


def lanes_text(lanes) -> str:
    """The lanes by name, each with the values of its own columns that set it apart from the
    others ("64 units (784-64-64-10) · 128 units (784-128-128-10)"): the summary over a race
    hides the lanes' fields."""
    configs = [lane.config.to_dict() for lane in lanes]
    differ = differing(configs)
    parts = []
    for lane, config in zip(lanes, configs, strict=True):
        values = ", ".join(
            said_value(n, config[n])
            for n in differ
            if not _named_by(lane.name, value_text(n, config[n]))
            and not _named_by(lane.name, said_value(n, config[n]))
        )
        parts.append(f"{lane.name} ({values})" if values else lane.name)
    return " · ".join(parts)


def said_names(lanes: list[Lane], varied: frozenset[str] | None = None) -> list[Lane]:
    """The ``lanes`` named by what sets them apart (walk58 #8: "Sigmoid", "ReLU", "Lane 3",
    "Lane 4" raced sigmoid and ReLU on raw pixels and on [0, 1]; the table said neither the
    inputs nor what the added lanes were). A lane named "Lane 3" as added is named by its
    values that differ ("sigmoid, pixels 0 to 1", as the Runs chart's key says them); a named
    one is followed by the differing values its name does not say ("Sigmoid, pixels 0 to
    255"), but for the settings its comparison varies (``varied``: the comparison's own names
    say those, "SGD" beside "Adam" at their own rates). Each lane keeps the name it was
    given and ``varied`` (None: each lane's own, as said before), so that a window in
    another language can say them again (``said_again``)."""
    configs = [lane.config.to_dict() for lane in lanes]
    differ = differing(configs)
    named = []
    for lane, config in zip(lanes, configs, strict=True):
        given = lane.name if lane.given is None else lane.given
        kept = lane.varied if varied is None else varied
        values = [said_value(n, config[n]) for n in differ]
        number = added_lane_number(given)
        if number is not None:
            name = ", ".join(values) or translate_marked("RaceView", ADDED_LANE).format(n=number)
        else:
            unsaid = [v for n, v in zip(differ, values, strict=True)
                      if n not in kept and not _named_by(given, v)]  # fmt: skip
            name = ", ".join([given, *unsaid])
        named.append(dataclasses.replace(lane, name=name, given=given, varied=kept))
    return named


def differing(configs: list[dict]) -> list[str]:
    """The settings that set the lanes (``configs``) apart, as their names say them: those of
    the lanes' columns; when lanes differ beyond them too (a lab raced whole: its L2, its
    schedule), the ``NAMED_AT_MOST`` a student changes most on purpose
    (``runs_legend.ON_PURPOSE``: "PReLU, L2 0.0008, schedule exp" beside "ReLU, L2 0, schedule
    constant", never an incidental "init Xavier")."""
    from nndesk.ui.runs_legend import ON_PURPOSE

    def apart(name: str) -> bool:
        # a setting that applies to no lane (a schedule's rate beside constant ones) says nothing
        field = BY_NAME[name]
        shown = [c for c in configs if field.applies is None or field.applies(c)]
        return bool(shown) and len({repr(c.get(name)) for c in configs}) > 1

    columns = [n for n in LANE_SETTINGS if apart(n)]
    own = [n for n in LANE_OWN if apart(n)]
    if not own:
        return columns
    rank = {n: i for i, n in enumerate(ON_PURPOSE)}
    chosen = sorted([*columns, *own], key=lambda n: (rank.get(n, len(rank)), n))
    return chosen[:NAMED_AT_MOST]


def said_value(name: str, value) -> str:
    """Setting ``name``'s ``value`` in a lane's name: a choice that names itself alone
    ("PReLU"), the learning rate, L2 and others after their label, a schedule in a word and
    a batch size short ("schedule exp", "batch 128": a legend has little room)."""
    if name == "schedule" and isinstance(value, str):
        word = translate_marked("RaceView", SCHEDULE_WORDS.get(value, value))
        return translate("RaceView", "schedule {word}").format(word=word)
    if name == "batch_size" and value:
        return translate("RunsView", "batch {size}").format(size=value_text(name, value))
    if name in NAMES_ITSELF and isinstance(value, str):
        return value_text(name, value)
    return setting_text(name, value)


#: how an added lane is named, untranslated (a lane's given name in a finished race)
ADDED_LANE = QT_TRANSLATE_NOOP("RaceView", "Lane {n}")


def added_lane_number(name: str) -> int | None:
    """The number of a lane named as added ("Lane 3", "Làn 3": in the window's words or
    untranslated), None for any other name."""
    for template in (translate_marked("RaceView", ADDED_LANE), ADDED_LANE):
        pattern = re.escape(template).replace(re.escape("{n}"), r"(\d+)")
        found = re.fullmatch(pattern, name)
        if found:
            return int(found.group(1))
    return None


def said_again(race: FinishedRace) -> FinishedRace:
    """``race``, handed over from a window in another language (its given names untranslated,
    ``source_name``), with each lane named in this window's words: the comparison's names
    translated and the values that set the lanes apart said again ("Sigmoid, pixels 0 to
    255" had stayed English after View > Language > Tiếng Việt)."""
    race = race.renamed(lambda name: translate_marked("Race", name))
    if any(lane.given is None for lane in race.lanes):  # named before the values were said
        return race
    return race.with_lanes(tuple(said_names(list(race.lanes))))


def _named_by(name: str, value: str) -> bool:
    """Whether a lane's ``name`` already says its ``value`` (the Optimisers race read "SGD
    (SGD, …) · Momentum (SGD + momentum, …)", the rates' "lr 0.01 (learning rate 0.01)"): the
    value is in the name, or the name is a whole word of the value."""
    name, value = name.casefold(), value.casefold()
    return value in name or re.search(rf"(?<!\w){re.escape(name)}(?!\w)", value) is not None


def comparison_title(comparison) -> str:
    """A comparison's title as the Race tab lists it: what its lanes compare, on the settings
    every lane shares. A title naming presets ("Width: 64 vs 128 units (fashion-mlp-lab vs
    fashion-mlp-128)") promised fashion-mlp-128's own validation split and 10 epochs; the
    lanes share the race's split, batches and Epochs field, and the shared line under them
    names the preset they start from."""
    title = translate_marked("Race", comparison.title)
    return fill(translate("RaceView", "{comparison}, on the shared settings"), comparison=title)


def source_name(name: str) -> str:
    """The untranslated name of a comparison's lane shown as ``name`` in the window's language
    ("Quán tính" -> "Momentum"), or of a lane named as added ("Làn 3" -> "Lane 3"); a name
    typed by hand stays as it is."""
    number = added_lane_number(name)
    if number is not None:
        return ADDED_LANE.format(n=number)
    for comparison in COMPARISONS:
        for source, _ in comparison.lanes:
            if translate_marked("Race", source) == name:
                return source
    return name


#: A lane's own data settings (a lab's validation split and augmentation, raced as written):
#: lanes that differ in them train on other images, which the line above the lanes says
OWN_DATA = ("val_fraction", "augment", "aug_shift", "aug_rotate", "aug_scale", "aug_stroke",
            "sketch")  # fmt: skip


def own_data(names: Sequence[str], lanes: list[dict]) -> str:
    """The line's sentence on each lane's own data settings where the lanes differ in them,
    naming only what differs ("Each lane keeps its own lab's validation split (fashion-mlp-lab:
    validation 0%; fashion-prelu-l2: validation 10%): …"), "" when they share them all."""

    def applies(n: str, lane: dict) -> bool:
        return BY_NAME[n].applies is None or bool(BY_NAME[n].applies(lane))

    differ = [n for n in OWN_DATA
              if len({repr(lane.get(n)) for lane in lanes if applies(n, lane)}) > 1]  # fmt: skip
    if not differ:
        return ""
    each = "; ".join(
        f"{name}: {', '.join(setting_text(n, lane.get(n)) for n in differ if applies(n, lane))}"
        for name, lane in zip(names, lanes, strict=True)
    )
    split, augmented = "val_fraction" in differ, any(n != "val_fraction" for n in differ)
    # two labs race each as written: on the first lab's split, the second was not its lab (fixM)
    if split and augmented:
        said = translate(
            "RaceView",
            "Each lane keeps its own lab's validation split and augmentation ({own}): the same "
            "seed, but not the same images.",
        )
    elif split:
        said = translate(
            "RaceView",
            "Each lane keeps its own lab's validation split ({own}): the same seed, but not the "
            "same images.",
        )
    else:
        said = translate(
            "RaceView",
            "Each lane keeps its own lab's augmentation ({own}): the same images, but not the "
            "same random shifts.",
        )
    return fill(said, own=each)


def shared_line(preset: str, settings: list[str], own: str = "") -> str:
    """The line above the lanes: the ``preset`` they start from and the ``settings`` they
    share (``shared_settings``); lanes of their own splits or augmentation say so (``own``:
    ``own_data``'s sentence) in place of "the same images in the same order"."""
    # the window's words and number format: "MNIST", "batch size 1,000" ("kích thước
    # batch 1.000"), never the config's "mnist" and Python's "1000"; every setting the
    # lanes share (a preset's dropout and schedule raced unnamed before, walk48 D1)
    if own:
        return fill(
            translate("RaceView", "Shared by every lane ({preset}'s settings): {settings}. {own}"),
            preset=preset,
            settings=", ".join(settings),
            own=own,
        )
    return fill(
        translate(
            "RaceView",
            "Shared by every lane ({preset}'s settings): {settings}. Same seed and "
            "batches: the lanes see the same images in the same order.",
        ),
        preset=preset,
        settings=", ".join(settings),
    )


def summary_line(lanes: list[Lane], preset: str) -> str:
    """One or two lines over the chart while racing and after (a 1024x700 window has little
    room): what sets the ``lanes`` apart, the ``preset`` they share and its first settings
    (every shared one is in its tooltip, as the line above the lanes said them). The lanes
    named as their fields and the chart's key name them, without the start they share: four
    MNIST labs' "mnist-" took four lines at Larger text in a 1024 px window."""
    names = shortened([lane.name for lane in lanes])
    lanes = [dataclasses.replace(lane, name=n) for lane, n in zip(lanes, names, strict=True)]
    first = lanes[0].config
    # a setting the lanes do not share (a lab's own batch size) is no "preset's setting"
    shared = [n for n in FIRST_SAID
              if all(getattr(lane.config, n) == getattr(first, n) for lane in lanes)]  # fmt: skip
    said = [passes_text(first.epochs) if n == "epochs" else setting_text(n, getattr(first, n))
            for n in shared]  # fmt: skip
    return fill(
        translate("RaceView", "{lanes}  —  {preset}'s settings: {settings}…"),
        lanes=lanes_text(lanes),
        preset=preset,
        settings=", ".join(said),
    )


def race_over_text(results: tuple[LaneResult, ...], lanes: list[Lane]) -> str:
    """The line under the chart once the ``lanes`` are tested: a race stopped by Stop says so
    and how far it went (the table's "(stopped)" alone read as a completed race)."""
    stopped = [r.epochs for r in results if r.reason == "stopped"]
    if not stopped:
        return translate("RaceView", "Race over: every lane tested.")
    epochs = lanes[0].config.epochs if lanes else max(r.epochs for r in results)
    # in the Epochs field's words ("5 passes"), not "epoch(s)" (walk48 D12)
    return translate(
        "RaceView", "Race stopped after {done} of {passes}: every lane tested."
    ).format(done=max(stopped), passes=passes_text(epochs))
