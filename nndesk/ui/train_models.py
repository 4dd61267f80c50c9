"""The Train page's model files: Load model…, Runs > Use model, what Save model… copies, the
curves and history exports."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Slot
from PySide6.QtWidgets import QFileDialog

from nndesk.curves import save_curves_png
from nndesk.curves.marks import kept_run_turns
from nndesk.errors import NndeskError, user_message
from nndesk.fileio import atomic_write_text
from nndesk.model_labels import ModelFacts
from nndesk.run_curves import Curves
from nndesk.runs import history_csv
from nndesk.training import TrainConfig
from nndesk.ui import file_filters
from nndesk.ui.file_dialogs import OWN
from nndesk.ui.language import translate
from nndesk.ui.save_place import model_open_start
from nndesk.ui.train_files import copy_model
from nndesk.ui.train_run_state import RunState
from nndesk.ui.train_texts import loaded_texts, loaded_title_forms, model_name


class ModelFilesMixin:
    """The model files the Train page opens, names, saves and exports.

    Mixed into ``TrainingPanel`` (ui/training_panel.py), whose ``__init__`` makes the widgets
    and ``run_state``, the run's state these methods read and set (ui/train_run_state.py).
    """

    run_state: RunState

    def load_model(self, path: str | os.PathLike) -> None:
        """Open a model file: it is read off the GUI thread; then its settings fill the form and
        its history the curves (``model_ready``), or a message says why it cannot be used."""
        self.status_message.emit(
            translate("TrainingPanel", "Reading {name}…").format(name=self._model_name(Path(path)))
        )
        self.controller.open_model(path)

    @Slot(object)
    def _on_controller_model_opened(self, clf) -> None:
        path = Path(clf.path)
        self.run_state.loaded_model = path
        self.run_state.loaded_clf = clf
        self.run_state.verdict = None
        saved = clf.info.get("config")
        if saved:
            try:  # a file's settings are checked like typed ones before they fill the form
                config = TrainConfig.from_dict(saved).validate()
                self.form.set_config(config.replace(epochs=self.form.epochs.value()))
            except (NndeskError, TypeError, ValueError) as err:
                self.show_error(
                    translate(
                        "TrainingPanel", "{name}: its training settings are not usable ({err})"
                    ).format(name=path.name, err=user_message(err))
                )
        history = clf.info.get("history") or []
        self.curves = Curves.from_history(history)
        kept = self.controller.opened_curves  # its run's batches, when the file is a run's
        seed = None
        if kept is not None and kept.epochs == self.curves.epochs:
            self.curves = kept.copy()
            # Continue goes on from the curves the page shows (the coach judges them too; the
            # run copies them as it starts): from the file's per-epoch history alone, the Live
            # batch chart of a run stopped inside an epoch began at its stopped batch (fixW #5)
            seed = self.curves
        self.run_state.continuable = (path, seed)
        self.run_state.continuable_dataset = (
            saved.get("dataset") if isinstance(saved, dict) else None
        ) or clf.dataset
        self._remember_end(clf)  # after the form took the file's settings
        self.live.reset()
        self.plot.request_draw()
        # Save model… and Continue now mean this model, not the last run
        self.run_state.last_run_id = None
        self.run_state.completed = False  # the last run's "mistakes" hint is not about this model
        self.run_state.coach_setup = None  # nor what its settings show
        self.lr_error.setText("")  # the last run's "Not used: lr 3 …" is not this model's
        self.run_state.failed = False
        self._show_coach()
        self._show_loaded(clf)
        self._update_buttons()
        self.model_loaded.emit(clf)
        self.model_ready.emit(clf)

    def _show_loaded(self, clf) -> None:
        """The header names the model now in use (a run's by its run, never "model.npz") and
        forgets the last run's verdict and test accuracy."""
        name = self._model_name(Path(clf.path))
        title, follow, trained = loaded_texts(clf, name)
        forms = loaded_title_forms(clf, name)  # the rate set by hand kept in a narrow room
        self.header.set_title(
            title, tip=str(Path(clf.path)), headline=("loaded",), shorter=forms[1:]
        )
        self.progress.setValue(0)
        self.progress.setFormat(translate("TrainingPanel", "Ready"))
        self.speed.setText(follow)
        self.model_label.setText(trained)
        self.check_data()  # "Ready" only when its dataset is here

    @Slot(object)
    def follow_model_in_use(self, clf) -> None:
        """The window put another model in use (the Model list, Open, a mode switch): the
        headline stops calling the model loaded here "Model in use" and says what Continue
        trains instead (walk54b: it named a run as the model in use after fashion-mlp was
        picked, and after that run was deleted)."""
        loaded = self.run_state.loaded_model
        if loaded is None or self.header.headline != ("loaded",):
            return
        path = getattr(clf, "path", None)
        if path is not None and Path(path) == loaded:
            return  # the model loaded here, now answering too
        self.say_idle()

    def _model_name(self, path: Path) -> str:
        return model_name(path, self.runs_view.records(), self.store.root)

    def save_model_to(self, path: str | os.PathLike) -> Path:
        """Copy the newest model (last run, else the loaded one) to ``path``, atomically."""
        return copy_model(self.model_to_save(), path)

    def model_to_save(self) -> Path:
        """The model file Save model… copies: the selected run's, the last run's, else the
        loaded one."""
        source = self._current_model_path()
        if source is None:
            raise NndeskError("no model to save yet: train one or load one first")
        return source

    def export_curves_png(
        self, path: str | os.PathLike, records=None, colours: dict | None = None
    ) -> Path:
        """The live curves (or the given runs overlaid) as a PNG, their schedule turns marked
        as on screen (any thread: a listed run's curves are read here); dark on white, or in
        the chart colours ``colours``. Runs in the Runs chart's order, in its colours."""
        if records:
            from nndesk.run_colours import chart_colours
            from nndesk.ui.runs_legend import chart_order

            records = chart_order(records)
        runs = self.plotted(records)
        turns = (
            [kept_run_turns(r.config, c) for r, (_, c) in zip(records, runs, strict=True)]
            if records
            else self.plotted_turns()
        )
        caption = exported_caption(records)
        # each run in its own colour, as the Runs chart draws it
        own = chart_colours([r.colour for r in records]) if records else ()
        return save_curves_png(
            runs, path, caption=caption, turns=turns, colours=colours, run_colours=own
        )

    def plotted_turns(self) -> list:
        """The live run's schedule turns, as its chart marks them, for ``plotted()``'s run."""
        span = self.live.span()
        return [span[2] if span is not None else ()]

    def plotted(self, records=None) -> list[tuple[str, Curves]]:
        """(label, curves) to export: copies, which a running run no longer grows. Runs are
        named as the Runs chart names them (its legend, in the window's words): the file said
        the stored English titles, without the batch size or dropout that told two apart
        (walk53 #7)."""
        if records:
            from nndesk.run_titles import title_shown
            from nndesk.ui.runs_legend import EXPORTED_LABEL_CHARS, chart_order, legend_labels

            records = chart_order(records)  # as the Runs chart colours them
            curves = [r.curves.copy() for r in records]
            if len(records) == 1:
                labels = [title_shown(records[0].title, records[0].config)]
            else:
                labels = legend_labels(records, EXPORTED_LABEL_CHARS)  # whole in a file
            return list(zip(labels, curves, strict=True))
        return [(self.title.text(), self.curves.copy())]

    def export_history_csv(self, path: str | os.PathLike, records=None) -> Path:
        """Per-epoch history of ``records`` (default: selected runs, else all) as CSV."""
        records = records or self.runs_view.exportable_records()
        return atomic_write_text(path, history_csv(records))

    def _current_model_path(self) -> Path | None:
        """The model Save model… copies, as the runs and the page know it: never a stat here
        (the buttons ask after every change, and a model on a network drive that stopped
        answering froze the window). A file gone meanwhile fails the copy, off the GUI thread,
        with one message."""
        selected = self.runs_view.selected_records()
        if len(selected) == 1 and selected[0].model_path:
            return selected[0].model_path
        if self.run_state.last_run_id is not None:
            path = self.controller.model_path  # the last run's, wherever it was saved
            if path is not None:
                return path
        return self.run_state.loaded_model

    def model_to_save_facts(self) -> ModelFacts:
        """What the model Save model… copies is (dataset, layers, test accuracy), from the run
        records and the model as read: the same choice as ``_current_model_path``, no file read."""
        selected = self.runs_view.selected_records()
        if len(selected) == 1 and selected[0].model_path:
            return ModelFacts.of_record(selected[0])
        record, last_run = self.controller.record, self.run_state.last_run_id
        if last_run is not None and self.controller.model_path is not None and record is not None:
            return ModelFacts.of_record(record)
        clf = self.run_state.loaded_clf
        return ModelFacts.of_info(clf.info) if clf is not None else ModelFacts()

    def live_curves_facts(self) -> tuple[list, ModelFacts]:
        """What the Live tab's curves are of: ([the run trained last on this page], its facts),
        whether it saved a model or not (a diverged run saves none), else ([], the loaded
        model's facts, or none)."""
        record, last_run = self.controller.record, self.run_state.last_run_id
        if last_run is not None and record is not None:
            return [record], ModelFacts.of_record(record)
        clf = self.run_state.loaded_clf
        return [], ModelFacts.of_info(clf.info) if clf is not None else ModelFacts()

    def continue_name(self) -> str | None:
        """How the page names the model Continue trains further, None without one."""
        path = self.run_state.continuable[0] if self.run_state.continuable is not None else None
        return self._model_name(path) if path is not None else None

    @Slot()
    def _on_load_button_clicked(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("TrainingPanel", "Load model"),
            model_open_start(),
            file_filters.model_files(),
            options=OWN,
        )
        if path:
            self.load_model(path)

    @Slot(object)
    def _on_runs_view_use_model_requested(self, path) -> None:
        self.load_model(path)


def exported_caption(records) -> str:
    """What the exported runs share, above the legend, as the Runs chart says it ("" for
    one run or none, or runs of differing settings)."""
    from nndesk.ui.runs_legend import legend_caption

    return legend_caption(list(records)) if records else ""
