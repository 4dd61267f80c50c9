"""The Runs view's one Export button: its menu saves the selected runs' curves as a PNG, their
per-epoch histories as a CSV, and the one selected run's experiment as a script or a notebook.

Four buttons of their own (Export PNG…, Export all as CSV…, Export code) put the view's row of
buttons on two lines at 1280 px in English (698 px asked, 626 there: fixH, s68); as one menu,
as the Evaluate page has, the row is one line at 1024 and 1280 px.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from nndesk.codegen import Experiment
from nndesk.ui.buttons import mark_menu
from nndesk.ui.export_code import RUNS_MENU, add_code_actions
from nndesk.ui.language import translate, translate_marked


class RunsExportMenu:
    """``button`` ("Export ▾") and its items: ``png_action``, ``csv_action`` and
    ``code_actions`` (script, notebook), enabled by ``follow_selection``."""

    def __init__(
        self,
        parent: QWidget,
        experiment: Callable[[], Experiment],
        written: Callable[[Path], None],
    ) -> None:
        self.button = QToolButton(parent)
        self.button.setText(translate_marked("RunsView", RUNS_MENU))
        self.button.setToolTip(
            translate(
                "RunsView",
                "save the selected runs' curves or histories, or the selected run's experiment"
                " as code",
            )
        )
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.button)
        menu.setToolTipsVisible(True)
        self.png_action = menu.addAction(translate("RunsView", "Curves as &PNG…"))
        self.png_action.setToolTip(
            translate("RunsView", "save the selected runs' curves as a PNG image")
        )
        self.csv_action = menu.addAction(translate("RunsView", "All histories as &CSV…"))
        self.csv_action.setToolTip(
            translate("RunsView", "save the per-epoch history of the selected runs (or all)")
        )
        menu.addSeparator()
        self.code_actions = add_code_actions(menu, parent, experiment, "Runs view", written)
        code_tip = translate(
            "ExportCode",
            "write this experiment as a standalone NumPy script or a Keras notebook to read, run "
            "and change without nndesk",
        )
        for action in self.code_actions:
            action.setToolTip(code_tip)
        mark_menu(self.button).setMenu(menu)

    def follow_selection(self, plotted: bool, selected: bool, exportable: bool, one: bool) -> None:
        """The items for the selection: ``plotted``, readable runs are selected (their curves
        are drawn); ``selected``: any run is; ``exportable``: the CSV has a run to hold (the
        selected ones, or all with none selected); ``one``: one readable run is selected (its
        experiment)."""
        self.png_action.setEnabled(plotted)
        # with nothing selected the CSV holds every run: the item says so
        self.csv_action.setText(
            translate("RunsView", "Histories as &CSV…")
            if selected
            else translate("RunsView", "All histories as &CSV…")
        )
        self.csv_action.setEnabled(exportable)
        for action in self.code_actions:
            action.setEnabled(one)
        self.button.setEnabled(plotted or exportable or one)
