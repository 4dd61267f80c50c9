"""A second window says another is open on the same nndesk folder (walk60 D11); a lock left by
a window that was killed neither blocks nor nags; the second can bring the first forward, and
takes the lock over when the first closes (fixD 1), tested with real processes."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from nndesk.app.window_lock import (
    LOCK_NAME,
    bring_forward,
    say_another_window_is_open,
    take_window_lock,
)

ROOT = Path(__file__).resolve().parents[2]
WAIT_S = 60  # a bound for a hang only: a line that comes sooner ends the wait
#: a stand-in for a window's process: it takes the lock, says so and what happens to it
#: ("shown" when asked to come forward, "took over" when the holder before it closed), asks
#: the holder to come forward when told "show", and ends, letting the lock go, when told "quit"
HOLDER = """
import sys
from pathlib import Path
from PySide6.QtCore import QSocketNotifier
from PySide6.QtWidgets import QApplication
from nndesk.app.window_lock import take_window_lock

app = QApplication([])
held = take_window_lock(Path(sys.argv[1]))
say = lambda word: print(word, flush=True)
say("alone" if held.holds() else "not alone")
held.show_asked.connect(lambda: say("shown"))
held.took_over.connect(lambda: say("took over"))

def read():
    line = sys.stdin.readline().strip()
    if line == "show":  # its notice's "Show the other window"
        say("asked" if held.show_the_other() else "cannot ask")
    elif line in ("quit", ""):
        held.release()
        app.quit()

notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
notifier.activated.connect(read)
app.exec()
"""


def _window(folder: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(folder)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    )


def _said(child: subprocess.Popen) -> str:
    """The child's next line, waited for at most ``WAIT_S``."""
    ready, _, _ = select.select([child.stdout], [], [], WAIT_S)
    assert ready, "the window process said nothing"
    return child.stdout.readline().strip()


def _end(child: subprocess.Popen) -> None:
    if child.poll() is None:
        _tell(child, "quit")
    child.wait(WAIT_S)


def test_a_window_open_in_another_process_is_found_and_a_killed_ones_lock_is_taken_over(
    qtbot, tmp_path
):
    child = _window(tmp_path)
    try:
        assert _said(child) == "alone"
        held = take_window_lock(tmp_path)
        assert held.another_window_is_open() and held.other_pid == child.pid
        assert held.lock is None
    finally:
        child.send_signal(signal.SIGKILL)  # as a crash leaves it: the lock file stays
        child.wait()
    assert (tmp_path / LOCK_NAME).is_file()
    # the window open meanwhile takes it over: its connection to the killed one dropped
    qtbot.waitUntil(held.holds, timeout=WAIT_S * 1000)
    held.release()
    fresh = take_window_lock(tmp_path)  # at once, without a word: nobody holds it
    assert not fresh.another_window_is_open() and fresh.lock is not None
    fresh.release()


def test_the_lock_passes_to_a_window_still_open_so_a_later_one_is_told(qtbot, tmp_path):
    """fixD 1: the first window was not brought forward, and once it closed nobody held the
    lock: a third window started while the second was open said nothing. Now the second asks
    the first to come forward, takes the lock over when it closes, and the third (a real
    process) is told another window is open."""
    first = _window(tmp_path)
    try:
        assert _said(first) == "alone"
        second = take_window_lock(tmp_path)  # this process: the second window
        assert second.another_window_is_open() and not second.holds()
        qtbot.waitUntil(second.can_show_the_other, timeout=WAIT_S * 1000)
        # its notice's "Show the other window": the first window's process hears it
        assert second.show_the_other() and _said(first) == "shown"
        with qtbot.waitSignal(second.took_over, timeout=WAIT_S * 1000):
            _end(first)  # the first window closes
        assert second.holds()
    finally:
        _end(first)
    third = _window(tmp_path)
    try:
        assert _said(third) == "not alone"
    finally:
        _end(third)
    second.release()
    last = take_window_lock(tmp_path)  # the second closed too: a window started now is alone
    assert last.holds() and not last.another_window_is_open()
    last.release()


def _tell(child: subprocess.Popen, line: str) -> None:
    child.stdin.write(line + "\n")
    child.stdin.flush()


def _has_said(child: subprocess.Popen, within: float = 0.0) -> bool:
    return bool(select.select([child.stdout], [], [], within)[0])


def test_of_two_later_windows_one_takes_the_lock_and_the_other_follows_it(qtbot, tmp_path):
    first = _window(tmp_path)
    try:
        assert _said(first) == "alone"
        second = _window(tmp_path)
        assert _said(second) == "not alone"
        third = take_window_lock(tmp_path)  # this process
        qtbot.waitUntil(third.can_show_the_other, timeout=WAIT_S * 1000)
        _end(first)
        # whichever tried first holds it now; the other follows it. Asked to come forward
        # again until it hears it: a follower that had not yet seen its connection to the
        # first drop asked the closed window
        qtbot.waitUntil(lambda: third.holds() or _has_said(second), timeout=WAIT_S * 1000)
        if third.holds():
            heard: list = []
            third.show_asked.connect(lambda: heard.append(True))

            def second_asks() -> bool:
                _tell(second, "show")
                _said(second)  # "asked" (or "cannot ask" while it reconnects)
                return bool(heard)

            qtbot.waitUntil(second_asks, timeout=WAIT_S * 1000)
        else:
            assert _said(second) == "took over"
            qtbot.waitUntil(
                lambda: third.show_the_other() and _has_said(second, 0.2), timeout=WAIT_S * 1000
            )
            assert _said(second) == "shown"
    finally:
        _end(first)
        if "second" in locals():
            _end(second)
    third.release()


def test_the_lock_is_let_go_when_the_first_window_ends(tmp_path):
    first = take_window_lock(tmp_path)
    assert first.lock is not None and not first.another_window_is_open()
    assert take_window_lock(tmp_path).other_pid == os.getpid()
    first.release()
    again = take_window_lock(tmp_path)
    assert not again.another_window_is_open() and again.lock is not None
    again.release()


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


def test_the_notice_shows_the_other_window_and_goes_once_that_one_closes(qtbot, tmp_path):
    first = take_window_lock(tmp_path)  # the window open already (here, this process)
    held = take_window_lock(tmp_path)
    qtbot.waitUntil(held.can_show_the_other, timeout=WAIT_S * 1000)
    window = QWidget()
    qtbot.addWidget(window)
    window.show()
    box = say_another_window_is_open(window, tmp_path / "runs", held)
    (show,) = [b for b in box.buttons() if b.text() == "Show the other window"]
    with qtbot.waitSignal(first.show_asked, timeout=WAIT_S * 1000):
        show.click()
    box = say_another_window_is_open(window, tmp_path / "runs", held)
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # with two buttons too
    qtbot.waitUntil(lambda: not shiboken6.isValid(box) or not box.isVisible())
    box = say_another_window_is_open(window, tmp_path / "runs", held)  # opened again, left open
    with qtbot.waitSignal(held.took_over, timeout=WAIT_S * 1000):
        first.release()  # the other window closes: what the notice said is gone
    qtbot.waitUntil(lambda: not shiboken6.isValid(box) or not box.isVisible())
    held.release()


def test_the_window_asked_to_show_comes_out_of_the_taskbar(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized)
    bring_forward()
    qtbot.waitUntil(lambda: not window.isMinimized())


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
        first.release()  # the first closes; a window started now is alone
        built.clear()
        assert startup.run() == 0
        (window,) = built
        qtbot.addWidget(window)
        assert not [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    finally:
        first.release()
        qt_app.setApplicationName(names[0])
        qt_app.setOrganizationName(names[1])
