"""The Dataset page: samples per class, distribution, mean images, first images, counts."""

from __future__ import annotations

from types import SimpleNamespace

import numpy as np
import pytest

from nndesk.controllers.evaluation import DatasetController
from nndesk.errors import DataError
from nndesk.ui.dataset_view import SAMPLES_PER_CLASS, DatasetView

NAMES = ("ring", "bar", "dot")


def toy_dataset(name="toy"):
    rng = np.random.default_rng(0)
    train_labels = np.repeat(np.arange(3), [30, 20, 12]).astype(np.int64)
    rng.shuffle(train_labels)
    test_labels = np.array([2, 0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 2], dtype=np.int64)
    # class k images are filled with brightness 50 * (k + 1), so the mean image is known
    train_images = (50 * (train_labels + 1)).astype(np.uint8)[:, None, None] * np.ones(
        (1, 28, 28), np.uint8
    )
    test_images = (50 * (test_labels + 1)).astype(np.uint8)[:, None, None] * np.ones(
        (1, 28, 28), np.uint8
    )
    train_images[:, 0, 0] = np.arange(len(train_labels))  # every training image is unique
    return SimpleNamespace(
        name=name,
        class_names=NAMES,
        train_images=train_images,
        train_labels=train_labels,
        test_images=test_images,
        test_labels=test_labels,
    )


@pytest.fixture
def controller():
    """The view's controller, as the window builds it and hands it over."""
    built = DatasetController(lambda name: toy_dataset(name))
    yield built
    built.shutdown()


@pytest.fixture
def view(qtbot, controller):
    widget = DatasetView(controller, names=("toy",), rng=np.random.default_rng(1))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    with qtbot.waitSignal(controller.loaded, timeout=10_000):
        widget.show()
    return widget


def test_counts_per_split_and_total(view):
    rows = [[view.count_cell(r, c) for c in range(3)] for r in range(view.counts.rowCount())]
    assert rows == [
        ["ring", "30", "5"],
        ["bar", "20", "4"],
        ["dot", "12", "3"],
        ["Total", "62", "12"],
    ]
    assert "62 training and 12 test images" in view.status.text()


def test_samples_are_random_images_of_each_class(view):
    labels = view.summary().dataset.train_labels
    assert len(view.sample_indices) == 3
    for k, idx in enumerate(view.sample_indices):
        assert len(idx) == min(SAMPLES_PER_CLASS, np.sum(labels == k))
        assert np.all(labels[idx] == k)
    before = [i.copy() for i in view.sample_indices]
    view.shuffle_button.click()
    assert any(not np.array_equal(a, b) for a, b in zip(before, view.sample_indices, strict=True))


def test_label_bar_and_pie_follow_the_chosen_split(view):
    bar_ax, pie_ax = view.labels_figure.axes
    assert [p.get_height() for p in bar_ax.patches] == [30, 20, 12]
    view.split_combo.setCurrentIndex(view.split_combo.findData("test"))
    bar_ax, pie_ax = view.labels_figure.axes
    assert [p.get_height() for p in bar_ax.patches] == [5, 4, 3]
    spans = [abs(w.theta2 - w.theta1) for w in pie_ax.patches]
    np.testing.assert_allclose(spans, [150, 120, 90], atol=1e-6)
    assert all(
        np.all(view.summary().dataset.test_labels[i] == k)
        for k, i in enumerate(view.sample_indices)
    )


def test_mean_images_are_the_class_averages(view):
    means = view.summary().means["train"]
    np.testing.assert_allclose(means[:, 5, 5], [50, 100, 150])
    (ax,) = view.means_figure.axes
    assert [t.get_text() for t in ax.texts] == list(NAMES)


def test_train0_and_test0_are_shown_with_their_labels(view):
    ds = view.summary().dataset
    titles = [ax.get_title() for ax in view.first_figure.axes]
    assert titles[0].startswith("train[0]") and f"label {ds.train_labels[0]}" in titles[0]
    assert titles[1].startswith("test[0]") and "label 2: dot" in titles[1]
    shown = view.first_figure.axes[1].images[0].get_array()
    np.testing.assert_array_equal(shown, ds.test_images[0])


def test_save_chart_writes_a_png(view, tmp_path):
    path = tmp_path / "chart.png"
    view._ask_path = lambda default: str(path)
    view.tabs.setCurrentIndex(1)
    view.save_button.click()
    assert path.read_bytes()[:4] == b"\x89PNG"


def test_missing_dataset_shows_how_to_get_it(qtbot):
    def provider(name):
        raise DataError(f"{name} is not on this computer: run `nndesk download {name}`")

    ctl = DatasetController(provider)
    widget = DatasetView(ctl, names=("mnist",))
    qtbot.addWidget(widget)
    with qtbot.waitSignal(ctl.failed, timeout=10_000):
        widget.show()
    ctl.shutdown()
    assert widget.message.isVisible() and "nndesk download mnist" in widget.message.text()
    assert not widget.save_button.isEnabled()


def test_set_classifier_switches_to_its_dataset(qtbot, view, controller):
    with qtbot.waitSignal(controller.loaded, timeout=10_000) as blocker:
        view.set_classifier(SimpleNamespace(dataset="other"))
    assert blocker.args[0].name == "other"
    assert view.dataset_combo.currentData() == "other"


def test_clicking_a_sample_puts_it_on_the_canvas(qtbot, view):
    from PySide6.QtCore import QPoint, Qt

    from nndesk.ui.dataset_view import SAMPLE_GAP

    canvas = view.samples_canvas
    canvas.draw()
    ax = view.samples_figure.axes[0]
    row, col = 2, 3
    x, y = ax.transData.transform((col * (28 + SAMPLE_GAP) + 14, row * (28 + SAMPLE_GAP) + 14))
    ratio = canvas.device_pixel_ratio or 1.0
    pos = QPoint(round(x / ratio), round((view.samples_figure.bbox.height - y) / ratio))
    shown: list[int] = []
    view.test_image_shown.connect(lambda i, name: shown.append(i))
    with qtbot.waitSignal(view.show_on_canvas_requested, timeout=60000) as blocker:
        qtbot.mouseClick(canvas, Qt.MouseButton.LeftButton, pos=pos)
    image, label = blocker.args
    assert shown == []  # a training image has no test index
    i = view.sample_indices[row][col]
    ds = view.summary().dataset
    np.testing.assert_array_equal(image, ds.train_images[i])
    assert label == ds.train_labels[i] == 2


def test_the_first_images_are_titled_in_the_windows_words(qtbot):
    """The Vietnamese window titled them with the code's "train[0]" and "test[0]"; their
    Vietnamese titles stay inside the ~150 px column of a 1024 px window."""
    from nndesk.ui import language

    assert language.use_language("vi") == "vi"
    ctl = DatasetController(lambda name: toy_dataset(name))
    try:
        widget = DatasetView(ctl, names=("toy",), rng=np.random.default_rng(1))
        qtbot.addWidget(widget)
        widget.resize(560, 560)
        with qtbot.waitSignal(ctl.loaded, timeout=10_000):
            widget.show()
        axes = widget.first_figure.axes
        titles = [ax.get_title().replace("\u00a0", " ") for ax in axes]
        assert titles[0].startswith("ảnh huấn luyện đầu tiên\nnhãn "), titles
        assert titles[1].startswith("ảnh kiểm tra đầu tiên\nnhãn 2"), titles
        assert not any("[0]" in t for t in titles)
        canvas = widget.first_canvas
        assert canvas.width() <= 160
        canvas.draw()
        renderer = canvas.get_renderer()
        for ax in axes:
            # the title as drawn: matplotlib wraps a wrap=True text only while drawing it
            ax.title.set_text(ax.title._get_wrapped_text())
            box = ax.title.get_window_extent(renderer)
            assert box.x0 >= 0 and box.x1 <= widget.first_figure.bbox.width, box
    finally:
        ctl.shutdown()
        language.use_language("en")


def test_the_dataset_choice_offers_every_registered_dataset(qtbot, monkeypatch):
    from nndesk.data.registry import DATASETS

    monkeypatch.setitem(DATASETS, "kmnist", DATASETS["mnist"])
    ctl = DatasetController(lambda name: toy_dataset(name))
    widget = DatasetView(ctl)
    qtbot.addWidget(widget)
    combo = widget.dataset_combo
    assert [combo.itemData(i) for i in range(combo.count())] == list(DATASETS)
    ctl.shutdown()


def test_the_charts_of_tabs_not_open_are_made_when_their_tab_opens(qtbot, view):
    """Loading makes the charts on screen only: the label chart and the mean images wait for
    their tabs (made on the GUI thread with the others they doubled its block, unseen)."""
    assert view.labels_canvas.figure.axes == [] and view.means_canvas.figure.axes == []
    drawn = []
    view.labels_canvas.mpl_connect("draw_event", lambda _event: drawn.append(1))
    view.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: bool(drawn))
    bar_ax, _pie_ax = view.labels_canvas.figure.axes
    assert [p.get_height() for p in bar_ax.patches] == [30, 20, 12]
    assert view.means_canvas.figure.axes == []  # still not open


def test_a_chart_made_after_a_theme_switch_is_in_the_new_theme(qtbot, qapp, view):
    import matplotlib
    from matplotlib.colors import to_hex
    from PySide6.QtGui import QPalette

    from nndesk.ui import theme

    saved_rc = {key: matplotlib.rcParams[key] for key in theme.chart_rc(theme.LIGHT)}
    saved_palette = QPalette(qapp.palette())
    try:
        theme.apply_theme(qapp, "dark")
        view.tabs.setCurrentIndex(2)  # the mean images, made now
        (ax,) = view.means_canvas.figure.axes
        assert to_hex(view.means_canvas.figure.patch.get_facecolor()) == theme.DARK.window
        assert {to_hex(t.get_color()) for t in ax.texts} == {theme.DARK.window_text}
    finally:
        theme.apply_theme(qapp, "system")
        qapp.setPalette(saved_palette)
        matplotlib.rcParams.update(saved_rc)


def test_a_hidden_chart_read_for_its_figure_is_made_then(view):
    """What an export or a test reads is the chart as it will be shown."""
    view.split_combo.setCurrentIndex(view.split_combo.findData("test"))
    (ax,) = view.means_figure.axes
    assert ax.get_title() == "Mean image of each class (test set)"


def test_the_dataset_page_browses_the_training_split_when_only_a_test_file_is_damaged(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tmp_path
):
    """walk52 D11: with only the test images damaged the Dataset page said "No data" and
    greyed its Split box, though the training set could be read. It shows the training
    images, with the damaged file's banner; the test split is not offered."""
    from nndesk import preferences
    from nndesk.inference import Classifier
    from tests.ui.test_damaged_data import DAMAGED, damaged_copy

    folder = damaged_copy(tiny_idx_dir, tmp_path / "class-data")
    preferences.set_data_dir(str(folder))
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    page = desk.dataset_page
    with qtbot.waitSignal(desk.datasets.loaded, timeout=20_000):
        desk.window.tabs.setCurrentWidget(page)
    summary = page.summary()
    assert summary is not None and summary.has("train") and not summary.has("test")
    assert page.split() == "train" and page.split_combo.isEnabled()
    test_item = page.split_combo.model().item(page.split_combo.findData("test"))
    assert not test_item.isEnabled()
    assert page.message.offered_dataset() == "mnist" and DAMAGED in page.message.text()
    assert "the test images cannot be read" in page.status.text()
    assert page.samples_figure.axes  # the training samples are drawn
    assert page.counts.item(0, 2).text() == "—"


def test_save_chart_asks_in_the_windows_save_dialog(view, tmp_path, save_dialogs):
    """dialogs59: it asked in the desktop's dialog, Export code in Qt's own."""
    from PySide6.QtWidgets import QFileDialog

    save_dialogs.answer = str(tmp_path / "chart")  # the dialog adds the ending
    view.tabs.setCurrentIndex(1)
    view.save_button.click()
    (asked,) = save_dialogs.asked
    assert asked.options & QFileDialog.Option.DontUseNativeDialog
    assert asked.start.endswith("-labels.png") and asked.default_suffix == "png"
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"


def figure_words(figure) -> list[str]:
    """Every text drawn on ``figure`` (its own and its axes')."""
    texts = list(figure.texts) + [t for ax in figure.axes for t in ax.texts]
    return [t.get_text() for t in texts] + [ax.get_title() for ax in figure.axes]


def test_while_another_dataset_loads_no_tab_shows_the_last_ones_figures(qtbot):
    """walk66 #2: the Counts tab kept MNIST's counts under "Dataset: Fashion-MNIST" for ~50 s
    while Fashion-MNIST loaded (Split, New samples and Save chart stayed on): every tab says
    Loading… until the new data is there."""
    import threading

    release = threading.Event()

    def provider(name):
        if name == "other":
            release.wait(30)
        return toy_dataset(name)

    controller = DatasetController(provider)
    widget = DatasetView(controller, names=("toy", "other"), rng=np.random.default_rng(1))
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    try:
        with qtbot.waitSignal(controller.loaded, timeout=10_000):
            widget.show()
        widget.tabs.setCurrentWidget(widget.counts)
        assert widget.count_cell(0, 1) == "30"
        with qtbot.waitSignal(controller.started, timeout=10_000):
            widget.dataset_combo.setCurrentIndex(widget.dataset_combo.findData("other"))
        assert widget.counts.rowCount() == 0 and widget.summary() is None
        assert not widget.split_combo.isEnabled() and not widget.shuffle_button.isEnabled()
        for figure in (widget.samples_figure, widget.first_figure, widget.labels_figure):
            assert figure_words(figure) == ["Loading…"]
        assert figure_words(widget.means_figure) == ["Loading…"]
        with qtbot.waitSignal(controller.loaded, timeout=10_000):
            release.set()
        assert widget.count_cell(0, 1) == "30" and widget.split_combo.isEnabled()
    finally:
        release.set()
        controller.shutdown()


def test_a_chart_saved_in_the_dark_theme_is_dark_on_white_unless_dark_is_asked(
    qtbot, qapp, view, tmp_path, save_dialogs
):
    """fixI #3: a chart saved from the dark theme was a dark PNG, pasted into a light report.
    The dialog says it saves dark on white and offers the dark theme's colours."""
    import matplotlib
    from matplotlib.colors import to_hex
    from PIL import Image
    from PySide6.QtGui import QPalette

    from nndesk.ui import theme

    saved_rc = {key: matplotlib.rcParams[key] for key in theme.chart_rc(theme.LIGHT)}
    saved_palette = QPalette(qapp.palette())
    try:
        theme.apply_theme(qapp, "dark")
        view.tabs.setCurrentIndex(2)  # the mean images, made in the dark theme
        figure = view.means_canvas.figure
        for dark, page in ((False, "#ffffff"), (True, theme.DARK.window)):
            save_dialogs.dark = dark
            save_dialogs.answer = str(tmp_path / f"means-{dark}.png")
            view.save_button.click()
            asked = save_dialogs.asked[-1]
            assert asked.dark_box is False and "dark on white" in asked.note
            with Image.open(save_dialogs.answer) as png:
                corner = "#{:02x}{:02x}{:02x}".format(*png.convert("RGB").getpixel((1, 1)))
            assert corner == page
            # the chart on screen keeps the window's colours (a copy was recoloured)
            assert to_hex(figure.patch.get_facecolor()) == theme.DARK.window
            assert {to_hex(t.get_color()) for t in figure.axes[0].texts} == {theme.DARK.window_text}
    finally:
        theme.apply_theme(qapp, "system")
        qapp.setPalette(saved_palette)
        matplotlib.rcParams.update(saved_rc)
