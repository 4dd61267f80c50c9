"""The Race tab races whole labs (walk60 D9): a lane from a preset or the Train form keeps its
own L2, schedule and batch size, shown under its boxes and editable, and trains with them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nndesk.controllers.race import RaceController
from nndesk.presets import get_preset
from nndesk.runs import RunStore
from tests.ui.conftest import race_training_page
from tests.ui.test_training_panel import tiny_dataset  # noqa: F401 - the dataset fixture

WAIT_MS = 60_000


@pytest.fixture
def page(qtbot, tiny_dataset, tmp_path):  # noqa: F811
    # Clothing: the lanes start from fashion-mlp-lab
    with race_training_page(qtbot, tiny_dataset, tmp_path, "garments") as panel:
        yield panel


def _two_labs(view) -> None:
    """The PReLU lab against the plain ReLU lab, as the walk wanted them: Width's two lanes,
    the PReLU lab added from "+ Add a lab…", the 128-unit lane removed."""
    width = next(
        i for i in range(view.comparison.count()) if "Width" in view.comparison.itemText(i)
    )
    view.comparison.setCurrentIndex(width)
    view.comparison.activated.emit(width)
    prelu = dict(view.lab_choices())["fashion-prelu-l2"]
    assert view.add_lab_lane("fashion-prelu-l2", prelu)
    view.remove_lane(view.rows[1])
    view.epochs.setValue(1)


def test_a_race_of_two_labs_trains_each_lane_with_its_own_l2_schedule_and_batch(qtbot, page):
    view = page.race_view
    _two_labs(view)
    assert [row.name.text() for row in view.rows] == ["64 units", "fashion-prelu-l2"]
    prelu = get_preset("fashion-prelu-l2").config
    # shown under the lane's boxes: its batch size, L2 and schedule
    assert "L2 0.0008" in view.rows[1].settings.text() and "exp" in view.rows[1].settings.text()
    assert "L2 0 " in view.rows[0].settings.text() + " "
    # the shared line no longer claims an L2 or a schedule for every lane
    assert "L2" not in view.shared.text() and "schedule" not in view.shared.text()
    lanes = view.lanes()
    mlp, lab = (lane.config for lane in lanes)
    assert (lab.l2, lab.schedule, lab.schedule_step, lab.schedule_rate) == (
        prelu.l2, prelu.schedule, prelu.schedule_step, prelu.schedule_rate
    )  # fmt: skip
    assert (lab.activation, lab.arch, lab.lr, lab.init) == (
        prelu.activation, prelu.arch, prelu.lr, prelu.init
    )  # fmt: skip
    assert (mlp.l2, mlp.schedule, mlp.activation) == (0.0, "constant", "relu")
    # the race's own epochs, seed and images for both: its Epochs field, not the lab's 20;
    # each lab's own validation split (fixM)
    assert lab.epochs == mlp.epochs == 1 and (mlp.val_fraction, lab.val_fraction) == (0.0, 0.1)
    # each lane named by what a student changes on purpose (never an incidental init)
    assert "L2 0.0008" in lanes[1].name and "schedule exp" in lanes[1].name
    assert "init" not in lanes[1].name and "L2 0" in lanes[0].name

    with qtbot.waitSignal(page.race.finished_race, timeout=WAIT_MS):
        qtbot.mouseClick(view.race_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.race.is_running(), timeout=WAIT_MS)
    trained = [s.config for s in page.race.finished().sessions]
    assert [(c.l2, c.schedule) for c in trained] == [(0.0, "constant"), (0.0008, "exp")]
    assert "L2 0.0008" in view.table.name(1)


def test_a_lanes_own_settings_are_edited_in_their_dialog(qtbot, page):
    view = page.race_view
    row = view.rows[0]
    qtbot.mouseClick(row.settings, Qt.MouseButton.LeftButton)
    dialog = view.lane_settings_dialog
    assert dialog is not None and dialog.isVisible()
    dialog.editors["l2"].set_value(0.001)
    dialog.editors["schedule"].set_value("step")
    dialog.editors["batch_size"].set_value(64)
    # a step schedule's own numbers show; an exp schedule's rate does not
    assert dialog.editors["schedule_gamma"].widget.isVisibleTo(dialog)
    assert not dialog.editors["schedule_rate"].widget.isVisibleTo(dialog)
    dialog.accept()
    qtbot.waitUntil(lambda: view.lane_settings_dialog is None)
    assert "L2 0.001" in row.settings.text() and "64" in row.settings.text()
    config = view.lanes()[0].config
    assert (config.l2, config.schedule, config.batch_size) == (0.001, "step", 64)
    assert view.lanes()[1].config.l2 == 0.0  # the other lane keeps its own
    assert "L2" not in view.shared.text()


def test_a_refused_value_keeps_the_dialog_open_with_why(qtbot, page):
    view = page.race_view
    view.edit_lane_settings(view.rows[0])
    dialog = view.lane_settings_dialog
    dialog.editors["l2"].widget.setText("-1")
    dialog.accept()
    assert dialog.isVisible() and dialog.error.text()
    dialog.reject()
    qtbot.waitUntil(lambda: view.lane_settings_dialog is None)
    assert view.lanes()[0].config.l2 == 0.0


def test_the_train_forms_settings_race_as_a_lane(qtbot, page):
    page.form.set_config(get_preset("fashion-prelu-l2").config, "fashion-prelu-l2")
    view = page.race_view
    assert view.add_form_lane()
    row = view.rows[-1]
    assert row.name.text() == "fashion-prelu-l2"
    config = view.lanes()[-1].config
    assert (config.l2, config.schedule, config.activation) == (0.0008, "exp", "prelu")
    # a fifth lane is refused with a reason
    view.add_lane()
    assert len(view.rows) == 4
    assert not view.add_form_lane() and view.error.text()


def test_lane_settings_come_back_in_a_window_rebuilt_in_another_language(qtbot, page, tmp_path):
    """A language switch rebuilds the window: each lane's own settings come back with it."""
    from nndesk.ui.race_view import RaceView

    view = page.race_view
    _two_labs(view)
    choice = view.lanes_choice()
    other = RaceView(RaceController(lambda name: None, RunStore(tmp_path / "other")))
    qtbot.addWidget(other)
    other.follow_mode("garments")
    other.restore_lanes_choice(choice)
    other.epochs.setValue(1)  # a kept choice of its own (kept_choices "race-epochs")
    QApplication.processEvents()
    assert [r.name.text() for r in other.rows] == ["64 units", "fashion-prelu-l2"]
    before = [lane.config for lane in view.lanes()]
    after = [lane.config for lane in other.lanes()]
    assert after == before


def test_the_shared_line_names_no_setting_of_one_lanes_own_schedule(qtbot, page):
    """The exp lab beside lanes of a constant rate: "every 10, decay rate 0.1" was said as
    shared by every lane (the real window, this stop)."""
    view = page.race_view
    _two_labs(view)
    shared = view.shared.text()
    assert "decay rate" not in shared and "every 10" not in shared
    assert "PReLU slope" not in shared  # the lab's PReLU alone has one


def test_the_summary_over_the_chart_says_each_lanes_values_once(qtbot, page):
    """The real window: "fashion-prelu-l2, PReLU …, schedule exp (schedule exp)"."""
    from nndesk.ui.race_words import lanes_text

    view = page.race_view
    _two_labs(view)
    text = lanes_text(view.lanes())
    assert text.count("schedule exp") == 1 and text.count("L2 0.0008") == 1, text


def test_lanes_of_their_own_batch_sizes_are_said_so_over_the_chart(qtbot, page):
    """The real window: the line over the chart said "fashion-mlp-lab's settings: …, batch
    size 32" over a lane that trained in batches of 64."""
    view = page.race_view
    _two_labs(view)
    view.rows[1].set_own(view.rows[1].own.replace(batch_size=64))
    with qtbot.waitSignal(page.race.finished_race, timeout=WAIT_MS):
        qtbot.mouseClick(view.race_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.race.is_running(), timeout=WAIT_MS)
    assert "batch size" not in view.lanes_summary.text()
    assert len(set(page.race.lane_batches)) == 2
    # how far a race of two batch sizes is: the share of the epoch, not one lane's batches
    assert view._progress_text() == "Racing: epoch 1 of 1, 100% of it"


def _menu_action(menu, text: str):
    (action,) = [a for a in menu.actions() if a.text() == text]
    return action


def test_two_labs_race_alone_from_one_choice_of_the_add_a_lab_menu(qtbot, page):
    """fixD 3: lab against lab took six clicks (add each lab beside the comparison's lanes,
    then remove those). "+ Add a lab… > Lab against lab > fashion-prelu-l2 against >
    fashion-mlp-lab" makes them the race's two lanes, each with its own settings."""
    view = page.race_view
    view.lab_menu.aboutToShow.emit()  # as the button's popup fills it
    pairs = _menu_action(view.lab_menu, "Lab against lab").menu()
    against = _menu_action(pairs, "fashion-prelu-l2 against").menu()
    assert "fashion-prelu-l2" not in [a.text() for a in against.actions()]
    _menu_action(against, "fashion-mlp-lab").trigger()
    assert [row.name.text() for row in view.rows] == ["fashion-prelu-l2", "fashion-mlp-lab"]
    prelu, mlp = (lane.config for lane in view.lanes())
    want = get_preset("fashion-prelu-l2").config
    assert (prelu.arch, prelu.activation, prelu.l2, prelu.schedule) == (
        want.arch, want.activation, want.l2, want.schedule
    )  # fmt: skip
    assert (mlp.activation, mlp.l2) == (get_preset("fashion-mlp-lab").config.activation, 0.0)
    assert view.comparison.currentData() == -1  # no comparison's lanes left
    assert prelu.epochs == mlp.epochs == view.epochs.value()  # the race's, as for one lab


def test_the_add_a_lab_buttons_arrow_has_room_beside_its_name(page):
    """verify64 D-E: "+ Add a lab…" drew its menu's arrow over the "…" of its name (a tool
    button's instant popup leaves the arrow no room of its own)."""
    from PySide6.QtWidgets import QStyle

    button = page.race_view.lab_button
    assert button.menu() is page.race_view.lab_menu
    style = button.style()
    name = button.fontMetrics().horizontalAdvance(button.text())
    arrow = style.pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, None, button)
    margins = 2 * style.pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, None, button)
    assert button.sizeHint().width() >= name + arrow + margins


def test_lab_against_lab_races_and_keeps_each_lane_as_its_own_lab(qtbot, page):
    """walk70 H1: "Lab against lab" fashion-prelu-l2 against fashion-prelu-l2-plus, chosen
    while the tab showed a comparison of fashion-mlp-lab, said "fashion-mlp-lab's settings",
    raced both lanes without the labs' 10 % validation split and kept them as
    fashion-mlp-lab's runs. The first lab starts the race; each lane is kept as its own lab."""
    from nndesk.presets import PresetOrigin

    view = page.race_view
    assert view.preset_name() == "fashion-mlp-lab"  # the tab opens on a comparison of it
    view.lab_menu.aboutToShow.emit()
    pairs = _menu_action(view.lab_menu, "Lab against lab").menu()
    against = _menu_action(pairs, "fashion-prelu-l2 against").menu()
    _menu_action(against, "fashion-prelu-l2-plus").trigger()
    view.epochs.setValue(1)
    assert "fashion-prelu-l2's settings" in view.shared.text()
    assert "fashion-mlp-lab" not in view.shared.text()
    assert "validation 10%" in view.shared.text(), view.shared.text()
    want = get_preset("fashion-prelu-l2").config.val_fraction
    assert [lane.config.val_fraction for lane in view.lanes()] == [want, want] == [0.1, 0.1]

    with qtbot.waitSignal(page.race.finished_race, timeout=WAIT_MS):
        qtbot.mouseClick(view.race_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.race.is_running(), timeout=WAIT_MS)
    assert "fashion-mlp-lab" not in view.lanes_summary.text()
    stored = []
    for lane in (0, 1):
        with qtbot.waitSignal(page.race.kept, timeout=WAIT_MS) as kept:
            page.race.keep(lane)
        record = page.race.store.load(kept.args[1].run_id)
        stored.append((record.preset, record.config["val_fraction"]))
    # one epoch of the labs' 20: changed, but each its own lab, on its own split
    assert stored == [
        (PresetOrigin("fashion-prelu-l2", changed=True), 0.1),
        (PresetOrigin("fashion-prelu-l2-plus", changed=True), 0.1),
    ]


def test_a_comparison_chosen_after_lab_against_lab_starts_from_its_own_preset(
    qtbot, page, tmp_path
):
    """The lab raced against another is the start only until a comparison is chosen again;
    a window rebuilt in another language keeps it."""
    from nndesk.ui.race_view import RaceView

    view = page.race_view
    view.race_two_labs("fashion-prelu-l2-plus", "fashion-mlp-lab")
    assert view.preset_name() == "fashion-prelu-l2-plus"
    other = RaceView(RaceController(lambda name: None, RunStore(tmp_path / "other")))
    qtbot.addWidget(other)
    other.follow_mode("garments")
    other.restore_lanes_choice(view.lanes_choice())
    assert other.preset_name() == "fashion-prelu-l2-plus"
    assert "fashion-prelu-l2-plus's settings" in other.shared.text()
    view.comparison.activated.emit(view.comparison.findData(0))
    assert view.preset_name() == "fashion-mlp-lab"
    assert view.lanes()[0].config.val_fraction == 0.0


def test_labs_of_other_splits_race_each_on_its_own_and_are_kept_unchanged(qtbot, page):
    """fixM: two labs whose validation splits differ raced on the first's (one split fed
    every lane), and the second was kept as "its own lab, changed". Each lane now trains on
    its own lab's split, the line above the lanes says so, and raced at the labs' own epochs
    and seed each is kept as its lab, unchanged."""
    from nndesk.presets import PresetOrigin

    view = page.race_view
    view.race_two_labs("fashion-mlp-lab", "fashion-mlp-3layers")
    view.epochs.setValue(5)  # both labs' own
    line = view.shared.text()
    assert "validation 0%" not in line.split(".")[0]  # no longer "shared by every lane"
    assert "own lab's validation split (" in line and "augmentation (" not in line, line
    assert "fashion-mlp-lab: validation 0%; fashion-mlp-3layers: validation 10%" in line, line
    assert [lane.config.val_fraction for lane in view.lanes()] == [0.0, 0.1]

    with qtbot.waitSignal(page.race.finished_race, timeout=WAIT_MS):
        qtbot.mouseClick(view.race_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.race.is_running(), timeout=WAIT_MS)
    sessions = page.race.finished().sessions
    trained = len(sessions[0].y_train)
    assert [len(s.y_val) for s in sessions] == [0, round(0.1 * trained)]
    assert sessions[0].x_train is sessions[1].x_train  # one copy of the images
    stored = []
    for lane in (0, 1):
        with qtbot.waitSignal(page.race.kept, timeout=WAIT_MS) as kept:
            page.race.keep(lane)
        record = page.race.store.load(kept.args[1].run_id)
        stored.append((record.preset, record.config["val_fraction"]))
    assert stored == [
        (PresetOrigin("fashion-mlp-lab", changed=False), 0.0),
        (PresetOrigin("fashion-mlp-3layers", changed=False), 0.1),
    ]


def test_a_lab_of_another_dataset_is_refused_before_the_start_in_one_line(page):
    """A lane of the Train form's settings on another dataset (an image folder) cannot race
    the race's images: one line says so, the lanes stay as they were."""
    from nndesk.training import TrainConfig

    view = page.race_view
    before = [row.name.text() for row in view.rows]
    folder = TrainConfig(dataset="/somewhere/my-garments", arch="784-32-10")
    assert not view.add_lab_lane("my garments", folder)
    assert [row.name.text() for row in view.rows] == before
    said = view.error.text()
    assert "\n" not in said and "my garments" in said and "Fashion-MNIST" in said, said


def test_the_line_names_only_the_data_settings_the_lanes_differ_in(qapp):
    """Lanes of one split, one augmented: the line says augmentation alone, with its values;
    lanes that share them all say nothing of their own (the same images in the same order)."""
    from nndesk.training import TrainConfig
    from nndesk.ui.race_words import own_data, shared_line

    plain = TrainConfig(val_fraction=0.1).to_dict()
    shifted = {**plain, "augment": True}
    said = own_data(["A", "B"], [plain, shifted])
    assert said.startswith("Each lane keeps its own lab's augmentation (A: augment off; B: ")
    assert "validation" not in said and "same random shifts" in said
    assert own_data(["A", "B"], [plain, plain]) == ""
    assert "same images in the same order" in shared_line("lab", ["MNIST"], "")
    assert shared_line("lab", ["MNIST"], said).endswith(said)
