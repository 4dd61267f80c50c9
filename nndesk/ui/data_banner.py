"""The missing-data banner: what is missing, and the buttons that get it (download, folder).

Every page that needs a dataset shows one; they all follow the one ``DownloadController``
(wired in nndesk/app), so a download started on one page shows its progress on every banner
waiting for that dataset, and Cancel on any of them stops it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLayout,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from nndesk.controllers.downloads import MIRROR_HELPS
from nndesk.data.download import files_present
from nndesk.data.registry import DATASETS
from nndesk.i18n import QT_TRANSLATE_NOOP
from nndesk.setting_words import dataset_text
from nndesk.ui.banner import message_banner
from nndesk.ui.buttons import tipped_button
from nndesk.ui.details_area import DetailsArea
from nndesk.ui.flow_layout import flow_row
from nndesk.ui.language import fill, translate, translate_marked

MB = 1 << 20  # the sizes the buttons promise are in these
PROGRESS_WIDTH = 160  # px: the download's bar, beside Cancel when the line has the room
#: the Switch button's text per window mode, named as the Mode menu names the modes
SWITCH_TEXTS = {
    "digits": QT_TRANSLATE_NOOP("DataBanner", "Switch to Digits"),
    "garments": QT_TRANSLATE_NOOP("DataBanner", "Switch to Clothing"),
}


def _mode_of(dataset: str | None) -> str | None:
    """The window mode whose pages use registered ``dataset`` ("fashion" -> "garments")."""
    from nndesk.data.registry import DATASETS

    spec = DATASETS.get(dataset) if dataset else None
    return spec.preprocess if spec is not None and spec.preprocess in SWITCH_TEXTS else None


def download_label(name: str) -> str:
    """ "Download MNIST (11 MB)": the size in the progress bar's MB."""
    spec = DATASETS.get(name)
    size = f" ({spec.download_bytes / MB:.0f} MB)" if spec and spec.download_bytes else ""
    return translate("DataBanner", "Download {title}").format(title=dataset_text(name)) + size


class DataBanner(QWidget):
    """A hidden banner; ``show_problem(message, dataset)`` shows it, with download buttons when
    ``dataset`` is a registered dataset that is not on this computer."""

    download_requested = Signal(str)  # dataset name: start downloading it
    switch_requested = Signal(str)  # window mode ("digits", "garments") whose dataset is here
    choose_folder_requested = Signal()  # the user wants to pick a data folder
    cancel_requested = Signal()  # stop the running download
    mirror_settings_requested = Signal()  # open File > Settings… at the classroom mirror
    reworded = Signal()  # the failure shown was said anew (``on_failure_reworded``)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._dataset: str | None = None  # the missing dataset this banner offers
        self._switch_to: str | None = None  # the mode of the dataset the folder holds instead
        self._downloading: str | None = None  # the dataset any banner is downloading
        # the kind of the failed download the banner says ("offline", "mirrors", ...), or None
        self._failed: str | None = None
        # dataset -> its last failed download (``DownloadController.failure``): a banner shown
        # after the failure says it too, not "not on this computer yet" (``watch_failures``)
        self._failure_of: Callable[[str], object] = lambda name: None
        # the window's mode now (``watch_mode``): no "Switch to Digits" offered in Digits
        self._window_mode: Callable[[], str | None] = lambda: None
        # what ``show_problem`` was last asked to say: said again when the failure it shows
        # instead is worded anew (``on_failure_reworded``)
        self._asked: tuple = ()
        self.label = message_banner()
        self.label.setVisible(True)
        # the long account (the reader's reason, the folder, what Download does there): a
        # banner says what is wrong and what to do in two lines, the rest on request
        self.details_label = message_banner()
        # whole when the page has the room, else a few lines and a scroll bar: as a plain
        # label it raised the page's least height and the window grew (walk52 #10)
        self.details_area = DetailsArea(self.details_label)
        self.details_button = tipped_button(
            translate("DataBanner", "Details"),
            translate("DataBanner", "Show or hide why the file cannot be read and where it is"),
        )
        self.details_button.setCheckable(True)
        self.details_button.setVisible(False)
        self.details_button.toggled.connect(self.details_area.setVisible)
        self.details_button.toggled.connect(self.details_label.setVisible)
        self.download_button = QPushButton(translate("DataBanner", "Download"))
        self.download_button.clicked.connect(self._on_download_button_clicked)
        self.folder_button = tipped_button(
            translate("DataBanner", "Choose a folder…"),
            translate(
                "DataBanner",
                "Point nndesk at a folder holding the four IDX files (also File > Data folder…)",
            ),
        )
        self.folder_button.clicked.connect(self.choose_folder_requested)
        self.mirror_button = tipped_button(
            translate("DataBanner", "Classroom mirror…"),
            translate(
                "DataBanner",
                "Open File > Settings… at the classroom mirror: a web address or shared folder "
                "where a teacher serves the datasets, tried before the internet",
            ),
        )
        self.mirror_button.clicked.connect(self.mirror_settings_requested)
        self.switch_button = QPushButton()
        self.switch_button.setToolTip(  # named for the dataset found, in show_problem
            translate(
                "DataBanner", "Switch the window to the mode of the dataset this folder holds"
            )
        )
        self.switch_button.clicked.connect(self._on_switch_button_clicked)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress.setToolTip(
            translate("DataBanner", "Downloaded so far; the files are checked before they are kept")
        )
        self.cancel_button = tipped_button(
            translate("DataBanner", "Cancel"),
            translate("DataBanner", "Stop the download; files already checked are kept"),
        )
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_requested)
        # wrapped on a narrow page: in one row the buttons were wider than the page at the
        # window's least width (Download cut in English, the window 7 px wider in Vietnamese)
        self.progress.setMinimumWidth(PROGRESS_WIDTH)  # a line has no stretch to give it
        self.buttons = flow_row(
            self.switch_button,
            self.download_button,
            self.folder_button,
            self.mirror_button,
            self.progress,
            self.cancel_button,
            self.details_button,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.label)
        layout.addWidget(self.buttons)
        layout.addWidget(self.details_area)
        self._refresh()  # tooltips and visibility of the (hidden) buttons
        self.setVisible(False)

    # ---- what the page says ------------------------------------------------------------------
    def text(self) -> str:
        return self.label.text()

    def setText(self, text: str) -> None:  # noqa: N802 - the QLabel API pages already use
        """A plain message without download buttons (export errors and the like)."""
        self.show_problem(text, None)

    def offered_dataset(self) -> str | None:
        """The missing dataset the buttons offer, or None."""
        return self._dataset if self.isVisibleTo(self.parentWidget() or self) else None

    def details(self) -> str:
        """The long account behind the message (shown by Details), or ""."""
        return self.details_label.text()

    def watch_failures(self, failure_of: Callable[[str], object]) -> None:
        """``failure_of(name)``: the last failed download of ``name`` (a ``DownloadFailure``)
        or None; a problem shown about a dataset whose download failed says that failure."""
        self._failure_of = failure_of

    def watch_mode(self, window_mode: Callable[[], str | None]) -> None:
        """``window_mode()``: the window's mode ("digits"); Switch is offered only towards
        another mode (in Digits, "Switch to Digits" only changed the Train form back to an
        MNIST preset, walk55b D1)."""
        self._window_mode = window_mode
        self._refresh()

    @Slot(str)
    def mode_changed(self, _mode: str) -> None:
        """The window's mode changed: the Switch button offered, or not, anew."""
        self._refresh()

    @Slot(str, object)
    def show_problem(
        self,
        message: str,
        missing: str | None = None,
        switch_to: str | None = None,
        details: str = "",
        after: str = "",
    ) -> None:
        """Show ``message``; ``missing`` names a registered dataset to offer for download;
        ``switch_to`` the registered dataset the data folder holds instead of the one wanted
        (a "Switch to Clothing" button then switches the window to its mode); ``details`` the
        long account behind a short message (its tooltip, and under Details); ``after`` a
        sentence said after the message, whatever it is.

        When a download of ``missing`` failed since the data last changed, the banner says that
        failure instead of ``message`` (why, and the ways out: Try again, Choose a folder…,
        Classroom mirror…), as the banner that started it does: every page says the same."""
        self._asked = (message, missing, switch_to, details, after)
        failure = self._failure_of(missing) if missing else None
        self._failed = getattr(failure, "kind", None)
        tip = details
        if failure is not None:
            message = failure.message
            tip = fill(translate("DataBanner", "Details: {details}"), details=failure.details)
            tip = tip if failure.details else ""
            details = ""  # of a damaged file the failed download was to replace
        if after:
            message = f"{message} {after}"
        self._dataset = missing
        self._switch_to = _mode_of(switch_to)
        if self._switch_to is not None:
            label = SWITCH_TEXTS[self._switch_to]
            self.switch_button.setText(translate_marked("DataBanner", label))
            self.switch_button.setToolTip(
                translate(
                    "DataBanner",
                    "Switch the window to the mode of {title}, which this folder holds: its "
                    "model and pages then read it (also the Mode menu)",
                ).format(title=dataset_text(str(switch_to)))
            )
        self.label.setText(message)
        self.label.setToolTip(tip)
        self._set_details(details)
        self._refresh()
        self.setVisible(True)

    def clear(self) -> None:
        """Hide the banner (the data arrived, or the page has nothing to complain about)."""
        self._asked = ()
        self._dataset = None
        self._switch_to = None
        self._failed = None
        self.label.setToolTip("")
        self._set_details("")
        self.setVisible(False)

    def _set_details(self, details: str) -> None:
        """The long account under Details (closed), and the button only when there is one."""
        self.details_label.setText(details)
        self.details_button.setChecked(False)
        self.details_area.setVisible(False)
        self.details_label.setVisible(False)
        self.details_button.setVisible(bool(details))

    def wanted_dataset(self) -> str | None:
        """The dataset this banner offers, shown or not (None once it arrived)."""
        return self._dataset

    # ---- the download controller's signals ---------------------------------------------------
    @Slot(str)
    def on_download_started(self, name: str) -> None:
        self._downloading = name
        self.progress.setRange(0, 0)
        self.progress.setFormat(translate("DataBanner", "connecting…"))
        if name == self._dataset:
            self._failed = None
            title = dataset_text(name)
            self.label.setText(
                translate(
                    "DataBanner", "Downloading {title}; each file is checked before it is kept."
                ).format(title=title)
            )
            self.label.setToolTip("")
            self._set_details("")  # of the damaged file the download replaces
        self._refresh()

    @Slot(str, int, int)
    def on_download_progressed(self, name: str, done: int, total: int) -> None:
        if name != self._dataset:
            return
        # in kB, so 30 MB fits the bar's int range with room to spare
        self.progress.setRange(0, max(total // 1024, 1))
        self.progress.setValue(done // 1024)
        self.progress.setFormat(
            fill(
                translate("DataBanner", "{done:.1f} of {total:.0f} MB"),
                done=done / MB,
                total=total / MB,
            )
        )

    @Slot(str)
    def on_download_finished(self, name: str) -> None:
        self._downloading = None
        if name == self._dataset:
            self.label.setText(
                translate("DataBanner", "{title} is downloaded and verified.").format(
                    title=dataset_text(name)
                )
            )
            self._dataset = None
        self._refresh()

    @Slot(str, str, str)
    def on_download_failed(self, name: str, message: str, kind: str) -> None:
        self._downloading = None
        if name == self._dataset:
            self._failed = kind
            self.label.setText(message)
        self._refresh()

    @Slot(str, str)
    def on_download_failure_details(self, name: str, details: str) -> None:
        """The long account (sources tried, hashes) of the failure about to be shown."""
        if name == self._dataset:
            self.label.setToolTip(
                fill(translate("DataBanner", "Details: {details}"), details=details)
            )

    @Slot(str)
    def on_failure_reworded(self, name: str) -> None:
        """What the failed download of ``name`` says changed (another classroom mirror set, or
        the failure came from the window this one replaced): a banner offering ``name`` says
        it as it is now, as a banner shown now would."""
        if name == self._dataset and self._downloading != name and self._asked:
            self.show_problem(*self._asked)
            self.reworded.emit()

    @Slot(str)
    def on_download_cancelled(self, name: str) -> None:
        self._downloading = None
        if name == self._dataset:
            title = dataset_text(name)
            kept = files_present(name)
            if kept:
                # files that arrived before Cancel were verified and stay: say so
                text = fill(
                    translate(
                        "DataBanner",
                        "Download of {title} cancelled: {kept} of 4 files are here; the rest "
                        "was not kept.",
                    ),
                    title=title,
                    kept=kept,
                )
            else:
                text = translate("DataBanner", "Download of {title} cancelled; nothing was kept.")
                text = text.format(title=title)
            self.label.setText(text)
        self._refresh()

    def switch_offered(self) -> str | None:
        """The mode the Switch button offers ("garments"), or None."""
        return self._switch_to if self.switch_button.isVisibleTo(self) else None

    def _refresh(self) -> None:
        offering = self._dataset is not None
        mine = offering and self._downloading == self._dataset
        switching = self._switch_to is not None and self._switch_to != self._window_mode()
        self.buttons.setVisible(offering or switching or bool(self.details_label.text()))
        self.switch_button.setVisible(switching and not mine)
        self.download_button.setVisible(offering and not mine)
        self.download_button.setText(
            translate("DataBanner", "Try again")
            if offering and self._failed is not None
            else download_label(str(self._dataset))
            if offering
            else translate("DataBanner", "Download")
        )
        self.folder_button.setVisible((offering or switching) and not mine)
        self.mirror_button.setVisible(offering and not mine and self._failed in MIRROR_HELPS)
        self.progress.setVisible(mine)
        self.cancel_button.setVisible(mine)
        other = self._downloading is not None and not mine
        self.download_button.setEnabled(not other)
        self.download_button.setToolTip(
            translate("DataBanner", "Another download ({title}) is running").format(
                title=dataset_text(str(self._downloading))
            )
            if other
            else translate(
                "DataBanner",
                "Download the four files from the mirrors (a classroom mirror first, if set "
                "in File > Settings…), check their SHA-256 and keep them in nndesk's cache",
            )
        )

    @Slot()
    def _on_switch_button_clicked(self) -> None:
        if self._switch_to is not None:
            self.switch_requested.emit(self._switch_to)

    @Slot()
    def _on_download_button_clicked(self) -> None:
        if self._dataset is not None:
            self.download_requested.emit(self._dataset)


class EvaluationDataBanner(DataBanner):
    """The banner of a page that works on the window's evaluation (Lab, Map, Mistakes): when
    the evaluation fails for want of the test images (missing, damaged, or a folder of the
    other dataset) it offers them as Evaluate does, and once data arrives anywhere it goes and
    asks for the evaluation again (``retry_requested``; the window starts one, not one per
    page). ``has_result`` tells whether the page already shows an evaluation: then a later
    failure is not its business."""

    retry_requested = Signal()  # the data this banner asked for arrived: evaluate again

    def __init__(self, has_result: Callable[[], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._has_result = has_result
        self._scoring = None  # the classifier being evaluated, whose dataset is wanted
        self._shown_for: str | None = None  # the dataset of the model whose failure is shown

    @Slot(object)
    def evaluation_started(self, classifier) -> None:
        self._scoring = classifier
        if not self.isHidden() and getattr(classifier, "dataset", None) != self._shown_for:
            # it said the last model's data was missing ("MNIST is not on this computer"):
            # the model scored now needs other data, or none of ours (an image folder's)
            self.clear()

    def offer_failure(self, message: str, offer=None) -> bool:
        """Show the evaluation's failure ``message`` with the buttons that get the data
        (``offer``: the failed load's DataOffer, or None); False, showing nothing, when the
        page has an evaluation or the failure is not about data on this computer (a banner
        an earlier model's failure left goes then: fix54a #3, "MNIST is not on this computer"
        stayed over a model trained on an image folder)."""
        from nndesk.controllers.datasets import other_dataset_found

        if self._has_result():
            return False
        dataset = getattr(self._scoring, "dataset", None)
        other = other_dataset_found(dataset)
        if offer is None and other is None:
            self.clear()
            return False
        self._shown_for = dataset
        details = offer.details if offer is not None else ""
        self.show_problem(message, offer.name if offer is not None else None, other, details)
        return True

    @Slot()
    def data_changed(self) -> bool:
        """The datasets on this computer changed (a download anywhere, a folder chosen): a
        banner shown goes and asks for the evaluation again; True when it did."""
        if self.isHidden():
            return False
        self.clear()
        self.retry_requested.emit()
        return True


class DownloadDialog(QDialog):
    """A missing dataset offered where no page banner is at hand (Train, "Show test image")."""

    #: the person closed it (Close, Escape, the title bar's X), not the data's arrival
    dismissed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("DownloadDialog", "Dataset needed"))
        self.banner = DataBanner()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setToolTip(
            translate("DownloadDialog", "Close; a running download goes on")
        )
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addStretch(1)  # height to spare goes below the banner, not between its lines
        layout.addWidget(buttons)
        # the least height is the text's at the dialog's width (fit_height), not the layout's
        # minimum: that counts the Details text wrapped at its narrowest, 50 px more than it is
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setMinimumWidth(520)
        # Details opened or closed: the dialog fits its text again (it kept the height it grew
        # to, spread as gaps between the message and its buttons)
        self.banner.details_button.toggled.connect(
            lambda _on: QTimer.singleShot(0, self, self.fit_height)
        )
        # its failure said anew (another mirror named): as tall as the new words need
        self.banner.reworded.connect(lambda: QTimer.singleShot(0, self, self.fit_height))

    def offer(
        self, message: str, name: str, details: str = "", switch_to: str | None = None
    ) -> None:
        """Show ``message`` with the buttons that get dataset ``name`` (``details``: the long
        account behind it; ``switch_to``: the dataset the data folder holds instead)."""
        self.banner.show_problem(message, name, switch_to, details)
        self.show()
        self.fit_height()
        self.raise_()
        self.activateWindow()

    def reject(self) -> None:
        """Close, Escape and the title bar's X all come here (``close`` calls it too)."""
        self.dismissed.emit()
        super().reject()

    def settle(self) -> None:
        """The data offered came (a folder chosen holds it): the offer and any old failure
        in it go, without a dismissal (what was waiting for the data still gets it)."""
        self.banner.clear()
        self.hide()

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():  # wider or narrower: other lines
            QTimer.singleShot(0, self, self.fit_height)

    @Slot()
    def fit_height(self) -> None:
        """As tall as its text needs at the width it has. ``adjustSize`` measured the wrapped
        text at the width of the size hint (400 px), narrower than the dialog (520 px or more):
        the lines it counted and did not need stayed as spare height under the buttons, more
        with Details open, and closing Details left that much again."""
        layout = self.layout()
        layout.activate()  # the banner's rows as they are now (Details shown or hidden)
        height = layout.totalHeightForWidth(self.width())
        self.setMinimumHeight(height)  # not less: the text would be cut
        self.resize(self.width(), height)
