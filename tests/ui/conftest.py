"""GUI fixtures: hand-made models saved to tmp_path, and a window wired like the real app."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import warnings
from dataclasses import dataclass, replace

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from nndesk.controllers import datasets
from nndesk.controllers.run_list import RunListReader
from nndesk.data import registry
from nndesk.data.normalize import Normalizer
from nndesk.inference import Classifier
from nndesk.nn.architecture import build_model
from nndesk.nn.serialization import save_model
from tests.loopback import closed_port_url

STROKE_CLASSES = ("vertical", "horizontal", "blob")


def stroke_model():
    """A 784-3 linear model that tells a vertical bar from a horizontal one, with no training.

    preprocess centres a drawing and scales its longest side to 20 px, so a vertical stroke ends
    up in column ~14 and a horizontal one in row ~14; each class weight is that template.
    """
    model = build_model("784-3", rng=np.random.default_rng(0))
    w = np.zeros((28, 28, 3), np.float32)
    w[4:24, 12:17, 0] = 1.0  # vertical bar through the centre
    w[12:17, 4:24, 1] = 1.0  # horizontal bar
    w[10:18, 10:18, 2] = 0.6  # a compact blob
    w[12:17, 12:17, :2] = 0.5  # the centre belongs to both bars
    dense = model.layers[0]
    dense.params["W"][...] = w.reshape(784, 3) * 0.2
    dense.params["b"][...] = 0.0
    return model


def stroke_images(count: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """``count`` images the stroke model reads, (count, 28, 28) uint8: vertical bars (label 0)
    and horizontal bars (label 1), the (count,) labels drawn from ``rng``."""
    labels = rng.integers(0, 2, count)
    images = np.zeros((count, 28, 28), np.uint8)
    images[labels == 0, 4:24, 12:17] = 255
    images[labels == 1, 12:17, 4:24] = 255
    return images, labels


def stroke_info(kind: str = "digits") -> dict:
    return {
        "dataset": "mnist" if kind == "digits" else "fashion",
        "class_names": list(STROKE_CLASSES),
        "normalization": Normalizer("unit").to_dict(),
        "preprocess": kind,
        "metrics": {"test_accuracy": 0.875},
    }


def stored_runs(configs, store=None, curves=None) -> list:
    """A completed run of each config (a dict) saved in ``store`` (by default the window's run
    store, ``paths.runs_dir()``), each with ``curves()`` as its curves when given; their
    records, in the order of ``configs``, their training locks released."""
    from nndesk import paths
    from nndesk.runs import RunStore

    store = RunStore(paths.runs_dir()) if store is None else store
    records = []
    for config in configs:
        record = store.create(config)
        if curves is not None:
            record.curves = curves()
        record.status = "completed"
        store.save(record)
        record.release_lock()
        records.append(record)
    return records


def training_page(controller, **parts):
    """A Train page showing ``controller``'s runs, wired as ``app.build_window`` wires it (a
    reader of the controller's runs folder; ``parts``: race, writes)."""
    from nndesk.ui.training_panel import TrainingPanel

    return TrainingPanel(controller, RunListReader(controller.store), **parts)


@contextlib.contextmanager
def race_training_page(qtbot, dataset, folder, mode: str):
    """A Train page with a race controller over ``dataset`` (runs kept in ``folder``), at
    1024x700 in window mode ``mode``, on its Race tab; both controllers shut down after."""
    from nndesk.controllers.race import RaceController
    from nndesk.controllers.training import TrainingController
    from nndesk.runs import RunStore

    store = RunStore(folder / "runs")
    panel = training_page(
        TrainingController(lambda name: dataset, store),
        race=RaceController(lambda name: dataset, store),
    )
    qtbot.addWidget(panel)
    panel.resize(1024, 700)
    panel.show()
    panel.follow_mode(mode)
    panel.tabs.setCurrentWidget(panel.race_page)
    try:
        yield panel
    finally:
        panel.race.shutdown()
        panel.shutdown()


def type_into(qtbot, spin, text: str) -> None:
    """Focus ``spin``, clear it and type ``text`` key by key, as a person would."""
    spin.setFocus()
    qtbot.waitUntil(spin.hasFocus)
    spin.selectAll()
    qtbot.keyClick(spin, Qt.Key.Key_Delete)
    qtbot.keyClicks(spin, text)


def shown_widget(qtbot, widget, size: tuple[int, int] | None = None):
    """``widget`` closed after the test (``qtbot.addWidget``), resized to ``size`` if given,
    shown, and ``exposed``; returns it."""
    qtbot.addWidget(widget)
    if size is not None:
        widget.resize(*size)
    return exposed(qtbot, widget)


def exposed(qtbot, widget):
    """Show ``widget`` and wait until the window system has exposed it (``waitExposed`` is a
    context manager: a bare call waits for nothing); returns it."""
    widget.show()
    with qtbot.waitExposed(widget):
        pass
    return widget


def evaluate_and_wait_for_the_offer(qtbot, desk, page=None):
    """Show ``page`` (Evaluate by default), which evaluates the model and fails for want of its
    data, and wait until the page's banner offers MNIST: the banner."""
    page = page or desk.evaluate_page
    with qtbot.waitSignal(desk.evaluation.failed, timeout=20_000):
        desk.window.tabs.setCurrentWidget(page)  # showing the page evaluates
    banner = page.message
    qtbot.waitUntil(lambda: banner.offered_dataset() == "mnist", timeout=10_000)
    return banner


def switched_windows(desk) -> list:
    """The new windows of ``desk``'s language switches, each once its switch has finished (a
    switch goes on from the event loop): wait on the list's length."""
    switch = desk.coordinator.language_switch
    real, finished = switch.switch_language, []

    def recording(code):
        made = real(code)
        made.finished.connect(finished.append)
        return made

    switch.switch_language = recording
    return finished


def fill_the_disk_after_the_first_record_write(monkeypatch) -> None:
    """Every run.json write after the first fails as on a full disk (walk52 D7: create's
    first write got in, then the disk filled up)."""
    from nndesk.runs import RunStore

    real_write, writes = RunStore.write, []

    def full_after_the_first(self, folder, content):
        writes.append(folder)
        if len(writes) > 1:
            raise OSError(28, "No space left on device", str(folder / "run.json"))
        return real_write(self, folder, content)

    monkeypatch.setattr(RunStore, "write", full_after_the_first)


def press_continue(qtbot, page, epochs: int | None = None, lr: float | None = None) -> None:
    """Continue clicked and its question answered: ``epochs`` more (default: the dialog's
    suggestion; for a run stopped short the rest of its plan), at the rate the run ended with,
    or with ``lr`` its schedule again from that rate (``ContinueDialog``). A model that does
    not say its epochs goes on at once (no question)."""
    qtbot.mouseClick(page.resume_button, Qt.MouseButton.LeftButton)
    dialog = page.continue_dialog
    if dialog is None:
        return
    qtbot.waitUntil(dialog.isVisible)
    if epochs is not None:
        dialog.epochs.setValue(epochs)
    if dialog.coach.isChecked():  # the coach's rate offered first: the choice said here
        dialog.keep.setChecked(True)
    if lr is not None:
        dialog.again.setChecked(True)
        dialog.lr.set_value(lr)
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)


def train_two_epochs(qtbot, page) -> None:
    """Train a 784-16-10 MNIST run of two epochs on the window's Train ``page`` and wait until
    it is saved and over (the tiny data folder's "differ from the published files" warning
    silenced)."""
    config = page.form.config().replace(
        dataset="mnist", arch="784-16-10", epochs=2, batch_size=16, val_fraction=0.1
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with qtbot.waitSignal(page.controller.run_saved, timeout=60_000):
            assert page.start_training(config)
        qtbot.waitUntil(lambda: not page.controller.is_running(), timeout=60_000)


def xvfb_desktop_text(qapp, larger: bool) -> None:
    """The application at Xvfb's 9 pt desktop font, read again by ``text_size``, and at Larger
    text (11 pt) when ``larger``: the text a real window on the test display shows. With
    ``normal_text_after``, which puts it back."""
    from nndesk.ui import text_size

    font = qapp.font()
    font.setPointSizeF(9.0)
    qapp.setFont(font)
    text_size._desktop_font = None  # noqa: SLF001 - read again
    if larger:
        text_size.apply_text_size(qapp, "larger")


@pytest.fixture
def normal_text_after(qapp):
    """The window's font and the charts back at the normal step after the test."""
    from nndesk.ui import text_size

    saved = qapp.font()
    yield
    qapp.setFont(saved)
    text_size._desktop_font = None  # noqa: SLF001 - read again: the font as it was
    text_size.apply_text_size(qapp, "normal")


@pytest.fixture
def larger_text(qapp, normal_text_after):
    """View > Text size > Larger on Xvfb's 9 pt desktop (offscreen's too): 11 pt, charts x1.25;
    Normal after."""
    xvfb_desktop_text(qapp, larger=True)


#: a screen's room (logical px) that holds the window at every text size
LARGE_SCREEN = (1280, 800)


@pytest.fixture
def screen_room(monkeypatch):
    """``set_room(QSize)``: the room the window's screen leaves for it, as ``ui/screen_text``
    reads it (offscreen's screen is 800x800, which holds no window at Larger text); a
    1280x800 screen's until set."""
    from PySide6.QtCore import QSize

    from nndesk.ui import screen_text

    room = {"size": QSize(*LARGE_SCREEN)}
    monkeypatch.setattr(screen_text, "screen_room", lambda window: QSize(room["size"]))

    def set_room(size) -> None:
        room["size"] = QSize(size)

    return set_room


@pytest.fixture
def speaking(qapp):
    """``speak(code)``: the windows built next speak ``code`` ("vi": its strings run longer);
    English again after the test."""
    from nndesk.ui import language

    def speak(code: str) -> None:
        assert language.use_language(code) == code

    yield speak
    language.use_language("en")


@pytest.fixture
def in_vietnamese(speaking):
    """The windows built in this test speak Vietnamese; English after."""
    speaking("vi")


@pytest.fixture
def larger_vi(restore_theme, larger_text, in_vietnamese):
    """Xvfb's 9 pt desktop at Larger (the window at 11 pt, charts x1.25), in Vietnamese: the
    longest words at the largest text; back to normal English after."""


def show_at(desk, size):
    """``desk``'s window resized to ``size`` and laid out: the window."""
    window = desk.window
    window.resize(*size)
    QApplication.processEvents()
    return window


def each_page(qtbot, window):
    """Shows ``window``'s pages one after the other, each waited for until it shows and laid
    out; yields each page's tab name (for the test's assertions on that page)."""
    tabs = window.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: tabs.currentWidget().isVisible(), timeout=60_000)
        QApplication.processEvents()
        yield tabs.tabText(index)


def race_shown(qtbot, desk, comparison: int):
    """``desk``'s Train page on its Race tab, the lanes filled with ``comparison`` (an index of
    ``race_view.COMPARISONS``) and shown: the race view."""
    window, train = desk.window, desk.train_page
    window.tabs.setCurrentWidget(train)
    train.tabs.setCurrentWidget(train.race_page)
    race = train.race_view
    race.use_comparison(comparison)
    qtbot.waitUntil(lambda: race.rows[-1].optimizer.isVisible(), timeout=60_000)
    return race


@pytest.fixture
def window_at(window_factory):
    """``make(size, classifier=None, mode=None)`` -> desk: a window wired like the real app
    (``window_factory``) resized to ``size`` and laid out."""

    def make(size: tuple[int, int], classifier=None, mode=None):
        desk = window_factory(classifier=classifier, mode=mode)
        show_at(desk, size)
        return desk

    return make


@pytest.fixture
def restore_theme(qapp):
    """Put the application and matplotlib back as they were, for the tests that follow (a test
    that switches the theme)."""
    import matplotlib
    from PySide6.QtGui import QPalette

    from nndesk.ui import theme

    saved_rc = {key: matplotlib.rcParams[key] for key in theme.chart_rc(theme.LIGHT)}
    saved_palette, saved_sheet = QPalette(qapp.palette()), qapp.styleSheet()
    yield
    theme.apply_theme(qapp, "system")
    qapp.setPalette(saved_palette)
    qapp.setStyleSheet(saved_sheet)
    matplotlib.rcParams.update(saved_rc)


def tiny_garments_model_file(folder):
    """A randomly initialised 784-8-10 MLP of Fashion-MNIST saved in ``folder``: a Clothing
    mode's own model, small enough to read at once."""
    info = {
        "dataset": "fashion",
        "class_names": list(registry.FASHION.class_names),
        "normalization": Normalizer("unit").to_dict(),
        "preprocess": "garments",
    }
    model = build_model("784-8-10", rng=np.random.default_rng(1))
    return save_model(folder / "tiny-fashion.npz", model, info)


@pytest.fixture
def stroke_model_file(tmp_path):
    """A model file whose three classes are named in the file: vertical, horizontal, blob."""
    return save_model(tmp_path / "strokes.npz", stroke_model(), stroke_info())


@pytest.fixture
def stroke_classifier(stroke_model_file):
    return Classifier.from_file(stroke_model_file)


def ship_weights_from(monkeypatch, folder) -> None:
    """The window's shipped models are the ``.npz`` files of ``folder`` (the Model box's
    shipped entries, and each mode's models by their names: mnist-cnn, then mnist-mlp, …), as
    an installed nndesk's ``weights/``; an empty ``folder``: no shipped model."""
    import nndesk.inference as inference
    from nndesk.app import coordinator

    monkeypatch.setattr(coordinator, "shipped_models", lambda: inference.shipped_models(folder))
    monkeypatch.setattr(coordinator, "mode_models", lambda k: inference.mode_models(k, folder))


@pytest.fixture
def window_factory(qtbot, monkeypatch, tmp_path):
    """``make(classifier=None, mode=None, size=(1200, 720))`` -> (window, prediction
    controller, coordinator); ``size``: the window's as it is first shown (a 1024x668 start
    lays the page names out as a laptop's first window does).

    Shipped weights are hidden (an empty weights folder) so tests never depend on them; every
    window is closed at the end of the test, which also stops its prediction thread.
    """
    import nndesk.app as app

    empty = tmp_path / "no-weights"
    empty.mkdir()
    ship_weights_from(monkeypatch, empty)
    made = []

    def make(classifier=None, mode=None, size=(1200, 720)):
        desk = app.build_window(mode=mode, classifier=classifier)
        window = desk.window
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        made.append(window)
        return desk

    yield make
    import shiboken6

    for window in made:
        if shiboken6.isValid(window):  # View > Language replaces (and deletes) its window
            window.close()


@pytest.fixture
def tiny_data_dir(tiny_idx_dir, monkeypatch):
    """The tiny learnable IDX files stand in for MNIST, as a user's data folder would."""
    from nndesk.controllers import datasets

    monkeypatch.setenv("NNDESK_DATA_DIR", str(tiny_idx_dir))
    datasets.forget_datasets()  # a dataset memoised by an earlier test must not leak in
    yield tiny_idx_dir
    datasets.forget_datasets()


@pytest.fixture
def tiny_mnist(tiny_idx_dir, monkeypatch):
    """The registry's MNIST becomes the tiny dataset (its checksums, unreachable public mirrors);
    returns its four .gz payloads by file name."""
    payloads = {p.name: p.read_bytes() for p in tiny_idx_dir.iterdir()}
    files = tuple(
        replace(f, sha256=hashlib.sha256(gzip.decompress(payloads[f.gz_name])).hexdigest())
        for f in registry.MNIST.files
    )
    spec = replace(registry.MNIST, files=files, mirrors=(closed_port_url(),))
    monkeypatch.setitem(registry.DATASETS, "mnist", spec)
    datasets.forget_datasets()
    yield payloads
    datasets.forget_datasets()


@pytest.fixture
def messages(monkeypatch):
    """Every QMessageBox.warning as (title, text); none is shown."""
    shown = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text, *a: shown.append((title, text))),
    )
    return shown


class Questions:
    """``QMessageBox.question`` answered by the test: ``asked`` holds each question's text, and
    every question gets ``answer`` (set it again between questions)."""

    def __init__(self, answer: QMessageBox.StandardButton) -> None:
        self.asked: list[str] = []
        self.answer = answer

    def __call__(self, parent, title, text, *args) -> QMessageBox.StandardButton:
        self.asked.append(text)
        return self.answer


@pytest.fixture
def questions(monkeypatch) -> Questions:
    """Every QMessageBox.question answered No (until the test sets ``questions.answer``); none
    is shown."""
    answered = Questions(QMessageBox.StandardButton.No)
    monkeypatch.setattr(QMessageBox, "question", staticmethod(answered))
    return answered


@dataclass(frozen=True)
class SaveAsked:
    """One save dialog the window opened (``nndesk.ui.save_dialog``), as it was set up."""

    title: str
    start: str  # the path it starts on: its folder and the name proposed
    options: QFileDialog.Option
    default_suffix: str
    filters: tuple[str, ...]
    note: str | None  # the note under its file list
    note_wraps: bool = False  # whether the note wraps (a long one is never cut)
    #: a chart's "Dark background" box: None (no box), or whether it was ticked as it opened
    dark_box: bool | None = None


class SaveDialogs:
    """The window's save dialogs answered by the test: ``asked`` holds each one as it was set
    up, and each gets ``answer`` (a path; "" cancels), ending added as the dialog adds it."""

    def __init__(self) -> None:
        self.asked: list[SaveAsked] = []
        self.answer = ""
        self.dark = False  # tick a chart's "Dark background" box before answering

    def __call__(self, dialog: QFileDialog) -> int:
        from PySide6.QtWidgets import QCheckBox, QDialog, QLabel

        from nndesk.ui.save_dialog import DARK_BOX_NAME, NOTE_NAME

        note = dialog.findChild(QLabel, NOTE_NAME)
        dark = dialog.findChild(QCheckBox, DARK_BOX_NAME)
        (start,) = dialog.selectedFiles()
        self.asked.append(
            SaveAsked(
                dialog.windowTitle(),
                start,
                dialog.options(),
                dialog.defaultSuffix(),
                tuple(dialog.nameFilters()),
                note.text() if note is not None else None,
                note is not None and note.wordWrap(),
                None if dark is None else dark.isChecked(),
            )
        )
        if not self.answer:
            return QDialog.DialogCode.Rejected
        if dark is not None:
            dark.setChecked(self.dark)
        dialog.selectFile(self.answer)
        return QDialog.DialogCode.Accepted

    def static(self, parent, title="", start="", filters="", selected="", options=None):
        """``QFileDialog.getSaveFileName``: recorded as asked, with the options it was given
        (none: the desktop's dialog), and answered the same."""
        options = options if options is not None else QFileDialog.Option(0)
        self.asked.append(SaveAsked(title, start, options, "", tuple(filters.split(";;")), None))
        return self.answer, ""


@pytest.fixture
def save_dialogs(monkeypatch) -> SaveDialogs:
    """Every save dialog of the window recorded and answered (``SaveDialogs``); none is shown.
    Qt's static ``getSaveFileName`` is recorded too (``SaveDialogs.static``): a save asked
    there, not through ``nndesk.ui.save_dialog``, shows in ``asked`` by its options."""
    answered = SaveDialogs()
    monkeypatch.setattr(QFileDialog, "exec", lambda dialog: answered(dialog))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(answered.static))
    return answered


@pytest.fixture
def pointer():
    """Where the pointer is (``QCursor``), put back after the test (the Train page's header
    gives its room back only when the pointer is off what it moves: ``held_header``)."""
    from PySide6.QtGui import QCursor

    before = QCursor.pos()
    yield
    QCursor.setPos(before)


def point_at(widget) -> None:
    """The pointer on ``widget``'s middle, as a person's over it."""
    from PySide6.QtGui import QCursor

    QCursor.setPos(widget.mapToGlobal(widget.rect().center()))
