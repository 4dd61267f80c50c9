"""Each fact the window shows is read from the one place that defines it: a dataset's names and
download size from ``data.registry``, a setting's choices and their labels from
``settings_schema``. Each test changes the fact there and finds the change where it is shown."""

from __future__ import annotations

from dataclasses import replace

from nndesk import settings_schema
from nndesk.data import registry
from nndesk.i18n import Message
from nndesk.run_titles import describe_config
from nndesk.setting_words import value_text
from nndesk.training import TrainConfig
from nndesk.ui.data_banner import download_label
from nndesk.ui.runs_table import settings_text
from nndesk.ui.train_form import TrainForm


def _with_spec(monkeypatch, name: str, **changes) -> None:
    monkeypatch.setitem(registry.DATASETS, name, replace(registry.DATASETS[name], **changes))


def test_the_download_button_promises_the_registrys_size_in_the_progress_bars_mb(monkeypatch):
    assert download_label("mnist") == "Download MNIST (11 MB)"
    # the progress bar counts MB of 2**20 bytes: the button promises the same unit
    assert download_label("fashion") == "Download Fashion-MNIST (29 MB)"
    _with_spec(monkeypatch, "mnist", short_title="Digits-X", download_bytes=5 << 20)
    assert download_label("mnist") == "Download Digits-X (5 MB)"
    _with_spec(monkeypatch, "mnist", download_bytes=0)  # a size not known: none promised
    assert download_label("mnist") == "Download Digits-X"


def test_the_train_forms_dataset_list_names_each_dataset_by_its_registry_title(qtbot, monkeypatch):
    def listed() -> list[tuple[str, str]]:
        form = TrainForm()
        qtbot.addWidget(form)
        box = form.dataset
        return [(box.itemData(i), box.itemText(i)) for i in range(box.count() - 1)]

    assert listed() == [("mnist", "MNIST handwritten digits"), ("fashion", "Fashion-MNIST")]
    _with_spec(monkeypatch, "fashion", plain_title="Zalando clothes")
    assert listed() == [("mnist", "MNIST handwritten digits"), ("fashion", "Zalando clothes")]


def test_the_lab_buttons_name_the_modes_dataset_by_its_registry_short_title(
    window_factory, monkeypatch
):
    _with_spec(monkeypatch, "fashion", short_title="Zalando-28")
    window = window_factory().window
    window.set_mode("garments")
    tip = window.lab_buttons[0].toolTip()
    assert tip.startswith("Put Zalando-28 test image 50 on the canvas"), tip
    window.set_mode("digits")
    assert window.lab_buttons[0].toolTip().startswith("Put MNIST test image 50"), tip


RUN = {
    "dataset": "mnist",
    "arch": "784-32-10",
    "activation": "relu",
    "optimizer": "adam",
    "lr": 0.01,
    "batch_size": 64,
    "normalize": "symmetric",
    "output": "sigmoid",
    "loss": "bce",
}


def test_a_choices_form_label_in_the_schema_shows_in_the_form_and_the_runs_table(
    qtbot, monkeypatch
):
    assert "Adam" in settings_text(RUN) and "Adam" in describe_config(RUN, shown=True)
    monkeypatch.setitem(settings_schema.CHOICE_LABELS, "adam", "Adam-X")
    form = TrainForm()
    qtbot.addWidget(form)
    box = form.optimizer
    assert box.itemText(box.findData("adam")) == "Adam-X"
    assert settings_text(RUN).split(", ")[2] == "Adam-X"
    assert describe_config(RUN, shown=True).split(", ")[0].split()[4] == "Adam-X"


def test_a_choices_short_label_in_the_schema_shows_in_the_runs_table_and_run_titles(
    monkeypatch,
):
    assert describe_config(RUN, shown=True) == (
        "MNIST 784-32-10 ReLU/sigmoid BCE Adam, lr=0.01, batch 64, pixels -1 to 1"
    )
    monkeypatch.setitem(settings_schema.SHORT_LABELS, "symmetric", "inputs ±1")
    monkeypatch.setitem(settings_schema.SHORT_LABELS, "bce", "B-CE")
    monkeypatch.setitem(settings_schema.SHORT_LABELS, "sigmoid", "sig")
    assert describe_config(RUN, shown=True) == (
        "MNIST 784-32-10 ReLU/sig B-CE Adam, lr=0.01, batch 64, inputs ±1"
    )
    assert settings_text(RUN).endswith(", inputs ±1")
    assert value_text("normalize", "symmetric") == "inputs ±1"
    assert describe_config(RUN) == "mnist 784-32-10 relu adam lr=0.01 batch=64 symmetric"  # stored


def test_an_output_new_to_the_schema_is_described_by_its_label(monkeypatch):
    output = settings_schema.BY_NAME["output"]
    wider = replace(output, choices=(*output.choices, "softplus"))
    monkeypatch.setitem(settings_schema.BY_NAME, "output", wider)
    run = {**RUN, "output": "softplus", "loss": "mse"}
    assert "ReLU/softplus MSE Adam" in describe_config(run, shown=True)
    monkeypatch.setitem(settings_schema.CHOICE_LABELS, "softplus", "softplus (smooth)")
    assert "ReLU/softplus (smooth) MSE Adam" in describe_config(run, shown=True)


def test_the_form_greys_out_what_steer_problem_refuses_and_says_its_reason(qtbot, monkeypatch):
    from nndesk import setting_changes

    run = TrainConfig(optimizer="adam", dropout=0.0)
    form = TrainForm()
    qtbot.addWidget(form)
    form.set_steering(run)
    for name, value in (("momentum", 0.5), ("dropout", 0.3)):
        reason = setting_changes.steer_problem(run, name, value)
        assert not getattr(form, name).isEnabled()
        assert getattr(form, name).toolTip().startswith(f"Not while training: {reason}.")
    assert form.l2.isEnabled()
    # a rule added in setting_changes alone greys the field, and the form says its reason
    rule = setting_changes.fixed_reason
    monkeypatch.setattr(
        setting_changes,
        "fixed_reason",
        lambda config, name: Message("no L2 today") if name == "l2" else rule(config, name),
    )
    assert setting_changes.steer_problem(run, "l2", 1e-3) == "no L2 today"
    form.set_steering(run)
    assert not form.l2.isEnabled()
    assert form.l2.toolTip().startswith("Not while training: no L2 today.")


def test_the_forms_steering_reason_is_said_in_vietnamese(qtbot):
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    try:
        form = TrainForm()
        qtbot.addWidget(form)
        form.set_steering(TrainConfig(optimizer="adam", dropout=0.0))
        assert "Adam không có quán tính (momentum) để đổi" in form.momentum.toolTip()
        assert "mạng được dựng không có dropout" in form.dropout.toolTip()
    finally:
        language.use_language("en")
