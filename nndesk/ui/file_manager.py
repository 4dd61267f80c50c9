"""Opening a folder in the system's file manager."""

from __future__ import annotations

from pathlib import Path


def show_folder(folder: Path) -> bool:
    """Open ``folder`` in the system's file manager; False when none would open it."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
