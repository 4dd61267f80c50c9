"""The choices a person made on the pages (a tab, a slider, a box ticked, a method chosen),
read from one window and put into the window rebuilt in another language.

A page marks each control whose value is a person's choice: ``keep(widget, "name")``, and
itself with ``scope(page, "mistakes")``; a control's key is its scopes' names and its own
("mistakes/raw-probabilities"), so one panel used twice (the drawing's answer, the Mistakes
page's) keeps two choices. ``choices(window)`` reads every marked control into a dict of plain
values; ``restore_choices(window, kept)`` gives each its value back in the new window. A page
whose choice is not one control's value (a tab that exists only on a narrow page, the unit
clicked) passes ``read`` and ``write`` to ``keep``.

The values are set as a person would set them, so each page answers as to a click. Choices that
depend on data the new window has yet to load (a filter of the evaluation's classes) stay with
the page's own state (``MistakesViewState``, ``MapViewState``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QComboBox,
    QDoubleSpinBox,
    QSpinBox,
    QTabWidget,
    QWidget,
)

KEY = "nndesk_kept_as"  # the Qt property holding a control's name
SCOPE = "nndesk_kept_scope"  # the Qt property holding a page's (or panel's) name
_ACCESS = "_nndesk_kept_access"  # the Python attribute holding a control's own (read, write)


def keep(
    widget: QWidget,
    name: str,
    read: Callable[[], Any] | None = None,
    write: Callable[[Any], None] | None = None,
) -> QWidget:
    """Mark ``widget``'s value as a choice kept under ``name`` (unique in its scope); ``read``
    and ``write`` when its value is not the control's own (a tab shown later, a selection)."""
    widget.setProperty(KEY, name)
    if read is not None and write is not None:
        setattr(widget, _ACCESS, (read, write))
    return widget


def scope(widget: QWidget, name: str) -> QWidget:
    """Name the page or panel ``widget``: the controls kept inside it are keyed under ``name``."""
    widget.setProperty(SCOPE, name)
    return widget


def key_of(widget: QWidget, root: QWidget) -> str:
    """``widget``'s key: the names of its scopes below ``root`` (outermost first), then its own."""
    names = [str(widget.property(KEY))]
    item: QWidget | None = widget
    while item is not None and item is not root:
        named = item.property(SCOPE)
        if named:
            names.append(str(named))
        item = item.parentWidget()
    return "/".join(reversed(names))


def _marked(root: QWidget) -> dict[str, QWidget]:
    found = {}
    for widget in root.findChildren(QWidget):
        if widget.property(KEY):
            key = key_of(widget, root)
            if key in found:  # two controls under one key would swap their choices
                raise ValueError(f"two kept choices named {key!r}")
            found[key] = widget
    return found


def _read(widget: QWidget) -> Any:
    access = getattr(widget, _ACCESS, None)
    if access is not None:
        return access[0]()
    if isinstance(widget, QTabWidget):
        return widget.currentIndex()
    if isinstance(widget, QComboBox):  # by what the item stands for: items may be reordered
        data = widget.currentData()
        return ("data", data) if data is not None else ("index", widget.currentIndex())
    if isinstance(widget, (QAbstractSlider, QSpinBox, QDoubleSpinBox)):
        return widget.value()
    if isinstance(widget, QAbstractButton) and widget.isCheckable():
        return widget.isChecked()
    raise TypeError(f"no way to keep the value of a {type(widget).__name__}")


def _write(widget: QWidget, value: Any) -> None:
    access = getattr(widget, _ACCESS, None)
    if access is not None:
        access[1](value)
    elif isinstance(widget, QTabWidget):
        if 0 <= value < widget.count():
            widget.setCurrentIndex(value)
    elif isinstance(widget, QComboBox):
        how, what = value
        index = widget.findData(what) if how == "data" else what
        if 0 <= index < widget.count():
            widget.setCurrentIndex(index)
    elif isinstance(widget, (QAbstractSlider, QSpinBox, QDoubleSpinBox)):
        widget.setValue(value)
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(value)


def choices(root: QWidget) -> dict[str, Any]:
    """Every kept choice under ``root``, by key: plain values, none of them a widget."""
    return {key: _read(widget) for key, widget in _marked(root).items()}


def restore_choices(root: QWidget, kept: dict[str, Any]) -> None:
    """Give each control under ``root`` the value ``choices`` read under its key (a choice the
    new window has no control for, or a control with no choice read, is left as it is)."""
    for key, widget in _marked(root).items():
        if key in kept:
            _write(widget, kept[key])
