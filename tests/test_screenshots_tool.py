"""tools/screenshots.py never waits for a person: a message box is printed and closed; the
nndesk folder it uses in the temporary folder is removed when it ends, however it ends."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tools import screenshots


@pytest.mark.real_message_boxes
def test_a_message_box_is_printed_and_closed_instead_of_waiting(qapp, capsys):
    rescued = []

    def rescue() -> None:  # only if the sweep failed: close the box so the suite cannot hang
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.isVisible():
                rescued.append(widget.text())
                widget.reject()

    sweeper = screenshots.dismiss_dialogs(qapp)
    QTimer.singleShot(5000, rescue)
    try:
        QMessageBox.warning(None, "Training", "the training set is not on this computer")
    finally:
        sweeper.stop()
    assert rescued == []
    assert "skipped: Training: the training set is not on this computer" in capsys.readouterr().out


def test_the_tool_uses_one_temporary_nndesk_folder_and_removes_it(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.delenv("NNDESK_HOME", raising=False)
    homes: list[Path] = []

    def drawn(*args, **kwargs) -> list[Path]:
        home = Path(os.environ["NNDESK_HOME"])
        (home / "settings.ini").write_text("[General]\ntheme=light\n")  # as the window does
        homes.append(home)
        return []

    monkeypatch.setattr(screenshots, "render", drawn)
    monkeypatch.setattr(screenshots, "render_vietnamese", drawn)
    assert screenshots.main([str(tmp_path / "shots")]) == 0
    assert len(homes) == 2 and homes[0] == homes[1] and homes[0].parent == tmp_path
    assert list(tmp_path.glob("nndesk-shots-*")) == [] and "NNDESK_HOME" not in os.environ


@pytest.mark.parametrize("render", [screenshots.render, screenshots.render_vietnamese])
def test_a_render_that_fails_leaves_no_temporary_nndesk_folder(render, qapp, tmp_path, monkeypatch):
    from nndesk.ui import theme

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.delenv("NNDESK_HOME", raising=False)

    def failed(app, name) -> None:
        assert Path(os.environ["NNDESK_HOME"]).is_dir()
        raise RuntimeError("failed mid-way")

    monkeypatch.setattr(theme, "apply_theme", failed)
    with pytest.raises(RuntimeError, match="failed mid-way"):
        render(tmp_path / "shots")
    assert list(tmp_path.glob("nndesk-shots-*")) == [] and "NNDESK_HOME" not in os.environ
