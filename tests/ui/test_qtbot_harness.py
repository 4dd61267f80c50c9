"""The UI tests' own ``qtbot`` (tests/conftest.py): what it promises the tests."""

from __future__ import annotations

import gc
import weakref

import shiboken6
from PySide6.QtWidgets import QWidget


class _PageInACycle(QWidget):
    """A page its own attributes lead back to, as MapView is through its banner's
    ``has_result`` lambda: only the cyclic collector frees it."""

    def __init__(self) -> None:
        super().__init__()
        self.has_result = lambda: self is not None


def test_a_widget_given_to_qtbot_lives_until_it_is_closed_not_until_the_collector_runs(qtbot):
    """A page left shown after its test returned was freed by the collector in the middle of
    painting its chart, and the test worker crashed (segmentation fault)."""
    page = _PageInACycle()
    qtbot.addWidget(page)
    page.show()
    kept = weakref.ref(page)
    del page  # as when the test function returns
    gc.collect()  # the collector runs when allocations say so: e.g. inside a chart's paintEvent
    page = kept()
    assert page is not None and shiboken6.isValid(page)
    assert page.isVisible()  # still shown: pytest-qt closes it after the test
