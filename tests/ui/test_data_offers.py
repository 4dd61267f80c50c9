"""What the window offers when the data is not what a page needs: a data folder holding the
other dataset ("Switch to Clothing"), and the Train page's missing data said before Train is
pressed. "Fashion-MNIST" is the tiny dataset here: its checksums are put in the registry, so
the same check as for the real files finds that the folder holds it and not MNIST."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from nndesk import preferences
from nndesk.controllers import datasets
from nndesk.data import registry
from nndesk.data.idx import sha256_decompressed
from nndesk.inference import Classifier
from tests.ui.conftest import evaluate_and_wait_for_the_offer

pytestmark = pytest.mark.filterwarnings("ignore:.*differ from the published.*")


def choose_tiny_files_as(spec, tiny_idx_dir, monkeypatch) -> None:
    """Make the tiny IDX files read as dataset ``spec`` (their checksums registered as its own)
    and choose their folder as the data folder."""
    files = tuple(
        replace(f, sha256=sha256_decompressed(tiny_idx_dir / f.gz_name)) for f in spec.files
    )
    monkeypatch.setitem(registry.DATASETS, spec.name, replace(spec, files=files))
    preferences.set_data_dir(str(tiny_idx_dir))
    datasets.forget_datasets()


def choose_an_empty_data_folder(tmp_path) -> None:
    """Choose a folder holding no dataset as the data folder: every page then misses its data."""
    (tmp_path / "empty").mkdir(exist_ok=True)
    preferences.set_data_dir(str(tmp_path / "empty"))
    datasets.forget_datasets()


def choose_mnist_after_a_fashion_copy(tiny_idx_dir, tmp_path, monkeypatch):
    """Two datasets' folders: a copy of the tiny files with every label moved on by one (other
    checksums) registered as Fashion-MNIST's, then the tiny files as MNIST's, chosen last. Returns
    the Fashion-MNIST folder."""
    from nndesk.data.idx import read_idx, write_idx

    fashion = tmp_path / "fashion-tiny"
    fashion.mkdir()
    for path in tiny_idx_dir.iterdir():
        array = read_idx(path)
        write_idx(fashion / path.name, (array + 1) % 10 if "labels" in path.name else array)
    choose_tiny_files_as(registry.FASHION, fashion, monkeypatch)
    choose_tiny_files_as(registry.MNIST, tiny_idx_dir, monkeypatch)
    return fashion


def why_banner_after_a_drawing(desk):
    """Open the Why page and draw a bar: the page asks for the nearest training images, and
    its banner is the one that answers when they cannot be had."""
    desk.window.tabs.setCurrentWidget(desk.why_page)
    drawing = np.zeros((280, 280), np.uint8)
    drawing[50:230, 120:160] = 255
    desk.prediction.request_now(drawing)
    return desk.why_page.neighbours_banner


@pytest.fixture
def fashion_folder(tiny_idx_dir, monkeypatch):
    """A data folder holding "Fashion-MNIST" (the tiny files), chosen as the data folder."""
    choose_tiny_files_as(registry.FASHION, tiny_idx_dir, monkeypatch)
    yield tiny_idx_dir
    datasets.forget_datasets()


@pytest.fixture
def fashion_model_file(tmp_path):
    """A randomly initialised 784-32-10 MLP of Fashion-MNIST, the Clothing mode's model here."""
    from nndesk.data.normalize import Normalizer
    from nndesk.nn.architecture import build_model
    from nndesk.nn.serialization import save_model

    info = {
        "dataset": "fashion",
        "class_names": list(registry.FASHION.class_names),
        "normalization": Normalizer("unit").to_dict(),
        "preprocess": "garments",
        "metrics": {"test_accuracy": 0.1},
    }
    model = build_model("784-32-10", rng=np.random.default_rng(1))
    return save_model(tmp_path / "tiny-fashion.npz", model, info)


def test_a_folder_of_the_other_dataset_offers_switching_and_the_page_then_finds_its_data(
    qtbot, window_factory, monkeypatch, fashion_folder, tiny_model_file, fashion_model_file
):
    """Probe 16d: "<folder> holds Fashion-MNIST, not MNIST: switch to Clothing, …" was text
    only; now a button switches, and Evaluate evaluates the Clothing model on that folder."""
    from nndesk.app import coordinator

    monkeypatch.setattr(
        coordinator,
        "mode_models",
        lambda kind: [fashion_model_file] if kind == "garments" else [],
    )
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))  # a digits model
    window, page = desk.window, desk.evaluate_page
    assert window.mode() == "digits"
    with qtbot.waitSignal(desk.evaluation.failed, timeout=20_000):
        window.tabs.setCurrentWidget(page)  # showing the page evaluates
    banner = page.message
    assert banner.text().startswith(f"{fashion_folder} holds Fashion-MNIST, not MNIST")
    assert banner.switch_offered() == "garments"
    assert banner.switch_button.text() == "Switch to Clothing"
    assert banner.folder_button.isVisible()
    # walk45 D8: the download too, into the cache (the folder is the other dataset's)
    assert banner.download_button.isVisible()
    assert banner.download_button.text() == "Download MNIST (11 MB)"
    window.tabs.setCurrentWidget(desk.train_page)  # said there too, before Train is pressed
    train_banner = desk.train_page.data_banner
    # the Train page looks at the folder off the GUI thread: said when it answers
    qtbot.waitUntil(lambda: train_banner.switch_offered() == "garments", timeout=10_000)
    assert train_banner.text() == banner.text()
    assert desk.train_page.progress.format() == "Needs a dataset"
    window.tabs.setCurrentWidget(page)
    with qtbot.waitSignal(desk.evaluation.finished, timeout=30_000):
        banner.switch_button.click()
    assert window.mode() == "garments" and preferences.last_mode() == "garments"
    assert desk.prediction.current().dataset == "fashion"
    assert banner.isHidden()
    assert desk.evaluation.result().class_names == registry.FASHION.class_names
    qtbot.waitUntil(train_banner.isHidden, timeout=10_000)
    assert desk.train_page.progress.format() == "Ready"


def test_the_dataset_page_offers_the_switch_too(qtbot, window_factory, fashion_folder):
    desk = window_factory(mode="digits")
    page = desk.dataset_page
    page.set_dataset("mnist")
    desk.window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.message.switch_offered() == "garments", timeout=20_000)
    assert "holds Fashion-MNIST, not MNIST" in page.message.text()


def test_a_folder_of_mnist_offers_switching_to_digits(
    qtbot, window_factory, tiny_idx_dir, monkeypatch
):
    """The mirror case: MNIST's files where Clothing mode wants Fashion-MNIST."""
    choose_tiny_files_as(registry.MNIST, tiny_idx_dir, monkeypatch)
    desk = window_factory(mode="garments")
    page = desk.dataset_page
    page.set_dataset("fashion")
    desk.window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.message.switch_offered() == "digits", timeout=20_000)
    assert page.message.switch_button.text() == "Switch to Digits"
    with qtbot.waitSignal(desk.window.mode_changed, timeout=10_000):
        page.message.switch_button.click()
    assert desk.window.mode() == "digits"
    datasets.forget_datasets()


def test_the_train_page_says_at_once_that_its_data_is_missing_and_offers_it(
    qtbot, window_factory, tmp_path, tiny_idx_dir
):
    """Probe 16d: with no data the Train page said "Ready" until Train was pressed."""
    choose_an_empty_data_folder(tmp_path)
    desk = window_factory(mode="digits")
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    banner = train.data_banner
    # the folder is looked at off the GUI thread: said as soon as it answers
    qtbot.waitUntil(lambda: train.progress.format() == "Needs a dataset", timeout=10_000)
    assert train.speed.text() == "Get the data first (below), then press Train."
    assert banner.isVisible() and banner.offered_dataset() == "mnist"
    assert banner.text().startswith("MNIST is not on this computer yet")
    assert banner.download_button.text() == "Download MNIST (11 MB)"
    assert banner.folder_button.isVisible()
    desk.window.act_garments.trigger()  # the form follows to Fashion-MNIST: still missing
    qtbot.waitUntil(lambda: banner.offered_dataset() == "fashion", timeout=10_000)
    assert train.progress.format() == "Needs a dataset"
    desk.window.data_folder_chosen.emit(str(tiny_idx_dir))  # a folder holding both names
    qtbot.waitUntil(banner.isHidden, timeout=10_000)
    assert train.progress.format() == "Ready"
    assert train.speed.text() == "Choose settings and press Train."


def test_training_on_a_folder_of_the_other_dataset_offers_switching_on_the_page(
    qtbot, window_factory, fashion_folder
):
    """The page reads the folder's label files off the GUI thread and says what it holds
    before Train is pressed (probe 32b: "Ready" until another page had read it); Train
    pressed anyway says it once more, and the status bar no longer reads "Loading mnist…"."""
    from nndesk.training import TrainConfig

    desk = window_factory(mode="digits")
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    qtbot.waitUntil(lambda: train.data_banner.switch_offered() == "garments", timeout=10_000)
    assert "holds Fashion-MNIST, not MNIST" in train.data_banner.text()
    assert train.progress.format() == "Needs a dataset"
    said: list[str] = []
    train.status_message.connect(said.append)
    with qtbot.waitSignal(desk.training.failed, timeout=20_000):
        train.start_training(TrainConfig(dataset="mnist", arch="784-16-10", epochs=1))
    assert train.data_banner.switch_offered() == "garments"
    assert train.progress.format() == "Needs a dataset"
    assert said[-1] == (
        "Cannot train: the data folder holds Fashion-MNIST, not MNIST; see the banner under Train"
    )
    qtbot.waitUntil(lambda: not desk.training.is_running(), timeout=10_000)
    with qtbot.waitSignal(desk.window.mode_changed, timeout=10_000):
        train.data_banner.switch_button.click()
    assert train.form.dataset_name() == "fashion"
    qtbot.waitUntil(train.data_banner.isHidden, timeout=10_000)
    assert train.progress.format() == "Ready"


def test_a_folder_of_the_other_dataset_chosen_is_said_on_the_train_page_at_once(
    qtbot, window_factory, tiny_idx_dir, tmp_path, monkeypatch
):
    """Probe 32b: File > Data folder… with MNIST's files in Clothing mode said nothing on the
    Train page until another page had read the folder or Train was pressed."""
    choose_an_empty_data_folder(tmp_path)
    desk = window_factory(mode="garments")
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    # nothing there yet
    qtbot.waitUntil(lambda: train.data_banner.offered_dataset() == "fashion", timeout=10_000)
    files = tuple(
        replace(f, sha256=sha256_decompressed(tiny_idx_dir / f.gz_name))
        for f in registry.MNIST.files
    )
    monkeypatch.setitem(registry.DATASETS, "mnist", replace(registry.MNIST, files=files))
    desk.window.data_folder_chosen.emit(str(tiny_idx_dir))  # as File > Data folder… does
    qtbot.waitUntil(lambda: train.data_banner.switch_offered() == "digits", timeout=10_000)
    assert train.data_banner.text() == (
        f"{tiny_idx_dir} holds MNIST, not Fashion-MNIST: download "
        "Fashion-MNIST into nndesk's cache, or choose a folder with Fashion-MNIST."
        " Each dataset keeps its own folder; one holding mnist/ and fashion-mnist/ serves both."
    )
    assert train.progress.format() == "Needs a dataset"
    datasets.forget_datasets()


def test_a_mode_with_its_data_after_one_without_says_ready_again(
    qtbot, window_factory, tmp_path, monkeypatch
):
    """walk54b D14: MNIST here, Fashion-MNIST not: Clothing's "Needs a dataset", then Digits
    again left "Get the data first (below)" with nothing below (the check compared the look
    with the dataset Clothing had asked for, and Fashion-MNIST was still missing)."""
    from tests.conftest import write_tiny_idx

    root = tmp_path / "data"
    choose_tiny_files_as(registry.MNIST, write_tiny_idx(root / "mnist"), monkeypatch)
    preferences.set_data_dir(str(root))  # mnist/ here, no Fashion-MNIST sub-folder or files
    desk = window_factory(mode="digits")
    train, banner = desk.train_page, desk.train_page.data_banner
    desk.window.tabs.setCurrentWidget(train)
    qtbot.waitUntil(lambda: train.data_check.answered(), timeout=10_000)
    assert train.progress.format() == "Ready" and banner.isHidden()
    desk.window.act_garments.trigger()
    qtbot.waitUntil(lambda: banner.offered_dataset() == "fashion", timeout=10_000)
    assert train.progress.format() == "Needs a dataset"
    desk.window.act_digits.trigger()
    qtbot.waitUntil(banner.isHidden, timeout=10_000)
    qtbot.waitUntil(lambda: train.data_check.answered(), timeout=10_000)
    assert train.form.dataset_name() == "mnist"
    assert train.progress.format() == "Ready"
    assert train.speed.text() == "Choose settings and press Train."


def test_a_folder_of_the_right_dataset_is_read_once_and_the_page_stays_ready(
    qtbot, window_factory, fashion_folder, monkeypatch
):
    """The label files are read once per dataset and data folder, not at every check."""
    looked: list[str] = []
    real = datasets.look_for_other_dataset

    def counted(name):
        looked.append(name)
        return real(name)

    monkeypatch.setattr(datasets, "look_for_other_dataset", counted)
    from PySide6.QtCore import QThreadPool

    desk = window_factory(mode="garments")
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    for _ in range(3):
        train.check_data()
    assert QThreadPool.globalInstance().waitForDone(60_000)
    assert looked.count("fashion") == 1
    qtbot.waitUntil(lambda: train.progress.format() == "Ready", timeout=10_000)
    assert train.data_banner.isHidden()


def test_a_mode_switched_while_the_failed_run_ends_is_checked_when_it_has_ended(
    qtbot, window_factory, fashion_folder
):
    """On a busy machine the switch came before the failed run's thread had ended, and the
    page, skipping its data check while running, kept the banner (a landing failed on it)."""
    from nndesk.training import TrainConfig

    desk = window_factory(mode="digits")
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    controller = desk.training
    with qtbot.waitSignal(desk.training.failed, timeout=20_000):
        train.start_training(TrainConfig(dataset="mnist", arch="784-16-10", epochs=1))
    qtbot.waitUntil(lambda: train.data_banner.switch_offered() == "garments", timeout=10_000)
    qtbot.waitUntil(lambda: not controller.is_running(), timeout=10_000)
    # replayed in the order a busy machine gave: the click before the thread had ended
    controller.is_running = lambda: True
    train.data_banner.switch_button.click()
    assert not train.data_banner.isHidden()  # not checked while the run goes
    del controller.is_running
    controller.running_changed.emit(False)  # what the controller says once it has ended
    assert train.form.dataset_name() == "fashion"
    qtbot.waitUntil(train.data_banner.isHidden, timeout=10_000)
    assert train.progress.format() == "Ready"


def test_the_why_pages_nearest_images_offer_the_switch_in_window_words(
    qtbot, window_factory, tiny_model_file, fashion_folder
):
    """Its banner said the CLI's "point --data-dir at the mnist files" (user_message)."""
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))  # a digits model
    banner = why_banner_after_a_drawing(desk)
    qtbot.waitUntil(lambda: banner.switch_offered() == "garments", timeout=20_000)
    assert banner.text() == (
        f"{fashion_folder} holds Fashion-MNIST, not MNIST: download MNIST "
        "into nndesk's cache, or choose a folder with MNIST."
        " Each dataset keeps its own folder; one holding mnist/ and fashion-mnist/ serves both."
    )
    with qtbot.waitSignal(desk.window.mode_changed, timeout=10_000):
        banner.switch_button.click()
    assert desk.window.mode() == "garments"


def test_the_train_pages_data_check_looks_at_the_data_folder_off_the_gui_thread(
    qtbot, window_factory, tiny_idx_dir, tmp_path, monkeypatch
):
    """The check stat-ed the data folder's files on the GUI thread: on a hung network mount
    that froze the window. Every function of it that touches the disk runs on a worker; the
    banner and "Ready" follow its answers as before."""
    import threading

    gui = threading.current_thread()
    threads: dict[str, set] = {}
    stating = ("_folder_for", "_complete", "_absent_files", "_not_in_folder")
    for name in (*stating, "missing_dataset", "missing_text", "look_for_other_dataset"):
        real = getattr(datasets, name)

        def recorded(*args, _real=real, _name=name, **kwargs):
            threads.setdefault(_name, set()).add(threading.current_thread())
            return _real(*args, **kwargs)

        monkeypatch.setattr(datasets, name, recorded)
    choose_an_empty_data_folder(tmp_path)
    desk = window_factory(mode="digits")
    train = desk.train_page
    threads.clear()  # what building the window did is not the Train page's check
    desk.window.tabs.setCurrentWidget(train)
    banner = train.data_banner
    qtbot.waitUntil(lambda: banner.offered_dataset() == "mnist", timeout=10_000)
    assert train.progress.format() == "Needs a dataset"
    desk.window.act_garments.trigger()  # the form's dataset changes: checked again
    qtbot.waitUntil(lambda: banner.offered_dataset() == "fashion", timeout=10_000)
    train.check_data()
    train.check_data()
    desk.window.data_folder_chosen.emit(str(tiny_idx_dir))  # the data came
    qtbot.waitUntil(banner.isHidden, timeout=10_000)
    qtbot.waitUntil(lambda: train.title.text().startswith("Fashion-MNIST is ready"), timeout=10_000)
    assert train.progress.format() == "Ready"
    # the check did look at the disk (stats, the label files' checksums), never on the GUI thread
    assert {"_folder_for", "_complete", "missing_text", "look_for_other_dataset"} <= set(threads)
    on_gui = sorted(name for name, seen in threads.items() if gui in seen)
    assert on_gui == [], on_gui
    datasets.forget_datasets()


def test_the_lab_page_offers_the_missing_data_and_fills_once_a_folder_brings_it(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tiny_mnist, tmp_path
):
    """The walk: with no data the Lab page said "… download it, or choose a folder" without the
    Download / Choose a folder… buttons Evaluate, Dataset and Train have. It has the same
    banner now, and the data chosen anywhere (here File > Data folder) fills it."""
    choose_an_empty_data_folder(tmp_path)
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    lab = desk.lab_page
    banner = evaluate_and_wait_for_the_offer(qtbot, desk, lab)
    assert "MNIST is not on this computer yet" in banner.text()
    assert banner.download_button.isVisible() and banner.folder_button.isVisible()
    assert banner.download_button.text() == "Download MNIST (11 MB)"
    evaluations: list[object] = []
    desk.evaluation.started.connect(evaluations.append)
    with qtbot.waitSignal(desk.evaluation.finished, timeout=20_000):
        desk.window.data_folder_chosen.emit(str(tiny_idx_dir))
    qtbot.waitUntil(lambda: lab.title.text().startswith("A copy of"), timeout=10_000)
    assert banner.isHidden()
    assert len(evaluations) == 1  # Evaluate's retry and the Lab's: one evaluation


@pytest.mark.parametrize("page_name", ["map_page", "mistakes_page"])
def test_the_map_and_mistakes_pages_offer_the_missing_data_and_fill_once_it_comes(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tiny_mnist, tmp_path, page_name
):
    """The walk (lang43): with no data the Map and Mistakes pages showed no banner (Mistakes
    said "Evaluate a model to browse its mistakes.", the Map's hint sent the user to
    Evaluate), while Evaluate, Dataset, Train and Lab offer Download / Choose a folder…. They
    have the same banner now, and the data chosen anywhere fills them with one evaluation."""
    choose_an_empty_data_folder(tmp_path)
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    page = getattr(desk, page_name)
    banner = evaluate_and_wait_for_the_offer(qtbot, desk, page)
    assert "MNIST is not on this computer yet" in banner.text()
    assert banner.download_button.isVisible() and banner.folder_button.isVisible()
    assert banner.download_button.text() == "Download MNIST (11 MB)"
    said = page.hint() if page_name == "map_page" else page.summary.text()
    if page_name == "mistakes_page":
        assert page.details.isHidden()
    assert said.endswith("get the test images first." if page_name == "map_page" else "first.")
    evaluations: list[object] = []
    desk.evaluation.started.connect(evaluations.append)
    with qtbot.waitSignal(desk.evaluation.finished, timeout=20_000):
        desk.window.data_folder_chosen.emit(str(tiny_idx_dir))
    qtbot.waitUntil(
        lambda: (
            page.result() is not None
            if page_name == "mistakes_page"
            else page.draw_button.isEnabled()
        ),
        timeout=10_000,
    )
    assert banner.isHidden()
    assert len(evaluations) == 1  # Evaluate's retry, the Map's, the Mistakes', the Lab's: one
    if page_name == "mistakes_page":  # hidden under the banner (no image to show in them)
        assert page.details.isVisible()


@pytest.mark.parametrize("page_name", ["map_page", "mistakes_page"])
def test_the_map_and_mistakes_pages_say_a_damaged_file_in_two_lines_with_details(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tiny_mnist, tmp_path, page_name
):
    from tests.ui.test_damaged_data import DAMAGED, damaged_copy

    folder = damaged_copy(tiny_idx_dir, tmp_path / "class-data")  # the test images cut short
    preferences.set_data_dir(str(folder))
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    desk.window.resize(1024, 700)
    page = getattr(desk, page_name)
    banner = evaluate_and_wait_for_the_offer(qtbot, desk, page)
    assert banner.text() == (
        f"The MNIST file {DAMAGED} is damaged (corrupt or cut short).\n"
        "Download a verified copy, or choose another folder."
    )
    assert banner.details().startswith(f"{DAMAGED}: cannot read (the gzip stream ends early)")
    assert banner.details_button.isVisible() and banner.details_label.isHidden()
    banner.details_button.click()
    assert banner.details_label.isVisible() and str(folder) in banner.details_label.text()


def other_tiny_payloads(tiny_idx_dir, tmp_path) -> dict[str, bytes]:
    """Four .gz payloads like the tiny files but not theirs (every label moved on by one), so
    a dataset registered with these is told apart from one registered with the tiny files."""
    from nndesk.data.idx import read_idx, write_idx

    folder = tmp_path / "other-tiny"
    folder.mkdir()
    for path in tiny_idx_dir.iterdir():
        array = read_idx(path)
        if "labels" in path.name:
            array = (array + 1) % 10
        write_idx(folder / path.name, array)
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def register_payloads_as(spec, payloads, monkeypatch) -> None:
    """Dataset ``spec`` becomes ``payloads`` (their checksums), its public mirrors a closed
    port: only a classroom mirror the test starts has it."""
    import gzip
    import hashlib

    from tests.loopback import closed_port_url

    files = tuple(
        replace(f, sha256=hashlib.sha256(gzip.decompress(payloads[f.gz_name])).hexdigest())
        for f in spec.files
    )
    replaced = replace(spec, files=files, mirrors=(closed_port_url(),))
    monkeypatch.setitem(registry.DATASETS, spec.name, replaced)


def test_a_folder_of_the_other_dataset_offers_the_download_and_then_reads_the_cache(
    qtbot, window_factory, tiny_model_file, fashion_folder, server, tmp_path, monkeypatch
):
    """walk45 D8: "…holds Fashion-MNIST, not MNIST" offered Switch to Clothing and Choose a
    folder…, not the download. Download puts MNIST in nndesk's cache (as every download does;
    the banner says so) and the Digits pages read it there, the folder left as it is."""
    from nndesk.data.download import dataset_cache_dir

    payloads = other_tiny_payloads(fashion_folder, tmp_path)
    register_payloads_as(registry.MNIST, payloads, monkeypatch)
    for name, body in payloads.items():
        server.files[f"/mnist/{name}"] = body
    preferences.set_mirror(server.url)
    before = {p.name: p.read_bytes() for p in fashion_folder.iterdir()}
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))  # a digits model
    page = desk.evaluate_page
    with qtbot.waitSignal(desk.evaluation.failed, timeout=20_000):
        desk.window.tabs.setCurrentWidget(page)
    banner = page.message
    assert "download MNIST into nndesk's cache" in banner.text()
    assert banner.switch_offered() == "garments" and banner.offered_dataset() == "mnist"
    with qtbot.waitSignals([desk.coordinator.downloads.finished, desk.evaluation.finished]):
        banner.download_button.click()
    assert banner.isHidden() and desk.evaluation.result().n == 50
    assert sorted(p.name for p in dataset_cache_dir("mnist").iterdir()) == sorted(payloads)
    assert preferences.data_dir() == str(fashion_folder)
    assert {p.name: p.read_bytes() for p in fashion_folder.iterdir()} == before
    qtbot.waitUntil(
        lambda: (
            desk.window.status_note.text()
            == f"Data folder:\n{fashion_folder}\nMNIST is read from nndesk's downloaded copy "
            "(this folder holds Fashion-MNIST)"
        ),
        timeout=10_000,
    )
    train = desk.train_page  # the Train page finds MNIST ready, the folder still Fashion's
    desk.window.tabs.setCurrentWidget(train)
    qtbot.waitUntil(lambda: train.progress.format() == "Ready", timeout=10_000)
    assert train.data_banner.isHidden()
    datasets.forget_datasets()


def test_a_folder_of_mnist_offers_the_fashion_download_in_clothing_mode(
    qtbot, window_factory, tiny_idx_dir, monkeypatch
):
    """The mirror case: Clothing mode, a folder with only MNIST; the Train page and the "Show
    test image" dialog offer Fashion-MNIST's download beside Switch to Digits."""
    choose_tiny_files_as(registry.MNIST, tiny_idx_dir, monkeypatch)
    desk = window_factory(mode="garments")
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    qtbot.waitUntil(lambda: train.data_banner.switch_offered() == "digits", timeout=10_000)
    banner = train.data_banner
    assert banner.offered_dataset() == "fashion"
    assert banner.download_button.text().startswith("Download Fashion-MNIST")
    assert banner.download_button.isVisibleTo(banner)
    desk.window.request_test_image(3)
    coordinator = desk.coordinator
    qtbot.waitUntil(
        lambda: coordinator.download_dialog is not None and coordinator.download_dialog.isVisible(),
        timeout=10_000,
    )
    offer = coordinator.download_dialog.banner
    assert "holds MNIST, not Fashion-MNIST" in offer.text()
    assert offer.offered_dataset() == "fashion" and offer.switch_offered() == "digits"
    datasets.forget_datasets()


def test_without_data_evaluate_again_and_train_wait_greyed_and_say_why_until_it_comes(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tiny_mnist, tmp_path
):
    """Walk45 D6: with no dataset "Evaluate again" was enabled and a click changed nothing on
    the page; Train was enabled and a click said "The run did not start". Both wait, greyed,
    their tooltips saying why, while the banner offers the data, and both come back once a
    folder brings it."""
    choose_an_empty_data_folder(tmp_path)
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    page = desk.evaluate_page
    evaluate_and_wait_for_the_offer(qtbot, desk, page)
    assert not page.evaluate_button.isEnabled()
    assert page.evaluate_button.toolTip().startswith("Needs the test images")
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    qtbot.waitUntil(lambda: train.progress.format() == "Needs a dataset", timeout=10_000)
    qtbot.waitUntil(lambda: not train.train_button.isEnabled(), timeout=10_000)
    assert train.train_button.toolTip().startswith("needs its dataset first")
    with qtbot.waitSignal(desk.evaluation.finished, timeout=20_000):
        desk.window.data_folder_chosen.emit(str(tiny_idx_dir))
    qtbot.waitUntil(train.train_button.isEnabled, timeout=10_000)
    assert train.train_button.toolTip() == "train a new network with these settings"
    assert page.evaluate_button.isEnabled()
    assert page.evaluate_button.toolTip() == "Run the model over every test image again"


def test_switch_in_the_dataset_needed_dialog_closes_it_and_shows_the_test_image_asked_for(
    qtbot, window_factory, monkeypatch, fashion_folder, tiny_model_file, fashion_model_file
):
    """walk49 D4: Show in Digits with a folder of Fashion-MNIST only; "Switch to Clothing" in
    the "Dataset needed" dialog switched the window but left the dialog open, still offering
    the switch and MNIST's download, and test image 50 never came."""
    from nndesk.app import coordinator

    monkeypatch.setattr(
        coordinator,
        "mode_models",
        lambda kind: [fashion_model_file] if kind == "garments" else [],
    )
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))  # a digits model
    window = desk.window
    window.test_index.setValue(3)
    window.show_test_button.click()
    qtbot.waitUntil(lambda: desk.coordinator.download_dialog is not None, timeout=20_000)
    dialog = desk.coordinator.download_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.banner.switch_offered() == "garments"

    dialog.banner.switch_button.click()

    assert window.mode() == "garments"
    assert dialog.isHidden()
    qtbot.waitUntil(lambda: "Test image 3" in window.status_note.text(), timeout=30_000)
    assert window.status_note.text() == "Test image 3 of Fashion-MNIST"
    label = int(datasets.get_test_split("fashion").test_labels[3])
    assert window.prediction_panel.true_label_index() == label


def test_clothing_mode_does_not_name_a_folder_of_mnist_its_data_folder(
    qtbot, window_factory, tiny_idx_dir, monkeypatch
):
    """walk50 D10: with a folder of MNIST only, Clothing mode's note under the canvas read
    "Data folder: …/mnist" as if Fashion-MNIST came from there (the banner said it cannot)."""
    choose_tiny_files_as(registry.MNIST, tiny_idx_dir, monkeypatch)
    desk = window_factory(mode="garments")
    note = desk.window.status_note
    qtbot.waitUntil(
        lambda: note.text() == f"Data folder (it holds MNIST, not Fashion-MNIST):\n{tiny_idx_dir}",
        timeout=10_000,
    )
    desk.window.act_digits.trigger()  # Digits reads that folder: named as its data folder
    qtbot.waitUntil(lambda: note.text() == f"Data folder:\n{tiny_idx_dir}", timeout=10_000)
    datasets.forget_datasets()


def test_an_image_folder_chosen_and_trained_leaves_no_page_saying_mnist_is_missing(
    qtbot, window_factory, tmp_path, tiny_model_file
):
    """fix54a #3: MNIST missing, an image folder chosen as the Train form's dataset and trained:
    the Train page kept "Needs a dataset · Get the data first (below)" with no banner below,
    and once the folder's model was in use Mistakes, Map, Lab and Dataset kept "MNIST is not
    on this computer yet". Each page now speaks of the data it shows."""
    import warnings

    from PIL import Image

    from nndesk.ui.train_form import FOLDER

    choose_an_empty_data_folder(tmp_path)
    folder = tmp_path / "shapes"
    rng = np.random.default_rng(0)
    for k, name in enumerate(("circle", "square", "triangle")):
        (folder / name).mkdir(parents=True)
        for i in range(10):
            img = np.full((28, 28), 255, np.uint8)
            r, c = rng.integers(2, 8, 2)
            img[r : r + 6 + 6 * k, c : c + 18 - 6 * k] = 0
            Image.fromarray(img).save(folder / name / f"{i}.png")
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    window, train = desk.window, desk.train_page
    pages = (desk.mistakes_page, desk.map_page, desk.lab_page, desk.dataset_page)
    for page in pages:  # each says MNIST is missing for the MNIST model in use
        window.tabs.setCurrentWidget(page)
        qtbot.waitUntil(lambda page=page: page.message.isVisible(), timeout=20_000)
        assert "MNIST is not on this computer yet" in page.message.text()
    window.tabs.setCurrentWidget(train)
    qtbot.waitUntil(lambda: train.progress.format() == "Needs a dataset", timeout=10_000)
    form = train.form
    form.dataset.setCurrentIndex(form.dataset.findData(FOLDER))
    form.folder.setText(str(folder))
    form.folder.editingFinished.emit()  # the last layer fitted to its 3 classes
    qtbot.waitUntil(lambda: train.progress.format() == "Ready", timeout=10_000)
    assert train.data_banner.isHidden()
    assert train.speed.text() == "Choose settings and press Train."
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert train.start_training(form.config().replace(epochs=1, batch_size=8))
        qtbot.waitUntil(lambda: not train.controller.is_running(), timeout=60_000)
    in_use = desk.prediction.current
    qtbot.waitUntil(
        lambda: in_use().info.get("config", {}).get("dataset") == str(folder), timeout=10_000
    )
    for page in pages:
        window.tabs.setCurrentWidget(page)
        qtbot.waitUntil(lambda page=page: page.message.isHidden(), timeout=20_000)
    # the Dataset page shows the folder the model learnt from
    qtbot.waitUntil(lambda: desk.dataset_page.summary() is not None, timeout=20_000)
    assert desk.dataset_page.dataset_combo.currentData() == str(folder)
    assert desk.dataset_page.summary().class_names == ("circle", "square", "triangle")


def test_a_folder_chosen_from_a_banner_is_its_datasets_whatever_the_mode(
    qtbot, window_factory, tiny_idx_dir, tmp_path, monkeypatch
):
    """walk55b D1: in Digits, the Train form's Fashion-MNIST preset said "…holds MNIST, not
    Fashion-MNIST: switch to Digits" (Switch dropped the preset for an MNIST one), and its
    Choose a folder… stored the Fashion-MNIST folder as MNIST's: the two datasets pushed
    each other out for ever. The folder is Fashion-MNIST's now; Digits keeps MNIST's."""
    from PySide6.QtWidgets import QFileDialog

    fashion = choose_mnist_after_a_fashion_copy(tiny_idx_dir, tmp_path, monkeypatch)
    preferences.set_data_dir(str(tiny_idx_dir), "mnist")
    starts: list[str] = []
    monkeypatch.setattr(
        QFileDialog,
        "getExistingDirectory",
        lambda parent, title, start, **k: starts.append(start) or str(fashion),
    )
    desk = window_factory(mode="digits")
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    train.form.apply_preset("fashion-mlp-lab")  # the page looks at its data (off the GUI thread)
    banner = train.data_banner
    qtbot.waitUntil(lambda: "holds MNIST, not Fashion-MNIST" in banner.text(), timeout=10_000)
    assert banner.offered_dataset() == "fashion"
    assert banner.switch_offered() is None  # the window is in Digits already
    assert not banner.switch_button.isVisibleTo(banner)
    assert "switch to" not in banner.text()
    banner.folder_button.click()
    assert starts == [str(tiny_idx_dir)]  # the folder Fashion-MNIST reads now
    assert preferences.data_dir("fashion") == str(fashion)
    assert preferences.data_dir("mnist") == str(tiny_idx_dir)
    qtbot.waitUntil(banner.isHidden, timeout=10_000)
    qtbot.waitUntil(lambda: train.progress.format() == "Ready", timeout=10_000)
    assert train.form.dataset_name() == "fashion"
    qtbot.waitUntil(
        lambda: desk.window.status_note.text() == f"Data folder:\n{tiny_idx_dir}", timeout=10_000
    )
    datasets.forget_datasets()


def test_a_check_asked_again_before_the_first_answers_still_looks_in_the_folder(
    qtbot, window_factory, tiny_idx_dir, monkeypatch
):
    """Seen writing the D1 test above (walk55b): a preset chosen and the page checked again at
    once. The first question's look in the folder (label checksums) had its answer dropped for
    the newer question's, which did not look (once per dataset and folder): "Ready" stayed
    over a folder of MNIST for the Fashion-MNIST form, 1 run in 4."""
    import threading

    from nndesk.ui import train_data_check

    choose_tiny_files_as(registry.MNIST, tiny_idx_dir, monkeypatch)
    desk = window_factory(mode="digits")
    train = desk.train_page
    desk.window.tabs.setCurrentWidget(train)
    qtbot.waitUntil(lambda: train.progress.format() == "Ready", timeout=10_000)
    looked = datasets.look_for_other_dataset
    first, release = [], threading.Event()

    def held_first(name):
        if not first:
            first.append(name)
            release.wait(20)  # the first look ends after the second question's answer
        return looked(name)

    monkeypatch.setattr(datasets, "look_for_other_dataset", held_first)
    real_look, waiting = train_data_check.look_at_data, []

    def recorded(name, wanted, in_folder, looked_before=None):
        if looked_before is None:
            return real_look(name, wanted, in_folder)
        waiting.append(name)  # the second question waits for the first look
        return real_look(name, wanted, in_folder, looked_before)

    monkeypatch.setattr(train_data_check, "look_at_data", recorded)
    train.form.apply_preset("fashion-mlp-lab")  # asks, looking in the folder
    qtbot.waitUntil(lambda: first == ["fashion"], timeout=10_000)
    train.check_data()  # asks again before the first answers
    # it answered without the look ("Ready"), or it waits for it
    qtbot.waitUntil(lambda: train.data_check.answered() or bool(waiting), timeout=10_000)
    release.set()
    qtbot.waitUntil(lambda: "holds MNIST, not Fashion-MNIST" in train.data_banner.text())
    assert train.progress.format() == "Needs a dataset"
    datasets.forget_datasets()


def test_a_folder_of_the_other_dataset_chosen_in_a_mode_is_kept_as_that_datasets_own(
    qtbot, window_factory, tiny_idx_dir, tmp_path, monkeypatch
):
    """walk55c D2: Digits' Dataset page, Choose a folder… of Fashion-MNIST ("holds
    Fashion-MNIST, not MNIST"), Switch to Clothing: Clothing read it only as the folder chosen
    last, so the next MNIST folder chosen in Digits took it away (settings.ini never got
    dir-fashion). A folder found to hold the other dataset is that dataset's own too."""
    from PySide6.QtWidgets import QFileDialog

    fashion = choose_mnist_after_a_fashion_copy(tiny_idx_dir, tmp_path, monkeypatch)
    preferences.set_data_dir(None)  # nothing chosen yet: the cache (empty) is read
    datasets.forget_datasets()
    answers = [str(fashion), str(tiny_idx_dir)]
    monkeypatch.setattr(
        QFileDialog, "getExistingDirectory", lambda parent, title, start, **k: answers.pop(0)
    )
    desk = window_factory(mode="digits")
    window, page = desk.window, desk.dataset_page
    page.set_dataset("mnist")
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.message.folder_button.isVisible(), timeout=20_000)
    page.message.folder_button.click()  # Fashion-MNIST's folder, chosen in Digits
    qtbot.waitUntil(lambda: page.message.switch_offered() == "garments", timeout=20_000)
    assert "holds Fashion-MNIST, not MNIST" in page.message.text()
    qtbot.waitUntil(lambda: preferences.data_dir("fashion") == str(fashion), timeout=10_000)
    page.message.switch_button.click()  # Switch to Clothing: it reads its own folder
    assert window.mode() == "garments"
    window.mode_change_requested.emit("digits")
    page.set_dataset("mnist")
    qtbot.waitUntil(lambda: page.message.folder_button.isVisible(), timeout=20_000)
    page.message.folder_button.click()  # MNIST's folder, chosen in Digits
    assert preferences.data_dir("mnist") == str(tiny_idx_dir)
    assert preferences.data_dir("fashion") == str(fashion)  # not taken away
    qtbot.wait_until(lambda: preferences.flush(1.0), timeout=10_000)
    ini = preferences.settings_file().read_text(encoding="utf-8")
    assert f"dir-fashion={fashion}" in ini and f"dir-mnist={tiny_idx_dir}" in ini
    window.mode_change_requested.emit("garments")
    qtbot.waitUntil(lambda: window.status_note.text() == f"Data folder:\n{fashion}", timeout=10_000)
    datasets.forget_datasets()


def test_the_why_pages_missing_data_goes_when_a_folder_is_chosen_on_another_page(
    qtbot, window_factory, tiny_model_file, tiny_idx_dir, tiny_mnist, tmp_path
):
    """walk71 F1: the Why page's nearest-images banner said "could not download … (offline?)"
    minutes after the folder was chosen on the Train page (which said ready and trained on it):
    the page was hidden then, and its ``data_changed`` looked only at a banner *visible* on
    screen. The banner goes at once, and the page finds the neighbours when shown again."""
    choose_an_empty_data_folder(tmp_path)
    desk = window_factory(classifier=Classifier.from_file(tiny_model_file))
    why = desk.why_page
    banner = why_banner_after_a_drawing(desk)
    qtbot.waitUntil(lambda: banner.offered_dataset() == "mnist", timeout=20_000)
    desk.window.tabs.setCurrentWidget(desk.train_page)  # where the student chose the folder
    with qtbot.waitSignal(desk.coordinator.data_changed, timeout=10_000):
        desk.window.data_folder_chosen.emit(str(tiny_idx_dir))
    assert banner.isHidden()
    assert "training set on this computer" not in why.neighbours_note.text()
    desk.window.tabs.setCurrentWidget(why)
    qtbot.waitUntil(lambda: why.neighbour_tiles[0].isVisible(), timeout=20_000)
    assert banner.isHidden()
