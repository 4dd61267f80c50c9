"""Status-bar messages fit beside the permanent widgets at 1024 px (probe 16d F3)."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QFont, QFontMetrics

from nndesk.inference import Classifier
from nndesk.ui.status_line import fit_status, room_for_message, show_status

pytestmark = pytest.mark.filterwarnings("ignore:.*differ from the published.*")

LONG = (
    "train-images-idx3-ubyte.gz and train-labels-idx1-ubyte.gz are missing from "
    "/work/probe16d/some/deeply/nested/t10k-only: training needs all four Fashion-MNIST "
    "files. Download Fashion-MNIST, or choose a folder holding them."
)


def test_a_long_message_naming_a_folder_fits_beside_the_model_and_accuracy_at_1024_px(
    qtbot, window_factory, tiny_model_file
):
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    window = desk.window
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    bar = window.statusBar()
    desk.train_page.status_message.emit(LONG)
    shown = bar.displayed_message()
    assert shown != LONG and shown  # shortened on purpose, not cut by the permanent widgets
    assert bar.fontMetrics().horizontalAdvance(shown) <= room_for_message(window)
    assert bar.toolTip() == LONG  # the whole text is one hover away
    desk.train_page.status_message.emit("Saved /tmp/x.npz")  # a short one shows as it is
    assert bar.displayed_message() == "Saved /tmp/x.npz" and bar.toolTip() == ""


def test_the_folder_is_elided_in_the_middle_before_the_sentence_loses_its_end(qapp):
    metrics = QFontMetrics(QFont())
    text = "Model saved: /home/someone/projects/nndesk/runs/2026-12-02-fashion/model.npz"
    width = metrics.horizontalAdvance(text) - metrics.averageCharWidth() * 10
    shown = fit_status(text, metrics, width)
    assert shown.startswith("Model saved: /home") and shown.endswith("model.npz")
    assert "…" in shown and metrics.horizontalAdvance(shown) <= width


@given(st.text(min_size=0, max_size=200), st.integers(min_value=0, max_value=900))
def test_any_message_fits_any_room(qapp, text, width):
    metrics = QFontMetrics(QFont())
    shown = fit_status(text, metrics, width)
    assert metrics.horizontalAdvance(shown) <= width or shown == ""
    if metrics.horizontalAdvance(text) <= width:
        assert shown == text


@contextlib.contextmanager
def _fullest_bar_at_1024(qtbot, window_factory, code: str):
    """The window in language ``code`` at 1024x700 with its status bar as full as it gets: the
    shipped Fashion CNN's name and accuracy, and a prediction's time. English again after."""
    from nndesk.ui import language

    language.use_language(code)
    try:
        shipped = Classifier.from_file("weights/fashion-cnn.npz")
        window = window_factory(classifier=shipped).window
        window.resize(1024, 700)
        qtbot.waitUntil(lambda: window.width() == 1024)
        window.show_latency(12.8)
        yield window
    finally:
        language.use_language("en")


@pytest.mark.parametrize("code", ["en", "vi"])
def test_every_cannot_train_message_is_read_whole_at_1024_px(qtbot, window_factory, code):
    """A newcomer's walk: at 1024x700 the status bar read "Cannot train: Fashion-MNIST files
    are missing; the banner under Train says which and where to get th…", the end cut by the
    model, accuracy and prediction time beside it (its tooltip goes with the message). The
    page's banner says which files and where from; the bar's line only has to say why
    nothing started and where to look, and it is read whole, in both languages, beside a
    shipped model's name, its accuracy and a prediction's time."""
    from nndesk.i18n import ts_path
    from tools import translations

    reasons = [
        m
        for m in translations.read_ts(ts_path("vi"))
        if m.context == "TrainingPanel" and m.source.startswith(("Cannot train", "Cannot continue"))
    ]
    assert len(reasons) >= 5
    with _fullest_bar_at_1024(qtbot, window_factory, code) as window:
        bar = window.statusBar()
        for m in reasons:
            template = m.translation if code == "vi" else m.source
            text = template.format(title="Fashion-MNIST", other="MNIST")
            show_status(window, text)
            assert bar.currentMessage() == text, text
            assert bar.fontMetrics().horizontalAdvance(text) <= room_for_message(window), text


#: the walk's line, too long beside the fields at 1024 px, as it was in each language
WALK_LINE = {
    "en": "Cannot train: Fashion-MNIST files are missing; the banner under Train says which and "
    "where to get them",
    "vi": "Không thể huấn luyện: thiếu tệp Fashion-MNIST; dải thông báo dưới nút Huấn luyện cho "
    "biết tệp nào và lấy ở đâu",
}


@pytest.mark.parametrize("code", ["en", "vi"])
def test_a_message_too_long_for_the_room_beside_the_fields_takes_the_whole_bar(
    qtbot, window_factory, code
):
    """Any message, not only the shortened "Cannot train" lines: the walk's line was cut at
    "where to get th…" beside the model, its accuracy and the prediction time, its tooltip
    gone with it after 5 s. The fields step aside while it shows and come back after."""
    with _fullest_bar_at_1024(qtbot, window_factory, code) as window:
        bar = window.statusBar()
        fields = (window.model_status, window.accuracy_status, window.latency_status)
        qtbot.waitUntil(lambda: all(f.isVisible() for f in fields))
        beside = room_for_message(window)
        text = WALK_LINE[code]
        # wider than the room beside the fields, in any font (offscreen's is narrower than
        # the desktop's the walk saw): the walk's line with words of it again, if need be
        more = iter(WALK_LINE[code].split() * 2)
        while bar.fontMetrics().horizontalAdvance(text) <= beside:
            text += " " + next(more)
        show_status(window, text)
        assert bar.displayed_message() == text and bar.toolTip() == ""
        assert not any(f.isVisible() for f in fields) and bar.fields_aside()
        whole = room_for_message(window)
        assert bar.fontMetrics().horizontalAdvance(text) <= whole
        show_status(window, "OK")  # a short one: the fields are back beside it
        assert all(f.isVisible() for f in fields) and bar.displayed_message() == "OK"
        show_status(window, text, timeout_ms=50)
        assert not window.model_status.isVisible()
        qtbot.waitUntil(lambda: bar.currentMessage() == "", timeout=5_000)
        assert all(f.isVisible() for f in fields)  # back when it times out
        assert room_for_message(window) < whole - 100


SPACED = "/home/Nguyễn Văn An/My Documents/nndesk exports/lab 2 (sigmoid)"


def test_a_path_with_spaces_is_cut_between_its_parts_its_last_kept(qapp):
    """s64 brief 5: "/home/x/My Documents/…" was found as "/home/x/My", then "/runs" alone,
    and each was cut in its middle ("/ho…/My Docume…"). The path found whole where the next
    word holds a separator too, cut between its parts, its file's name kept."""
    metrics = QFontMetrics(QFont())
    text = "Wrote /home/x/My Documents/nndesk runs/2026-12-02 fashion/model.npz"
    width = metrics.horizontalAdvance("Wrote /home/x/My Documents/model.npz")
    shown = fit_status(text, metrics, width)
    assert shown.startswith("Wrote ") and shown.endswith("/model.npz"), shown
    assert "…" in shown and metrics.horizontalAdvance(shown) <= width
    assert all(part in text for part in shown.removeprefix("Wrote ").split("…"))


def test_a_path_its_writer_names_keeps_its_last_part_whole_spaces_and_all(qapp):
    """A folder at the end of a message ("Saved … in /home/…/lab 2 (sigmoid)"): only the one
    who wrote it knows where it ends."""
    metrics = QFontMetrics(QFont())
    text = f"Saved curves.png in {SPACED}"
    width = metrics.horizontalAdvance("Saved curves.png in /home/…/lab 2 (sigmoid)") + 2
    shown = fit_status(text, metrics, width, paths=(SPACED,))
    assert shown == "Saved curves.png in /home/…/lab 2 (sigmoid)"


@given(
    parts=st.lists(st.text(alphabet="ab ếđ.-_", min_size=1, max_size=12), min_size=1, max_size=7),
    share=st.floats(0.0, 1.0),
)
def test_a_path_is_whole_or_cut_between_its_parts_and_fits(qapp, parts, share):
    from PySide6.QtCore import Qt

    from nndesk.ui.status_line import elided_path

    metrics = QFontMetrics(QFont())
    path = "/" + "/".join(parts)
    width = int(metrics.horizontalAdvance(path) * share)
    shown = elided_path(path, metrics, width)
    if shown == metrics.elidedText(path, Qt.TextElideMode.ElideMiddle, width):
        return  # the last resort: not even "…" and the last part fit
    assert metrics.horizontalAdvance(shown) <= width
    if shown != path:
        head, tail = shown.split("…")
        assert path.startswith(head) and path.endswith(tail) and tail.startswith("/")
        assert tail.endswith("/" + parts[-1])


def test_the_saved_message_cuts_its_folder_between_parts_and_keeps_the_files_name(
    qtbot, window_factory, tiny_model_file
):
    from nndesk.ui.status_line import show_saved

    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    window = desk.window
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    deep = SPACED + "/a long folder name" * 6 + "/end"
    show_saved(window, f"{deep}/curves of lab 2.png")
    bar = window.statusBar()
    shown = bar.displayed_message()
    assert shown.startswith("Saved curves of lab 2.png in ") and "…" in shown, shown
    assert shown.endswith("/end")  # the folder's own name, whole
    assert bar.fontMetrics().horizontalAdvance(shown) <= room_for_message(window)


def test_a_path_takes_the_room_its_sentence_leaves(qapp):
    """The saved file's folder had 40 characters of a 1024 px bar whatever its room: "Saved
    curves.png in /tmp/…/lab 2 (sigmoid)" and the bar half empty."""
    metrics = QFontMetrics(QFont())
    deep = SPACED + "/a long folder name" * 8
    text = f"Saved curves.png in {deep}"
    width = metrics.averageCharWidth() * 120
    shown = fit_status(text, metrics, width, paths=(deep,))
    assert "…" in shown and shown.endswith("/a long folder name")
    assert width - metrics.horizontalAdvance(shown) < metrics.horizontalAdvance(
        "/a long folder name"
    )


def test_fields_too_wide_for_the_bar_give_way_in_their_order_each_whole_in_its_tooltip(qtbot):
    """verify64 D-F: at 1024 px in Vietnamese at Larger text while a run went, the fields
    read "Mô hình: mạng đang" and "Độ chính xác kiểm tra: khi huấ", both cut mid-word with
    nothing to read the rest by. Too narrow a bar now cuts the accuracy first, to "…", then
    the model; a cut field says its whole text in its tooltip, under what the field is."""
    from PySide6.QtWidgets import QMainWindow

    from nndesk.ui.status_bar import ElidingStatusBar, StatusField

    window = QMainWindow()
    qtbot.addWidget(window)
    bar = ElidingStatusBar()
    window.setStatusBar(bar)
    model, accuracy = StatusField("The model in use"), StatusField("Its accuracy")
    latency = StatusField("Time of the last prediction")
    for field in (model, accuracy, latency):
        bar.addPermanentWidget(field)
    bar.set_yield_order((accuracy, model, latency))
    model.setText("Mô hình: mạng đang huấn luyện")
    accuracy.setText("Độ chính xác kiểm tra: khi huấn luyện xong")
    latency.setText("Dự đoán: 1,3 ms")
    whole = sum(f.whole_width() for f in (model, accuracy, latency))
    window.resize(whole + 200, 100)
    window.show()
    qtbot.waitExposed(window)

    def laid_out(width: int) -> None:
        window.resize(width, 100)
        qtbot.waitUntil(lambda: bar.width() == width)
        bar.layout().activate()

    laid_out(whole + 200)
    assert not any(f.is_cut() for f in (model, accuracy, latency))
    assert model.toolTip() == "The model in use" and "\n" not in model.property("toolTip")
    laid_out(whole - 80)  # the accuracy gives way alone
    assert accuracy.is_cut() and accuracy.displayed_text().endswith("…")
    assert not model.is_cut() and not latency.is_cut()
    assert accuracy.property("toolTip") == "Its accuracy\n" + accuracy.text()
    laid_out(whole - accuracy.whole_width())  # then the model too
    assert accuracy.is_cut() and model.is_cut() and not latency.is_cut()
    assert model.displayed_text().startswith("Mô hình") and model.displayed_text().endswith("…")
    for field in (model, accuracy, latency):  # each within the bar, its text within itself
        assert field.geometry().right() < bar.width()
        shown = field.fontMetrics().horizontalAdvance(field.displayed_text())
        assert shown <= field.contentsRect().width()


def test_a_notice_is_held_while_read_and_the_newest_progress_line_shows_after_it(
    qtbot, monkeypatch
):
    """verify67 #2: the run's progress lines took "Not used: lr 3…"'s place within a second."""
    from PySide6.QtGui import QStatusTipEvent
    from PySide6.QtWidgets import QApplication, QMainWindow

    from nndesk.ui import status_bar
    from nndesk.ui.status_bar import ElidingStatusBar
    from nndesk.ui.status_rank import Notice, Progress

    held = {"ms": 600_000}
    monkeypatch.setattr(status_bar, "reading_ms", lambda text: held["ms"])
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = ElidingStatusBar()
    window.setStatusBar(bar)
    notice = "Not used: lr 3. The run ended before its next batch."
    show_status(window, Notice(notice))
    for line in ("Testing the model…", "Saving the model…", "Model saved: /tmp/m.npz"):
        show_status(window, Progress(line))
        assert bar.currentMessage() == notice and bar.held_notice() == notice
    # a menu's status tip shows over it (Qt's own call), and the notice comes back after it
    QApplication.sendEvent(window, QStatusTipEvent("Open a drawing"))
    assert bar.currentMessage() == "Open a drawing"
    QApplication.sendEvent(window, QStatusTipEvent(""))
    assert bar.currentMessage() == notice
    # a second notice waits its turn; read, the newest progress line shows, not an older one
    show_status(window, Notice("Second notice to read."))
    assert bar.currentMessage() == notice
    held["ms"] = 30
    bar._hold.start(1)  # the first is read now
    qtbot.waitUntil(lambda: bar.currentMessage() == "Second notice to read.", timeout=5000)
    qtbot.waitUntil(lambda: bar.currentMessage() == "Model saved: /tmp/m.npz", timeout=5000)
    assert bar.held_notice() == ""
    # a plain line (what the user just did) shows at once, over a held notice too
    held["ms"] = 600_000
    show_status(window, Notice(notice))
    show_status(window, "Saved curves.png in /tmp")
    assert bar.currentMessage() == "Saved curves.png in /tmp" and bar.held_notice() == ""
    show_status(window, Progress("Training…"))  # no notice held: a progress line shows at once
    assert bar.currentMessage() == "Training…"


def test_the_runs_progress_shows_beside_a_held_notice_and_takes_the_line_when_it_is_read(
    qtbot, monkeypatch
):
    """s68 fixG: while "Not used: lr 3…" was read, "Testing the model…" to "Model saved: …"
    waited ~5 s, and the run's news stood still. Each now shows at once in a field beside the
    notice, which stays whole on the line; read, the newest takes the line and the field goes."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    from nndesk.ui import status_bar
    from nndesk.ui.status_bar import ElidingStatusBar, StatusField
    from nndesk.ui.status_rank import Notice, Progress

    monkeypatch.setattr(status_bar, "reading_ms", lambda text: 600_000)
    window = QMainWindow()
    qtbot.addWidget(window)
    bar = ElidingStatusBar()
    window.setStatusBar(bar)
    fields = [StatusField("The model in use"), StatusField("Its accuracy")]
    fields[0].setText("Model: fashion-cnn.npz (shipped)")
    fields[1].setText("Test accuracy: 91.2%")
    for field in fields:
        bar.addPermanentWidget(field)
    window.resize(1024, 700)
    window.show()
    qtbot.waitExposed(window)

    def shown_beside() -> list[str]:
        return [f.text() for f in bar.findChildren(StatusField) if f.isVisible() and f.text()]

    notice = "Not used: lr 3. The run ended before its next batch."
    show_status(window, Notice(notice))
    assert shown_beside() == [f.text() for f in fields]
    for line in ("Testing the model…", "Saving the model…", "Model saved: /tmp/run/model.npz"):
        show_status(window, Progress(line))
        assert bar.currentMessage() == notice and bar.held_notice() == notice
        assert line in shown_beside(), shown_beside()  # at once, not after the notice
        assert bar.displayed_message() == notice  # the notice stays whole to be read
        right = bar.progress_field.geometry().left()
        assert bar.fontMetrics().horizontalAdvance(notice) < right
    # a long path beside the notice is cut between its parts, its file's name kept
    saved = "Model saved: /home/someone/.local/share/nndesk/runs/20261207-130727-442cf02/model.npz"
    show_status(window, Progress(saved))
    field = bar.progress_field
    assert field.width() <= bar.width() // 3 + 1 and field.is_cut()
    shown = field.displayed_text()
    assert shown.startswith("Model saved: /") and shown.endswith("…/model.npz"), shown
    assert field.fontMetrics().horizontalAdvance(shown) <= field.contentsRect().width()
    assert saved in QLabel.toolTip(field)  # whole in the tooltip a pointer over it shows
    show_status(window, Progress("Model saved: /tmp/run/model.npz"))
    with qtbot.waitSignal(bar._hold.timeout, timeout=5000):
        bar._hold.start(1)  # read now
    assert bar.currentMessage() == "Model saved: /tmp/run/model.npz"
    assert bar.progress_aside() == "" and not bar.progress_field.isVisible()
    # a plain line (what the user did) ends the hold: the field goes with it
    show_status(window, Notice(notice))
    show_status(window, Progress("Training…"))
    assert bar.progress_aside() == "Training…"
    show_status(window, "Saved curves.png in /tmp")
    assert bar.progress_aside() == "" and bar.currentMessage() == "Saved curves.png in /tmp"
    # a notice longer than the room beside the fields takes theirs, not the progress field's
    long_notice = Notice("Could not write the run's record in " + "/very/long/folder" * 6)
    show_status(window, long_notice)
    show_status(window, Progress("Training…"))
    assert bar.progress_aside() == "Training…" and bar.progress_field.isVisible()
    assert bar.fields_aside() and not any(f.isVisible() for f in fields)
