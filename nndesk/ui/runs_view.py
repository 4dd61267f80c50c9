"""RunsView: the table of past runs; selecting two or more overlays their curves."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from nndesk.controllers.run_list import RunListReader
from nndesk.run_curves import Curves
from nndesk.run_record import RUNNING, RunRecord
from nndesk.ui import text_size, theme
from nndesk.ui.buttons import tipped_button
from nndesk.ui.chart_image import ChartImage
from nndesk.ui.export_code import selected_run_experiment
from nndesk.ui.file_manager import show_folder
from nndesk.ui.flow_layout import WrappingColumn, flow_row
from nndesk.ui.folder_watch import FolderWatch
from nndesk.ui.language import translate
from nndesk.ui.off_gui import ChartRenders, Delivery
from nndesk.ui.runs_chart import render_selected
from nndesk.ui.runs_deletion import RunDeletion, warn
from nndesk.ui.runs_export_menu import RunsExportMenu
from nndesk.ui.runs_large import LargeChart
from nndesk.ui.runs_legend import legend_settings
from nndesk.ui.runs_split import RunsSplit
from nndesk.ui.runs_table import (
    COLUMNS,
    LAYERS,
    LEAD_SEPARATOR,
    NARROW_ROLE,
    PRESET,
    SETTINGS,
    STARTED,
    STATUS,
    TEST_ACC,
    RunsTableModel,
    diverged_tip,
)
from nndesk.ui.train_tabs import scrolled
from nndesk.ui.word_elision import ELLIPSIS, WordElidingDelegate, elided_at_words, text_room

SETTINGS_MIN_WIDTH = 140  # px: "relu, adam, lr 0.001, ..." begins to be read; the rest in its tip
#: px Settings may widen to show the part of its cells that tells runs apart ("ReLU, pixels 0
#: to 255 · …"), never more: the other columns stay where a 1024-px page shows them
SETTINGS_LEAD_WIDTH = 300
LAYERS_MAX_WIDTH = 130  # px: a long architecture is elided (whole in its tip), never widening
# the column until the accuracy and status are pushed off a 1024-px page
#: px the Preset column takes at most: "mnist-relu-softmax-plus" whole at 9 pt; a longer one
#: ("…, changed", a larger text) is cut at its end, whole in its tooltip
PRESET_MAX_WIDTH = 170
#: px the Preset column keeps at least where the table's room is short: narrower than its names,
#: it yields before the accuracy and the status leave the table's sight (verify65 #2: 439 px in
#: Vietnamese at Larger text in a 1024x700 window), its names cut, whole in their tooltips
PRESET_LEAST_WIDTH = 80
#: px the Preset column leaves the Settings cells of runs told apart, as far as it can yield:
#: a value and its name's last word ("… 0,001", "sigmoid … 255"); at 60 px they read "tốc đ…"
#: (vi, Larger, 1024x700, five runs: the table's vertical scroll bar took 14 px)
PRESET_LEAVES_SETTINGS = 90
#: the order the columns are shown in: what tells runs apart first, whether and how well each
#: ended (its test accuracy, its status) next, the long Settings text last. Status came after
#: Dataset: at 1024 px a Fashion-MNIST run's (or, in Vietnamese at the larger text, any run's)
#: status was a sideways scroll away, and whether a run had finished could not be seen (walk61)
SHOWN_ORDER = (
    "Started",
    "Layers",
    "Test acc",
    "Status",
    "Preset",
    "Dataset",
    "Epochs",
    "Val acc",
    "Settings",
)
#: the order when some listed run came from a lab preset: its name, which says the lab (and
#: mostly its data and layers), where the layers were; at 1024 px and Larger text in
#: Vietnamese the Preset column after Status was cut to "fashion…" (seen on Xvfb)
PRESET_ORDER = (
    "Started",
    "Preset",
    "Test acc",
    "Status",
    "Layers",
    "Dataset",
    "Epochs",
    "Val acc",
    "Settings",
)
#: the order when runs of the same data and layers are listed, told apart by their settings:
#: the Settings cell (what tells them apart leads it) comes after the start, the run then read
#: as the hint and the chart name it ("07:06:43 (sigmoid, pixels 0 to 255)"), its accuracy and
#: status next. Last, it was a sideways scroll away at 1024 px, and cut at 1280: in front of a
#: class the sigmoid run of lab 2 could not be pointed at (walk59 D15). After Layers, it pushed
#: the accuracy off a Vietnamese 11 pt table (453 px)
TOLD_APART_ORDER = (
    "Started",
    "Settings",
    "Test acc",
    "Status",
    "Preset",
    "Dataset",
    "Layers",
    "Epochs",
    "Val acc",
)
#: the order when runs are told apart by their settings and some came from a lab preset: the
#: lab's name and what tells the runs of one data and layers apart side by side, before the
#: accuracy and status. With the Preset after Status it was a sideways scroll away at 1024 px
#: in Vietnamese at Larger text (verify65 #2), where a person compares the lab runs with their
#: own
TOLD_APART_PRESET_ORDER = (
    "Started",
    "Preset",
    "Settings",
    "Test acc",
    "Status",
    "Dataset",
    "Layers",
    "Epochs",
    "Val acc",
)
#: the columns given the room left at the table's right edge, first the first in sight: a
#: column there begun and cut by the edge read as a word cut ("Fash", "MNI": verify65 #7).
#: Text columns only: not Layers (a long architecture never widens it), nor a number column
#: (the accuracy's two-line title keeps it narrow); with none in sight the edge cuts as before
SPARE_ROOM_TAKERS = ("Settings", "Preset", "Dataset")
#: px Settings keeps at least where it comes second (a lead as short as "tanh")
SETTINGS_FORWARD_MIN_WIDTH = 60
#: Runs the chart overlays at most: six take three legend columns of two rows at 1024x700 and
#: six of the legend's seven colours; at four, lab 2's four runs and a repeat left the lab's
#: first run out (walk58 #3). At seven the legend (and its two line styles) squeezed the batch
#: chart to a sliver (Ctrl+A on 2,000 runs labelled each against every other for 8 s)
OVERLAY_RUNS = 6
#: Runs left out of the chart that its hint names, one by one (more: it says how many)
NAMED_LEFT_OUT = 3
TABLE_MIN_ROWS = 3  # rows the table always shows, however low the window
# The chart's least size (px): its titles, legend and x-axis take some 88 px, so at 140 the
# plots were 52 px tall and cramped under a stopped run's offer and the coach's box; at 150
# they keep 62 px, and the page at 1024x700 still has that beside the table's three rows in
# either language (Vietnamese: 157 px). Lower than that the page scrolls, never squashes.
CHART_MIN_WIDTH, CHART_MIN_HEIGHT = 320, 150
#: Rows (the first in the table's order) a column's width is fitted to
FIT_ROWS = 40
CELL_PADDING = 14  # px around a cell's text (the style's margins and focus frame)
HEADER_PADDING = 26  # px around the sorted column's title, with room for its sort arrow
#: px around another column's title: the style draws the arrow on the sorted column alone, and
#: its room on every column cost a Vietnamese 11 pt table (453 px) 14 px a column
TITLE_PADDING = 12


#: how many listed runs' folders are watched besides the running ones: each is an inotify
#: watch (a user's watches are limited, often to 8192, shared by every program), and a run
#: rewritten by another window is nearly always one of the newest
FOLLOWED_RUNS = 100


def _group_of(record: RunRecord) -> tuple[str, str]:
    """The data and layers whose runs a Settings cell tells ``record`` apart from."""
    return (str(record.config.get("dataset", "")), record.architecture)


def _told_apart_width(
    leads: list[tuple[tuple[str, str], str]], metrics: QFontMetrics, every: bool = True
) -> tuple[int, bool]:
    """The px (with its padding, at most SETTINGS_LEAD_WIDTH, 0 without a lead) in which the
    narrow Settings cells of ``leads`` ((data and layers, lead) a row), cut between words,
    each keep their first word and read as apart as whole within each data and layers, and
    whether they are cut in their middle there (else at their end), whichever needs less:
    "batch 1024" beside "batch 128…" (its schedule cut off), "lr 0.01" beside "lr … 0.001 →
    0.05", and "sigmoid, [0; 255]" beside "ReLU, [0; 255]" whole ("… [0; 255]" hid the
    activation). With ``every`` a cell may drop only the words every lead of its group says:
    each says every setting its group differs in ("lr 0.3, batch 60", not "… 60")."""
    widest = max((metrics.horizontalAdvance(lead) for _, lead in leads), default=0)
    if not widest:
        return 0, True
    most = min(widest + CELL_PADDING, SETTINGS_LEAD_WIDTH)
    shared = _shared_words(leads)

    def apart(width: int, middle: bool) -> bool:
        shown: dict[tuple[str, str], set[str]] = {}
        whole: dict[tuple[str, str], set[str]] = {}
        for group, lead in leads:
            cut = elided_at_words(lead, metrics, width - CELL_PADDING, middle)
            if lead and not cut.startswith(lead.split(" ")[0]):
                return False
            # only words every run of its group says may go: "tốc … batch)" and "tốc độ …
            # 60" read apart, and neither said the rate they differ in (verify68 #1)
            if every and not set(_dropped_words(lead, cut)) <= shared[group]:
                return False
            shown.setdefault(group, set()).add(cut)
            whole.setdefault(group, set()).add(lead)
        return all(len(shown[g]) == len(whole[g]) for g in whole)

    def least(middle: bool) -> int:
        low, high = min(PRESET_LEAVES_SETTINGS, most), most  # apart at ``most``: whole
        while low < high:
            width = (low + high) // 2
            if apart(width, middle):
                high = width
            else:
                low = width + 1
        return high

    middle, end = least(True), least(False)
    return (middle, True) if middle <= end else (end, False)


def _shared_words(leads: list[tuple[tuple[str, str], str]]) -> dict[tuple[str, str], set[str]]:
    """(data and layers) -> the words every lead of that group says ("lr" of "lr 0.5, whole
    set" and "lr 0.3, batch 60"): a cut cell may drop them and still say what tells it apart."""
    shared: dict[tuple[str, str], set[str]] = {}
    for group, lead in leads:
        words = set(_words(lead))
        shared[group] = shared[group] & words if group in shared else words
    return shared


def _words(text: str) -> list[str]:
    """``text``'s words without the commas that join its parts ("0.3," is "0.3")."""
    return [w.rstrip(",;·") for w in text.split(" ") if w.rstrip(",;·")]


def _dropped_words(text: str, cut: str) -> list[str]:
    """The words of ``text`` that ``cut`` (``text`` with words dropped for "…", a last one
    perhaps cut at a character) no longer says whole."""
    kept = _words(cut.replace(ELLIPSIS, " "))
    dropped = []
    for word in _words(text):
        if word in kept:
            kept.remove(word)
        else:
            dropped.append(word)
    return dropped


def followed_folders(records) -> list[Path]:
    """The run folders whose run.json a RunsView watches: every running run's and the newest
    ``FOLLOWED_RUNS`` others' (run ids begin with their start time)."""
    running = [r.folder for r in records if r.status == RUNNING]
    others = sorted((r for r in records if r.status != RUNNING), key=lambda r: r.run_id)
    return running + [r.folder for r in others[-FOLLOWED_RUNS:]]


class RunsView(QWidget):
    """Every stored run in a table; select runs to compare their curves."""

    selection_changed = Signal(object)  # list[RunRecord] now selected
    use_model_requested = Signal(object)  # Path of the selected run's model file
    export_png_requested = Signal()
    export_csv_requested = Signal()
    code_written = Signal(object)  # Path of the script or notebook Export code wrote
    listed = Signal()  # the table now shows a fresh listing of the runs folder
    #: the runs folder changed while this view is hidden (its page may list it again)
    folder_changed = Signal()
    rendered = Signal()  # the chart now shows the selected runs' curves
    render_failed = Signal(str)  # the chart could not be drawn: the line it shows instead

    def __init__(self, reader: RunListReader, parent: QWidget | None = None) -> None:
        """``reader`` lists the runs of ``reader.store``: at once when only a few small run.json
        files changed, else on its worker thread. It has no Qt parent: a listing under way keeps
        it alive even if this view is deleted."""
        super().__init__(parent)
        self.store = reader.store
        self._records: list[RunRecord] = []
        #: runs of this window whose run.json could not be written to its end (a full disk):
        #: run id -> (the record as the window holds it, why); shown instead of the one read
        #: back, which said "interrupted, 2 epochs" for a run that trained 10 (walk52 D7)
        self._unsaved: dict[str, tuple[RunRecord, str]] = {}
        self._overlay_stale = True  # the selection changed since its curves were drawn
        self._reader = reader
        self._reader.listed.connect(self._on_reader_listed)
        self._select_when_listed: str | None = None
        #: px the Settings column keeps for what tells the listed runs apart (_fit_columns)
        self._settings_least = 0
        self._words_least = 0  # px the widest of those takes in words, whole
        #: px that takes as a narrow cell says it (``Row.lead``, "ReLU, [0, 1]"), and whether
        #: narrow cells are cut in their middle to keep the runs apart (else at their end)
        self._lead_least, self._lead_middle = 0, True
        #: the same where a cell says every setting its runs differ in (``_told_apart_width``'s
        #: ``every``), taken where the lab's name can yield that far
        self._whole_least, self._whole_middle = 0, True
        self._lead_cut_middle = True  # the one of the two the cells are cut by
        self._preset_names_least = 0  # px the listed labs' names take whole (_fit_columns)
        #: (column, px) given it at the table's right edge (``_give_spare_room``), or None
        self._spare: tuple[int, int] | None = None
        self._preset_width = 0  # px its names take (_fit_columns), at most PRESET_MAX_WIDTH
        self._preset_title_least = 0  # px its title takes, on two lines where it may
        #: the columns are in TOLD_APART_ORDER (listed runs are told apart by their settings)
        self.settings_forward = False
        #: the view was shown: the next listing scrolls the table to its selected run (walk58
        #: #7: a race's four kept lanes, the newest selected, opened scrolled to older runs)
        self._reveal_selection = False
        self.reading = False  # a listing is being read on the worker thread
        #: the file of the model the window uses (set where the window is wired, app/wiring.py):
        #: deleting its run says that model goes on answering
        self.model_in_use: Callable[[], str | os.PathLike | None] = lambda: None

        # a model over the records: the view asks for the rows it shows (2,000 runs made
        # 16,000 widget items on the GUI thread)
        self.model = RunsTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        #: the Settings cells say what tells the runs apart alone, cut in its middle where
        #: that keeps them apart in less room (_fit_settings_column, _told_apart_width); else
        #: they are cut at their end. Cut between words either
        #: way: Qt's own cut read "tốc độ họ…01 → 0,05" (verify63 V10)
        self._settings_narrow = False
        self.table.setItemDelegateForColumn(
            SETTINGS,
            WordElidingDelegate(
                lambda: self._settings_narrow and self._lead_cut_middle, self.table
            ),
        )
        # "mnist-gd, changed" too wide for its cell says "mnist-gd, ch…": the name
        self.table.setItemDelegateForColumn(
            PRESET, WordElidingDelegate(lambda: False, self.table, NARROW_ROLE)
        )
        # one line of text a row (the style's default is taller): more runs in a low window
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.viewport().installEventFilter(self)
        header = self.table.horizontalHeader()
        # widths set by _fit_columns from the texts of the first rows: Qt's own fitting asked
        # the model for some twenty values per cell, 0.1-0.2 s of the GUI thread for 2,000 runs.
        # Settings takes the spare width but never less than SETTINGS_MIN_WIDTH: a narrow page
        # scrolls the table sideways rather than squeezing the column to nothing
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # the header gets a selection of its own that stays empty (whole rows are selected, no
        # column is ever marked): with the table's, every paint after Ctrl+A asked whether each
        # column was wholly selected, row by row, two Python calls a cell (32,000 for 2,000 runs)
        header.setSelectionModel(QItemSelectionModel(self.model, header))
        self._order_columns(SHOWN_ORDER)
        # newest first, as the runs are listed, said by the arrow (theme.EdgeStyle turns
        # Fusion's, which pointed up for this order)
        header.setSortIndicator(STARTED, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self._on_sort_indicator_changed)
        self.table.setSortingEnabled(True)

        self._hint_text = translate(
            "RunsView", "Select two or more runs (Ctrl/Shift-click) to compare their curves."
        )
        self.hint = QLabel(self._hint_text)
        theme.set_tone(self.hint, "muted")
        self.hint.setWordWrap(True)  # a line of its own: beside the buttons it was squeezed
        self._use_tip = translate(
            "RunsView", "load the selected run's model into the prediction view"
        )
        # the row's buttons as wide as their words (SnugButton): one line at 1024 px in
        # Vietnamese at Larger text, with room to spare (at the style's 80 px least, none)
        self.use_button = tipped_button(
            translate("RunsView", "Use model"), self._use_tip, snug=True
        )
        self.large_button = tipped_button(
            translate("RunsView", "Enlarge chart"),
            translate(
                "RunsView",
                "show the selected runs' curves in a window as large as this one (also a click"
                " on the chart); Esc puts them back",
            ),
            snug=True,
        )
        #: the window the chart is moved to by Enlarge chart, while it is open
        self.large: LargeChart | None = None
        self.folder_button = tipped_button(
            translate("RunsView", "Show folder"),
            translate("RunsView", "open the selected run's folder in the file manager"),
            snug=True,
        )
        self.delete_button = tipped_button(
            translate("RunsView", "Delete…"),
            translate("RunsView", "move the selected runs' folders to the system trash"),
            snug=True,
        )
        # the curves' PNG, the histories' CSV and the run's code: one menu (ui/runs_export_menu)
        self.export_menu = RunsExportMenu(
            self, lambda: selected_run_experiment(self), self.code_written.emit
        )
        self.export_button = self.export_menu.button
        self.png_action, self.csv_action = self.export_menu.png_action, self.export_menu.csv_action
        self.code_actions = self.export_menu.code_actions
        # the buttons wrap onto a second line on a narrow page rather than being cut
        buttons = flow_row(
            self.use_button,
            self.export_button,
            self.folder_button,
            self.delete_button,
            # last: at Larger text in Vietnamese the lines held 3 and 4 buttons with it there,
            # 2, 2 and 3 with it second (a line less for the chart)
            self.large_button,
            balanced=True,  # at 1024 px "Delete…" wrapped onto a line of its own
        )

        # the overlay is rendered to an image on the render pool (a full matplotlib draw took
        # 0.2 s of the GUI thread quiet, over a second under load) and shown here
        self.chart = ChartImage(CHART_MIN_WIDTH, CHART_MIN_HEIGHT)
        self.chart.installEventFilter(self)  # a click on it enlarges it
        self.chart.setCursor(Qt.CursorShape.PointingHandCursor)
        self._set_chart_tip()
        self._size_chart_to_zoom()
        self._delivery = Delivery()  # no Qt parent: a render under way outlives the view
        self._delivery.delivered.connect(self._on_delivery_delivered)
        self._delivery.failed.connect(self._on_delivery_failed)
        self._renders = ChartRenders(self._delivery, theme.colours())
        self._drawn_records: list[RunRecord] = []
        #: the run ids of the newest render asked for, and of the chart shown
        self._asked_runs: tuple[str, ...] = ()
        self._shown_runs: tuple[str, ...] | None = None
        # what the last overlay asked for shows: (legend label, thinned curves) per run
        self.plotted: list[tuple[str, Curves]] = []
        self._resized = QTimer(self)
        self._resized.setSingleShot(True)
        self._resized.setInterval(150)
        self._resized.timeout.connect(self._on_resized_timeout)
        self.chart.resized.connect(self._resized.start)  # drawn again once resizing settles
        theme.notifier().changed.connect(self._on_theme_changed)
        # run folders deleted (or put back) outside the window: listed again at once when
        # the list is on screen, else when it is shown (fix54a #5)
        self._watch = FolderWatch(self.store.root, self)
        self._watch.changed.connect(self._on_runs_folder_changed)
        #: the line said once over the usual hint by the next listing (a run found gone)
        self._gone_note = ""
        #: that line once said: it stays over the usual hint until the selection changes (a
        #: redraw at the chart's settled size put the usual hint back at once)
        self._gone_said = ""

        # the hint and the buttons wrap at 1024 px: the pane keeps room for all their lines
        top = WrappingColumn(self.table, self.hint, buttons)
        self.table.setMinimumHeight(self._rows_height(TABLE_MIN_ROWS))
        # the table shows up to eight rows before the chart grows past its least (at 1024x700
        # it kept three rows under a 215 px chart)
        split = RunsSplit(top, self.chart, self._rows_shared)
        self.split = split
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        # lower than the panes' least heights (1024x700 under a stopped run's offer and the
        # coach's box) the splitter drew the table over the hint and the window grew: the
        # panes keep their least heights and the chart's foot is a scroll away
        self.scroll = scrolled(split, 0)
        layout.addWidget(self.scroll)

        self._filling = False  # the selection changes _fill makes are answered once, after
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        # a sort moves the selected rows without a selectionChanged: the chart compares the
        # first selected runs in the order the person now sees
        self.model.layoutChanged.connect(self._on_table_selection_changed)
        self.use_button.clicked.connect(self._on_use_button_clicked)
        self.large_button.clicked.connect(self.enlarge_chart)
        self.png_action.triggered.connect(self.export_png_requested)
        self.csv_action.triggered.connect(self.export_csv_requested)
        self.delete_button.clicked.connect(self._on_delete_button_clicked)
        # Del on the table: Delete… (it asks first; nothing selected, nothing happens). It
        # cleared the canvas instead (walk59 D5)
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.table)
        delete_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(self.delete_button.click)
        self.folder_button.clicked.connect(self._on_folder_button_clicked)
        self.refresh()
        self._reader.remove_stale_temps_later()  # what killed saves left in run folders

    def _rows_shared(self) -> tuple[int, int, int]:
        """What ``RunsSplit`` shares the height by: the rows listed, a row's height and the
        rows the table's least height shows."""
        return (
            self.model.rowCount(),
            self.table.verticalHeader().defaultSectionSize(),
            TABLE_MIN_ROWS,
        )

    def _rows_height(self, rows: int) -> int:
        """Pixels the table needs to show its header, ``rows`` rows and a sideways scroll bar."""
        table = self.table
        row = table.verticalHeader().defaultSectionSize()
        bar = table.horizontalScrollBar().sizeHint().height()
        header = table.horizontalHeader().sizeHint().height()
        return header + rows * row + bar + 2 * table.frameWidth()

    # -- public --------------------------------------------------------------------------------
    def records(self) -> list[RunRecord]:
        return list(self._records)

    def keep_unsaved(self, record: RunRecord, reason: str) -> None:
        """Show ``record`` (a run of this window whose record on disk is behind, ``reason``)
        as the window knows it, wherever the listing finds its folder."""
        self._unsaved[record.run_id] = (record, reason)

    def unsaved(self) -> dict[str, tuple[RunRecord, str]]:
        """The runs ``keep_unsaved`` was given: run id -> (record, why), for a rebuilt window."""
        return dict(self._unsaved)

    def refresh(self, select_id: str | None = None) -> None:
        """Re-read the store; keep (or set) the selection. Done at once when only a few small
        records are new or changed, else on a worker thread ("Reading runs…" until ``listed``).
        """
        records = self._reader.list_if_quick()
        if records is None:
            self._select_when_listed = select_id
            self.reading = True
            self.hint.setText(translate("RunsView", "Reading runs…"))
            self._reader.list_later()
            return
        self._fill(records, select_id)

    @Slot(int, object)
    def _on_reader_listed(self, number: int, records: list) -> None:
        if number != self._reader.latest:
            return  # a newer listing was asked for since
        self._fill(records, self._select_when_listed)

    def _fill(self, records: list[RunRecord], select_id: str | None) -> None:
        """Show ``records``; keep the selection (or select ``select_id``)."""
        self.reading = False
        self._select_when_listed = None
        records = [self._known(r) for r in records]
        self._hint_text = self._usual_hint()
        self.hint.setText(self._hint_text)
        self._watch.watch_again()  # a runs folder made since, or made again
        # a run another process trains (a terminal's) rewrites its run.json as it ends, and
        # another window rewrites a listed run's (its test figures, walk60 D11): the listed
        # runs' folders are watched (only the runs folder's own entries were, walk55 D14),
        # the running ones and the newest others up to FOLLOWED_RUNS
        self._watch.follow(followed_folders(records))
        keep = {r.run_id for r in self.selected_records()}
        if select_id:
            keep = {select_id}
        self._records = records
        self._filling = True
        header = self.table.horizontalHeader()
        self.model.set_records(records)
        self.model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        self.settings_forward = self.model.tells_apart_by_settings()
        # no run from a lab preset (older runs, settings of the person's own): no empty column
        # taking the Dataset's place at 1024 px
        presets = any(r.preset is not None for r in records)
        self.table.setColumnHidden(PRESET, not presets)
        if self.settings_forward:
            order = TOLD_APART_PRESET_ORDER if presets else TOLD_APART_ORDER
        else:
            order = PRESET_ORDER if presets else SHOWN_ORDER
        self._order_columns(order)
        self._fit_columns()
        self._fit_settings_column()
        self.split.share()  # more or fewer rows to show
        self.select_runs(list(keep))
        if select_id or self._reveal_selection:
            self._reveal_selection = False
            self._scroll_to_selection()
        self._filling = False
        self._on_table_selection_changed()
        if self._gone_note:  # over the hint the selection left: why a row went
            self.hint.setText(self._gone_note)
            self._gone_said, self._gone_note = self._gone_note, ""
        self.listed.emit()

    def _usual_hint(self) -> str:
        """What the line above the buttons says with nothing to add: how to compare runs, or
        why no run can be listed when the runs "folder" is a file (the list was just empty)."""
        root = self.store.root
        try:
            a_file = root.exists() and not root.is_dir()
        except OSError:
            a_file = False
        if a_file:
            return translate(
                "RunsView",
                "{folder} is a file, not a folder: no run can be kept there. Runs still train; "
                "their models are saved in the nndesk folder.",
            ).format(folder=root)
        return translate(
            "RunsView", "Select two or more runs (Ctrl/Shift-click) to compare their curves."
        )

    def _known(self, listed: RunRecord) -> RunRecord:
        """``listed``, or the window's own record of that run when its run.json is behind."""
        kept = self._unsaved.get(listed.run_id)
        if kept is None:
            return listed
        record, reason = kept
        record.behind = reason
        return record

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_settings_column()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        # the table's viewport narrows when its vertical scroll bar comes (more rows than it
        # shows), the view keeping its size: the columns fitted to the wider viewport put the
        # status 14 px past its edge (verify65 #2)
        resized = event.type() == QEvent.Type.Resize and watched is self.table.viewport()
        if resized and event.size().width() != event.oldSize().width():
            self._fit_settings_column()
        clicked = event.type() == QEvent.Type.MouseButtonRelease and watched is self.chart
        left = clicked and event.button() == Qt.MouseButton.LeftButton
        if left and self.large is None and self.large_button.isEnabled():
            self.enlarge_chart()
            return True
        return super().eventFilter(watched, event)

    def _fit_columns(self) -> None:
        """Each column as wide as its title and its text in the first ``FIT_ROWS`` rows
        (Layers at most LAYERS_MAX_WIDTH; Settings takes the rest, see _fit_settings_column)."""
        model, header = self.model, self.table.horizontalHeader()
        cells, titles = self.table.fontMetrics(), header.fontMetrics()
        rows = [model.row_of(model.record(r)) for r in range(min(model.rowCount(), FIT_ROWS))]
        sorted_by = header.sortIndicatorSection()
        # where a title takes two lines (Vietnamese: "Độ chính xác" / "(kiểm tra)") the header
        # is two lines tall: a longer title may take them too ("Bắt" / "đầu"), and its column
        # be as narrow as its cells (28 px for Started at 11 pt, verify65 #2)
        shown = [c for c in range(len(COLUMNS)) if not header.isSectionHidden(c)]
        two_lines = any("\n" in model.one_line_title(c) for c in shown)
        for column in range(len(COLUMNS)):
            if column == SETTINGS:
                # at least as wide as what tells the runs apart, which leads the cells
                leads = [row.texts[SETTINGS].partition(LEAD_SEPARATOR) for row in rows]
                lead = max(
                    (cells.horizontalAdvance(f"{a}{b}…") for a, b, _ in leads if b), default=0
                )
                self._settings_least = min(lead + CELL_PADDING, SETTINGS_LEAD_WIDTH)
                words = (cells.horizontalAdvance(a) for a, b, _ in leads if b)
                self._words_least = max(words, default=0) + CELL_PADDING
                told = [(_group_of(model.record(r)), row.lead) for r, row in enumerate(rows)]
                self._lead_least, self._lead_middle = _told_apart_width(told, cells, False)
                self._whole_least, self._whole_middle = _told_apart_width(told, cells)
                continue
            padding = HEADER_PADDING if column == sorted_by else TITLE_PADDING
            texts = max(
                (cells.horizontalAdvance(row.texts[column]) + CELL_PADDING for row in rows),
                default=0,
            )
            title = model.one_line_title(column)
            # a title may take two lines ("Độ chính xác" / "(kiểm định)"): its widest line
            needed = _widest_line(title, titles) + padding
            # the lab's name may yield to what tells runs apart (_fit_settings_column): its
            # title folds where the header has two lines, or "Cấu hình mẫu" was cut to "ấu hình
            # mẫ" in 80 px (vi, Larger, 1024 px)
            fold = needed > texts or column == PRESET
            folded = _two_lines(title, titles) if two_lines and fold else None
            if folded is not None and _widest_line(folded, titles) + padding >= needed:
                folded = None  # no narrower
            model.set_folded_title(column, folded)
            width = max(texts, _widest_line(folded or title, titles) + padding)
            if column == LAYERS:
                width = min(width, LAYERS_MAX_WIDTH)
            if column == PRESET:
                width = min(width, PRESET_MAX_WIDTH)
                self._preset_title_least = _widest_line(folded or title, titles) + padding
                names = (model.record(r).preset for r in range(len(rows)))
                widest = max(
                    (cells.horizontalAdvance(p.name) for p in names if p is not None), default=0
                )
                self._preset_names_least = min(widest + CELL_PADDING, width)
            header.resizeSection(column, width)
        self._spare = None  # each column its texts' width again
        self._preset_width = header.sectionSize(PRESET)

    def _on_sort_indicator_changed(self, *_) -> None:
        """The arrow moved to another column: its title needs the arrow's room, the last one's
        not (the rows' order changed too: the columns fit the first rows' texts)."""
        self._fit_columns()
        self._fit_settings_column()

    def _order_columns(self, order: tuple[str, ...]) -> None:
        header = self.table.horizontalHeader()
        for visual, name in enumerate(order):
            logical = COLUMNS.index(name)
            if header.visualIndex(logical) != visual:
                header.moveSection(header.visualIndex(logical), visual)

    def _fit_settings_column(self) -> None:
        header = self.table.horizontalHeader()
        room = self.table.viewport().width()
        self._take_spare_room_back()
        must = sum(header.sectionSize(c) for c in (STARTED, TEST_ACC, STATUS))
        preset_least = max(PRESET_LEAST_WIDTH, self._preset_title_least)
        if not header.isSectionHidden(PRESET):
            must += max(preset_least, self._preset_names_least)
        # a narrow cell says every setting its runs differ in where the labs' names stay whole
        # beside it ("lr 0,3, batch 60": "tốc độ … 60" kept the runs apart by a word and hid
        # their rates, verify68 #1); else what keeps them apart in the least room
        whole = room - must >= self._whole_least
        if not header.isSectionHidden(PRESET):
            must += preset_least - max(preset_least, self._preset_names_least)
        told_least = self._whole_least if whole else self._lead_least
        self._lead_cut_middle = self._whole_middle if whole else self._lead_middle
        if not header.isSectionHidden(PRESET):
            # the lab's name yields to the accuracy and status (and what tells runs apart)
            must -= preset_least
            # as far as it can yield, the lab's name leaves a narrow Settings cell what tells
            # the runs apart whole: at Larger text in Vietnamese both were cut, four lab runs
            # read "mnist-relu-s…" / "ReLU, đi…" and "… 0 đến 1" (walk67 #5)
            told = max(PRESET_LEAVES_SETTINGS, told_least)
            must += told if self.settings_forward else 0
            preset = max(preset_least, min(self._preset_width, room - must))
            header.resizeSection(PRESET, preset)
        others = sum(
            header.sectionSize(c)
            for c in range(len(COLUMNS))
            if c != SETTINGS and not header.isSectionHidden(c)
        )
        least = max(SETTINGS_MIN_WIDTH, self._settings_least)
        narrow = False
        if self.settings_forward:
            # second (third after a lab's name): as wide as what tells the runs apart, never
            # so wide that the accuracy and the status after it leave the table's sight (at
            # 1024 px and Larger text in Vietnamese the status was a sideways scroll away, fixG
            # 3). Narrower than what tells the runs apart, the cells say that alone, cut in its
            # middle (its end cut read "ReLU, điểm ảnh 0 đến…" for pixels 0 to 1 and 0 to
            # 255): the rest is in the tooltip. Wrapped on two lines it took the fourth of lab
            # 2's runs off a 1024x700 table at 11 pt (runs59)
            beside = sum(
                header.sectionSize(c)
                for c in (STARTED, PRESET, TEST_ACC, STATUS)
                if not header.isSectionHidden(c)
            )
            least = max(SETTINGS_FORWARD_MIN_WIDTH, min(self._settings_least, room - beside))
            narrow = self._settings_least > room - beside
        width = max(least, room - others)
        header.resizeSection(SETTINGS, width)
        self._give_spare_room(room)
        if header.sectionSize(SETTINGS) < width:  # cut at the table's edge
            narrow = narrow or (self.settings_forward and self._settings_least > width)
        self._settings_narrow = narrow
        # the leads in words where they fit ("ReLU, pixels 0 to 1" at 1280 px, Larger text)
        self.model.show_leads_only(narrow, self._words_least > header.sectionSize(SETTINGS))

    def _shown_columns(self) -> list[int]:
        """The shown columns, left to right."""
        header = self.table.horizontalHeader()
        order = (header.logicalIndex(visual) for visual in range(header.count()))
        return [c for c in order if not header.isSectionHidden(c)]

    def _give_spare_room(self, room: int) -> None:
        """No column begun in sight and cut by the table's edge ("Fash", "MNI", a number's
        first digits): the room before such a column goes to a text column in sight (Settings,
        Preset, Dataset), or Settings, cut there, ends at the
        edge where it keeps its least width; the column comes whole a sideways scroll away."""
        header = self.table.horizontalHeader()
        left, in_sight = 0, []
        for column in self._shown_columns():
            right = left + header.sectionSize(column)
            if right > room:
                break
            in_sight.append(column)
            left = right
        else:
            return  # every column in sight
        spare = room - left
        if not in_sight or spare <= 0:
            return
        least = SETTINGS_FORWARD_MIN_WIDTH if self.settings_forward else SETTINGS_MIN_WIDTH
        if column == SETTINGS and spare >= least:
            header.resizeSection(SETTINGS, spare)  # its cells cut between words, "…"
            return
        takers = [c for c in (COLUMNS.index(name) for name in SPARE_ROOM_TAKERS) if c in in_sight]
        if not takers:
            return
        taker = takers[0]
        header.resizeSection(taker, header.sectionSize(taker) + spare)
        if taker != SETTINGS:  # (Settings' width is worked out again at each fit)
            self._spare = (taker, spare)

    def _take_spare_room_back(self) -> None:
        """The room ``_give_spare_room`` gave a column last time, taken back before the widths
        are worked out again (a column widened by hand meanwhile keeps what it was given)."""
        if self._spare is None:
            return
        header = self.table.horizontalHeader()
        column, spare = self._spare
        self._spare = None
        if header.sectionSize(column) > spare:
            header.resizeSection(column, header.sectionSize(column) - spare)

    def select_runs(self, run_ids: list[str]) -> None:
        """Select these runs (and nothing else)."""
        wanted = set(run_ids)
        model, last = self.model, len(COLUMNS) - 1
        selection = QItemSelection()
        for row, record in enumerate(model.records()):
            if record.run_id in wanted:
                selection.select(model.index(row, 0), model.index(row, last))
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.table.selectionModel().select(selection, flags)

    def _scroll_to_selection(self) -> None:
        """Bring the first selected row into sight (the table keeps its scroll otherwise)."""
        ranges = self.table.selectionModel().selection()
        if not ranges.isEmpty():
            top = min(r.top() for r in ranges)
            self.table.scrollTo(
                self.model.index(top, 0), QAbstractItemView.ScrollHint.EnsureVisible
            )

    def selected_records(self) -> list[RunRecord]:
        """The selected runs, in table order."""
        if not hasattr(self, "model"):
            return []
        # from the selection's ranges: selectedRows() asks the model for its size once per row
        # (0.3 s of Python calls after Ctrl+A on 2,000 runs)
        ranges = self.table.selectionModel().selection()
        rows = sorted({row for r in ranges for row in range(r.top(), r.bottom() + 1)})
        return [self.model.record(r) for r in rows]

    def exportable_records(self) -> list[RunRecord]:
        """What Export PNG and Export CSV write: the selected runs, or every run when none is
        selected, less the damaged ones (nothing of theirs can be read)."""
        records = self.selected_records() or self.records()
        return [r for r in records if not r.is_damaged]

    def cell(self, row: int, column: int, role=Qt.ItemDataRole.DisplayRole):
        """What the table shows at (``row``, ``column``): its text, or another role's value
        ("" for none)."""
        value = self.model.index(row, column).data(role)
        return "" if value is None else value

    def shown_text(self, row: int, column: int) -> str:
        """The text the table draws at (``row``, ``column``), cut to its cell as it is drawn
        (by its delegate, else by the style, which cuts it with the table's elide mode)."""
        index = self.model.index(row, column)
        option = QStyleOptionViewItem()
        option.initFrom(self.table)
        option.widget = self.table
        option.rect = self.table.visualRect(index)
        option.textElideMode = self.table.textElideMode()
        self.table.itemDelegateForIndex(index).initStyleOption(option, index)
        return option.fontMetrics.elidedText(option.text, option.textElideMode, text_room(option))

    def row_count(self) -> int:
        return self.model.rowCount()

    # -- slots ---------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self._reveal_selection = True  # by this listing, or by the one under way
        if not self.reading:
            # runs that came from outside the window meanwhile: put back from the trash, saved
            # by another nndesk window (a listing reads only new or changed records)
            self.refresh()
        if self._overlay_stale:
            self._plot_selected()

    @Slot()
    def _on_runs_folder_changed(self) -> None:
        if self.isVisible() and not self.reading:
            self.refresh()
        elif not self.isVisible():
            self.folder_changed.emit()  # the Train page's headline reads this list

    @Slot()
    def _on_table_selection_changed(self, *_) -> None:
        if self._filling:
            return
        self._gone_said = ""  # said for the selection before
        selected = self.selected_records()
        # a damaged run (a bad run.json, a link) has nothing to plot or export: it offers its
        # reason (the chart, its row), Show folder and Delete, and Use model when its folder
        # holds a model file (a bad run.json leaves the model as good as it was)
        readable = [r for r in selected if not r.is_damaged]
        one = readable[0] if len(selected) == 1 and readable else None
        alone = selected[0] if len(selected) == 1 else None
        # a diverged run's model, kept by an earlier nndesk, is not offered: `nndesk models`
        # leaves it out too (the weights its loss blew up from)
        diverged = alone is not None and alone.status == "diverged"
        self.use_button.setEnabled(usable_model(alone))
        self.use_button.setToolTip(diverged_tip(alone) if diverged else self._use_tip)
        self.delete_button.setEnabled(bool(selected))
        self.folder_button.setEnabled(len(selected) == 1)
        self.large_button.setEnabled(bool(readable))
        self.export_menu.follow_selection(
            plotted=bool(readable),
            selected=bool(selected),
            exportable=bool(self.exportable_records()),
            one=one is not None,
        )
        self.selection_changed.emit(selected)
        # a run saved while the Live tab shows refreshes this hidden list: its curves are drawn
        # when it is shown, not on the GUI thread of a window that is still busy with the run
        self._overlay_stale = True
        if self.isVisible():
            self._plot_selected()

    def _plot_selected(self) -> None:
        """Render the selected runs' curves over each other, on the render pool (unless the
        chart already shows, or is drawing, the same curves at the same size)."""
        self._overlay_stale = False
        selected = self.selected_records()
        damaged = sum(r.is_damaged for r in selected)
        if not self.reading:
            if len(selected) > OVERLAY_RUNS + NAMED_LEFT_OUT:
                hint = translate(
                    "RunsView", "The chart compares the first {n} of the {total} selected runs."
                ).format(n=OVERLAY_RUNS, total=len(selected))
            elif len(selected) > OVERLAY_RUNS:
                hint = translate(
                    "RunsView",
                    "The chart compares {n} of the {total} selected runs; it leaves out {runs}. "
                    "Ctrl-click a run it shows to leave that one out instead.",
                ).format(
                    n=OVERLAY_RUNS,
                    total=len(selected),
                    runs="; ".join(self._run_words(r) for r in selected[OVERLAY_RUNS:]),
                )
            elif damaged and damaged < len(selected):
                hint = translate(
                    "RunsView",
                    "The damaged runs selected cannot be read: the chart and the exports leave "
                    "them out.",
                )
            elif len(selected) == 1 and selected[0].status == "diverged":
                hint = diverged_tip(selected[0]).split("\n")[0]  # why Use model is greyed
            elif len(selected) >= 2:  # the hint matches the chart: two or more are compared
                hint = translate(
                    "RunsView", "{n} runs compared; Ctrl/Shift-click adds or removes one."
                ).format(n=len(selected))
                if "lr" in legend_settings(selected):
                    # the legend's short "lr" (its entries side by side need it) is said once
                    hint += " " + translate("RunsView", "In the legend, lr is the learning rate.")
            else:
                hint = self._gone_said or self._hint_text
            self.hint.setText(hint)
        selected = selected[:OVERLAY_RUNS]
        empty = translate("RunsView", "Select runs above to see their curves")
        text = "" if selected else empty
        if len(selected) == 1 and selected[0].elsewhere is not None:
            # its record never written (a full disk): its model went elsewhere (walk60 D6)
            unreadable = translate(
                "RunsView",
                "{folder} cannot be read: {reason}\n\nIt is left as it is. Its model was saved "
                "to {model}: Use model opens it. Show folder opens the run's folder; Delete… "
                "asks before removing it.",
            ).replace("{model}", str(selected[0].elsewhere).replace("{", "{{").replace("}", "}}"))
        elif len(selected) == 1 and selected[0].model_path is not None:
            # said when the one run turns out damaged, even as it is read
            unreadable = translate(
                "RunsView",
                "{folder} cannot be read: {reason}\n\nIt is left as it is. Its model file is "
                "there: Use model opens it. Show folder opens the run's folder; Delete… asks "
                "before removing it.",
            )
        elif len(selected) == 1:
            unreadable = translate(
                "RunsView",
                "{folder} cannot be read: {reason}\n\nIt is left as it is. Show folder opens "
                "it; Delete… asks before removing it.",
            )
        else:
            unreadable = translate(
                "RunsView", "None of the selected runs can be read: each row says why."
            )
        size = self.chart.size()
        w, h = max(size.width(), CHART_MIN_WIDTH), max(size.height(), CHART_MIN_HEIGHT)
        ratio, zoom = self.chart.devicePixelRatioF(), text_size.chart_zoom()
        # a listing that changed nothing selected (the first, or a refresh) would draw the same
        # chart again: a render on the pool holds the GIL in turns with the table's first fill.
        # A listing keeps an unchanged run's record, so the same records mean the same curves
        drawn = (tuple(map(id, selected)), text, unreadable, w, h, ratio, zoom)
        self._drawn_records = selected  # kept: an id is only theirs while they live
        asked = self._renders.ask(
            drawn,
            theme.colours(),  # the colours the render will draw in
            lambda: render_selected(selected, text, unreadable, w, h, ratio, zoom),
        )
        runs = tuple(r.run_id for r in selected)
        if asked and runs != self._shown_runs:  # other runs, not the same at another size
            self.chart.expect_other()
        elif asked:  # the runs shown, selected again before another selection's chart came
            self.chart.expect_same()
        self._asked_runs = runs

    def _run_words(self, record: RunRecord) -> str:
        """A run as the hint names it: as its row reads, when it started and what tells it apart
        ("04:33:51 (sigmoid, pixels 0 to 255)")."""
        texts = self.model.row_of(record).texts
        lead, separator, _ = texts[SETTINGS].partition(LEAD_SEPARATOR)
        return f"{texts[STARTED]} ({lead})" if separator else texts[STARTED]

    @Slot(object, object)
    def _on_delivery_delivered(self, number, result) -> None:
        if not self._renders.newest(number, result):
            return  # an older selection's, or a chart that could not be drawn
        image, self.plotted, found_damaged, gone = result
        if gone:
            # its folder was deleted outside the window: not "cannot be read… Show folder
            # opens it", a row that no longer stands for anything goes, and the hint says so
            self._gone_note = (
                translate(
                    "RunsView", "{run} is gone: its folder was deleted outside nndesk."
                ).format(run=gone[0])
                if len(gone) == 1
                else translate(
                    "RunsView",
                    "{n} selected runs are gone: their folders were deleted outside nndesk.",
                ).format(n=len(gone))
            )
            self.refresh()
            return
        if found_damaged:
            self.model.rows_changed()  # a run found damaged as its curves were read
            self._on_table_selection_changed()  # its buttons, as for any damaged run
        self.chart.show_image(image, self._renders.colours)
        self._shown_runs = self._asked_runs
        self.rendered.emit()

    @Slot(object, str)
    def _on_delivery_failed(self, number, error: str) -> None:
        if number != self._renders.number:
            return  # an older selection's: a newer chart is on its way
        line = translate("RunsView", "The chart could not be drawn: {error}").format(error=error)
        self.chart.show_message(line)
        self.render_failed.emit(line)

    @Slot()
    def _on_resized_timeout(self) -> None:
        if self.isVisible():
            self._plot_selected()
        else:
            self._overlay_stale = True

    @Slot(object)
    def _size_chart_to_zoom(self) -> None:
        """The chart's least height times View > Text size's zoom (a larger step only): at
        1024x768 Larger its zoomed titles and key left plots ~30 px in 150 (walk61 D17)."""
        least = round(CHART_MIN_HEIGHT * max(1.0, text_size.chart_zoom()))
        if self.chart.minimumHeight() != least:
            self.chart.setMinimumHeight(least)

    def _on_theme_changed(self, colours) -> None:
        self._size_chart_to_zoom()  # a text size step comes this way too
        # the columns and rows sized for the window's font again: after a step to Larger
        # the statuses read "comple…" in columns fitted at Normal (en, 1280x800)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._fit_columns()
        self._fit_settings_column()
        self._renders.drawn = None  # the same curves, in the new theme's colours
        self._on_resized_timeout()

    @Slot()
    def enlarge_chart(self) -> None:
        """Show the chart in a window as large as the main one (``LargeChart``), drawn again
        at its size; closed, it comes back under the table."""
        if self.large is not None:
            self.large.raise_()
            self.large.activateWindow()
            return
        self.large = LargeChart(self.chart, self._on_large_chart_closed, self)
        self.chart.setToolTip("")
        self.large.show()
        self.large.activateWindow()  # Esc closes it at once (without a window manager too)

    def _on_large_chart_closed(self, chart) -> None:
        self.large = None
        self.split.insertWidget(1, chart)
        self.split.share()
        self._set_chart_tip()

    def _set_chart_tip(self) -> None:
        self.chart.setToolTip(translate("RunsView", "Click to enlarge the chart"))

    @Slot()
    def _on_use_button_clicked(self) -> None:
        selected = self.selected_records()
        if len(selected) == 1 and usable_model(selected[0]):
            self.use_model_requested.emit(selected[0].model_path)

    @Slot()
    def _on_folder_button_clicked(self) -> None:
        selected = self.selected_records()
        if len(selected) != 1:
            return
        record = selected[0]
        # a link's own folder is the runs folder it sits in: where it leads is not nndesk's
        folder = self.store.root if self.store.link_target(record.run_id) else record.folder
        if not show_folder(folder):
            self._warn(
                translate("RunsView", "no file manager would open {folder}").format(folder=folder)
            )

    @Slot()
    def _on_delete_button_clicked(self) -> None:
        deletion = RunDeletion(self, self.store)
        if deletion.delete(self.selected_records(), self.model_in_use()):
            self.refresh()

    def _warn(self, message: str) -> None:
        warn(self, message)


def usable_model(record: RunRecord | None) -> bool:
    """Whether Use model opens ``record``'s model: it has one, and the run did not diverge."""
    return record is not None and record.model_path is not None and record.status != "diverged"


def _widest_line(title: str, metrics) -> int:
    """px of the widest line of a column's ``title``."""
    return max(metrics.horizontalAdvance(line) for line in title.split("\n"))


def _two_lines(title: str, metrics) -> str | None:
    """``title`` of one line broken at the space that makes its wider line narrowest ("Bắt" /
    "đầu", "Trạng" / "thái"), or None for a title of one word or of two lines already."""
    if "\n" in title or " " not in title:
        return None
    words = title.split(" ")
    splits = (f"{' '.join(words[:i])}\n{' '.join(words[i:])}" for i in range(1, len(words)))
    return min(splits, key=lambda split: _widest_line(split, metrics))
