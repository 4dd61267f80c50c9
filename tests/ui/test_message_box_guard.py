"""The suite's guard: a static message box in a test fails it instead of hanging the run."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox


def test_a_static_message_box_fails_the_test_naming_its_message(qapp):
    with pytest.raises(
        AssertionError, match="QMessageBox.warning would block the test: nndesk: boom"
    ):
        QMessageBox.warning(None, "nndesk", "boom")
