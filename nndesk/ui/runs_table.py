"""RunsTableModel: the Runs table's rows, drawn from the run records as the view asks for them.

A table of widget items made 16,000 items for 2,000 runs on the GUI thread (0.6 s under load);
this model holds the records and makes a row's texts only when the view shows or sorts it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from nndesk.data.registry import DATASETS
from nndesk.i18n import QT_TRANSLATE_NOOP, Rate, counted, localised, moment_text, rate_said
from nndesk.plain_text import one_line
from nndesk.run_record import INTERRUPTED, RunRecord
from nndesk.run_titles import title_shown
from nndesk.setting_words import dataset_text, setting_text, title_key, value_text
from nndesk.settings_schema import BY_NAME
from nndesk.ui.language import accuracy_text, fill, translate, translate_marked
from nndesk.ui.run_preset_words import lab_figure_text, preset_words

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
COLUMNS = (
    QT_TRANSLATE_NOOP("RunsView", "Started"),
    QT_TRANSLATE_NOOP("RunsView", "Dataset"),
    QT_TRANSLATE_NOOP("RunsView", "Layers"),
    QT_TRANSLATE_NOOP("RunsView", "Settings"),
    QT_TRANSLATE_NOOP("RunsView", "Epochs"),
    QT_TRANSLATE_NOOP("RunsView", "Val acc"),
    QT_TRANSLATE_NOOP("RunsView", "Test acc"),
    QT_TRANSLATE_NOOP("RunsView", "Status"),
    # the lab preset a run started from (walk64 D17: three "784-300-300-100-100-10" rows and
    # no way to tell which was the PReLU lab); the Train form's box has the same name
    QT_TRANSLATE_NOOP("RunsView", "Preset"),
)
STARTED, DATASET, LAYERS, SETTINGS, EPOCHS, VAL_ACC, TEST_ACC, STATUS, PRESET = range(len(COLUMNS))
NUMBER_COLUMNS = (EPOCHS, VAL_ACC, TEST_ACC)
#: what a short column title stands for ("Val acc"; over two lines in Vietnamese)
COLUMN_TIPS = {
    VAL_ACC: QT_TRANSLATE_NOOP(
        "RunsView", "Accuracy on the validation split, after the last epoch"
    ),
    TEST_ACC: QT_TRANSLATE_NOOP("RunsView", "Accuracy on the test set, after training"),
}
#: A run's status as the table says it (run.json keeps the English word; any other is shown as is)
STATUSES = {
    "running": QT_TRANSLATE_NOOP("RunsView", "running"),
    "completed": QT_TRANSLATE_NOOP("RunsView", "completed"),
    "stopped": QT_TRANSLATE_NOOP("RunsView", "stopped"),
    "diverged": QT_TRANSLATE_NOOP("RunsView", "diverged"),
    "failed": QT_TRANSLATE_NOOP("RunsView", "failed"),
    # run.json says running but nothing trains it: its app or terminal was closed or killed
    "interrupted": QT_TRANSLATE_NOOP("RunsView", "interrupted"),
    "damaged": QT_TRANSLATE_NOOP("RunsView", "damaged"),
}
#: Characters of a cell's text (a folder path as the dataset is the longest real one)
CELL_CHARS = 300
RUN_ID_ROLE = Qt.ItemDataRole.UserRole
#: what a cell says where its text does not fit whole ("mnist-gd, ch…": the name first)
NARROW_ROLE = Qt.ItemDataRole.UserRole + 1


def _pct(v: float) -> str:
    return accuracy_text(v)


def _key(v: float) -> float:
    return v if math.isfinite(v) else -1.0


def started_text(record: RunRecord, seconds: bool = False, day: bool | None = None) -> str:
    """When a run started, as the window writes a date-time (``i18n.moment_text``): "01:42"
    today, "02 Dec 01:42" ("01:42 ngày 02/12") another day; ``seconds`` and ``day`` as there.
    Its spaces are no-break ones."""
    try:
        return moment_text(datetime.fromisoformat(record.created_at), seconds=seconds, day=day)
    except (ValueError, OverflowError, OSError):  # not a date, or one no clock can show
        return one_line(record.created_at, 40).replace(" ", "\u00a0")


#: A run folder's name as nndesk makes it: its UTC start, "20261206-101519-122530f"
RUN_FOLDER = re.compile(r"(\d{8})-(\d{6})-")


def damaged_started_text(record: RunRecord, seconds: bool = False, day: bool | None = None) -> str:
    """When a damaged run started, from its folder's name (its record cannot say): its whole
    name in Started widened the column until Status left a 1024-px window (walk60 D7a). A name
    nndesk did not make is cut short; the tooltip names the folder."""
    found = RUN_FOLDER.match(record.run_id)
    if found:
        try:
            began = datetime.strptime("".join(found.groups()), "%Y%m%d%H%M%S")
            return moment_text(began.replace(tzinfo=timezone.utc), seconds=seconds, day=day)
        except (ValueError, OverflowError, OSError):  # 20261399-...: no date
            pass
    return one_line(record.run_id, 16)


def start_minute(record: RunRecord) -> str:
    """The minute ``record`` started in, as its ``created_at`` writes it (nndesk writes UTC
    ISO times: "2026-12-02T14:45"); runs that share one are told apart by their seconds."""
    return record.created_at[:16]


def start_day(record: RunRecord) -> str:
    """The local day ``record`` started on (its ``created_at`` when that is not a time)."""
    try:
        return datetime.fromisoformat(record.created_at).astimezone().date().isoformat()
    except (ValueError, OverflowError, OSError):
        return record.created_at


def shared_minutes(records: list[RunRecord]) -> set[str]:
    """The start minutes of ``records`` that more than one of them started in."""
    counts = Counter(start_minute(r) for r in records)
    return {minute for minute, n in counts.items() if n > 1}


def lr_text(config: dict, rates: list[float] | tuple[float, ...] = ()) -> str:
    """ "lr 0.01" ("tốc độ học 0,01"), or "lr 0.01 → 0.001" for a run whose rate was set while
    it trained (the last two rates it was set to, "… →" before them when there were more)."""
    if "lr" not in config:
        return ""
    text = fill(translate("RunsView", "lr {lr:g}"), lr=Rate(config["lr"]))
    if rates:
        more = "… → " if len(rates) > 2 else ""
        text += " → " + more + " → ".join(rate_said(lr) for lr in rates[-2:])
    return text


#: the schedule's own numbers, each where it applies (``TrainConfig``'s defaults when missing)
SCHEDULE_NUMBERS = {
    "step": (("schedule_step", 10), ("schedule_gamma", 0.1)),
    "exp": (("schedule_step", 10), ("schedule_rate", 0.1)),
    "cosine": (("min_lr", 0.0),),
}


def schedule_values(config: dict) -> tuple:
    """A run's learning-rate schedule as values: its name and the numbers that apply to it."""
    name = config.get("schedule") or "constant"
    return (name, *(config.get(key, default) for key, default in SCHEDULE_NUMBERS.get(name, ())))


def schedule_cell_text(config: dict) -> str:
    """A run's schedule in a few words, the number runs differ in most last (a narrow cell
    keeps a text's ends: "step ×0.1 every 2 epochs" and "… ×0.5 …" both read "step … every 2
    epochs"): "step every 2 epochs ×0.1", "exp after 3 epochs, decay 0.1", "cosine to
    0.0001", "constant rate" (an unknown one by its name)."""
    name, *numbers = schedule_values(config)
    if name == "step":  # "every 1 epoch", not "1 epochs"
        return fill(translate("RunsView", "step every {epochs} ×{gamma:g}"),
                    epochs=localised(counted(numbers[0], "epoch")), gamma=numbers[1])  # fmt: skip
    if name == "exp":
        return fill(translate("RunsView", "exp after {epochs}, decay {rate:g}"),
                    epochs=localised(counted(numbers[0], "epoch")), rate=numbers[1])  # fmt: skip
    if name == "cosine":
        return fill(translate("RunsView", "cosine to {lr:g}"), lr=numbers[0])
    if name == "constant":
        return translate("RunsView", "constant rate")
    return one_line(str(name), 30)


#: the settings the Settings cell writes, in its order (the others are columns, or its tip's)
CELL_SETTINGS = (
    "lr",
    "schedule",
    "activation",
    "optimizer",
    "batch_size",
    "normalize",
    "dropout",
    "l2",
    "augment",
)
#: what sets the lead part of a Settings cell apart from the rest
LEAD_SEPARATOR = " · "


#: the inputs' scaling as a narrow Settings cell says it, an interval ("[0, 1]"; Vietnamese
#: writes "[0; 1]", its comma being the decimal one): at Larger text in Vietnamese the column
#: had 90 px, and "ReLU, điểm ảnh 0 đến 1" was cut to "ReLU, đi…" (walk67 #5)
TIGHT_INPUTS = {
    "raw": QT_TRANSLATE_NOOP("RunsView", "[0, 255]"),
    "unit": QT_TRANSLATE_NOOP("RunsView", "[0, 1]"),
    "symmetric": QT_TRANSLATE_NOOP("RunsView", "[-1, 1]"),
}


#: a full batch as a narrow Settings cell says it (each step on the whole training set): the
#: Vietnamese "cả tập (full batch)" took the cell of mnist-gd runs told apart by their rate
#: and batch (verify68 #1); "cả tập"
TIGHT_FULL_BATCH = QT_TRANSLATE_NOOP("RunsView", "whole set")


def tight_lr_text(config: dict, rates: list[float] | tuple[float, ...] = ()) -> str:
    """The learning rate as a narrow Settings cell says it, by its short name as the chart's
    legend does ("lr 0,5"; "tốc độ học 0,5" left a 110-px cell "tốc độ … 60", verify68 #1),
    the rates it was set to after it as ``lr_text`` writes them."""
    if "lr" not in config:
        return ""
    words = lr_text(config, rates)
    said = translate("RunsView", "lr {rate}").format(rate=rate_said(config["lr"]))
    return said + words[len(lr_text({"lr": config["lr"]})) :]


def _setting_parts(
    config: dict,
    rates: list[float] | tuple[float, ...],
    first: tuple[str, ...],
    tight: bool = False,
) -> dict[str, str]:
    """Each setting of ``CELL_SETTINGS`` as a Settings cell says it ("" where it says none);
    ``tight``: as a narrow cell says what tells runs apart (``lead_text``), in short words."""
    normalize = str(config.get("normalize", ""))
    constant = schedule_values(config)[0] == "constant"
    parts = {
        "lr": tight_lr_text(config, rates) if tight else lr_text(config, rates),
        # a schedule's turns of the rate: runs alike but for it read alike (s64 brief 4)
        "schedule": "" if constant and "schedule" not in first else schedule_cell_text(config),
        # the Train form's names ("ReLU", "Adam"), not the config's "relu", "adam"
        "activation": value_text("activation", config["activation"])
        if config.get("activation")
        else "",
        "optimizer": value_text("optimizer", config["optimizer"])
        if config.get("optimizer")
        else "",
        "batch_size": translate("RunsView", "batch {n}").format(n=config.get("batch_size"))
        if config.get("batch_size")
        else translate_marked("RunsView", TIGHT_FULL_BATCH)
        if tight
        else translate("RunsView", "full batch"),
        "normalize": value_text("normalize", normalize)
        if normalize in BY_NAME["normalize"].choices
        else translate("RunsView", "inputs {normalize}").format(normalize=normalize),
        "dropout": fill("dropout {p:g}", p=config["dropout"]) if config.get("dropout") else "",
        "l2": fill("L2 {l2:g}", l2=config["l2"]) if config.get("l2") else "",
        "augment": translate("RunsView", "augmented") if config.get("augment") else "",
    }
    interval = TIGHT_INPUTS.get(normalize)
    if tight and interval is not None:
        # one word: a cut keeps it whole or drops it ("sigmoid, [0…" read as [0, 1] too)
        parts["normalize"] = translate_marked("RunsView", interval).replace(" ", "\u00a0")
    for name in ("dropout", "l2", "augment"):
        if name in first and not parts[name]:  # what tells it apart: "dropout 0", "augment off"
            parts[name] = setting_text(
                name, config.get(name) or (False if name == "augment" else 0)
            )
    _descent_and_batch_said_once(parts, config, first, tight)
    return parts


def _descent_and_batch_said_once(
    parts: dict[str, str], config: dict, first: tuple[str, ...], tight: bool
) -> None:
    """Plain gradient descent and SGD differ only by their batch (full-batch GD is SGD on the
    whole set), and gradient descent's label names its batch: the pair is said once, in both
    cells. A narrow cell of runs told apart by their batch says it by the batch alone ("whole
    set" / "batch 60": the optimizer's "gradient descent (full batch)" cut the rate out,
    verify69 #1); elsewhere gradient descent's label says it, without the batch's "full batch"
    after it (the wide cell read "gradient descent (full batch), full batch", fixU #3)."""
    optimizer = config.get("optimizer")
    if optimizer not in ("gd", "sgd"):
        return
    if tight and "batch_size" in first:
        parts["optimizer"] = ""
    elif optimizer == "gd" and parts["optimizer"]:
        parts["batch_size"] = ""


def settings_text(
    config: dict, rates: list[float] | tuple[float, ...] = (), first: tuple[str, ...] = ()
) -> str:
    """A run's settings in one line: "lr 0.001, ReLU, Adam, batch 64, pixels -1 to 1";
    ``rates``: the learning rates it was set to while it trained ("lr 0.01 → 0.001").
    ``first``: the settings (of ``CELL_SETTINGS``) that tell this run apart from the runs listed
    beside it, written first and set off by " · " ("ReLU, pixels 0 to 255 · lr 0.01, Adam,
    batch 128"): the column is narrow at 1024 px, and lab 2's four runs all began "lr 0.01,
    ReLU, Ada…" with their inputs' scaling cut off (walk58 #2). Without ``first`` the rate
    comes first, what runs most often differ in."""
    parts = _setting_parts(config, rates, first)
    lead = [parts[k] for k in CELL_SETTINGS if k in first and parts[k]]
    rest = [parts[k] for k in CELL_SETTINGS if k not in first and parts[k]]
    text = ", ".join(lead)
    if lead and rest:
        text += LEAD_SEPARATOR
    return one_line(text + ", ".join(rest), CELL_CHARS)


def lead_text(
    config: dict, rates: list[float] | tuple[float, ...] = (), first: tuple[str, ...] = ()
) -> str:
    """What tells a run apart (the settings ``first``) as a narrow Settings cell says it, in
    its short words: the inputs' scaling as an interval, the rate by its short name: "ReLU,
    [0, 1]" for settings_text's "ReLU, pixels 0 to 1 · …", "lr 0.3, batch 60"; "" without
    ``first``."""
    parts = _setting_parts(config, rates, first, tight=True)
    return one_line(", ".join(parts[k] for k in CELL_SETTINGS if k in first and parts[k]), 80)


def _cell_values(record: RunRecord) -> tuple:
    """What ``record``'s Settings cell says, as values (compared without making its text)."""
    return config_cell_values(record.config, _lr_rates(record))


def config_cell_values(config: dict, rates: list[float] | tuple[float, ...] = ()) -> tuple:
    """What the Settings cell of a run of ``config`` says, as values, one per ``CELL_SETTINGS``
    (``rates``: the learning rates it was set to while it trained)."""
    special = {"lr": (config.get("lr"), tuple(rates)), "schedule": schedule_values(config)}
    return tuple(special[k] if k in special else config.get(k) or None for k in CELL_SETTINGS)


def cell_settings_apart(config: dict, other: dict) -> tuple[str, ...]:
    """The settings of ``CELL_SETTINGS`` whose values differ between ``config`` and ``other``
    (as ``differing_cell_settings`` tells listed runs apart), for ``lead_text``."""
    pairs = zip(CELL_SETTINGS, config_cell_values(config), config_cell_values(other), strict=True)
    return tuple(name for name, mine, theirs in pairs if mine != theirs)


def differing_cell_settings(records: list[RunRecord]) -> dict[tuple[str, str], tuple[str, ...]]:
    """(dataset, layers) -> the settings of ``CELL_SETTINGS`` whose values are not the same in
    every listed run of that data and those layers: the runs whose other cells read alike, told
    apart by these (as the chart's legend names its runs by what differs between them)."""
    groups: dict[tuple[str, str], list[tuple]] = {}
    for record in records:
        if not record.is_damaged:
            key = (str(record.config.get("dataset", "")), record.architecture)
            groups.setdefault(key, []).append(_cell_values(record))
    return {
        key: tuple(
            name
            for i, name in enumerate(CELL_SETTINGS)
            if any(v[i] != values[0][i] for v in values[1:])
        )
        for key, values in groups.items()
        if len(values) > 1
    }


def _title_shown(record: RunRecord) -> str:
    """The run's title in the window's words (``run_titles.title_shown``)."""
    return title_shown(record.title, record.config)


def _lr_rates(record: RunRecord) -> list[float]:
    """The last learning rates ``record``'s run was set to while it trained, in order, from
    its summary (a listed run's curves are not read for its row)."""
    return [rate for _, _, rate in record.summary.lr_changes]


def _lr_change_lines(record: RunRecord) -> list[str]:
    """ "learning rate 0.001 from epoch 2, batch 5" per change the summary keeps (the last
    ones), after a line saying how many there were when it keeps fewer."""
    summary = record.summary
    lines = [
        fill(
            translate("RunsView", "learning rate {lr:g} from epoch {epoch}, batch {batch}"),
            lr=Rate(rate),
            epoch=epoch,
            batch=batch,
        )
        for epoch, batch, rate in summary.lr_changes
    ]
    if summary.lr_change_count > len(lines):
        lines.insert(
            0,
            fill(
                translate("RunsView", "(the last {n} of {total} changes of the rate)"),
                n=len(lines),
                total=summary.lr_change_count,
            ),
        )
    return lines


def preset_text(record: RunRecord) -> str:
    """The lab preset ``record``'s run started from, as its Preset cell says it: its name, or
    "mnist-gd, changed" for settings edited from it (its data too; the cell was empty for
    mnist-gd's settings on Fashion-MNIST, verify68 #4), the one name the window gives such a
    run (``preset_words``: the headline's; walk71 F11: the cell said "custom (from …)" of the
    run the headline and the exported file called "…, changed"); "" for none (settings of the
    person's own, or a run from before runs kept their preset)."""
    return preset_words(record.preset)


def narrow_preset_text(record: RunRecord) -> str:
    """What a Preset cell too narrow for ``preset_text`` says: the same words, the name first,
    its end cut ("mnist-gd, ch…"; "custom (from…" lost the name at vi Larger 1024x700); ""
    where the cell says the name alone."""
    origin = record.preset
    if origin is None or not origin.changed:
        return ""
    return preset_words(origin)


def preset_tip(record: RunRecord) -> str:
    """What the Preset cell's tooltip says: which preset, whether the run kept its settings,
    and the lab's own figure to read the run's test accuracy against (one source: presets)."""
    origin = record.preset
    if origin is None:
        return ""
    name = one_line(origin.name, CELL_CHARS)
    if origin.other_data:
        said = translate(
            "RunsView",
            "Started from the preset {preset}, on other data: the lab's figure says nothing of "
            "this run.",
        )
    elif origin.changed:
        said = translate(
            "RunsView",
            "Started from the preset {preset}, its settings changed before the run trained.",
        )
    else:
        said = translate("RunsView", "Trained with the settings of the preset {preset}.")
    said = said.format(preset=name)
    figure = lab_figure_text(origin)
    return f"{said} {figure}" if figure else said


def status_text(status: str) -> str:
    """``status`` ("completed") in the window's language."""
    return translate_marked("RunsView", STATUSES[status]) if status in STATUSES else status


def _epochs(record: RunRecord) -> int:
    return record.last_epoch  # from the record's summary: its curves are not read for a row


@dataclass(frozen=True)
class Row:
    """What one run's row shows: a text and a tooltip per column."""

    texts: tuple[str, ...]
    tips: tuple[str, ...]
    #: what tells the run apart as a narrow Settings cell says it (``lead_text``), or ""
    lead: str = ""
    #: its Preset cell where ``preset_text`` does not fit (``narrow_preset_text``), or ""
    narrow_preset: str = ""


def _dataset_shown(dataset: str) -> str:
    """ "Fashion-MNIST" for the setting's "fashion" (the column showed the key); a folder of
    images by its whole path, as stored."""
    return dataset_text(dataset) if dataset in DATASETS else dataset


def make_row(
    record: RunRecord, seconds: bool = False, day: bool = True, first: tuple[str, ...] = ()
) -> Row:
    """The texts and tooltips of ``record``'s row: its start with ``seconds`` (another run
    started in the same minute), without the ``day`` (today's); its Settings cell begins with
    the settings ``first`` (what sets it apart from the runs of the same data and layers)."""
    folder = one_line(record.run_id, CELL_CHARS)  # a folder name may hold a newline
    settings = (
        translate("RunsView", "cannot be read: {message}").format(message=localised(record.message))
        if record.is_damaged
        else settings_text(record.config, _lr_rates(record), first)
    )
    texts = (
        damaged_started_text(record, seconds, day)
        if record.is_damaged
        else started_text(record, seconds, day),
        one_line(_dataset_shown(str(record.config.get("dataset", "?"))), CELL_CHARS),
        one_line(record.architecture, CELL_CHARS),
        settings,
        str(_epochs(record)),
        _pct(record.final_val_accuracy),
        _pct(record.test_accuracy),
        status_text(record.status),
        "" if record.is_damaged else preset_text(record),
    )
    tips = [""] * len(COLUMNS)
    if record.is_damaged:
        tip = translate("RunsView", "{folder}: {message}. The folder is left as it is.").format(
            folder=one_line(str(record.folder), 400), message=localised(record.message)
        )
        tips = [tip] * len(COLUMNS)
    else:
        # the folder tells apart runs with the same start, data and layers
        tips[STARTED] = translate("RunsView", "folder {folder}").format(folder=folder)
        tips[LAYERS] = texts[LAYERS]
        key = title_key(record.config)  # the title's "BCE", said whole
        lines = [settings, *_lr_change_lines(record), _title_shown(record), *([key] if key else [])]
        tips[SETTINGS] = "\n".join(lines)
        tips[PRESET] = preset_tip(record)
    if record.status == INTERRUPTED:
        tips[STATUS] = translate(
            "RunsView",
            "The app or terminal training this run was closed before the run ended. "
            "Its curves so far are kept.",
        )
    if record.status == "diverged":
        tips[STATUS] = diverged_tip(record)
    if record.elsewhere is not None and record.model_file is None:
        tips[STATUS] = translate(
            "RunsView", "its folder refused the model; it was saved to {path}"
        ).format(path=record.elsewhere)
    if record.behind is not None:  # the row is the window's record, ahead of the disk's
        tips[STATUS] = "\n".join(
            t
            for t in (
                translate(
                    "RunsView",
                    "Its record could not be written to the end ({reason}): this row is what "
                    "the window holds; the record on disk is behind and is not what the next "
                    "start shows.",
                ).format(reason=record.behind),
                tips[STATUS],
            )
            if t
        )
    lead = "" if record.is_damaged else lead_text(record.config, _lr_rates(record), first)
    narrow = "" if record.is_damaged else narrow_preset_text(record)
    return Row(texts, tuple(tips), lead, narrow)


def diverged_tip(record: RunRecord) -> str:
    """Why a run that diverged offers no model: its status cell's tip, Use model's tip and the
    hint when it alone is selected (Use model is greyed for it). A run an earlier nndesk saved
    with its model file: that file holds the weights its loss blew up from, and `nndesk
    models` leaves it out (``models.list_models``), so the window does too."""
    if record.model_path is None:
        said = translate(
            "RunsView",
            "The run diverged, so no model was saved: its weights were the ones its loss blew up "
            "from. Its curves are kept.",
        )
    else:
        said = translate(
            "RunsView",
            "The run diverged: its model file holds the weights its loss blew up from, so Use "
            "model does not open it (nndesk models leaves it out too). Its curves are kept.",
        )
    if record.message:
        said = f"{said}\n{one_line(localised(record.message), CELL_CHARS)}"
    return said


def run_name(record: RunRecord) -> str:
    """How a confirmation names a run: its folder, and its title and start when known; the
    title as the Runs list shows it, in the window's words (walk54b D8: the stored English
    title stood inside a Vietnamese question)."""
    folder = one_line(record.run_id, CELL_CHARS)
    if record.is_damaged:
        return f"{folder} ({status_text('damaged')})"
    started = started_text(record)
    title = title_shown(record.title, record.config)
    return f"{folder} ({title}{', ' + started if started else ''})"


class RunsTableModel(QAbstractTableModel):
    """The runs as table rows; sorted by a column's value (dates, numbers), not its text."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._records: list[RunRecord] = []
        self._rows: dict[int, Row] = {}  # by id(record): made when first shown
        self._seconds = False  # every start with its seconds (two runs share a minute)
        self._today = ""
        #: (dataset, layers) -> the settings its runs differ in (``differing_cell_settings``)
        self._differing: dict[tuple[str, str], tuple[str, ...]] = {}
        #: the Settings cells say what tells each run apart alone (``show_leads_only``), in
        #: its narrow form (``Row.lead``) or in words ("ReLU, pixels 0 to 1") where they fit
        self._leads_only, self._tight = False, True
        #: column -> (its title, that title on two lines) where the view folds it
        #: (``set_folded_title``)
        self._folded: dict[int, tuple[str, str]] = {}

    # -- the records ---------------------------------------------------------------------------
    def set_records(self, records: list[RunRecord]) -> None:
        """Show ``records`` (in this order until sorted); the selection is cleared."""
        self.beginResetModel()
        self._records = list(records)
        self._rows = {}
        # two runs started in one minute read alike ("02 Dec 14:45"): then every start says
        # its second, one format down the column (only theirs did: "06:29" above "06:28:47",
        # a newcomer's walk); else none does (the seconds widened the column until the status
        # was pushed off a 1024-px page). Today's say the time alone, as a mail client does
        self._seconds = bool(shared_minutes(self._records))
        self._today = datetime.now().astimezone().date().isoformat()
        self._differing = differing_cell_settings(self._records)
        self.endResetModel()

    def rows_changed(self) -> None:
        """Make every row's texts again (a record was found damaged when its curves were read)."""
        self._rows = {}
        self._differing = differing_cell_settings(self._records)
        if self._records:
            last = self.index(len(self._records) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)

    def show_leads_only(self, leads_only: bool, tight: bool = True) -> None:
        """The Settings cells say only what tells each run apart (the whole in their
        tooltips), with ``tight`` in its narrow form (``Row.lead``, the inputs' scaling as an
        interval), else in its words; or all of it."""
        if (leads_only, tight) != (self._leads_only, self._tight):
            self._leads_only, self._tight = leads_only, tight
            if self._records:
                last = len(self._records) - 1
                self.dataChanged.emit(self.index(0, SETTINGS), self.index(last, SETTINGS))

    def one_line_title(self, column: int) -> str:
        """``column``'s title in the window's language, as it is translated (two lines where
        the translation has them)."""
        return translate_marked("RunsView", COLUMNS[column])

    def set_folded_title(self, column: int, folded: str | None) -> None:
        """Show ``column``'s title as ``folded`` (its words on two lines), or as translated."""
        wanted = None if folded is None else (self.one_line_title(column), folded)
        if self._folded.get(column) != wanted:
            if wanted is None:
                self._folded.pop(column, None)
            else:
                self._folded[column] = wanted
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, column, column)

    def tells_apart_by_settings(self) -> bool:
        """Some listed runs of the same data and layers differ in their settings (each one's
        Settings cell then leads with what tells it apart)."""
        return any(self._differing.values())

    def record(self, row: int) -> RunRecord:
        return self._records[row]

    def records(self) -> list[RunRecord]:
        return list(self._records)

    def row_of(self, record: RunRecord) -> Row:
        """The texts of ``record``'s row, made once."""
        row = self._rows.get(id(record))
        if row is None:
            day = start_day(record) != self._today
            first = self._differing.get(
                (str(record.config.get("dataset", "")), record.architecture), ()
            )
            row = self._rows[id(record)] = make_row(record, self._seconds, day, first)
        return row

    # -- QAbstractTableModel -------------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008, N802 - Qt override
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole:
            row = self.row_of(self._records[index.row()])
            if self._leads_only and index.column() == SETTINGS:
                words = row.texts[SETTINGS].partition(LEAD_SEPARATOR)[0]
                return (row.lead if self._tight else "") or words
            return row.texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.row_of(self._records[index.row()]).tips[index.column()] or None
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMBER_COLUMNS:
            return RIGHT
        if role == RUN_ID_ROLE:
            return self._records[index.row()].run_id
        if role == NARROW_ROLE and index.column() == PRESET:
            return self.row_of(self._records[index.row()]).narrow_preset or None
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            title = self.one_line_title(section)
            folded = self._folded.get(section)
            return folded[1] if folded is not None and folded[0] == title else title
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            tip = COLUMN_TIPS.get(section)
            return translate_marked("RunsView", tip) if tip else None
        return None

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Order the rows by ``column``; selected rows stay selected."""
        if not 0 <= column < len(COLUMNS):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        moved = [self._records[i.row()] for i in old]
        keys = [self._sort_key(r, column) for r in self._records]
        order_ = sorted(
            range(len(keys)),
            key=keys.__getitem__,
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._records = [self._records[i] for i in order_]
        where = {id(r): row for row, r in enumerate(self._records)}
        new = [self.index(where[id(r)], i.column()) for r, i in zip(moved, old, strict=True)]
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_key(self, record: RunRecord, column: int):
        if column == STARTED:
            return record.created_at
        if column == EPOCHS:
            return _epochs(record)
        if column == VAL_ACC:
            return _key(record.final_val_accuracy)
        if column == TEST_ACC:
            return _key(record.test_accuracy)
        return self.row_of(record).texts[column]
