"""The Train form shows every value ``settings_schema`` accepts, and gives it back unchanged."""

from __future__ import annotations

import pytest

from nndesk.controllers.training import TrainingController
from nndesk.errors import ConfigError
from nndesk.nn.serialization import save_model
from nndesk.presets import get_preset
from nndesk.runs import RunStore
from nndesk.settings_schema import BY_NAME, FIELDS, MAX_SEED, Field
from nndesk.training import TrainConfig
from nndesk.ui.form_steering import OWN_ROWS
from nndesk.ui.number_field import number_field
from nndesk.ui.train_form import TrainForm
from tests.ui.conftest import stroke_info, training_page

WAIT_MS = 60_000
#: A value past which a field without an upper bound is still "large" for a test.
LARGE = {int: 10**9, float: 1e6}
#: A step inside an open bound: the form shows up to six decimals more than it usually does.
INSIDE = 1e-6
#: Values with more digits than a field usually shows (a model trained on the command line).
PRECISE = {
    "val_fraction": 0.125,
    "lr": 0.0012345678,
    "momentum": 0.9995,
    "aug_rotate": 12.5,
    "dropout": 0.333,
    "l2": 1.5e-5,
}


def extreme_values(field: Field) -> list:
    """The smallest and largest values ``field`` accepts (a large one when it has no top)."""
    low = field.low + (1 if field.kind is int else INSIDE) * field.low_open
    if field.high is None:
        high = LARGE[field.kind]
    else:
        high = field.high - (1 if field.kind is int else INSIDE) * field.high_open
    values = [field.kind(low), field.kind(high)]
    if field.optional:
        values.append(None)
    return values


CASES = [
    pytest.param(f.name, value, id=f"{f.name}={value}")
    for f in FIELDS
    if f.kind in (int, float) and f.name not in OWN_ROWS
    for value in [*extreme_values(f), *([PRECISE[f.name]] if f.name in PRECISE else [])]
]


@pytest.fixture
def form(qtbot):
    widget = TrainForm()
    qtbot.addWidget(widget)
    return widget


def test_every_shown_number_field_is_tested():
    shown = {f.name for f in FIELDS if f.kind in (int, float) and f.name not in OWN_ROWS}
    assert {name for name, _ in (c.values for c in CASES)} == shown


@pytest.mark.parametrize(("name", "value"), CASES)
def test_each_fields_extreme_valid_values_come_back_unchanged(form, name, value):
    config = TrainConfig().replace(**{name: value}).validate()
    form.set_config(config)
    assert form.is_valid(), form.errors()
    assert getattr(form.config(), name) == value


def test_a_seed_above_two_to_the_31_is_shown_and_used(form):
    form.set_config(TrainConfig(seed=3_000_000_000))
    assert form.config().seed == 3_000_000_000
    form.set_config(TrainConfig(seed=MAX_SEED))
    assert form.config().seed == MAX_SEED


def test_a_value_the_form_cannot_show_is_refused_and_every_field_keeps_its_own(form):
    before = form.config()
    with pytest.raises(ConfigError, match="schedule_step|Every"):
        form.set_config(TrainConfig(epochs=7, schedule_step=2**40))
    assert form.config() == before


@pytest.mark.parametrize("text", ["20", "1e-9"])
def test_a_learning_rate_field_takes_what_the_schema_takes(qtbot, text):
    field = number_field(BY_NAME["lr"])
    qtbot.addWidget(field)
    field.setText(text)
    assert field.value() == float(text)
    field.setText("0")
    with pytest.raises(ConfigError):
        field.value()


@pytest.mark.parametrize(
    "name", [f.name for f in FIELDS if f.kind is float and f.low == 0 and f.low_open]
)
def test_a_number_under_an_open_bound_of_0_and_0_are_refused_for_one_reason(qtbot, name):
    """verify63 V9: a learning rate of "-1" was "must be 0 or more", the 0 then typed "must be
    greater than 0"; one rule, one reason (the Train form's fields and the Race lanes')."""
    field = number_field(BY_NAME[name])
    qtbot.addWidget(field)
    reasons = set()
    for text in ("-1", "0", "-1e-9"):
        field.setText(text)
        with pytest.raises(ConfigError) as refused:
            field.value()
        reasons.add(str(refused.value))
    assert reasons == {"must be greater than 0"}


def model_file(tmp_path, **settings):
    """A 784-10 MNIST model file whose saved training settings are ``TrainConfig(**settings)``
    (its layers fit MNIST's 10 classes: the form refuses others, lab56 D11)."""
    import numpy as np

    from nndesk.nn.architecture import build_model

    config = TrainConfig(arch="784-10", **settings)
    names = [f"c{i}" for i in range(10)]
    info = {**stroke_info(), "class_names": names, "config": config.to_dict()}
    return save_model(
        tmp_path / "settings.npz", build_model("784-10", rng=np.random.default_rng(0)), info
    )


@pytest.fixture
def page(qtbot, tmp_path):
    store = RunStore(tmp_path / "runs")
    widget = training_page(TrainingController(store=store))
    qtbot.addWidget(widget)
    yield widget
    widget.shutdown()


def test_a_model_saved_with_a_seed_above_two_to_the_31_opens_with_its_settings(
    qtbot, page, tmp_path
):
    with qtbot.waitSignal(page.model_ready, timeout=WAIT_MS):
        page.load_model(model_file(tmp_path, seed=3_000_000_000))
    assert page.message_box() is None
    assert page.form.config().seed == 3_000_000_000
    assert page.resume_button.isEnabled()


def test_a_model_whose_settings_the_form_cannot_show_says_so_and_still_opens(qtbot, page, tmp_path):
    with qtbot.waitSignal(page.model_ready, timeout=WAIT_MS):
        page.load_model(model_file(tmp_path, schedule_step=2**40))
    box = page.message_box()
    assert "settings.npz: its training settings are not usable" in box.text()
    assert "Every: this form shows 1 to 2,147,483,647, not 1,099,511,627,776" in box.text()
    assert page.form.config().schedule_step != 2**40


@pytest.mark.parametrize("code", ["en", "vi"])
def test_a_tiny_number_shows_as_a_power_of_ten_and_reads_back(qapp, code):
    """The form showed "Epsilon 1e-07" where the Inside page writes "1×10⁻⁵" (walk w22c): a
    number field shows an exponent as a power of ten, and reads it back exactly, as it reads
    what a person types ("1e-7", "0,001")."""
    from hypothesis import given, settings
    from hypothesis import strategies as st

    from nndesk.ui import language
    from nndesk.ui.number_field import NumberField

    assert language.use_language(code) == code
    try:
        field = NumberField(0.0, 1.0)
        field.set_value(1e-07)
        assert field.text() == "1×10⁻⁷" and field.value() == 1e-07
        field.set_value(0.001)
        assert field.text() == ("0,001" if code == "vi" else "0.001")
        for typed, value in (("1e-7", 1e-7), ("2,5e-3", 2.5e-3), ("3×10⁻⁴", 3e-4)):
            field.setText(typed)
            assert field.value() == value, typed

        @settings(max_examples=200, deadline=None)
        @given(st.floats(min_value=0.0, max_value=1.0, allow_subnormal=False))
        def shown_then_read(v):
            field.set_value(v)
            # as exactly as before: the shortest of 6 to 12 digits that reads back
            assert "e" not in field.text().lower(), field.text()
            assert field.value() == pytest.approx(v, rel=1e-11, abs=0), field.text()

        shown_then_read()
    finally:
        language.use_language("en")


def test_settings_shown_in_the_form_are_named_by_the_preset_box_only_when_they_are_its(qtbot):
    # a loaded model's settings (or a rebuilt window's) filled the fields and left the box
    # naming the preset chosen before, over other settings
    from nndesk.presets import get_preset

    form = TrainForm()
    qtbot.addWidget(form)
    form.apply_preset("mnist-gd")
    cnn = get_preset("fashion-cnn-lab").config

    form.set_config(cnn.replace(epochs=1))
    assert form.preset.currentData() == "" and form.preset_note.isHidden()
    assert form.config() == cnn.replace(epochs=1)

    form.set_config(cnn)
    assert form.preset.currentData() == "fashion-cnn-lab"
    assert "784-c32" in form.preset_note.text()


def test_typing_in_layers_after_a_preset_keeps_the_form_under_the_pointer(qtbot):
    """walk54b: typing in Layers made the preset "custom", its description went and the form
    jumped ~45 px up under the pointer, mid-word."""
    from PySide6.QtWidgets import QApplication

    form = TrainForm()
    qtbot.addWidget(form)
    form.resize(520, 900)
    form.show()
    qtbot.waitUntil(form.isVisible)
    form.apply_preset("fashion-mlp-lab")
    QApplication.processEvents()
    assert form.preset_note.isVisible()

    def arch_top() -> int:
        return form.arch.mapTo(form, form.arch.rect().topLeft()).y()

    before = arch_top()
    form.arch.setFocus()
    qtbot.keyClick(form.arch, "5")
    QApplication.processEvents()
    assert form.preset.currentData() == ""
    assert arch_top() == before
    assert "fashion-mlp-lab" in form.preset_note.text()  # says what it was edited from
    form.apply_preset("mnist-gd")  # a preset again: its own note, its own height
    QApplication.processEvents()
    assert form.preset_note.minimumHeight() == 0


@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_seed_fields_help_names_no_threads_field_the_form_does_not_have(qtbot, code):
    """split55: Shift+F1 on the form's Seed said "set Threads (1) to repeat a run exactly"
    (the schema's help, written for the command line): the form has no Threads field
    (OWN_ROWS). It names the command line's --threads 1 instead, in the window's language."""
    from PySide6.QtWidgets import QLineEdit

    from nndesk.ui import language
    from nndesk.ui.whats_this import explanation

    assert "threads" in OWN_ROWS  # the form shows no Threads field
    assert language.use_language(code) == code
    try:
        form = TrainForm()
        qtbot.addWidget(form)
        clicked = form.seed.findChild(QLineEdit) or form.seed  # where a Shift+F1 click lands
        help_text = explanation(clicked)
    finally:
        language.use_language("en")
    for field in ("Threads", "Số luồng"):
        assert field not in help_text, help_text
    assert "nndesk train --threads 1" in help_text, help_text


def test_a_field_edited_and_put_back_names_the_preset_again_with_its_note(qtbot):
    """lab56 D6: a rate typed wrong then right again (every field equal to the preset) left
    the box on "custom — edited from fashion-prelu-l2", and the note with the preset's
    measured and lab figures was gone."""
    from PySide6.QtWidgets import QApplication

    form = TrainForm()
    qtbot.addWidget(form)
    form.show()
    form.apply_preset("fashion-prelu-l2")
    note = form.preset_note.text()
    rate = form.lr.text()
    form.lr.setFocus()
    form.lr.selectAll()
    qtbot.keyClicks(form.lr, "0.0o05")
    QApplication.processEvents()
    assert form.preset.currentData() == "" and "edited from" in form.preset_note.text()
    form.lr.selectAll()
    qtbot.keyClicks(form.lr, rate)
    QApplication.processEvents()
    assert form.preset.currentData() == "fashion-prelu-l2"
    assert form.preset_note.text() == note and form.preset_note.isVisible()
    # a real change stays custom; the Layers field put back names it again too
    arch = form.arch.text()
    form.arch.setText(arch + "0")
    assert form.preset.currentData() == ""
    form.arch.setText(arch)
    assert form.preset.currentData() == "fashion-prelu-l2"


def test_garment_sketches_are_not_offered_for_digits_and_a_left_share_does_not_act(form):
    # walk59 D8: "Share of sketches" (garments redrawn) stood, enabled, under MNIST
    form.set_config(TrainConfig(dataset="fashion", sketch=0.5))
    sketch = form._editors["sketch"].widget
    assert not sketch.isHidden() and form.config().sketch == 0.5
    form.dataset.setCurrentIndex(form.dataset.findData("mnist"))
    assert sketch.isHidden()
    assert form.config().sketch == 0.0  # hidden, so off: the digits are not redrawn as clothes
    form.dataset.setCurrentIndex(form.dataset.findData("fashion"))
    assert not sketch.isHidden() and form.config().sketch == 0.5


def test_the_preset_box_lists_the_datasets_own_presets_first_and_keeps_the_choice(form):
    # walk59 D9: in Digits a teacher passed four garment presets before the first digit one
    from nndesk.presets import list_presets

    def listed() -> list[str]:
        return [form.preset.itemData(i) for i in range(form.preset.count())]

    for dataset in ("mnist", "fashion"):
        form.follow_mode("digits" if dataset == "mnist" else "garments")
        names = [name for name in listed() if name]  # custom and the separator hold no name
        own = [p.name for p in list_presets() if p.config.dataset == dataset]
        assert names[: len(own)] == own and len(names) == len(list_presets())
        assert listed()[0] == ""  # custom stays first
    form.apply_preset("mnist-gd")
    form.dataset.setCurrentIndex(form.dataset.findData("fashion"))
    assert form.preset.currentData() == ""  # an edit: custom, and the list reordered under it
    form.dataset.setCurrentIndex(form.dataset.findData("mnist"))
    assert form.preset.currentData() == "mnist-gd"


def test_each_mode_keeps_its_own_form(form):
    """walk59 D13: the MNIST lab prepared in Digits came back from Clothing as the Fashion
    lab's net on MNIST; each mode now shows its own form again."""
    form.follow_mode("digits")
    form.apply_preset("mnist-relu-3x784")
    form.epochs.setValue(3)  # the teacher's own set-up: custom
    digits = form.config()
    assert form.preset.currentData() == "" and digits.dataset == "mnist"

    form.follow_mode("garments")  # first time in Clothing: the values go over to Fashion-MNIST
    assert form.config() == digits.replace(dataset="fashion")
    form.apply_preset("fashion-cnn-lab")
    form.epochs.setValue(1)
    garments = form.config()

    form.follow_mode("digits")
    assert form.config() == digits and form.preset.currentData() == ""
    form.follow_mode("garments")
    assert form.config() == garments

    form.apply_preset("fashion-mlp-128")  # a named preset comes back named
    form.follow_mode("digits")
    form.follow_mode("garments")
    assert form.preset.currentData() == "fashion-mlp-128"
    assert form.config() == get_preset("fashion-mlp-128").config


def test_a_custom_form_brought_back_says_again_which_preset_it_was_edited_from(form):
    """verify60 D-G: the custom form came back from the other mode without its "Custom
    settings, edited from fashion-mlp-lab …" line under the Preset box."""
    form.show()
    form.follow_mode("garments")
    form.apply_preset("fashion-mlp-lab")
    form.epochs.setValue(2)  # the student's own set-up: custom, edited from the lab
    note = form.preset_note.text()
    assert form.preset.currentData() == "" and "edited from fashion-mlp-lab" in note
    edited = form.config()

    form.follow_mode("digits")
    form.follow_mode("garments")
    assert form.config() == edited and form.preset.currentData() == ""
    assert form.preset_note.text() == note and form.preset_note.isVisible()
    form.epochs.setValue(get_preset("fashion-mlp-lab").config.epochs)  # put back: named again
    assert form.preset.currentData() == "fashion-mlp-lab"


def test_custom_settings_from_no_preset_come_back_without_an_edited_from_line(form):
    form.show()
    form.follow_mode("garments")
    form.set_config(get_preset("fashion-cnn-lab").config.replace(epochs=2))  # a model's
    assert form.preset.currentData() == "" and form.preset_note.isHidden()
    form.follow_mode("digits")
    form.follow_mode("garments")
    assert form.preset.currentData() == "" and form.preset_note.isHidden()


def test_a_form_on_the_new_modes_dataset_or_half_typed_is_not_replaced(form, tmp_path):
    form.follow_mode("digits")
    form.apply_preset("mnist-gd")
    form.follow_mode("garments")  # Digits' form kept
    form.follow_mode("digits")
    assert form.preset.currentData() == "mnist-gd"
    # a Fashion-MNIST model's settings loaded in Digits: the window then takes Clothing mode,
    # and the form it shows is the model's, not the one Clothing had
    model = get_preset("fashion-cnn-lab").config.replace(epochs=2)
    form.set_config(model)
    form.follow_mode("garments")
    assert form.config() == model
    # an epoch count being typed: the fields stay as they are, on the new dataset
    form.epochs.lineEdit().setText("")
    assert not form.is_valid()
    form.follow_mode("digits")
    assert form.dataset.currentData() == "mnist" and "epochs" in form.errors()
    assert form.arch.text() == model.arch  # the model's, not Digits' kept mnist-gd


def test_the_kept_forms_go_over_to_a_window_in_another_language(qtbot, tmp_path):
    def page(folder):
        panel = training_page(TrainingController(store=RunStore(tmp_path / folder)))
        qtbot.addWidget(panel)
        return panel

    panel = page("runs")
    panel.follow_mode("digits")
    panel.form.apply_preset("mnist-sigmoid-raw")
    panel.follow_mode("garments")
    rebuilt = page("other")
    rebuilt.follow_mode("garments")  # as the window's wiring does before the state comes in
    rebuilt.restore_page_state(panel.page_state())
    rebuilt.follow_mode("digits")
    assert rebuilt.form.preset.currentData() == "mnist-sigmoid-raw"
    assert rebuilt.form.config() == get_preset("mnist-sigmoid-raw").config


def test_a_custom_forms_edited_from_line_goes_over_to_a_window_in_another_language(qtbot, tmp_path):
    def page(folder):
        panel = training_page(TrainingController(store=RunStore(tmp_path / folder)))
        qtbot.addWidget(panel)
        return panel

    panel = page("runs")
    panel.follow_mode("garments")
    panel.form.apply_preset("fashion-prelu-l2")
    panel.form.epochs.setValue(1)
    note = panel.form.preset_note.text()
    assert "edited from fashion-prelu-l2" in note
    rebuilt = page("other")
    rebuilt.follow_mode("garments")
    rebuilt.restore_page_state(panel.page_state())
    assert rebuilt.form.preset.currentData() == "" and rebuilt.form.preset_note.text() == note


def test_full_batch_gradient_descent_greys_the_batch_size_and_says_why(form):
    """verify68 #3: with "gradient descent (full batch)" chosen the form took batch 60 and
    trained 900 mini-batches an epoch, the run named "(full batch) … batch 60". While it is
    chosen Batch size says "full batch", greyed, its tooltip saying why; the size typed
    before comes back with another optimizer."""
    from nndesk.ui.setting_editor import set_combo

    batch = form._editors["batch_size"].widget
    own = BY_NAME["batch_size"].help  # its tooltip (English here)
    form.set_config(TrainConfig(optimizer="sgd", batch_size=60))
    assert batch.isEnabled() and form.config().batch_size == 60
    set_combo(form._editors["optimizer"].widget, "gd")
    assert not batch.isEnabled() and batch.value() == 0
    assert "choose another optimizer" in batch.toolTip(), batch.toolTip()
    config = form.config()
    assert (config.optimizer, config.batch_size) == ("gd", 0)
    set_combo(form._editors["optimizer"].widget, "adam")
    assert batch.isEnabled() and batch.value() == 60
    assert batch.toolTip() == own
    # a running gd run's field is the steering's; after it, held again
    form.set_config(get_preset("mnist-gd").config)
    form.set_steering(form.config())
    assert batch.toolTip() == own
    form.set_steering(None)
    assert not batch.isEnabled() and "choose another optimizer" in batch.toolTip()


def test_gradient_descent_given_batches_is_named_sgd_wherever_its_settings_go():
    """verify68 #3: "gd" is plain SGD over whatever batch the loop gives: settings of gd with
    batches (a model or run of before, a file) read as sgd, so the run's name, the Runs table
    and the exported code say what trained."""
    from nndesk.run_titles import describe_config

    config = TrainConfig.from_dict({**get_preset("mnist-gd").config.to_dict(), "batch_size": 60})
    assert (config.optimizer, config.batch_size) == ("sgd", 60)
    assert "full batch" not in describe_config(config.to_dict(), shown=True)
    assert TrainConfig(optimizer="gd", batch_size=0).optimizer == "gd"
    assert get_preset("mnist-gd").config.replace(batch_size=128).optimizer == "sgd"
