"""The augmentation preview's images, read for the Train form off the GUI thread
(ui/preview_feed.py)."""

from __future__ import annotations

import numpy as np

from tests.ui.test_training_panel import WAIT_MS, panel, tiny_dataset  # noqa: F401 - fixtures


def test_the_augmentation_preview_shows_training_images_changed_by_the_strengths(
    qtbot,
    panel,  # noqa: F811
    tiny_dataset,  # noqa: F811
):
    form = panel.form
    preview = form.augment_preview
    assert preview.augmented() is None and not preview.isVisible()
    # before any run: turning augmentation on reads eight of the dataset's training images
    form.augment.setChecked(True)
    assert preview.isVisible()
    qtbot.waitUntil(lambda: preview.augmented() is not None, timeout=WAIT_MS)
    np.testing.assert_array_equal(preview.images(), tiny_dataset.train_images[:8])
    form.aug_rotate.setValue(0)
    form.aug_shift.setValue(0)
    form.aug_scale.setValue(0)
    still = preview.augmented()
    assert still.shape == (8, 28, 28)
    form.aug_rotate.setValue(40)
    turned = preview.augmented()
    assert (turned != still).any()  # the strength moved the pictures
    assert not preview.cells[0].pixmap().isNull()


def test_the_preview_missing_its_data_reads_it_when_the_data_comes(
    qtbot,
    tiny_dataset,  # noqa: F811
    tmp_path,
):
    """walk71 F1's sweep: every "data missing" message follows the window's one data-available
    signal. The preview said "…appear here, once it is on this computer" after the folder was
    chosen, until it was hidden and shown again."""
    from nndesk.controllers.datasets import DatasetMissing
    from tests.ui.test_training_panel import make_panel

    here: list[bool] = []

    def provider(name):
        if not here:
            raise DatasetMissing(name, "MNIST is not on this computer yet.")
        return tiny_dataset

    page = make_panel(qtbot, tmp_path, provider)
    preview = page.form.augment_preview
    failures: list[object] = []
    page.preview_feed._delivery.failed.connect(lambda *said: failures.append(said))  # noqa: SLF001
    page.form.augment.setChecked(True)
    qtbot.waitUntil(lambda: bool(failures), timeout=WAIT_MS)
    assert preview.augmented() is None
    here.append(True)  # a folder chosen, a download finished
    page.data_changed()
    qtbot.waitUntil(lambda: preview.augmented() is not None, timeout=WAIT_MS)
    np.testing.assert_array_equal(preview.images(), tiny_dataset.train_images[:8])
    page.shutdown()
