"""Whether the data a run wants is on this computer, said on the Train page: "Needs a dataset"
and the banner's Download / Choose a folder… / Switch to …, before Train is pressed and after a
start that failed for want of it, and "Ready" again once the data is here."""

from __future__ import annotations

from PySide6.QtCore import QObject, QThreadPool, Slot

from nndesk.controllers import datasets
from nndesk.ui.language import translate
from nndesk.ui.off_gui import Delivery, run_off_gui
from nndesk.ui.train_texts import continue_problem


class TrainDataCheck(QObject):
    """The data check of ``page`` (a TrainingPanel): it writes the page's ``progress``,
    ``speed`` and ``data_banner``, says its headline again (``say_idle``) and reads its form,
    whether a run goes (``run_going``) and what Continue trains (``continue_name``)."""

    def __init__(self, page) -> None:
        super().__init__(page)
        self._page = page
        #: only in the window (which offers the downloads): say it before Train is pressed
        self.enabled = False
        self.wanted: str | None = None  # the dataset of the last run asked for
        self.needs_data = False  # the last start failed for want of that dataset
        # the dataset a Continue that could not start needs: its banner stays until the
        # data changes or another run starts
        self.continue_needs: str | None = None
        # the dataset a start found a file of damaged (its DataOffer): its banner stays until
        # the data changes or another run starts (nothing is looked up on disk for it here)
        self.damaged: str | None = None
        # the data folder read off the GUI thread for which dataset it holds
        self._delivery = Delivery()
        self._delivery.delivered.connect(self._on_delivery_delivered)
        self._looked: set = set()  # (dataset, data generation) looked at

    def run_asked(self, wanted: str) -> None:
        """A run was asked to train on ``wanted``: what the last start lacked is forgotten."""
        self.wanted = wanted
        self.needs_data = False
        self.continue_needs = None
        self.damaged = None

    def check(self) -> None:
        """While no run goes: say at once when the form's dataset is not on this computer
        ("Switch to …" when the data folder holds the other dataset), and take it back once
        it is here. A few stat calls here; whose files the folder holds is read off the GUI
        thread (``datasets.look_for_other_dataset``), and said when it answers."""
        page = self._page
        if not self.enabled or page.run_going():
            return
        if self.continue_needs is not None:
            return  # a failed Continue's banner says what its run needs, whatever the form's
        name = page.form.dataset_name()
        if name is not None and name == self.damaged:
            return  # a file of it cannot be read: the banner a failed start showed stays
        missing, other = datasets.missing_dataset(name), datasets.other_dataset_found(name)
        if missing is None and other is None:
            if not page.data_banner.isHidden():
                page.data_banner.clear()
            self.ready_again()
            page.say_idle(again=True)  # the form's dataset may have changed
            self._look_in_folder(name)
            return
        if missing is not None:
            page.data_banner.show_problem(datasets.missing_text(missing), missing)
        else:  # the folder holds the other dataset: said here too
            page.data_banner.show_problem(datasets.other_dataset_text(name), None, other)
        self.wanted = name
        self.say_needs_data()
        page.say_idle(again=True)  # no longer "… is ready"

    def _look_in_folder(self, name: str) -> None:
        """Find out off the GUI thread whether the data folder holds the other dataset where
        ``name`` is looked for (once per dataset and folder); ``check`` again if so."""
        asked = (name, datasets.data_generation())
        if name not in datasets.TITLES or asked in self._looked:
            return
        self._looked.add(asked)
        run_off_gui(
            QThreadPool.globalInstance(),
            self._delivery,
            asked,
            lambda: datasets.look_for_other_dataset(name),
        )

    @Slot(object, object)
    def _on_delivery_delivered(self, asked, other) -> None:
        if other is not None and asked == (
            self._page.form.dataset_name(),
            datasets.data_generation(),
        ):
            self.check()

    def data_changed(self) -> None:
        """The datasets on this computer changed (a folder chosen, a download finished)."""
        self.continue_needs = None  # the new data may hold it: Continue will tell
        self.damaged = None  # a verified copy, or another folder: Train will tell
        if self.enabled:
            self.check()
        else:
            self.ready_again()

    def ready_again(self) -> None:
        """ "Needs a dataset" taken back once the data wanted is here: "Ready", and a headline
        saying what is ready."""
        wanted = self.wanted
        if not self.needs_data or wanted == self.damaged:
            return
        if datasets.missing_dataset(wanted) is not None:
            return
        self.needs_data = False
        page = self._page
        if not page.run_going():
            page.progress.setFormat(translate("TrainingPanel", "Ready"))
            page.say_idle()
            page.speed.setText(translate("TrainingPanel", "Choose settings and press Train."))

    def say_needs_data(self) -> None:
        """The progress bar and the line under it when the run's data is not here."""
        self._page.progress.setFormat(translate("TrainingPanel", "Needs a dataset"))
        self._page.speed.setText(
            translate("TrainingPanel", "Get the data first (below), then press Train.")
        )
        self.needs_data = True

    def say_continue_needs(self, wanted: str) -> None:
        """The page after a Continue that could not start for want of its model's dataset
        ``wanted``: its banner says which data the run needs and where it was looked for (the
        data folder, the downloads), until the data changes or another run starts."""
        from nndesk import preferences

        self.say_needs_data()
        self._page.speed.setText(
            translate("TrainingPanel", "Get the data first (below), then press Continue.")
        )
        self.continue_needs = wanted
        other = datasets.other_dataset_found(wanted)
        run = self._page.continue_name() or wanted
        problem = continue_problem(run, wanted, other, preferences.data_dir())
        self._page.data_banner.show_problem(problem, wanted)

    def run_failed(self, message: str, continuing: bool, offer=None) -> bool:
        """Say a start that failed with ``message`` for want of its data (the page's banner,
        or the window's download dialog: ``data_missing``); False when data was not why.
        ``offer``: the DataOffer the worker's error carried (the dataset missing, or the file
        of it that cannot be read), or None."""
        page, wanted, titles = self._page, self.wanted, datasets.TITLES
        other = datasets.other_dataset_found(wanted)
        damaged = offer is not None and offer.damaged is not None
        missing = offer.name if offer is not None and not damaged else None
        if continuing and self.enabled and (other is not None or missing is not None):
            # Continue trains on the model's own data, whatever the mode: "switch to Digits"
            # would not help it (and read wrong in Digits mode)
            self.say_continue_needs(wanted)
            page.status_message.emit(
                translate(
                    "TrainingPanel",
                    "Cannot continue: the run needs {title}; the banner under Train says where "
                    "it was looked for",
                ).format(title=titles.get(wanted, wanted))
            )
            return True
        if other is not None and self.enabled:
            # the folder holds the other dataset: said on the page, with "Switch to …"
            self.say_needs_data()
            page.data_banner.show_problem(message, None, other)
            page.status_message.emit(  # "Loading mnist…" is over
                translate(
                    "TrainingPanel",
                    "Cannot train: the data folder holds {other}, not {title}; the banner under "
                    "Train offers the switch",
                ).format(
                    other=datasets.TITLES.get(other, other),
                    title=datasets.TITLES.get(wanted, wanted),
                )
            )
            return True
        if self.enabled and not continuing and damaged:
            # a file of it cannot be read: the banner names it and its folder, and offers a
            # verified copy or another folder
            self.damaged = wanted
            self.say_needs_data()
            page.data_banner.show_problem(message, wanted)
            page.status_message.emit(
                translate(
                    "TrainingPanel",
                    "Cannot train: a {title} file cannot be read; the banner under Train says "
                    "which and how to get a good copy",
                ).format(title=titles.get(wanted, wanted))
            )
            return True
        if missing is None:
            return False
        page.progress.setFormat(translate("TrainingPanel", "Needs a dataset"))
        self.needs_data = True
        title = titles.get(missing, missing)
        if self.enabled:
            # the page's own banner says which files and offers them: a dialog on top of it
            # offered the same twice
            page.speed.setText(
                translate("TrainingPanel", "Get the data first (below), then press Train.")
            )
            page.data_banner.show_problem(message, missing)
            page.status_message.emit(
                translate(
                    "TrainingPanel",
                    "Cannot train: {title} files are missing; the banner under Train says "
                    "which and where to get them",
                ).format(title=title)
            )
            return True
        # the dialog says which files and from where; the status bar has room for one clause
        page.status_message.emit(
            translate(
                "TrainingPanel",
                "Cannot train: {title} files are missing; the dialog says which and "
                "where to get them",
            ).format(title=title)
        )
        page.data_missing.emit(missing)  # the window offers the download
        return True
