"""Start-up: the QApplication, its theme and language, and the first window, placed where the
last one closed (``nndesk`` with no sub-command calls ``run``)."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QIcon, QScreen
from PySide6.QtWidgets import QApplication

from nndesk import paths, preferences, settings_writer
from nndesk.app.closing_signals import close_on_signals
from nndesk.app.desk import build_window
from nndesk.app.window_lock import bring_forward, say_another_window_is_open, take_window_lock
from nndesk.paths import ASSETS_DIR
from nndesk.ui import language, text_size, theme
from nndesk.ui.gui_collector import collect_on_gui_thread
from nndesk.ui.language import system_ui_languages
from nndesk.ui.starting_sign import StartingSign
from nndesk.ui.startup_objects import freeze_startup_objects
from nndesk.ui.window_place import (
    TITLE_BAR_ALLOWANCE,
    keep_bottom_on_screen,
    place_from_numbers,
    put_in_place,
)

#: The window's icon
ICON = ASSETS_DIR / "nndesk.png"
#: The first window's size when the screen has room for it (later: the size the user left).
FIRST_SIZE = QSize(1280, 760)


def first_window_size(screen: QScreen | None) -> QSize:
    """``FIRST_SIZE``, shrunk to the screen's free area (a 1024x700 laptop, a panel at the
    bottom) so the first window never opens larger than the screen."""
    if screen is None:
        return FIRST_SIZE
    free = screen.availableGeometry().size()
    # resize() sizes the inside of the window: leave room for the title bar above it
    return FIRST_SIZE.boundedTo(QSize(free.width(), free.height() - TITLE_BAR_ALLOWANCE))


def keep_every_mouse_move() -> None:
    """Deliver every mouse move to the canvas. On X11 Qt merges the moves queued while the
    window is busy (a prediction painting, a training on the same cores) into the last one,
    and the canvas joins the points it gets with straight lines: a quick stroke lost its
    corners, and an outline drawn fast lost whole sides, so a Fill then leaked over the
    outside (seen with xdotool: a coat's outline cut to two chords, its Fill covering the
    canvas; hand17's unexplained leak). Call it once the QApplication exists: on X11 its
    constructor turns the merging on again."""
    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_CompressHighFrequencyEvents, False)


def run(data_dir: str | None = None, sign: StartingSign | None = None) -> int:
    """Open the window (with the datasets in ``data_dir`` for this session, if given); returns
    the exit code of the Qt event loop. ``sign``, the start's sign shown before the imports
    (``nndesk.cli.dispatch``), closes once the window has painted."""
    if data_dir is not None:
        preferences.use_data_dir_for_session(data_dir)
    app = QApplication.instance() or QApplication(sys.argv)
    keep_every_mouse_move()  # after: on X11 the QApplication turns merging back on
    app.setApplicationName("nndesk")
    app.setOrganizationName("nndesk")
    if ICON.is_file():
        app.setWindowIcon(QIcon(str(ICON)))
    theme.apply_theme(app, preferences.theme())
    text_size.apply_text_size(app, preferences.text_size())  # before the window: built at it
    language.use_language(language.resolve_language(preferences.language(), system_ui_languages()))
    freeze_startup_objects()  # before the window, which must stay collectable
    # QObjects of this thread freed by a collection on a worker were deleted there
    collect_on_gui_thread(app)
    # held until the process ends: a second window started meanwhile says it shares the folder
    held = take_window_lock(paths.data_dir())
    window = build_window().window
    numbers = preferences.window_place()
    place = place_from_numbers(numbers) if numbers is not None else None
    if place is not None:
        put_in_place(window, place, another_session=True)  # where it closed, on today's screen
    elif (geometry := preferences.window_geometry()) is not None:  # saved by an older version
        window.restoreGeometry(geometry)
    else:
        window.resize(first_window_size(app.primaryScreen()))
    window.show()
    if sign is not None:
        sign.close_when_painted(window)
    if text_size.current_step() == "larger":  # no larger than this screen holds, unseen yet
        window.hold_text_to_screen()
    # laid out, it may be taller than the room left under a guessed title bar (walk65 D22)
    QTimer.singleShot(0, window, lambda: keep_bottom_on_screen(window))
    held.show_asked.connect(bring_forward)  # a later window's "Show the other window"
    if held.another_window_is_open():
        QTimer.singleShot(
            0, window, lambda: say_another_window_is_open(window, paths.runs_dir(), held)
        )
    close_on_signals(app)  # SIGTERM, SIGHUP, Ctrl+C: closed, its run saved
    code = app.exec()
    # the settings changed last (the window's place as it closed) kept; a disk that hangs (a
    # network home gone) does not keep the process from ending
    preferences.flush(settings_writer.EXIT_WAIT_SECONDS)
    held.release()  # a later window open takes the lock over; else the next one is alone
    return code
