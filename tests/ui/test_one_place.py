"""Each fact the window shows is read from the one place that defines it: a dataset's names and
download size from ``data.registry``, a setting's choices and their labels from
``settings_schema``. Each test changes the fact there and finds the change where it is shown."""

from __future__ import annotations

from dataclasses import replace

from nndesk.data import registry
from nndesk.ui.data_banner import download_label
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
