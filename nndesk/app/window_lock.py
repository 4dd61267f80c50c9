"""One lock file in the nndesk folder says a window is open there, so a second window can say
it shares that folder with another (walk60 D11: the icon clicked twice opened two windows on
one settings file and one runs folder, and nothing said so).

``QLockFile`` writes the holder's process id into ``window.lock``. A lock left by a window that
did not close (killed, a power cut) is stale as soon as its process is gone, and is taken over
without a word: Qt's other test, the lock's age, is turned off, since a window stays open for
hours. A lock file nndesk cannot read or make (a read-only folder, a folder named like it) says
nothing either: the notice is only for a window that is really open.

The window holding the lock also listens on a local socket (``QLocalServer``: a Unix socket,
a named pipe on Windows) named after the folder. A later window connects to it and stays
connected: its notice's "Show the other window" asks the holder to come forward, and when the
holder closes (or dies) the connection drops and the later window takes the lock over, so a
window started after that is told too (fixD 1: nobody held it once the first window closed,
and a third window said nothing while the second was open). Of several later windows one
takes it; the others connect to that one.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from nndesk.ui.language import translate

#: the lock file's name in the nndesk folder (``paths.data_dir()``)
LOCK_NAME = "window.lock"
#: what a later window sends the holder to have it come forward
SHOW = b"show\n"
#: how long a later window waits before trying the lock and the holder's socket again, when
#: neither answered (the holder's process not reaped yet, a holder of an older version)
RETRY_MS = 1000


def server_name(folder: Path) -> str:
    """The local socket's name for ``folder``: one per nndesk folder (and per user, since the
    folder is in the user's home), short enough for a Unix socket's path."""
    digest = hashlib.sha1(str(folder.resolve()).encode("utf-8")).hexdigest()[:16]
    return f"nndesk-window-{digest}"


class WindowLock(QObject):
    """This window's part in ``folder``'s window lock.

    ``lock`` is the ``QLockFile`` this window holds (None while another holds it, or when none
    could be made); ``other_pid`` the process id of the window that held it when this one
    started (None if none did)."""

    show_asked = Signal()  # the holder: a later window asked to see this one
    took_over = Signal()  # a later window: the holder closed, this one holds the lock now

    def __init__(self, folder: Path | None, lock: QLockFile | None, other_pid: int | None):
        super().__init__()
        self.lock = lock
        self.other_pid = other_pid
        self._folder = folder
        self._server: QLocalServer | None = None
        #: a later window's one connection to the holder, made again to each new holder
        self._link: QLocalSocket | None = None
        self._linked = False  # the link was connected: its drop means the holder closed
        self._released = False
        self._retry = QTimer(self)
        self._retry.setSingleShot(True)
        self._retry.timeout.connect(self._take_or_follow)
        if lock is not None:
            self._listen()
        elif other_pid is not None:
            self._follow()

    def another_window_is_open(self) -> bool:
        """Whether another window held the lock when this one started."""
        return self.other_pid is not None

    def holds(self) -> bool:
        return self.lock is not None

    def can_show_the_other(self) -> bool:
        """Whether the holder can be asked to come forward (connected to it)."""
        link = self._link
        return link is not None and link.state() == QLocalSocket.LocalSocketState.ConnectedState

    def show_the_other(self) -> bool:
        """Ask the window holding the lock to come forward; False when it cannot be asked."""
        if not self.can_show_the_other():
            return False
        assert self._link is not None
        self._link.write(SHOW)
        self._link.flush()
        return True

    def release(self) -> None:
        """Let the lock go as the window ends: first the file, then the socket, so a later
        window whose connection drops finds the lock free. Nothing is freed here: the sockets
        go with this object (no deleteLater in window code, test_widget_freeing)."""
        self._released = True
        self._retry.stop()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None
        if self._server is not None:
            # the later windows' connections too: closing the server keeps those it took
            for client in self._server.findChildren(QLocalSocket):
                client.abort()
            self._server.close()
            self._server = None
        if self._link is not None:
            self._linked = False
            self._link.abort()

    # -- the holder ------------------------------------------------------------------------
    def _listen(self) -> None:
        assert self._folder is not None
        name = server_name(self._folder)
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        QLocalServer.removeServer(name)  # one a killed holder left: this window holds the lock
        if not server.listen(name):
            return  # no socket (a full /tmp): the notice still comes, without "Show"
        server.newConnection.connect(self._on_server_new_connection)
        self._server = server

    # every connection is to a slot of this object (no lambda): Qt drops them as it goes, so
    # a socket closed by its destruction calls nothing half destroyed
    @Slot()
    def _on_server_new_connection(self) -> None:
        server = self._server
        while server is not None and (socket := server.nextPendingConnection()) is not None:
            socket.readyRead.connect(self._on_client_ready_read)

    @Slot()
    def _on_client_ready_read(self) -> None:
        socket = self.sender()
        while isinstance(socket, QLocalSocket) and socket.canReadLine():
            if bytes(socket.readLine().data()) == SHOW:
                self.show_asked.emit()

    # -- a later window ----------------------------------------------------------------------
    def _follow(self) -> None:
        """Connect to the holder; the connection dropping means it closed."""
        link = QLocalSocket(self)
        link.connected.connect(self._on_link_connected)
        link.disconnected.connect(self._on_link_disconnected)
        link.errorOccurred.connect(self._on_link_error_occurred)
        self._link = link
        self._connect()

    def _connect(self) -> None:
        assert self._link is not None and self._folder is not None
        self._linked = False
        self._link.abort()
        self._link.connectToServer(server_name(self._folder))

    @Slot()
    def _on_link_connected(self) -> None:
        self._linked = True

    @Slot()
    def _on_link_disconnected(self) -> None:
        self._on_link_error_occurred(None)

    @Slot(QLocalSocket.LocalSocketError)
    def _on_link_error_occurred(self, _error) -> None:
        if self._released or self.lock is not None:
            return
        # the holder closed: at once (both signals of one drop start the timer once); no
        # holder to connect to yet: in a while
        if not self._retry.isActive():
            self._retry.start(0 if self._linked else RETRY_MS)
        self._linked = False

    @Slot()
    def _take_or_follow(self) -> None:
        """Take the lock if it is free (the holder closed), else follow its new holder."""
        if self.lock is not None or self._folder is None or self._released:
            return
        lock = _new_lock(self._folder / LOCK_NAME)
        if lock.tryLock(0):
            self.lock = lock
            if self._link is not None:
                self._link.abort()
            self._listen()
            self.took_over.emit()
            return
        if lock.error() == QLockFile.LockError.LockFailedError:  # held by another: follow it
            self._connect()


def _new_lock(path: Path) -> QLockFile:
    lock = QLockFile(str(path))
    lock.setStaleLockTime(0)  # stale only when its process is gone, never by its age
    return lock


def take_window_lock(folder: Path) -> WindowLock:
    """Take ``folder``'s window lock without waiting; keep the result for the window's life
    and ``release`` it as the window ends (else it goes with the process)."""
    path = folder / LOCK_NAME
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return WindowLock(None, None, None)
    if path.exists() and not path.is_file():
        return WindowLock(None, None, None)  # a folder or a pipe of that name: not a window's
    lock = _new_lock(path)
    if lock.tryLock(0):
        return WindowLock(folder, lock, None)
    if lock.error() != QLockFile.LockError.LockFailedError:
        return WindowLock(None, None, None)  # cannot be made or read: nothing to say
    info = lock.getLockInfo()  # PySide: (pid, host, app), or a false value if unreadable
    pid = info[0] if isinstance(info, tuple) and info and isinstance(info[0], int) else 0
    return WindowLock(folder, None, pid if pid > 0 else None)


def bring_forward() -> None:
    """This process's main window over the others, out of the taskbar if minimised (a later
    window's "Show the other window"); the one shown now, since a language switch replaces
    it. A window manager may only flash its taskbar entry instead."""
    for window in QApplication.topLevelWidgets():
        if isinstance(window, QMainWindow) and window.isVisible():
            if window.isMinimized():
                window.showNormal()
            window.raise_()
            window.activateWindow()


def say_another_window_is_open(
    window: QWidget, runs: Path, held: WindowLock | None = None
) -> QMessageBox:
    """A box over the new ``window`` (not blocking it) saying another window is open and what
    the two share, with "Show the other window" while ``held`` can ask it to come forward;
    closed if this window takes the lock over meanwhile (the other one closed). Returned for
    the tests to read and answer."""
    box = QMessageBox(
        QMessageBox.Icon.Information,
        translate("WindowLock", "Another nndesk window is open"),
        translate(
            "WindowLock",
            "Another nndesk window is already open. The two windows share one settings file "
            "and one runs folder ({runs}): a run trained in either is listed in both, and for "
            "each setting the next start uses the value the last window to change it gave. "
            "If you opened this one by mistake, close it: nothing is lost.",
        ).format(runs=runs),
        QMessageBox.StandardButton.Ok,
        window,
    )
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if held is not None and held.can_show_the_other():
        show = box.addButton(
            translate("WindowLock", "Show the other window"), QMessageBox.ButtonRole.AcceptRole
        )
        show.clicked.connect(held.show_the_other)
    # Escape and the title bar's close answer OK (with two buttons none did: the box stayed)
    box.setEscapeButton(QMessageBox.StandardButton.Ok)
    if held is not None:
        held.took_over.connect(box.reject)  # the other window closed: nothing left to say
    box.open()
    return box
