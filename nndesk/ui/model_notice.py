"""The strip that says a finished training run's model is now the window's model, with the
previous model one click away ("Switch back to fashion-cnn"); or that a weaker run's model
(stopped, or far below the model in use) was not put in use, with it one click away ("Use this
run's model")."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QMenuBar, QToolButton

from nndesk.ui import theme
from nndesk.ui.elided_label import ElidedLabel
from nndesk.ui.language import accuracy_text, translate, translate_marked
from nndesk.ui.window_menus import MODE_TITLES

#: Pixels between the menu bar's last menu and the notice laid over the bar
MENU_GAP_PX = 16


class ModelSwitchNotice(QFrame):
    """Hidden until ``announce``; never modal, so drawing and every page keep working.

    One line no taller than its buttons: at 1024x700 the window has about 24 px to spare, so a
    taller strip made the window grow (the sentence is cut to the width, whole in its tooltip).
    ``ride_on`` lays it over the menu bar's empty right part instead of above the pages: there
    it appears without moving a control (a strip above the pages pushed them down 21 px, so a
    click aimed just before landed on the wrong control).
    """

    switch_back_requested = Signal()  # the user wants the model in use before the run back
    use_requested = Signal()  # the user wants the weaker run's model offered by ``offer``

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("model-notice")
        #: a button's words, and shorter ones it says where its words would leave the
        #: message room for a less full form only (``_fit_words``)
        self._button_words: dict[QToolButton, tuple[str, str]] = {}
        theme.set_tone(self, "banner")
        self.message = ElidedLabel(mode=Qt.TextElideMode.ElideRight)
        self.switch_back_button = QToolButton()
        self.switch_back_button.setToolTip(
            translate(
                "ModelSwitchNotice",
                "Predict with the model you were using before this training run again",
            )
        )
        self.use_button = QToolButton()
        self._say_button(
            self.use_button,
            translate("ModelSwitchNotice", "Use this run's model"),
            translate("ModelSwitchNotice", "Use this run"),
        )
        self.use_button.setToolTip(  # ``offer`` says it for the run as it ended
            translate(
                "ModelSwitchNotice",
                "Predict with the model of the run you stopped, though it tested lower",
            )
        )
        self.keep_button = QToolButton()
        self.keep_button.setText(translate("ModelSwitchNotice", "Keep it"))
        self.keep_button.setToolTip(
            translate("ModelSwitchNotice", "Keep the new model and hide this note")
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.switch_back_button)
        layout.addWidget(self.use_button)
        layout.addWidget(self.keep_button)
        self.switch_back_button.clicked.connect(self._on_switch_back_button_clicked)
        self.use_button.clicked.connect(self._on_use_button_clicked)
        self.keep_button.clicked.connect(self.hide)
        self._announced: tuple[float | None, str | None] | None = None
        self._offered: tuple[float, float, str, str] | None = None
        self._bar: QMenuBar | None = None
        self.hide()

    def ride_on(self, bar: QMenuBar) -> None:
        """Show on ``bar``, right of its menus, over the room they leave (not laid out in it:
        the bar keeps its height and its menus their places)."""
        self._bar = bar
        self.setParent(bar)
        self.hide()
        bar.installEventFilter(self)
        self._place()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if watched is self._bar and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False

    def _place(self) -> None:
        """Fill the bar's room right of its last menu, its full height."""
        bar = self._bar
        if bar is None:
            return
        menus = [bar.actionGeometry(a) for a in bar.actions() if a.isVisible()]
        left = max((r.right() for r in menus), default=0) + MENU_GAP_PX
        self.setGeometry(left, 0, max(bar.width() - left, 0), bar.height())
        for button in (self.switch_back_button, self.use_button, self.keep_button):
            button.setMaximumHeight(bar.height())
        self._fit_words()
        self.raise_()

    def _say_button(self, button: QToolButton, text: str, short: str) -> None:
        """``button`` says ``text``, or ``short`` where ``text`` leaves the message too little
        room (``_fit_words``)."""
        self._button_words[button] = (text, short)
        button.setText(text)

    def _fit_words(self) -> None:
        """The buttons' long words, or their short ones where those leave the message room for
        a fuller form of it (what the message says comes before the buttons' words)."""
        forms = self.message.texts()
        metrics = self.message.fontMetrics()
        shown = [b for b in self._button_words if not b.isHidden()]

        def fullest(short: bool) -> int:
            for button in shown:
                button.setText(self._button_words[button][short])
            room = self._message_room()
            fits = (i for i, form in enumerate(forms) if metrics.horizontalAdvance(form) <= room)
            return next(fits, len(forms))

        long_words = fullest(False)
        if long_words > 0 and fullest(True) >= long_words:
            fullest(False)  # no fuller: the long words back

    def _message_room(self) -> int:
        """px the message has beside the shown buttons at the notice's width."""
        layout = self.layout()
        margins = layout.contentsMargins()
        buttons = [
            b
            for b in (self.switch_back_button, self.use_button, self.keep_button)
            if not b.isHidden()
        ]
        spacing = max(layout.spacing(), 0) * len(buttons)
        used = sum(b.sizeHint().width() for b in buttons) + spacing
        text_margins = self.message.contentsMargins()
        inner = margins.left() + margins.right() + text_margins.left() + text_margins.right()
        return self.width() - inner - used

    def announcement(self) -> tuple[float | None, str | None] | None:
        """``(accuracy, previous_title)`` of the note on show (``announce``'s arguments), or
        None when it is hidden: a window rebuilt in another language says it again."""
        return self._announced if not self.isHidden() and self._offered is None else None

    def offered(self) -> tuple[float, float, str, str, str | None] | None:
        """``(accuracy, accuracy_in_use, title_in_use, status, mode)`` of the offer on show
        (``offer``'s arguments), or None: a window rebuilt in another language offers it again."""
        return self._offered if not self.isHidden() else None

    def offer(
        self,
        accuracy: float | None,
        accuracy_in_use: float | None,
        title_in_use: str,
        status: str = "stopped",
        mode: str | None = None,
    ) -> None:
        """Say a run's model (``accuracy`` on the test images) was not put in use: the model in
        use, ``title_in_use``, tested ``accuracy_in_use``; offer the run's model. ``status``:
        "stopped" (the user stopped the run), "completed" (it trained all its epochs) or
        "elsewhere" (the window went on to another mode during the run, and stays there; the
        run trained for ``mode``, "digits" or "garments", named in the note).
        ``accuracy`` None: the run ended before its test (quit), so it is not measured."""
        self._announced = None
        self._offered = (accuracy, accuracy_in_use, title_in_use, status, mode)
        values = {
            "accuracy": accuracy_text(accuracy),
            "before": accuracy_text(accuracy_in_use),
            "model": title_in_use,
            "mode": _mode_words(mode),
        }
        if accuracy is None and status != "elsewhere":  # quit before its test (walk60 D1)
            text = translate(
                "ModelSwitchNotice",
                "The run ended before its test, so it is not measured: still predicting "
                "with {model}.",
            ).format(**values)
            short = translate(
                "ModelSwitchNotice", "Untested run: still predicting with {model}"
            ).format(**values)
            shortest = figures = translate("ModelSwitchNotice", "Untested run: not put in use")
            tip = translate(
                "ModelSwitchNotice", "Predict with the model of the run, though it is untested"
            )
        elif status == "stopped":
            text = translate(
                "ModelSwitchNotice",
                "The run you stopped tested {accuracy}, below {model}'s {before}: still "
                "predicting with {model}.",
            ).format(**values)
            short = translate(
                "ModelSwitchNotice", "Stopped run: {accuracy}, below {model}'s {before}"
            ).format(**values)
            shortest = translate(  # at 1024 px, beside the two buttons
                "ModelSwitchNotice", "Stopped run: {accuracy}, below the model in use"
            ).format(**values)
            # at 1024 px and Larger text that one was cut before the model's figure it compares
            # to ("…thấp hơn hẳn mô h…", walk61 D12): both figures, the model unnamed
            figures = translate("ModelSwitchNotice", "Stopped: {accuracy}, below {before}").format(
                **values
            )
            # both figures and the model: "whose 92.6 %?" (walk65 D27)
            named = translate("ModelSwitchNotice", "Stopped {accuracy} < {model} {before}").format(
                **values
            )
            tip = translate(
                "ModelSwitchNotice",
                "Predict with the model of the run you stopped, though it tested lower",
            )
        elif status == "elsewhere":  # a Digits run ended while the window was in Clothing
            # the mode named (fixW #3: "for the other mode" left a student asking which)
            text = translate(
                "ModelSwitchNotice",
                "The run ended ({accuracy}); it trained for {mode}, so this mode goes on "
                "predicting with {model}.",
            ).format(**values)
            short = translate("ModelSwitchNotice", "Run ended ({accuracy}), for {mode}").format(
                **values
            )
            shortest = figures = short
            tip = translate(
                "ModelSwitchNotice", "Predict with this run's model, in the mode it trained for"
            )
        else:  # a whole run far below: a chance-level one must not take the drawing's answer
            text = translate(
                "ModelSwitchNotice",
                "The run tested {accuracy}, well below {model}'s {before}: still predicting "
                "with {model}.",
            ).format(**values)
            short = translate(
                "ModelSwitchNotice", "Run: {accuracy}, well below {model}'s {before}"
            ).format(**values)
            shortest = translate(
                "ModelSwitchNotice", "Run: {accuracy}, well below the model in use"
            ).format(**values)
            figures = translate("ModelSwitchNotice", "Run: {accuracy}, well below {before}").format(
                **values
            )
            named = translate("ModelSwitchNotice", "Run {accuracy} < {model} {before}").format(
                **values
            )
            tip = translate(
                "ModelSwitchNotice", "Predict with this run's model, though it tested lower"
            )
        self.use_button.setToolTip(tip)
        if status in ("stopped", "completed") and accuracy is not None:
            # at 1024 px beside "Dùng mô hình của lượt chạy này" the offer read "Lượt chạy:
            # 87,0%, thấp hơn hẳn 92,6%": whose 92,6 %, it did not say (walk65 D27)
            self.message.set_texts(text, short, named, shortest, figures)
        else:
            self.message.set_texts(text, short, shortest, figures)
        self.switch_back_button.hide()
        self.use_button.show()
        # short: "Keep run 23:03:56" left the sentence no room at 1024 px (the tooltip names it)
        self.keep_button.setText(translate("ModelSwitchNotice", "OK"))
        self.keep_button.setToolTip(
            translate(
                "ModelSwitchNotice", "Keep predicting with {model} and hide this note"
            ).format(model=title_in_use)
        )
        self._place()
        self.show()

    def announce(self, accuracy: float | None, previous_title: str | None) -> None:
        """Say the new model is in use (``accuracy``: its test accuracy, a fraction), and offer
        ``previous_title`` back when there was a model before."""
        self._announced, self._offered = (accuracy, previous_title), None
        self.use_button.hide()
        self.keep_button.setText(translate("ModelSwitchNotice", "Keep it"))
        self.keep_button.setToolTip(
            translate("ModelSwitchNotice", "Keep the new model and hide this note")
        )
        if accuracy is not None:
            text = translate(
                "ModelSwitchNotice",
                "Now predicting with the model you just trained ({accuracy} on the test images).",
            ).format(accuracy=accuracy_text(accuracy))
            # at 1024 px the Vietnamese sentence was cut before its accuracy
            short = translate(
                "ModelSwitchNotice", "Now using the model you just trained ({accuracy})"
            ).format(accuracy=accuracy_text(accuracy))
        else:
            text = translate("ModelSwitchNotice", "Now predicting with the model you just trained.")
            short = translate("ModelSwitchNotice", "Now using the model you just trained")
        self.message.set_texts(text, short)
        self.switch_back_button.setVisible(previous_title is not None)
        if previous_title is not None:
            self._say_button(
                self.switch_back_button,
                translate("ModelSwitchNotice", "Switch back to {model}").format(
                    model=previous_title
                ),
                # at 1024 px "Quay lại mô hình lượt chạy 01:46:08" left the message "Đang dùng
                # mô hình vừa huấn …" (verify65 129); the tooltip names it
                translate("ModelSwitchNotice", "Switch back"),
            )
            self.switch_back_button.setToolTip(
                translate(
                    "ModelSwitchNotice",
                    "Predict with the model you were using before this training run again",
                )
                + f" ({previous_title})"
            )
        self._place()
        self.show()

    @Slot()
    def _on_use_button_clicked(self) -> None:
        self.hide()
        self.use_requested.emit()

    @Slot()
    def _on_switch_back_button_clicked(self) -> None:
        self.hide()
        self.switch_back_requested.emit()


def _mode_words(mode: str | None) -> str:
    """The window's mode ``mode`` as the Mode box names it ("Digits (MNIST)"); "the other
    mode" for a mode this window does not have."""
    if mode in MODE_TITLES:
        return translate_marked("MainWindow", MODE_TITLES[mode])
    return translate("ModelSwitchNotice", "the other mode")
