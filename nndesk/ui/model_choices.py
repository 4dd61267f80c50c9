"""What the Model box lists and how it names each entry: the models of the window's mode first,
then the other mode's under a header saying that picking one switches the mode.

Each entry says what the model is: its name ("mnist-cnn (shipped)", "run 10:13:22"), its dataset
and layers, and its test accuracy ("untested" for a run quit before its test), from
``ModelFacts`` the coordinator read off the GUI thread (until then, the name alone). The box
elides a long entry; its tooltip has the whole text and the file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

from PySide6.QtCore import QEvent, Qt, Slot
from PySide6.QtGui import QColor, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QStyle, QStyleOptionComboBox, QToolTip

from nndesk.data.registry import DATASETS
from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.inference import DEFAULT_MODELS, shown_name
from nndesk.model_labels import ModelFacts
from nndesk.ui import theme
from nndesk.ui.choice_box import paint_showing
from nndesk.ui.language import (
    accuracy_text,
    counts_whole,
    integer,
    translate,
    translate_marked,
)

#: the header over the other mode's models: picking one of them switches the window's mode
OTHER_MODE_HEADERS = {
    "digits": QT_TRANSLATE_NOOP("MainWindow", "Digit models (switches to Digits)"),
    "garments": QT_TRANSLATE_NOOP("MainWindow", "Clothing models (switches to Clothing)"),
}


#: the item role holding an entry's shorter forms, longest first (``Choice.shorter``)
SHORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: the item role marking a damaged model's entry (written in the theme's muted colour)
DAMAGED_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Choice:
    """One model file in the box: its path, whether it ships with nndesk, what it is (None
    while its header is not read), and why it cannot be used (None: as far as is known, it
    can)."""

    path: Path
    shipped: bool
    facts: ModelFacts | None
    problem: str | None = None

    def text(self, layers: bool = True, dataset: bool = True) -> str:
        """ "mnist-cnn (shipped) · MNIST 784-c32-p-c64-p-128-10 · 99.4%"; without ``layers``
        "mnist-cnn (shipped) · MNIST · 99.4%", without ``dataset`` too "mnist-cnn (shipped) ·
        99.4%" (the closed box's shorter forms, when the whole does not fit). A damaged file:
        "mnist-cnn  (shipped, damaged)", "run 10:13:22  (damaged)" (what its header said
        is not what the file is)."""
        if self.problem is not None:
            if self.shipped:
                return translate("MainWindow", "{stem}  (shipped, damaged)").format(
                    stem=self.path.stem
                )
            return translate("MainWindow", "{name}  (damaged)").format(name=shown_name(self.path))
        if self.shipped:
            name = translate("MainWindow", "{stem}  (shipped)").format(stem=self.path.stem)
        else:
            name = shown_name(self.path)
        facts = self.facts
        if facts is None:
            return name
        spec = DATASETS.get(facts.dataset or "")
        named = spec.short_title if spec is not None else facts.dataset
        parts = (named if dataset else None, facts.arch if layers else None)
        network = " ".join(part for part in parts if part)
        accuracy = (
            translate("MainWindow", "untested")
            if facts.test_accuracy is None
            else accuracy_text(facts.test_accuracy)
        )
        if facts.test_accuracy is not None and facts.test_images is not None:
            # a Lab-saved model's figure is over the lab's sample, the others' over the whole
            # test split: said, or 98.8 % read beside 99.1 % as like for like (walk64 D23)
            accuracy = counts_whole(
                translate("MainWindow", "{accuracy} on {n} test images").format(
                    accuracy=accuracy, n=integer(facts.test_images)
                )
            )
        if not network:
            return translate("MainWindow", "{name} · {accuracy}").format(
                name=name, accuracy=accuracy
            )
        return translate("MainWindow", "{name} · {network} · {accuracy}").format(
            name=name, network=network, accuracy=accuracy
        )

    def kind(self) -> str | None:
        """The mode it answers in, as its header says; a shipped model whose header cannot be
        read, by its name (a cut-short fashion-cnn was listed among the digit models)."""
        if self.facts is not None and self.facts.kind is not None:
            return self.facts.kind
        if self.shipped:
            named = (kind for kind, names in DEFAULT_MODELS.items() if self.path.stem in names)
            return next(named, None)
        return None

    def from_folder(self) -> bool:
        """Whether it was trained on an image folder (its dataset is neither MNIST nor
        Fashion-MNIST): it answers with the folder's classes, not a mode's."""
        facts = self.facts
        return facts is not None and facts.dataset is not None and facts.dataset not in DATASETS

    def shorter(self) -> list[str]:
        """The closed box's shorter forms of ``text()``, longest first."""
        return [self.text(layers=False), self.text(layers=False, dataset=False)]

    def tip(self) -> str:
        """The whole entry and the file (the box elides a long entry); for a damaged file,
        then why, on a line of its own (path and reason on one line ran off a 1024 px
        screen in Vietnamese)."""
        if self.problem is None:
            return f"{self.text()}\n{self.path}"
        reason = self.problem.removeprefix(f"{self.path}: ")
        return f"{self.text()}\n{self.path}\n{reason}"


def folder_header() -> str:
    """The header over the models trained on an image folder (listed among the digit models
    before, walk53 #9)."""
    return translate("MainWindow", "Image-folder models")


def arrange(choices: list[Choice], mode: str) -> tuple[list[Choice], list[Choice], str | None]:
    """(the models of ``mode``, the other mode's, the other mode's header). A model whose kind
    is not known yet counts as one of ``mode``'s: it moves once its header is read."""
    ours = [c for c in choices if c.kind() in (None, mode)]
    others = [c for c in choices if c not in ours]
    kinds = {c.kind() for c in others}
    other_kind = next(iter(kinds)) if len(kinds) == 1 else None
    header = (
        translate_marked("MainWindow", OTHER_MODE_HEADERS[other_kind])
        if other_kind in OTHER_MODE_HEADERS
        else None
    )
    return ours, others, header


class ModelBox(QComboBox):
    """The Model box: as wide as ``chars`` average characters whatever its entries, the one it
    shows elided in the middle (its name and accuracy stay, "…" takes layers), its list opened
    as wide as its longest entry, and the entry's whole text and file in its tooltip."""

    def __init__(self, chars: int, parent=None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(chars)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.view().setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a screen narrower than it
        theme.notifier().changed.connect(self._on_theme_changed)

    def add_header(self, text: str) -> None:
        """A title over the entries that follow (bold, in the theme's muted text), not a choice.

        Written in the theme's muted colour rather than left to the style's disabled grey: that
        grey is half-way to the background by design (inactive controls are exempt from AA),
        and the header read at 3.2:1 in the light theme (4.0:1 in the dark)."""
        self.addItem(text, None)
        item = self._items().item(self.count() - 1)
        item.setFlags(Qt.ItemFlag.NoItemFlags)
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        item.setForeground(QColor(theme.colours().muted))

    def mark_damaged(self, row: int) -> None:
        """Write entry ``row`` greyed, in the theme's muted colour (at AA, unlike the style's
        disabled grey), as a damaged model's: it stays a choice, which says why it fails."""
        item = self._items().item(row)
        item.setData(True, DAMAGED_ROLE)
        item.setForeground(QColor(theme.colours().muted))

    def _items(self) -> QStandardItemModel:
        return cast(QStandardItemModel, self.model())  # a QComboBox's own model

    @Slot(object)
    def _on_theme_changed(self, colours) -> None:
        model = self._items()
        for row in range(self.count()):
            item = model.item(row)
            header = item.text() and not item.flags() & Qt.ItemFlag.ItemIsEnabled
            if header or item.data(DAMAGED_ROLE):
                item.setForeground(QColor(colours.muted))

    def shown_text(self) -> str:
        """The current entry as the closed box writes it: whole when it fits, else the first of
        its shorter forms that fits (``SHORT_ROLE``: without the layers, then without the
        dataset), elided to the box's width if none does."""
        option = QStyleOptionComboBox()
        self.initStyleOption(option)
        field = self.style().subControlRect(
            QStyle.ComplexControl.CC_ComboBox,
            option,
            QStyle.SubControl.SC_ComboBoxEditField,
            self,
        )
        width, metrics = max(field.width() - 4, 0), self.fontMetrics()

        def elided(text: str) -> str:
            return metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, width)

        text = self.currentText()
        shorter = self.currentData(SHORT_ROLE)
        # "fits" as elidedText judges it: a form horizontalAdvance put at exactly the field's
        # width was taken, then cut ("lượt chạy 23:21:53 …shion-MNIST · 86,0%" at 1024 px)
        for short in shorter if isinstance(shorter, list) else []:
            if elided(text) == text:
                break
            text = short
        return elided(text)

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        paint_showing(self, self.shown_text())

    def current_tip(self) -> str:
        """The tooltip over the closed box: the current entry whole (and its file), then what
        the box is for."""
        entry = self.currentData(Qt.ItemDataRole.ToolTipRole)
        return f"{entry}\n\n{self.toolTip()}" if entry else self.toolTip()

    def event(self, event) -> bool:  # noqa: D102 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            QToolTip.showText(event.globalPos(), self.current_tip(), self)
            return True
        return super().event(event)

    def showPopup(self) -> None:  # noqa: N802 - Qt override
        view = self.view()
        screen = self.screen().availableGeometry().width() if self.screen() else 1024
        wanted = view.sizeHintForColumn(0) + 2 * view.frameWidth() + 24
        view.setMinimumWidth(min(max(wanted, self.width()), screen - 16))
        super().showPopup()
