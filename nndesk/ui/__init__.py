"""Qt widgets only: the window, the canvas, the prediction and "Why" views. No math here.

Importing this package first applies ``guard_singleton_refcounts`` (see there): every Qt module of
nndesk imports ``nndesk.ui`` or ``nndesk.controllers`` (which imports this), so it is always on.
"""

from __future__ import annotations

import sys


def _leaks(singleton: object, action, times: int = 16) -> bool:
    before = sys.getrefcount(singleton)
    for _ in range(times):
        action()
    return before - sys.getrefcount(singleton) >= times


def guard_singleton_refcounts() -> bool:
    """Work around the PySide6 6.12 abi3 wheels on Python < 3.12, which treat ``None``, ``True``
    and ``False`` as immortal (as Python 3.12+ does) and hand them out without a reference: every
    void Qt call (``label.setText``, ``painter.end``...) drops one reference to ``None``, every
    ``signal.emit()`` one to ``True``. After a few thousand calls (a minute of drawing) CPython
    aborts with "none_dealloc: deallocating None".

    The leak is measured on a probe object; only if it is there, the three singletons get 2**40
    extra references, i.e. they become immortal as in Python 3.12+. Returns True if applied.
    """
    if sys.version_info >= (3, 12):
        return False  # the singletons are immortal there
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        probed = Signal()  # no payload; only emit()'s return value matters

    probe = _Probe()
    leaky = _leaks(None, lambda: probe.setObjectName("probe")) or _leaks(True, probe.probed.emit)
    if not leaky:
        return False
    import ctypes

    for singleton in (None, True, False):
        # ob_refcnt is the first field of every CPython object
        ctypes.c_ssize_t.from_address(id(singleton)).value += 1 << 40
    return True


SINGLETONS_GUARDED = guard_singleton_refcounts()
