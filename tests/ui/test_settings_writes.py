"""Settings are written off the GUI thread, and kept when the window closes right after a change.

Each change in the window (a theme, a mode, the "Not sure" spin box) was written and fsynced on
the GUI thread by ``QSettings.sync()``: the window waited for the disk at every change.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

from nndesk import preferences, settings_writer

WAIT_S = 30


def _gated_writes(monkeypatch) -> tuple[threading.Event, list[threading.Thread]]:
    """A disk that answers once the gate opens; the threads that wrote."""
    gate, threads = threading.Event(), []
    real = settings_writer._write

    def slow_disk(path, changes):
        threads.append(threading.current_thread())
        gate.wait(WAIT_S)  # a bound for a hang only
        real(path, changes)

    monkeypatch.setattr(settings_writer, "_write", slow_disk)
    return gate, threads


def test_a_changed_setting_is_read_back_at_once_and_written_off_the_gui_thread(qapp, monkeypatch):
    path = preferences.settings_file()
    preferences.set_theme("light")
    assert preferences.flush(WAIT_S)
    before = path.read_bytes()
    gate, threads = _gated_writes(monkeypatch)
    preferences.set_theme("dark")
    preferences.set_not_sure_threshold(42)
    preferences.set_data_dir("/somewhere/mnist", "mnist")
    # the GUI thread went on without writing anything: the file is as it was
    assert path.read_bytes() == before
    assert preferences.theme() == "dark" and preferences.not_sure_threshold() == 42
    assert preferences.data_dir("mnist") == "/somewhere/mnist"
    gate.set()
    assert preferences.flush(WAIT_S)
    text = path.read_text()
    assert "theme=dark" in text and "not_sure=42" in text and "/somewhere/mnist" in text
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert preferences.theme() == "dark" and preferences.data_dir("mnist") == "/somewhere/mnist"


def test_changes_asked_during_a_write_are_written_together_by_the_next(qapp, monkeypatch):
    gate, threads = _gated_writes(monkeypatch)
    preferences.set_theme("dark")  # taken by the writer, which waits on the disk
    for percent in range(10, 30):  # a spin box held down meanwhile
        preferences.set_not_sure_threshold(percent)
    preferences.set_theme("light")
    gate.set()
    assert preferences.flush(WAIT_S)
    assert len(threads) <= 2  # never one write per change
    text = preferences.settings_file().read_text()
    assert "theme=light" in text and "not_sure=29" in text


def test_a_forgotten_folder_is_removed_from_the_file_too(qapp):
    preferences.set_data_dir("/a/mnist", "mnist")
    preferences.set_data_dir("/a/fashion", "fashion")
    assert preferences.flush(WAIT_S)
    preferences.set_data_dir("/b/both")  # every dataset's: each mode's own are forgotten
    assert preferences.data_dir("mnist") == "/b/both"
    assert preferences.flush(WAIT_S)
    text = preferences.settings_file().read_text()
    assert "dir-mnist" not in text and "dir-fashion" not in text and "/b/both" in text


def test_the_settings_file_keeps_its_permissions(qapp):
    path = preferences.settings_file()
    preferences.set_theme("dark")
    assert preferences.flush(WAIT_S)
    os.chmod(path, 0o600)
    preferences.set_theme("light")
    assert preferences.flush(WAIT_S)
    assert (path.stat().st_mode & 0o777) == 0o600 and "theme=light" in path.read_text()


#: A window started in a child process whose settings are written by ``{disk}`` (code that
#: replaces ``settings_writer._write``): it makes the ``{changes}`` and closes at once.
CLOSING_CHILD = """
import sys, threading, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from nndesk import preferences, settings_writer
from nndesk.app import startup
{disk}
def change_then_close():
{changes}
    for window in app.topLevelWidgets():
        window.close()
QTimer.singleShot(0, change_then_close)
sys.exit(startup.run())
"""


def _closed_right_after(tmp_path, disk: str, changes: list[str], timeout: float):
    """The child process of ``CLOSING_CHILD`` (ended) and its home folder."""
    home = tmp_path / "home"
    env = {
        **os.environ,
        "NNDESK_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "NNDESK_CACHE_DIR": str(tmp_path / "cache"),
    }
    code = CLOSING_CHILD.format(disk=disk, changes="\n".join(f"    {c}" for c in changes))
    child = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=timeout
    )
    return child, home


SLOW_DISK = """
closed = threading.Event()
real = settings_writer._write
def after_the_window(path, changes):
    # a slow disk (a network home folder): it answers a second after the window has gone,
    # when a process not waiting for it has long ended
    closed.wait(30)
    time.sleep(1.0)
    real(path, changes)
settings_writer._write = after_the_window
app.aboutToQuit.connect(closed.set)
"""


def test_a_window_closed_right_after_a_change_keeps_it(tmp_path):
    changes = ['preferences.set_theme("dark")', 'preferences.set_saliency_kind("gradient")']
    child, home = _closed_right_after(tmp_path, SLOW_DISK, changes, timeout=120)
    assert child.returncode == 0, child.stderr
    text = Path(home / preferences.SETTINGS_FILE).read_text()
    assert "theme=dark" in text and "saliency=gradient" in text
    assert "place=" in text  # the window's place, saved as it closed


HUNG_DISK = """
settings_writer.EXIT_WAIT_SECONDS = 0.5
never = threading.Event()
def hung_disk(path, changes):
    never.wait(120)  # a network home folder that stopped answering
settings_writer._write = hung_disk
"""


def test_a_disk_that_hangs_does_not_keep_the_app_from_ending(tmp_path):
    child, _ = _closed_right_after(
        tmp_path, HUNG_DISK, ['preferences.set_theme("dark")'], timeout=60
    )
    assert child.returncode == 0, child.stderr


def test_the_writers_own_lock_let_go_while_the_file_is_judged_is_no_problem(qapp, monkeypatch):
    """Qt's settings.ini.lock exists while the writer thread writes and is gone a moment later:
    seen by an lexists and gone by the stat, it was taken for a link leading nowhere, and the
    window said "Settings not read" and moved to the fallback file mid-session (a batch's
    language switch test)."""
    path = preferences.settings_file()
    lock = path.with_name(path.name + ".lock")
    real_lexists = os.path.lexists
    monkeypatch.setattr(  # the lock there when looked for, let go before it is opened
        os.path, "lexists", lambda p: True if Path(p) == lock else real_lexists(p)
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    assert not lock.exists()
    assert preferences._lock_problem(path) is None
    lock.write_text("12345\nnndesk\nhost\n")  # held: a regular file Qt reads as a lock
    assert preferences._lock_problem(path) is None
    lock.unlink()
    lock.symlink_to(lock.parent / "nowhere")  # a link leading nowhere stays a problem
    assert preferences._lock_problem(path) is not None
    lock.unlink()


def test_settings_read_while_the_writer_writes_stay_in_the_same_file(qapp):
    """Reads on the calling thread while the writer thread writes (and takes Qt's lock) keep to
    settings.ini: no fallback file, nothing said."""
    path = preferences.settings_file()
    for percent in range(40):
        preferences.set_not_sure_threshold(percent)
        assert preferences.settings_file() == path
        assert preferences.not_sure_threshold() == percent
    assert preferences.flush(WAIT_S)
    assert preferences.take_unread_notice() is None
    assert not path.with_name(preferences.FALLBACK_SETTINGS_FILE).exists()


def _refusals(monkeypatch) -> list[Path]:
    told: list[Path] = []
    monkeypatch.setattr(settings_writer, "on_refused", told.append)
    return told


def test_a_hand_edited_line_qt_cannot_parse_is_no_refusal_to_save(qapp, monkeypatch, tmp_path):
    """walk55b D4: one ``# comment`` line (Qt's INI reader takes only ``;``), or a line before
    any section, made the window say "your settings could not be saved … forgotten" of a file
    rewritten with the change: Qt's status kept the format error met reading it."""
    told = _refusals(monkeypatch)
    for i, text in enumerate(("# my note\n[ui]\nmode=digits\n", "stray\n[ui]\nmode=digits\n")):
        path = tmp_path / f"settings{i}.ini"
        path.write_text(text)
        settings_writer.change(path, "ui/theme", "dark")
        assert settings_writer.flush(WAIT_S)
        assert "theme=dark" in path.read_text() and "mode=digits" in path.read_text()
    assert told == []


def test_a_write_that_did_not_reach_a_file_qt_cannot_parse_is_still_a_refusal(
    qapp, monkeypatch, tmp_path
):
    """Qt keeps a format error over a later access error: the file left as it was says the
    write did not get in (a full disk under a hand-edited file)."""
    from PySide6.QtCore import QSettings

    class FullDisk(QSettings):
        def sync(self) -> None:  # reads the file (and meets its "# line"), writes nothing
            self.allKeys()

    monkeypatch.setattr(
        settings_writer, "_qsettings", lambda path: FullDisk(str(path), QSettings.Format.IniFormat)
    )
    told = _refusals(monkeypatch)
    path = tmp_path / "settings.ini"
    path.write_text("# my note\n[ui]\nmode=digits\n")
    settings_writer.change(path, "ui/theme", "dark")
    assert settings_writer.flush(WAIT_S)
    assert told == [path]


def test_every_why_method_is_remembered_across_a_restart(qapp):
    # walk59 D6: occlusion, integrated gradients and SmoothGrad were written but read back as
    # the default, so the Why page forgot them at every launch
    from nndesk.explain import SALIENCY_KINDS

    for kind in SALIENCY_KINDS:
        preferences.set_saliency_kind(kind)
        assert preferences.flush(WAIT_S)
        assert f"saliency={kind}" in preferences.settings_file().read_text()
        assert preferences.saliency_kind() == kind
