"""The Train page's words for a run, as functions of its facts (nndesk/ui/train_texts.py)."""

from __future__ import annotations

import pytest

from nndesk.training import TrainConfig
from nndesk.training.loop import RunEnded
from nndesk.ui import language
from nndesk.ui.train_texts import ended_message, format_eta, run_headline


@pytest.mark.parametrize(
    ("ended", "epochs", "said"),
    [
        (RunEnded("completed", "done", 5), (1, 5), "trained 5 epochs"),
        (RunEnded("completed", "done", 1), (1, 1), "trained 1 epoch"),
        (RunEnded("completed", "done", 3), (2, 3), "trained epochs 2 to 3"),
        (RunEnded("completed", "done", 3), (3, 3), "trained epoch 3"),
        # counted as the Runs table counts: the last epoch finished (walk49 D10: "in epoch
        # 135" for a run whose Runs row said 134)
        (
            RunEnded("stopped", "stopped by request after epoch 134", 134),
            (1, 500),
            "by you, after epoch 134",
        ),
        (
            RunEnded(
                "stopped", "stopped by request after epoch 4 and 37 …", 4, batches_into_next=37
            ),
            (1, 10),
            "by you, after epoch 4 and 37 batches",
        ),
        (
            RunEnded("stopped", "stopped by request after 12 …", 0, batches_into_next=12),
            (1, 10),
            "by you, after 12 batches",
        ),
        (
            RunEnded("stopped", "stopped by request before the first batch", 0),
            (1, 10),
            "by you, before the first batch",
        ),
        (
            RunEnded("diverged", "the loss became NaN in epoch 4", 3),
            (1, 5),
            "the loss became NaN in epoch 4",
        ),
    ],
)
def test_how_a_run_ended_counts_the_epochs_it_trained(qapp, ended, epochs, said):
    assert ended_message(ended, epochs) == said


def _facts(first_epoch: int, continuing: bool, ended: bool = False, kept=None) -> dict:
    config = TrainConfig(dataset="mnist", arch="784-16-10").to_dict()
    return {
        "config": config,
        "steered": {},
        "first_epoch": first_epoch,
        "continuing": continuing,
        "kept": kept or {},
        "ended": ended,
    }


def test_a_continued_run_says_where_it_goes_on_from_before_its_settings(qapp):
    """walk54 D6: "Continuing in epoch 16" stayed up while the progress bar went on to "Epoch
    24/30", and read as the epoch the run was in: the headline says the epoch it started in,
    the same going on and ended."""
    fresh = run_headline(_facts(1, continuing=False))
    assert run_headline(_facts(16, continuing=True)) == f"Continuing from epoch 16: {fresh}"
    assert run_headline(_facts(16, continuing=True, ended=True)) == (
        f"Continued from epoch 16: {fresh}"
    )
    assert run_headline(_facts(1, continuing=True)) == f"Continuing from epoch 1: {fresh}"
    kept = run_headline(_facts(3, continuing=True, kept={"lr": 0.0002}))
    assert kept == f"Continuing from epoch 3, keeping lr 0.0002: {fresh}"


def test_a_continued_run_that_diverged_says_where_it_went_on_from_and_where_it_diverged(qapp):
    """fix54a #2: "Continued from epoch 3" of a continued run whose first batches blew up."""
    fresh = run_headline(_facts(1, continuing=False))

    def said(first: int, inside: bool = False, kept=None) -> str:
        facts = {**_facts(first, continuing=True, ended=True, kept=kept), "inside": inside}
        return run_headline({**facts, "diverged_in": first})

    assert said(3) == f"Continued after epoch 2, then diverged in epoch 3: {fresh}"
    assert said(3, kept={"lr": 5.0}).startswith("Continued after epoch 2, then diverged")
    assert said(3, inside=True) == (
        f"Continued part way into epoch 3, then diverged in epoch 3: {fresh}"
    )
    assert said(1) == f"Continued from the start of epoch 1, then diverged in epoch 1: {fresh}"


def test_time_left_reads_as_a_clock():
    assert [format_eta(s) for s in (75.2, 3725, float("nan"), -1)] == ["1:15", "1:02:05", "—", "—"]


def test_a_damaged_runs_model_is_named_by_its_folder_not_an_empty_start(tmp_path):
    """Use model on a damaged run (its run.json unreadable, its model.npz there) headed the
    page "Model in use: the run of  ·": a damaged record does not say when it started."""
    from nndesk.run_record import MODEL_FILE, RunRecord
    from nndesk.ui.train_texts import model_name

    root = tmp_path / "runs"
    record = RunRecord.damaged(root / "20261203-180718-5531c00", "run.json is not valid JSON")
    record.model_file = MODEL_FILE
    record.folder.mkdir(parents=True)
    assert (
        model_name(record.folder / MODEL_FILE, [record], root) == "the run 20261203-180718-5531c00"
    )


def test_a_continued_runs_bar_counts_the_whole_run_as_its_epoch_does(qapp):
    """Walk 43 item 6: stopped in epoch 4 of 10 and continued, the bar read "Epoch 4/10 ·
    batch 1,871/1,875 · 14%": the percent of the continued part beside the whole run's epoch."""
    from types import SimpleNamespace

    from nndesk.ui.train_texts import progress_texts

    run = SimpleNamespace(first_epoch=4, last_epoch=10, batch_size=32)
    report = SimpleNamespace(
        epoch=4, batch=1871, batches=1875, samples_per_second=3200.0, loss=0.4, accuracy=0.86
    )
    value, where, line = progress_texts(run, report, paused=False, lr=0.001)
    assert where.startswith("Epoch 4/10  ·  batch 1,871/1,875")
    assert value == int(1000 * (3 * 1875 + 1871) / (10 * 1875))  # 39.9% of epochs 1 to 10
    # the time left is that of the batches left: the rest of epoch 4 and epochs 5 to 10
    left = (10 * 1875 - (3 * 1875 + 1871)) * 32 / 3200.0
    assert f"ETA {format_eta(left)}" in line

    # paused, nothing runs: no speed and no time left (walk49 D16: "ETA 0:26" stayed)
    value, where, line = progress_texts(run, report, paused=True, lr=0.001)
    assert where.startswith("Paused  ·  Epoch 4/10")
    # no rate: "LR now" beside the run buttons says it (walk68 D2: "· lr 0.001" took a line)
    assert line == "PAUSED  ·  loss 0.4000  ·  accuracy 86.0%"
    assert "ETA" not in line and "samples/s" not in line

    # paused, and "To epoch end" trains on: said, with the speed (walk55 D12: "Paused")
    value, where, line = progress_texts(run, report, paused=False, lr=0.001, onward=True)
    assert where.startswith("To the end of epoch 4  ·  Epoch 4/10")
    assert "samples/s" in line and "PAUSED" not in line


def test_a_rate_set_by_hand_over_a_schedule_says_the_schedule_is_off(qapp):
    """walk62 D2: setting the PReLU lab's rate mid-run stopped its exp schedule; the status bar
    said so once and the line under the bar kept "lr 0.002" as if the decay would come."""
    from types import SimpleNamespace

    from nndesk.ui.train_texts import progress_texts

    report = SimpleNamespace(
        epoch=2, batch=10, batches=100, samples_per_second=3200.0, loss=0.4, accuracy=0.86
    )
    scheduled = SimpleNamespace(
        first_epoch=1, last_epoch=20, batch_size=32, config=SimpleNamespace(schedule="exp")
    )
    _, _, line = progress_texts(scheduled, report, paused=False, lr=0.002, by_hand=True)
    # the schedule as the form names it, never its key "exp" (walk63)
    off = "lr 0.002 (set by hand; schedule “exponential after N epochs” off)"
    assert line.endswith(off)
    _, _, line = progress_texts(scheduled, report, paused=True, lr=0.002, by_hand=True)
    assert line.endswith(off)
    # the schedule's own rate, or a rate set by hand where no schedule runs: "LR now" beside
    # the run buttons says it, the line does not (walk68 D2: "· lr 0.001" took a line)
    _, _, line = progress_texts(scheduled, report, paused=False, lr=0.0004)
    assert line.endswith("accuracy 86.0%") and "lr" not in line
    constant = SimpleNamespace(
        **{**vars(scheduled), "config": SimpleNamespace(schedule="constant")}
    )
    _, _, line = progress_texts(constant, report, paused=False, lr=0.002, by_hand=True)
    assert line.endswith("accuracy 86.0%") and "lr" not in line
    language.use_language("vi")
    try:
        _, _, line = progress_texts(scheduled, report, paused=False, lr=0.002, by_hand=True)
    finally:
        language.use_language("en")
    assert line.endswith("tốc độ học 0,002 (đặt bằng tay; lịch “giảm mũ sau N epoch” đã tắt)")


def test_an_unsaved_network_and_a_runs_dataset_are_named_in_the_windows_words(
    qapp, tiny_model_file
):
    """walk54b: the Inside page named the network in training "fashion (unsaved)" and the Live
    tab said "run at 17:13: fashion, 5 epochs trained" in the Vietnamese window."""
    from dataclasses import replace

    from nndesk.inference import Classifier
    from nndesk.ui import language
    from nndesk.ui.train_texts import loaded_texts

    saved = Classifier.from_file(tiny_model_file)
    clf = replace(saved, path=None, dataset="fashion", info={**saved.info, "dataset": "fashion"})
    assert clf.title == "Fashion-MNIST (unsaved)"
    assert language.use_language("vi") == "vi"
    try:
        title = clf.title
        _, _, trained = loaded_texts(clf, "lượt chạy lúc 17:13")
    finally:
        language.use_language("en")
    assert "Fashion-MNIST" in title and "unsaved" not in title and "fashion " not in title
    assert "Fashion-MNIST" in trained and ": fashion," not in trained
    assert clf.file_stem == "fashion (unsaved)"  # a file name stays the CLI's


def test_the_slow_motion_choices_say_one_unit_in_every_language(qapp):
    """walk57 D6: the Vietnamese speed box read "0,1 s / batch", "0,5 s / batch" and
    "1 giây / batch"."""
    from nndesk.ui import language
    from nndesk.ui.run_controls import SLOW_MOTION

    for code in ("en", "vi"):
        assert language.use_language(code) == code
        try:
            said = [
                language.translate_marked("TrainingPanel", text) for s, text in SLOW_MOTION if s
            ]
        finally:
            language.use_language("en")
        units = {text.split(None, 1)[1] for text in said}  # what follows the number
        assert len(units) == 1, (code, said)


def test_a_continued_run_says_its_epochs_and_the_rate_it_starts_at_against_the_last():
    """walk64 D16: the walk's Continue of fashion-prelu-l2-plus (cosine to 1e-5, ended at
    1.3e-5) with the form's 15 epochs: epoch 21 trained at 2.0e-4 and only that was said."""
    from types import SimpleNamespace

    from nndesk.ui.train_texts import schedule_text

    cosine = TrainConfig(schedule="cosine")
    run = SimpleNamespace(config=cosine, first_epoch=21, last_epoch=35, first_lr=0.000200482)
    assert schedule_text(run, ended_lr=1.3e-5) == (
        "Continues 15 more epochs, to epoch 35, as Optimisation > Epochs says. The schedule "
        "“cosine to a minimum” starts again over epochs 1–35: epoch 21 trains at lr "
        "0.0002, 15× the 1.3×10⁻⁵ the run ended with."  # rounded as every rate said (walk65 D4)
    )
    # not higher, or not known: the rate alone
    assert schedule_text(run, ended_lr=None).endswith("epoch 21 trains at lr 0.0002.")
    one = SimpleNamespace(config=TrainConfig(), first_epoch=6, last_epoch=6, first_lr=0.001)
    assert (
        schedule_text(one) == "Continues 1 more epoch, to epoch 6, as Optimisation > Epochs says."
    )
    assert schedule_text(SimpleNamespace(config=cosine, first_epoch=1, last_epoch=5)) == ""


def test_a_continued_run_whose_kept_rate_was_set_again_says_the_rate_in_force(qapp):
    """walk65 D9: a Continue that kept the rate 0.002 (set by hand in the run before, its
    schedule off) was set back to 0.000452 by the coach's button; the headline still began
    "Continuing from epoch 5, keeping lr 0.002 (schedule: constant)". The kept rate is no
    longer in force: the headline says the one that is, and the one it replaced."""
    kept = {"lr": 0.002, "schedule": "constant"}
    facts = _facts(5, continuing=True, kept=kept)
    before = run_headline(facts)
    assert before.startswith("Continuing from epoch 5, keeping lr 0.002 (schedule: constant): ")
    facts["config"] = {**facts["config"], "lr": 0.002}
    set_back = {**facts, "steered": {"lr": 0.000452418709018}, "lr_was": 0.002}
    said = run_headline(set_back)
    assert said.startswith("Continuing from epoch 5: ") and "keeping" not in said
    # in the run's rate's place, with the one it replaced
    assert "lr 0.000452 (set by hand; was 0.002)" in said.replace("\xa0", " "), said
    language.use_language("vi")
    try:
        said = run_headline(set_back)
        assert "0,002 (" not in said.split(":")[0] and "0,000452 " in said, said
    finally:
        language.use_language("en")


@pytest.mark.parametrize("code", ["en", "vi"])
def test_a_model_in_use_says_the_rate_its_run_was_set_to_by_hand(qapp, code):
    """verify66 #5: Runs > Use model of a mnist-gd run trained at lr 2 by hand from epoch 62
    said "… gradient descent (full batch) lr=0.5 pixels 0 to 1": the start rate only, as the
    Train headline said before fixW kept the rate set by hand in sight."""
    from types import SimpleNamespace

    from nndesk.presets import PRESETS
    from nndesk.ui.train_texts import loaded_texts, loaded_title_forms

    config = PRESETS["mnist-gd"].config.to_dict()
    changes = [{"x": 61.5, "epoch": 62, "batch": 1, "name": "lr", "value": 2.0, "before": 0.5}]
    info = {"config": config, "settings_at_end": {"lr": 2.0}, "changes": changes}
    clf = SimpleNamespace(info=info, dataset="mnist")
    assert language.use_language(code) == code
    try:
        title, _follow, _trained = loaded_texts(clf, "the run of 05:18")
        said = (
            "lr\u00a02 (set by hand; was 0.5)"
            if code == "en"
            else "tốc độ học\u00a02 (đặt bằng tay; trước là 0,5)"
        )
        assert said in title, title
        assert "lr=0.5" not in title and "0,5 " not in title.replace(said, "")
        # shorter ways to say it for a narrow room drop the other settings, never that
        forms = loaded_title_forms(clf, "the run of 05:18")
        assert forms[0] == title and len(forms) > 2
        assert all(said in form for form in forms), forms
        assert all(len(a) > len(b) for a, b in zip(forms, forms[1:], strict=False))
        assert "MNIST" not in forms[-1].split("·", 1)[1]  # the dataset dropped first
        # a run that kept its own rate says it alone, as before
        plain, _f, _t = loaded_texts(SimpleNamespace(info={"config": config}, dataset="mnist"), "x")
        assert "set by hand" not in plain and "bằng tay" not in plain
    finally:
        language.use_language("en")
