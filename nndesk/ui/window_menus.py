"""The window's commands: its actions (shortcuts, tooltips), the menus (File, Edit, Mode, Test
images, View with Theme and Language, Help), the toolbar (mode and model pickers, Open buttons),
and the slots of the commands that only ask something (a file dialog, the clipboard, the list of
shortcuts) and end in one of the window's request signals.

``WindowMenusMixin`` is mixed into ``MainWindow`` (ui/main_window.py), which answers the
requests' results (``show_*`` / ``set_*``) and fills the model picker the toolbar makes.
"""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QStyle,
    QWhatsThis,
)

from nndesk import preferences
from nndesk.controllers.pasted_image import image_payload
from nndesk.data.registry import DATASETS
from nndesk.i18n import LANGUAGES, QT_TRANSLATE_NOOP
from nndesk.model_labels import ModelFacts
from nndesk.ui import file_filters, screen_text, text_size
from nndesk.ui.draw_panel import LAB_TEST_IMAGES
from nndesk.ui.file_dialogs import OWN, OWN_FOLDERS
from nndesk.ui.language import model_file_stem, translate, translate_marked
from nndesk.ui.list_only import choose_from_list_only
from nndesk.ui.model_choices import ModelBox
from nndesk.ui.save_dialog import ask_save_path
from nndesk.ui.save_place import model_open_start, start_folder
from nndesk.ui.shortcuts_dialog import ShortcutsDialog
from nndesk.version import nndesk_version

# marked here, translated where shown (translate_marked): the language is chosen at start
#: the Model box's width, in average characters
MODEL_BOX_CHARS = 30
MODE_TITLES = {
    "digits": QT_TRANSLATE_NOOP("MainWindow", "Digits (MNIST)"),
    "garments": QT_TRANSLATE_NOOP("MainWindow", "Clothing (Fashion-MNIST)"),
}
THEMES = (
    (
        "system",
        QT_TRANSLATE_NOOP("MainWindow", "&System"),
        QT_TRANSLATE_NOOP("MainWindow", "Follow the look of the desktop"),
    ),
    (
        "light",
        QT_TRANSLATE_NOOP("MainWindow", "&Light"),
        QT_TRANSLATE_NOOP("MainWindow", "Dark text on a light background"),
    ),
    (
        "dark",
        QT_TRANSLATE_NOOP("MainWindow", "&Dark"),
        QT_TRANSLATE_NOOP("MainWindow", "Light text on a dark background, charts included"),
    ),
)
#: View > Text size: (step, its menu text, its shortcuts); a projector's "Larger" (walk59 D2)
TEXT_SIZES = (
    ("smaller", QT_TRANSLATE_NOOP("MainWindow", "&Smaller text"), ("Ctrl+-",)),
    ("normal", QT_TRANSLATE_NOOP("MainWindow", "&Normal text"), ("Ctrl+0",)),
    ("larger", QT_TRANSLATE_NOOP("MainWindow", "&Larger text"), ("Ctrl+=", "Ctrl++")),
)
#: said once where the screen cannot hold the window at Larger text's own size (screen_text)
TEXT_LIMITED = QT_TRANSLATE_NOOP("MainWindow", "Larger text is limited to what this screen holds")
IMAGE_FILTER = QT_TRANSLATE_NOOP(
    "MainWindow", "Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp);;All files (*)"
)

#: mode -> its registered dataset, whose data folder File > Data folder… opens at
_DATASET_OF_MODE = {spec.preprocess: name for name, spec in DATASETS.items()}


class WindowMenusMixin:
    """The window's actions, menus and toolbar, and the slots of the commands that ask.

    Mixed into ``MainWindow``, whose ``__init__`` builds the draw panel first (the actions
    drive its canvas and buttons), then calls ``_build_actions`` and
    ``_build_menus_and_toolbar``; the signals these slots emit are ``MainWindow``'s.
    """

    def _action(
        self, text: str, slot, shortcuts=(), tip: str = "", icon=None, checkable: bool = False
    ) -> QAction:
        action = QAction(text, self)
        if shortcuts:
            action.setShortcuts([QKeySequence(s) for s in shortcuts])
        keys = ", ".join(
            QKeySequence(s).toString(QKeySequence.SequenceFormat.NativeText) for s in shortcuts
        )
        action.setToolTip(
            f"{tip or text.replace('&', '').rstrip('.')}" + (f" ({keys})" if keys else "")
        )
        action.setStatusTip(tip or text.replace("&", ""))
        if icon is not None:
            action.setIcon(self.style().standardIcon(icon))
        action.setCheckable(checkable)
        if slot is not None:
            (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)  # shortcuts work even when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        SP = QStyle.StandardPixmap
        self.act_open_image = self._action(
            translate("MainWindow", "&Open image..."),
            self._on_open_image_triggered,
            [QKeySequence.StandardKey.Open],
            translate("MainWindow", "Open an image file and classify it"),
            SP.SP_DialogOpenButton,
        )
        self.act_paste = self._action(
            translate("MainWindow", "&Paste image"),
            self._on_paste_triggered,
            [QKeySequence.StandardKey.Paste],
            translate("MainWindow", "Classify the image on the clipboard"),
        )
        self.act_save_drawing = self._action(
            translate("MainWindow", "Save dra&wing as..."),
            self._on_save_drawing_triggered,
            [],
            translate(
                "MainWindow",
                "Save the drawing as a PNG file (nndesk predict and Open image read it back)",
            ),
        )
        self.act_open_model = self._action(
            translate("MainWindow", "Open &model..."),
            self._on_open_model_triggered,
            ["Ctrl+Shift+O"],
            translate("MainWindow", "Load a trained model file (.npz)"),
            SP.SP_DirOpenIcon,
        )
        self.act_save_model = self._action(
            translate("MainWindow", "&Save model as..."),
            self._on_save_model_triggered,
            [QKeySequence.StandardKey.Save],
            translate("MainWindow", "Save the model in use to a file"),
            SP.SP_DialogSaveButton,
        )
        self.act_data_folder = self._action(
            translate("MainWindow", "&Data folder..."),
            self._on_data_folder_triggered,
            [],
            translate(
                "MainWindow", "Choose the folder holding the MNIST / Fashion-MNIST IDX files"
            ),
        )
        self.act_settings = self._action(
            translate("MainWindow", "Se&ttings..."),
            lambda: self.settings_requested.emit(),
            [QKeySequence.StandardKey.Preferences],
            translate("MainWindow", "Data folder and classroom mirror"),
        )
        self.act_quit = self._action(
            translate("MainWindow", "&Quit"),
            self.close,
            [QKeySequence.StandardKey.Quit],
            translate("MainWindow", "Quit nndesk"),
        )
        self.act_undo = self._action(
            translate("MainWindow", "&Undo"),
            self.undo,  # MainWindow.undo: with nothing to undo, says where a drawing went
            ["Ctrl+Z"],
            translate("MainWindow", "Undo the last stroke"),
            SP.SP_ArrowBack,
        )
        self.act_redo = self._action(
            translate("MainWindow", "&Redo"),
            self.canvas.redo,
            ["Ctrl+Shift+Z", "Ctrl+Y"],
            translate("MainWindow", "Redo"),
            SP.SP_ArrowForward,
        )
        # Del / Backspace clear only with the canvas focused: as window-wide keys they
        # cleared the drawing from a Train field or the Runs table, and so did Esc (walk59 D5)
        self.act_clear = self._action(
            translate("MainWindow", "&Clear"),
            self.canvas.clear,
            ["Del", "Backspace"],
            translate("MainWindow", "Clear the canvas"),
            SP.SP_DialogResetButton,
        )
        self.act_clear.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.act_copy_drawing = self._action(
            translate("MainWindow", "C&opy drawing"),
            lambda: self.copy_drawing_requested.emit(),
            [QKeySequence.StandardKey.Copy],
            translate("MainWindow", "Put the drawing on the clipboard as an image"),
        )
        # Ctrl+C copies the drawing only with the canvas focused: a field, a table or a report
        # keeps its own Copy
        self.act_copy_drawing.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        for act in (self.act_copy_drawing, self.act_save_drawing, self.act_clear):
            self.canvas.addAction(act)  # the canvas's right-click menu (ActionsContextMenu)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.act_eraser = self._action(
            translate("MainWindow", "&Eraser"),
            self.canvas.set_eraser,
            ["E"],
            translate("MainWindow", "Erase instead of drawing"),
            checkable=True,
        )
        self.act_fill = self._action(
            translate("MainWindow", "&Fill"),
            self.canvas.set_fill_tool,
            ["F"],
            translate("MainWindow", "Click inside an outline to fill it; on until F or Esc"),
            checkable=True,
        )
        self.act_bigger = self._action(
            translate("MainWindow", "&Bigger pen"),
            self._on_bigger_triggered,
            ["]"],
            translate("MainWindow", "Make the pen bigger"),
        )
        self.act_smaller = self._action(
            translate("MainWindow", "S&maller pen"),
            self._on_smaller_triggered,
            ["["],
            translate("MainWindow", "Make the pen smaller"),
        )
        self.act_overlay = self._action(
            translate("MainWindow", "Saliency &overlay"),
            self.overlay_check.setChecked,
            ["S"],
            translate("MainWindow", "Colour the preview by each pixel's push towards the answer"),
            checkable=True,
        )
        self.act_show_test = self._action(
            translate("MainWindow", "Show &test image"),
            self._on_show_test_button_clicked,
            ["Ctrl+T"],
            translate("MainWindow", "Put the test image with the chosen index on the canvas"),
        )
        self.act_random_test = self._action(
            translate("MainWindow", "&Random test image"),
            self._on_random_test_button_clicked,
            ["Ctrl+R"],
            translate("MainWindow", "Put a random test image on the canvas"),
        )
        self.act_digits = self._action(
            translate("MainWindow", "&Digits (MNIST)"),
            None,
            ["Ctrl+1"],
            translate("MainWindow", "Classify hand-written digits"),
            checkable=True,
        )
        self.act_garments = self._action(
            translate("MainWindow", "&Clothing (Fashion-MNIST)"),
            None,
            ["Ctrl+2"],
            translate("MainWindow", "Classify garments"),
            checkable=True,
        )
        self.mode_group = QActionGroup(self)
        for act in (self.act_digits, self.act_garments):
            self.mode_group.addAction(act)
        self.act_digits.triggered.connect(self._on_digits_triggered)
        self.act_garments.triggered.connect(self._on_garments_triggered)
        # the pages by keyboard (walk52 #1: no key switched them): the keys browsers and Qt's
        # tab widgets use; Ctrl+1/Ctrl+2 are the modes'
        self.act_next_page = self._action(
            translate("MainWindow", "&Next page"),
            self.tabs.show_next,
            ["Ctrl+PgDown", "Ctrl+Tab"],
            translate("MainWindow", "Show the next page"),
        )
        self.act_previous_page = self._action(
            translate("MainWindow", "&Previous page"),
            self.tabs.show_previous,
            ["Ctrl+PgUp", "Ctrl+Shift+Tab"],
            translate("MainWindow", "Show the page before"),
        )
        self.act_shortcuts = self._action(
            translate("MainWindow", "&Keyboard shortcuts"),
            self._on_shortcuts_triggered,
            ["F1"],
            translate("MainWindow", "List every shortcut"),
        )
        self.act_about = self._action(
            translate("MainWindow", "&About nndesk"),
            self._on_about_triggered,
            [],
            translate("MainWindow", "About nndesk"),
        )
        self.act_overlay.toggled.connect(self.overlay_check.setChecked)
        self.eraser_button.toggled.connect(self.act_eraser.setChecked)
        self.act_eraser.toggled.connect(self.eraser_button.setChecked)
        self.fill_button.toggled.connect(self.act_fill.setChecked)
        self.act_fill.toggled.connect(self.fill_button.setChecked)
        # one tool at a time: the canvas turns the other off (and Clear turns Fill off)
        self.canvas.fill_tool_changed.connect(self.act_fill.setChecked)
        self.canvas.eraser_changed.connect(self.act_eraser.setChecked)
        self.undo_button.clicked.connect(self.undo)
        self.redo_button.clicked.connect(self.canvas.redo)
        self.clear_button.clicked.connect(self.canvas.clear)

    def _build_menus_and_toolbar(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(translate("MainWindow", "&File"))
        for act in (self.act_open_image, self.act_paste, self.act_save_drawing):
            file_menu.addAction(act)
        file_menu.addSeparator()
        file_menu.addAction(self.act_open_model)
        self.recent_menu = file_menu.addMenu(translate("MainWindow", "Rec&ent models"))
        self.recent_menu.setToolTipsVisible(True)
        file_menu.addAction(self.act_save_model)
        file_menu.addSeparator()
        file_menu.addAction(self.act_data_folder)
        file_menu.addAction(self.act_settings)
        file_menu.addSeparator()
        file_menu.addAction(self.act_quit)
        edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
        for act in (self.act_undo, self.act_redo, self.act_copy_drawing, self.act_clear):
            edit_menu.addAction(act)
        edit_menu.addSeparator()
        for act in (self.act_eraser, self.act_fill, self.act_bigger, self.act_smaller):
            edit_menu.addAction(act)
        mode_menu = bar.addMenu(translate("MainWindow", "&Mode"))
        mode_menu.addAction(self.act_digits)
        mode_menu.addAction(self.act_garments)
        test_menu = bar.addMenu(translate("MainWindow", "&Test images"))
        test_menu.addAction(self.act_show_test)
        test_menu.addAction(self.act_random_test)
        lab = test_menu.addMenu(translate("MainWindow", "From the &lab"))
        for index in LAB_TEST_IMAGES:
            act = lab.addAction(translate("MainWindow", "test[{index}]").format(index=index))
            act.setToolTip(
                translate("MainWindow", "Put test image {index} on the canvas").format(index=index)
            )
            act.triggered.connect(lambda _=False, i=index: self.request_test_image(i))
        view_menu = bar.addMenu(translate("MainWindow", "&View"))
        view_menu.addAction(self.act_overlay)
        view_menu.addSeparator()
        view_menu.addAction(self.act_next_page)
        view_menu.addAction(self.act_previous_page)
        view_menu.addSeparator()
        theme_menu = view_menu.addMenu(translate("MainWindow", "&Theme"))
        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        for key, text, tip in THEMES:
            text, tip = translate_marked("MainWindow", text), translate_marked("MainWindow", tip)
            act = theme_menu.addAction(text)
            act.setCheckable(True)
            act.setToolTip(tip)
            act.setStatusTip(tip)
            act.setData(key)
            self.theme_group.addAction(act)
            self.theme_actions[key] = act
            act.triggered.connect(lambda _=False, k=key: self.theme_change_requested.emit(k))
        self.theme_actions["system"].setChecked(True)
        self._build_text_size_menu(view_menu.addMenu(translate("MainWindow", "Te&xt size")))
        self._build_language_menu(view_menu.addMenu(translate("MainWindow", "&Language")))
        help_menu = bar.addMenu(translate("MainWindow", "&Help"))
        help_menu.addAction(self.act_shortcuts)
        self.act_whats_this = QWhatsThis.createAction(self)  # Shift+F1, then click a control
        self.act_whats_this.setToolTip(
            translate("MainWindow", "Click any control to read what it does (Shift+F1)")
        )
        self.addAction(self.act_whats_this)
        help_menu.addAction(self.act_whats_this)
        help_menu.addAction(self.act_about)

        toolbar = self.addToolBar(translate("MainWindow", "Toolbar"))
        toolbar.setObjectName("main-toolbar")
        toolbar.setMovable(False)
        toolbar.setIconSize(QSize(18, 18))
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        toolbar.addWidget(QLabel(translate("MainWindow", " Mode: ")))
        self.mode_combo = QComboBox()
        for key in ("digits", "garments"):
            self.mode_combo.addItem(translate_marked("MainWindow", MODE_TITLES[key]), key)
        self.mode_combo.setToolTip(
            translate(
                "MainWindow",
                "What to classify: digits (MNIST) or clothing (Fashion-MNIST) — Ctrl+1 / Ctrl+2",
            )
        )
        self.mode_combo.activated.connect(self._on_mode_combo_activated)
        toolbar.addWidget(self.mode_combo)
        toolbar.addSeparator()
        toolbar.addWidget(QLabel(translate("MainWindow", " Model: ")))
        # entries say what each model is ("run 10:13:22 · MNIST 784-784-10 · 97.1%"): the box
        # keeps a width that fits the toolbar at 1024 px and elides; its list opens wider, and
        # each entry's tooltip has the whole text
        self.model_combo = choose_from_list_only(ModelBox(MODEL_BOX_CHARS))  # puts one in use
        self.model_combo.setToolTip(
            translate(
                "MainWindow", "The model that answers: shipped models, recent ones, or open a file"
            )
        )
        self.model_combo.activated.connect(self._on_model_combo_activated)
        toolbar.addWidget(self.model_combo)
        toolbar.addSeparator()
        toolbar.addAction(self.act_open_image)
        toolbar.addAction(self.act_open_model)

    def _build_language_menu(self, menu) -> None:
        """View > Language: the desktop's language, or one of nndesk's, each named in itself."""
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        choices = [("system", translate("MainWindow", "&System language")), *LANGUAGES.items()]
        for key, text in choices:
            act = menu.addAction(text)
            act.setCheckable(True)
            act.setData(key)
            self.language_group.addAction(act)
            self.language_actions[key] = act
            act.triggered.connect(lambda _=False, k=key: self.language_change_requested.emit(k))
        self.language_actions["system"].setChecked(True)

    def _build_text_size_menu(self, menu) -> None:
        """View > Text size: the window's and the charts' text a step smaller or larger, for a
        projector; applied at once and remembered."""
        self.text_size_group = QActionGroup(self)
        self.text_size_actions: dict[str, QAction] = {}
        self._text_limited = False  # Larger text held below its size by the screen (said once)
        tip = translate("MainWindow", "The size of the window's text and of the charts' text")
        for step, text, keys in TEXT_SIZES:
            act = self._action(translate_marked("MainWindow", text), None, keys, tip)
            act.setCheckable(True)
            act.setData(step)
            menu.addAction(act)
            self.text_size_group.addAction(act)
            self.text_size_actions[step] = act
            act.triggered.connect(lambda _=False, s=step: self._on_text_size_chosen(s))
        self.text_size_actions[preferences.text_size()].setChecked(True)
        larger = self.text_size_actions["larger"]
        self._larger_tips = (larger.toolTip(), larger.statusTip())  # without the limit's line
        menu.setToolTipsVisible(True)  # the limit is said there too (hold_text_to_screen)

    @Slot(str)
    def _on_text_size_chosen(self, step: str) -> None:
        if step == text_size.current_step():
            return
        preferences.set_text_size(step)
        # every page follows at once (the answer's large figures and Evaluate's cards too)
        self.hold_text_to_screen(step)

    def hold_text_to_screen(self, step: str | None = None) -> None:
        """The text at ``step`` (None: the step it has), Larger no larger than the window's
        screen holds (``screen_text``): at a step, at the start and when the screen or its
        free area changes; said once in the status bar as it becomes limited, and in the
        Larger entry's tooltip while it is."""
        from nndesk.ui.status_line import show_status

        limited = screen_text.hold_to_screen(self, step)
        larger = self.text_size_actions["larger"]
        tip, status_tip = self._larger_tips
        said = translate_marked("MainWindow", TEXT_LIMITED)
        larger.setToolTip(f"{tip}\n{said}" if limited else tip)
        larger.setStatusTip(f"{status_tip}. {said}" if limited else status_tip)
        if limited and not self._text_limited:
            show_status(self, said, 8000)
        self._text_limited = limited

    def set_language_choice(self, code: str) -> None:
        """Tick ``code`` under View > Language (the coordinator remembers and applies it)."""
        if code in self.language_actions:
            self.language_actions[code].setChecked(True)

    def set_theme_choice(self, name: str) -> None:
        """Tick ``name`` under View > Theme (the theme itself is applied by the coordinator)."""
        if name in self.theme_actions:
            self.theme_actions[name].setChecked(True)

    # ---- the commands' slots ---------------------------------------------------------------
    @Slot()
    def _on_bigger_triggered(self) -> None:
        self.pen_slider.setValue(self.pen_slider.value() + 2)

    @Slot()
    def _on_smaller_triggered(self) -> None:
        self.pen_slider.setValue(self.pen_slider.value() - 2)

    @Slot()
    def _on_digits_triggered(self) -> None:
        if self._mode != "digits":
            self.mode_change_requested.emit("digits")

    @Slot()
    def _on_garments_triggered(self) -> None:
        if self._mode != "garments":
            self.mode_change_requested.emit("garments")

    @Slot(int)
    def _on_mode_combo_activated(self, index: int) -> None:
        mode = self.mode_combo.itemData(index)
        if mode != self._mode:
            self.mode_change_requested.emit(mode)

    @Slot()
    def _on_open_image_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("MainWindow", "Open image"),
            start_folder(),
            translate_marked("MainWindow", IMAGE_FILTER),
            options=OWN,
        )
        if path:
            self.image_file_requested.emit(path)

    @Slot()
    def _on_paste_triggered(self) -> None:
        mime = QApplication.clipboard().mimeData()
        files = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()] if mime else []
        if files:
            self.image_file_requested.emit(files[0])
        elif (payload := image_payload(mime)) is not None:
            self.image_data_received.emit(payload)  # decoded in the prediction worker
        else:
            self.show_error(
                translate(
                    "MainWindow",
                    "The clipboard holds no image: copy an image or an image file first.",
                )
            )

    @Slot()
    def _on_open_model_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            translate("MainWindow", "Open model"),
            model_open_start(),
            file_filters.model_files(),
            options=OWN,
        )
        if path:
            self.model_file_requested.emit(path)

    @Slot()
    def _on_save_model_triggered(self) -> None:
        # what it is (dataset, layers, test accuracy), under a name no file has there yet
        clf = self._classifier
        if clf is not None:
            stem = model_file_stem(ModelFacts.of_info(clf.info))
        else:
            stem = translate("MainWindow", "model")
        title = translate("MainWindow", "Save model")
        path = ask_save_path(self, title, stem, ".npz", file_filters.model_files())
        if path:
            self.save_model_requested.emit(path)

    @Slot()
    def _on_save_drawing_triggered(self) -> None:
        title = translate("MainWindow", "Save drawing")
        stem = translate("MainWindow", "drawing")
        path = ask_save_path(self, title, stem, ".png", file_filters.png_images())
        if path:
            self.save_drawing_requested.emit(path)

    def _update_drawing_actions(self, image: np.ndarray | None = None) -> None:
        """Save and Copy drawing offered only when there is a drawing (``image``: the canvas's
        pixels, when the caller has them)."""
        drawn = bool((self.canvas.array() if image is None else image).any())
        self.act_save_drawing.setEnabled(drawn)
        self.act_copy_drawing.setEnabled(drawn)

    @Slot()
    def _on_data_folder_triggered(self) -> None:
        self.choose_data_folder(None)

    def choose_data_folder(self, dataset: str | None) -> None:
        """Ask for the data folder of registered ``dataset`` (a banner's Choose a folder…:
        ``dataset_folder_chosen``), or of the dataset the window's mode shows (File > Data
        folder…, ``dataset`` None: ``data_folder_chosen``). The Train form's Fashion-MNIST
        folder chosen in Digits was stored as MNIST's, and the two pushed each other out
        (walk55b D1)."""
        folder = QFileDialog.getExistingDirectory(
            self,
            translate(
                "MainWindow",
                "Folder with the IDX files (or with mnist/ and fashion-mnist/ sub-folders)",
            ),
            # the dataset's own folder (each keeps one, ``preferences.data_folder``)
            start_folder(preferences.data_dir(dataset or _DATASET_OF_MODE.get(self.mode()))),
            options=OWN_FOLDERS,
        )
        if folder and dataset:
            self.dataset_folder_chosen.emit(folder, dataset)
        elif folder:
            self.data_folder_chosen.emit(folder)

    # ---- Esc: back to the pen ----------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        """Esc no widget took (a text field, the canvas, a button): Fill and the eraser off,
        the pen draws again. It never clears the drawing (walk59 D5)."""
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.back_to_pen()
            event.accept()
            return
        super().keyPressEvent(event)  # type: ignore[misc]

    def back_to_pen(self) -> None:
        """Leave Fill and the eraser (their buttons and menu items follow)."""
        self.act_fill.setChecked(False)
        self.act_eraser.setChecked(False)

    @Slot()
    def _on_shortcuts_triggered(self) -> None:
        self.shortcuts_dialog().open()

    def shortcuts_dialog(self) -> ShortcutsDialog:
        """Help > Keyboard shortcuts' dialog (not shown): it scrolls within the screen."""
        return ShortcutsDialog(
            self,
            translate("MainWindow", "Keyboard shortcuts"),
            "<table cellspacing=6>" + "".join(self.shortcut_rows()) + "</table>",
        )

    def shortcut_rows(self) -> list[str]:
        """Help > Keyboard shortcuts: one table row per key of the window's actions, the
        canvas's own keys said so, and Esc."""
        rows = []
        for act in self.actions():
            keys = ", ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts()
            )
            text = act.text().replace("&", "")
            if act is self.act_clear:
                text = translate("MainWindow", "Clear the canvas (when the canvas has the focus)")
            if keys:
                rows.append(f"<tr><td><b>{keys}</b></td><td>{html.escape(text)}</td></tr>")
        esc = QKeySequence(Qt.Key.Key_Escape).toString(QKeySequence.SequenceFormat.NativeText)
        rows.append(
            f"<tr><td><b>{esc}</b></td><td>"
            + html.escape(
                translate(
                    "MainWindow", "Back to the pen (leaves Fill and the eraser; never clears)"
                )
            )
            + "</td></tr>"
        )
        return rows

    @Slot()
    def _on_about_triggered(self) -> None:
        QMessageBox.about(self, translate("MainWindow", "About nndesk"), about_text())


def about_text() -> str:
    """Help > About: what nndesk is, and which version (a teacher or a bug report asks)."""
    version = translate("MainWindow", "Version {version}").format(version=nndesk_version())
    return f"<h3>nndesk</h3><p>{html.escape(version)}</p>" + translate(
        "MainWindow",
        "<p>Draw a digit or a garment and watch a neural network written from scratch in "
        "NumPy classify it, train it live, and browse its mistakes.</p>",
    )
