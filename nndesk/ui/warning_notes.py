"""Warnings meant for a person, said in the window rather than printed on stderr.

The core warns with ``warnings.warn(NndeskWarning(...))`` (a dataset folder holding other
files than the published ones, a format-1 model file), on whichever thread reads the file. The
CLI prints each as one ``nndesk: warning:`` line. The window has no terminal a student looks
at: ``install`` replaces ``warnings.showwarning`` so that an ``NndeskWarning`` is handed, on the
GUI thread, to ``said``; every other warning goes where it went before. Python's own filters
still decide first, so a warning of the same text from the same place is said once a session.
"""

from __future__ import annotations

import warnings

from PySide6.QtCore import QObject, Signal

from nndesk.errors import NndeskWarning


class WarningNotes(QObject):
    """The process's one route for ``NndeskWarning``; lives on the GUI thread."""

    said = Signal(object)  # NndeskWarning, delivered on the GUI thread (queued from a worker)


_notes: WarningNotes | None = None
_hook = None  # the showwarning function install() set


def install() -> WarningNotes:
    """Route ``NndeskWarning`` to ``notes().said`` from now on (again, if something such as
    ``warnings.catch_warnings`` put its own ``showwarning`` back); call on the GUI thread."""
    global _notes, _hook
    if _notes is None:
        _notes = WarningNotes()  # no Qt parent: one for the process, every window's
    if warnings.showwarning is _hook:
        return _notes
    previous = warnings.showwarning
    notes = _notes

    def showwarning(message, category, filename, lineno, file=None, line=None) -> None:
        if isinstance(category, type) and issubclass(category, NndeskWarning):
            notes.said.emit(message)  # queued to the GUI thread when warned on a worker
            return
        previous(message, category, filename, lineno, file, line)

    warnings.showwarning = _hook = showwarning
    return _notes
