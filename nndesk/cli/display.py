"""Whether the window can open here, asked before Qt is imported.

On Linux with no display (over SSH without ``-X``, WSL without WSLg, a text console) Qt's xcb
plugin printed "could not connect to display … xcb-cursor0 is needed … Reinstalling the
application may fix this problem" and aborted (exit 134): advice that cannot help, while
every command but the window works there (walk55b D8).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

#: what the window needs found in the environment, one of them (Qt reads the same)
DISPLAY_VARIABLES = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")

NO_DISPLAY = (
    "the window needs a desktop display and none was found ($DISPLAY and $WAYLAND_DISPLAY are "
    "empty): over SSH connect with `ssh -X`, on Windows use WSLg or a Windows Python; the "
    "commands work without one (nndesk train, evaluate, predict, models; nndesk --help), and "
    "QT_QPA_PLATFORM=offscreen runs the window unseen (screenshots, tests)"
)


def no_display(environ: Mapping[str, str] | None = None, platform: str | None = None) -> bool:
    """True where Qt would use X11 or Wayland (Linux and the BSDs) and the environment names
    neither a display nor another Qt platform: the window cannot open."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "cygwin", "darwin")):
        return False  # Windows and macOS always have their own platform plugin
    return not any(environ.get(name, "").strip() for name in DISPLAY_VARIABLES)
