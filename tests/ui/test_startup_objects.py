"""The imports' objects are frozen out of full garbage collections before the first window is
built, so a window (rebuilt on a language switch) stays collectable."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication, QWidget

from nndesk.app import startup


class _Desk:
    """What ``run`` needs of ``build_window``'s answer, with a reference cycle of its own."""

    def __init__(self) -> None:
        self.window = QWidget()
        self.cycle = self


def test_run_freezes_the_imports_before_building_the_window_which_stays_collectable(
    qtbot, monkeypatch
):
    built = []

    def build_window():
        built.append(gc.get_freeze_count())
        desk = _Desk()
        built.append(weakref.ref(desk))
        built.append(desk.window)  # run keeps only the window; the desk's cycle may go any time
        return desk

    monkeypatch.setattr(startup, "build_window", build_window)
    monkeypatch.setattr(startup.theme, "apply_theme", lambda *a: None)
    monkeypatch.setattr(startup.language, "use_language", lambda *a: None)
    monkeypatch.setattr(QApplication, "exec", lambda self: 0)
    monkeypatch.setattr(startup.preferences, "window_geometry", lambda: None)
    qt_app = QApplication.instance()
    names = qt_app.applicationName(), qt_app.organizationName()
    try:
        assert startup.run() == 0
        frozen_when_built, desk, window = built
        assert frozen_when_built > 10_000  # Qt's, NumPy's, matplotlib's and nndesk's objects
        # nothing was frozen since (frozen objects nothing refers to any more are still freed)
        assert gc.get_freeze_count() <= frozen_when_built
        window.close()
        window.deleteLater()
        gc.collect()
        assert desk() is None  # its cycle was collected: the window was never frozen
    finally:
        gc.unfreeze()
        qt_app.setApplicationName(names[0])
        qt_app.setOrganizationName(names[1])
