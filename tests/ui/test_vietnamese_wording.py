"""The Vietnamese window's words where the walk through it tripped (issue 22): the Train form's
labels carry the glossary's English where a learner first meets a term, while sentences that name
the same setting keep the short word."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFormLayout

from nndesk.setting_changes import SettingChange
from nndesk.setting_words import label_text, setting_text
from nndesk.settings_schema import FIELDS
from nndesk.ui import language
from nndesk.ui.train_form import TrainForm
from tests.test_translations import _first_meetings


@pytest.fixture
def vietnamese(qapp):
    """The window's language is Vietnamese for one test, English again after it."""
    assert language.use_language("vi") == "vi"
    yield
    language.use_language("en")


def _form_labels(form: TrainForm) -> list[str]:
    labels = []
    for layout in form.findChildren(QFormLayout):
        for row in range(layout.rowCount()):
            item = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            if item is not None and item.widget() is not None:
                labels.append(item.widget().text())
    return labels


def test_the_train_forms_labels_carry_the_glossarys_english_and_sentences_do_not(vietnamese, qtbot):
    """The walk found "Hàm kích hoạt", "Kích thước batch" and "Kiểm định" alone on the form
    beside "Tốc độ học (learning rate)", and the augmentation box with no label at all; the
    same strings named the settings in sentences, so the form needs labels of its own."""
    form = TrainForm()
    qtbot.addWidget(form)
    labels = _form_labels(form)
    wanted = [form_ for context, _, form_ in _first_meetings() if context == "TrainForm"]
    assert "Kích thước batch (batch size)" in wanted
    assert "Tăng cường dữ liệu (augmentation)" in wanted
    missing = [w for w in wanted if w not in labels]
    assert not missing, f"not a label of the Train form: {missing}; its labels: {labels}"
    assert "Cắt gradient (clip norm)" in labels and "Tỉ lệ hình vẽ phác" in labels
    assert "Cắt chuẩn" not in labels and "Hình phác" not in labels

    # sentences and table headers name the setting by its short word
    assert setting_text("batch_size", 64) == "kích thước batch 64"
    assert setting_text("val_fraction", 0.1) == "kiểm định 10%"
    assert SettingChange(0, 1, 1, "momentum", 0.5).shown_text() == "quán tính 0,5"
    for field in FIELDS:
        if field.form_label:
            assert "(" not in label_text(field.name), (field.name, label_text(field.name))


def test_the_english_form_reads_as_before_but_names_the_sketch_share(qtbot):
    form = TrainForm()
    qtbot.addWidget(form)
    labels = _form_labels(form)
    for label in ("Learning rate", "Batch size", "Validation", "Augmentation", "Clip norm"):
        assert label in labels
    assert "Share of sketches" in labels and "Sketches" not in labels


def test_a_run_title_keeps_its_loss_abbreviation_and_the_places_that_show_it_say_it_whole(
    vietnamese, qtbot, tmp_path
):
    """Run titles in Vietnamese kept "BCE" (no room to write "entropy chéo nhị phân" in a
    one-line title); the glossary keeps the abbreviation where a tooltip says it whole."""
    from PySide6.QtCore import Qt

    from nndesk.run_titles import describe_config
    from nndesk.runs import RunStore
    from nndesk.setting_words import title_key
    from nndesk.training import TrainConfig
    from nndesk.ui.runs_table import SETTINGS
    from nndesk.ui.train_texts import run_headline
    from tests.ui.test_runs_view import make_view, row_of
    from tests.ui.test_training_panel import make_panel

    config = TrainConfig(dataset="mnist", arch="784-16-10", output="sigmoid", loss="bce")
    config = config.to_dict()
    assert " BCE " in describe_config(config, shown=True)
    assert title_key(config) == "BCE: entropy chéo nhị phân"
    assert title_key({**config, "output": "softmax", "loss": "ce"}) == ""  # not in the title

    store = RunStore(tmp_path / "runs")
    record = store.create(config)
    record.status = "completed"
    store.save(record)
    view = make_view(qtbot, store)
    qtbot.waitUntil(lambda: view.row_count() == 1, timeout=60_000)
    tip = view.cell(row_of(view, record.run_id), SETTINGS, Qt.ItemDataRole.ToolTipRole)
    assert "BCE" in tip and "BCE: entropy chéo nhị phân" in tip

    panel = make_panel(qtbot, tmp_path / "page", lambda name: None)
    facts = {"config": config, "steered": {"lr": 0.0005}, "first_epoch": 1}
    facts |= {"continuing": False, "kept": {}, "ended": False}
    panel._say_headline(("run", facts))
    assert panel.title.text() == run_headline(facts) and "BCE" in panel.title.text()
    assert panel.title.toolTip() == "BCE: entropy chéo nhị phân"
    # a rate changed while training reads as the title writes the rate, not "lr 0,0005"
    assert "tốc độ học\u00a00,0005" in panel.title.text() and "lr " not in panel.title.text()
