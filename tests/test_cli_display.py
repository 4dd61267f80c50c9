"""``nndesk`` with no display (walk55b D8): one line naming what to do, exit 2, before Qt's
xcb plugin aborts (exit 134) advising a reinstall that cannot help."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from nndesk import cli
from nndesk.cli.display import DISPLAY_VARIABLES, no_display


@pytest.fixture
def headless(monkeypatch):
    for name in DISPLAY_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    opened: list[object] = []
    monkeypatch.setattr("nndesk.app.run", lambda **kw: opened.append(kw) or 0)
    return opened


@pytest.mark.parametrize("argv", [[], ["--data-dir", "."]])
def test_the_window_without_a_display_is_one_line_and_exit_2(headless, argv, capsys):
    assert cli.main(argv) == 2
    assert headless == []  # Qt's window was never asked for
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("nndesk: error: the window needs a desktop")
    assert "ssh -X" in err and "nndesk train" in err and "QT_QPA_PLATFORM=offscreen" in err


@pytest.mark.parametrize(
    ("environ", "platform", "expected"),
    [
        ({}, "linux", True),
        ({"DISPLAY": " "}, "linux", True),
        ({}, "freebsd14", True),
        ({"DISPLAY": ":0"}, "linux", False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, "linux", False),
        ({"QT_QPA_PLATFORM": "offscreen"}, "linux", False),
        ({}, "win32", False),
        ({}, "darwin", False),
    ],
)
def test_no_display_is_linux_and_the_bsds_with_nothing_naming_one(environ, platform, expected):
    assert no_display(environ, platform) is expected


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland platforms only")
def test_a_real_start_without_a_display_ends_with_the_line_not_an_abort():
    env = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARIABLES}
    done = subprocess.run(
        [sys.executable, "-m", "nndesk"], env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("nndesk: error: the window needs a desktop display")
    assert "xcb" not in done.stderr
