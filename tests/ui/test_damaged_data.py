"""A dataset file that cannot be read (truncated, corrupt) gets the same way out as a missing
dataset (walk qa39): the banner names the file and its folder and offers Download and
Choose a folder…. A damaged file in nndesk's cache is replaced by the verified copy; one in the
user's folder is left as it is, and the verified copy goes into the cache and is read instead.

"MNIST" is the tiny dataset (its checksums in the registry), served by a loopback mirror.
"""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from nndesk import preferences
from nndesk.controllers import datasets
from nndesk.data.download import dataset_cache_dir
from nndesk.inference import Classifier
from tests.ui.conftest import evaluate_and_wait_for_the_offer

pytestmark = pytest.mark.filterwarnings("ignore:.*differ from the published.*")

DAMAGED = "t10k-images-idx3-ubyte.gz"


@pytest.fixture
def mirror(server, tiny_mnist):
    """A classroom mirror serving the tiny MNIST files, set in the settings."""
    for name, body in tiny_mnist.items():
        server.files[f"/school/mnist/{name}"] = body
    preferences.set_mirror(f"{server.url}/school")
    return server


@pytest.fixture
def gui_looks(monkeypatch):
    """The damaged files the window's thread looked up whether they were still the same
    (``datasets._signature``, a stat). The offer did, twice per offer and again as Download
    started: a file in a network folder that stops answering would freeze the window. Now
    the worker whose load failed finds the file, and its failure carries it."""
    looked: list[Path] = []
    real = datasets._signature

    def signature(path):
        if threading.current_thread() is threading.main_thread():
            looked.append(path)
        return real(path)

    monkeypatch.setattr(datasets, "_signature", signature)
    return looked


def damaged_copy(tiny_idx_dir, folder, damaged=DAMAGED):
    """The four tiny files copied into ``folder``, ``damaged`` (the test images) cut in half."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in tiny_idx_dir.iterdir():
        shutil.copy(path, folder / path.name)
    body = (folder / damaged).read_bytes()
    (folder / damaged).write_bytes(body[: len(body) // 2])
    return folder


def test_a_damaged_file_in_the_users_folder_is_offered_a_verified_copy_in_the_cache(
    qtbot,
    window_factory,
    tiny_model_file,
    tiny_idx_dir,
    tiny_mnist,
    mirror,
    tmp_path,
    gui_looks,
):
    folder = damaged_copy(tiny_idx_dir, tmp_path / "class-data")
    preferences.set_data_dir(str(folder))
    damaged_bytes = (folder / DAMAGED).read_bytes()
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    banner = evaluate_and_wait_for_the_offer(qtbot, desk)
    assert banner.text() == (
        f"The MNIST file {DAMAGED} is damaged (corrupt or cut short).\n"
        "Download a verified copy, or choose another folder."
    )
    details = banner.details()  # the reason and the folder, on request
    assert details.startswith(f"{DAMAGED}: cannot read (the gzip stream ends early)"), details
    assert str(folder) in details and details == banner.label.toolTip()
    assert "Download puts a verified copy of MNIST in nndesk's cache" in details
    assert banner.download_button.isVisible() and banner.folder_button.isVisible()
    with qtbot.waitSignal(desk.evaluation.finished, timeout=20_000):
        banner.download_button.click()
    assert desk.evaluate_page.result().n == 50
    assert banner.isHidden()
    # the user's file is left as it is; the verified copy is in the cache and is read
    assert (folder / DAMAGED).read_bytes() == damaged_bytes
    assert (dataset_cache_dir("mnist") / DAMAGED).read_bytes() == tiny_mnist[DAMAGED]
    assert gui_looks == []  # the offer, Download and the evaluation after it: all off it
    # the note under the canvas said only "Data folder: <the user's folder>": it says which
    # data is in use now
    qtbot.waitUntil(
        lambda: (
            desk.window.status_note.text()
            == f"Data folder:\n{folder}\nMNIST is read from nndesk's verified copy (a file of it "
            "in this folder is damaged)"
        ),
        timeout=10_000,
    )
    assert datasets.source_folder("mnist") == str(dataset_cache_dir("mnist"))


def test_a_damaged_file_in_the_cache_is_replaced_by_the_download(
    qtbot,
    window_factory,
    tiny_model_file,
    tiny_idx_dir,
    tiny_mnist,
    mirror,
    gui_looks,
):
    cache = damaged_copy(tiny_idx_dir, dataset_cache_dir("mnist"))
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    banner = evaluate_and_wait_for_the_offer(qtbot, desk)
    assert DAMAGED in banner.text()
    details = banner.details()
    assert str(cache) in details and "Download replaces it with a verified copy" in details
    with qtbot.waitSignal(desk.evaluation.finished, timeout=20_000):
        banner.download_button.click()
    assert desk.evaluate_page.result().n == 50
    assert (cache / DAMAGED).read_bytes() == tiny_mnist[DAMAGED]
    # only the damaged file was fetched again
    assert [h.rsplit("/", 1)[-1] for h in mirror.hits] == [DAMAGED]
    assert gui_looks == []


def test_training_on_a_damaged_file_offers_the_download_on_the_train_page(
    qtbot,
    window_factory,
    tiny_model_file,
    tiny_idx_dir,
    tiny_mnist,
    tmp_path,
    gui_looks,
):
    from nndesk.training import TrainConfig

    folder = damaged_copy(tiny_idx_dir, tmp_path / "class-data")
    preferences.set_data_dir(str(folder))
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    shown: list[str] = []
    train.status_message.connect(shown.append)
    train.start_training(TrainConfig(dataset="mnist", arch="784-16-10", epochs=1))
    qtbot.waitUntil(lambda: any(m.startswith("Cannot train") for m in shown), timeout=20_000)
    banner = train.data_banner
    assert banner.offered_dataset() == "mnist"
    assert DAMAGED in banner.text() and str(folder) in banner.details()
    assert train.progress.format() == "Needs a dataset"
    desk.window.tabs.setCurrentWidget(desk.why_page)
    desk.window.tabs.setCurrentWidget(train)  # shown again: the offer stays
    assert banner.offered_dataset() == "mnist"
    assert gui_looks == []


def test_data_read_before_its_file_was_damaged_is_used_until_the_folder_is_chosen_again(
    qtbot, window_factory, tiny_idx_dir, tiny_mnist, tmp_path
):
    """Walk qa39 item 8, kept on purpose: what was read (and checked) before the file on disk
    was cut is the same data, so the window goes on using it. Choosing the data folder again
    (File > Data folder…, the same folder) is how a user asks for it to be read again: then
    the damage is found and said."""
    folder = tmp_path / "class-data"
    folder.mkdir()
    for path in tiny_idx_dir.iterdir():
        shutil.copy(path, folder / path.name)
    preferences.set_data_dir(str(folder))
    desk = window_factory()
    before = datasets.get_test_split("mnist")
    body = (folder / DAMAGED).read_bytes()
    (folder / DAMAGED).write_bytes(body[: len(body) // 2])
    assert datasets.get_test_split("mnist") is before  # the data read before, unchanged
    desk.window.data_folder_chosen.emit(str(folder))  # the same folder, chosen again
    with pytest.raises(datasets.DatasetDamaged) as damaged:
        datasets.get_test_split("mnist")
    assert damaged.value.offer.name == "mnist"
    assert damaged.value.offer.damaged == folder / DAMAGED


@pytest.fixture
def english_after(qapp):
    yield
    from nndesk.ui import language

    language.use_language("en")


def test_a_damaged_files_banner_is_said_again_in_the_language_switched_to(
    qtbot, english_after, window_factory, tiny_idx_dir, tmp_path, gui_looks
):
    """The walk: after View > Language the rebuilt Train page dropped the damaged file's banner
    and said "Ready" (Sẵn sàng); and the reader's reason ("the gzip stream ends early") stayed
    English in a Vietnamese window. The banner comes back worded in the new language, the
    reason too, and in English again after switching back."""
    from nndesk.ui import language
    from tests.ui.test_language_switch import _switch

    folder = damaged_copy(tiny_idx_dir, tmp_path / "class-data")
    preferences.set_data_dir(str(folder))
    datasets.forget_datasets()
    desk = window_factory(mode="digits")
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    with qtbot.waitSignal(train.controller.failed, timeout=20_000):
        train.start_training()
    qtbot.waitUntil(lambda: not train.controller.is_running(), timeout=20_000)
    english = train.data_banner.text(), train.data_banner.details()
    assert english[1].startswith(f"{DAMAGED}: cannot read (the gzip stream ends early)")
    for code in ("vi", "en"):
        desk = _switch(qtbot, desk, code)
        train, banner = desk.train_page, desk.train_page.data_banner
        qtbot.waitUntil(lambda banner=banner: not banner.isHidden(), timeout=10_000)
        assert banner.offered_dataset() == "mnist", code
        assert train.progress.format() == language.translate("TrainingPanel", "Needs a dataset")
        assert DAMAGED in banner.text() and str(folder) in banner.details()
        said = banner.text() + banner.details()
        if code == "vi":
            # the reader's reason and the window's advice, both in Vietnamese
            assert "luồng gzip kết thúc sớm" in banner.details(), banner.details()
            assert "tệp bị hỏng hoặc bị cắt cụt" in banner.details(), banner.details()
            assert "the gzip stream" not in said and "Download" not in said, said
            assert "damaged" not in banner.text(), banner.text()
        else:
            assert (banner.text(), banner.details()) == english
    assert gui_looks == []  # the damaged file is looked at off the GUI thread
    datasets.forget_datasets()


def test_a_random_test_image_needs_only_the_test_files_when_a_training_file_is_damaged(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tiny_mnist, tmp_path
):
    """The walk: with only train-images cut short, "Random test image" opened "Dataset
    needed" about the training file; the test files are whole and are all it needs."""
    folder = damaged_copy(tiny_idx_dir, tmp_path / "class-data", "train-images-idx3-ubyte.gz")
    preferences.set_data_dir(str(folder))
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    window, coordinator = desk.window, desk.coordinator
    answers: list[str] = []
    coordinator.loader.loaded.connect(lambda _dataset: answers.append("loaded"))
    coordinator.loader.failed.connect(lambda _name, message, _offer: answers.append(message))
    for turn in (1, 2):  # and again, once the damaged training file is known
        window.random_test_button.click()
        qtbot.waitUntil(lambda turn=turn: len(answers) == turn, timeout=20_000)
        assert answers[-1] == "loaded"
        qtbot.waitUntil(lambda: window.status_note.text().startswith("Test image"))
        assert not window.canvas.is_blank()
    assert coordinator.download_dialog is None


def test_a_random_test_image_is_still_refused_with_one_clear_line_when_a_test_file_is_damaged(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tiny_mnist, tmp_path
):
    folder = damaged_copy(tiny_idx_dir, tmp_path / "class-data")  # the test images cut short
    preferences.set_data_dir(str(folder))
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    window, coordinator = desk.window, desk.coordinator
    with qtbot.waitSignal(coordinator.loader.failed, timeout=20_000):
        window.random_test_button.click()
    qtbot.waitUntil(lambda: coordinator.download_dialog is not None, timeout=10_000)
    banner = coordinator.download_dialog.banner
    assert DAMAGED in banner.text()
    assert banner.offered_dataset() == "mnist"
    assert window.canvas.is_blank()


def test_a_damaged_files_banner_says_it_in_two_short_lines_with_the_rest_under_details(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tiny_mnist, tmp_path
):
    """The walk: the banner ran to four lines at 1280 px (the reader's reason, the folder,
    what Download does), and the status bar's one clear line went in seconds. Now two short
    lines at 1024 px (what is wrong with which file, what to do: the buttons under it), and
    Details shows the rest."""
    folder = damaged_copy(tiny_idx_dir, tmp_path / "a-rather-long-class-folder-name" / "data")
    preferences.set_data_dir(str(folder))
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    desk.window.resize(1024, 700)
    banner = evaluate_and_wait_for_the_offer(qtbot, desk)
    label = banner.label
    said = label.text()
    label.setText("x\nx")
    two_lines = label.heightForWidth(label.width())
    label.setText(said)
    assert label.heightForWidth(label.width()) <= two_lines, said
    assert banner.download_button.isVisible() and banner.folder_button.isVisible()
    assert banner.details_button.isVisible() and banner.details_label.isHidden()
    banner.details_button.click()
    assert banner.details_label.isVisible() and str(folder) in banner.details_label.text()
    banner.details_button.click()
    assert banner.details_label.isHidden()


def test_the_why_pages_nearest_images_say_a_damaged_training_file_with_its_details(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tiny_mnist, tmp_path
):
    """The nearest training images need the training files: the Why page's banner says the
    same two short lines as the other pages, with the reason and the folder under Details."""
    from tests.ui.test_data_offers import why_banner_after_a_drawing

    folder = damaged_copy(tiny_idx_dir, tmp_path / "class-data", "train-images-idx3-ubyte.gz")
    preferences.set_data_dir(str(folder))
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    banner = why_banner_after_a_drawing(desk)
    qtbot.waitUntil(lambda: banner.offered_dataset() == "mnist", timeout=20_000)
    assert banner.text() == (
        "The MNIST file train-images-idx3-ubyte.gz is damaged (corrupt or cut short).\n"
        "Download a verified copy, or choose another folder."
    )
    assert str(folder) in banner.details() and banner.details_button.isVisible()


def test_opening_a_damaged_files_details_keeps_the_windows_size(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tiny_mnist, tmp_path
):
    """walk52 #10: at 1024x700 Details on the Map page's banner grew the window to 728 px,
    past a 700-px screen; the window keeps its size, and an account longer than the room
    scrolls."""
    from PySide6.QtWidgets import QApplication

    folder = damaged_copy(tiny_idx_dir, tmp_path / "a-rather-long-class-folder-name" / "data")
    preferences.set_data_dir(str(folder))
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    window = desk.window
    window.resize(1024, 700)
    banner = evaluate_and_wait_for_the_offer(qtbot, desk)
    # the account as long as walk52's (the reason, the folder, what Download does) and more
    banner._set_details(banner.details() + (" " + banner.details()) * 12)
    QApplication.processEvents()
    before = window.size()

    banner.details_button.click()
    qtbot.waitUntil(lambda: banner.details_label.isVisible())
    for _ in range(3):
        QApplication.processEvents()

    assert window.size() == before
    assert window.minimumSizeHint().height() <= before.height()
    area = banner.details_area
    assert area.height() < banner.details_label.heightForWidth(area.viewport().width())
    assert area.verticalScrollBar().maximum() > 0  # the rest is a scroll away


def test_the_train_page_says_what_another_page_found_damaged_before_train_is_pressed(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tmp_path
):
    """walk52 D11b: Evaluate, Map and Dataset showed the damaged-file banner while the Train
    page said "MNIST is ready"; pressed, Train said "The run did not start", and the coach
    "sees no problem in this run's curves" for a run that never started."""
    from nndesk.training import TrainConfig

    folder = damaged_copy(tiny_idx_dir, tmp_path / "class-data")
    preferences.set_data_dir(str(folder))
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    train = desk.train_page
    evaluate_and_wait_for_the_offer(qtbot, desk)  # Evaluate finds the test images damaged
    desk.window.tabs.setCurrentWidget(train)
    qtbot.waitUntil(lambda: train.data_banner.offered_dataset() == "mnist", timeout=10_000)
    assert DAMAGED in train.data_banner.text()
    assert not train.title.text().startswith("MNIST is ready")
    assert train.progress.format() == "Needs a dataset"
    shown: list[str] = []
    train.status_message.connect(shown.append)
    train.start_training(TrainConfig(dataset="mnist", arch="784-16-10", epochs=1))
    qtbot.waitUntil(lambda: any(m.startswith("Cannot train") for m in shown), timeout=20_000)
    qtbot.waitUntil(lambda: not train.controller.is_running(), timeout=20_000)
    assert not train.coach.quiet.isVisible()  # no word on curves a run never drew


@pytest.mark.parametrize("page", ["map_page", "lab_page"])
def test_a_damaged_files_banner_and_its_details_leave_the_windows_least_size_as_it_was(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tiny_mnist, tmp_path, page
):
    """s52: with the banner the window's least height went from 598 to 634 px at 1024 px wide
    (657 at 828), on any page, since the pages' stack is as tall as its tallest page needs; at
    the least size the Map page's plot got less than its least height and its sentence was
    cut at the bottom. The banner's buttons, in one row, were wider than the page at the
    window's least width. Now the page scrolls below its own least height."""
    from PySide6.QtWidgets import QApplication

    folder = damaged_copy(tiny_idx_dir, tmp_path / "a-rather-long-class-folder-name" / "data")
    preferences.set_data_dir(str(folder))
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    window = desk.window
    window.resize(1024, 700)
    QApplication.processEvents()
    least = window.minimumSizeHint()
    view = getattr(desk, page)
    with qtbot.waitSignal(desk.evaluation.failed, timeout=20_000):
        window.tabs.setCurrentWidget(view)  # showing the page evaluates
    banner = view.message
    qtbot.waitUntil(lambda: banner.offered_dataset() == "mnist", timeout=10_000)
    banner.details_button.click()
    qtbot.waitUntil(lambda: banner.details_label.isVisible())
    QApplication.processEvents()
    assert window.minimumSizeHint().height() <= least.height()

    window.resize(least)  # the least size: the page is narrow and short
    for _ in range(3):
        QApplication.processEvents()
    assert window.size() == least
    assert window.minimumSizeHint().width() <= least.width()
    buttons = [banner.download_button, banner.folder_button, banner.details_button]
    for button in buttons:  # each whole inside the page, none cut by its edge
        right = button.mapTo(view, button.rect().topRight()).x()
        assert right <= view.width(), button.text()
    for part in (getattr(view, "plot", None), getattr(view, "table", None)):
        if part is not None:  # what the page holds keeps its least height: the page scrolls
            assert part.height() >= part.minimumHeight()


def test_a_damaged_file_of_the_other_dataset_is_said_to_be_the_other_datasets(
    qtbot, window_factory, tiny_idx_dir, tiny_mnist, tmp_path
):
    """walk55b D3: Clothing mode, a folder of MNIST whose test images are cut short: "The
    Fashion-MNIST file t10k-images-idx3-ubyte.gz is damaged … Download puts a checked
    Fashion-MNIST copy in nndesk's cache", of a file that is MNIST's. Its label files say
    whose they are: the folder holds MNIST, not Fashion-MNIST, as an intact one is told."""
    folder = damaged_copy(tiny_idx_dir, tmp_path / "mnist-cut")
    preferences.set_data_dir(str(folder), "fashion")
    datasets.forget_datasets()
    with pytest.raises(datasets.DataError) as caught:
        datasets.get_test_split("fashion")
    assert not isinstance(caught.value, datasets.DatasetDamaged)
    assert caught.value.other_dataset == "mnist"
    assert datasets.window_message(caught.value).startswith(
        f"{folder} holds MNIST, not Fashion-MNIST: download Fashion-MNIST"
    )
    assert datasets.damaged_file("fashion") is None  # not remembered as Fashion-MNIST's
    assert datasets.other_dataset_found("fashion") == "mnist"
    datasets.forget_datasets()
    preferences.set_data_dir(str(folder), "mnist")  # read for Digits: MNIST's file, damaged
    with pytest.raises(datasets.DatasetDamaged) as caught:
        datasets.get_test_split("mnist")
    assert str(caught.value).startswith(f"The MNIST file {DAMAGED} is damaged")
    datasets.forget_datasets()
