"""What the model answers: the top class and its probability, the runner-up, every bar."""

from __future__ import annotations

import html

import numpy as np
from PySide6.QtCore import QSize, Qt, Slot
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QBoxLayout,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from nndesk.explain import runner_up
from nndesk.inference import NOT_SURE_PERCENT, is_not_sure
from nndesk.ui import kept_choices, text_size, theme
from nndesk.ui.bounded_spin import BoundedSpinBox
from nndesk.ui.fitted_labels import AnswerPlace, FigureLabel, FitLabel, ReservedLabel, WidestLabel
from nndesk.ui.flow_layout import flow_row
from nndesk.ui.language import class_names_shown, decimal, margin_points, percent, translate
from nndesk.ui.probability_bars import ProbabilityBars


class PredictionPanel(QWidget):
    """The answer: top class large with its probability, true label, runner-up, and all bars."""

    #: the smallest the big answer's type gets beside its percentage (then it takes its own line)
    ANSWER_LEAST = 0.55

    def __init__(self, parent: QWidget | None = None, options_inside: bool = True) -> None:
        """``options_inside`` False: "Raw probabilities" and "Not sure below" (``options``) are
        left for the owner to lay out (the drawing column puts them under the canvas)."""
        super().__init__(parent)
        self.top_label = FitLabel("–", self._answer_font())
        self.top_label.setToolTip(
            translate(
                "PredictionPanel", "The network's answer: the class with the highest probability"
            )
        )
        self.top_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.confidence_label = FigureLabel("")
        self.confidence_label.setToolTip(
            translate("PredictionPanel", "How sure the network is of its answer")
        )
        self.confidence_label.reserve(percent(1.0, 1))  # the widest a percentage gets
        # with no answer ("Draw a T-shirt, trouser, bag, shoe...", "Loading the model…") this
        # takes the answer's place, wrapped over its whole width; the place keeps the height
        # of the taller of the two: in the percentage's place it wrapped over three lines, and
        # the bars moved up 6 px (1280 px) to 21 px (1024 px) when the first answer came
        self.placeholder_label = QLabel("")
        self.placeholder_label.setWordWrap(True)  # never sets the drawing column's width
        self.placeholder_label.setAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        # which probability the percentage is: the Inside page shows the raw softmax, so a
        # learner comparing the two must see that this one is calibrated
        self.kind_label = WidestLabel("")
        self.kind_label.reserve(
            translate("PredictionPanel", "calibrated"), translate("PredictionPanel", "raw")
        )
        # hidden under "Not sure" and with no answer, its line stays: the bars do not move
        keep = self.kind_label.sizePolicy()
        keep.setRetainSizeWhenHidden(True)
        self.kind_label.setSizePolicy(keep)
        theme.set_tone(self.kind_label, "muted")
        # as tall as the longest "True label: … — ✗ wrong" of the classes, so that the
        # preview's size can leave the bars their room whatever the test image (walk49: the
        # line took two lines at 1024 px where one was counted, and "Ankle boot" was cut)
        self.true_label = ReservedLabel()
        self.true_label.setToolTip(
            translate("PredictionPanel", "The label a person gave this test image")
        )
        # "True label: Ankle boot — ✓ correct" wraps rather than set the column's width: the
        # column kept the width of each test image's label (it jumped between images)
        self.true_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.runner_up_label = ReservedLabel()
        self.runner_up_label.setToolTip(
            translate(
                "PredictionPanel",
                "The second most likely class and the margin p(answer) - p(runner-up): "
                "a small margin means the network hesitated between the two",
            )
        )
        self.bars = ProbabilityBars()
        self._bars_tip = self.bars.toolTip()  # a softmax's; a sigmoid's says more
        # the bars show temperature-scaled probabilities; the model's own are one click away
        self.raw_box = QCheckBox(translate("PredictionPanel", "Raw probabilities"))
        self.raw_box.setToolTip(
            translate(
                "PredictionPanel",
                "Show the network's own probabilities instead of the calibrated ones. "
                "Calibration divides the outputs by a temperature fitted on held-out images, "
                "so that answers given at 80% are right about 80% of the time; it never "
                "changes which class wins.",
            )
        )
        self.raw_box.toggled.connect(self._redraw)
        self.not_sure_spin = BoundedSpinBox()  # "100" typed became 10 % (walk60 D7o)
        self.not_sure_spin.setRange(0, 99)
        self.not_sure_spin.setSuffix("%")
        self.not_sure_spin.setValue(NOT_SURE_PERCENT)
        self.not_sure_spin.setToolTip(
            translate(
                "PredictionPanel",
                'Say "Not sure" and show the two best guesses when the calibrated top '
                "probability is under this (0: always answer). One threshold: the canvas, "
                "Evaluate, Mistakes and Lab share it",
            )
        )
        self.not_sure_spin.valueChanged.connect(self._redraw)
        kept_choices.keep(self.raw_box, "raw-probabilities")  # across a language switch
        kept_choices.keep(self.not_sure_spin, "not-sure")
        self.not_sure_label = QLabel(translate("PredictionPanel", "Not sure below"))
        self.not_sure_label.setBuddy(self.not_sure_spin)
        self._prediction = None
        self._placeholder = ""

        # the answer and its percentage: side by side, or in a narrow column one under the other
        answer = QWidget()
        self._head = QBoxLayout(QBoxLayout.Direction.LeftToRight, answer)
        self._head.setContentsMargins(0, 0, 0, 0)
        self._figure = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        self._figure.setSpacing(0)
        self._narrow: bool | None = None
        self._answer_place = AnswerPlace(answer, self.placeholder_label)
        self._arrange_head(narrow=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._answer_place)
        layout.addWidget(self.true_label)
        layout.addWidget(self.runner_up_label)
        layout.addWidget(self.bars)
        # wraps onto two lines in a narrow drawing column instead of widening it
        threshold = QWidget()
        threshold_row = QHBoxLayout(threshold)
        threshold_row.setContentsMargins(0, 0, 0, 0)
        threshold_row.addWidget(self.not_sure_label)
        threshold_row.addWidget(self.not_sure_spin)
        self.options = flow_row(self.raw_box, threshold)
        self._options_inside = options_inside
        if options_inside:
            layout.addWidget(self.options)
        layout.addStretch(1)  # height to spare stays below, never between the answer's lines
        self._names: tuple[str, ...] = ()
        self._true: int | None = None
        self._independent = False  # the last answer's scores were a sigmoid's
        self._least: dict[tuple, tuple[int, int]] = {}  # least_height's measured lines
        self._line_need: dict[tuple, int] = {}  # _answer_line_need's, by words and fonts
        self._size_to_font()
        text_size.notifier().changed.connect(self._on_text_size_changed)  # ends with this panel
        self.set_prediction(None)

    def _answer_font(self) -> QFont:
        """The big answer's full type: the window's font 2.6 times as large, bold."""
        big = QFont(self.font())
        big.setPointSizeF(big.pointSizeF() * 2.6)
        big.setBold(True)
        return big

    def _size_to_font(self) -> None:
        """The answer's and its percentage's type from the window's font."""
        points = self.font().pointSizeF()
        self.top_label.set_base_font(self._answer_font())
        # widget style sheets, not setFont: a theme's re-polish keeps them
        self.confidence_label.setStyleSheet(f"font-size: {points * 1.5:.1f}pt;")
        self.placeholder_label.setStyleSheet(f"font-size: {points:.1f}pt;")

    @Slot()
    def _on_text_size_changed(self) -> None:
        # the answer and its percentage kept the type they were built with until the next start
        self._size_to_font()
        self._arrange_head(self.answer_needs_own_line(self.width()))

    def _say_scores_are_independent(self, independent: bool) -> None:
        """The bars' tooltip: for a sigmoid output, why they add up to more than 100 %."""
        self.bars.setToolTip(
            translate(
                "PredictionPanel",
                "This network's output is a sigmoid: it scores each class on its own, from 0 "
                "to 100%, so the bars need not add up to 100% (a softmax output's do).",
            )
            if independent
            else self._bars_tip
        )

    def set_class_names(self, names) -> None:
        self._names = class_names_shown(names)  # Fashion's names in the window's language
        self.bars.set_class_names(self._names)
        self.runner_up_label.set_reserved_texts(self._widest_guesses(self._names))
        self.true_label.set_reserved_texts(self._true_label_texts(self._names))
        self._arrange_head(self.answer_needs_own_line(self.width()))
        self.set_prediction(None)

    @staticmethod
    def _true_label_texts(names) -> list[str]:
        """The true-label line for each class, right and wrong: the heights it must keep."""
        marks = (translate("PredictionPanel", "✓ correct"), translate("PredictionPanel", "✗ wrong"))
        line = translate("PredictionPanel", "True label: <b>{name}</b> — {mark}")
        return [line.format(name=html.escape(n), mark=m) for n in names for m in marks]

    def least_height(self, width: int) -> int:
        """The panel's height at ``width`` px with its tallest lines in any mode (a test
        image's true label among them) and the bars at their least: what the drawing column
        must leave it, the same in Digits and Clothing so that the preview keeps its size."""
        from nndesk.data.registry import DATASETS

        key = (width, self._names, self._independent, self.font().key())  # measured once
        if key not in self._least:
            sets = {self._names, *(class_names_shown(d.class_names) for d in DATASETS.values())}
            true_texts = [t for names in sets for t in self._true_label_texts(names)]
            guesses = [t for names in sets for t in self._widest_guesses(names)]
            self._least[key] = (
                self.true_label.tallest(true_texts, width),
                self.runner_up_label.tallest(guesses, width),
            )
        rows = (
            self.answer_height_for(width),
            *self._least[key],
            self.bars.least_height_for(width),
            *([self.options.heightForWidth(width)] if self._options_inside else []),
        )
        return sum(rows) + self.layout().spacing() * (len(rows) - 1)

    def _widest_guesses(self, names) -> list[str]:
        """The runner-up line for each class, and "Not sure"'s two guesses with the two longest
        names, with the widest figures they can show: the heights the line must keep."""
        names = [html.escape(n) for n in names]
        texts = [self._runner_up_text(n, 0.499, 99.9) for n in names]
        if self._independent:  # a sigmoid's line, reserved only for one: a softmax's bars
            texts += [self._runner_up_text(n, 0.499, None) for n in names]  # stay put
        if len(names) >= 2:
            first, second = sorted(names, key=len)[-2:]
            texts.append(self._guesses_text(first, 0.599, second, 0.499))
            if self._independent:
                texts.append(self._guesses_text(first, 0.599, second, 0.499, independent=True))
        return texts

    @staticmethod
    def _runner_up_text(name: str, p: float, margin: float | None) -> str:
        """The runner-up line; ``margin`` in percentage points (``margin_points``: the figures
        shown subtract to it), None for scores that are not shares of one 100 %
        (a sigmoid output): the line says so where the margin was, as ``nndesk predict``
        does (walk49 D16: a 7 read "86.6 %" beside a 3 at "35.7 %" added up to 122 %)."""
        if margin is None:
            return translate(
                "PredictionPanel", "Runner-up: <b>{name}</b> {p} (independent scores)"
            ).format(name=name, p=percent(p, 1))
        return translate(
            "PredictionPanel", "Runner-up: <b>{name}</b> {p} (margin {margin} points)"
        ).format(name=name, p=percent(p, 1), margin=decimal(margin, 1))

    @staticmethod
    def _guesses_text(
        first: str, p1: float, second: str, p2: float, independent: bool = False
    ) -> str:
        """ "Not sure"'s two guesses; ``independent``: a sigmoid output's, whose scores are not
        shares of one 100 %, said as the runner-up line says it. Their figures are the bars'
        (one decimal): "4 99%" beside a bar of 98,5% read as two answers."""
        text = (
            translate("PredictionPanel", "{first} {p1} or {second} {p2} (independent scores)")
            if independent
            else translate("PredictionPanel", "{first} {p1} or {second} {p2}")
        )
        return text.format(
            first=f"<b>{first}</b>", p1=percent(p1, 1), second=f"<b>{second}</b>", p2=percent(p2, 1)
        )

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._arrange_head(self.answer_needs_own_line(event.size().width()))

    def answer_needs_own_line(self, width: int) -> bool:
        """Whether, ``width`` px wide, the longest answer at ``ANSWER_LEAST`` of its big type
        would not fit beside the percentage ("Bốt cổ ngắn" was cut at 1024 px): then the
        percentage goes under the answer. It depends on the classes, never on the answer, so
        the bars do not move from one answer to the next."""
        return self._answer_line_need() > width

    def _answer_line_need(self) -> int:
        """The width the longest answer and its percentage take side by side. Measured once
        for its words and fonts: the drawing column's least height asks for it ~25 times in
        one View > Text size step, 40 text widths each time (fix60b)."""
        big = self.top_label.base_font()
        answers = (*self._names, translate("PredictionPanel", "Not sure"))
        kinds = (translate("PredictionPanel", "calibrated"), translate("PredictionPanel", "raw"))
        key = (big.key(), self.font().key(), answers, kinds, percent(1.0, 1))
        if key not in self._line_need:
            font = QFont(big)
            font.setPointSizeF(font.pointSizeF() * self.ANSWER_LEAST)
            answer = max(QFontMetrics(font).horizontalAdvance(a) for a in answers)
            number = QFont(self.font())
            number.setPointSizeF(number.pointSizeF() * 1.5)
            figure = max(
                QFontMetrics(number).horizontalAdvance(key[-1]),
                *(self.fontMetrics().horizontalAdvance(k) for k in kinds),
            )
            self._line_need[key] = answer + 8 + figure
        return self._line_need[key]

    def answer_height(self) -> int:
        """The height the answer takes above the runner-up line, with or without an answer:
        more in a narrow column, where its percentage has a line of its own."""
        return self._answer_place.answer_height()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        # the answer's width whether an answer shows or not: the layout counted only the lines
        # shown, so the first answer (wider than "Draw a digit 0-9" at vi Larger) widened the
        # drawing column and moved the pages 26 px right (verify62)
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.least_width()), hint.height())

    def least_width(self) -> int:
        """The panel's least width in the narrowest column, whatever its width now: with the
        answer beside its percentage (a wide column) its least width is larger, and a least
        height measured at it came out 10 px short of the narrow column's (the window's least
        height moved when a page's banner showed)."""
        layout = self.layout()
        items = [layout.itemAt(i) for i in range(layout.count())]
        others = [
            item.minimumSize().width()
            for item in items
            if item.widget() not in (None, self._answer_place)
        ]
        figure = [
            label.minimumSizeHint().width() for label in (self.confidence_label, self.kind_label)
        ]
        top = self.top_label.minimumSizeHint().width()
        least = max(top, figure[0] + 6 + figure[1], *others)  # the percentage on its own line
        if not self.answer_needs_own_line(least):  # the percentage fits beside the answer
            least = max(least, top + 8 + max(figure))
        return max(least, self.placeholder_label.minimumSizeHint().width())

    def answer_height_for(self, width: int) -> int:
        """``answer_height`` in a panel ``width`` px wide, whatever the panel's width now (the
        drawing column's least height is its need at its least width), the placeholder's
        lines there counted: the taller of the two keeps the place."""
        top = self.top_label.sizeHint().height()
        figure = (self.confidence_label.sizeHint().height(), self.kind_label.sizeHint().height())
        if self.answer_needs_own_line(width):  # the percentage on a line of its own
            answer = top + max(self._head.spacing(), 0) + max(figure)
        else:  # the percentage over "calibrated", beside the answer
            answer = max(top, sum(figure))
        return max(answer, self.placeholder_label.heightForWidth(width))

    def head_is_stacked(self) -> bool:
        return bool(self._narrow)

    def _arrange_head(self, narrow: bool) -> None:
        if narrow == self._narrow:
            return
        self._narrow = narrow
        for box in (self._figure, self._head):
            while box.count():
                box.takeAt(0)
        self._head.addWidget(self.top_label)
        if narrow:  # "Ankle boot" on its own line, "82.6 % calibrated" under it
            self._head.setDirection(QBoxLayout.Direction.TopToBottom)
            self._figure.setDirection(QBoxLayout.Direction.LeftToRight)
            self._figure.addWidget(self.confidence_label)
            self._figure.addSpacing(6)
            self._figure.addWidget(self.kind_label, 0, Qt.AlignmentFlag.AlignBottom)
            self._figure.addStretch(1)
            self._head.addLayout(self._figure)
        else:  # the percentage with "calibrated" / "raw" under it, within the answer's height
            self._head.setDirection(QBoxLayout.Direction.LeftToRight)
            self._figure.setDirection(QBoxLayout.Direction.TopToBottom)
            self._head.addSpacing(8)
            self._figure.addStretch(1)
            self._figure.addWidget(self.confidence_label)
            self._figure.addWidget(self.kind_label)
            self._head.addLayout(self._figure)
            self._head.addStretch(1)
        # the answer, hidden while the placeholder shows, does not tell its place it changed
        self._answer_place.updateGeometry()

    def true_label_index(self) -> int | None:
        """The class index shown as the true label (None: none shown)."""
        return self._true

    def set_true_label(self, label: int | None) -> None:
        """Show the true label of a test image beside the answer (None hides it)."""
        self._true = label
        self.true_label.setVisible(label is not None)
        if label is None:
            self.true_label.setText("")
        else:
            name = self._names[label] if 0 <= label < len(self._names) else str(label)
            self.true_label.setText(
                translate("PredictionPanel", "True label: <b>{name}</b>").format(name=name)
            )

    def set_not_sure_threshold(self, percent: int) -> None:
        self.not_sure_spin.setValue(int(percent))

    def shown_prediction(self):
        """The ``Prediction`` the panel shows (None: nothing answered)."""
        return self._prediction

    def is_not_sure(self) -> bool:
        """True when the answer shown is "Not sure" (calibrated top probability under the
        threshold)."""
        if self._prediction is None:
            return False
        return is_not_sure(self._prediction, self.not_sure_spin.value())

    def not_sure_guesses(self) -> tuple[int, int] | None:
        """The class indices of "Not sure"'s two guesses as the panel shows them (raw or
        calibrated), best first; None when the answer shown is not "Not sure"."""
        prediction = self._prediction
        if prediction is None or not self.is_not_sure():
            return None
        raw = self.raw_box.isChecked()
        probs = prediction.uncalibrated if raw else prediction.probabilities
        if len(probs) < 2:
            return None
        return int(prediction.label), int(runner_up(probs)[0])

    def _redraw(self) -> None:
        self.set_prediction(self._prediction, self._placeholder)

    def set_prediction(self, prediction, placeholder: str = "") -> None:
        """Show a ``Prediction`` (None: blank canvas or no model, ``placeholder`` shown instead).

        Under the "Not sure" threshold the answer is "Not sure" with the two best guesses."""
        self._prediction, self._placeholder = prediction, placeholder
        if prediction is None:
            self.top_label.setText("–")
            self.kind_label.hide()
            self.confidence_label.setText("")
            self.placeholder_label.setText(
                placeholder or translate("PredictionPanel", "Draw something")
            )
            self._answer_place.show_answer(False)
            self.runner_up_label.setText("")
            self.bars.set_probabilities(None, self._true)
            return
        self._answer_place.show_answer(True)
        independent = bool(getattr(prediction, "independent", False))
        if independent != self._independent:  # another kind of model: its lines' heights
            self._independent = independent
            self.runner_up_label.set_reserved_texts(self._widest_guesses(self._names))
        raw = self.raw_box.isChecked()
        probs = prediction.uncalibrated if raw else prediction.probabilities
        calibrated = not raw and not np.array_equal(
            prediction.probabilities, prediction.uncalibrated
        )
        p = float(probs[prediction.label])
        second = runner_up(probs)[0] if len(probs) >= 2 else None
        label = prediction.label
        name1 = self._names[label] if 0 <= label < len(self._names) else prediction.class_name
        self.kind_label.setText(
            translate("PredictionPanel", "calibrated")
            if calibrated
            else translate("PredictionPanel", "raw")
        )
        self.kind_label.setToolTip(
            translate(
                "PredictionPanel",
                "Calibrated: the network's raw scores softened by a temperature fitted on "
                "held-out images, so that answers given at 80% are right about 80% of the "
                "time. The Inside page writes both, the network's sigmoid → calibrated; tick "
                "Raw probabilities to see the sigmoid's own scores here.",
            )
            if calibrated and independent  # not a softmax (walk55 D3)
            else translate(
                "PredictionPanel",
                "Calibrated: the network's raw probability softened by a temperature fitted on "
                "held-out images, so that answers given at 80% are right about 80% of the "
                "time. The Inside page writes both, the network's softmax → calibrated; tick "
                "Raw probabilities to see the softmax here.",
            )
            if calibrated
            else translate(
                "PredictionPanel",
                "Raw: the network's own output probability, as the Inside page shows it "
                "(no temperature applied).",
            )
        )
        not_sure = self.is_not_sure() and second is not None
        self.kind_label.setVisible(not not_sure)
        if not_sure and second is not None:  # (second is known: mypy does not follow not_sure)
            # "Not sure" alone in big type; the two guesses take the runner-up's line, which
            # they replace: beside "Not sure" they wrapped over five lines of a narrow column
            name2 = self._names[second] if second < len(self._names) else str(second)
            self.top_label.setText(translate("PredictionPanel", "Not sure"))
            self.confidence_label.setText("")
            self.runner_up_label.setText(
                self._guesses_text(
                    html.escape(name1),
                    p,
                    html.escape(name2),
                    probs[second],
                    independent=getattr(prediction, "independent", False),
                )
            )
        else:
            self.top_label.setText(name1)
            self.confidence_label.setText(percent(p, 1))
        if second is not None and not not_sure:
            second, _exact = runner_up(probs)
            name = self._names[second] if second < len(self._names) else str(second)
            independent = getattr(prediction, "independent", False)
            margin = None if independent else margin_points(probs[prediction.label], probs[second])
            self.runner_up_label.setText(
                self._runner_up_text(html.escape(name), probs[second], margin)
            )
        self._say_scores_are_independent(getattr(prediction, "independent", False))
        self.bars.set_probabilities(probs, self._true)
        if self._true is not None:
            correct = prediction.label == self._true
            mark = (
                translate("PredictionPanel", "✓ correct")
                if correct
                else translate("PredictionPanel", "✗ wrong")
            )
            name = self._names[self._true] if self._true < len(self._names) else str(self._true)
            self.true_label.setText(
                translate("PredictionPanel", "True label: <b>{name}</b> — {mark}").format(
                    name=name, mark=mark
                )
            )
