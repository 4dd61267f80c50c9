"""View > Language: Vietnamese from the system locale or the menu, remembered, and the window
built and drawn in it, numbers in its format."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction

from nndesk import preferences
from nndesk.i18n import ts_path
from nndesk.ui import language
from tests.ui.conftest import stored_runs
from tools import translations


@pytest.fixture
def vietnamese(qapp):
    """The window's language is Vietnamese for one test, English again after it."""
    assert language.use_language("vi") == "vi"
    yield
    language.use_language("en")


@pytest.mark.parametrize(
    ("preference", "system", "expected"),
    [
        ("system", ["vi-VN", "en-US"], "vi"),
        ("system", ["vi"], "vi"),
        ("system", ["fr-FR", "vi_VN"], "vi"),  # the first language nndesk has
        ("system", ["fr-FR", "de"], "en"),
        ("system", [], "en"),
        ("en", ["vi-VN"], "en"),  # a choice in View > Language wins over the system
        ("vi", ["en-US"], "vi"),
        ("klingon", ["vi-VN"], "vi"),  # an unknown preference counts as "system"
    ],
)
def test_the_language_follows_the_system_unless_one_is_chosen(preference, system, expected):
    assert language.resolve_language(preference, system) == expected


def test_a_chosen_language_is_remembered_and_an_unknown_one_is_not():
    preferences.set_language("vi")
    assert preferences.language() == "vi"
    preferences.set_language("xx")
    assert preferences.language() == "vi"


def test_numbers_are_written_the_way_the_language_writes_them(vietnamese):
    assert language.percent(0.8721) == "87,2%"
    assert language.decimal(0.48871, 4) == "0,4887"
    language.use_language("en")
    assert language.percent(0.8721) == "87.2%"
    assert language.decimal(0.48871, 4) == "0.4887"


@pytest.mark.parametrize(
    ("desktop", "decimal_point"), [("vi_VN", "."), ("en_GB", "."), ("de_DE", ".")]
)
def test_the_english_window_writes_points_in_its_spin_boxes_on_any_desktop(
    qapp, monkeypatch, desktop, decimal_point
):
    """On a Vietnamese desktop, switching to English left the Lab's spin boxes at "1,00" beside
    labels written "1.00" (a new user's report)."""
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QDoubleSpinBox

    monkeypatch.setattr(language, "_original_locale", QLocale(desktop))
    try:
        language.use_language("vi")
        language.use_language("en")
        spin = QDoubleSpinBox()
        spin.setValue(1.0)
        assert spin.text() == f"1{decimal_point}00"
        assert language.decimal(1.0, 2) == "1.00"
    finally:
        language.use_language("en")


def test_an_unknown_language_falls_back_to_english(qapp):
    assert language.use_language("xx") == "en"
    assert language.current_language() == "en"
    assert language.translate("MainWindow", "&Language") == "&Language"


def _shown_texts(window) -> list[str]:
    """Every text a person reads in the window without clicking: labels, buttons, tooltips,
    tab titles, menus and their entries."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QMenu, QTabWidget, QWidget

    texts = []
    for widget in [window, *window.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                texts += [widget.tabText(i), widget.tabToolTip(i)]
        if isinstance(widget, QMenu):
            texts.append(widget.title())
    for action in window.findChildren(QAction):
        texts += [action.text(), action.toolTip()]
    return [t for t in texts if t]


def test_the_window_builds_and_renders_in_vietnamese(vietnamese, window_factory, stroke_classifier):
    desk = window_factory(classifier=stroke_classifier)
    window = desk.window
    texts = _shown_texts(window)
    assert "Huấn luyện" in texts and "Đánh giá" in texts  # page titles
    assert "&Tệp" in texts and "&Ngôn ngữ" in texts  # menus
    # no text the window shows is an English source string that has a Vietnamese translation
    english = {
        m.source
        for m in translations.read_ts(ts_path("vi"))
        if m.translation and m.translation != m.source
    }
    untranslated = sorted({t for t in texts if t in english})
    assert untranslated == []
    image = window.grab().toImage()
    assert not image.isNull() and image.width() > 0


def test_fashion_classes_are_shown_in_vietnamese_and_digits_stay_digits(vietnamese, qapp):
    from nndesk.data.registry import DATASETS

    shown = language.class_names_shown(DATASETS["fashion"].class_names)
    assert shown[:3] == ("Áo thun/áo phông", "Quần dài", "Áo len chui đầu")
    assert shown[-1] == "Bốt cổ ngắn"
    digits = DATASETS["mnist"].class_names
    assert language.class_names_shown(digits) == digits


def test_view_language_remembers_the_choice_and_asks_to_switch_in_that_language(
    qtbot, window_factory, stroke_classifier
):
    desk = window_factory(classifier=stroke_classifier)
    switched = []
    desk.coordinator.language_switch.switch_language = switched.append
    desk.window.language_actions["vi"].trigger()
    assert preferences.language() == "vi"
    assert desk.window.language_actions["vi"].isChecked()
    box = desk.coordinator.language_switch.box
    qtbot.waitUntil(box.isVisible)
    assert box.text().startswith("Chuyển cửa sổ sang ngôn ngữ mới ngay bây giờ?")
    later = next(b for b in box.buttons() if b.text() == "Từ lần khởi động sau")
    later.click()
    assert switched == [] and desk.window.isVisible()
    desk.window.language_actions["en"].trigger()  # English is already in use: nothing to ask
    assert preferences.language() == "en"
    desk.window.language_actions["vi"].trigger()
    box = desk.coordinator.language_switch.box
    qtbot.waitUntil(box.isVisible)
    switch = next(b for b in box.buttons() if b.text() == "Chuyển ngay")
    switch.click()
    qtbot.waitUntil(lambda: switched == ["vi"])  # once the box has closed


def test_the_question_is_english_when_english_is_chosen(
    qtbot, vietnamese, window_factory, stroke_classifier
):
    desk = window_factory(classifier=stroke_classifier)
    desk.window.language_actions["en"].trigger()
    box = desk.coordinator.language_switch.box
    qtbot.waitUntil(box.isVisible)
    assert box.text().startswith("Switch the window to the new language now?")
    box.reject()


def test_a_bad_model_file_opened_in_vietnamese_is_explained_in_vietnamese(
    qtbot, vietnamese, window_factory, stroke_classifier, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda parent, title, text, *a: shown.append((title, text))),
    )
    path = tmp_path / "ghi-chu.npz"
    path.write_bytes(b"just some text, not a model")
    desk = window_factory(classifier=stroke_classifier)
    desk.window.model_file_requested.emit(str(path))  # File > Open model, Recent, the picker
    qtbot.waitUntil(lambda: len(shown) > 0, timeout=60000)
    title, text = shown[0]
    assert title == "Không mở được mô hình"
    assert text == f"{path}: không phải tệp mô hình của nndesk (đây là một loại tệp khác)"
    assert desk.prediction.current() is stroke_classifier


@pytest.mark.parametrize(
    ("damage", "words"),
    [
        (lambda p: p.write_bytes(p.read_bytes()[:-100]), "nhưng tệp chứa"),  # truncated
        (lambda p: p.write_bytes(b"\x01\x02" + p.read_bytes()[2:]), "không phải tệp IDX"),
        (lambda p: p.unlink(), "không tìm thấy tệp"),
    ],
    ids=["truncated", "not-idx", "missing"],
)
def test_damaged_data_files_are_explained_in_vietnamese(vietnamese, tmp_path, damage, words):
    import numpy as np

    from nndesk.data.idx import read_idx_labels
    from nndesk.errors import DataError, user_message
    from tests.conftest import write_idx

    path = write_idx(tmp_path / "labels-idx1-ubyte", np.arange(200, dtype=np.uint8), False)
    damage(path)
    with pytest.raises(DataError) as info:
        read_idx_labels(path)
    assert words in user_message(info.value)
    assert words not in str(info.value)  # the CLI keeps its English line


def test_a_full_disk_is_explained_in_vietnamese(vietnamese):
    import errno

    from nndesk.errors import user_message

    full = OSError(errno.ENOSPC, "No space left on device", "/data/m.npz")
    assert user_message(full) == "/data/m.npz: ổ đĩa đã đầy"
    read_only = OSError(errno.EROFS, "Read-only file system", "/data/m.npz")
    assert user_message(read_only) == "/data/m.npz: ổ đĩa chỉ cho phép đọc"


def test_the_coachs_hints_write_decimal_commas_in_vietnamese(vietnamese):
    from nndesk.coach import hints
    from nndesk.run_curves import Curves

    curves = Curves()
    curves.batch_loss = [0.5] * 20 + [2.0] * 20
    (hint,) = hints(curves, lr=0.03)
    text = hint.message(lambda t: language.translate_marked("Coach", t))
    assert "0,5000" in text and "2,0000" in text and "0.5" not in text
    assert "tốc độ học" in text  # the Vietnamese template, filled
    button = hint.button_text(lambda t: language.translate_marked("Coach", t))
    assert button.endswith("0,01") and "0.01" not in button
    language.use_language("en")
    assert "from 0.5000 to 2.0000" in hint.message(lambda t: language.translate_marked("Coach", t))


def test_numbers_written_by_hand_follow_the_language(vietnamese):
    from nndesk.inside import by_hand
    from nndesk.setting_changes import SettingChange

    formula, _ = by_hand(None, "ReLU", 7.4241, 0, False)
    assert formula == "ReLU(7,424) = max(0; 7,424) = 7,424"
    assert SettingChange(0, 1, 1, "lr", 0.0005).shown_text() == "tốc độ học 0,0005"
    assert SettingChange(0, 1, 1, "lr", 0.0005).describe() == "lr 0.0005"  # scripts: English
    assert language.fill("{a:.1f} / {b:,}", a=1.5, b=60000) == "1,5 / 60.000"
    language.use_language("en")
    assert by_hand(None, "ReLU", 7.4241, 0, False)[0] == "ReLU(7.424) = max(0, 7.424) = 7.424"


def test_refused_settings_and_architectures_are_explained_in_vietnamese(
    qtbot, vietnamese, window_factory, stroke_classifier
):
    desk = window_factory(classifier=stroke_classifier)
    form = desk.train_page.form
    form.set_config(form.config().replace(lr=0.0123))
    assert form.lr.text() == "0,0123"  # shown with a decimal comma, read back as the number
    assert form.config().lr == pytest.approx(0.0123)
    form.arch.setText("784-6x-10")
    qtbot.waitUntil(lambda: "arch" in form.errors(), timeout=60_000)  # the typing settled
    assert form._error_labels["arch"].text() == (
        "tầng 1: '6x' không phải là độ rộng, cN, cNkK, cNv, p hay bn"
    )
    form.arch.setText("784-16-10")
    qtbot.waitUntil(lambda: "arch" not in form.errors(), timeout=60_000)
    form.lr.setText("nhanh")
    assert form._error_labels["lr"].text() == "'nhanh' không phải là số (ví dụ 0,001 hoặc 1e-3)"


def test_a_model_header_problem_is_explained_in_vietnamese(vietnamese, tmp_path):
    from nndesk.errors import user_message
    from nndesk.nn.header import HeaderError, check_info
    from nndesk.nn.serialization import damaged_error

    with pytest.raises(HeaderError) as info:
        check_info({"class_names": ["ok", "bad\x1b[2J"]})
    err = damaged_error(tmp_path / "m.npz", info.value.args[0])
    assert user_message(err) == (
        f"{tmp_path / 'm.npz'}: tệp mô hình bị hỏng (tên lớp 'bad\\x1b[2J' chứa ký tự điều khiển)"
    )
    assert str(err).endswith("(class name 'bad\\x1b[2J' holds control characters)")


def test_qts_own_dialog_buttons_speak_vietnamese(vietnamese, qtbot):
    from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Close
    )
    qtbot.addWidget(box)
    texts = sorted(b.text().replace("&", "") for b in box.buttons())
    assert texts == sorted(["OK", "Huỷ", "Đóng"])
    question = QMessageBox(QMessageBox.Icon.Question, "", "?", QMessageBox.StandardButton.Yes)
    qtbot.addWidget(question)
    assert question.button(QMessageBox.StandardButton.Yes).text().replace("&", "") == "Có"


def test_the_gnome_themes_dialog_buttons_speak_vietnamese(vietnamese, qtbot):
    """Under GNOME or ``QT_QPA_PLATFORMTHEME=gtk3`` (how a Linux desktop starts nndesk) Qt asks
    for OK, Save, Cancel and Close in the QGnomeTheme context, with mnemonics: the
    missing-dataset dialog said "Close" in a Vietnamese window (window59). The offscreen
    platform has no such theme, so this asks the installed translators as that theme does."""
    from PySide6.QtCore import QCoreApplication

    words = {
        source: QCoreApplication.translate("QGnomeTheme", source)
        for source in ("&OK", "&Save", "&Cancel", "&Close", "Close without Saving")
    }
    assert {s: w.replace("&", "") for s, w in words.items()} == {
        "&OK": "OK",
        "&Save": "Lưu",
        "&Cancel": "Huỷ",
        "&Close": "Đóng",
        "Close without Saving": "Đóng, không lưu",
    }
    # each keeps a mnemonic, as the theme's own words do, on a letter a keyboard types
    for source, word in words.items():
        if "&" in source:
            assert word.count("&") == 1 and word[word.index("&") + 1].isascii()


def test_qts_own_file_dialog_speaks_vietnamese(vietnamese, qtbot, tmp_path):
    """Qt ships no Vietnamese for its file dialog: its words are in nndesk's own file."""
    from PySide6.QtWidgets import QFileDialog, QLabel, QToolButton

    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the dialog Qt draws itself
    qtbot.addWidget(dialog)
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert labels == {"&Tìm trong:", "&Tên tệp:", "&Loại tệp:"}, labels
    tips = {b.toolTip() for b in dialog.findChildren(QToolButton)}
    assert {"Lùi lại", "Thư mục cha", "Tạo thư mục mới"} <= tips, tips
    menu = {a.text() for a in dialog.findChildren(QAction) if a.text()}
    assert "Show Kiểu" not in menu and "Hiện Kiểu" in menu, menu
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QTreeView

    tree = dialog.findChild(QTreeView)
    names = [tree.model().headerData(i, Qt.Orientation.Horizontal) for i in range(4)]
    assert names == ["Tên", "Kích thước", "Kiểu", "Ngày sửa"]


def test_the_file_dialogs_type_column_names_folders_and_files_in_vietnamese(
    vietnamese, qtbot, tmp_path
):
    """ "Folder" is Qt's own word (QAbstractFileIconProvider); a file's type is the MIME
    database's name for it, in QLocale's default language, which the language switch sets."""
    from PySide6.QtCore import QLocale, QMimeDatabase
    from PySide6.QtWidgets import QFileDialog, QTreeView

    (tmp_path / "runs").mkdir()
    (tmp_path / "digit.png").write_bytes(b"")
    dialog = QFileDialog(None, "", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    dialog.setViewMode(QFileDialog.ViewMode.Detail)
    qtbot.addWidget(dialog)
    dialog.show()
    tree = dialog.findChild(QTreeView)
    model, root = tree.model(), tree.rootIndex()

    def types() -> dict[str, str]:
        rows = range(model.rowCount(root))
        return {model.index(r, 0, root).data(): model.index(r, 2, root).data() for r in rows}

    qtbot.waitUntil(lambda: len(types()) == 2, timeout=10_000)
    assert types()["runs"] == "Thư mục"
    assert QLocale().name().startswith("vi")
    png = QMimeDatabase().mimeTypeForFile(str(tmp_path / "digit.png")).comment()
    assert types()["digit.png"] == png


def test_the_runs_table_says_each_runs_status_in_vietnamese(vietnamese, qtbot, tmp_path):
    from nndesk.controllers.run_list import RunListReader
    from nndesk.runs import RunStore
    from nndesk.ui.runs_table import STATUS
    from nndesk.ui.runs_view import RunsView

    store = RunStore(tmp_path / "runs")
    stored_runs([{"dataset": "mnist", "arch": "784-10"}], store)
    (store.root / "broken").mkdir()
    (store.root / "broken" / "run.json").write_text("[1]")
    view = RunsView(RunListReader(store))
    qtbot.addWidget(view)
    shown = {view.cell(r, STATUS) for r in range(view.row_count())}
    assert shown == {"hoàn tất", "hỏng"}
    assert {r.status for r in view.records()} == {"completed", "damaged"}  # run.json's words


def test_download_failures_are_explained_in_vietnamese(vietnamese, tmp_path):
    from nndesk.data.download import Cancel, DownloadError, fetch_file
    from nndesk.data.registry import DATASETS
    from nndesk.errors import user_message

    file = DATASETS["mnist"].files[0]
    with pytest.raises(DownloadError) as info:  # a classroom folder that does not hold it
        fetch_file(file, (str(tmp_path / "mirror"),), tmp_path / "cache", cancel=Cancel())
    said = user_message(info.value)
    assert said.startswith(f"{file.gz_name}: tải xuống thất bại (")
    assert "download failed" not in said and "Get it by hand" not in said
    assert str(info.value).startswith(f"{file.gz_name}: download failed (")  # the CLI's line


def test_the_mistakes_heading_is_all_vietnamese(vietnamese, qtbot):
    import numpy as np

    from nndesk.ui.mistakes_view import MistakesView
    from tests.test_evaluation import toy_result

    view = MistakesView()
    qtbot.addWidget(view)
    result = toy_result()
    view.set_result(result)
    right = int(np.flatnonzero(result.labels == result.predictions)[0])
    view.select_row(0)  # the first mistake, as a click on its tile
    assert view.current_index() in np.flatnonzero(result.labels != result.predictions)
    assert view.caption.text().endswith("— đoán sai"), view.caption.text()
    true = int(result.labels[right])
    view.set_filter(true, true)  # true = predicted: the images of that class it got right
    view.select_row(0)
    assert view.current_index() in np.flatnonzero(
        (result.labels == true) & (result.predictions == true)
    )
    assert view.caption.text().endswith("— đoán đúng"), view.caption.text()


def test_a_date_and_time_read_the_vietnamese_way_the_same_on_every_page(vietnamese, tmp_path):
    """The Started column read "02 thg 12 12:03" (two clock times, it seemed), the model box
    "lượt chạy 2026-12-02 12:03:00" and the Runs table "12:03" for one run: one helper
    writes "12:03 ngày 02/12" for all of them (the time alone on the day itself)."""
    from datetime import datetime, timedelta, timezone
    from types import SimpleNamespace

    from nndesk.i18n import moment_text
    from nndesk.inference import Classifier, shown_name
    from nndesk.ui.runs_table import started_text

    when = datetime(2026, 12, 2, 12, 3, 0, tzinfo=timezone.utc)
    local = when.astimezone()
    day = f"{local:%d/%m}"
    written = moment_text(when, now=when + timedelta(days=3))
    assert written == f"{local:%H:%M}\u00a0ngày\u00a0{day}"
    assert moment_text(when, now=when + timedelta(days=400)).endswith(f"{day}/{local.year}")
    assert moment_text(when, now=when + timedelta(minutes=1)) == f"{local:%H:%M}"

    record = SimpleNamespace(created_at="2026-12-02T12:03:00+00:00")
    started = started_text(record)  # the Runs table, the Train headline, the Replay
    model = tmp_path / "20261202-120300-abcd" / "model.npz"
    shown = shown_name(model)  # the model box, the status bar, Evaluate, Lab, Inside, Map
    for text in (started, shown):
        assert "thg" not in text and "2026-12-02" not in text, text
    assert started == written and " " not in started  # one piece: "lúc 03 thg" / "12 03:04"
    assert shown == "lượt chạy " + moment_text(when, seconds=True)
    assert Classifier.title.fget(SimpleNamespace(path=model)) == shown


def test_the_idx_readers_reasons_are_said_in_vietnamese_and_the_cli_line_stays_english(
    vietnamese, tmp_path
):
    """A truncated gzip, a wrong data-type code and counts that disagree were said in English
    inside a Vietnamese window; the words of a message the window made itself (a missing
    dataset) got "Không đọc được tập dữ liệu:" put before them a second time."""
    import gzip

    import numpy as np

    from nndesk.controllers.datasets import DatasetMissing
    from nndesk.data.idx import check_counts, read_idx, write_idx
    from nndesk.errors import DataError, window_message

    cut = write_idx(tmp_path / "cut.gz", np.zeros((5, 28, 28), np.uint8))
    cut.write_bytes(cut.read_bytes()[:-40])
    code = tmp_path / "code.idx"
    code.write_bytes(gzip.compress(bytes([0, 0, 0x99, 1, 0, 0, 0, 1, 7])))
    said = {}
    for path in (cut, code):
        with pytest.raises(DataError) as caught:
            read_idx(path)
        said[path.name] = (str(caught.value), window_message(caught.value))
    with pytest.raises(DataError) as caught:
        check_counts(np.zeros((3, 28, 28)), np.zeros(2), "a-images", "a-labels")
    said["counts"] = (str(caught.value), window_message(caught.value))
    assert said["cut.gz"] == (
        "cut.gz: cannot read (the gzip stream ends early); the file is corrupt or truncated",
        "cut.gz: không đọc được (luồng gzip kết thúc sớm); tệp bị hỏng hoặc bị cắt cụt",
    )
    assert said["code.idx"] == (
        "code.idx: unknown IDX data type code 0x99",
        "code.idx: mã kiểu dữ liệu IDX không rõ 0x99",
    )
    assert said["counts"] == (
        "a-images holds 3 images but a-labels holds 2 labels",
        "a-images chứa 3\u00a0ảnh nhưng a-labels chứa 2\u00a0nhãn",
    )
    words = language.translate(
        "Datasets",
        "{title} is not on this computer yet: download it, or choose a folder holding its "
        "four IDX files.",
    )
    assert window_message(DatasetMissing("mnist", words)) == words


def test_a_damaged_gzips_reason_is_vietnamese_and_zlibs_words_are_only_the_technical_detail(
    vietnamese, tmp_path
):
    """The walk: "Error -3 while decompressing data: invalid distance too far back" stood in
    English inside the Vietnamese line. The line names the kind of damage in Vietnamese; the
    banner's Details end with zlib's words on a line of their own, labelled as the technical
    detail."""
    import numpy as np

    from nndesk.controllers.datasets import damaged_text
    from nndesk.data.idx import read_idx, write_idx
    from nndesk.errors import DataError, window_message

    path = write_idx(
        tmp_path / "t10k-images-idx3-ubyte.gz",
        np.random.default_rng(3).integers(0, 30, (2000, 28, 28), np.uint8),
    )
    body = bytearray(path.read_bytes())
    body[1000] ^= 0xFF  # inside the deflate stream
    path.write_bytes(bytes(body))
    with pytest.raises(DataError) as caught:
        read_idx(path)
    line = window_message(caught.value)
    assert line == (
        "t10k-images-idx3-ubyte.gz: không đọc được (dữ liệu nén không hợp lệ); tệp bị hỏng "
        "hoặc bị cắt cụt"
    )
    details = damaged_text("mnist", path, line, caught.value.technical).splitlines()
    assert details[0].startswith(line) and "Error" not in details[0]
    assert details[-1].startswith("Chi tiết kỹ thuật, nguyên văn của thư viện: zlib: Error -3")
    assert len(details) == 2


@pytest.mark.parametrize("lr", [1000.0, 1e30])
def test_a_diverged_runs_message_writes_its_loss_as_the_charts_do(vietnamese, lr):
    """A newcomer's walk: the Train page's message said "mất mát tăng lên 3,54e+09" while the
    charts and Evaluate's card wrote "3,54×10⁹". The window writes the loss that ended a run
    as every other loss (``loss_text``; "∞" once it overflowed); the CLI's English line keeps
    Python's number."""
    import math

    from nndesk.i18n import localised, loss_text
    from nndesk.training import prepare, train
    from tests.test_training import FAST, tiny

    dataset = tiny.__wrapped__()
    config = FAST.replace(optimizer="sgd", lr=lr, epochs=3)
    end = list(train(prepare(config, dataset=dataset)))[-1]
    assert end.reason == "diverged"
    shown = localised(end.message)
    said = "NaN" if math.isnan(end.batch_loss) else loss_text(end.batch_loss)  # or "∞"
    assert said in shown and "e+" not in shown and "inf" not in shown
    assert ("×10" in said) == (math.isfinite(end.batch_loss) and end.batch_loss >= 1e4)
    assert "mất mát" in shown  # the Vietnamese template, filled
    language.use_language("en")
    assert format(end.batch_loss, ".3g") in str(end.message)  # the CLI's line, as it was
