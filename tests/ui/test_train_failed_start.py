"""A run that cannot start leaves the Train page as the last run left it (its curves, its
model), says why in the window's language, and a Continue that needs the other mode's data
says which data its run needs and where it was looked for (probe 32b)."""

from __future__ import annotations

import pytest

from nndesk import preferences
from nndesk.controllers import datasets
from nndesk.data import registry
from nndesk.ui import language
from tests.ui.conftest import train_two_epochs
from tests.ui.test_data_offers import choose_tiny_files_as
from tests.ui.test_language_switch import _switch

pytestmark = pytest.mark.filterwarnings("ignore:.*differ from the published.*")
LAST_SHOWN = "The run did not start · the curves below are the last run's"


@pytest.fixture
def english_after(qapp):
    yield
    language.use_language("en")


def test_a_failed_start_keeps_the_last_curves_and_its_title_follows_the_language(
    qtbot, english_after, window_factory, tiny_idx_dir, tmp_path
):
    preferences.set_data_dir(str(tiny_idx_dir))
    datasets.forget_datasets()
    desk = window_factory(mode="digits")
    page = desk.train_page
    desk.window.tabs.setCurrentWidget(page)
    train_two_epochs(qtbot, page)
    curves, model_line = page.curves, page.model_label.full_text()
    model = page.controller.model_path
    assert curves.epochs == [1, 2] and model_line.startswith("Model saved: ")
    desk.window.data_folder_chosen.emit(str(tmp_path / "empty"))  # no data there
    said: list[str] = []
    page.status_message.connect(said.append)
    with qtbot.waitSignal(page.controller.failed, timeout=20_000):
        page.start_training()
    qtbot.waitUntil(lambda: not page.controller.is_running(), timeout=20_000)
    # the headline says whose the curves and model line below are (walk qa39: under "The run
    # did not start" they read as the failed run's)
    assert page.title.text() == LAST_SHOWN
    # the last run's curves and model are still the page's (they were cleared at the click)
    assert page.curves is curves and page.curves.epochs == [1, 2]
    page.plot.draw_now()
    assert list(page.live.train_loss_line.get_xdata()) == [1, 2]  # drawn again
    assert page.live.span() == (1, 2, ())  # its epochs, and no schedule turns (constant)
    assert page.model_label.full_text() == model_line
    assert page.controller.model_path == model and page.save_button.isEnabled()
    assert not said[-1].startswith("Loading")  # the status bar says why at once

    vietnamese = _switch(qtbot, desk, "vi")
    title = vietnamese.train_page.title.text()
    assert title == language.translate("TrainingPanel", LAST_SHOWN) != LAST_SHOWN
    english = _switch(qtbot, vietnamese, "en")
    assert english.train_page.title.text() == LAST_SHOWN
    assert english.train_page.curves.epochs == [1, 2]
    english.window.close()


def test_a_first_start_that_failed_is_said_again_after_a_language_switch(
    qtbot, english_after, window_factory, tmp_path
):
    """With no run before it, the rebuilt page said its start headline ("… No run yet")
    instead of "The run did not start"."""
    preferences.set_data_dir(str(tmp_path / "empty"))  # no data there
    datasets.forget_datasets()
    desk = window_factory(mode="digits")
    page = desk.train_page
    desk.window.tabs.setCurrentWidget(page)
    with qtbot.waitSignal(page.controller.failed, timeout=20_000):
        page.start_training()
    qtbot.waitUntil(lambda: not page.controller.is_running(), timeout=20_000)
    assert page.last_run_id is None and page.title.text() == "The run did not start"
    vietnamese = _switch(qtbot, desk, "vi")
    assert vietnamese.train_page.title.text() == language.translate(
        "TrainingPanel", "The run did not start"
    )
    english = _switch(qtbot, vietnamese, "en")
    assert english.train_page.title.text() == "The run did not start"
    english.window.close()
    datasets.forget_datasets()


def test_continue_says_which_data_its_run_needs_whatever_the_mode(
    qtbot, window_factory, tiny_idx_dir, monkeypatch
):
    """A Digits run's model loaded and continued in Clothing mode trains on MNIST; with the
    folder holding Fashion-MNIST the banner read "switch to …", which does not help Continue.
    (The run itself stays on the Digits page: walk62 D6.)"""
    preferences.set_data_dir(str(tiny_idx_dir))  # read as MNIST (a lab's own files)
    datasets.forget_datasets()
    desk = window_factory(mode="digits")
    page = desk.train_page
    desk.window.tabs.setCurrentWidget(page)
    train_two_epochs(qtbot, page)
    model = page.controller.model_path
    desk.window.act_garments.trigger()
    assert not page.resume_button.isEnabled()  # the Digits run is on the Digits page
    with qtbot.waitSignal(page.model_ready, timeout=20_000):
        page.load_model(model)
    choose_tiny_files_as(registry.FASHION, tiny_idx_dir, monkeypatch)  # now Fashion's files
    desk.window.data_folder_chosen.emit(str(tiny_idx_dir))
    with qtbot.waitSignal(page.controller.failed, timeout=20_000):
        assert page.continue_training()
    qtbot.waitUntil(lambda: not page.controller.is_running(), timeout=20_000)
    banner = page.data_banner
    assert banner.text().startswith("Continue trains the run of "), banner.text()
    assert banner.text().endswith(
        f" further on MNIST, the data it learnt from, but the data folder {tiny_idx_dir} "
        "holds Fashion-MNIST. Download MNIST, or choose a folder holding it."
    ), banner.text()
    assert banner.switch_offered() is None and banner.offered_dataset() == "mnist"
    # a language switch keeps the failed Continue's banner, in the new words (the rebuilt page
    # showed the form's Fashion-MNIST as ready)
    said_en = banner.text()
    for code in ("vi", "en"):
        desk = _switch(qtbot, desk, code)
        page, banner = desk.train_page, desk.train_page.data_banner
        assert not banner.isHidden() and banner.offered_dataset() == "mnist", code
        assert banner.switch_offered() is None and str(tiny_idx_dir) in banner.text()
        assert (banner.text() == said_en) == (code == "en"), banner.text()
        assert page.progress.format() == language.translate("TrainingPanel", "Needs a dataset")
    page.check_data()  # showing the page again keeps what Continue needs
    assert not banner.isHidden() and banner.offered_dataset() == "mnist"
    # the form (the file's settings) set to the mode's data, and the folder chosen again:
    # Train can go, Continue still needs MNIST
    page.form.dataset.setCurrentIndex(page.form.dataset.findData("fashion"))
    desk.window.data_folder_chosen.emit(str(tiny_idx_dir))
    qtbot.waitUntil(banner.isHidden, timeout=10_000)  # looked at off the GUI thread
    assert page.progress.format() == "Ready"
    # the headline says what is ready, and that Continue trains on the run's own data
    qtbot.waitUntil(
        lambda: page.title.text().startswith(
            "Fashion-MNIST is ready · Continue trains the run of "
        ),
        timeout=10_000,
    )
    assert page.title.text().endswith(" further, on MNIST"), page.title.text()
    datasets.forget_datasets()
