"""The signals that ask a program to end close the window as its close button does.

SIGTERM (``kill``, a logout, a service manager), SIGHUP (the terminal it was started from
closed) and Ctrl+C in that terminal (SIGINT). Before, SIGTERM and SIGHUP ended the process where
it stood: a run training lost its model and every curve since its record's last write (its
folder was left saying "running"), and the window's place was not kept; Ctrl+C did nothing.
Now the window closes without asking (nobody may be there to answer "Stop training and
quit?"): a run training stops and is saved as a run, the files being written are finished, and
the process exits with 128 + the signal's number. A second such signal while it closes ends it
at once (the system's default).

Python runs a handler only between bytecodes, and Qt's event loop is C++: a plain handler would
wait for the next Python slot. So the handler does nothing, and the interpreter's C-level
handler writes the signal's number into a socket (``signal.set_wakeup_fd``) that a
``QSocketNotifier`` watches on the GUI thread.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import sys
import threading

from PySide6.QtCore import QObject, QSocketNotifier, Signal, Slot

from nndesk.closed_terminal import leave_a_closed_terminal
from nndesk.ui.main_window import MainWindow

#: The signals that close the window (SIGHUP does not exist on Windows).
CLOSING = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP") if hasattr(signal, name)
)


def _noted(signum, frame) -> None:
    """The Python-level handler: nothing to do here (the wakeup socket carries the signal)."""


class ClosingSignals(QObject):
    """Watches for the ``CLOSING`` signals from construction on (main thread only). A signal
    the process was started ignoring stays ignored: ``nohup nndesk`` asked that closing the
    terminal (SIGHUP) leaves the window open, as ``nndesk.cli.signals`` does for a command."""

    received = Signal(int)  # the signal's number, on the GUI thread; once

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._reader, self._writer = socket.socketpair()
        self._reader.setblocking(False)
        self._writer.setblocking(False)
        signal.set_wakeup_fd(self._writer.fileno(), warn_on_full_buffer=False)
        self._watched = tuple(n for n in CLOSING if signal.getsignal(n) is not signal.SIG_IGN)
        for number in self._watched:
            signal.signal(number, _noted)
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._on_notifier_activated)

    @Slot()
    def _on_notifier_activated(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except OSError:  # nothing to read after all
            return
        closing = [n for n in numbers if n in self._watched]
        if closing:
            self._notifier.setEnabled(False)
            for number in self._watched:  # a second one ends the process where it stands
                signal.signal(number, signal.SIG_DFL)
            self.received.emit(closing[0])


def close_on_signals(app) -> ClosingSignals | None:
    """Make the ``CLOSING`` signals close ``app``'s window without asking (the one shown then:
    a language switch builds another) and end its event loops with 128 + the signal's number;
    None off the main thread (only it may set handlers)."""
    if threading.current_thread() is not threading.main_thread():
        return None
    watcher = ClosingSignals(app)

    def close(number: int) -> None:
        leave_a_closed_terminal(number)  # SIGHUP: its terminal is gone, writes to it fail
        name = signal.Signals(number).name
        with contextlib.suppress(OSError, ValueError):  # nothing stops the closing
            print(
                f"nndesk: {name}: closing the window (a run training is stopped and saved)",
                file=sys.stderr,
                flush=True,
            )
        for window in app.topLevelWidgets():
            if isinstance(window, MainWindow) and not window.is_closed():
                window.close_without_asking()
        app.exit(128 + number)  # every loop, a dialog's too: nothing is left waiting

    watcher.received.connect(close)
    return watcher
