"""Whether the data a run wants is on this computer, said on the Train page: "Needs a dataset"
and the banner's Download / Choose a folder… / Switch to …, before Train is pressed and after a
start that failed for want of it, and "Ready" again once the data is here.

Every look at the data folder (stats of its files, the checksums of its label files) is done
off the GUI thread (``look_at_data``): a data folder on a slow disk, a network drive or a hung
mount would freeze the window. Each question is numbered; the answer to an older one is dropped.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot

from nndesk.controllers import datasets
from nndesk.ui.language import translate
from nndesk.ui.off_gui import Delivery, run_off_gui
from nndesk.ui.train_texts import continue_problem


@dataclass(frozen=True)
class DataLook:
    """What a look at the data found, for the form's dataset ``name`` and the dataset the last
    run asked for, ``wanted``."""

    name: str | None
    missing: str | None  # ``name`` when it is a registered dataset not on this computer
    other: str | None  # the registered dataset the data folder holds where ``name`` was looked for
    text: str  # the banner's message when ``missing`` or ``other``, else ""
    wanted: str | None
    wanted_here: bool  # ``wanted`` is not missing (``datasets.missing_dataset``)
    #: a file of ``name`` a load found damaged (another page's, or a start's), still the same
    damaged: bool = False


#: seconds a look waits at most for the folder's look asked before it (``look_at_data``)
LOOK_WAIT_S = 30


def look_at_data(
    name: str | None,
    wanted: str | None,
    in_folder: bool,
    looked_before: threading.Event | None = None,
) -> DataLook:
    """Whether ``name`` and ``wanted`` are on this computer (stats of the data folder and the
    download cache; blocking: call it off the GUI thread). ``in_folder``: when ``name``'s files
    are here, also check that they are not the other dataset's (the checksums of two label
    files, once per dataset and data folder). ``looked_before``: set once that look, asked
    by an earlier question whose answer is dropped for this one, has ended: waited for, so
    this answer knows what it found (a preset chosen and a check at once left "Ready" over a
    folder of the other dataset)."""
    if looked_before is not None:
        looked_before.wait(LOOK_WAIT_S)
    missing = datasets.missing_dataset(name)
    other = datasets.other_dataset_found(name)
    if missing is None and other is None and in_folder:
        other = datasets.look_for_other_dataset(name)
    if missing is not None:
        text = datasets.missing_text(missing)
    elif other is not None:
        text = datasets.other_dataset_text(name)
    else:
        text = ""
    # the form's dataset is usually the one the last run wanted: its files are stat-ed once
    here = missing is None if wanted == name else datasets.missing_dataset(wanted) is None
    damaged = missing is None and datasets.damaged_file(name) is not None
    return DataLook(name, missing, other, text, wanted, here, damaged)


class TrainDataCheck(QObject):
    """The data check of ``page`` (a TrainingPanel): it writes the page's ``progress``,
    ``speed`` and ``data_banner``, says its headline again (``say_idle``) and reads its form,
    whether a run goes (``run_going``) and what Continue trains (``continue_name``)."""

    #: a look at the data answered, or the data changed: whether Train can start may differ
    #: (``start_waits``)
    looked = Signal()

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
        # the looks at the data, done off the GUI thread; the answer to question ``_asked``
        # alone is used, older ones are dropped
        self._delivery = Delivery()
        self._delivery.delivered.connect(self._on_delivery_delivered)
        self._asked = 0
        # (dataset, checking) of the question not answered yet, or None
        self._pending: tuple[str | None, bool] | None = None
        self._last: DataLook | None = None  # the latest answer (None after the data changed)
        self._looked: set = set()  # (dataset, data generation) looked at for the other dataset
        # (dataset, data generation) -> set once its look in the folder has ended
        self._looks: dict[tuple, threading.Event] = {}

    def run_asked(self, wanted: str) -> None:
        """A run was asked to train on ``wanted``: what the last start lacked is forgotten."""
        self.wanted = wanted
        self.needs_data = False
        self.continue_needs = None
        self.damaged = None

    def _blocked(self, name: str | None) -> bool:
        """Whether the banner stays as it is whatever the data folder holds."""
        if not self.enabled or self._page.run_going():
            return True
        if self.continue_needs is not None:
            return True  # a failed Continue's banner says what its run needs, whatever the form's
        # a file of it cannot be read: the banner a failed start showed stays
        return name is not None and name == self.damaged

    def check(self) -> None:
        """While no run goes: say soon when the form's dataset is not on this computer
        ("Switch to …" when the data folder holds the other dataset), and take it back once
        it is here. The data folder is looked at off the GUI thread (``look_at_data``); the
        page changes when it answers."""
        name = self._page.form.dataset_name()
        if not self._blocked(name):
            self._ask(name, checking=True)

    def _ask(self, name: str | None, checking: bool) -> None:
        """Look at the data for ``name`` and ``wanted`` off the GUI thread; ``checking``: the
        answer says the banner (``check``), else only "Ready" again and the headline."""
        asked = (name, datasets.data_generation())
        in_folder = checking and name in datasets.TITLES and asked not in self._looked
        before = None if in_folder else self._looks.get(asked)
        if in_folder:
            self._looked.add(asked)
            self._looks[asked] = threading.Event()
        done = self._looks.get(asked) if in_folder else None
        self._asked += 1
        self._pending = (name, checking)
        wanted = self.wanted

        def look() -> DataLook:
            try:
                return look_at_data(name, wanted, in_folder, before)
            finally:
                if done is not None:
                    done.set()

        run_off_gui(QThreadPool.globalInstance(), self._delivery, (self._asked, checking), look)

    @Slot(object, object)
    def _on_delivery_delivered(self, tag, look: DataLook | None) -> None:
        if tag[0] == "damaged":
            self._on_damaged_said(tag[1], look)
            return
        number, checking = tag
        if number != self._asked:
            return  # a newer question is on its way
        self._pending = None
        if look is None:
            return  # the look failed: the page keeps what it says
        self._last = look
        self.looked.emit()
        page = self._page
        if checking:
            if look.name == page.form.dataset_name() and not self._blocked(look.name):
                self._say(look)
            # else: the banner stays (a run goes, a failed Continue's or damaged file's banner),
            # or the form's dataset changed and its own check is on its way
            return
        if look.wanted == self.wanted:
            self.ready_again(look.wanted_here)
        if not page.run_going():
            page.say_idle(again=True)  # "… is ready" may have changed

    def _say(self, look: DataLook) -> None:
        """Say what ``look`` found for the form's dataset: the banner, or "Ready" again."""
        page = self._page
        if look.damaged and look.missing is None and look.other is None:
            # another page found a file of it damaged: said here before Train is pressed
            self.say_damaged_again(look.name)
            page.say_idle(again=True)  # not "… is ready"
            return
        if look.missing is None and look.other is None:
            if not page.data_banner.isHidden():
                page.data_banner.clear()
            # the form's dataset is here: Train trains it, whatever the data an earlier look
            # or start lacked ("Needs a dataset · Get the data first (below)" stayed, with no
            # banner below, after MNIST missing gave way to an image folder: fix54a #3)
            self.wanted = look.name
            self.ready_again(True)
            page.say_idle(again=True)  # the form's dataset may have changed
            return
        if look.missing is not None:
            page.data_banner.show_problem(look.text, look.missing)
        else:  # the folder holds the other dataset: said here too, its download offered
            page.data_banner.show_problem(look.text, look.name, look.other)
        self.wanted = look.name
        self.say_needs_data()
        page.say_idle(again=True)  # no longer "… is ready"

    def answered(self) -> bool:
        """Whether a look at the data was asked and its answer has come: the page no longer
        changes from it (the banner shown or taken back)."""
        return self._asked > 0 and self._pending is None

    def ready(self, name: str | None) -> bool:
        """Whether the last look found ``name`` here (and not the other dataset's files in its
        place), for the headline's "… is ready". Never looks at the disk: without an answer
        about ``name`` it asks (off the GUI thread) and says False until the answer comes."""
        last = self._last
        if last is not None and last.name == name:
            return (
                last.missing is None
                and not last.damaged
                and datasets.other_dataset_found(name) is None
            )
        pending = self._pending
        # a question pending about ``name`` answers this too; one for the banner is never
        # replaced by this one (its answer would be dropped)
        if pending is None or not (pending[1] or pending[0] == name):
            self._ask(name, checking=False)
        return False

    def start_waits(self) -> bool:
        """Whether Train waits for the data: the last look found the form's dataset missing
        or the other dataset in its place, which the banner offers (Download, Choose a
        folder…, Switch to …). Never looks at the disk; before an answer, Train can be
        pressed and a start that fails says why ("The run did not start")."""
        last = self._last
        return (
            self.enabled
            and last is not None
            and last.name == self._page.form.dataset_name()
            and (last.missing is not None or last.other is not None)
        )

    @Slot(str)
    def damage_found(self, name: str) -> None:
        """A load (another page's) found a file of ``name`` damaged: looked at again when it
        is the form's dataset, so the page no longer says it is ready."""
        self._last = None
        if name != self._page.form.dataset_name():
            return
        if self.enabled:
            self.check()
        else:
            self._ask(name, checking=False)

    def data_changed(self) -> None:
        """The datasets on this computer changed (a folder chosen, a download finished)."""
        self.continue_needs = None  # the new data may hold it: Continue will tell
        self.damaged = None  # a verified copy, or another folder: Train will tell
        self._last = None  # what was found is of the data before
        self.looked.emit()
        if self.enabled:
            self.check()
        elif self.needs_data:
            self._ask(self._page.form.dataset_name(), checking=False)

    def ready_again(self, wanted_here: bool) -> None:
        """ "Needs a dataset" taken back once the data wanted is here (``wanted_here``, found
        off the GUI thread): "Ready", and a headline saying what is ready."""
        damaged = self.damaged is not None and self.wanted == self.damaged
        if not self.needs_data or damaged or not wanted_here:
            return
        self.needs_data = False
        page = self._page
        if not page.run_going():
            page.progress.setFormat(translate("TrainingPanel", "Ready"))
            page.say_idle()
            page.speed.setText(translate("TrainingPanel", "Choose settings and press Train."))
            page.say_refused_settings()  # not "Ready" while a refused field greys Train

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
        self.wanted = wanted  # a page restored after a language switch asked for no run
        other = datasets.other_dataset_found(wanted)
        run = self._page.continue_name() or wanted
        problem = continue_problem(run, wanted, other, preferences.data_dir(wanted))
        self._page.data_banner.show_problem(problem, wanted)

    def say_damaged_again(self, name: str) -> None:
        """The banner of a start that found a file of ``name`` damaged, said again (in a window
        rebuilt in another language): worded off the GUI thread (``damaged_message`` stats the
        file); a file replaced meanwhile is checked as usual instead."""
        self.wanted = self.damaged = name
        self.say_needs_data()
        run_off_gui(
            QThreadPool.globalInstance(),
            self._delivery,
            ("damaged", name),
            lambda: datasets.damaged_message(name),
        )

    def _on_damaged_said(self, name: str, said: tuple[str, str] | None) -> None:
        if self.damaged != name:
            return  # the data changed or a run started meanwhile
        if said is None:  # no longer damaged: Train will tell
            self.damaged = None
            self.check()
            return
        text, details = said
        self._page.data_banner.show_problem(text, name, details=details)

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
                    "Cannot continue: the run needs {title}; see the banner under Train",
                ).format(title=titles.get(wanted, wanted))
            )
            return True
        if other is not None and self.enabled:
            # the folder holds the other dataset: said on the page, with "Switch to …" and
            # the download of the one wanted
            self.say_needs_data()
            page.data_banner.show_problem(message, wanted, other)
            page.status_message.emit(  # "Loading mnist…" is over
                translate(
                    "TrainingPanel",
                    "Cannot train: the data folder holds {other}, not {title}; see the banner "
                    "under Train",
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
            page.data_banner.show_problem(message, wanted, details=offer.details)
            page.status_message.emit(
                translate(
                    "TrainingPanel",
                    "Cannot train: a {title} file cannot be read; see the banner under Train",
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
                    "Cannot train: {title} files are missing; see the banner under Train",
                ).format(title=title)
            )
            return True
        # the dialog says which files and from where; the status bar has room for one clause
        page.status_message.emit(
            translate(
                "TrainingPanel",
                "Cannot train: {title} files are missing; the dialog says which",
            ).format(title=title)
        )
        page.data_missing.emit(missing)  # the window offers the download
        return True
