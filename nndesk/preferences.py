"""What the window remembers between launches (QSettings): data folder, mode, recent models, size.

The settings file lives in ``nndesk.paths.data_dir()`` (``$NNDESK_HOME`` overrides it), so tests
and CI never touch the user's real settings.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from nndesk import paths

MODES = ("digits", "garments")
RECENT_LIMIT = 8


def settings() -> QSettings:
    """A QSettings on nndesk's own INI file (cheap; QSettings caches the file per process)."""
    return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def data_dir() -> str | None:
    """The user's IDX data folder: the "data/dir" setting, else ``$NNDESK_DATA_DIR``, else None."""
    value = settings().value("data/dir", "")
    return str(value) if value else (os.environ.get("NNDESK_DATA_DIR") or None)


def set_data_dir(folder: str | None) -> None:
    settings().setValue("data/dir", folder or "")


def last_mode() -> str:
    """ "digits" (default) or "garments"."""
    mode = str(settings().value("ui/mode", "digits"))
    return mode if mode in MODES else "digits"


def set_last_mode(mode: str) -> None:
    if mode in MODES:
        settings().setValue("ui/mode", mode)


def recent_models() -> list[Path]:
    """Model files opened recently, newest first, existing ones only."""
    value = settings().value("models/recent", [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [Path(p) for p in items if p and Path(p).is_file()]


def add_recent_model(path: str | os.PathLike) -> None:
    path = str(Path(path).resolve())
    items = [str(p) for p in recent_models() if str(p) != path]
    settings().setValue("models/recent", [path, *items][:RECENT_LIMIT])


def window_geometry() -> QByteArray | None:
    value = settings().value("ui/geometry")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_window_geometry(geometry: QByteArray) -> None:
    settings().setValue("ui/geometry", geometry)


def saliency_kind() -> str:
    """ "gradient" or "gradient_x_input" (the Why page's choice)."""
    kind = str(settings().value("ui/saliency", "gradient_x_input"))
    return kind if kind in ("gradient", "gradient_x_input") else "gradient_x_input"


def set_saliency_kind(kind: str) -> None:
    settings().setValue("ui/saliency", kind)


def theme() -> str:
    """ "system" (default), "light" or "dark" (View > Theme)."""
    name = str(settings().value("ui/theme", "system"))
    return name if name in ("system", "light", "dark") else "system"


def set_theme(name: str) -> None:
    if name in ("system", "light", "dark"):
        settings().setValue("ui/theme", name)
