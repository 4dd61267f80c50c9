"""The window with the user's own damaged or unlucky data: it starts, shows one message per
problem, and stays up."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from nndesk import paths, preferences
from nndesk.controllers.training import TrainingController
from nndesk.ui.train_form import parameter_summary
from tests.ui.conftest import training_page

WAIT_MS = 60_000  # a bound for a failure only: a condition met sooner ends the wait


def test_the_window_starts_with_a_hand_mangled_settings_file(window_factory, tmp_path):
    home = paths.data_dir()
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.ini").write_text(
        "[data]\ndir=a, b, c\n"
        "[models]\nrecent=@Variant(\\0\\0\\0\\x7f\\0\\0\\0\\x6QPoint\\0\\0\\0\\0\\x1)\n"
        f"[ui]\nmode=42\nsaliency=@ByteArray(x)\ngeometry=not geometry\n{'x' * 3000}=\n"
    )
    window = window_factory().window
    assert window.isVisible()
    assert preferences.last_mode() == "digits"
    assert preferences.data_dir() is None
    assert preferences.recent_models() == []


@pytest.mark.parametrize(
    ("arch", "reason"),
    [
        ("100-10", "input size must be 784"),
        ("٧٨٤-10", "digits 0-9"),
        ("784-99999-10", "width must be 1 to 16384"),
        ("784-16384-16384-10", "too many to train"),
        ("784-c8k27v-c8k5v-10", "does not fit"),
    ],
)
def test_the_train_form_refuses_what_the_command_line_refuses(arch, reason):
    """Checked from the string alone: the form runs this on the GUI thread while typing."""
    from nndesk.errors import ConfigError

    with pytest.raises(ConfigError, match=reason):
        parameter_summary(arch)


def test_saving_a_model_where_it_cannot_go_shows_one_message(
    qtbot, tmp_path, monkeypatch, save_dialogs
):
    panel = training_page(TrainingController(lambda name: None))
    qtbot.addWidget(panel)
    panel.show()
    model = tmp_path / "trained.npz"
    model.write_bytes(b"a model")
    monkeypatch.setattr(panel, "_current_model_path", lambda: model)
    afile = tmp_path / "notes.txt"
    afile.write_text("x")
    save_dialogs.answer = str(afile / "m.npz")
    panel.save_button.setEnabled(True)
    panel.save_button.click()
    box = panel.message_box()
    assert isinstance(box, QMessageBox) and box.isVisible()
    assert "notes.txt" in box.text() and ".nndesk-tmp" not in box.text()
    assert "\n" not in box.text()
    assert panel.isVisible() and model.read_bytes() == b"a model"
    panel.shutdown()


@pytest.mark.parametrize("junk", ["binary", "not ini"])
def test_an_unreadable_settings_file_is_said_once_in_the_window_and_left_as_it_is(
    window_factory, qtbot, monkeypatch, junk
):
    """Probe 33 F8: a garbage settings.ini was said on stderr only (and Qt wrote its own keys
    into it). The window says once that it was not read and was left as it is; a window
    rebuilt in the same session (View > Language) says nothing more."""
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: said.append((title, text)))
    )
    home = paths.data_dir()
    home.mkdir(parents=True, exist_ok=True)
    path = home / "settings.ini"
    data = bytes(range(256)) * 8 if junk == "binary" else b"[ui]\ntheme=dark\n[[[\n=x\n"
    path.write_bytes(data)
    window = window_factory().window
    qtbot.waitUntil(lambda: len(said) > 0, timeout=WAIT_MS)
    ((title, text),) = said
    assert title == "Settings not read" and "\n" not in text
    assert text.startswith(f"Your settings were not read: {path} ")
    assert "settings-fallback.ini" in text
    preferences.set_theme("light")  # a change goes to the fallback file, never into the junk
    preferences.flush()
    assert path.read_bytes() == data
    assert window.isVisible()
    assert preferences.take_unread_notice() is None  # told: a rebuilt window stays quiet


@pytest.mark.parametrize("first_start", [False, True], ids=["settings", "no settings yet"])
@pytest.mark.parametrize("lock", ["folder", "pipe", "link to nowhere", "link to itself"])
def test_a_settings_lock_qt_would_wait_on_for_ever_is_said_and_the_window_starts(
    window_factory, qtbot, monkeypatch, lock, first_start
):
    """Qt locks ``settings.ini.lock`` to write the settings and waits for ever on one it can
    neither create nor read: the window never appeared (trust52). The settings file is then
    not used, as an unreadable one: the fallback file is, the window says so once, and the
    odd lock and the settings are left as they are."""
    import os

    said: list[tuple[str, str]] = []
    monkeypatch.setattr(
        QMessageBox, "warning", staticmethod(lambda parent, title, text: said.append((title, text)))
    )
    home = paths.data_dir()
    home.mkdir(parents=True, exist_ok=True)
    path, odd = home / "settings.ini", home / "settings.ini.lock"
    kept = b"" if first_start else b"[ui]\ntheme=dark\n"
    if not first_start:  # on a first start Qt would make the file, taking the lock first
        path.write_bytes(kept)
    if lock == "folder":
        odd.mkdir()
    elif lock == "pipe":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no named pipes on this platform")
        os.mkfifo(odd)
    else:
        odd.symlink_to(home / "nowhere" / "x" if lock == "link to nowhere" else odd)
    # checked before anything writes: on a file Qt cannot lock, the write would never return
    assert preferences.settings_file().name == "settings-fallback.ini"
    window = window_factory().window
    qtbot.waitUntil(lambda: len(said) > 0, timeout=WAIT_MS)
    ((title, text),) = said
    assert title == "Settings not read" and "\n" not in text
    assert f"{path} cannot be locked for writing (settings.ini.lock: " in text, text
    preferences.set_theme("light")
    preferences.flush()
    assert (path.read_bytes() if path.exists() else b"") == kept and os.path.lexists(odd)
    assert preferences.theme() == "light" and window.isVisible()


def test_settings_that_cannot_be_saved_are_said_in_one_line_once(
    window_factory, qtbot, monkeypatch, tmp_path
):
    """walk52 D12: on a full disk the theme and mode chosen were lost at the next start, and
    nothing said so. Qt says only "access error": the line names the file and the system's
    reason, found by a write of its own, once a session."""
    window = window_factory().window
    in_the_way = tmp_path / "nndesk"
    in_the_way.write_text("a file where the folder goes")  # refuses root too, on any system
    path = in_the_way / "settings.ini"
    monkeypatch.setattr(preferences, "settings_file", lambda: path)
    monkeypatch.setattr(preferences, "_unsaved", None)
    told: list[tuple[str, str]] = []
    preferences.saving.unsaved.connect(lambda *args: told.append(args))
    preferences.set_theme("dark")
    preferences.set_last_mode("garments")
    assert preferences.flush(WAIT_MS / 1000)  # written (refused) off the GUI thread
    qtbot.waitUntil(lambda: bool(told) and bool(window.statusBar().currentMessage()))
    assert preferences.theme() == "dark"  # kept in memory for the rest of the session
    assert len(told) == 1 and told[0][0] == str(path) and told[0][1]  # the system's reason
    line = window.statusBar().currentMessage()
    assert line.startswith(f"Your settings could not be saved in {path} ({told[0][1]})")
    assert "forgotten when nndesk closes" in line and "\n" not in line
    assert preferences.unsaved_settings() == told[0]
