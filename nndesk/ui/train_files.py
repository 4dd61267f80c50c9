"""The Train page's files: Save model…, Export PNG… and the Runs tab's PNG and CSV exports.

Each asks for a path, then writes off the GUI thread when the page has a writer
(``controllers.background.BackgroundWrites``); the status line (``file_saved``: the file, its
folder and "Show folder") or a message says how it went.
"""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from PySide6.QtCore import QObject, Slot

from nndesk.curves import save_curves_png
from nndesk.errors import NndeskError, user_message
from nndesk.fileio import atomic_path, atomic_write_text, copy_regular_file
from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.model_labels import ModelFacts
from nndesk.paths import refuse_shipped_place
from nndesk.runs import history_csv
from nndesk.ui import file_filters
from nndesk.ui.language import model_file_stem, translate, translate_marked
from nndesk.ui.runs_table import STATUSES
from nndesk.ui.save_dialog import ask_chart_path, ask_save_path

#: The names the curves and history files are proposed under, ``runs`` what they are of
#: (``run_name``, or several counted), in the window's language: a diverged run's curves were
#: proposed as "model_untested-curves.png" in a Vietnamese window (walk61)
CURVES_FILE = QT_TRANSLATE_NOOP("TrainingPanel", "{runs}-curves")
HISTORY_FILE = QT_TRANSLATE_NOOP("TrainingPanel", "{runs}-history")
#: several runs' files: their count (and their dataset, when they share one)
RUNS_COUNTED = QT_TRANSLATE_NOOP("TrainingPanel", "{count}-runs")
#: a file of curves with no run to name it after
NO_RUN = QT_TRANSLATE_NOOP("TrainingPanel", "curves")


def run_name(record) -> str:
    """What a file of one run's curves is named after: its dataset, layers and test accuracy
    ("fashion_784-64-64-10_87.2%"); a run without one (diverged, failed, still running) says
    how it is or ended, in the window's words ("mnist_784-784-10_phân kỳ"), never "untested"
    (its curves are what the file holds, not a model)."""
    facts = ModelFacts.of_record(record)
    if facts.test_accuracy is not None:
        return model_file_stem(facts)
    ended = translate_marked("RunsView", STATUSES.get(record.status, record.status))
    return "_".join(p for p in (facts.dataset, facts.arch, ended) if p)


def model_file_path(path: str | os.PathLike) -> Path:
    """``path`` as a model file is saved to: ``.npz`` added when missing."""
    path = Path(path)
    return path if path.suffix.lower() == ".npz" else path.with_suffix(".npz")


def copy_model(source: Path, path: str | os.PathLike) -> Path:
    """Copy the model file ``source`` to ``path`` (``.npz`` added when missing), atomically."""
    path = model_file_path(path)
    refuse_shipped_place(path)  # never a shipped model replaced (walk54b D0)
    with atomic_path(path) as tmp:
        copy_regular_file(source, tmp)
    return path


class TrainFiles(QObject):
    """The file actions of ``page`` (a TrainingPanel: its ``plotted``, ``model_to_save``,
    ``runs_view``, ``show_error`` and ``status_message``), written through ``writes`` (None:
    on the GUI thread)."""

    def __init__(self, page, writes=None) -> None:
        super().__init__(page)
        self._page = page
        self._writes = writes
        #: writes not answered yet: token -> (on done(result), on failed(error))
        self._writing: dict[int, tuple] = {}
        if writes is not None:
            writes.done.connect(self._on_writes_done)
            writes.failed.connect(self._on_writes_failed)

    def _ask(self, title: str, stem: str, suffix: str, filters: str) -> str:
        """The path the user chose to save ``stem`` + ``suffix`` to ("" when cancelled)."""
        return ask_save_path(self._page, title, stem, suffix, filters)

    @Slot()
    def save_model(self) -> None:
        """Save model…: a copy of the newest model where the user chooses."""
        # what it is (dataset, layers, test accuracy), in the folder saved to last, under a
        # name no file has there: "model.npz" said nothing and the next save replaced it
        stem = model_file_stem(self._page.model_to_save_facts())
        title = translate("TrainingPanel", "Save model")
        path = self._ask(title, stem, ".npz", file_filters.model_files())
        if path:
            try:
                source = self._page.model_to_save()
            except NndeskError as err:
                self._page.show_error(user_message(err))
                return
            self.write(
                lambda: copy_model(source, path),
                self._model_saved,
                self._model_unsaved,
                model_file_path(path),
            )

    def _ask_chart(self, title: str, stem: str) -> tuple[str, dict | None]:
        """A chart's save dialog (it says the PNG is dark on white and offers the dark theme's
        colours, fixI #3): the path ("" when cancelled) and the chart colours asked for (None:
        dark on white)."""
        from nndesk.ui import theme

        path, dark = ask_chart_path(self._page, title, stem, file_filters.png_images())
        return path, theme.chart_rc(theme.DARK) if dark else None

    @Slot()
    def export_png(self) -> None:
        """Export PNG…: the live curves as an image."""
        stem = self._live_curves_name()
        title = translate("TrainingPanel", "Export curves")
        path, colours = self._ask_chart(title, stem)
        if path:
            runs, turns = self._page.plotted(), self._page.plotted_turns()
            self._export(lambda: save_curves_png(runs, path, turns=turns, colours=colours), path)

    @Slot()
    def export_runs_png(self) -> None:
        """The Runs tab's PNG: the selected runs' curves overlaid."""
        records = self._page.runs_view.selected_records()
        stem = self._file_name(CURVES_FILE, records) if records else self._live_curves_name()
        title = translate("TrainingPanel", "Export curves")
        path, colours = self._ask_chart(title, stem)
        if not path:
            return
        if not records:  # the button is off then; the live curves are the page's
            runs, turns = self._page.plotted(), self._page.plotted_turns()
            self._export(lambda: save_curves_png(runs, path, turns=turns, colours=colours), path)
            return
        # their curves are read (a listing keeps only their summaries) by the writer; a
        # damaged run has none to draw (its button is off when all selected are)
        records = [r for r in records if not r.is_damaged]
        self._export(lambda: self._page.export_curves_png(path, records, colours), path)

    @Slot()
    def export_runs_csv(self) -> None:
        """The Runs tab's CSV: the per-epoch history of the selected (else all) runs."""
        records = self._page.runs_view.exportable_records()
        stem = self._file_name(HISTORY_FILE, records)
        title = translate("TrainingPanel", "Export history")
        path = self._ask(title, stem, ".csv", file_filters.csv_files())
        if path:
            # copies: the running run's record keeps growing on this thread meanwhile; a listed
            # run's curves are read from its file by the writer (2,000 took seconds here)
            records = [
                dataclasses.replace(r, curves=r.curves.copy()) if r.curves_read else r
                for r in records
            ]
            self._export(lambda: atomic_write_text(path, history_csv(records)), path)

    def _live_curves_name(self) -> str:
        """The Live tab's curves' file name: after the run trained last (``run_name``), else
        the model loaded (``ModelFacts.file_stem``)."""
        records, facts = self._page.live_curves_facts()
        if records or facts == ModelFacts():
            return self._file_name(CURVES_FILE, records)
        curves = translate_marked("TrainingPanel", CURVES_FILE)
        return curves.format(runs=model_file_stem(facts))

    @staticmethod
    def _file_name(template: str, records) -> str:
        """``template`` (``CURVES_FILE``, ``HISTORY_FILE``) for ``records``: one run by its
        name (``run_name``), several by their count and dataset ("fashion_3-runs"), none
        as curves of no run."""
        if not records:
            return translate_marked("TrainingPanel", NO_RUN)
        if len(records) == 1:
            runs = run_name(records[0])
        else:
            datasets = {ModelFacts.of_record(r).dataset for r in records}
            dataset = datasets.pop() if len(datasets) == 1 else None
            counted = translate_marked("TrainingPanel", RUNS_COUNTED).format(count=len(records))
            runs = "_".join(p for p in (dataset, counted) if p)
        return translate_marked("TrainingPanel", template).format(runs=runs)

    def _model_saved(self, saved: Path) -> None:
        self._page.file_saved.emit(Path(saved), True)

    def _model_unsaved(self, err: BaseException) -> None:
        said = translate("TrainingPanel", "could not save the model: {describe}")
        os_error = isinstance(err, OSError)
        self._page.show_error(
            said.format(describe=user_message(err)) if os_error else user_message(err)
        )

    def _export(self, action, path) -> None:
        """Write a file to ``path`` (``action()`` returns the path written); the status line
        says it is being written, then how it went (or a message)."""
        self.write(action, self._exported, self._export_failed, path)

    def write(self, action, on_done, on_failed, path=None) -> None:
        """Run ``action`` off the GUI thread when the page has a writer, else here; then
        ``on_done(result)`` or ``on_failed(error)`` on the GUI thread. ``path``: the file it
        writes, said at once ("Saving …": a chart drawn under load took seconds, verify67 #6)."""
        if path is not None:
            self._page.file_saving.emit(Path(path))
        if self._writes is not None:
            self._writing[self._writes.submit(action)] = (on_done, on_failed)
            return
        try:
            result = action()
        except (NndeskError, OSError) as err:
            on_failed(err)
        else:
            on_done(result)

    def _exported(self, saved) -> None:
        self._page.file_saved.emit(Path(saved), False)

    def _export_failed(self, err: BaseException) -> None:
        if isinstance(err, OSError):
            said = translate("TrainingPanel", "could not export: {describe}")
            self._page.show_error(said.format(describe=user_message(err)))
        else:
            self._page.show_error(
                translate("TrainingPanel", "could not export: {err}").format(err=err)
            )

    @Slot(int, object)
    def _on_writes_done(self, token: int, result) -> None:
        if token in self._writing:
            self._writing.pop(token)[0](result)

    @Slot(int, object)
    def _on_writes_failed(self, token: int, err) -> None:
        if token in self._writing:
            self._writing.pop(token)[1](err)
