"""The Runs chart's legend: each selected run named by what sets it apart from the others
(its settings that differ, else when it started), what they share said once above it."""

from __future__ import annotations

import re

from nndesk.i18n import fmt
from nndesk.plain_text import one_line
from nndesk.run_record import RunRecord
from nndesk.run_titles import lr_title_prefix, title_shown
from nndesk.setting_words import setting_text, value_text
from nndesk.settings_schema import BY_NAME
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.runs_table import CELL_CHARS, STATUSES, shared_minutes, start_day, started_text

# Characters of a legend entry: the legend sits above the plots, its entries side by side
# when they fit (about half the chart's width at 1024 px)
LABEL_CHARS = 60
#: ... and in an exported picture, a file's reader cannot hover for the rest: "schedule
#: cosine to a minimum, 784-c32v-p-c64v-p-128-10, bat…" in a 1,440 px wide PNG (walk64 D24)
EXPORTED_LABEL_CHARS = 3 * LABEL_CHARS


def chart_order(records: list[RunRecord]) -> list[RunRecord]:
    """``records`` in the order a chart of them colours them: the order they started in
    (``RUN_COLORS`` taken in turn), whatever the table's sort. A race's lanes kept as runs
    started in their lanes' order, so each run keeps the colour its lane had in the race
    (fixW #2: the table lists the newest first, and the four lanes of a race came out in
    the race's colours reversed); sorting the table by accuracy recolours nothing."""
    return sorted(records, key=lambda r: (r.created_at, r.run_id))


def legend_labels(selected: list[RunRecord], chars: int = LABEL_CHARS) -> list[str]:
    """Legend labels naming what differs between the selected runs (e.g. the layers), each
    one line of at most ``chars`` characters (``EXPORTED_LABEL_CHARS`` in a file, whose reader
    cannot hover for the rest), and never two alike. Runs of the same settings are named by
    when they started, first, so a long title cut at the end keeps it
    ("14:45:27 · mnist 784-784-10 relu…": seconds when two share a minute); runs that
    agree even in that (two lanes of a race) by their folder's name, which the Runs table's
    tooltips show too."""
    labels = _named(selected, chars)
    return [_with_ending(label, r, chars) for label, r in zip(labels, selected, strict=True)]


def _with_ending(label: str, record: RunRecord, chars: int = LABEL_CHARS) -> str:
    """``label`` followed by "(diverged)" for a run that diverged, its end never cut off: a
    diverged run read "epoch 5, lr 1000, SGD" among runs that trained, as if it had trained
    five epochs (it ended at its second batch)."""
    if record.status != "diverged":
        return label
    ending = f" ({translate_marked('RunsView', STATUSES['diverged'])})"
    return one_line(label, max(chars - len(ending), 8)) + ending


def _named(selected: list[RunRecord], chars: int = LABEL_CHARS) -> list[str]:
    """The runs' legend labels before their endings (``legend_labels``)."""
    texts = [_label_text(r, selected) for r in selected]
    labels = [one_line(t, chars) for t in texts]
    if len(selected) < 2:
        return labels
    whens = _start_texts(selected)
    if legend_caption(selected):  # the title they share is said once, above the legend
        texts = [_with_rate_changes(when, r) for when, r in zip(whens, selected, strict=True)]
        labels = [one_line(t, chars) for t in texts]
    elif not differing_settings(selected):
        labels = [_first(when, text, chars) for when, text in zip(whens, texts, strict=True)]
    # the few settings named alike (a fourth one differs): their start tells them apart
    labels = _told_apart(labels, texts, whens, chars)
    ids = [one_line(r.run_id, CELL_CHARS) for r in selected]
    return _told_apart(labels, texts, ids, chars)


def legend_caption(selected: list[RunRecord]) -> str:
    """What runs of the same settings and title share, said once above their legend (each run
    then named by when it started): "Fashion-MNIST 784-64-64-10 ReLU Adam lr=0,001 điểm ảnh
    -1 đến 1"; "" for runs that differ. Cut after each run's start, the title read "22:59 ·
    Fashion-MNIST … điểm ảnh…" in every entry, and four such entries took six rows."""
    if len(selected) < 2 or differing_settings(selected):
        return ""
    titles = {title_shown(r.title, r.config) for r in selected}
    return one_line(titles.pop(), 2 * LABEL_CHARS) if len(titles) == 1 else ""


def _with_rate_changes(when: str, record: RunRecord) -> str:
    """``when`` the run started, with the learning rates it was changed to while training."""
    changed = _rate_changes(record)
    return f"{when} (lr{changed})" if changed else when


def _rate_changes(record: RunRecord) -> str:
    """The learning rates the run was changed to while training, to follow the rate it
    started with: " → 0.001" (" → … → 0.001 → 0.0005" after more than two); "" when none."""
    rates = [lr for _, lr in record.curves.lr_changes]
    if not rates:
        return ""
    more = "… → " if len(rates) > 2 else ""
    return f" → {more}{' → '.join(fmt(lr, 'g') for lr in rates[-2:])}"


def _told_apart(
    labels: list[str], texts: list[str], names: list[str], chars: int = LABEL_CHARS
) -> list[str]:
    """``labels``, those alike replaced by their text followed by their ``names``."""
    alike = [labels.count(label) > 1 for label in labels]
    return [
        f"{one_line(text, max(chars - len(name) - 3, 8))} ({name})" if same else label
        for label, text, name, same in zip(labels, texts, names, alike, strict=True)
    ]


def _first(head: str, text: str, chars: int = LABEL_CHARS) -> str:
    """``head · text`` in at most ``chars`` characters, ``text`` cut first."""
    head = one_line(head, chars // 2)
    return f"{head} · {one_line(text, max(chars - len(head) - 3, 8))}"


def _start_texts(selected: list[RunRecord]) -> list[str]:
    """When each run started, as short as still tells them apart: the time alone when they
    all started the same day, with seconds when two started in the same minute."""
    seconds = bool(shared_minutes(selected))
    one_day = len({start_day(r) for r in selected}) == 1
    return [started_text(r, seconds=seconds, day=not one_day) for r in selected]


# How many of the settings that differ between runs a legend entry names (the dataset first)
LEGEND_SETTINGS = 3


#: The settings a student changes on purpose, the lesson a lab makes first: among settings
#: that tell the runs apart equally, a legend names the first of these. In alphabetical order
#: the PReLU lab against the ReLU lab read "PReLU, 784-300-300-100-100-10, init Xavier": the
#: lab's point (L2, the schedule, the rate) unsaid, an incidental "init" said (walk60 D7k).
#: Settings that follow another one (a schedule's rate, PReLU's first slope) and those a run
#: rarely varies to learn from come after these, alphabetically.
ON_PURPOSE = (
    "dataset", "activation", "l2", "schedule", "lr", "optimizer", "arch", "batch_size",
    "val_fraction", "dropout", "normalize", "augment", "loss", "output", "epochs", "momentum",
    "clip_norm", "sketch",
)  # fmt: skip


def _purpose_rank(name: str) -> tuple[int, str]:
    """Where setting ``name`` comes in a legend's ties: ``ON_PURPOSE``'s order, then the rest
    alphabetically."""
    rank = ON_PURPOSE.index(name) if name in ON_PURPOSE else len(ON_PURPOSE)
    return rank, name


def differing_settings(selected: list[RunRecord]) -> list[str]:
    """The settings whose values are not the same in every selected run, the dataset first
    (a legend names three: left to the end, it let a run on MNIST and one on Fashion-MNIST of
    the same network read alike), then those a student changes on purpose (``ON_PURPOSE``)."""
    keys = sorted({k for r in selected for k in r.config}, key=_purpose_rank)
    first = selected[0].config
    # compared as values, never as text: a record may hold a setting of a million numbers
    return [k for k in keys if any(r.config.get(k) != first.get(k) for r in selected)]


def legend_settings(selected: list[RunRecord]) -> list[str]:
    """The settings (at most ``LEGEND_SETTINGS``, in ``differing_settings``' order) a legend
    entry names: the dataset when it differs, then one at a time the setting that tells the
    most runs apart (the first of those alike). Taken in order, six runs differing in
    activation, layers, batch size and inputs were named by the first three, and ReLU on
    pixels 0 to 1 and on 0 to 255 read "ReLU, batch 32, epochs 1 (05:36:17)" (verify58 D4)."""
    differing = differing_settings(selected)
    chosen = [k for k in differing[:1] if k == "dataset"]
    rest = [k for k in differing if k not in chosen]
    while rest and len(chosen) < LEGEND_SETTINGS:
        told = [_told_apart_by(selected, [*chosen, k]) for k in rest]
        best = rest[told.index(max(told))]
        chosen.append(best)
        rest.remove(best)
    return [k for k in differing if k in chosen]


def _told_apart_by(selected: list[RunRecord], keys: list[str]) -> int:
    """How many kinds of run ``keys`` make of ``selected``: runs alike in them are one kind
    (compared as values: a setting may hold a long list)."""
    kinds: list[tuple] = []
    for record in selected:
        values = tuple(record.config.get(k) for k in keys)
        if not any(values == kind for kind in kinds):
            kinds.append(values)
    return len(kinds)


def _label_text(record: RunRecord, selected: list[RunRecord]) -> str:
    differing = legend_settings(selected) if len(selected) > 1 else []
    if not differing:
        return shown_title(record)
    # in the window's words ("epochs 1, lr 0.001"), never the record's keys; a rate changed
    # while training is followed to the rate the run ended with ("lr 0.001 → 0.0005")
    # only the settings this run's others give a meaning: an exponential decay's run was
    # named by a step decay's factor too ("multiply by 0.1, decay rate 0.5", fixK's left)
    named = [k for k in differing if _applies(k, record.config)] or differing
    return ", ".join(
        one_line(
            _legend_setting(k, record.config.get(k)) + (_rate_changes(record) if k == "lr" else ""),
            30,
        )
        for k in named
    )


def _applies(name: str, config) -> bool:
    """Whether setting ``name`` means anything beside ``config``'s other settings (a step
    decay's factor only with the step schedule), as the Train form shows or hides it."""
    field = BY_NAME.get(name)
    return field is None or field.applies is None or bool(field.applies(config))


def _legend_setting(name: str, value) -> str:
    """A setting in a legend entry: the learning rate and batch size by their short names, as
    run titles write them ("lr 0,001", "batch 128"; "tốc độ học 0,001, kích thước batch 128"
    made four runs' entries too wide for two columns at 1024 px), the others as
    ``setting_text``."""
    if name == "lr" and value is not None:
        return translate("RunsView", "lr {rate}").format(rate=value_text(name, value))
    if name == "batch_size" and value:
        return translate("RunsView", "batch {size}").format(size=value_text(name, value))
    return setting_text(name, value)


def shown_title(record: RunRecord, changes: bool = True) -> str:
    """The run's title, its starting ``lr=0.001`` followed by the rates it was changed to
    while training (``lr=0.001 → 0.0001``), so the legend does not name a rate that ended; a
    title nndesk wrote from the settings is written again with the window's decimal mark.
    Without ``changes`` the rates are left out: a listed run's curves are read only when
    they are drawn (the rates are in them)."""
    title = title_shown(record.title, record.config)
    if not changes:
        return title
    rates = [lr for _, lr in record.curves.lr_changes]
    if not rates:
        return title
    changed = " → ".join(fmt(lr, "g") for lr in rates[-2:])  # as the title writes lr=
    more = "… → " if len(rates) > 2 else ""
    prefix = lr_title_prefix()  # "lr=", or the window's words for it
    marked, n = re.subn(
        # the rate, not the comma after it ("0,001, batch 32": the decimal comma stays)
        re.escape(prefix) + r"(\S+?)(?=,\s|,$|\s|$)",
        lambda m: f"{prefix}{m.group(1)} → {more}{changed}",
        title,
        count=1,
    )
    return marked if n else f"{title} (lr → {more}{changed})"
