"""Builds the QApplication, the MainWindow and the controllers, and wires them together.

The only package that knows every layer: widgets ask through signals, the ``Coordinator`` loads
files, models and datasets and hands the results back to the widgets and controllers.

- ``startup``: ``run()``, the QApplication, its theme and language, the first window's place
- ``desk``: ``build_window() -> Desk`` (every controller, then every page), ``switch_language``
- ``wiring``: which controller signal reaches which page
- ``coordinator``: ``Coordinator``, the answers to the window's requests
- ``language_switch``: ``LanguageSwitch``, View > Language's question and the switch
- ``window_state``: the work a window rebuilt in another language keeps
"""

from nndesk.app.desk import Desk, build_window, switch_language
from nndesk.app.startup import run

__all__ = ["Desk", "build_window", "run", "switch_language"]
