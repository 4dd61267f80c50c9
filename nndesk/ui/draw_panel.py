"""DrawPanel: the window's left column: the canvas and its tools, the test-image rows, the 28x28
preview and the answer.

Widgets and layout only: MainWindow connects their signals to its own and answers the calls
nndesk.app's Coordinator makes (``show_prediction``, ``set_mode``, ...).
"""

from __future__ import annotations

from itertools import pairwise

from PySide6.QtCore import QSize, Qt, Signal, Slot
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.preprocess import CANVAS_SIZE
from nndesk.ui import text_size
from nndesk.ui.bounded_spin import BoundedSpinBox, RefusalLine
from nndesk.ui.buttons import NarrowButton, tipped_button
from nndesk.ui.canvas import DrawingCanvas
from nndesk.ui.input_preview import InputPreview
from nndesk.ui.language import translate, translate_marked
from nndesk.ui.prediction_view import PredictionPanel

NO_MODEL = QT_TRANSLATE_NOOP(
    "MainWindow", "No model loaded — File > Open model or train one on the Train page"
)
LAB_TEST_IMAGES = (50, 100, 1001, 4123)  # the labs ask about these test images
CANVAS_MAX = 2 * CANVAS_SIZE  # px on screen: a larger sheet only blurs the 280x280 drawing more
PREVIEW_ROOM = 28 * 7 + 1  # px the canvas leaves beside it for the preview at its largest
#: px: the preview at its smallest (2 px a pixel), reached only in a column too short for 3 px
#: (a 1024x700 screen at 125 %: the window's least height must fit its 560 logical px)
PREVIEW_LEAST = 28 * 2 + 1
#: px: the canvas at its smallest, in a window too small for CANVAS_SIZE beside pages that fit
#: (a 1024x700 screen at 125 % is 819x560 logical: with a 280 px canvas the window's least
#: size was 814x587 and every page scrolled sideways, walk66 #1). 224 logical px there are the
#: 280 physical px the canvas has on the same screen at 100 %. Scaled with View > Text size
#: (``canvas_least``): at Larger the rows and notes under it need the 280 px they had.
CANVAS_LEAST = 224


def canvas_least() -> int:
    """The canvas's least side at the window's text size: CANVAS_LEAST at Normal text, times
    the text's factor (as much of it as the screen lets the font grow), never more than
    CANVAS_SIZE (at Larger the note under a dot kept to its three lines only at 280 px)."""
    return min(CANVAS_SIZE, round(CANVAS_LEAST * text_size.step_factor()))


#: lines the status note under the canvas is held at: a message never resizes the sheet
NOTE_LINES = 3
#: ... while the data folder's warning (up to 3 lines at vi Larger) stands in a mode whose
#: answers a tops hint (3) may join it: both are shown whole (fixI #4: the hint was a tooltip)
WARNING_AND_HINT_LINES = 6
#: ... where the column has no room for them: the warning's first line (whole in the line's
#: tooltip) and the hint's 3 (English, Larger text, 1024x680: the hint was only a tooltip, its
#: 3 lines under the warning's would leave the canvas 205 px, fixV s70 #2)
WARNING_LINE_AND_HINT_LINES = 4


class DrawPanel(QWidget):
    """The drawing column: hint, "no model" banner, canvas, pen and tools, test-image rows
    (left); the 28x28 preview, its saliency overlay box and the answer (right)."""

    lab_image_requested = Signal(int)  # a Lab: button was clicked: this test image's index

    def __init__(self, parent: QWidget | None = None) -> None:
        #: lines the status note asks to be held at (``fit_canvas``): 3, or
        #: ``WARNING_AND_HINT_LINES`` while a data folder's warning stands where a tops hint
        #: may join it; ``note_lines_held``: the lines it got (3 where the column has no room)
        self.note_lines = self.note_lines_held = NOTE_LINES
        super().__init__(parent)
        self.hint_label = QLabel()
        self.hint_label.setWordWrap(True)  # "Draw a T-shirt, ..." must not widen the column
        self.hint_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._size_hint_to_font()
        text_size.notifier().changed.connect(self._size_hint_to_font)  # ends with this panel
        self.banner = QLabel(translate_marked("MainWindow", NO_MODEL))
        self.banner.setWordWrap(True)
        self.banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.banner.setMargin(6)
        self.banner.setBackgroundRole(self.palette().ColorRole.ToolTipBase)
        self.banner.setForegroundRole(self.palette().ColorRole.ToolTipText)
        self.banner.setAutoFillBackground(True)
        self.banner.setToolTip(translate("MainWindow", "Load a model to get predictions"))

        self.canvas = DrawingCanvas()
        self.canvas.setToolTip(
            translate(
                "MainWindow",
                "Draw with the mouse, a pen or a finger. Drop an image file here, or paste one "
                "with Ctrl+V. Del clears, Ctrl+Z undoes, Esc goes back to the pen.",
            )
        )
        self.pen_slider = QSlider(Qt.Orientation.Horizontal)
        self.pen_slider.setRange(4, 60)
        self.pen_slider.setToolTip(
            translate(
                "MainWindow",
                "Pen size in canvas pixels; the eraser's own while it is on ([ and ] change it)",
            )
        )
        self.pen_value = QLabel()
        self.pen_value.setMinimumWidth(24)
        self._build_tool_buttons()
        self._build_test_rows()

        self.preview = InputPreview(cell=7)
        self.preview_title = QLabel(translate("MainWindow", "<b>What the network sees</b> (28×28)"))
        self.preview_title.setWordWrap(True)
        self.overlay_check = QCheckBox(translate("MainWindow", "Saliency overlay"))
        self.overlay_check.setToolTip(
            translate(
                "MainWindow",
                "Colour the pixels by how much they pushed the answer: red for, blue against (S)",
            )
        )
        # "Raw probabilities" and "Not sure below" go under the canvas's rows, beside the bars:
        # under the bars they made the answer column, the taller, 62 px taller (the window's
        # least height was 717 px at a desktop's 11 pt, more than a 1024x768 laptop shows)
        self.prediction_panel = PredictionPanel(options_inside=False)
        # under the "Not sure below" row; Test #'s under its own
        self.not_sure_refusal = RefusalLine(self.prediction_panel.not_sure_spin)
        self.status_note = QLabel()  # loading messages for test images
        self.status_note.setWordWrap(True)
        # a long message (a missing file's path) wraps; it never widens the drawing column
        self.status_note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._lay_out()

    @Slot()
    def _size_hint_to_font(self) -> None:
        """The hint's type (the window's font 1.25 times as large, bold) and its two lines'
        height, from the window's font: when built and at each View > Text size step."""
        hint_font = QFont(self.font())
        hint_font.setPointSizeF(hint_font.pointSizeF() * 1.25)
        hint_font.setBold(True)
        self.hint_label.setFont(hint_font)
        # two lines in every mode, so the canvas stays put when Clothing's hint wraps
        self.hint_label.setMinimumHeight(2 * QFontMetrics(hint_font).lineSpacing())

    def _tool(self, text: str, icon: QStyle.StandardPixmap | None, tip: str) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        if icon is not None:
            button.setIcon(self.style().standardIcon(icon))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setToolTip(tip)
        button.setAutoRaise(False)
        return button

    def _build_tool_buttons(self) -> None:
        self.eraser_button = self._tool(
            translate("MainWindow", "Eraser"),
            None,
            translate("MainWindow", "Erase instead of drawing (E)"),
        )
        self.eraser_button.setCheckable(True)
        self.fill_button = self._tool(
            translate("MainWindow", "Fill"),
            None,
            translate(
                "MainWindow",
                "Fill: click inside an outline to fill it; it stays on until F or Esc; undo "
                "with Ctrl+Z (F)",
            ),
        )
        self.fill_button.setCheckable(True)
        self.show_fill_armed(False)
        self.undo_button = self._tool(
            translate("MainWindow", "Undo"),
            QStyle.StandardPixmap.SP_ArrowBack,
            translate("MainWindow", "Undo (Ctrl+Z)"),
        )
        self.redo_button = self._tool(
            translate("MainWindow", "Redo"),
            QStyle.StandardPixmap.SP_ArrowForward,
            translate("MainWindow", "Redo (Ctrl+Shift+Z)"),
        )
        self.clear_button = self._tool(
            translate("MainWindow", "Clear"),
            QStyle.StandardPixmap.SP_DialogResetButton,
            translate("MainWindow", "Clear the canvas (Del on the canvas)"),
        )

    def show_fill_armed(self, on: bool) -> None:
        """The Fill button's words say whether the next click fills ("✓ Fill"), beside its
        checked look (walk49 D16: a newcomer could not tell). Its width is the armed text's
        either way, so the pen slider beside it does not move."""
        armed, plain = translate("MainWindow", "✓ Fill"), translate("MainWindow", "Fill")
        self.fill_button.setText(armed)
        self.fill_button.setMinimumWidth(self.fill_button.sizeHint().width())
        self.fill_button.setText(armed if on else plain)

    def _build_test_rows(self) -> None:
        self.test_index = BoundedSpinBox()  # "12345" typed showed image 1234 (walk60 D7o)
        self.test_index.setRange(0, 9999)
        self.test_index.setValue(50)
        self.test_index.setToolTip(
            # the test set's own index, as the CLI's test_index and Python's test[i] count
            translate(
                "MainWindow",
                "Index of an image of the test set, counted from 0 as nndesk and Python count "
                "(0-9999)",
            )
        )
        self.test_index.setAccelerated(True)
        # under the Test # row, its room kept: the Lab buttons never move under the pointer
        self.test_refusal = RefusalLine(self.test_index, keep_room=True)
        # the rows under the canvas narrow with it (a 1024x700 screen at 125 %: CANVAS_LEAST)
        self.show_test_button = tipped_button(
            translate("MainWindow", "Show"),
            translate(
                "MainWindow", "Put this test image on the canvas, with its true label (Ctrl+T)"
            ),
            narrow=True,
        )
        self.random_test_button = tipped_button(
            translate("MainWindow", "Random"),
            translate("MainWindow", "Put a random test image on the canvas (Ctrl+R)"),
            narrow=True,
        )
        self.lab_buttons: list[QPushButton] = []
        for index in LAB_TEST_IMAGES:
            button = NarrowButton(str(index))
            button.setMaximumWidth(52)
            button.clicked.connect(lambda _=False, i=index: self.lab_image_requested.emit(i))
            self.lab_buttons.append(button)
        for button in (self.show_test_button, self.random_test_button, *self.lab_buttons):
            button.may_narrow = lambda: canvas_least() < CANVAS_SIZE  # (a narrowing canvas)

    def _lay_out(self) -> None:
        tools = QHBoxLayout()
        tools.setSpacing(4)
        # "Pen", or "Eraser" while the eraser is on: the slider sizes the tool in use
        self.size_label = QLabel(translate("MainWindow", "Pen"))
        tools.addWidget(self.size_label)
        tools.addWidget(self.pen_slider, 1)
        tools.addWidget(self.pen_value)
        tools.addWidget(self.eraser_button)
        tools.addWidget(self.fill_button)
        tools2 = QHBoxLayout()
        tools2.setSpacing(4)
        tools2.addWidget(self.undo_button)
        tools2.addWidget(self.redo_button)
        tools2.addWidget(self.clear_button)
        tools2.addStretch(1)
        test_row = QHBoxLayout()
        test_row.setSpacing(4)
        test_row.addWidget(QLabel(translate("MainWindow", "Test #")))
        test_row.addWidget(self.test_index)
        test_row.addWidget(self.show_test_button)
        test_row.addWidget(self.random_test_button)
        test_row.addStretch(1)
        lab_row = QHBoxLayout()
        lab_row.setSpacing(4)
        lab_label = QLabel(translate("MainWindow", "Lab:"))
        lab_label.setToolTip(translate("MainWindow", "Test images the lab asks about"))
        lab_row.addWidget(lab_label)
        for button in self.lab_buttons:
            lab_row.addWidget(button)
        lab_row.addStretch(1)

        left = self._left = QVBoxLayout()
        left.addWidget(self.hint_label)
        left.addWidget(self.canvas, 0, Qt.AlignmentFlag.AlignLeft)
        left.addLayout(tools)
        left.addLayout(tools2)
        left.addLayout(test_row)
        left.addWidget(self.test_refusal)
        left.addLayout(lab_row)
        left.addWidget(self.prediction_panel.options)
        left.addWidget(self.not_sure_refusal)
        left.addWidget(self.status_note)
        left.addStretch(1)

        right = self._right = QVBoxLayout()
        right.addWidget(self.preview_title)
        right.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignLeft)
        right.addWidget(self.overlay_check)  # or with the answer's options: _place_overlay_box
        right.addSpacing(6)
        right.addWidget(self.prediction_panel)
        right.addStretch(1)

        grid = QGridLayout(self)
        grid.addWidget(self.banner, 0, 0, 1, 2)
        grid.addLayout(left, 1, 0)
        grid.addLayout(right, 1, 1)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)

        self._place_overlay_box()
        text_size.notifier().changed.connect(self._place_overlay_box)  # ends with this panel

    @Slot()
    def _place_overlay_box(self) -> None:
        """The overlay's box under the preview, or at Larger text with the answer's other
        options under the canvas's rows, where that column has height to spare: under the
        preview it took a row of the answer's column, and at Larger the preview shrank from 5
        px a pixel to 4 (141 -> 113 px) at 1024x700, bigger text for a smaller picture (walk64
        D14). At Normal it stays by the preview it colours: under the canvas its row made the
        window 6 px taller than a 1024x668 screen in Vietnamese."""
        options = self.prediction_panel.options.layout()
        larger = text_size.step_factor() > 1  # not where the screen keeps Larger at Normal's
        if larger == (options.indexOf(self.overlay_check) >= 0):
            return
        if larger:
            self._right.removeWidget(self.overlay_check)
            options.addWidget(self.overlay_check)
        else:
            options.removeWidget(self.overlay_check)
            self._right.insertWidget(self._right.indexOf(self.preview) + 1, self.overlay_check)
        self.overlay_check.show()
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # the layout's least height counted the answer's wrapped lines at a width they do not
        # have, and the canvas and preview at the sizes a larger window gave them: at the
        # window's least size (835x590, a test image's answer) the bars for 8 and 9 were cut,
        # and the least read at 1024x700 (646 px) was not the least reached (590) (s54)
        hint = super().minimumSizeHint()
        return QSize(hint.width(), self.least_height())

    def answer_least_width(self) -> int:
        """The answer column's width when the column has its least: the widest of its parts'
        least widths, the preview at its smallest."""
        parts = (self.preview_title, self.overlay_check)
        least = (part.minimumSizeHint().width() for part in parts)
        return max(PREVIEW_LEAST, self.prediction_panel.least_width(), *least)

    def least_height(self) -> int:
        """The column's least height: the canvas and the preview at their smallest (both shrink
        with the window), the answer column's lines at its least width, the answer's tallest
        lines and its bars at their least. The same at any window size, so that the window's
        least height does not move as it is dragged to it, nor read stale (s54: a need that
        followed the column's width let a page's banner move the window's least height)."""
        width = self.answer_least_width()
        right = {
            self.preview_title: self.preview_title.heightForWidth(width),
            self.preview: PREVIEW_LEAST,
            self.prediction_panel: self.prediction_panel.least_height(width),
        }
        options = self.prediction_panel.options
        left = self._box_least(
            self._left,
            {
                self.canvas: canvas_least(),
                options: options.heightForWidth(self._left_least_width()),
                # Not sure's refusal takes a line of the status note's (fit_canvas keeps three)
                self.not_sure_refusal: 0,
                # the note's three lines, as fit_canvas holds them: counted at its least (two
                # lines of a wrapped label), a three-line note (the data folder's warning, vi,
                # Larger) pushed the pen's row 18 px up over the canvas at the window's least
                # height (fixI s68, 1024x680 in Clothing)
                self.status_note: NOTE_LINES * self.fontMetrics().lineSpacing(),
            },
        )
        return max(left, self._box_least(self._right, right)) + self._above_columns()

    def _left_least_width(self) -> int:
        """The canvas's column at its least: the canvas at its smallest or a wider row."""
        rows = (self._left.itemAt(i) for i in range(self._left.count()))
        widths = (item.minimumSize().width() for item in rows if item.widget() is not self.canvas)
        return max(canvas_least(), *widths)

    def _box_least(self, box: QBoxLayout, heights: dict[QWidget, int]) -> int:
        """``box``'s least height with ``heights`` for some of its widgets, measured as the box
        measures it: its own ``minimumSize`` lags a resize (27 px short as the window showed),
        and its ``spacing()`` is -1 where the style spaces each pair of controls its own way."""
        items = [box.itemAt(i) for i in range(box.count())]
        total = sum(heights.get(item.widget(), item.minimumSize().height()) for item in items)
        return total + self._gaps(box)

    def _gaps(self, box: QBoxLayout) -> int:
        """The px ``box`` puts between its shown items, as it spaces them."""
        total = 0
        shown = [box.itemAt(i) for i in range(box.count()) if not box.itemAt(i).isEmpty()]
        for above, below in pairwise(shown):  # a box spaces these only
            gap = box.spacing()
            if gap < 0:
                gap = self.style().combinedLayoutSpacing(
                    above.controlTypes(), below.controlTypes(), Qt.Orientation.Vertical, None, self
                )
            total += max(gap, 0)
        return total

    def _above_columns(self) -> int:
        """The margins and, while it shows, the "no model" banner over both columns, at the
        column's width now (at its least width it took a line more in Vietnamese: with the
        model notice the window no longer fitted a 1024x668 screen)."""
        grid = self.layout()
        margins = grid.contentsMargins()
        height = margins.top() + margins.bottom()
        if not self.banner.isHidden():
            width = max(self.width(), super().minimumSizeHint().width())
            height += self.banner.heightForWidth(width) + max(grid.verticalSpacing(), 0)
        return height

    def fit_canvas(self, column: int, most: int | None = None) -> bool:
        """One size for the canvas, square, from 280 px (the drawing's own pixels, and what
        1024x700 leaves) to CANVAS_MAX: the column's height less the rows under it (the status
        note held at three lines, so a message does not resize the sheet), and ``column`` px
        wide less the preview at its largest. At 1280x800 it stayed 280 px over a large empty
        strip. Below 280 px, down to CANVAS_LEAST, only where the column's height or ``most``
        (the widest the column may be and leave the pages what they need, None: no limit)
        holds no more, with the answer at its least width. Returns whether the canvas changed
        size."""
        grid = self.layout()
        margins = grid.contentsMargins()
        left = self._left
        rows = [left.itemAt(i) for i in range(left.count())]
        options = self.prediction_panel.options  # its lines at the column's width
        # Not sure's refusal takes one of the status note's three lines (seldom, for a moment)
        rows = [item for item in rows if item.widget() is not self.not_sure_refusal]
        others = options.heightForWidth(max(self.canvas.width(), self._left_least_width()))
        others += sum(
            item.sizeHint().height()
            for item in rows
            if item.widget() not in (self.canvas, self.status_note, options)
            and item.spacerItem() is None
        )
        others += NOTE_LINES * self.fontMetrics().lineSpacing()  # the status note
        # the gaps as the column spaces its rows: its spacing() is -1 where the style spaces
        # each pair its own way (0 px here), and -1 a gap let the canvas take 8 px the rows
        # then lacked: the pen's row lay over its bottom (fixI s68, vi Larger 1024x680)
        others += self._gaps(left)
        room = self.height() - margins.top() - margins.bottom() - others
        if not self.banner.isHidden():  # "no model" over both columns
            room -= self.banner.heightForWidth(max(1, self.width())) + grid.verticalSpacing()
        # more lines for the note only where the canvas keeps a least side: at 1024x700 with
        # Larger text (least 280 px) three more overlapped the canvas with the rows under it.
        # For them it goes down to Normal text's least (CANVAS_LEAST), which the note's width
        # does not follow (the rows under the canvas hold the column's): there the tops hint
        # under the data folder's warning was only the line's tooltip (fixI s68 left #1)
        least = canvas_least()
        more = (self.note_lines - NOTE_LINES) * self.fontMetrics().lineSpacing()
        self.note_lines_held = NOTE_LINES
        if more > 0 and room - more >= min(least, CANVAS_LEAST):
            room -= more
            self.note_lines_held = self.note_lines
            least = min(least, max(CANVAS_LEAST, room))
        elif self.note_lines == WARNING_AND_HINT_LINES:
            fewer = (WARNING_LINE_AND_HINT_LINES - NOTE_LINES) * self.fontMetrics().lineSpacing()
            if room - fewer >= min(least, CANVAS_LEAST):
                room -= fewer
                self.note_lines_held = WARNING_LINE_AND_HINT_LINES
                least = min(least, max(CANVAS_LEAST, room))
        sides = margins.left() + margins.right() + grid.horizontalSpacing()
        wide = column - sides - PREVIEW_ROOM
        floor = min(CANVAS_SIZE, room)
        if most is not None:  # as wide as the rows under it at least: that costs no width
            tight = most - sides - self.answer_least_width()
            floor = min(floor, max(tight, self._left_least_width()))
        side = max(max(least, floor), min(CANVAS_MAX, room, wide))
        if self.canvas.width() == side and self.canvas.height() == side:
            return False
        self.canvas.setFixedSize(side, side)
        return True

    def fit_preview(self, column: int) -> bool:
        """One size for the 28x28 preview while the window keeps its size: whole pixels of 2
        (PREVIEW_LEAST) to 7 px, as many as the column's height leaves beside the tallest
        answer (its true label and runner-up lines at their longest) and bars at their least,
        and at most
        ``column`` px wide (the column's width when the pages get their least: a preview wider
        than that would widen the column and narrow the pages). It shrank and grew with each
        answer's lines and with the mode's class names. Returns whether the preview changed size."""
        grid = self.layout()
        margins = grid.contentsMargins()
        column -= self.canvas.width() + grid.horizontalSpacing() + margins.left()
        column -= margins.right()
        # the rest of the column measured at its width: the title, the overlay box and the
        # answer with its tallest lines and bars at their least (a budget of fixed line counts
        # left "Ankle boot" cut under a two-line true label at 1024x700, walk49)
        width = max(column, self.prediction_panel.minimumSizeHint().width())
        rest = {
            self.preview_title: self.preview_title.heightForWidth(width),
            self.preview: 0,
            self.prediction_panel: self.prediction_panel.least_height(width),
        }
        reserve = self._box_least(self._right, rest)  # with the gaps, 6 px above the answer
        room = self.height() - margins.top() - margins.bottom() - reserve
        if not self.banner.isHidden():  # "no model" over both columns
            room -= self.banner.heightForWidth(max(1, self.width())) + grid.verticalSpacing()
        side = 28 * max(PREVIEW_LEAST // 28, min(7, (min(room, column) - 1) // 28)) + 1
        if self.preview.width() == side and self.preview.height() == side:
            return False
        self.preview.setFixedSize(side, side)
        return True
