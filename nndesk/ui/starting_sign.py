"""The sign that nndesk is starting: a small window up within a second or two of ``nndesk``,
before the imports that make most of a start (NumPy, matplotlib, every page), closed once the
window has painted. A start takes 2-15 s on a loaded machine, and the first one on a fresh
machine a minute or more while matplotlib makes its list of the computer's fonts: with nothing
on screen meanwhile a student started it twice or took it for broken (walk71 F12). Figures:
docs/performance.md, "The first sign of a start".

Light on purpose, for ``nndesk.cli.dispatch`` imports it before anything heavy: Qt's widgets, the
standard library, ``nndesk.paths`` and ``nndesk.ui.language`` alone (tests/test_import_boundaries).
So the language and theme it shows in are read from the settings file as plain text here:
``nndesk.preferences`` loads NumPy and the datasets' modules.
"""

from __future__ import annotations

import importlib
import os
import stat
import sys
import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QIcon, QPalette
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from nndesk import paths
from nndesk.paths import ASSETS_DIR
from nndesk.ui import language
from nndesk.ui.language import translate

#: ``nndesk.preferences.SETTINGS_FILE`` and ``MAX_SETTINGS_BYTES`` (a test holds them equal):
#: a larger file is not one nndesk wrote, and is not read here
SETTINGS_FILE, MAX_SETTINGS_BYTES = "settings.ini", 64 << 10
#: (window, text) of ``nndesk.ui.theme.LIGHT`` and ``DARK`` (a test holds them equal), for a
#: theme chosen in View > Theme; "system" shows in the desktop's own palette
THEME_COLOURS = {"light": ("#efefef", "#1b1b1b"), "dark": ("#2b2d31", "#e6e6e6")}
#: the modules that make most of a start and load no Qt (so make no QObject, which would belong
#: to the thread that loaded it; tests/ui/test_starting_sign checks them in a fresh interpreter):
#: loaded on a thread of their own, the sign painted meanwhile. matplotlib (NumPy with it) first:
#: it says whether the font list is made yet; its font_manager makes it when not (a minute or
#: more on a slow machine). Then nndesk's core (the window loads each anyway)
BESIDE_MODULES = (
    "matplotlib",
    "matplotlib.font_manager",
    "matplotlib.figure",
    "nndesk.training",
    "nndesk.data",
    "nndesk.inference",
    "nndesk.explain",
    "nndesk.runs",
    "nndesk.inside_reading",
    "nndesk.codegen",
)
#: then these, which load Qt, on the GUI thread, the sign painted again between two (each a
#: second at most at load 9 on 2 cores); the window's own modules come last, ``nndesk.app``
GUI_THREAD_MODULES = (
    "nndesk.preferences",
    "nndesk.ui.theme",
    "nndesk.ui.main_window",
    "nndesk.ui.mistakes_view",
    "nndesk.ui.training_panel",
)
#: how often the GUI thread paints the sign again while the font list is made beside it (ms)
REPAINT_MS = 50
#: the terminal's line on a first start: the font list is the one step that takes minutes
FIRST_START_LINE = (
    "nndesk: first start: making the list of this computer's fonts for the charts "
    "(up to a minute or two)..."
)


def remembered_choice(key: str, folder: Path | None = None) -> str | None:
    """``key``'s value ("ui/language" -> "vi") in the settings file of ``folder`` (the nndesk
    folder), read as INI text, or None: no file, a key absent, or a file nndesk never wrote
    (a pipe or a device is never read, a file over ``MAX_SETTINGS_BYTES`` neither).
    ``preferences`` judges the file fully once it loads; a value missed here only shows
    this sign in the desktop's language and palette."""
    section, name = key.split("/", 1)
    path = (paths.data_dir() if folder is None else folder) / SETTINGS_FILE
    try:
        # non-blocking: opening a named pipe for reading waits for a writer otherwise
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as file:
        found = os.fstat(fd)
        if not stat.S_ISREG(found.st_mode) or found.st_size > MAX_SETTINGS_BYTES:
            return None
        try:
            text = file.read(MAX_SETTINGS_BYTES).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None
    return _ini_value(text.splitlines(), section, name)


def _ini_value(lines: Iterable[str], section: str, name: str) -> str | None:
    """The value of ``name`` in ``[section]`` of Qt's INI lines, unquoted, or None."""
    current = None
    for line in lines:
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
        elif current == section and "=" in line:
            key, value = line.split("=", 1)
            if key.strip() == name:
                return value.strip().strip('"')
    return None


def font_list_missing(cache_folder: str | os.PathLike[str]) -> bool:
    """Whether matplotlib's font list is not made yet in ``cache_folder`` (its
    ``get_cachedir()``): a first start, which makes it (a minute or more on a slow machine).
    Any version's list counts as made (its file name carries matplotlib's version of it)."""
    return not any(Path(cache_folder).glob("fontlist-v*.json"))


class StartingSign(QWidget):
    """A small frameless window in the middle of the screen: the icon, "nndesk", "Starting
    nndesk…", and on a first start why it takes long. ``close_when_painted(window)`` closes it
    once the window has painted."""

    def __init__(self, theme_name: str | None = None) -> None:
        super().__init__(None, Qt.WindowType.SplashScreen | Qt.WindowType.FramelessWindowHint)
        self.setWindowTitle(paths.APP_NAME)  # a name: the same in every language
        if theme_name in THEME_COLOURS:
            window, text = THEME_COLOURS[theme_name]
            palette = QPalette(self.palette())
            palette.setColor(QPalette.ColorRole.Window, QColor(window))
            palette.setColor(QPalette.ColorRole.WindowText, QColor(text))
            self.setPalette(palette)
        self.setAutoFillBackground(True)
        icon = QLabel()
        icon.setPixmap(QIcon(str(ASSETS_DIR / "nndesk.png")).pixmap(72, 72))
        title = QLabel(paths.APP_NAME)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        self.starting = QLabel(translate("StartingSign", "Starting nndesk…"))
        self.first_start = QLabel(
            translate(
                "StartingSign",
                "The first start makes a list of this computer's fonts for the charts: "
                "it can take a minute or two.",
            )
        )
        self.first_start.setWordWrap(True)
        self.first_start.hide()
        words = QVBoxLayout()
        words.addWidget(title)
        words.addWidget(self.starting)
        words.addWidget(self.first_start)
        words.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(24, 20, 28, 20)
        row.setSpacing(20)
        row.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        self.setFixedWidth(max(440, self.sizeHint().width()))
        self._window: QWidget | None = None

    def show_centred(self) -> None:
        """Shown in the middle of the primary screen, painted before this returns."""
        self.adjustSize()
        screen = QApplication.primaryScreen()
        if screen is not None:
            place = self.frameGeometry()
            place.moveCenter(screen.availableGeometry().center())
            self.move(place.topLeft())
        self.show()
        self.repaint_now()

    def say_first_start(self) -> None:
        """Add why this start takes long (the font list is being made)."""
        self.first_start.show()
        self.show_centred()  # taller now: in the middle again

    def repaint_now(self) -> None:
        """Paint what changed and let the window system show it: no event loop runs yet."""
        QApplication.processEvents()

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        event.accept()  # a click does not hide it: nothing else would be on screen then

    def close_when_painted(self, window: QWidget) -> None:
        """Close once ``window`` has painted (its first Paint event), so the screen is never
        empty between the two."""
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self._window and event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            self._window = None
            QTimer.singleShot(0, self, self.close)  # after this paint reaches the screen
        return False


def show_starting_sign() -> StartingSign:
    """Make the QApplication, install the language the window will speak, and show the sign
    in the theme it will have: ``nndesk``'s first pixels, before any heavy import."""
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(paths.APP_NAME)
    app.setOrganizationName(paths.APP_NAME)
    chosen = remembered_choice("ui/language") or "system"
    language.use_language(language.resolve_language(chosen, language.system_ui_languages()))
    sign = StartingSign(remembered_choice("ui/theme"))
    sign.show_centred()
    return sign


def load_the_window_modules(sign: StartingSign) -> None:
    """Import what the window is built of, the sign shown meanwhile: ``BESIDE_MODULES`` off
    the GUI thread (the sign and the terminal say why on a first start, when the font list is
    made), then ``GUI_THREAD_MODULES``."""
    first_start = None
    for name in BESIDE_MODULES:
        import_beside(name, sign.repaint_now)
        if first_start is None:  # matplotlib is loaded: where its font list goes is known
            import matplotlib

            first_start = font_list_missing(matplotlib.get_cachedir())
            if first_start:
                print(FIRST_START_LINE, file=sys.stderr, flush=True)
                sign.say_first_start()
    for name in GUI_THREAD_MODULES:
        importlib.import_module(name)
        sign.repaint_now()


def import_beside(name: str, meanwhile) -> None:
    """Import module ``name`` on a thread of its own, calling ``meanwhile()`` every
    ``REPAINT_MS`` until it is loaded. For a module that makes no QObject as it loads (its
    objects would belong to that thread). A failure is left for the GUI thread's own import
    of it to say."""
    loaded = threading.Event()

    def load() -> None:
        try:
            importlib.import_module(name)
        except BaseException:  # noqa: BLE001 (imported again where it is used, and said there)
            pass
        finally:
            loaded.set()

    threading.Thread(target=load, name=f"import {name}", daemon=True).start()
    while not loaded.wait(REPAINT_MS / 1000):
        meanwhile()
