"""Feeds the Train form's augmentation preview eight training images of the form's dataset,
read off the GUI thread, before any run (a run's own images then take their place)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, QThreadPool, Slot

from nndesk.errors import NndeskError
from nndesk.ui.off_gui import Delivery, run_off_gui


class PreviewFeed(QObject):
    """Reads the images ``form.augment_preview`` asks for through ``controller.read_dataset``
    (a dataset not on this computer leaves the preview's note). ``run_going()``: a run has
    started (its images are the preview's)."""

    def __init__(self, form, controller, run_going, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._form = form
        self._controller = controller
        self._run_going = run_going
        self._reading: str | None = None  # the dataset being read
        self._delivery = Delivery()
        self._delivery.delivered.connect(self._on_delivery_delivered)
        form.augment_preview.images_wanted.connect(self._read)
        form.dataset.currentIndexChanged.connect(self._on_form_dataset_changed)

    def _dataset(self) -> str | None:
        try:
            return self._form.config().dataset
        except NndeskError:
            return None  # the form holds a value it cannot use: its own message says so

    @Slot()
    def _read(self) -> None:
        name = self._dataset()
        if name is None or self._reading == name:
            return
        self._reading = name
        controller = self._controller

        def eight_images():
            return np.asarray(controller.read_dataset(name).train_images[:8], np.uint8).copy()

        run_off_gui(QThreadPool.globalInstance(), self._delivery, name, eight_images)

    @Slot()
    def data_changed(self) -> None:
        """The datasets on this computer changed (a folder chosen, a download finished): a
        preview still without images reads them now (its "once it is on this computer" stood
        until it was hidden and shown again: walk71 F1's sweep)."""
        preview = self._form.augment_preview
        if self._run_going() or preview.has_images():
            return
        self._reading = None  # a read of the data before is answered, but not for this one
        if preview.isVisible():
            self._read()

    @Slot(int)
    def _on_form_dataset_changed(self, _index: int) -> None:
        # another dataset's images: the preview shows the new one's (now if it is on screen)
        preview = self._form.augment_preview
        if not self._run_going() and preview.has_images():
            preview.set_images(None)
            if preview.isVisible():
                self._read()

    @Slot(object, object)
    def _on_delivery_delivered(self, name: str, images) -> None:
        self._reading = None
        preview = self._form.augment_preview
        if images is None or preview.has_images() or self._run_going():
            return  # not there, or a run's own images came first
        if name == self._dataset():
            preview.set_images(images)
        elif preview.isVisible():
            self._read()  # the form moved on to another dataset meanwhile
