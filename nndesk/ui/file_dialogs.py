"""Qt's own file dialog in the window's language, its words whole.

``QFileSystemModel`` writes a file's size ("0 bytes", "2.00 KiB") with ``QLocale.system()``,
the desktop's language, not the one View > Language picked, and Qt sizes the dialog's sidebar
and columns for English: in Vietnamese "Máy tính" and "Kích thước" were cut. ``install()``
watches the application's Show events (through ``app_events``): each non-native ``QFileDialog``,
the static ``getOpenFileName`` and friends included, gets on its first showing a proxy model
that writes sizes with ``QLocale()`` (the window's language: "2,00 KiB"), and a sidebar and
columns wide enough for their words, again each time a folder's files arrive. A press outside
the list of names Qt opens under a typed path goes on to where it was (``ClickThrough``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QIdentityProxyModel, QLocale, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCompleter,
    QFileDialog,
    QFileSystemModel,
    QListView,
    QSplitter,
    QTreeView,
)

from nndesk.ui.app_events import AppEvents, app_events

#: The options of every file dialog of the window: Qt's own, never the desktop's. A student saw
#: the desktop's (GTK) dialog for Open model and Qt's for Export code: two looks for one kind of
#: question, and only Qt's speaks the window's language (dialogs59). Saves: ``save_dialog``.
OWN = QFileDialog.Option.DontUseNativeDialog
#: ... a folder picker's: Qt's own, folders only (the static picker's default option)
OWN_FOLDERS = OWN | QFileDialog.Option.ShowDirsOnly
SIZE_COLUMN = 1  # QFileSystemModel's columns: name, size, type, date modified
#: px around a column title beside its text: the style's margins and the sort arrow
HEADER_PADDING = 30
#: px beside a sidebar entry's own width (icon and text): the view's margins
SIDEBAR_PADDING = 8
CELL_PADDING = 8  # px more than Qt's own fit of a column's cells (it left them touching)
NAME_MIN_WIDTH = 220  # px the file names keep when the other columns need room
FITTED = "nndesk_fitted"  # a dialog's property: set once it has its proxy


class LocaleSizes(QIdentityProxyModel):
    """A file system model's rows with the sizes of files written in the window's language."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.column() == SIZE_COLUMN and role == Qt.ItemDataRole.DisplayRole:
            source = self.sourceModel()
            item = self.mapToSource(index)
            if isinstance(source, QFileSystemModel) and item.isValid() and not source.isDir(item):
                return QLocale().formattedDataSize(source.size(item))
        return super().data(index, role)


def fit(dialog: QFileDialog) -> None:
    """Widen ``dialog``'s sidebar and detail columns (and the dialog, within its screen) until
    each shows its text whole."""
    sidebar = dialog.findChild(QListView, "sidebar")
    splitter = dialog.findChild(QSplitter, "splitter")
    tree = dialog.findChild(QTreeView, "treeView")
    grow = 0  # px the dialog should widen by
    if sidebar is not None and splitter is not None and splitter.count() == 2:
        need = sidebar.sizeHintForColumn(0) + SIDEBAR_PADDING + 2 * sidebar.frameWidth()
        sizes = splitter.sizes()
        if sizes[0] < need:
            grow += need - sizes[0]
            splitter.setSizes([need, sizes[1]])
    if tree is not None:
        header = tree.header()
        metrics = header.fontMetrics()
        model = header.model()
        for column in range(1, header.count()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            need = max(
                metrics.horizontalAdvance(title) + HEADER_PADDING,
                tree.sizeHintForColumn(column) + CELL_PADDING,
            )
            if header.sectionSize(column) < need:
                header.resizeSection(column, need)
        # the columns overflow the view: the names give up width first, then the dialog grows
        overflow = header.length() - tree.viewport().width()
        if overflow > 0:
            name = header.sectionSize(0)
            spare = max(0, name - NAME_MIN_WIDTH)
            header.resizeSection(0, name - min(spare, overflow))
            grow += overflow - min(spare, overflow)
    if grow > 0:
        screen = dialog.screen()
        width = dialog.width() + grow
        if screen is not None:
            width = min(width, screen.availableGeometry().width())
        dialog.resize(width, dialog.height())


class ClickThrough(QObject):
    """On a completer's list: a press outside it closes it and goes on to where it was.

    Typing a folder in the dialog's field opens the list of matching names under it; the list
    takes the next press anywhere only to close itself, so the first click on Choose was lost
    and the dialog stayed (s54). A button pressed there is clicked (Qt eats the release that
    follows a press closing a list); elsewhere the press is sent on (a name in the folder)."""

    def eventFilter(self, popup, event) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.MouseButtonPress:
            return False
        if popup.rect().contains(event.position().toPoint()):
            return False  # a name picked from the list
        where = event.globalPosition()
        popup.hide()
        target = QApplication.widgetAt(where.toPoint())
        if isinstance(target, QAbstractButton):
            if target.isEnabled() and event.button() == Qt.MouseButton.LeftButton:
                target.click()
            return True
        window = target.window().windowHandle() if target is not None else None
        if window is not None:
            press = QMouseEvent(
                event.type(),
                window.mapFromGlobal(where),
                where,
                event.button(),
                event.buttons(),
                event.modifiers(),
            )
            QApplication.sendEvent(window, press)
        return True


def _prepare(dialog: QFileDialog) -> None:
    dialog.setProperty(FITTED, True)
    if dialog.findChild(QTreeView, "treeView") is None:
        return  # not Qt's own dialog: nothing of Qt's to fix
    dialog.setProxyModel(LocaleSizes(dialog))
    through = ClickThrough(dialog)
    for completer in dialog.findChildren(QCompleter):
        completer.popup().installEventFilter(through)
    # once the dialog is laid out: at its Show event its splitter has no sizes yet
    QTimer.singleShot(0, dialog, lambda: fit(dialog))
    # the files of a folder arrive later, from Qt's file system thread: fitted when they come
    source = dialog.findChild(QFileSystemModel)
    if source is not None:
        source.directoryLoaded.connect(lambda _path: fit(dialog))


def _on_show(obj: QObject, event: QEvent) -> bool:
    if isinstance(obj, QFileDialog) and not obj.property(FITTED):
        _prepare(obj)
    return False


def install(app: QApplication | None = None) -> AppEvents:
    """Fit every QFileDialog ``app`` (default: the running QApplication) shows."""
    events = app_events(app)
    events.handle(QEvent.Type.Show, _on_show)
    return events
