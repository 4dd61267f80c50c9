"""Shared fixtures: offscreen Qt, Agg matplotlib, user dirs in tmp, tiny synthetic IDX datasets."""

from __future__ import annotations

import contextlib
import gc
import gzip
import os
import struct
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
from hypothesis import settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MPLBACKEND", "Agg")

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"

from pytestqt.qtbot import QtBot  # noqa: E402  (after the platform is chosen)

PATIENT_MS = 60_000


def pytest_sessionfinish(session, exitstatus):
    """The last collections of this process, made before it says it finished, and what
    survives them frozen (``gc.freeze``).

    After the last test a pytest-xdist worker tells the main process it finished; the main
    process then ends it and allows 5 s for the rest of its session (execnet's
    ``_terminate_execution``) before it sends the worker a SIGINT. That rest is pytest's
    unraisable-exception cleanup: five full collections over the worker's whole heap, seconds
    under load, so the SIGINT landed in one of them: "PytestUnraisableExceptionWarning …
    gc_callback … KeyboardInterrupt" after a green run's ``[100%]`` (walk53 #12). Collected
    here, inside xdist's own ``pytest_sessionfinish`` (a hook wrapper that reports after this),
    what those collections would free is freed before the clock starts (an unraisable
    exception it raises is still reported), and with the survivors frozen they walk nothing.
    """
    gc.collect()
    gc.freeze()  # no test runs after this: nothing frozen needs collecting again


# Hypothesis's per-example deadline (200 ms by default) is a timing assertion: on a loaded CI
# machine one slow example (a font fallback loaded, a collector pause) fails the test as
# DeadlineExceeded, or as Flaky when the rerun is quick. Every property test here gave
# deadline=None but two (test_status_line, test_save_place); the profiles give it to all.
# By default (CI, ``land``) every run draws the same examples (derandomize, no example
# database): a property test turns a run red when the code changed, never because this run drew
# an unlucky example that the last one did not. ``NNDESK_HYPOTHESIS=explore`` draws new ones,
# EXPLORE_FACTOR times as many (tests/README.md); what it finds becomes a fixed @example.
settings.register_profile("ci", deadline=None, derandomize=True, database=None)
settings.register_profile("explore", deadline=None, print_blob=True)
HYPOTHESIS_PROFILE = os.environ.get("NNDESK_HYPOTHESIS", "").strip() or "ci"
settings.load_profile(HYPOTHESIS_PROFILE)  # an unknown name fails the run at once, by name
EXPLORE_FACTOR = 10


def pytest_collection_modifyitems(config, items):
    """Explore: each property test draws EXPLORE_FACTOR times its examples. Hypothesis has no
    public way to scale the count a test's own @settings gives, so its settings (read when the
    test runs) are replaced by a copy with the larger count."""
    if HYPOTHESIS_PROFILE != "explore":
        return
    scaled: set[int] = set()  # a parametrized test is one function for many items
    for item in items:
        test = getattr(getattr(item, "obj", None), "__func__", getattr(item, "obj", None))
        chosen = getattr(test, "_hypothesis_internal_use_settings", None)
        if getattr(test, "is_hypothesis_test", False) and chosen and id(test) not in scaled:
            scaled.add(id(test))
            more = settings(chosen, max_examples=chosen.max_examples * EXPLORE_FACTOR)
            test._hypothesis_internal_use_settings = more


def set_blas_threads(threads: int) -> list[int]:
    """Set NumPy's BLAS libraries to ``threads`` threads; returns the counts they had. No thread
    keeps control of the count after: threadpoolctl (3.8 on) lets only the first thread that
    set OpenBLAS's count set it again, and a test thread holding it would hide from every test
    after it whether the product's own limits, taken on its worker threads, take (issue 18)."""
    from threadpoolctl import ThreadpoolController

    libraries = ThreadpoolController().select(user_api="blas").lib_controllers
    found = [lib.get_num_threads() for lib in libraries]
    for lib in libraries:
        release = getattr(type(lib), "clear_controlling_thread", None)
        if release is not None:
            release(force=True)
        lib.set_num_threads(threads)
        if release is not None:
            release(force=True)
    return found


@contextlib.contextmanager
def blas_threads_at(threads: int) -> Iterator[None]:
    """NumPy's BLAS at ``threads`` threads inside the block, whatever this process's default
    (``_blas_shared_among_workers``); the counts before come back after. Tests of the product's
    BLAS limits start from it so a limit of 1 left behind can be told from where they began."""
    found = set_blas_threads(threads)
    try:
        yield
    finally:
        if found:
            set_blas_threads(found[0])


def _blas_shared_among_workers() -> None:
    """In a pytest-xdist worker, NumPy's BLAS gets this worker's share of the cores (one thread
    each with two workers on two cores) as its default. Left at every core, each worker's
    OpenBLAS threads spun against the other worker's on a 2-core CI machine: the
    prediction-heavy tests (one drawing at a time) spent twice the CPU time. Set in
    this process only (not with OPENBLAS_NUM_THREADS), so the CLI and exported scripts the tests
    start keep the BLAS default a user has; ``pytest -n 0`` keeps it too."""
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT") or 0)
    if workers >= 1:
        set_blas_threads(max(1, (os.cpu_count() or 1) // workers))


_blas_shared_among_workers()


def _patient(timeout):
    """A wait's bound, at least ``PATIENT_MS`` (none stays none)."""
    return timeout if timeout is None or timeout <= 0 else max(timeout, PATIENT_MS)


class _PatientQtBot(QtBot):
    """pytest-qt's bot whose waits give up after a minute at the soonest, not its 5 s default.
    A wait ends the moment its signal or condition comes, so the bound only says when a test is
    called failed: a worker on a loaded 2-core CI machine has taken longer than 5 s, and CI
    under load runs 2-3 times slower than a quiet run. So a shorter ``timeout`` a test passes
    (many pass 10 s or 20 s) is raised to the minute too; a longer one is kept. No test here
    expects a wait to time out: one that did would have to say so with its own helper."""

    def __init__(self, request) -> None:
        super().__init__(request)
        self._kept: list = []

    def addWidget(self, widget, *, before_close_func=None):  # noqa: N802  (pytest-qt's names)
        """pytest-qt keeps only a weak reference to ``widget``; this keeps it alive until
        pytest-qt has closed it. A page whose last reference was the test's local variable, and
        which is in a reference cycle (MapView: its banner's ``has_result`` lambda holds the
        page), was left shown for Python's cyclic collector after the test returned: the
        collector ran during pytest-qt's processEvents, inside the page's chart's paintEvent
        (matplotlib's draw allocates), deleted the page and the chart being painted with it,
        and the test worker crashed ("Internal C++ object (FigureCanvasQTAgg) already
        deleted", then a segmentation fault)."""
        self._kept.append(widget)
        super().addWidget(widget, before_close_func=before_close_func)

    def waitUntil(self, callback, *, timeout=PATIENT_MS):  # noqa: N802  (pytest-qt's names)
        return super().waitUntil(callback, timeout=_patient(timeout))

    def waitSignal(self, signal, *, timeout=PATIENT_MS, **options):  # noqa: N802
        return super().waitSignal(signal, timeout=_patient(timeout), **options)

    def waitSignals(self, signals, *, timeout=PATIENT_MS, **options):  # noqa: N802
        return super().waitSignals(signals, timeout=_patient(timeout), **options)

    def waitExposed(self, widget, *, timeout=PATIENT_MS):  # noqa: N802
        return super().waitExposed(widget, timeout=_patient(timeout))

    def waitActive(self, widget, *, timeout=PATIENT_MS):  # noqa: N802
        return super().waitActive(widget, timeout=_patient(timeout))

    def waitCallback(self, *, timeout=PATIENT_MS, raising=None):  # noqa: N802
        return super().waitCallback(timeout=_patient(timeout), raising=raising)


@pytest.fixture(autouse=True)
def _closed_widgets_deleted_by_qt():
    """After each test, Qt deletes the widgets pytest-qt closed (their ``deleteLater`` waits for
    an event loop a test never runs). Left to Python's cyclic collector instead, a window's
    deletion corrupted PySide's wrappers of widgets Qt made inside it (scroll bars,
    viewports) once ``allWidgets()`` had wrapped them: the next ``allWidgets()`` (a theme
    switch) crashed the test worker. The window's own deletion does this with ``deleteLater``."""
    yield
    from PySide6.QtCore import QCoreApplication, QEvent

    from nndesk.controllers.worker_freeing import free_pending

    if QCoreApplication.instance() is not None:
        free_pending()  # the widgets ``free_later`` holds, as Qt's own ``deleteLater`` below
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


@pytest.fixture(scope="session")
def qapp(qapp):
    """pytest-qt's application, whose reference cycles are collected on its (the GUI) thread
    only, as the window's are (``nndesk.ui.gui_collector``): a collection set off by a render
    job's allocations freed earlier tests' pages on the render pool, their parentless QObjects
    with them, while this thread went on using Qt."""
    from nndesk.ui.gui_collector import collect_on_gui_thread

    collect_on_gui_thread(qapp)
    return qapp


@pytest.fixture(autouse=True)
def _collected_on_the_gui_thread():
    """After each test, the main (GUI) thread collects what the collector's counts say is due:
    its timer runs only while a test runs the event loop, and most tests never do. The
    application may come from elsewhere than ``qapp``: it is made to collect this way too."""
    yield
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance()
    if app is None:
        return
    from nndesk.ui.gui_collector import collect_on_gui_thread

    collect_on_gui_thread(app).collect_due()


@pytest.fixture(autouse=True)
def _no_pool_work_left_for_the_next_test(monkeypatch):
    """After each test (its widgets closed, its own fixtures torn down: a gate they open is
    open), wait until the thread pools are idle: a chart render, a data check or a dataset load
    the test started must not run on into the next test in this worker process. There it
    called the next test's stand-ins (a recorder counting ``look_for_other_dataset`` or
    ``read_record`` counted a call of the test before), held the one render thread the next
    test's chart waited for, and could leave its finding in ``datasets`` (the other dataset a
    folder holds) after the test's fixture had forgotten them. Requesting ``monkeypatch``
    tears this down before the test's patches are undone, so the work ends as the test saw
    it. The bound is a hang's only."""
    yield
    import sys

    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QThreadPool

    if QCoreApplication.instance() is None:
        return
    pools = [QThreadPool.globalInstance()]
    off_gui = sys.modules.get("nndesk.ui.off_gui")
    if off_gui is not None and off_gui._RENDER_POOL is not None:  # noqa: SLF001
        pools.append(off_gui._RENDER_POOL)  # noqa: SLF001
    busy = [pool for pool in pools if pool.activeThreadCount()]
    for pool in busy:
        pool.waitForDone(PATIENT_MS)
    datasets = sys.modules.get("nndesk.controllers.datasets")
    if busy and datasets is not None:
        datasets.forget_datasets()  # what the late work found is of this test's data folder


@pytest.fixture(autouse=True)
def _split_batches_on_threads(request, monkeypatch):
    """A split CNN batch's other parts run on threads, whatever the machine's load, unless the
    test asks for the product's rule (the ``parts_by_load`` fixture). On a quiet machine the
    rule starts a helper process with every split run (``runtime.plan``): half a second of CPU
    each, in dozens of tests that train a tiny CNN for a few batches and never use it.
    ``tests/test_process_split.py`` trains through the rule (the CLI, the window's worker, a
    race)."""
    if "parts_by_load" in request.fixturenames:
        return
    from nndesk.training import runtime

    monkeypatch.setattr(runtime, "PARTS_IN_PROCESSES", False)


@pytest.fixture
def parts_by_load(monkeypatch):
    """A split CNN batch's parts go where ``runtime.plan``'s rule puts them (by
    ``idle_cores``, which the test sets)."""
    from nndesk.training import runtime

    monkeypatch.setattr(runtime, "PARTS_IN_PROCESSES", None)


@pytest.fixture
def qtbot(qapp, request):
    """pytest-qt's ``qtbot``, patient (see ``_PatientQtBot``), keeping the widgets it is given
    until pytest-qt closes them (``_PatientQtBot.addWidget``)."""
    bot = _PatientQtBot(request)
    yield bot
    # pytest-qt closed them (and asked Qt to delete them) before any fixture's teardown: hidden,
    # they are never painted again, so the collector may have them now
    bot._kept.clear()  # noqa: SLF001


@pytest.fixture(autouse=True)
def _user_dirs_in_tmp(tmp_path_factory, monkeypatch):
    """Keep caches, runs and settings out of the real home directory."""
    home = tmp_path_factory.mktemp("home")
    # the system's temporary folder is a save fallback the window lists models from: each
    # test gets its own, so no other program's (or test's) files show up in it
    (home / "tmp").mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(home / "tmp"))
    monkeypatch.setenv("NNDESK_CACHE_DIR", str(home / "cache"))
    monkeypatch.setenv("NNDESK_HOME", str(home / "data"))
    monkeypatch.delenv("NNDESK_DATA_DIR", raising=False)
    monkeypatch.delenv("NNDESK_MIRROR", raising=False)
    # a folder chosen in one test's window is that session's: the next test starts a new one
    if "nndesk.preferences" in sys.modules:
        monkeypatch.setattr(sys.modules["nndesk.preferences"], "_session_folder", None)
        monkeypatch.setattr(sys.modules["nndesk.preferences"], "_session_folders", {})
    yield
    # settings a test changed are written off the GUI thread: into its own folder, before the
    # next test (whose own settings file they must not race with)
    if "nndesk.settings_writer" in sys.modules:
        assert sys.modules["nndesk.settings_writer"].flush(30), "the settings writer hung"


@pytest.fixture
def threads_calling(monkeypatch):
    """``threads_calling(owner, "name")``: ``owner.name`` (a module's function, a class's static
    or class method) still does its work, and the list returned holds the thread of each call
    from now on, in order: whether work ran off the GUI thread."""

    def spy(owner, name: str) -> list[threading.Thread]:
        threads: list[threading.Thread] = []
        real = getattr(owner, name)

        def calling(*args, **kwargs):
            threads.append(threading.current_thread())
            return real(*args, **kwargs)

        # on a class, a plain function would be bound to the instance it is called on
        monkeypatch.setattr(
            owner, name, staticmethod(calling) if isinstance(owner, type) else calling
        )
        return threads

    return spy


@pytest.fixture(autouse=True)
def _no_blocking_message_boxes(request, monkeypatch):
    """A static QMessageBox call waits for a click that never comes and hangs the whole suite.

    Here it fails the test instead, naming the message. Tests that answer a box replace the call
    themselves (their monkeypatch comes later and wins); a test that wants Qt's own box is marked
    ``real_message_boxes``.
    """
    if request.node.get_closest_marker("real_message_boxes"):
        return
    from PySide6.QtWidgets import QMessageBox

    def refusing(name: str):
        def call(parent, title, text, *args, **kwargs):
            raise AssertionError(f"QMessageBox.{name} would block the test: {title}: {text}")

        return staticmethod(call)

    for name in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, name, refusing(name))


def write_idx(path: Path, array: np.ndarray, compress: bool | None = None) -> Path:
    """Write ``array`` (uint8) as an IDX file; gzip it when the name ends with ``.gz``."""
    array = np.ascontiguousarray(array, dtype=np.uint8)
    header = struct.pack(">BBBB", 0, 0, 0x08, array.ndim) + struct.pack(
        f">{array.ndim}I", *array.shape
    )
    payload = header + array.tobytes()
    if compress is None:
        compress = str(path).endswith(".gz")
    path.write_bytes(gzip.compress(payload) if compress else payload)
    return path


def make_blob_images(labels: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Images whose class is readable: class k lights a bright 6x6 square at a k-dependent place."""
    n = len(labels)
    images = rng.integers(0, 40, size=(n, 28, 28), dtype=np.uint8)
    for k in range(10):
        r, c = 2 + (k // 5) * 12, 2 + (k % 5) * 5
        images[labels == k, r : r + 6, c : c + 4] = 230
    return images


def blob_garments(n: int):
    """A tiny learnable "fashion" dataset of ``n`` blob images (classes in turn), its test set
    the first 20 labels' blobs, preprocessed as garments."""
    from nndesk.data.dataset import Dataset

    rng = np.random.default_rng(0)
    y = (np.arange(n) % 10).astype(np.int64)
    return Dataset(
        name="fashion",
        class_names=tuple(f"class {k}" for k in range(10)),
        preprocess="garments",
        train_images=make_blob_images(y, rng),
        train_labels=y,
        test_images=make_blob_images(y[:20], rng),
        test_labels=y[:20],
    )


def write_tiny_idx(folder: Path) -> Path:
    """The four standard IDX .gz files in ``folder``: 200 train and 50 test learnable images."""
    rng = np.random.default_rng(0)
    folder.mkdir(parents=True, exist_ok=True)
    for split, n in (("train", 200), ("t10k", 50)):
        labels = np.arange(n) % 10
        rng.shuffle(labels)
        write_idx(folder / f"{split}-images-idx3-ubyte.gz", make_blob_images(labels, rng))
        write_idx(folder / f"{split}-labels-idx1-ubyte.gz", labels.astype(np.uint8))
    return folder


@pytest.fixture
def tiny_idx_dir(tmp_path) -> Path:
    """A fresh tiny IDX folder for one test (see ``write_tiny_idx``)."""
    return write_tiny_idx(tmp_path / "tiny")


@pytest.fixture(scope="module")
def tiny_dir(tmp_path_factory) -> Path:
    """One tiny IDX folder shared by a module's tests, for modules that only read it."""
    return write_tiny_idx(tmp_path_factory.mktemp("tiny"))


@pytest.fixture
def shared_data() -> Path:
    """The real datasets beside the repo; tests that need them skip with a reason when absent."""
    if not (SHARED_DATA / "mnist").is_dir():
        pytest.skip(f"real datasets not found at {SHARED_DATA}")
    return SHARED_DATA


def as_format_1(src: Path, dst: Path, edit=None) -> Path:
    """``src`` rewritten as a format-1 model file (its digest over the arrays only), after
    ``edit(header)`` if given: what a file of an old nndesk, or one relabelled so, looks like."""
    import json

    from nndesk.nn import serialization

    with np.load(src, allow_pickle=False) as npz:
        arrays = {name: npz[name] for name in npz.files}
    header = json.loads(arrays["header"].tobytes())
    if edit is not None:
        edit(header)
    rest = {k: v for k, v in arrays.items() if k != "header"}
    header.update(format_version=1, digest=serialization.model_digest(rest))
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), np.uint8)
    np.savez(dst, **arrays)
    return dst


def save_tiny_digit_model(path: Path, arch: str, test_accuracy: float | None = 0.1) -> Path:
    """A randomly initialised ``arch`` net (seed 0) with digit names, saved at ``path`` like a
    trained one (no metrics when ``test_accuracy`` is None)."""
    from nndesk.data.normalize import Normalizer
    from nndesk.nn.architecture import build_model
    from nndesk.nn.serialization import save_model

    model = build_model(arch, rng=np.random.default_rng(0))
    info = {
        "dataset": "mnist",
        "class_names": [str(i) for i in range(10)],
        "normalization": Normalizer("unit").to_dict(),
        "preprocess": "digits",
    }
    if test_accuracy is not None:
        info["metrics"] = {"test_accuracy": test_accuracy}
    return save_model(path, model, info)


@pytest.fixture
def tiny_model_file(tmp_path) -> Path:
    """A randomly initialised 784-32-10 MLP with digit names, saved like a trained one."""
    return save_tiny_digit_model(tmp_path / "tiny-mlp.npz", "784-32-10")


@pytest.fixture
def server():
    """A loopback mirror (``tests.loopback.Server``) for one test: put files in ``server.files``,
    ask ``server.url``; what was asked for is in ``server.hits``."""
    from tests.loopback import Server

    s = Server()
    yield s
    s.close()
