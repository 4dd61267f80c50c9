"""The Evaluate page: accuracy, loss, the per-class report and the clickable confusion matrix."""

from __future__ import annotations

import dataclasses
import os
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QGuiApplication,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressBar,
    QScrollArea,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nndesk import export
from nndesk.controllers.datasets import other_dataset_found
from nndesk.curves.printed import chart_colours_now
from nndesk.evaluation import EvaluationResult, report_rows
from nndesk.i18n import QT_TRANSLATE_NOOP, fill
from nndesk.ui import file_filters, text_size, theme
from nndesk.ui.buttons import mark_menu, tipped_button
from nndesk.ui.confusion_view import ConfusionView
from nndesk.ui.data_banner import DataBanner
from nndesk.ui.flow_layout import flow_row
from nndesk.ui.folder_source_note import folder_name, source_text
from nndesk.ui.language import (
    accuracy_text,
    class_names_shown,
    counts_whole,
    decimal,
    hyphens_whole,
    integer,
    loss_text,
    translate,
    translate_marked,
)
from nndesk.ui.save_dialog import ask_chart_path, ask_save_path
from nndesk.ui.stat_cards import QWIDGETSIZE_MAX, StatCard, StatCards
from nndesk.ui.train_texts import dataset_title
from nndesk.ui.trust_view import TrustView
from nndesk.ui.whole_label import WordsWholeLabel

#: the names the exports are proposed under, ``model`` the model's title, in the window's
#: language as the Train page's curves and history files are ("…-đường-cong.png")
REPORT_FILE = QT_TRANSLATE_NOOP("EvaluationPanel", "{model}-report")
CONFUSION_FILE = QT_TRANSLATE_NOOP("EvaluationPanel", "{model}-confusion")
MISTAKES_FILE = QT_TRANSLATE_NOOP("EvaluationPanel", "{model}-mistakes")
CALIBRATION_FILE = QT_TRANSLATE_NOOP("EvaluationPanel", "{model}-calibration")
ROBUSTNESS_FILE = QT_TRANSLATE_NOOP("EvaluationPanel", "{model}-robustness")
#: the trust part's charts, saved from Export or their right-click menu (``TrustView``)
CHART_KINDS = ("trust_png", "robustness_png")

REPORT_HEADERS = (
    QT_TRANSLATE_NOOP("EvaluationPanel", "Class"),
    QT_TRANSLATE_NOOP("EvaluationPanel", "Precision"),
    QT_TRANSLATE_NOOP("EvaluationPanel", "Recall"),
    QT_TRANSLATE_NOOP("EvaluationPanel", "F1-score"),
    QT_TRANSLATE_NOOP("EvaluationPanel", "Support"),
)
#: the report's last rows, named as the lab's text table names them, shown translated
SUMMARY_ROWS = {
    "accuracy": QT_TRANSLATE_NOOP("EvaluationPanel", "accuracy"),
    "macro avg": QT_TRANSLATE_NOOP("EvaluationPanel", "macro avg"),
    "weighted avg": QT_TRANSLATE_NOOP("EvaluationPanel", "weighted avg"),
}
WIDE = 900  # px: from this page width on, report and matrix sit side by side
MATRIX_LEAST_HEIGHT = 300  # px: the confusion matrix's canvas, names included

#: how the subtitle names the split evaluated (``EvaluationResult.split``), marked here
SPLIT_NAMES = {
    "test": QT_TRANSLATE_NOOP("EvaluationPanel", "test"),
    "train": QT_TRANSLATE_NOOP("EvaluationPanel", "training"),
}


def evaluating_text() -> str:
    """What the empty matrix says while the test images are read: the bar above counts them
    (a matplotlib draw per batch would cost the window more than the count is worth)."""
    return translate(
        "EvaluationPanel", "Evaluating the test images…\nthe matrix appears when all are read"
    )


def _dataset_title(name: str | None) -> str:
    return dataset_title(name) if name else translate("EvaluationPanel", "unknown")


def _test_set_words(classifier) -> str:
    """The subtitle before a model's numbers arrive: which test set it is scored on."""
    if classifier.dataset is None:  # an image folder's model: its held-out images
        return translate(
            "EvaluationPanel", "on the held-out images of the image folder it was trained on"
        )
    return translate("EvaluationPanel", "on the {dataset} test set").format(
        dataset=_dataset_title(classifier.dataset)
    )


class EvaluationPanel(QWidget):
    """Evaluates the current model on its test split (through an ``EvaluationController``)."""

    cell_clicked = Signal(int, int)  # true class, predicted class: show those images in Mistakes
    file_saved = Signal(object)  # Path an export wrote (the window's status line says so)
    file_saving = Signal(object)  # Path an export is being written to, at once (verify67 #6)
    file_failed = Signal(object)  # Path an export could not write (a message box says why)

    def __init__(self, controller, trust=None, writes=None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        #: controllers.background.BackgroundWrites: exports are written off the GUI thread
        #: (a confusion PNG takes a few tenths of a second); None writes them here
        self._writes = writes
        #: the last chart's save dialog asked for the dark theme's colours (not dark on white)
        self._dark_asked = False
        self._exports: dict[int, str] = {}  # token -> the path asked for
        if writes is not None:
            writes.done.connect(self._on_writes_done)
            writes.failed.connect(self._on_writes_failed)
        # calibration, coverage and robustness below the report (with a TrustController)
        self.trust = None if trust is None else TrustView(trust)
        self._result: EvaluationResult | None = None
        #: the model whose report was shown last: another's opens at the top of its report
        self._shown_classifier = None

        # the title and subtitle wrap between words, never inside one (walk72 F10: "Fashion-" /
        # "MNIST" at 1024 px, Larger text, in Vietnamese)
        self.title = WordsWholeLabel(translate("EvaluationPanel", "No model yet"))
        text_size.follow_scaled_font(self.title, self, 1.25, bold=True)
        self.subtitle = WordsWholeLabel(
            translate("EvaluationPanel", "Open or train a model; its test-set results appear here.")
        )
        theme.set_tone(self.subtitle, "muted")
        # a folder model's: which folder was read, why that one, and whether it changed
        self.source_note = QLabel()
        self.source_note.setVisible(False)
        self.evaluate_button = tipped_button(
            translate("EvaluationPanel", "Evaluate again"),
            translate("EvaluationPanel", "Run the model over every test image again"),
        )
        self.evaluate_button.clicked.connect(self._on_evaluate_clicked)
        self._refocus = False  # the button had focus when an evaluation greyed it
        # the banner says the test images are missing (or damaged, or the other dataset's):
        # "Evaluate again" waits for them, greyed, its tooltip saying why (walk45 D6: enabled,
        # a click failed again at once and nothing on the page changed)
        self._needs_data = False
        self.export_button = QToolButton()
        self.export_button.setText(translate("EvaluationPanel", "Export"))
        self.export_button.setToolTip(
            translate(
                "EvaluationPanel",
                "Save the report, the confusion matrix, the mistakes list or the trust charts",
            )
        )
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.export_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(self.export_button)
        self.export_actions: dict[str, QAction] = {}
        for key, text in (
            ("report_csv", translate("EvaluationPanel", "Report as CSV…")),
            ("report_json", translate("EvaluationPanel", "Report as JSON…")),
            ("confusion_png", translate("EvaluationPanel", "Confusion matrix as PNG…")),
            ("mistakes_csv", translate("EvaluationPanel", "Mistakes list as CSV…")),
            ("trust_png", translate("EvaluationPanel", "Reliability and coverage as PNG…")),
            ("robustness_png", translate("EvaluationPanel", "Robustness charts as PNG…")),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, k=key: self._on_export_triggered(k))
            self.export_actions[key] = action
        mark_menu(self.export_button).setMenu(menu)
        self.copy_button = tipped_button(
            translate("EvaluationPanel", "Copy report"),
            translate("EvaluationPanel", "Copy the report as the text table the lab prints"),
        )
        self.copy_button.clicked.connect(self._on_copy_clicked)

        self.progress = QProgressBar()
        self.progress.setTextVisible(True)
        self.progress.setFormat(translate("EvaluationPanel", "Evaluating…"))
        self.progress.setVisible(False)
        self.message = DataBanner()  # what is missing, with Download / Choose a folder…

        self.accuracy_stat = StatCard(
            translate("EvaluationPanel", "accuracy"),
            translate("EvaluationPanel", "Share of test images classified correctly"),
        )
        self.loss_stat = StatCard(
            translate("EvaluationPanel", "loss"),
            translate("EvaluationPanel", "Mean cross-entropy −log p(true class) over the test set"),
        )
        self.mistakes_stat = StatCard(
            translate("EvaluationPanel", "mistakes"),
            translate(
                "EvaluationPanel",
                "Test images the model got wrong: click a matrix cell to see them",
            ),
        )
        self.macro_stat = StatCard(
            translate("EvaluationPanel", "macro F1"),
            translate("EvaluationPanel", "F1-score averaged over classes, each counting equally"),
        )

        self.table = QTableWidget(0, len(REPORT_HEADERS))
        self.table.setHorizontalHeaderLabels(
            [translate_marked("EvaluationPanel", h) for h in REPORT_HEADERS]
        )
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, len(REPORT_HEADERS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setToolTip(
            translate(
                "EvaluationPanel",
                "Precision: of the images predicted as this class, the share that are.\n"
                "Recall: of the images of this class, the share found.\n"
                "F1: their harmonic mean. Support: test images of this class.",
            )
        )
        self.table.setMinimumWidth(320)
        header.setMinimumSectionSize(64)

        self.confusion = ConfusionView()
        self.confusion.cell_clicked.connect(self.cell_clicked)
        # the summary rows' background is the theme's, set when filled: recoloured on a switch
        theme.notifier().changed.connect(self._on_theme_changed)

        # title and buttons, then the four numbers: rows that wrap on a narrow page, never cut
        top = QGridLayout()
        top.setVerticalSpacing(0)
        top.addWidget(self.title, 0, 0)
        buttons = flow_row(self.copy_button, self.export_button, self.evaluate_button)
        top.addWidget(buttons, 0, 1, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.subtitle, 1, 0, 1, 2)
        top.addWidget(self.source_note, 2, 0, 1, 2)
        top.setColumnStretch(0, 1)
        self.source_note.setWordWrap(True)  # a folder's path may be wider than the page
        self.source_note.setMinimumWidth(1)
        # the four numbers share one row in equal parts, whatever the language
        # one row, or two by two where a row would cut a caption's term (walk72 F10)
        self.stats = StatCards(
            (self.accuracy_stat, self.loss_stat, self.mistakes_stat, self.macro_stat)
        )
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(QLabel(translate("EvaluationPanel", "<b>Per-class report</b>")))
        left_layout.addWidget(self.table)
        self.legend = QLabel(
            translate(
                "EvaluationPanel",
                "<b>Precision</b>: of the images the model called this class, the share that are."
                "<br><b>Recall</b>: of the images of this class, the share the model found."
                "<br><b>F1-score</b>: the harmonic mean of the two. <b>Support</b>: test images of"
                " the class.<br><b>macro avg</b> treats every class equally; <b>weighted avg</b>"
                " weights each by its support.",
            )
        )
        self.legend.setWordWrap(True)
        theme.set_tone(self.legend, "muted")
        left_layout.addWidget(self.legend)
        left_layout.addStretch(1)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        matrix_title = QLabel(
            translate(
                "EvaluationPanel",
                "<b>Confusion matrix</b> — rows: true class, columns: predicted class",
            )
        )
        matrix_title.setWordWrap(True)  # a narrow page wraps it rather than widening the page
        right_layout.addWidget(matrix_title)
        right_layout.addWidget(self.confusion, 1)
        self._report_side, self._matrix_side = left, right
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setChildrenCollapsible(False)
        self._wide: bool | None = None
        self._arrange(wide=True)
        # narrow (the usual tab beside the drawing panel): matrix above the table, page scrolls
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # no Tab stop of its own: it took the Tab after "Evaluate again", showed no focus, and
        # its arrows scrolled the page where the matrix's were expected (walk66 #7). Page Up /
        # Down still scroll it from any control inside (they come up to it unused)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        if self.trust is None:
            self.scroll.setWidget(self.splitter)
        else:
            body = QWidget()
            body_layout = QVBoxLayout(body)
            body_layout.setContentsMargins(0, 0, 0, 0)
            body_layout.addWidget(self.splitter)
            body_layout.addWidget(self.trust)
            self.scroll.setWidget(body)
            self.trust.part_revealed.connect(self._on_trust_part_revealed)
            # a chart's right-click "Save chart as PNG…" saves as Export does (walk66 #5c)
            self.trust.save_asked.connect(self._on_export_triggered)
            self.trust.summary_drawn.connect(self._update_actions)
            self.trust.robustness_drawn.connect(self._update_actions)
        # the report's height is fitted to the viewport's width, which the scroll bar narrows
        # when it appears after a fit: the legend then took a line more and ran over the table
        self.scroll.viewport().installEventFilter(self)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addWidget(self.message)
        layout.addWidget(self.stats)
        layout.addWidget(self.scroll, 1)

        controller.started.connect(self._on_controller_started)
        controller.progressed.connect(self._on_controller_progressed)
        controller.finished.connect(self._on_controller_finished)
        controller.failed.connect(self._on_controller_failed)
        self._update_actions()
        if controller.result() is not None:
            self.show_result(controller.result())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._arrange(wide=self.width() >= WIDE)
        self._fit_matrix_to_view()
        self._fit_report()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Resize and watched is self.scroll.viewport():
            self._fit_matrix_to_view()
            self._fit_report()
        return super().eventFilter(watched, event)

    @Slot(object)
    def _on_trust_part_revealed(self, part: QWidget) -> None:
        """Scroll the page so ``part`` (just shown: the robustness curves, or the progress of
        their measuring) is in view. It was hidden, so its place and the page's height are not
        known until the layouts it asked for have run: they run first (scrolled before, the
        page stopped at its old end, the curves' titles at the fold)."""
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        margin = 12
        if part.height() + 2 * margin > self.scroll.viewport().height():
            # taller than the view (the curves with their damaged images): its top in view,
            # never its bottom with the titles above the fold
            top = part.mapTo(self.scroll.widget(), part.rect().topLeft()).y()
            self.scroll.verticalScrollBar().setValue(top - margin)
            return
        self.scroll.ensureWidgetVisible(part, 0, margin)

    def _fit_report(self) -> None:
        """Narrow page: the report side gets the height its wrapped legend needs, so the legend
        never draws over the table (a splitter only knows its children's minimum heights)."""
        side = self._report_side
        if self._wide:
            side.setMinimumHeight(0)
            side.setMaximumHeight(QWIDGETSIZE_MAX)
        else:
            # exactly that height: more would open an empty gap above the trust part, since
            # the splitter keeps the sizes it had side by side
            width = self.scroll.viewport().width()
            height = side.layout().totalHeightForWidth(width)
            side.setFixedHeight(height)
            # and the splitter's slot too: it keeps the share it had before, whatever the
            # widget's new maximum, and would show the rest as a gap
            rest = self.splitter.height() - self.splitter.handleWidth() - height
            self.splitter.setSizes(
                [max(rest, self._matrix_side.minimumSizeHint().height()), height]
            )

    def _fit_matrix_to_view(self) -> None:
        """Narrow page: the matrix with its slanted class names and its hint exactly as tall as
        the visible part of the page, so both sets of names are whole without scrolling; never
        under 300 px. A minimum alone was not enough: the splitter gave the matrix the rest of
        its own height, and at 1024x700 the canvas was 512 px in a 486 px view, the column
        names under the fold (a newcomer's walk)."""
        if self._wide:
            return
        title = self._matrix_side.layout().itemAt(0).widget()
        spacing = self._matrix_side.layout().spacing()
        viewport_width = self.scroll.viewport().width()
        title_height = title.heightForWidth(viewport_width)  # wrapped
        room = self.scroll.viewport().height() - max(title_height, 0) - spacing
        # at the view's own width (the side's margins narrow it): the hint's lines there
        least = self.confusion.least_height(self.confusion.width() or viewport_width)
        height = max(MATRIX_LEAST_HEIGHT, room, least)
        self.confusion.setFixedHeight(height)
        # and its side no taller: the splitter's spare height went above the title
        self._matrix_side.setMaximumHeight(max(title_height, 0) + spacing + height)

    def _arrange(self, wide: bool) -> None:
        """Side by side when wide; matrix above report when narrow (the page then scrolls)."""
        if wide == self._wide:
            return
        self._wide = wide
        if wide:
            self.splitter.setOrientation(Qt.Orientation.Horizontal)
            self.splitter.insertWidget(0, self._report_side)
            self.splitter.setStretchFactor(0, 2)
            self.splitter.setStretchFactor(1, 3)
            self.confusion.setMinimumHeight(MATRIX_LEAST_HEIGHT)
            self.confusion.setMaximumHeight(QWIDGETSIZE_MAX)
            self._matrix_side.setMaximumHeight(QWIDGETSIZE_MAX)
            self.splitter.setSizes([420, 640])
        else:
            self.splitter.setOrientation(Qt.Orientation.Vertical)
            self.splitter.insertWidget(0, self._matrix_side)
            self.confusion.setMinimumHeight(480)  # until the viewport's size is known
            self.splitter.setStretchFactor(0, 1)
            self.splitter.setStretchFactor(1, 0)

    # ---- model in, result out ----------------------------------------------------------------

    @Slot(object)
    def set_classifier(self, classifier) -> None:
        """A new current model (e.g. after a training run): re-evaluate it (now if visible)."""
        another = classifier is not self._controller.classifier()
        if another:
            # the banner spoke of the previous model's dataset (the other mode's, say): this
            # model's evaluation, or its reused result, says what holds for it
            self.message.clear()
        self._controller.set_classifier(classifier)
        if another:
            self._set_needs_data(False)  # said again if this model's data is missing too
        if classifier is None:
            self._clear()
            return
        self._drop_other_models_numbers(classifier)
        self.title.setText(hyphens_whole(classifier.title))
        self.subtitle.setText(
            hyphens_whole(_test_set_words(classifier))
            + (
                ""
                if self.isVisible()
                else translate("EvaluationPanel", " — evaluated when you open this page")
            )
        )
        if self.isVisible():
            self._controller.ensure_current()

    def result(self) -> EvaluationResult | None:
        return self._result

    def _clear(self) -> None:
        """No model: empty numbers, table and matrix."""
        self.title.setText(translate("EvaluationPanel", "No model yet"))
        self.subtitle.setText(
            translate("EvaluationPanel", "Open or train a model; its test-set results appear here.")
        )
        self._blank()

    def _drop_other_models_numbers(self, classifier) -> None:
        """Numbers of another model go at once (greyed under the new model's name, they were
        read as the new model's): the page stays empty until ``classifier``'s arrive."""
        if self._result is not None and self._result.classifier is not classifier:
            self._blank()
            self.confusion.reset_hint()  # its counts were the previous model's

    def _blank(self) -> None:
        """Empty numbers, table, matrix and trust section."""
        self._result = None
        self._show_source(None)
        for stat in (self.accuracy_stat, self.loss_stat, self.mistakes_stat, self.macro_stat):
            stat.set_value("–")
        self.table.setRowCount(0)
        self.confusion.set_matrix(None)
        if self.trust is not None:
            self.trust.set_result(None)
        self._set_stale(False)
        self._update_actions()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self._controller.ensure_current()

    @Slot()
    def _on_evaluate_clicked(self) -> None:
        self._controller.evaluate()

    @Slot(object)
    def _on_controller_started(self, classifier) -> None:
        self.message.setVisible(False)
        self.progress.setRange(0, 0)  # busy until the first batch reports the total
        self.progress.setFormat(translate("EvaluationPanel", "Evaluating…"))
        self.progress.setVisible(True)
        bar = self.scroll.verticalScrollBar()
        kept = bar.value()
        # greyed while it had focus, the button would hand focus on to a control further down
        # and the scroll area would scroll there: the focus waits instead, and comes back
        self._refocus = self.evaluate_button.hasFocus()
        if self._refocus:
            self.evaluate_button.clearFocus()
        self.evaluate_button.setEnabled(False)
        self._drop_other_models_numbers(classifier)
        if self._result is None:  # it said "No evaluation yet" under "Evaluating…" (walk49)
            self.confusion.set_matrix(None, empty_text=evaluating_text())
        self._set_stale(self._result is not None)  # "Evaluate again": the same model's, greyed
        if classifier is not self._shown_classifier:
            kept = 0  # another model's report opens at its top (walk66 #12)
        bar.setValue(kept)  # the same model's report stays where the person was reading it
        self.title.setText(hyphens_whole(classifier.title))
        self.subtitle.setText(hyphens_whole(_test_set_words(classifier)))

    @Slot(int, int)
    def _on_controller_progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        # the counts grouped as everywhere else in the window ("2.500 / 10.000 ảnh kiểm tra"):
        # the bar's own %v / %m are Qt's bare digits
        self.progress.setFormat(
            fill(
                translate("EvaluationPanel", "Evaluating… {done:,} / {total:,} test images"),
                done=done,
                total=total,
            )
        )

    def _set_stale(self, stale: bool) -> None:
        """Grey out the numbers while the same model is evaluated again."""
        for widget in (self.scroll, self.accuracy_stat, self.loss_stat, self.mistakes_stat):
            widget.setEnabled(not stale)
        self.macro_stat.setEnabled(not stale)

    @Slot(str, object)
    def _on_controller_failed(self, message: str, offer=None) -> None:
        """``offer``: the DataOffer the failed worker found (the banner's Download), or None."""
        self.progress.setVisible(False)
        if self._result is None:  # no longer "Evaluating…": the banner says why
            self.confusion.set_matrix(None)
        self._set_stale(False)  # what is shown is still this model's last evaluation
        self._enable_evaluate_button()
        clf = self._controller.classifier()
        stale = ""
        if self._result is not None:  # the numbers below stay, and must not pass as fresh ones
            stale = translate(
                "EvaluationPanel", "The report below is from the last evaluation that worked."
            )
        dataset = getattr(clf, "dataset", None)
        offered = offer.name if offer is not None else None
        details = offer.details if offer is not None else ""
        other = other_dataset_found(dataset)
        self.message.show_problem(message, offered, other, details, after=stale)
        # the banner offers the data (Download, Choose a folder…, Switch to …); once it is
        # here the model is evaluated at once (data_changed): until then a click cannot help
        self._set_needs_data(offer is not None or other is not None)

    @Slot()
    def data_changed(self) -> None:
        """The datasets on this computer changed: a missing-data banner retries at once."""
        self._set_needs_data(False)
        if not self.message.isHidden() and self._controller.classifier() is not None:
            self.message.clear()
            self._controller.evaluate()

    @Slot(object)
    def _on_controller_finished(self, result: EvaluationResult) -> None:
        self.progress.setVisible(False)
        self._enable_evaluate_button()
        self.show_result(result)

    def _enable_evaluate_button(self) -> None:
        self.evaluate_button.setEnabled(not self._needs_data)
        if self._refocus and not self._needs_data:  # a keyboard user's Enter evaluates again
            self._refocus = False
            self.evaluate_button.setFocus()

    def _set_needs_data(self, needs: bool) -> None:
        """Whether "Evaluate again" waits for the test images the banner offers: greyed,
        its tooltip saying why."""
        self._needs_data = needs
        self.evaluate_button.setToolTip(
            translate(
                "EvaluationPanel",
                "Needs the test images: get them with the offer above (Download, Choose a "
                "folder…); the model is then evaluated at once",
            )
            if needs
            else translate("EvaluationPanel", "Run the model over every test image again")
        )
        if needs:
            self.evaluate_button.setEnabled(False)
        elif not self._controller.busy:
            self.evaluate_button.setEnabled(self._controller.classifier() is not None)

    def needs_data(self) -> bool:
        """True while "Evaluate again" waits for the test images (greyed, saying why)."""
        return self._needs_data

    def show_result(self, result: EvaluationResult) -> None:
        """Fill the numbers, table and matrix from ``result``."""
        self._result = result
        self._set_stale(False)
        clf = result.classifier
        if clf is not None:
            self.title.setText(hyphens_whole(getattr(clf, "title", "model")))
        dataset = _dataset_title(getattr(clf, "dataset", None)) if clf is not None else "the"
        source = result.image_folder
        if source is not None:  # an image folder's held-out images
            words = translate("EvaluationPanel", "on {n} held-out images of the folder {folder}")
            words = words.format(n=integer(result.n), folder=folder_name(source))
        else:
            words = translate("EvaluationPanel", "on the {dataset} {split} set: {n} images")
            words = words.format(
                dataset=dataset,
                split=translate_marked(
                    "EvaluationPanel", SPLIT_NAMES.get(result.split, result.split)
                ),
                n=integer(result.n),
            )
        self.subtitle.setText(hyphens_whole(counts_whole(words)))
        self._show_source(source)
        self.accuracy_stat.set_value(accuracy_text(result.accuracy))
        self.loss_stat.set_value(loss_text(result.loss))
        self.mistakes_stat.set_value(integer(result.n_mistakes))
        self.macro_stat.set_value(decimal(result.report.macro.f1, 3))
        self._fill_table(result)
        self.confusion.set_matrix(result.confusion, class_names_shown(result.class_names))
        if self.trust is not None:
            self.trust.set_result(result)
        self._update_actions()
        if clf is not self._shown_classifier:
            # another model's report opens at its top, not at the last one's scroll position
            # (walk66 #12: the new evaluation showed the blank place of the charts being drawn)
            self._shown_classifier = clf
            self.scroll.verticalScrollBar().setValue(0)

    def _show_source(self, source) -> None:
        """The note under the subtitle: a folder model's folder, why that one, and a warning
        tone when the folder changed since training; hidden for a registered dataset."""
        self.source_note.setVisible(source is not None)
        if source is None:
            self.source_note.clear()
            return
        self.source_note.setText(source_text(source))
        # red when the folder changed for certain; an older file that cannot tell: muted
        theme.set_tone(self.source_note, "error" if source.same_images is False else "muted")

    def _fill_table(self, result: EvaluationResult) -> None:
        rows = report_rows(result.report)
        k = result.n_classes
        per_class, averages = rows[:k], rows[k:]
        all_rows = [*per_class, ("accuracy", None, None, result.accuracy, result.n), *averages]
        self.table.setRowCount(len(all_rows))
        bold = QFont(self.table.font())
        bold.setBold(True)
        summary_bg = QColor(theme.colours().summary_row)
        for r, (name, precision, recall, f1, support) in enumerate(all_rows):
            values = [name, precision, recall, f1, support]
            for c, value in enumerate(values):
                if value is None:
                    text, tip = "", ""
                elif c == 0 and r >= k:  # accuracy, macro avg, weighted avg
                    text, tip = translate_marked("EvaluationPanel", SUMMARY_ROWS[value]), ""
                elif c == 0:
                    text, tip = class_names_shown([str(value)])[0], ""
                elif c == 4:
                    text, tip = integer(int(value)), ""
                else:
                    text, tip = decimal(float(value), 2), decimal(float(value), 4)
                item = QTableWidgetItem(text)
                if tip:
                    item.setToolTip(tip)
                align = Qt.AlignmentFlag.AlignVCenter
                align |= Qt.AlignmentFlag.AlignLeft if c == 0 else Qt.AlignmentFlag.AlignRight
                item.setTextAlignment(align)
                if r >= k:
                    item.setFont(bold)
                    item.setBackground(summary_bg)
                self.table.setItem(r, c, item)
        self.table.resizeRowsToContents()
        # show every row without a scroll bar: the table is at most 13 rows for 10 classes
        height = self.table.horizontalHeader().height() + 2 * self.table.frameWidth()
        height += sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(min(height, 640))
        self._fit_report()

    def _on_theme_changed(self, colours) -> None:
        if self._result is None:
            return
        summary_bg = QColor(colours.summary_row)
        for r in range(self._result.n_classes, self.table.rowCount()):
            for c in range(self.table.columnCount()):
                item = self.table.item(r, c)
                if item is not None:
                    item.setBackground(summary_bg)

    def report_cell(self, row: int, column: int) -> str:
        """The text shown in the report table (tests and screenshots)."""
        item = self.table.item(row, column)
        return item.text() if item is not None else ""

    # ---- clicks ------------------------------------------------------------------------------

    @Slot()
    def _on_copy_clicked(self) -> None:
        if self._result is not None:
            from nndesk.ui.report_copy import report_text

            # in the window's language, as the page shows it (walk59 D14)
            QGuiApplication.clipboard().setText(report_text(self._result.report))

    # ---- export ------------------------------------------------------------------------------

    def _update_actions(self) -> None:
        has = self._result is not None
        for key, action in self.export_actions.items():
            if key in CHART_KINDS:  # shown once drawn (robustness: once measured)
                action.setEnabled(has and self.trust is not None and self.trust.can_save(key))
                action.setVisible(self.trust is not None)
            else:
                action.setEnabled(has)
        self.export_button.setEnabled(has)
        self.copy_button.setEnabled(has)
        self.evaluate_button.setEnabled(
            self._controller.classifier() is not None and not self._needs_data
        )

    def _ask_path(self, title: str, default_name: str, file_filter: str) -> str:
        """The window's save dialog on ``default_name`` (tests replace this method to choose a
        path without a dialog)."""
        stem, suffix = os.path.splitext(default_name)
        if suffix == ".png":  # a chart: dark on white, or the dark theme's colours if asked
            path, self._dark_asked = ask_chart_path(self, title, stem, file_filter)
            return path
        return ask_save_path(self, title, stem, suffix, file_filter)

    def export(self, kind: str, path: str | Path, dark: bool = False) -> Path:
        """Write ``kind`` ("report_csv" | "report_json" | "confusion_png" | "mistakes_csv" |
        "trust_png" | "robustness_png"); a chart dark on white, or in the dark theme's chart
        colours when ``dark``."""
        result = self._result
        if result is None:
            raise RuntimeError("nothing evaluated yet")
        return self._writer(kind, dark)(path, result)

    def _writer(self, kind: str, dark: bool = False):
        """The ``export`` function writing ``kind``: ``(path, result) -> Path``; the JSON
        report carries the trust figures as shown now (the threshold, robustness if measured).
        A chart is saved dark on white whatever the window's theme (fixI #3: the dark theme's
        PNG went into a light report), in the dark theme's colours when ``dark``."""
        colours = theme.chart_rc(theme.DARK) if dark else None
        if kind in CHART_KINDS:  # the chart as shown now, drawn for a slide when written
            figure = None if self.trust is None else self.trust.chart_figure(kind)
            if figure is None:
                raise RuntimeError(f"no {kind} chart shown")

            def save(path, _result):
                drawn_in = chart_colours_now()  # as the figure is made, on the writer thread
                return export.save_chart(path, figure(), drawn_in, colours)

            return save
        threshold, robustness = None, None
        if self.trust is not None:
            threshold = self.trust.threshold.value() / 100
            shown = self.trust.robustness_shown()
            if shown is not None and shown[0] is self._result:
                robustness = dict(shown[1])
        return {
            "report_csv": export.write_report_csv,
            "report_json": lambda path, result: export.write_report_json(
                path, result, threshold, robustness
            ),
            "confusion_png": lambda path, result: export.save_confusion_png(
                path,  # the picture names the classes as the window does (Vietnamese too)
                dataclasses.replace(result, class_names=class_names_shown(result.class_names)),
                colours,
            ),
            "mistakes_csv": export.write_mistakes_csv,
        }[kind]

    @Slot(str)
    def _on_export_triggered(self, kind: str) -> None:
        if self._result is None:
            return
        if kind in CHART_KINDS and (self.trust is None or not self.trust.can_save(kind)):
            return  # (a menu opened before the chart went)
        model = getattr(self._result.classifier, "title", "model")
        report, confusion, mistakes, calibration, robustness = (
            translate_marked("EvaluationPanel", name).format(model=model)
            for name in (
                REPORT_FILE,
                CONFUSION_FILE,
                MISTAKES_FILE,
                CALIBRATION_FILE,
                ROBUSTNESS_FILE,
            )
        )
        names = {
            "report_csv": (f"{report}.csv", file_filters.csv_files()),
            "report_json": (f"{report}.json", file_filters.json_files()),
            "confusion_png": (f"{confusion}.png", file_filters.png_images()),
            "mistakes_csv": (f"{mistakes}.csv", file_filters.csv_files()),
            "trust_png": (f"{calibration}.png", file_filters.png_images()),
            "robustness_png": (f"{robustness}.png", file_filters.png_images()),
        }
        default, file_filter = names[kind]
        self._dark_asked = False
        path = self._ask_path(translate("EvaluationPanel", "Export"), default, file_filter)
        if not path:
            return
        dark, self._dark_asked = self._dark_asked, False
        self.file_saving.emit(Path(path))  # a chart drawn for a slide takes seconds under load
        if self._writes is not None:  # the result is never changed, only replaced: no copy
            result = self._result
            writer = self._writer(kind, dark)
            self._exports[self._writes.submit(lambda: writer(path, result))] = path
            self.subtitle.setToolTip(
                translate("EvaluationPanel", "Writing {path}…").format(path=path)
            )
            return
        try:
            written = self.export(kind, path, dark)
        except OSError as err:
            self._export_failed(path, err)
            return
        self._exported(written)

    def _exported(self, written) -> None:
        self.message.setVisible(False)
        self.subtitle.setToolTip(
            translate("EvaluationPanel", "Last export: {written}").format(written=written)
        )
        self.file_saved.emit(Path(written))  # a tooltip alone said nothing (walk62 D15)

    def _export_failed(self, path: str, err: BaseException) -> None:
        self.file_failed.emit(Path(path))  # "Saving …" is over
        QMessageBox.warning(
            self,
            translate("EvaluationPanel", "Export failed"),
            translate("EvaluationPanel", "Could not write {path}: {strerror}").format(
                path=path, strerror=getattr(err, "strerror", None) or err
            ),
        )

    @Slot(int, object)
    def _on_writes_done(self, token: int, written) -> None:
        if self._exports.pop(token, None) is not None:
            self._exported(written)

    @Slot(int, object)
    def _on_writes_failed(self, token: int, err) -> None:
        path = self._exports.pop(token, None)
        if path is not None:
            self._export_failed(path, err)
