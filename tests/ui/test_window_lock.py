"""A second window says another is open on the same nndesk folder (walk60 D11); a lock left by
a window that was killed neither blocks nor nags."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QWidget

from nndesk.app.window_lock import LOCK_NAME, say_another_window_is_open, take_window_lock

ROOT = Path(__file__).resolve().parents[2]
#: a stand-in for a window's process: it takes the lock, says so, and waits to be ended
HOLDER = (
    "import sys; from pathlib import Path; "
    "from nndesk.app.window_lock import take_window_lock; "
    "held = take_window_lock(Path(sys.argv[1])); "
    "print('alone' if held.lock is not None else 'not alone', flush=True); sys.stdin.read()"
)


def _holder(folder: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout.readline().strip() == "alone"  # it holds the lock now
    return child


def test_a_window_open_in_another_process_is_found_and_a_killed_ones_lock_is_taken_over(
    tmp_path,
):
    child = _holder(tmp_path)
    try:
        held = take_window_lock(tmp_path)
        assert held.another_window_is_open() and held.other_pid == child.pid
        assert held.lock is None
    finally:
        child.send_signal(signal.SIGKILL)  # as a crash leaves it: the lock file stays
        child.wait()
    assert (tmp_path / LOCK_NAME).is_file()
    held = take_window_lock(tmp_path)  # at once, without a word: its process is gone
    assert not held.another_window_is_open() and held.lock is not None
    held.lock.unlock()


def test_the_lock_is_let_go_when_the_first_window_ends(tmp_path):
    first = take_window_lock(tmp_path)
    assert first.lock is not None and not first.another_window_is_open()
    assert take_window_lock(tmp_path).other_pid == os.getpid()
    first.lock.unlock()
    again = take_window_lock(tmp_path)
    assert not again.another_window_is_open() and again.lock is not None
    again.lock.unlock()


def test_a_lock_that_cannot_be_a_windows_says_nothing(tmp_path):
    (tmp_path / LOCK_NAME).mkdir()  # a folder of that name
    held = take_window_lock(tmp_path)
    assert not held.another_window_is_open() and held.lock is None
    blocked = tmp_path / "a-file"
    blocked.write_text("x")  # the nndesk folder cannot be made
    assert not take_window_lock(blocked / "nndesk").another_window_is_open()


def test_the_second_window_says_what_the_two_share_without_blocking(qtbot, tmp_path):
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    box = say_another_window_is_open(window, tmp_path / "runs")  # returns: nothing waits
    assert box.isVisible() and box.windowTitle() == "Another nndesk window is open"
    assert str(tmp_path / "runs") in box.text() and "listed in both" in box.text()
    assert "\n" not in box.text()
    box.button(QMessageBox.StandardButton.Ok).click()
    assert not box.isVisible()


def test_a_window_started_while_another_is_open_says_so(qtbot, monkeypatch):
    """The start-up itself: the lock is taken before the window is built, and the second
    window's box comes once it is up."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from nndesk import paths
    from nndesk.app import startup

    built: list[QWidget] = []

    class _Desk:
        def __init__(self) -> None:
            self.window = QWidget()
            built.append(self.window)

    def one_turn_of_the_loop(self) -> int:
        QCoreApplication.processEvents()
        return 0

    monkeypatch.setattr(startup, "build_window", _Desk)
    monkeypatch.setattr(startup, "freeze_startup_objects", lambda: None)
    monkeypatch.setattr(startup.theme, "apply_theme", lambda *a: None)
    monkeypatch.setattr(startup.language, "use_language", lambda *a: None)
    monkeypatch.setattr(QApplication, "exec", one_turn_of_the_loop)
    monkeypatch.setattr(startup.preferences, "window_geometry", lambda: None)
    monkeypatch.setattr(startup.preferences, "window_place", lambda: None)
    qt_app = QApplication.instance()
    names = qt_app.applicationName(), qt_app.organizationName()
    first = take_window_lock(paths.data_dir())  # the window open already
    try:
        assert startup.run() == 0
        (window,) = built
        qtbot.addWidget(window)
        (box,) = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
        assert box.windowTitle() == "Another nndesk window is open"
        assert str(paths.runs_dir()) in box.text()
        box.button(QMessageBox.StandardButton.Ok).click()
        first.lock.unlock()  # the first closes; a window started now is alone
        built.clear()
        assert startup.run() == 0
        (window,) = built
        qtbot.addWidget(window)
        assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    finally:
        if first.lock is not None:
            first.lock.unlock()
        qt_app.setApplicationName(names[0])
        qt_app.setOrganizationName(names[1])
