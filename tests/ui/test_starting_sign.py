"""The sign a start shows before its heavy imports (walk71 F12: 80 s of an empty screen on a
first start, a student started nndesk twice): up before the window is built, closed once the
window has painted, in the language and theme the window will have; never for a command."""

from __future__ import annotations

import os
import sys
import threading

import pytest
from PySide6.QtCore import QEvent, QObject, QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from nndesk import paths, preferences
from nndesk.app import startup
from nndesk.cli import dispatch
from nndesk.ui import language, starting_sign, theme
from nndesk.ui.starting_sign import StartingSign


class _Seen(QObject):
    """Records the events ``kinds`` its watched objects get, as (name, kind), in order."""

    def __init__(self, seen: list, kinds: dict) -> None:
        super().__init__()
        self.seen, self.kinds, self.names = seen, kinds, {}

    def watch(self, obj: QObject, name: str) -> None:
        self.names[id(obj)] = name
        obj.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() in self.kinds:
            self.seen.append((self.names[id(watched)], self.kinds[event.type()]))
        return False


def test_the_sign_is_up_while_the_window_is_built_and_closes_once_the_window_has_painted(
    qtbot, monkeypatch
):
    seen: list = []
    watcher = _Seen(seen, {QEvent.Type.Paint: "painted", QEvent.Type.Close: "closed"})
    sign = StartingSign()
    qtbot.addWidget(sign)
    sign.show_centred()
    watcher.watch(sign, "sign")
    built: list[QWidget] = []

    class _Desk:
        def __init__(self) -> None:
            seen.append(("sign up as the window is built", sign.isVisible()))
            self.window = QWidget()
            watcher.watch(self.window, "window")
            built.append(self.window)

    monkeypatch.setattr(startup, "build_window", _Desk)
    monkeypatch.setattr(startup, "freeze_startup_objects", lambda: None)
    monkeypatch.setattr(startup.theme, "apply_theme", lambda *a: None)
    monkeypatch.setattr(startup.language, "use_language", lambda *a: None)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(startup.preferences, "window_geometry", lambda: None)
    monkeypatch.setattr(startup.preferences, "window_place", lambda: None)
    qt_app = QApplication.instance()
    names = qt_app.applicationName(), qt_app.organizationName()
    try:
        assert startup.run(sign=sign) == 0
        (window,) = built
        qtbot.addWidget(window)
        qtbot.waitUntil(lambda: not sign.isVisible())
    finally:
        qt_app.setApplicationName(names[0])
        qt_app.setOrganizationName(names[1])
    assert seen[0] == ("sign up as the window is built", True)
    window_events = [kind for name, kind in seen if name == "window"]
    assert window_events[0] == "painted"
    # the screen is never empty: the sign closes after the window's first paint, and once
    first_paint = seen.index(("window", "painted"))
    assert seen.index(("sign", "closed")) > first_paint
    assert seen.count(("sign", "closed")) == 1


@pytest.fixture
def window_opened(monkeypatch):
    """What ``nndesk`` with no command does, in order, the heavy parts replaced: a list of
    ("sign", ...), ("modules", sign), ("run", sign, data_dir)."""
    calls: list = []
    sign = object()

    def show():
        calls.append(("sign",))
        return sign

    monkeypatch.setattr(starting_sign, "show_starting_sign", show)
    monkeypatch.setattr(
        starting_sign, "load_the_window_modules", lambda s: calls.append(("modules", s))
    )
    monkeypatch.setattr(
        "nndesk.app.run",
        lambda data_dir=None, sign=None: calls.append(("run", sign, data_dir)) or 0,
    )
    monkeypatch.setattr(dispatch, "no_display", lambda: False)
    return calls, sign


def test_nndesk_shows_the_sign_before_it_loads_the_window_and_hands_it_on(window_opened, tmp_path):
    calls, sign = window_opened
    assert dispatch.main([]) == 0
    assert calls == [("sign",), ("modules", sign), ("run", sign, None)]
    calls.clear()
    assert dispatch.main(["--data-dir", str(tmp_path)]) == 0
    assert calls == [("sign",), ("modules", sign), ("run", sign, str(tmp_path))]


@pytest.mark.parametrize(
    "argv",
    [
        ["presets"],
        ["presets", "--json"],
        ["--version"],
        ["--help"],
        ["models", "--json"],
        ["--data-dir", "/nowhere/at/all"],
    ],
)
def test_commands_and_refused_starts_never_show_the_sign(window_opened, argv, capsys):
    calls, _ = window_opened
    dispatch.main(argv)
    assert calls == []
    assert "Starting" not in capsys.readouterr().out


def test_the_sign_speaks_the_remembered_language_in_the_remembered_theme(qtbot):
    settings = QSettings(
        str(paths.data_dir() / starting_sign.SETTINGS_FILE), QSettings.Format.IniFormat
    )
    settings.setValue("ui/language", "vi")
    settings.setValue("ui/theme", "dark")
    settings.sync()
    qt_app = QApplication.instance()
    names = qt_app.applicationName(), qt_app.organizationName()
    try:
        sign = starting_sign.show_starting_sign()
        qtbot.addWidget(sign)
        assert language.current_language() == "vi"
    finally:
        language.use_language("en")
        qt_app.setApplicationName(names[0])
        qt_app.setOrganizationName(names[1])
    vietnamese = language.translate_in("vi", "StartingSign", "Starting nndesk…")
    assert vietnamese != "Starting nndesk…"  # translated, and shown so
    assert sign.starting.text() == vietnamese
    assert sign.palette().color(QPalette.ColorRole.Window).name() == theme.DARK.window
    assert sign.palette().color(QPalette.ColorRole.WindowText).name() == theme.DARK.window_text
    assert sign.isVisible() and sign.first_start.isHidden()


def test_remembered_choices_are_read_from_qts_own_file_and_never_from_a_pipe(tmp_path):
    path = tmp_path / starting_sign.SETTINGS_FILE
    assert starting_sign.remembered_choice("ui/language", tmp_path) is None  # no file yet
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue("ui/language", "vi")
    settings.setValue("ui/theme", "light")
    settings.setValue("data/dir", "/some/where")
    settings.sync()
    assert starting_sign.remembered_choice("ui/language", tmp_path) == "vi"
    assert starting_sign.remembered_choice("ui/theme", tmp_path) == "light"
    assert starting_sign.remembered_choice("ui/text_size", tmp_path) is None
    assert starting_sign.remembered_choice("data/language", tmp_path) is None  # another section
    path.write_bytes(b"[ui]\nlanguage=vi\n" + b"#" * starting_sign.MAX_SETTINGS_BYTES)
    assert starting_sign.remembered_choice("ui/language", tmp_path) is None  # not nndesk's
    path.write_bytes(b"[ui]\nlanguage=\xff\xfe\n")
    assert starting_sign.remembered_choice("ui/language", tmp_path) is None
    path.unlink()
    if hasattr(os, "mkfifo"):
        os.mkfifo(path)  # a reader would wait for a writer for ever: returns at once instead
        assert starting_sign.remembered_choice("ui/language", tmp_path) is None


def test_the_signs_copies_agree_with_the_modules_it_may_not_load():
    assert starting_sign.SETTINGS_FILE == preferences.SETTINGS_FILE
    assert starting_sign.MAX_SETTINGS_BYTES == preferences.MAX_SETTINGS_BYTES
    for name, colours in (("light", theme.LIGHT), ("dark", theme.DARK)):
        assert starting_sign.THEME_COLOURS[name] == (colours.window, colours.window_text)


@pytest.mark.parametrize("first", [True, False])
def test_a_first_start_says_why_it_takes_long_on_the_sign_and_the_terminal(
    qtbot, tmp_path, monkeypatch, capsys, first
):
    import matplotlib

    if not first:
        (tmp_path / "fontlist-v3.11.0.json").write_text("{}")
    monkeypatch.setattr(matplotlib, "get_cachedir", lambda: str(tmp_path))
    sign = StartingSign()
    qtbot.addWidget(sign)
    sign.show_centred()
    height = sign.height()
    starting_sign.load_the_window_modules(sign)
    assert sign.first_start.isVisible() is first
    assert (starting_sign.FIRST_START_LINE in capsys.readouterr().err) is first
    assert (sign.height() > height) is first  # room made for the line, not cut off


def test_a_module_is_imported_beside_the_gui_thread_which_keeps_painting(tmp_path, monkeypatch):
    """The font list (matplotlib.font_manager's import) is made on a thread of its own: the
    module here loads only once the GUI thread's repaint has run, so an import on the GUI
    thread would never see a repaint first."""
    gate = threading.Event()
    (tmp_path / "slow_to_load.py").write_text(
        "import threading, sign_gate\n"
        "LOADED_ON = threading.current_thread()\n"
        "assert sign_gate.gate.wait(30)\n"
    )
    gate_module = type(sys)("sign_gate")
    gate_module.gate = gate
    monkeypatch.setitem(sys.modules, "sign_gate", gate_module)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "slow_to_load", raising=False)
    repaints = []

    def repaint() -> None:
        repaints.append(gate.is_set())
        gate.set()

    starting_sign.import_beside("slow_to_load", repaint)
    loaded = sys.modules["slow_to_load"]
    assert repaints[0] is False  # the GUI thread ran while the module was loading
    assert loaded.LOADED_ON is not threading.main_thread()
    monkeypatch.delitem(sys.modules, "slow_to_load")


def test_a_module_that_fails_beside_is_left_for_the_gui_threads_own_import():
    starting_sign.import_beside("nndesk_has_no_such_module", lambda: None)
    assert "nndesk_has_no_such_module" not in sys.modules


def test_the_modules_loaded_beside_the_gui_thread_load_no_qt():
    """A QObject made as a module loads would belong to the loading thread (its signals queued
    to a thread that ended): the modules loaded off the GUI thread load no Qt at all (one fresh
    interpreter loads them all: none of them loads Qt if they do not together)."""
    import subprocess

    code = "import importlib, sys\n"
    code += f"for name in {starting_sign.BESIDE_MODULES!r}: importlib.import_module(name)\n"
    code += "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_the_modules_loaded_on_the_gui_thread_exist():
    import importlib

    for name in starting_sign.GUI_THREAD_MODULES:  # a module renamed away fails here
        importlib.import_module(name)
