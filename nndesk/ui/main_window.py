"""MainWindow: the draw panel (canvas, tools, preview, answer) on the left, pages on the right.

Widgets only: the window asks for things through signals (open this model, show test image 50)
and nndesk.app's Coordinator answers by calling the ``show_*`` / ``set_*`` slots. The actions,
menus and toolbar, and the slots of the commands that only ask (file dialogs, the clipboard),
are ``WindowMenusMixin``'s (ui/window_menus.py).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
from PySide6.QtCore import QEvent, QRect, Qt, Signal, Slot
from PySide6.QtGui import (
    QCloseEvent,
    QIcon,
)
from PySide6.QtWidgets import (
    QFrame,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from nndesk.data.registry import DATASETS
from nndesk.garment_hints import TOPS_HINTS, long_sleeved_hint
from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.model_labels import ModelFacts
from nndesk.preprocess import CANVAS_SIZE, nearly_empty
from nndesk.ui import screen_text, text_size, theme
from nndesk.ui.canvas import DEFAULT_ERASER, DEFAULT_PEN, blank_history
from nndesk.ui.draw_panel import (
    LAB_TEST_IMAGES,
    NOTE_LINES,
    WARNING_AND_HINT_LINES,
    WARNING_LINE_AND_HINT_LINES,
    DrawPanel,
)
from nndesk.ui.language import accuracy_text, decimal, translate, translate_marked
from nndesk.ui.model_choices import SHORT_ROLE, Choice, arrange, folder_header
from nndesk.ui.model_notice import ModelSwitchNotice
from nndesk.ui.page_tabs import PageBarPlace, PageTabs
from nndesk.ui.shown_test_images import ShownTestImages
from nndesk.ui.status_bar import ElidingStatusBar, StatusField
from nndesk.ui.status_line import show_status
from nndesk.ui.typed_keys import keep_typed_keys_in_boxes
from nndesk.ui.window_menus import WindowMenusMixin

# marked here, translated where shown (translate_marked): the language is chosen at start
HINTS = {
    "digits": QT_TRANSLATE_NOOP("MainWindow", "Draw a digit 0-9"),
    "garments": QT_TRANSLATE_NOOP("MainWindow", "Draw a T-shirt, trouser, bag, shoe..."),
}
#: how many of a folder model's classes its prompt names ("Draw one of: circle, square, …")
FOLDER_HINT_NAMES = 6
#: under the test-image row while the drawing is a dot or a dash (``preprocess.nearly_empty``)
TOO_LITTLE = QT_TRANSLATE_NOOP(
    "MainWindow",
    "Only a dot: the network enlarges it to a whole drawing's size, so this answer means little.",
)
#: said on the blank canvas of one mode, and after an Undo with nothing to undo there, while
#: the other mode keeps a drawing (by the mode keeping it): a switch put it aside, and Undo
#: cannot bring it back (walk49 D16: it looked lost)
KEPT_DRAWING = {
    "digits": QT_TRANSLATE_NOOP(
        "MainWindow", "Your Digits drawing is kept: it comes back when you switch to Digits"
    ),
    "garments": QT_TRANSLATE_NOOP(
        "MainWindow", "Your Clothing drawing is kept: it comes back when you switch to Clothing"
    ),
}
#: what the prediction area, the status bar and the Model box say while the mode's model is
#: read at start (the canvas takes strokes meanwhile)
LOADING = QT_TRANSLATE_NOOP("MainWindow", "Loading the model…")
NO_MODEL_SHORT = QT_TRANSLATE_NOOP("MainWindow", "No model")  # and when none answers


def mode_class_names(mode: str) -> tuple[str, ...]:
    """The classes of the dataset a window mode ("digits" | "garments") is about."""
    return next(spec.class_names for spec in DATASETS.values() if spec.preprocess == mode)


OPEN_MODEL = "__open__"
#: the Model box's entry that opens Train > Runs, where every saved run's model is (the box
#: holds the shipped models and those used lately: a run whose offer was dismissed, or one
#: trained on the command line, was in Runs and `nndesk models` but not here, walk51 D8)
SAVED_RUNS = "__runs__"
#: the picker's entry for the network a run is training (its newest weights answer)
TRAINING_NOW = "__training__"
PAGES_MIN_WIDTH = 560  # px the pages get beside the drawing column, when the window allows
#: px the pages need to lay out their text and controls without scrolling sideways: in a window
#: narrower than a 280 px canvas leaves them that (a 1024x700 screen at 125 %, 819 px logical),
#: the canvas narrows to leave it (DrawPanel.fit_canvas, down to CANVAS_LEAST)
PAGES_NEED = 420
#: page titles as nndesk/app/wiring.py passes them to add_page, shown translated
PAGE_TITLES = (
    QT_TRANSLATE_NOOP("MainWindow", "Why"),
    QT_TRANSLATE_NOOP("MainWindow", "Inside"),
    QT_TRANSLATE_NOOP("MainWindow", "Train"),
    QT_TRANSLATE_NOOP("MainWindow", "Evaluate"),
    QT_TRANSLATE_NOOP("MainWindow", "Mistakes"),
    QT_TRANSLATE_NOOP("MainWindow", "Dataset"),
    QT_TRANSLATE_NOOP("MainWindow", "Map"),
    QT_TRANSLATE_NOOP("MainWindow", "Lab"),
)
PAGE_TIPS = {
    "Why": QT_TRANSLATE_NOOP(
        "MainWindow", "Which pixels made the network answer as it did, and its hidden units"
    ),
    "Inside": QT_TRANSLATE_NOOP(
        "MainWindow", "Every layer of the network on your drawing, and the arithmetic of any unit"
    ),
    "Train": QT_TRANSLATE_NOOP(
        "MainWindow", "Train a network of your own and watch its loss and accuracy live"
    ),
    "Evaluate": QT_TRANSLATE_NOOP(
        "MainWindow", "The model's accuracy on the test images and its confusion matrix"
    ),
    "Mistakes": QT_TRANSLATE_NOOP(
        "MainWindow", "The test images the model gets wrong, most confident first"
    ),
    "Dataset": QT_TRANSLATE_NOOP(
        "MainWindow", "The training and test images: samples, class counts, mean images"
    ),
    "Map": QT_TRANSLATE_NOOP(
        "MainWindow",
        "The test images placed by how a layer of the network sees them (PCA, t-SNE)",
    ),
    "Lab": QT_TRANSLATE_NOOP(
        "MainWindow", "Edit a copy of the network (units off, pruning, noise) and see what changes"
    ),
}


class MainWindow(WindowMenusMixin, QMainWindow):
    """The nndesk window. Pages (Why, Train, Evaluate, ...) are added with ``add_page``."""

    about_to_close = Signal()  # the window is closing: stop threads now
    mode_change_requested = Signal(str)  # "digits" | "garments", picked by the user
    mode_changed = Signal(str)  # "digits" | "garments", the mode the window is now in
    model_file_requested = Signal(str)  # path of a model file to load (picker, dialog, recent)
    saved_runs_requested = Signal()  # the Model box's "Saved runs…": show Train > Runs
    save_model_requested = Signal(str)  # path the current model should be saved to
    save_drawing_requested = Signal(str)  # path the drawing should be saved to (a PNG)
    copy_drawing_requested = Signal()  # Edit > Copy drawing: the drawing to the clipboard
    image_file_requested = Signal(str)  # path of an image to put on the canvas (dialog, drop)
    image_data_received = Signal(object)  # bytes | QImage from the clipboard or a drop, undecoded
    test_image_requested = Signal(int)  # index into the test set, or -1 for a random one
    data_folder_chosen = Signal(str)  # folder holding the IDX files (of the mode's dataset)
    dataset_folder_chosen = Signal(str, str)  # folder, the registered dataset it is chosen for
    settings_requested = Signal()  # File > Settings…: the coordinator opens the dialog
    drawing_changed = Signal(object)  # np.ndarray uint8 (280, 280): predict this
    drawing_finished = Signal(object)  # np.ndarray uint8 (280, 280): a stroke ended, predict now
    saliency_overlay_toggled = Signal(bool)  # the preview's overlay was switched on/off
    theme_change_requested = Signal(str)  # "system" | "light" | "dark", from View > Theme
    language_change_requested = Signal(str)  # "system" | "en" | "vi", from View > Language

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(
            translate("MainWindow", "nndesk — draw and watch a neural network think")
        )
        icon = Path(__file__).resolve().parents[2] / "assets" / "nndesk.png"
        if icon.is_file():
            self.setWindowIcon(QIcon(str(icon)))
        self._mode = "digits"
        #: mode -> the drawing it left (DrawingCanvas.history), for the modes not shown
        self._sheets: dict[str, tuple] = {}
        self._classifier = None
        self._model_loading = False  # the mode's model is being read (at start, a mode switch)
        self._picker_shows_training = False  # the picker says "the network training now"
        #: the Model box's files (shipped, recent) and what each is (resolved path -> facts)
        self._model_paths: tuple[list[Path], list[Path]] = ([], [])
        self._model_facts: dict[str, ModelFacts] = {}
        #: listed path -> the path it resolves to, found off the GUI thread (``model_list``)
        self._resolved_paths: dict[str, str] = {}
        #: listed path -> one line why it cannot be used (the box marks it damaged)
        self._damaged_models: dict[str, str] = {}
        self._answer_names: tuple[str, ...] = ()  # the classes the bars name (raw names)
        self._shutdown_hooks: list[Callable[[], None]] = []
        self._close_guards: list[Callable[[], bool]] = []
        self._setting_image = False
        self._noted_test_image: tuple | None = None  # show_note's test image
        #: the test images put on the canvas, so the same pixels are read as those images again
        self.shown_test_images = ShownTestImages()
        self._closed = False

        self._build_draw_panel()
        # the pages' names wrap onto a second row rather than hide behind scroll arrows
        self.tabs = PageTabs()
        self.tabs.setDocumentMode(True)
        # narrower than a page needs (the window's least width, or the splitter dragged), the
        # pages scroll sideways rather than cut their right part or squeeze a grid to 50 px
        # (walk54b at 835x584): laid out at their own least size, never less
        self.pages_scroll = QScrollArea()
        self.pages_scroll.setWidgetResizable(True)
        self.pages_scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.pages_scroll.setWidget(self.tabs)
        self.pages_scroll.setMinimumWidth(360)
        pages = QWidget()
        pages_column = QVBoxLayout(pages)
        pages_column.setContentsMargins(0, 0, 0, 0)
        pages_column.setSpacing(0)
        pages_column.addWidget(self.pages_scroll, 1)
        # the pages' names over the pages, or across the window where they would take two rows
        pages_across = QWidget()
        self.page_bar_place = PageBarPlace(
            self.tabs.bar, pages_column, pages_across, self._canvas_narrowed
        )
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.draw_panel)
        splitter.addWidget(pages)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.splitterMoved.connect(self._on_splitter_moved)
        self.splitter = splitter
        self._splitter_moved_by_user = False
        # "Now predicting with the model you just trained", when it is news: over the menu
        # bar's empty right part, so nothing moves as it appears; above both columns where the
        # menu bar is the system's (macOS: a window's own widgets cannot go there)
        self.model_notice = ModelSwitchNotice()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)  # the strip adds only its own height (it has to fit 1024x700)
        column.addWidget(pages_across)
        column.addWidget(splitter, 1)
        self.setCentralWidget(central)
        self._build_actions()  # actions, menus and toolbar: window_menus.py
        self._build_menus_and_toolbar()
        self._update_drawing_actions()
        # a letter typed into a focused box stays there ("f" on the Preset box is no Fill)
        keep_typed_keys_in_boxes(self)
        if self.menuBar().isNativeMenuBar():
            column.insertWidget(0, self.model_notice)
        else:
            self.model_notice.ride_on(self.menuBar())
        self._build_status_bar()
        # a model file picked (Model box, File > Open model…, recent): the old answer is
        # marked as not the new model's until it is in use (``_say_model_coming``)
        self.model_file_requested.connect(self._say_model_coming)
        self.set_mode("digits")
        self.show_classifier(None)

    # ---- construction -----------------------------------------------------------------------
    def _build_draw_panel(self) -> None:
        panel = self.draw_panel = DrawPanel()
        # the window's callers (nndesk/app, the pages, the tests) reach the column's parts by name
        self.hint_label, self.banner, self.canvas = panel.hint_label, panel.banner, panel.canvas
        self.pen_slider, self.pen_value = panel.pen_slider, panel.pen_value
        self.eraser_button, self.fill_button = panel.eraser_button, panel.fill_button
        self.undo_button, self.redo_button = panel.undo_button, panel.redo_button
        self.clear_button, self.test_index = panel.clear_button, panel.test_index
        self.show_test_button = panel.show_test_button
        self.random_test_button, self.lab_buttons = panel.random_test_button, panel.lab_buttons
        self.preview, self.preview_title = panel.preview, panel.preview_title
        self.overlay_check, self.prediction_panel = panel.overlay_check, panel.prediction_panel
        # the bars dimmed while a mode switch reads the new mode's model and the old mode's
        # still answers (``_say_replacing``)
        self._bars_dim = theme.fader(self.prediction_panel, 0.4)
        self.status_note = panel.status_note
        self._standing_note = ""  # shown in status_note when nothing else is (set_standing_note)
        #: the standing note warns about the data folder ("it holds MNIST, not Fashion-MNIST"):
        #: a tops hint does not take its place (verify65 #9)
        self._standing_warns = False
        self._tops_line: str | None = None  # the line a tops hint put there, while it is there

        self.canvas.image_changed.connect(self._on_canvas_image_changed)
        self.canvas.stroke_finished.connect(self._on_canvas_stroke_finished)
        self.canvas.file_dropped.connect(self._on_canvas_file_dropped)
        self.canvas.image_dropped.connect(self.image_data_received)
        self.canvas.fill_refused.connect(self._on_canvas_fill_refused)
        self.canvas.fill_tool_changed.connect(self._on_canvas_fill_tool_changed)
        self.canvas.eraser_changed.connect(self._on_canvas_eraser_changed)
        self.canvas.filled.connect(self._on_canvas_filled)
        self.pen_slider.valueChanged.connect(self._on_pen_slider_value_changed)
        self.show_test_button.clicked.connect(self._on_show_test_button_clicked)
        self.random_test_button.clicked.connect(self._on_random_test_button_clicked)
        panel.lab_image_requested.connect(self.request_test_image)
        self.overlay_check.toggled.connect(self._on_overlay_check_toggled)
        from nndesk import preferences

        self.prediction_panel.set_not_sure_threshold(preferences.not_sure_threshold())
        self.prediction_panel.not_sure_spin.valueChanged.connect(preferences.set_not_sure_threshold)
        # the tops' hint follows "Not sure" as the threshold or the raw box changes it
        self.prediction_panel.not_sure_spin.valueChanged.connect(self._say_how_tops_differ)
        self.prediction_panel.raw_box.toggled.connect(self._say_how_tops_differ)
        # a number past a field's range is said under its own row (draw_panel's RefusalLine)
        self.test_refusal, self.not_sure_refusal = panel.test_refusal, panel.not_sure_refusal
        self.test_index.entered.connect(self._on_show_test_button_clicked)  # Enter shows it
        panel.installEventFilter(self)  # the preview's size follows its (_fit_preview)
        # and a text size step, which may move the overlay's box without resizing the column
        text_size.notifier().changed.connect(self._fit_preview)

    def _build_status_bar(self) -> None:
        self.setStatusBar(ElidingStatusBar())  # a long message ends in "…", whole in its tooltip
        self.model_status = StatusField(translate("MainWindow", "The model in use"))
        self.accuracy_status = StatusField(
            translate(
                "MainWindow", "Its accuracy on the 10,000 test images, as saved in the model file"
            )
        )
        self.latency_status = StatusField(
            translate("MainWindow", "Time of the last prediction: preprocessing + forward pass")
        )
        for widget in (self.model_status, self.accuracy_status, self.latency_status):
            self.statusBar().addPermanentWidget(widget)
        # where the bar cannot hold them all, the accuracy gives way first ("Test accuracy:
        # when training ends" says least while a run goes), then the model; the time is short
        self.statusBar().set_yield_order(
            (self.accuracy_status, self.model_status, self.latency_status)
        )

    def resizeEvent(self, event) -> None:
        """Until the user drags the splitter, the pages get at least PAGES_MIN_WIDTH px: on a
        1024 px screen the drawing column gives up its spare width rather than cut the pages."""
        super().resizeEvent(event)
        self._share_width()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._share_width()
        self._fit_preview()
        # Larger text held to the screen the window goes to (its handle exists once shown)
        screen_text.follow_screen(self, self.hold_text_to_screen)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        # the drawing column's new size is known only once its own layout has it
        if watched is self.draw_panel and event.type() == QEvent.Type.Resize:
            self._fit_preview()
        return super().eventFilter(watched, event)

    def _fit_preview(self) -> None:
        """The preview's size for the drawing column's height and the width it may take."""
        if self.draw_panel.layout() is None or not hasattr(self, "splitter"):
            return  # still being built
        column = self._column_room()
        total = self.splitter.width() - self.splitter.handleWidth()
        most = None if self._splitter_moved_by_user else total - PAGES_NEED
        held = self.draw_panel.note_lines_held
        canvas_changed = self.draw_panel.fit_canvas(column, most)
        if self.draw_panel.note_lines_held != held:  # the warning's hint: in the line or a tip
            self._say_how_tops_differ()
        if self.draw_panel.fit_preview(column) or canvas_changed:
            layout = self.draw_panel.layout()
            layout.activate()  # its least width follows the new sizes now
            self._share_width()  # the column's least width changed with it
            if layout.geometry() != self.draw_panel.contentsRect():
                # the splitter widened the column from within the column's first resize (as
                # the window is shown), and Qt drops a resize sent then: laid out at its old
                # width, the answer was painted over the grown canvas until the next layout
                # request (seconds under load after a language switch, walk51 D6)
                layout.invalidate()
                layout.activate()

    def _canvas_narrowed(self) -> int:
        """The px the canvas is narrower than CANVAS_SIZE (the pages have them)."""
        return max(0, CANVAS_SIZE - self.canvas.width())

    def _column_room(self) -> int:
        """The most the drawing column takes: what leaves the pages PAGES_MIN_WIDTH px, and
        half the window at most (a larger canvas would otherwise squeeze the pages' plots)."""
        total = self.splitter.width() - self.splitter.handleWidth()
        return total - max(PAGES_MIN_WIDTH, total // 2)

    def _share_width(self) -> None:
        if self._splitter_moved_by_user:
            return
        total = self.splitter.width() - self.splitter.handleWidth()
        panel = self.draw_panel
        spare = min(panel.sizeHint().width(), self._column_room())
        want = max(panel.minimumSizeHint().width(), spare)
        if total > want:
            self.splitter.setSizes([want, total - want])

    @Slot(int, int)
    def _on_splitter_moved(self, _pos: int, _index: int) -> None:
        self._splitter_moved_by_user = True

    def splitter_sizes_chosen(self) -> list[int] | None:
        """The drawing column's and the pages' widths if the user dragged them, else None."""
        return self.splitter.sizes() if self._splitter_moved_by_user else None

    def choose_splitter_sizes(self, sizes: list[int] | None) -> None:
        """Take over widths the user chose in the window this one replaces (None: none)."""
        if sizes:
            self._splitter_moved_by_user = True
            self.splitter.setSizes(sizes)

    # ---- pages and shutdown -----------------------------------------------------------------
    def add_page(self, widget: QWidget, title: str) -> int:
        """Add a page (Why, Train, Evaluate, Mistakes, Dataset) to the right-hand tabs."""
        index = self.tabs.addTab(widget, translate_marked("MainWindow", title))
        self.tabs.setTabToolTip(index, translate_marked("MainWindow", PAGE_TIPS.get(title, title)))
        return index

    def add_shutdown_hook(self, hook: Callable[[], None]) -> None:
        """``hook()`` runs when the window closes, after ``about_to_close`` (stop threads there)."""
        self._shutdown_hooks.append(hook)

    def drop_shutdown_hook(self, hook: Callable[[], None]) -> None:
        """Forget ``hook`` (its controller moved to the window replacing this one)."""
        if hook in self._shutdown_hooks:
            self._shutdown_hooks.remove(hook)

    def add_close_guard(self, guard: Callable[[], bool]) -> None:
        """``guard()`` is asked before the window closes; False keeps it open (e.g. the user
        answered No to "Stop training and quit?")."""
        self._close_guards.append(guard)

    def is_closed(self) -> bool:
        """Whether the window has closed (its guards agreed and its threads were stopped)."""
        return self._closed

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            # a closing signal may have shut the window down while a guard asked
            if not all(guard() for guard in self._close_guards) and not self._closed:
                event.ignore()
                return
            self._shut_down()
        super().closeEvent(event)

    def close_without_asking(self) -> None:
        """Close as the close button does, without asking the guards (a closing signal:
        nobody may be there to answer). Also while a guard's question is open: Qt ignores a
        close within a close, so the window's shutdown is done here first."""
        self._shut_down()
        self.close()

    def _shut_down(self) -> None:
        """Keep the window's place, then stop its work (``add_shutdown_hook``); once."""
        if self._closed:
            return
        self._closed = True
        from nndesk import preferences
        from nndesk.ui.window_place import place_numbers, place_of

        # the next session puts its window here (restoreGeometry moved a window at the
        # screen's top down by a guessed title bar: 25 px lower after each restart)
        preferences.set_window_place(place_numbers(place_of(self)))
        preferences.set_window_geometry(self.saveGeometry())  # read by older versions
        self.about_to_close.emit()
        for hook in self._shutdown_hooks:
            hook()

    # ---- what the coordinator calls ---------------------------------------------------------
    def mode(self) -> str:
        return self._mode

    def set_mode(self, mode: str, clear: bool = True) -> None:
        """Switch the UI to "digits" or "garments": hint, pen default, checked menu entries.

        The switch the user asks for (``clear``) shows the other mode's own drawing. One that
        follows a model of the other kind (picked, or a run's live network) carries the drawing
        over when that mode has none, so the new model reads it; neither loses a drawing
        (moving it over replaced the other mode's drawing and emptied this one's)."""
        if mode != self._mode:
            if clear or self._has_sheet(mode):
                self._swap_sheets(self._mode, mode)
            else:
                self._sheets[self._mode] = self.canvas.history()
        elif clear:
            self.canvas.clear()
        changed = mode != self._mode
        self._mode = mode
        if changed:
            self._fill_model_choices()  # the new mode's models come first
        self.hint_label.setText(self._hint())
        self._show_canvas_hint()
        self.canvas.set_pen_width(DEFAULT_PEN[mode])
        self.canvas.set_eraser_width(DEFAULT_ERASER)
        self.pen_slider.setValue(self.canvas.tool_width())
        (self.act_digits if mode == "digits" else self.act_garments).setChecked(True)
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(mode))
        dataset = next(s.short_title for s in DATASETS.values() if s.preprocess == mode)
        for button, index in zip(self.lab_buttons, LAB_TEST_IMAGES, strict=True):
            button.setToolTip(
                translate(
                    "MainWindow",
                    "Put {dataset} test image {index} on the canvas "
                    "(the {dataset} lab asks about it)",
                ).format(dataset=dataset, index=index)
            )
        self.prediction_panel.set_true_label(None)
        if changed and self._classifier is None:  # the empty bars name this mode's classes
            self.prediction_panel.set_class_names(mode_class_names(mode))
            self._say_no_model()
        self.show_note("")
        self.mode_changed.emit(mode)

    def _swap_sheets(self, old: str, new: str) -> None:
        """Each mode draws on its own sheet, with its own undo steps: a switch puts the
        drawing of ``old`` aside and shows the one ``new`` had (blank the first time). Undo
        after a switch stepped back into the other mode's drawings (a Fashion test image came
        back on the Digits canvas, read there as a "2")."""
        self._sheets[old] = self.canvas.history()
        self.canvas.restore_history(self._sheets.pop(new, None) or blank_history())

    def _has_sheet(self, mode: str) -> bool:
        """Whether ``mode`` keeps a drawing, or undo/redo steps, aside."""
        sheet = self._sheets.get(mode)
        if sheet is None:
            return False
        image, undo, redo = sheet
        return bool(undo or redo) or image != blank_history()[0]

    def mode_sheets(self) -> dict:
        """The drawings (with undo steps) of the modes not shown, for ``restore_mode_sheets``."""
        return dict(self._sheets)

    def restore_mode_sheets(self, sheets: dict) -> None:
        """Take over the other modes' drawings from ``mode_sheets`` (a window rebuilt in
        another language)."""
        self._sheets = {mode: sheet for mode, sheet in sheets.items() if mode != self._mode}
        self._show_canvas_hint()

    def _kept_drawing_mode(self) -> str | None:
        """The other mode whose sheet holds a drawing (not a blank one), or None."""
        blank = blank_history()[0]
        return next(
            (m for m, sheet in self._sheets.items() if m != self._mode and sheet[0] != blank),
            None,
        )

    def _hint(self) -> str:
        """What to draw: the mode's prompt, or the classes of a model trained on an image folder
        (a circle/square/triangle model was shown under "Draw a digit 0-9", walk53 #9)."""
        clf = self._classifier
        if clf is not None and clf.info.get("dataset") not in DATASETS:
            names = [str(name) for name in clf.class_names]
            shown = ", ".join(names[:FOLDER_HINT_NAMES]) + (
                ", …" if len(names) > FOLDER_HINT_NAMES else ""
            )
            return translate("MainWindow", "Draw one of: {classes}").format(classes=shown)
        return translate_marked("MainWindow", HINTS[self._mode])

    def _show_canvas_hint(self) -> None:
        """The blank canvas's grey text: what to draw, then where the other mode's drawing is
        when a switch put one aside."""
        hint = self._hint()
        kept = self._kept_drawing_mode()
        if kept is not None:
            hint += "\n\n" + translate_marked("MainWindow", KEPT_DRAWING[kept])
        self.canvas.set_hint(hint)

    @Slot()
    def undo(self) -> None:
        """Edit > Undo and the Undo button: the canvas's last step; with none, right after a
        mode switch, the status bar says where the drawing that vanished is kept."""
        if self.canvas.can_undo():
            self.canvas.undo()
            return
        kept = self._kept_drawing_mode()
        if kept is not None:
            show_status(self, translate_marked("MainWindow", KEPT_DRAWING[kept]), 8000)

    def set_model_choices(
        self,
        shipped: list[Path],
        recent: list[Path],
        facts: dict[str, ModelFacts] | None = None,
        resolved: dict[str, str] | None = None,
        damaged: dict[str, str] | None = None,
    ) -> None:
        """Fill the model picker and File > Recent models with ``shipped`` and ``recent`` files;
        ``facts`` (path -> ``ModelFacts``, read off the GUI thread) say what each is,
        ``resolved`` (path -> resolved path, found off the GUI thread) which entries are one
        file, and ``damaged`` (path -> one line why) which cannot be used (None: those known
        already). No file is looked at here."""
        self._model_paths = (list(shipped), list(recent))
        if facts is not None:
            self._model_facts = dict(facts)
        if resolved is not None:
            self._resolved_paths = dict(resolved)
        if damaged is not None:
            self._damaged_models = dict(damaged)
        self._fill_model_choices()

    def _resolved(self, path) -> str:
        """``path`` as ``set_model_choices`` resolved it, else as it is."""
        return self._resolved_paths.get(str(path), str(path))

    def model_paths(self) -> tuple[list[Path], list[Path]]:
        """The Model box's files: (shipped, recent), as ``set_model_choices`` was given them."""
        return self._model_paths

    def _fill_model_choices(self) -> None:
        """The mode's models first (shipped, then recent), then the other mode's under a header
        saying a pick switches the mode: a Fashion run picked among digit runs by mistake
        switched the window to Clothing without a word (``ui.model_choices``)."""
        shipped, recent = self._model_paths
        facts, damaged = self._model_facts, self._damaged_models
        combo = self.model_combo
        combo.blockSignals(True)
        combo.clear()
        seen: set[str] = set()
        choices: list[Choice] = []
        for path, is_shipped in [(p, True) for p in shipped] + [(p, False) for p in recent]:
            key = self._resolved(path)
            if key not in seen:
                seen.add(key)
                known = facts.get(str(path), facts.get(key))
                problem = damaged.get(str(path), damaged.get(key))
                choices.append(Choice(Path(path), is_shipped, known, problem))
        folders = [c for c in choices if c.from_folder()]  # their own group, whatever the mode
        ours, others, header = arrange([c for c in choices if c not in folders], self._mode)
        groups = ((ours, None), (others, header), (folders, folder_header()))
        for group, title in groups:
            if group is not ours and group:
                combo.insertSeparator(combo.count())
                if title is not None:
                    combo.add_header(title)
            for choice in group:
                combo.addItem(choice.text(), str(choice.path))
                combo.setItemData(combo.count() - 1, choice.tip(), Qt.ItemDataRole.ToolTipRole)
                combo.setItemData(combo.count() - 1, choice.shorter(), SHORT_ROLE)
                if choice.problem is not None:
                    combo.mark_damaged(combo.count() - 1)
        combo.insertSeparator(combo.count())
        combo.addItem(translate("MainWindow", "Saved runs (Train > Runs)..."), SAVED_RUNS)
        combo.setItemData(
            combo.count() - 1,
            translate(
                "MainWindow",
                "This list holds the shipped models and the ones used lately; every saved run "
                "is in Train > Runs, where Use model puts its model in use",
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        combo.addItem(translate("MainWindow", "Open model..."), OPEN_MODEL)
        combo.blockSignals(False)
        self.recent_menu.clear()
        for choice in [c for c in choices if not c.shipped]:
            act = self.recent_menu.addAction(choice.text())
            act.setToolTip(str(choice.path))
            act.triggered.connect(
                lambda _=False, p=str(choice.path): self.model_file_requested.emit(p)
            )
        self.recent_menu.setEnabled(any(not c.shipped for c in choices))
        # back on what answers: the model in use, or "the network training now" while a run
        # answers (a run on the other mode's dataset switches the mode, which refills the box)
        self.show_model_in_use()

    @Slot(str)
    def _say_model_coming(self, _path: str) -> None:
        """A model file was picked while another answers: its name is in the Model box at
        once, and the bars, still the old model's answer, are dimmed and the status bar says
        the model loads until the new one is in use (``show_classifier``) or could not be read
        (``show_model_in_use``), as on a mode switch (``_say_replacing``). Another model of
        the same mode showed its name over the old one's answer for seconds under load, a
        stroke's answer read as the new model's (walk71)."""
        if self._classifier is None and not self._picker_shows_training:
            return  # no answer shown: "Loading the model…" or "No model" says it all
        self._bars_dim.setEnabled(True)
        self.model_status.setText(translate_marked("MainWindow", LOADING))

    def show_model_in_use(self) -> None:
        """Put the picker back on what answers the drawing: a model picked in it that could not
        be opened left its name showing over the model still in use (whose answer is no longer
        dimmed: ``_say_model_coming``)."""
        if self.is_replacing_model() and not self._model_loading:
            self._bars_dim.setEnabled(False)
            if self._classifier is not None and not self._picker_shows_training:
                self.model_status.setText(
                    translate("MainWindow", "Model: {title}").format(title=self._classifier.title)
                )
        if self._picker_shows_training:
            self.show_training_network()
        else:
            self._select_current_model(self._classifier)

    def _select_current_model(self, clf) -> None:
        self._picker_shows_training = False
        self.model_combo.blockSignals(True)
        # drop a previous "(unsaved)" or "training now" entry
        for i in range(self.model_combo.count() - 1, -1, -1):
            if self.model_combo.itemData(i) in ("__unsaved__", TRAINING_NOW):
                self.model_combo.removeItem(i)
        if clf is None:
            none = LOADING if self._model_loading else QT_TRANSLATE_NOOP("MainWindow", "(no model)")
            self.model_combo.insertItem(0, translate_marked("MainWindow", none), "__unsaved__")
            self.model_combo.setCurrentIndex(0)
        elif clf.path is None:
            self.model_combo.insertItem(0, f"{clf.title}", "__unsaved__")
            self.model_combo.setCurrentIndex(0)
        else:
            target = self._resolved(clf.path)
            for i in range(self.model_combo.count()):
                data = self.model_combo.itemData(i)
                if (
                    isinstance(data, str)
                    and data not in (OPEN_MODEL, SAVED_RUNS)
                    and (self._resolved(data) == target)
                ):
                    self.model_combo.setCurrentIndex(i)
                    break
            else:
                # not listed yet (its file is looked at off the GUI thread): named meanwhile
                self.model_combo.insertItem(0, clf.title, str(clf.path))
                self.model_combo.setCurrentIndex(0)
        self.model_combo.blockSignals(False)

    @Slot(object)
    def show_classifier(self, clf) -> None:
        """A new model is in use: class names, picker, status bar, the "no model" banner."""
        self._classifier = clf
        self._bars_dim.setEnabled(False)  # the model a mode switch was reading, or another
        self.banner.setVisible(clf is None)
        self._fit_preview()  # the banner takes the column's height or gives it back
        self.act_save_model.setEnabled(clf is not None)
        self._select_current_model(clf)
        if clf is None:
            self._answer_names = ()
            self._hold_note_room()
            # empty bars naming the mode's classes keep the answer's place: without them the
            # bars vanished and "Raw probabilities" jumped up while the model loaded
            self.prediction_panel.set_class_names(mode_class_names(self._mode))
            self.accuracy_status.setText("")
            self.latency_status.setText("")
            self._say_no_model()
            return
        self._answer_names = tuple(clf.class_names)
        self._hold_note_room()
        self.prediction_panel.set_class_names(clf.class_names)
        self.hint_label.setText(self._hint())
        self._show_canvas_hint()
        self.prediction_panel.set_prediction(None, self._hint())
        self.model_status.setText(translate("MainWindow", "Model: {title}").format(title=clf.title))
        self.show_test_accuracy(clf)

    def show_test_accuracy(self, clf) -> None:
        """The status bar's "Test accuracy: …" of the model in use ``clf``, as its info says
        (measured again when Evaluate wrote a quit run's figure into it, walk60 D10)."""
        if clf is not self._classifier:
            return
        metrics = clf.info.get("metrics") or {}
        acc = metrics.get("test_accuracy")
        self.accuracy_status.setText(
            translate("MainWindow", "Test accuracy: {accuracy}").format(accuracy=accuracy_text(acc))
            if acc is not None
            else translate("MainWindow", "Test accuracy: n/a")
        )

    def _say_no_model(self) -> None:
        """No model answers: the prediction area and the status bar say the mode's model is
        loading (the "No model loaded" banner stays hidden meanwhile), or that there is none."""
        loading = self._model_loading
        self.banner.setVisible(not loading)
        self._fit_preview()
        text = translate_marked("MainWindow", LOADING if loading else NO_MODEL_SHORT)
        self.prediction_panel.set_prediction(None, text)
        self.model_status.setText(text)

    @Slot(bool)
    def show_model_loading(self, loading: bool) -> None:
        """The mode's model is being read in the worker (``PredictionController.model_loading``):
        the canvas takes strokes meanwhile, and while no model answers the window says the
        model is loading instead of "No model"."""
        self._model_loading = loading
        if self._classifier is None and not self._picker_shows_training:
            self._say_no_model()
            self._select_current_model(None)
        elif self._classifier is not None and not self._picker_shows_training:
            other = self._classifier.preprocess_kind != self._mode
            self._say_replacing(loading and other)

    def is_replacing_model(self) -> bool:
        """Whether the window says the mode's model is loading over the old mode's in use."""
        return self._bars_dim.isEnabled()

    def _say_replacing(self, replacing: bool) -> None:
        """A mode switch reads the new mode's model while the old mode's still answers: the
        Model box and the status bar say the model loads and the bars are dimmed until it is in
        use. They went on naming mnist-cnn and its 9 for ~10 s under load, the canvas already
        in Clothing (walk71 F4)."""
        if replacing == self.is_replacing_model():
            return
        self._bars_dim.setEnabled(replacing)
        self._select_current_model(None if replacing else self._classifier)
        if replacing:
            self.model_status.setText(translate_marked("MainWindow", LOADING))
        else:  # the read failed or gave nothing: the model in use is named again
            self.model_status.setText(
                translate("MainWindow", "Model: {title}").format(title=self._classifier.title)
            )

    @Slot(object)
    def show_training_network(self, snapshot=None) -> None:
        """The drawing is read by the network being trained (its newest weights), not by the
        model in the picker: the status bar says so until a model is put in use again. The
        bars name the classes of ``snapshot`` (a ``Classifier``), the run's network: a
        Fashion-MNIST run started in Digits mode read a drawn coat as "4"."""
        if snapshot is not None and tuple(snapshot.class_names) != self._answer_names:
            self._answer_names = tuple(snapshot.class_names)
            self._hold_note_room()
            self.prediction_panel.set_class_names(snapshot.class_names)
        self._bars_dim.setEnabled(False)  # the run's network answers, in the mode's classes
        self.model_status.setText(translate("MainWindow", "Model: the network training now"))
        self.accuracy_status.setText(translate("MainWindow", "Test accuracy: when training ends"))
        combo = self.model_combo
        self._picker_shows_training = True
        if combo.currentData() == TRAINING_NOW:
            return  # every snapshot lands here: the picker already says so
        combo.blockSignals(True)
        for i in range(combo.count() - 1, -1, -1):
            if combo.itemData(i) in ("__unsaved__", TRAINING_NOW):
                combo.removeItem(i)
        combo.insertItem(0, translate("MainWindow", "the network training now"), TRAINING_NOW)
        combo.setItemData(
            0,
            translate(
                "MainWindow",
                "The run on the Train page answers with its newest weights; when it ends its "
                "model takes over. Choose another model here to use that one instead.",
            ),
            Qt.ItemDataRole.ToolTipRole,
        )
        combo.setCurrentIndex(0)
        combo.blockSignals(False)

    @Slot(object)
    def show_prediction(self, prediction) -> None:
        """Show a ``Prediction`` (None: nothing drawn)."""
        self.preview.set_image(None if prediction is None else prediction.input_image)
        if prediction is None:
            self.preview.set_saliency(None)
            # no answer shown, so no time of one: "Prediction: 34.9 ms" stayed after a mode
            # switch emptied the canvas
            self.latency_status.setText("")
        placeholder = (
            self._hint()
            if self._classifier is not None
            else translate_marked("MainWindow", LOADING if self._model_loading else NO_MODEL_SHORT)
        )
        if prediction is None and self._classifier is not None and not self.canvas.is_blank():
            placeholder = translate("MainWindow", "Draw something")  # ink too faint to read
        self.prediction_panel.set_prediction(prediction, placeholder)
        self._say_if_too_little(prediction)
        self._say_how_tops_differ()

    def _say_if_too_little(self, prediction) -> None:
        """A dot or a short dash is read like any drawing (it read "nothing drawn" beside the
        dot, s63), and the line under the test-image row says why its answer says little: the
        network sees it enlarged to a whole drawing's size. Said once the stroke ends: every
        stroke starts as a dot, and the line would blink at each one."""
        if self.canvas.is_drawing():
            return
        kind = self._classifier.preprocess_kind if self._classifier is not None else "digits"
        if prediction is not None and nearly_empty(self.canvas.array(), kind):
            self.show_note(translate_marked("MainWindow", TOO_LITTLE))
        elif self.status_note.text() == translate_marked("MainWindow", TOO_LITTLE):
            self.show_note("")

    @Slot()
    def _say_how_tops_differ(self) -> None:
        """ "Not sure" between two long-sleeved tops (Pullover, Coat, Shirt) of a drawing: the
        line under the test-image row says what tells them apart in a drawing
        (``garment_hints``), once the stroke ends. It takes the line only from the standing note
        or another such hint (never from a dot's note or a test image's caption), and gives it
        back when the answer changes."""
        if self.canvas.is_drawing():
            return
        panel = self.prediction_panel
        guesses = panel.not_sure_guesses() if panel.true_label_index() is None else None
        hint = (
            long_sleeved_hint(self._answer_names, *guesses, drawing=self.canvas.array())
            if guesses
            else None
        )
        shown = self.status_note.text()
        ours = self._tops_line is not None and shown == self._tops_line
        said = translate_marked("MainWindow", hint) if hint is not None else ""
        # under the data folder's warning, which stays, where the note holds both whole
        # (_hold_note_room; fixI #4: it was only a tooltip); where the column has no room for
        # them (1024x700 at Larger text) the hint is the line's tooltip still
        held = self.draw_panel.note_lines_held
        room = held >= WARNING_AND_HINT_LINES
        # less room (1024x680 at Larger text): the warning's first line, whole in the tooltip
        short = held == WARNING_LINE_AND_HINT_LINES
        line, tip = said, ""
        if said and self._standing_warns:
            line = f"{self._standing_note}\n{said}" if room else ""
            if short and self._note_lines_of(said) <= WARNING_LINE_AND_HINT_LINES - 1:
                line, tip = f"{self._warning_line()}\n{said}", self._standing_note
            elif not room:
                tip = said
        self.status_note.setToolTip(tip)
        if line and (ours or shown in ("", self._standing_note)):
            self.show_note(line)
            self._tops_line = line
        elif ours and not line:
            self.show_note("")

    def _note_lines_of(self, text: str) -> int:
        """The lines ``text`` takes wrapped in the status note (a longer hint, its marks
        erased, takes 5 where the warning's first line leaves 3: it stays the tooltip)."""
        metrics = self.status_note.fontMetrics()
        width = max(self.status_note.contentsRect().width(), 1)
        box = metrics.boundingRect(QRect(0, 0, width, 1 << 20), Qt.TextFlag.TextWordWrap, text)
        return -(-box.height() // max(metrics.lineSpacing(), 1))

    def _warning_line(self) -> str:
        """The standing warning's first line on one line of the status note ("…" for the
        rest: the folder's path is in the note's tooltip)."""
        first, _, rest = self._standing_note.partition("\n")
        text = f"{first} …" if rest else first
        width = max(self.status_note.contentsRect().width(), 1)
        metrics = self.status_note.fontMetrics()
        return metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)

    def _hold_note_room(self) -> None:
        """The lines the status note is held at: a warning about the data folder and a tops
        hint under it need ``WARNING_AND_HINT_LINES`` where the note keeps 3; held while the
        warning stands in a mode whose answers have tops to tell apart, so the canvas makes
        room when the warning comes, never as a hint comes and goes under a drawing."""
        tops = self._answer_names and any(pair <= set(self._answer_names) for pair in TOPS_HINTS)
        lines = WARNING_AND_HINT_LINES if self._standing_warns and tops else NOTE_LINES
        if lines != self.draw_panel.note_lines:
            self.draw_panel.note_lines = lines
            self._fit_preview()

    @Slot(object)
    def show_prepared_input(self, image28) -> None:
        """No model answers (the mode's model loads, or there is none): the preview shows the
        drawing as the model will see it (``PredictionController.input_prepared``), not
        "nothing drawn" beside a drawing."""
        self.preview.set_image(image28)

    @Slot(object)
    def show_explanation(self, explanation) -> None:
        self.preview.set_saliency(None if explanation is None else explanation.saliency)

    @Slot(float)
    def show_latency(self, ms: float) -> None:
        self.latency_status.setText(
            translate("MainWindow", "Prediction: {ms} ms").format(ms=decimal(ms, 1))
        )

    @Slot(str)
    def show_error(self, message: str, title: str = "nndesk") -> None:
        """A one-line error in a message box; the window stays up."""
        QMessageBox.warning(self, title, message)

    def show_note(self, text: str, test_image: tuple | None = None) -> None:
        """A short line under the test-image row (loading..., dataset missing); "" shows the
        standing note (the data folder in use) again. ``test_image``: the (index, dataset)
        the line names (and the damage it shows: kind, level), said again by a window rebuilt
        in another language."""
        self._noted_test_image = test_image
        self._tops_line = None  # said by _say_how_tops_differ after this, if its hint
        self.status_note.setText(text or self._standing_note)

    def noted_test_image(self) -> tuple | None:
        """The (index, dataset[, kind, level]) of the test image the line under the test-image
        row names (``show_note``)."""
        return self._noted_test_image

    def standing_note(self) -> str:
        """What ``set_standing_note`` last set."""
        return self._standing_note

    def set_standing_note(self, text: str, warns: bool = False) -> None:
        """What the line under the test-image row says when nothing else is to be said ("Data
        folder: …"): a mode switch or a new drawing clears a test image's caption, not this.
        ``warns``: it says the folder cannot serve the mode (missing, the other dataset, a copy
        in use): a tops hint then never takes its place (verify65 #9: the hint hid "Data folder
        (it holds MNIST, not Fashion-MNIST)")."""
        shown = self.status_note.text()
        was_standing = not shown or shown == self._standing_note
        hinted = self._tops_line is not None and shown == self._tops_line
        self._standing_note, self._standing_warns = text, warns
        self._hold_note_room()
        if was_standing or hinted:  # a hint joins a warning, never takes its place
            self.show_note("")
            self._say_how_tops_differ()

    def set_canvas_image(
        self,
        pixels: np.ndarray,
        true_label: int | None = None,
        image28: np.ndarray | None = None,
    ) -> None:
        """Put ``uint8 (280, 280)`` pixels on the canvas (undoable); show ``true_label``.
        ``image28``: the test image the pixels enlarge, which the model reads whenever the
        canvas shows these pixels (``test_image_on_canvas``)."""
        if image28 is not None:
            self.shown_test_images.remember(pixels, image28)
        self._setting_image = True
        try:
            self.canvas.set_array(pixels)
        finally:
            self._setting_image = False
        self.prediction_panel.set_true_label(true_label)

    def test_image_on_canvas(self, pixels: np.ndarray) -> np.ndarray | None:
        """The ``float32 (28, 28)`` test image the canvas ``pixels`` show unchanged, or None."""
        return self.shown_test_images.find(pixels)

    def request_test_image(self, index: int) -> None:
        self.test_index.setValue(index)
        self.test_image_requested.emit(index)

    def class_names(self) -> tuple[str, ...]:
        return self.prediction_panel.bars.class_names()

    # ---- handlers ---------------------------------------------------------------------------
    @Slot(object)
    def _on_canvas_image_changed(self, image: np.ndarray) -> None:
        if not self._setting_image:
            self.prediction_panel.set_true_label(None)  # the user changed the test image
            self.show_note("")
        self._update_drawing_actions(image)
        self.drawing_changed.emit(image)

    @Slot()
    def _on_canvas_stroke_finished(self) -> None:
        self.drawing_finished.emit(self.canvas.array())

    @Slot(str)
    def _on_canvas_fill_refused(self, why: str) -> None:
        if why == "empty":
            text = translate(
                "MainWindow",
                "Fill is on, and there is nothing to fill yet: press F (or Fill) for the pen, "
                "draw an outline, then fill it",
            )
        elif why == "background":
            text = translate(
                "MainWindow",
                "That is the paper around your drawing, so Fill left it: click inside the "
                "outline to fill it",
            )
        else:
            text = translate(
                "MainWindow",
                "Fill would cover the whole canvas: click inside a closed outline",
            )
        show_status(self, text)

    @Slot(bool)
    def _on_canvas_fill_tool_changed(self, on: bool) -> None:
        """Say what a click does now; while Fill is on the line stays (no time-out), so the
        tool in use is always said: Fill stays on until F, Esc, the eraser or Clear ends it."""
        self.draw_panel.show_fill_armed(on)
        if on:
            text = translate(
                "MainWindow",
                "Fill is on: a click inside an outline fills it (F or Esc: back to the pen)",
            )
            show_status(self, text, 0)
        elif not self.canvas.eraser():
            show_status(self, translate("MainWindow", "The pen draws (F: Fill, E: Eraser)"))

    @Slot(bool)
    def _on_canvas_eraser_changed(self, on: bool) -> None:
        """The eraser's turn of the same line: what a drag does now. The size slider shows the
        tool in use: the eraser has a size of its own (small: pockets, not holes, walk70 M2)."""
        self.pen_slider.setValue(self.canvas.tool_width())
        self.draw_panel.size_label.setText(
            translate("MainWindow", "Eraser") if on else translate("MainWindow", "Pen")
        )
        if on:
            text = translate(
                "MainWindow",
                "Eraser is on ({px} px; [ and ] size it): a drag erases (E or Esc: back to "
                "the pen)",
            ).format(px=self.canvas.eraser_width())
            show_status(self, text, 0)
        elif not self.canvas.fill_tool():
            show_status(self, translate("MainWindow", "The pen draws (F: Fill, E: Eraser)"))

    @Slot()
    def _on_canvas_filled(self) -> None:
        """Fill stays on after a fill: said with how to leave it (it used to turn itself off,
        and a user pressing F "to turn it off" turned it on again, s63)."""
        text = translate(
            "MainWindow",
            "Filled. Fill stays on: click inside another outline (F or Esc: back to the pen)",
        )
        show_status(self, text, 0)

    @Slot(str)
    def _on_canvas_file_dropped(self, path: str) -> None:
        self.image_file_requested.emit(path)

    @Slot(int)
    def _on_pen_slider_value_changed(self, value: int) -> None:
        """The size of the tool in use: the eraser's while it is on, else the pen's."""
        if self.canvas.eraser():
            self.canvas.set_eraser_width(value)
        else:
            self.canvas.set_pen_width(value)
        self.pen_value.setText(str(value))

    @Slot(bool)
    def _on_overlay_check_toggled(self, on: bool) -> None:
        self.preview.set_overlay_visible(on)
        self.act_overlay.setChecked(on)
        self.saliency_overlay_toggled.emit(on)

    @Slot()
    def _on_show_test_button_clicked(self) -> None:
        self.test_image_requested.emit(self.test_index.value())

    @Slot()
    def _on_random_test_button_clicked(self) -> None:
        self.test_image_requested.emit(-1)

    @Slot(int)
    def _on_model_combo_activated(self, index: int) -> None:
        data = self.model_combo.itemData(index)
        if data == OPEN_MODEL:
            self._select_current_model(self._classifier)
            self._on_open_model_triggered()
        elif data == SAVED_RUNS:
            self.show_model_in_use()
            self.saved_runs_requested.emit()
        elif isinstance(data, str) and data not in ("__unsaved__", TRAINING_NOW):
            self.model_file_requested.emit(data)
