"""Render every panel of the window offscreen into PNGs for the README.

    python -m tools.screenshots docs/screenshots [--mnist-model M.npz] [--fashion-model F.npz]

A 7 and a pair of trousers are drawn programmatically with the canvas' own pen, the window waits
for the predictions, then each panel is grabbed with ``widget.grab()``. Models default to the
shipped weights for each mode. Also ``window-1024.png`` (the Evaluate page at 1024x700) and
``window-dark.png`` (the dark theme), and ``window-vi.png`` (the window in Vietnamese with a
prediction; ``--vi-pages`` adds every page in Vietnamese).

Nothing waits for a person: a message box (say, a dataset that is not on this computer) is
printed as "skipped: ..." and closed, and the pages that need the data are left out.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from nndesk import inside

# strokes in canvas pixels (280x280), drawn in order with the canvas' round pen
SEVEN = [[(70, 62), (206, 58), (196, 84), (150, 160), (120, 236)], [(110, 146), (196, 144)]]
TROUSER = [
    [(92, 40), (188, 40)],  # waistband
    [(100, 44), (90, 150), (80, 246)],  # outer edge of the left leg
    [(180, 44), (190, 150), (200, 246)],  # outer edge of the right leg
    [(116, 60), (110, 150), (104, 246)],
    [(164, 60), (170, 150), (176, 246)],
    [(132, 62), (126, 150), (120, 240)],
    [(148, 62), (154, 150), (160, 240)],
    [(140, 50), (140, 96)],  # the crotch, where the legs part
]


def draw(canvas, strokes, width: int) -> None:
    """Draw each stroke as one undoable pen stroke."""
    for stroke in strokes:
        canvas.draw_stroke(stroke, width=width)


def _settle(app, prediction, seconds: float = 5.0) -> None:
    """Process events until the prediction controller is idle (and the widgets repainted)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if prediction.is_idle():
            break
        time.sleep(0.01)
    for _ in range(5):
        app.processEvents()


def _neighbours_settled(why) -> bool:
    """The Why page shows its nearest training images, or says why it cannot (no data)."""
    return why.neighbours_banner.isVisible() or any(t.isVisible() for t in why.neighbour_tiles)


def render(
    out_dir: str | os.PathLike,
    mnist_model: str | None = None,
    fashion_model: str | None = None,
    size: tuple[int, int] = (1320, 780),
) -> list[Path]:
    """Draw a digit and a garment, grab every panel, save PNGs in ``out_dir``; return the paths."""
    with temporary_home():
        return _render(out_dir, mnist_model, fashion_model, size)


@contextlib.contextmanager
def temporary_home() -> Iterator[None]:
    """In the block, ``$NNDESK_HOME`` is a new ``nndesk-shots-*`` folder of the temporary folder
    (the user's settings, runs and models kept out of the pictures, and the pictures' run out
    of theirs), removed when the block ends, however it ends; a home already set is used as it
    is. They were left in the temporary folder, one per run of the tool."""
    if os.environ.get("NNDESK_HOME"):
        yield
        return
    home = tempfile.mkdtemp(prefix="nndesk-shots-")
    os.environ["NNDESK_HOME"] = home
    try:
        yield
    finally:
        if os.environ.get("NNDESK_HOME") == home:
            del os.environ["NNDESK_HOME"]
        shutil.rmtree(home, ignore_errors=True)


def _render(out_dir, mnist_model, fashion_model, size) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from nndesk.app import build_window
    from nndesk.inference import Classifier, default_model_path

    app = QApplication.instance() or QApplication(sys.argv[:1])
    from nndesk.ui import theme

    theme.apply_theme(app, "light")  # the same pictures on every desktop
    dismisser = dismiss_dialogs(app)
    try:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        saved: list[Path] = []

        def save(widget, name: str) -> None:
            path = out / f"{name}.png"
            _charts_drawn(app, widget)
            widget.grab().save(str(path))
            saved.append(path)

        mnist_model = mnist_model or default_model_path("digits")
        fashion_model = fashion_model or default_model_path("garments")
        digits = Classifier.from_file(mnist_model) if mnist_model else None
        desk = build_window(mode="digits", classifier=digits)
        window, prediction = desk.window, desk.prediction
        window.resize(*size)
        window.show()
        _settle(app, prediction)
        save(window, "window-empty")
        draw(window.canvas, SEVEN, width=20)
        window.overlay_check.setChecked(False)
        _settle(app, prediction)
        save(window, "window-digit")
        save(window.draw_panel, "draw-panel")
        save(window.canvas, "canvas")
        save(window.prediction_panel, "probabilities")
        window.overlay_check.setChecked(True)
        _settle(app, prediction)
        save(window.preview, "preview-saliency")
        window.tabs.setCurrentWidget(desk.why_page)
        _settle(app, prediction)
        _wait(app, lambda: _neighbours_settled(desk.why_page), 60)
        save(desk.why_page, "why-digit")
        _render_why_contrast(app, desk, save)
        _render_inside_page(app, desk, save)
        print(
            f"digit: drew a 7, the model reads {window.prediction_panel.top_label.text()} "
            f"({window.prediction_panel.confidence_label.text()})"
        )

        # a test image with its true label, when the dataset is on this computer
        window.tabs.setCurrentIndex(0)
        missing = []
        desk.coordinator.loader.failed.connect(lambda name, message: missing.append(message))
        window.request_test_image(4123)
        _wait(app, lambda: bool(window.prediction_panel.true_label.text() or missing), 20)
        _settle(app, prediction)
        if window.prediction_panel.true_label.text():
            save(window, "window-test-image")
        else:
            print("skipped window-test-image: the MNIST test set is not on this computer")

        if fashion_model:
            garments = Classifier.from_file(fashion_model)
            window.set_mode("garments")
            prediction.set_classifier(garments)
            _settle(app, prediction)
            draw(window.canvas, TROUSER, width=26)
            window.overlay_check.setChecked(False)
            _settle(app, prediction)
            save(window, "window-garment")
            save(desk.why_page, "why-garment")
            print(
                f"garment: drew trousers, the model reads "
                f"{window.prediction_panel.top_label.text()} "
                f"({window.prediction_panel.confidence_label.text()})"
            )
            _render_model_pages(app, desk, save)
        _render_small(app, desk, save, size)  # the shipped model's evaluation, before training
        trained = _render_training_page(app, desk, save)
        _render_dark(app, desk, save, trained)
        window.close()
    finally:
        dismisser.stop()  # a failure too: its timer would close another program's boxes
    return saved


def _render_why_contrast(app, desk, save) -> None:
    """The Why page explaining "7 and not 1" with integrated gradients, and the nearest
    training images (when MNIST is on this computer)."""
    why, explainer = desk.why_page, desk.explainer
    why.set_saliency_kind("integrated_gradients")
    why.set_target(7, 1)
    _wait(app, lambda: explainer.is_idle() and why.own_map() is not None, 120)
    _settle(app, desk.prediction)
    save(why, "why-contrast")
    why.set_target(None, None)
    why.set_saliency_kind("gradient_x_input")
    _settle(app, desk.prediction)


def _render_inside_page(app, desk, save) -> None:
    """The Inside page on the drawn 7: the CNN's feature maps with a convolution's arithmetic,
    then the shipped MLP's diagram with a unit's arithmetic; the window's model comes back."""
    from nndesk.inference import Classifier
    from nndesk.paths import WEIGHTS_DIR

    window, prediction, page = desk.window, desk.prediction, desk.inside_page
    before = prediction.current()
    window.tabs.setCurrentWidget(page)
    _wait(
        app,
        lambda: page.snapshot() is not None and prediction.is_idle() and page.diagram.is_current(),
        60,  # a loaded machine took more than 10 s, and the render stopped on None below
    )
    snap = page.snapshot()
    if snap is not None and not inside.is_mlp(snap.model):
        save(page, "inside-cnn")
    mlp = WEIGHTS_DIR / "mnist-mlp.npz"
    if mlp.is_file():
        prediction.set_classifier(Classifier.from_file(mlp))
        _wait(
            app,
            lambda: (
                page.snapshot() is not None
                and (snap is None or page.snapshot().model is not snap.model)
                and prediction.is_idle()
                and page.diagram.is_current()  # painted off the GUI thread
            ),
            60,
        )
        save(page, "inside-mlp")
        prediction.set_classifier(before)
        _settle(app, prediction)
    window.tabs.setCurrentWidget(desk.why_page)


def dismiss_dialogs(app):
    """Every 100 ms: print and close any message box or dialog, so nothing waits for a click."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QDialog, QMessageBox

    def sweep() -> None:
        for widget in app.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                text = widget.text() if isinstance(widget, QMessageBox) else ""
                print(f"skipped: {widget.windowTitle()}: {text}".rstrip(": "))
                widget.reject()

    timer = QTimer()
    timer.timeout.connect(sweep)
    timer.start(100)
    return timer


def _render_small(app, desk, save, size) -> None:
    """The Evaluate page (the Why page without data) at 1024x700."""
    window = desk.window
    evaluated = desk.evaluation.result() is not None
    window.tabs.setCurrentWidget(desk.evaluate_page if evaluated else desk.why_page)
    window.resize(1024, 700)
    _wait(app, lambda: False, 1.0)
    _redraw_charts(window)  # lay the charts out for the new size before grabbing
    _wait(app, lambda: False, 0.5)
    save(window, "window-1024")
    window.resize(*size)
    _wait(app, lambda: False, 0.5)


def _charts_drawn(app, widget) -> None:
    """Wait until no chart in ``widget`` is between its layout and its drawing (a chart is
    drawn in two turns of the event loop; a grab between them shows its last picture)."""
    from nndesk.ui.stepped_canvas import SteppedCanvas

    charts = widget.findChildren(SteppedCanvas)
    _wait(app, lambda: not any(c.isVisible() and c.steps_pending() for c in charts), 5.0)


def _redraw_charts(window) -> None:
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    for canvas in window.findChildren(FigureCanvasQTAgg):
        if canvas.isVisible():
            canvas.draw()


def _render_dark(app, desk, save, trained: bool) -> None:
    """The window in the dark theme: the finished run's curves, else the Evaluate page."""
    window = desk.window
    evaluated = desk.evaluation.result() is not None
    window.theme_change_requested.emit("dark")
    page = desk.train_page if trained else desk.evaluate_page if evaluated else desk.why_page
    window.tabs.setCurrentWidget(page)
    _wait(app, lambda: False, 1.5)
    save(window, "window-dark")
    window.theme_change_requested.emit("light")


def _wait(app, done, seconds: float) -> bool:
    """Process events until ``done()`` is true or ``seconds`` pass; returns ``done()``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and not done():
        app.processEvents()
        time.sleep(0.02)
    for _ in range(5):
        app.processEvents()
    return bool(done())


def _render_model_pages(app, desk, save) -> None:
    """Evaluate, Mistakes and Dataset pages for the current (garment) model."""
    window, evaluation = desk.window, desk.evaluation
    window.tabs.setCurrentWidget(desk.evaluate_page)
    failed = []
    evaluation.failed.connect(failed.append)
    if not _wait(app, lambda: evaluation.result() is not None or bool(failed), 240) or failed:
        print("skipped Evaluate, Mistakes, Dataset: the test set is not on this computer")
        return
    _wait(app, desk.evaluate_page.confusion.current, 60)  # the matrix, drawn off the GUI thread
    _wait(app, lambda: False, 1.0)  # let the matrix and the table paint
    save(window, "evaluate")
    _render_trust(app, desk, save)
    window.tabs.setCurrentWidget(desk.evaluate_page)
    desk.evaluate_page.cell_clicked.emit(6, 0)  # true Shirt, predicted T-shirt/top
    _wait(app, lambda: False, 2.0)
    grid = desk.mistakes_page.grid
    first = grid.model().index(0, 0)
    if first.isValid():  # show the details of the most confident of those mistakes
        grid.setCurrentIndex(first)
        grid.clicked.emit(first)
        _wait(app, lambda: False, 1.5)
    save(window, "mistakes")
    window.tabs.setCurrentWidget(desk.dataset_page)
    _wait(app, lambda: False, 8.0)
    save(window, "dataset")


def _render_trust(app, desk, save) -> None:
    """The Evaluate page scrolled to "Can its answers be trusted?", robustness measured; also at
    1024x700 and in the dark theme."""
    window, page = desk.window, desk.evaluate_page
    trust = page.trust
    if not _wait(app, lambda: trust.summary is not None, 60):
        print("skipped evaluate-trust: the calibration summary did not arrive")
        return
    trust.robust_button.click()
    if not _wait(app, lambda: trust.curves is not None, 900):
        print("skipped evaluate-trust: robustness took too long")
        return
    size = (window.width(), window.height())
    for name, shape, dark in (
        ("evaluate-trust", size, False),
        ("evaluate-trust-1024", (1024, 700), False),
        ("evaluate-trust-dark", size, True),
    ):
        if dark:
            window.theme_change_requested.emit("dark")
        window.resize(*shape)
        _wait(app, lambda: False, 1.0)
        if shape == size:  # tall enough that every part of the section shows, none cut
            room = page.scroll.viewport().height()
            window.resize(shape[0], shape[1] + max(0, trust.sizeHint().height() - room))
            _wait(app, lambda: False, 1.0)
        _redraw_charts(window)
        top = trust.mapTo(page.scroll.widget(), trust.rect().topLeft()).y()
        page.scroll.verticalScrollBar().setValue(top)
        _wait(app, lambda: False, 0.5)
        save(window, name)
        if dark:
            window.theme_change_requested.emit("light")
    window.resize(*size)
    _wait(app, lambda: False, 0.5)
    print(f"trust: ECE {trust.summary.ece:.4f} -> {trust.summary.ece_calibrated:.4f}")


def _render_training_page(app, desk, save) -> bool:
    """A short live run of the Fashion lab preset on the Train page, mid-run and at its end;
    False when it could not run (no data)."""
    window, page = desk.window, desk.train_page
    window.tabs.setCurrentWidget(page)
    page.form.apply_preset("fashion-mlp-lab")
    config = page.form.config().replace(epochs=3, val_fraction=0.1)
    epochs_seen, failed = [], []
    page.controller.epoch_finished.connect(epochs_seen.append)
    page.controller.failed.connect(failed.append)
    if not page.start_training(config):
        return False
    if not _wait(app, lambda: len(epochs_seen) >= 2 or bool(failed), 240) or failed:
        print("skipped the Train page: the training set is not on this computer")
        page.controller.stop()
        _wait(app, lambda: not page.controller.is_running(), 30)
        return False
    _wait(app, lambda: False, 0.6)
    save(window, "train-live")
    page.controller.pause()  # mid-run: the inside, held still while it is drawn three ways
    _render_internals(app, window, page, save)
    page.controller.resume()
    _wait(app, lambda: not page.controller.is_running(), 240)
    _wait(app, lambda: False, 1.0)
    save(window, "train-done")
    return True


def _render_internals(app, window, page, save) -> None:
    """The Train page's Inside tab mid-run: as is, at 1024x700 and dark."""
    rendered: list = []
    page.inside_view.rendered.connect(lambda: rendered.append(True))
    page.tabs.setCurrentWidget(page.inside_page)
    size = window.size()
    for name, theme_name, width_height in (
        ("train-internals", "light", None),
        ("train-internals-1024", "light", (1024, 700)),
        ("train-internals-dark", "dark", None),
    ):
        if width_height is not None:
            window.resize(*width_height)
        window.theme_change_requested.emit(theme_name)
        _wait(app, lambda: False, 0.5)  # the new size and palette settle first
        count = len(rendered)
        page.inside_view.render_now()
        _wait(app, lambda count=count: len(rendered) > count, 60)
        _wait(app, lambda: False, 0.3)
        save(window, name)
        window.resize(size)
    window.theme_change_requested.emit("light")
    page.tabs.setCurrentWidget(page.live_page)


def render_vietnamese(
    out_dir: str | os.PathLike,
    fashion_model: str | None = None,
    size: tuple[int, int] = (1280, 760),
    every_page: bool = False,
) -> list[Path]:
    """``window-vi.png``: the window in Vietnamese at 1280x760 with drawn trousers read by the
    garment model (class names, numbers and every label translated); with ``every_page`` also
    ``vi-<page>.png`` for each page, to check that no Vietnamese text is cut."""
    with temporary_home():
        return _render_vietnamese(out_dir, fashion_model, size, every_page)


def _render_vietnamese(out_dir, fashion_model, size, every_page) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from nndesk.app import build_window
    from nndesk.inference import Classifier, default_model_path
    from nndesk.ui import language, theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    theme.apply_theme(app, "light")
    language.use_language("vi")
    dismisser = dismiss_dialogs(app)
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    try:
        fashion_model = fashion_model or default_model_path("garments")
        garments = Classifier.from_file(fashion_model) if fashion_model else None
        desk = build_window(mode="garments", classifier=garments)
        window, prediction = desk.window, desk.prediction
        window.resize(*size)
        window.show()
        _settle(app, prediction)
        draw(window.canvas, TROUSER, width=26)
        _settle(app, prediction)
        window.tabs.setCurrentWidget(desk.why_page)
        _settle(app, prediction)
        _wait(app, lambda: _neighbours_settled(desk.why_page), 60)  # not "Looking for..."
        _settle(app, prediction)
        path = out / "window-vi.png"
        _charts_drawn(app, window)
        window.grab().save(str(path))
        saved.append(path)
        print(
            f"Vietnamese: drew trousers, the model reads "
            f"{window.prediction_panel.top_label.text()} "
            f"({window.prediction_panel.confidence_label.text()})"
        )
        if every_page:
            for i in range(window.tabs.count()):
                window.tabs.setCurrentIndex(i)
                page = window.tabs.widget(i)
                _wait(app, lambda: prediction.is_idle(), 10)
                if page is desk.evaluate_page:  # the shipped model's test report, if data
                    _wait(app, lambda: not desk.evaluation.busy, 180)
                _settle(app, prediction)
                name = type(page).__name__.lower()
                path = out / f"vi-{i}-{name}.png"
                _charts_drawn(app, window)
                window.grab().save(str(path))
                saved.append(path)
        window.close()
    finally:
        dismisser.stop()
        language.use_language("en")
    return saved


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.screenshots", description=__doc__)
    parser.add_argument("out_dir", help="folder for the PNGs, e.g. docs/screenshots")
    parser.add_argument("--mnist-model", help="digits model (default: the shipped one)")
    parser.add_argument("--fashion-model", help="garments model (default: the shipped one)")
    parser.add_argument("--data-dir", help="folder with the datasets (else $NNDESK_DATA_DIR)")
    parser.add_argument(
        "--vi-pages", action="store_true", help="also every page in Vietnamese (vi-*.png)"
    )
    args = parser.parse_args(argv)
    if args.data_dir:
        os.environ["NNDESK_DATA_DIR"] = args.data_dir
    with temporary_home():  # one for both: the Vietnamese window starts as the first left
        for path in render(args.out_dir, args.mnist_model, args.fashion_model):
            print(path)
        for path in render_vietnamese(args.out_dir, args.fashion_model, every_page=args.vi_pages):
            print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
