"""Qt's own file dialog in the window's language, its words whole.

``QFileSystemModel`` writes a file's size ("0 bytes", "2.00 KiB") with ``QLocale.system()``,
the desktop's language, not the one View > Language picked, and Qt sizes the dialog's sidebar
and columns for English: in Vietnamese "Máy tính" and "Kích thước" were cut. ``install()``
watches the application's Show events (through ``app_events``): each non-native ``QFileDialog``,
the static ``getOpenFileName`` and friends included, gets on its first showing a proxy model
that writes sizes with ``QLocale()`` (the window's language: "2,00 KiB"), and a sidebar and
columns wide enough for their words, again each time a folder's files arrive.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QIdentityProxyModel, QLocale, QModelIndex, QObject, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFileSystemModel,
    QListView,
    QSplitter,
    QTreeView,
)

from nndesk.ui.app_events import AppEvents, app_events

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


def _prepare(dialog: QFileDialog) -> None:
    dialog.setProperty(FITTED, True)
    if dialog.findChild(QTreeView, "treeView") is None:
        return  # not Qt's own dialog: nothing of Qt's to fix
    dialog.setProxyModel(LocaleSizes(dialog))
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
