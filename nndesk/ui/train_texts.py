"""The Train page's words for a run: its headline, progress, how it ended, what it kept, time
left, and what the page says with no run going.

Pure functions of a run's facts, in the window's language (their messages keep the
``TrainingPanel`` translation context, the page that shows them).
"""

from __future__ import annotations

import math
from pathlib import Path

from nndesk.controllers.datasets import TITLES
from nndesk.i18n import QT_TRANSLATE_NOOP, Rate, counted, localised, rate_said
from nndesk.inference import shown_name
from nndesk.model_labels import test_images_of
from nndesk.plain_text import one_line
from nndesk.run_titles import config_parts, describe_config, joined_shown
from nndesk.setting_changes import SettingChange, parse_changes, settings_at_end
from nndesk.setting_words import value_text
from nndesk.ui.language import (
    accuracy_text,
    counts_whole,
    fill,
    integer,
    loss_text,
    translate,
    translate_marked,
)
from nndesk.ui.run_preset_words import with_preset
from nndesk.ui.runs_legend import shown_title
from nndesk.ui.runs_table import started_text
from nndesk.ui.word_elision import ELLIPSIS

#: How the progress bar names the way a run ended.
VERDICTS = {
    "completed": QT_TRANSLATE_NOOP("TrainingPanel", "Finished"),
    "stopped": QT_TRANSLATE_NOOP("TrainingPanel", "Stopped"),
    "diverged": QT_TRANSLATE_NOOP("TrainingPanel", "Diverged"),
}
#: A continued run's headline by (it has ended, it keeps a setting the last run ended with).
#: "From": the epoch it started in. "Continuing in epoch 16" stayed up while the progress bar
#: went on to "Epoch 24/30", and read as the epoch it was in (walk54 D6).
CONTINUED_HEADLINES = {
    (False, True): QT_TRANSLATE_NOOP(
        "TrainingPanel", "Continuing from epoch {epoch}, keeping {kept}: {settings}"
    ),
    (False, False): QT_TRANSLATE_NOOP("TrainingPanel", "Continuing from epoch {epoch}: {settings}"),
    (True, True): QT_TRANSLATE_NOOP(
        "TrainingPanel", "Continued from epoch {epoch}, keeping {kept}: {settings}"
    ),
    (True, False): QT_TRANSLATE_NOOP("TrainingPanel", "Continued from epoch {epoch}: {settings}"),
}
#: A continued run that diverged: where it really went on from (after its model's last whole
#: epoch, part way into an epoch, or from the start) and that it diverged. "Continued from
#: epoch 2" read as if it had trained on from there, of a run whose first batches blew up; the
#: settings after the colon say the rate it diverged at.
DIVERGED_HEADLINES = {
    "after": QT_TRANSLATE_NOOP(
        "TrainingPanel", "Continued after epoch {done}, then diverged in epoch {epoch}: {settings}"
    ),
    "inside": QT_TRANSLATE_NOOP(
        "TrainingPanel",
        "Continued part way into epoch {first}, then diverged in epoch {epoch}: {settings}",
    ),
    "start": QT_TRANSLATE_NOOP(
        "TrainingPanel",
        "Continued from the start of epoch 1, then diverged in epoch {epoch}: {settings}",
    ),
}


def format_eta(seconds: float) -> str:
    """``75.2`` -> ``"1:15"``, ``3725`` -> ``"1:02:05"``; unknown -> ``"—"``."""
    if not math.isfinite(seconds) or seconds < 0:
        return "—"
    s = int(round(seconds))
    h, rem = divmod(s, 3600)
    m, s = divmod(rem, 60)
    return f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"


def kept_text(kept: dict) -> str:
    """What a continued run kept from the last one, in the window's words: "lr 0.0003"."""
    said = ", ".join(
        SettingChange(0, 1, 1, name, value).shown_text()
        for name, value in kept.items()
        if name != "schedule"
    )
    if "schedule" in kept:
        said += translate("TrainingPanel", " (schedule: constant)")
    return said


def dataset_title(name) -> str:
    """How the window names a dataset: "MNIST", "Fashion-MNIST", an image folder's path."""
    return TITLES.get(str(name), str(name))


def rate_text(lr: float) -> str:
    """The rate in use as "LR now" shows it (0.000452): the line under the bar wrote the same
    scheduled rate as 0.000452419 beside it (walk60 D7l); ``i18n.rate_said``, as every rate
    the window says."""
    return rate_said(lr)


def _value_with_its_name(change: str) -> str:
    """``change`` ("lr 0.01", "tốc độ học 0,01") with its value on the line of its name's last
    word: the headline wrapped "… · lr" / "0.01", the value alone on its line (verify63 V5)."""
    name, space, value = change.rpartition(" ")
    return f"{name}\u00a0{value}" if space else change


#: A run's settings its headline drops first, one kind after another, where its room does not
#: hold them all: what the window says elsewhere (the mode names the dataset) and what a
#: person steers least before what they steer and compare. The rate (one set by hand with the
#: one it replaced), what was changed by hand and what a continued run goes on from stay
#: (verify65 #1: "… tốc độ học 0,003 (đặt bằng tay; trước là…" cut the rate it replaced off a
#: two-line headline at Larger text in Vietnamese, the dataset and inputs in sight before it).
HEADLINE_DROPS = ("dataset", "inputs", "batch", "loss", "activation", "arch", "optimizer")


def run_headline(facts: dict) -> str:
    """The headline of a run from its facts (``RunHeader.headline``'s "run" entry): its
    settings, with what a continued run continues from and keeps said first (a narrow page
    cuts the settings, not this)."""
    return _run_headline(facts, frozenset())


def run_headline_forms(facts: dict) -> tuple[str, ...]:
    """``run_headline`` and shorter ways to say it, each dropping one more kind of setting
    (``HEADLINE_DROPS``) for "…": the page shows the first its room holds."""
    forms = [_run_headline(facts, frozenset())]
    for n in range(1, len(HEADLINE_DROPS) + 1):
        shorter = _run_headline(facts, frozenset(HEADLINE_DROPS[:n]))
        if shorter != forms[-1]:
            forms.append(shorter)
    return tuple(forms)


def _described(config: dict, rate: str, dropped: frozenset) -> str:
    """``describe_config``'s shown words with the ``dropped`` kinds said as one "…" each run
    of them."""
    words: list[tuple[str, str]] = []
    for kind, text in config_parts(config, shown=True, rate=rate):
        if kind not in dropped:
            words.append((kind, text))
        elif not words or words[-1][1] != ELLIPSIS:
            words.append((kind, ELLIPSIS))
    return joined_shown(words)


def _run_headline(facts: dict, dropped: frozenset) -> str:
    facts, rate = _rate_said_once(facts)
    if rate and "lr" in facts["kept"]:
        # the rate kept from the last run was set again in this one (the coach's "Set it
        # back"): no longer in force, it is said as the rate replaced, not as kept (walk65 D9:
        # "keeping lr 0.002" stayed after the set-back to 0.000452); its schedule kept off with it
        kept = {name: v for name, v in facts["kept"].items() if name not in ("lr", "schedule")}
        facts = {**facts, "kept": kept}
    steered = ", ".join(
        _value_with_its_name(SettingChange(0, 1, 1, name, value).shown_text())
        for name, value in facts["steered"].items()
    )
    # led by the lab preset it came from, where it came from one (walk64 D17); a rate set by
    # hand in the run's rate's place, before the batch and the inputs: said after them,
    # "(đặt bằng tay; trước là 0,001)" was cut off a two-line headline at 1024 px in
    # Vietnamese at Larger text (walk64 D21)
    described = _described(facts["config"], rate, dropped)
    settings = with_preset(described, facts.get("preset"))
    settings += f"{' · ' if steered else ''}{steered}"
    first_epoch, kept = facts["first_epoch"], kept_text(facts["kept"])
    if first_epoch == 1 and not facts["continuing"]:
        return settings
    # said first: a narrow page cuts the settings, not this
    diverged_in = facts.get("diverged_in")
    if facts.get("ended") and diverged_in:
        where = "inside" if facts.get("inside") else "after" if first_epoch > 1 else "start"
        return translate_marked("TrainingPanel", DIVERGED_HEADLINES[where]).format(
            done=integer(first_epoch - 1),
            first=integer(first_epoch),
            epoch=integer(diverged_in),
            settings=settings,
        )
    shape = (bool(facts.get("ended")), bool(kept))
    return translate_marked("TrainingPanel", CONTINUED_HEADLINES[shape]).format(
        epoch=integer(first_epoch), kept=kept, settings=settings
    )


def _rate_said_once(facts: dict) -> tuple[dict, str]:
    """``facts`` without the learning rate when one was set by hand during the run, and that
    rate said with the run's own it replaced ("lr 0.002 (set by hand; was 0.0005)": the rate in
    force then, ``facts["lr_was"]``, else the start rate; verify64 D-A), or ""
    with none: one rate in the headline ("Adam lr=0.0005 … · lr 0.002" named two, walk64
    D8), never the one set by hand as the run's own (walk60 D2)."""
    steered, config = dict(facts["steered"]), facts["config"]
    rate = steered.pop("lr", None)
    if rate is None:
        return facts, ""
    change = _value_with_its_name(SettingChange(0, 1, 1, "lr", rate).shown_text())
    if "lr" not in config:
        return {**facts, "steered": steered}, change
    # the rate in force when it was set (a schedule's), else the run's own start rate
    was = facts.get("lr_was")
    said = translate("TrainingPanel", "{change} (set by hand; was {was})").format(
        change=change, was=rate_said(config["lr"] if was is None else was)
    )
    config = {name: value for name, value in config.items() if name != "lr"}
    return {**facts, "steered": steered, "config": config}, said


def ended_message(ended, epochs: tuple[int, int] | None) -> str:
    """How a run over ``epochs`` (its first and last epoch) ended, in the window's language
    where nndesk words it itself."""
    if ended.reason == "stopped" and ended.message.startswith("stopped by request"):
        # after the verdict "Stopped:" the loop's "stopped by request ..." said it twice
        return stopped_text(ended.epochs_done, getattr(ended, "batches_into_next", 0))
    if ended.reason != "completed" or epochs is None:
        return localised(ended.message)
    first, last = epochs
    n = last - first + 1
    if first > 1 and n == 1:  # a continued run: "trained 2 epochs" miscounted its part epoch
        return translate("TrainingPanel", "trained epoch {epoch}").format(epoch=integer(last))
    if first > 1:
        return translate("TrainingPanel", "trained epochs {first} to {last}").format(
            first=integer(first), last=integer(last)
        )
    if n == 1:
        return translate("TrainingPanel", "trained 1 epoch")
    return translate("TrainingPanel", "trained {n} epochs").format(n=integer(n))


def stopped_text(done: int, batches: int) -> str:
    """Where a run stopped at the user's request ended, counted as the Runs table counts (the
    last epoch finished), then how far into the next: it said "in epoch 135" where the Runs
    table said 134 for a run stopped between epochs (walk49 D10). In few words: after
    "Stopped:" on the progress bar, "at your request, after epoch 6 and 97 batches of epoch 7"
    was cut at 1024 px and Larger text (fixU #5); the batches are the next epoch's."""
    if batches and done:
        text = translate("TrainingPanel", "by you, after epoch {done} and {batches}")
    elif batches:
        text = translate("TrainingPanel", "by you, after {batches}")
    elif done:
        text = translate("TrainingPanel", "by you, after epoch {done}")
    else:
        text = translate("TrainingPanel", "by you, before the first batch")
    # "1 batch", not "1 batches" (fixU)
    return text.format(done=integer(done), batches=localised(counted(batches, "batch")))


def progress_texts(
    run,
    report,
    *,
    paused: bool,
    lr: float,
    onward: bool = False,
    pace: float = 0.0,
    by_hand: bool = False,
) -> tuple[int, str, str]:
    """The progress bar's value (of 1000) and text, and the speed/loss line, of ``run``
    (RunStarted) after the batch ``report``; ``lr``: the rate in use now; ``onward``: paused,
    but "To epoch end" trains the rest of this epoch (said on the bar, not "Paused");
    ``pace``: the seconds slow motion waits after every batch (0: full speed); ``by_hand``:
    the rate was set by hand (a schedule no longer changes it, which the line then says, with
    the rate). The line says no rate otherwise: "LR now" beside the run buttons shows it while
    a run goes, and its "· lr 0.001" took a second line at 1024 px and Larger text (walk68
    D2)."""
    per_epoch = report.batches
    # of the whole run, epochs 1 to last, as "Epoch 4/10" beside it counts: a continued run's
    # bar starts where the stopped one left off (it read 14% in epoch 4 of 10, walk 43 item 6)
    total = max(run.last_epoch * per_epoch, 1)
    done = (report.epoch - 1) * per_epoch + report.batch
    where = translate(
        "TrainingPanel", "Epoch {epoch}/{last}  ·  batch {batch}/{per_epoch}  ·  {p}"
    ).format(
        epoch=report.epoch,
        last=run.last_epoch,
        batch=integer(report.batch),
        per_epoch=integer(per_epoch),
        p="%p%",
    )
    schedule = getattr(getattr(run, "config", None), "schedule", "constant")
    # the schedule stopped when the rate was set: said once in the status bar, which goes; a
    # student then wondered why the PReLU lab's decay never came (walk62 D2)
    off = schedule_off_text(lr, schedule) if by_hand and schedule != "constant" else ""
    if paused:
        where = translate("TrainingPanel", "Paused  ·  {where}").format(where=where)
    elif onward:
        where = translate("TrainingPanel", "To the end of epoch {epoch}  ·  {where}").format(
            epoch=report.epoch, where=where
        )
    speed = report.samples_per_second
    # the run's clock leaves out slow motion's wait (the consumer's time, training/loop.py):
    # a batch takes its own time and the wait; a run paced at 0.5 s a batch read "5,449
    # samples/s · ETA 1:38" and took 35 minutes (walk57 D0)
    per_batch = run.batch_size / speed + pace if speed > 0 else math.nan
    eta = (total - done) * per_batch
    if paused:  # no speed and no time left while nothing runs: "ETA 0:26" read as counting
        # down (walk49 D16); PAUSED first on the line: at its end a 1024-px page cut it off
        line = translate("TrainingPanel", "PAUSED  ·  loss {loss}  ·  accuracy {accuracy}").format(
            loss=loss_text(report.loss), accuracy=accuracy_text(report.accuracy)
        )
        return int(1000 * done / total), where, _with_tail(line, off)
    if pace > 0:  # the rate as slowed down, and said to be
        speed = run.batch_size / per_batch if per_batch > 0 else math.nan
        said = translate(
            "TrainingPanel",
            "{speed} samples/s in slow motion  ·  ETA {eta}  ·  loss {loss}  ·  "
            "accuracy {accuracy}",
        )
    else:
        said = translate(
            "TrainingPanel",
            "{speed} samples/s  ·  ETA {eta}  ·  loss {loss}  ·  accuracy {accuracy}",
        )
    line = said.format(
        speed=integer(round(speed)) if math.isfinite(speed) else "—",
        eta=format_eta(eta),
        loss=loss_text(report.loss),
        accuracy=accuracy_text(report.accuracy),
    )
    return int(1000 * done / total), where, _with_tail(line, off)


def schedule_off_text(lr: float, schedule: str) -> str:
    """ "lr 0.002 (set by hand; schedule “…” off)": the rate set by hand and the schedule it
    stopped."""
    rate = SettingChange(0, 1, 1, "lr", float(lr)).shown_text()
    return translate("TrainingPanel", "{lr} (set by hand; schedule “{schedule}” off)").format(
        lr=rate, schedule=value_text("schedule", schedule)
    )


def _with_tail(line: str, tail: str) -> str:
    return f"{line}  ·  {tail}" if tail else line


def sample_progress_line(lr: float, schedule: str = "constant") -> str:
    """A running run's speed/loss line (``progress_texts``) with figures as wide as they get in
    most runs, and a rate set by hand over ``schedule`` when the run has one: the room the
    line keeps from the Train click (``RunHeader.keep_progress_room``), so that a rate set
    mid-run moves nothing."""
    line = translate(
        "TrainingPanel",
        "{speed} samples/s  ·  ETA {eta}  ·  loss {loss}  ·  accuracy {accuracy}",
    ).format(
        speed=integer(123_456),
        eta=format_eta(1234),
        loss=loss_text(0.1234),
        accuracy=accuracy_text(0.9876),
    )
    return _with_tail(line, schedule_off_text(lr, schedule) if schedule != "constant" else "")


def latest_title_forms(latest) -> tuple[str, ...]:
    """The title of ``latest`` (a RunRecord) as a headline names it, and, for a title nndesk
    wrote from the settings, shorter ways to say it, each dropping one more kind of setting
    (``HEADLINE_DROPS``) for "…": the idle headline's two lines cut the latest run's name,
    "…lượt gần nhất (04:39): fashion-mlp-lab, đã sửa…", at Larger text in Vietnamese at 1024 px
    (fixW, s66), where the settings after it say less than the name."""
    title = one_line(shown_title(latest, changes=False), 120)
    forms = [title]
    config = latest.config
    if isinstance(config, dict) and _described(config, "", frozenset()) == title:
        for n in range(1, len(HEADLINE_DROPS) + 1):
            shorter = _described(config, "", frozenset(HEADLINE_DROPS[:n]))
            if shorter != forms[-1]:
                forms.append(shorter)
    if latest.preset is not None and forms[-1] != ELLIPSIS:
        forms.append(ELLIPSIS)  # the preset's name alone names it ("mnist-gd · …")
    return tuple(forms)


def idle_title_forms(
    dataset: str, ready: bool, continue_run: str | None, continue_dataset, latest
) -> tuple[str, ...]:
    """``idle_title`` and shorter ways to say it (the latest run's settings said shorter:
    ``latest_title_forms``), longest first."""
    count = len(latest_title_forms(latest)) if latest is not None else 1
    forms: list[str] = []
    for form in range(count):
        text = idle_title(dataset, ready, continue_run, continue_dataset, latest, form)
        if text not in forms:
            forms.append(text)
    return tuple(forms)


def idle_title(
    dataset: str, ready: bool, continue_run: str | None, continue_dataset, latest, form: int = 0
) -> str:
    """The headline with no run going: the form's ``dataset`` when it is ``ready`` here, then
    what an enabled Continue trains further (``continue_run``, its name, on its own
    ``continue_dataset``; a bare "No run" beside an enabled Continue contradicted it), else
    ``latest``, the latest run kept (a RunRecord), as at start, its title said in its
    ``form``-th way (``latest_title_forms``)."""
    first = (
        translate("TrainingPanel", "{title} is ready").format(title=TITLES[dataset])
        if ready
        else translate("TrainingPanel", "No run going")
    )
    if continue_run is not None:
        if continue_dataset is not None and continue_dataset != dataset:  # its own data
            then = translate("TrainingPanel", "Continue trains {name} further, on {title}").format(
                name=continue_run, title=TITLES.get(continue_dataset, Path(continue_dataset).name)
            )
        else:
            then = translate("TrainingPanel", "Continue trains {name} further").format(
                name=continue_run
            )
        return f"{first} · {then}"
    if latest is not None:
        forms = latest_title_forms(latest)
        title = forms[min(form, len(forms) - 1)]
        named = f"{TITLES[dataset]} " if ready else None
        if named and latest.config.get("dataset") == dataset and title.startswith(named):
            title = title[len(named) :]  # "Fashion-MNIST is ready" has named it already
        title = with_preset(title, latest.preset)
        then = translate("TrainingPanel", "the latest run ({started}): {title}").format(
            title=title, started=started_text(latest)
        )
        return f"{first} · {then}"
    if ready:
        return translate("TrainingPanel", "{title} is ready: press Train").format(
            title=TITLES[dataset]
        )
    return translate("TrainingPanel", "No run")


def continue_problem(run: str, wanted: str, other: str | None, folder) -> str:
    """Why Continue could not train ``run`` further for want of its model's dataset
    ``wanted``: which data the run needs and where it was looked for (the data folder
    ``folder``, which may hold ``other``, and the downloads)."""
    title = TITLES.get(wanted, wanted)
    if other is not None:
        text = translate(
            "TrainingPanel",
            "Continue trains {run} further on {title}, the data it learnt from, but the "
            "data folder {folder} holds {other}. Download {title}, or choose a folder "
            "holding it.",
        )
    elif folder:
        text = translate(
            "TrainingPanel",
            "Continue trains {run} further on {title}, the data it learnt from: it is "
            "neither in the data folder {folder} nor downloaded. Download {title}, or "
            "choose a folder holding it.",
        )
    else:
        text = translate(
            "TrainingPanel",
            "Continue trains {run} further on {title}, the data it learnt from: it is not "
            "downloaded yet. Download {title}, or choose a folder holding it.",
        )
    return text.format(
        run=run, title=title, folder=folder, other=TITLES.get(str(other), str(other))
    )


def model_name(path: Path, records, runs_root: Path, on_disk: bool = True) -> str:
    """How the Train page names a model file: a run's (one of ``records``, or a folder of
    ``runs_root``) by when the run started (every run's file is model.npz), any other by its
    name without ".npz". ``on_disk``: paths are resolved (links followed: stats, so off the
    GUI thread); else compared as written."""

    def resolve(p: Path) -> Path:
        return p.resolve() if on_disk else p

    try:
        target = resolve(path)
        for record in records:
            model = record.model_path
            if model is not None and resolve(model) == target:
                started = started_text(record)
                if not started:  # a damaged record does not say when: its folder names it
                    break
                return translate("TrainingPanel", "the run of {started}").format(started=started)
        in_runs = resolve(path.parent.parent) == resolve(runs_root)
    except OSError:
        in_runs = False
    if in_runs:  # not listed (yet): its folder names it
        return translate("TrainingPanel", "the run {run}").format(run=path.parent.name)
    return shown_name(path)


def _hand_rate(info: dict, config: dict) -> str:
    """The rate a model's last run was set to by hand, said with the one it replaced as the
    Train headline says it ("lr 2 (set by hand; was 0.5)"), "" for none: Runs > Use model said
    "lr=0.5", the rate the run started with, of a run trained at 2 from epoch 62 (verify66 #5;
    the file's "config" keeps the start rate, its "settings_at_end" the one set by hand)."""
    rate = settings_at_end(info.get("settings_at_end")).get("lr")
    if rate is None or "lr" not in config:
        return ""
    was = config["lr"]
    try:
        rates = [change for change in parse_changes(info.get("changes")) if change.name == "lr"]
    except ValueError:
        rates = []
    before = rates[-1].before if rates else None
    if before is not None and math.isfinite(before) and before > 0:
        was = before  # the rate in force when it was set (a schedule's)
    change = _value_with_its_name(SettingChange(0, 1, 1, "lr", rate).shown_text())
    return translate("TrainingPanel", "{change} (set by hand; was {was})").format(
        change=change, was=rate_said(was)
    )


def loaded_title_forms(clf, name: str) -> tuple[str, ...]:
    """``loaded_texts``' headline and shorter ways to say it, each dropping one more kind of
    setting (``HEADLINE_DROPS``) for "…", the rate set by hand kept: at Larger text in
    Vietnamese at 1024 px "Mô hình đang dùng: … Adam tốc…" cut it off (verify66 #5)."""
    title = loaded_texts(clf, name)[0]
    config = clf.info.get("config") or {}
    if not isinstance(config, dict):
        return (title,)
    head = translate("TrainingPanel", "Model in use: {name}").format(name=name)
    forms = [title]
    try:
        rate = _hand_rate(clf.info, config)
        for n in range(1, len(HEADLINE_DROPS) + 1):
            shorter = f"{head}  ·  {_described(config, rate, frozenset(HEADLINE_DROPS[:n]))}"
            if shorter != forms[-1]:
                forms.append(shorter)
    except (TypeError, ValueError, KeyError):
        pass
    return tuple(forms)


def loaded_texts(clf, name: str) -> tuple[str, str, str]:
    """The headline, progress line and model line of the Train page once the model ``clf``
    (a Classifier), named ``name``, is in use: its settings, its test accuracy, its epochs."""
    config = clf.info.get("config") or {}
    try:  # a file's settings may be unusable (the form said so): then no description
        described = (
            describe_config(config, shown=True, rate=_hand_rate(clf.info, config))
            if isinstance(config, dict)
            else ""
        )
    except (TypeError, ValueError, KeyError):
        described = ""
    title = translate("TrainingPanel", "Model in use: {name}").format(name=name)
    title += f"  ·  {described}" if described else ""
    follow = translate(
        "TrainingPanel", "Continue trains this model further; Train starts a new one."
    )
    metrics = clf.info.get("metrics") or {}
    accuracy = metrics.get("test_accuracy")
    if isinstance(accuracy, (int, float)) and math.isfinite(accuracy):
        images = test_images_of(metrics)  # a Lab-saved model's sample (walk64 D23)
        said = (
            translate("TrainingPanel", "Test accuracy {accuracy}")
            if images is None
            else translate("TrainingPanel", "Test accuracy {accuracy} on {n} test images")
        )
        said = counts_whole(said.format(accuracy=accuracy_text(accuracy), n=integer(images or 0)))
        follow = said + "  ·  " + follow
    epochs = len(clf.info.get("history") or [])
    trained = (
        translate("TrainingPanel", "{name}: {dataset}, 1 epoch trained")
        if epochs == 1
        else translate("TrainingPanel", "{name}: {dataset}, {epochs} epochs trained")
    )
    dataset = (
        dataset_title(clf.dataset) if clf.dataset else translate("TrainingPanel", "image folder")
    )
    return title, follow, trained.format(name=name, dataset=dataset, epochs=integer(epochs))


def schedule_text(run, ended_lr: float | None = None, asked: bool = False) -> str:
    """What a continued run (``run``: RunStarted) trains: how many more epochs and where that
    number comes from, and what its schedule does; "" for a first run. ``asked``: its epochs
    and rate were Continue's question's (``ContinueDialog``, walk64 D16): its schedule ran
    again over them (``run.schedule_from``) or it keeps one rate. Else (a stopped run going on
    to its last epoch) the Epochs field's number, the schedule over all the model's epochs,
    whose first rate is said against the one the run ended with (``ended_lr``: the rate its
    last epoch trained at, None: not known) when it is much higher (walk54 D6)."""
    if run.first_epoch <= 1:
        return ""
    if asked:
        return _asked_schedule_text(run)
    more = run.last_epoch - run.first_epoch + 1
    epochs = fill(
        translate(
            "TrainingPanel",
            "Continues {n} more epochs, to epoch {last}, as Optimisation > Epochs says.",
        )
        if more != 1
        else translate(
            "TrainingPanel",
            "Continues 1 more epoch, to epoch {last}, as Optimisation > Epochs says.",
        ),
        n=more,
        last=run.last_epoch,
    )
    schedule = getattr(run.config, "schedule", "constant")
    if schedule == "constant" or not run.first_lr > 0:
        return epochs
    values = {
        "schedule": value_text("schedule", schedule),
        "last": run.last_epoch,
        "first": run.first_epoch,
        "lr": Rate(run.first_lr),
    }
    if ended_lr is not None and ended_lr > 0 and run.first_lr > RESTART_HIGHER * ended_lr:
        said = translate(
            "TrainingPanel",
            "The schedule “{schedule}” starts again over epochs 1–{last}: epoch {first} "
            "trains at lr {lr:g}, {times:g}× the {ended:.3g} the run ended with.",
        )
        times = run.first_lr / ended_lr
        values.update(times=round(times) if times >= 10 else round(times, 1), ended=ended_lr)
    else:
        said = translate(
            "TrainingPanel",
            "The schedule “{schedule}” runs over epochs 1–{last}: epoch {first} trains at lr "
            "{lr:g}.",
        )
    return f"{epochs} {fill(said, **values)}"


def _asked_schedule_text(run) -> str:
    """``schedule_text`` of a Continue that asked its epochs and rate."""
    more = run.last_epoch - run.first_epoch + 1
    epochs = fill(
        translate("TrainingPanel", "Continues {n} more epochs, to epoch {last}, as you chose.")
        if more != 1
        else translate("TrainingPanel", "Continues 1 more epoch, to epoch {last}, as you chose."),
        n=more,
        last=run.last_epoch,
    )
    schedule = getattr(run.config, "schedule", "constant")
    lr = run.first_lr if run.first_lr > 0 else run.config.lr
    if schedule == "constant":
        said = translate("TrainingPanel", "Every batch trains at lr {lr:g}.")
        return f"{epochs} {fill(said, lr=Rate(lr))}"
    said = translate(
        "TrainingPanel",
        "The schedule “{schedule}” runs again over epochs {first}–{last}: epoch {first} trains "
        "at lr {lr:g}.",
    )
    if getattr(run, "schedule_from", run.first_epoch) < run.first_epoch:  # its plan goes on
        said = translate(
            "TrainingPanel",
            "The schedule “{schedule}” runs over epochs 1–{last}: epoch {first} trains at lr "
            "{lr:g}.",
        )
    values = {
        "schedule": value_text("schedule", schedule),
        "first": run.first_epoch,
        "last": run.last_epoch,
        "lr": Rate(lr),
    }
    return f"{epochs} {fill(said, **values)}"


#: A continued run's first rate this many times the rate its model's run ended with is said
#: as a restart ("15× the 1.3e-05 the run ended with")
RESTART_HIGHER = 1.5
