"""The Train page's tabs: Live, Inside, Replay, Runs and Race; on a narrow page the settings
become the first of them. Their names sit closer to their tabs' edges than the style puts them,
so the six fit the page at 1024 px in Vietnamese at the larger text."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QFrame,
    QScrollArea,
    QSplitter,
    QStyle,
    QStyleFactory,
    QTabBar,
    QTabWidget,
    QWidget,
)

from nndesk.controllers.worker_freeing import free_later
from nndesk.ui import theme
from nndesk.ui.language import translate

#: Below this page width the settings move from beside the curves into a "Settings" tab.
WIDE_LAYOUT_MIN_WIDTH = 1000
#: the tabs' least height on a short page (a tab bar and some 90 px of page): below it the
#: Train page's column scrolls
TABS_LEAST_HEIGHT = 120
#: px each side of a tab's name (Fusion's: 12). In Vietnamese at the larger text the six tabs
#: needed 526 px of the 469 a 1024 px window gives the page, and the last ones hid behind
#: scroll arrows (walk61); 8 px and "Lượt chạy" for "Các lượt chạy" make 450.
TAB_NAME_PAD = 8


class _SnugTabStyle(theme.EdgeStyle):
    """The window's style (accents over capitals whole, as its tabs have them) with
    ``TAB_NAME_PAD`` px each side of a tab's name."""

    def pixelMetric(self, metric, option=None, widget=None) -> int:  # noqa: N802 - Qt override
        if metric == QStyle.PixelMetric.PM_TabBarTabHSpace:
            return 2 * TAB_NAME_PAD
        return super().pixelMetric(metric, option, widget)


def snug_style(bar: QTabBar) -> QStyle:
    """The window's look with ``TAB_NAME_PAD``, for ``bar`` (which frees it)."""
    base = QStyleFactory.create(theme.base_style_name()) or QStyleFactory.create("Fusion")
    style = _SnugTabStyle(base)
    style.setParent(bar)  # a widget never owns the style it is given
    return style


def scrolled(page: QWidget, min_height: int) -> QScrollArea:
    """``page`` in a vertical scroll area: at 1024x700 its lower part is a scroll away."""
    area = QScrollArea()
    area.setWidget(page)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    page.setMinimumHeight(min_height)
    return area


class TrainTabs(QTabWidget):
    """The tabs beside (or, narrow, after) the settings; without ``race_view`` no Race tab."""

    def __init__(self, live_page, inside_view, replay_view, runs_view, race_view=None) -> None:
        super().__init__()
        self._restyle_bar()
        # again after a change of theme, which may change the style under the window's
        theme.notifier().changed.connect(self._restyle_bar)
        self.live_page = live_page
        #: whether Settings was the tab shown when a wide page took it out (None: the page
        #: was never laid out): a narrow page shows it again only then
        self._settings_shown: bool | None = None
        self.addTab(live_page, translate("TrainingPanel", "Live"))
        # scrolled below its chart's least height (150 px), never squeezed: on a short page the
        # tabs give up height first (the Train page's FitColumn), and the chart got 90 px
        self.inside_page = scrolled(inside_view, 0)
        self.addTab(self.inside_page, translate("TrainingPanel", "Inside"))
        self.replay_page = scrolled(replay_view, 0)  # its layout fits 1024x700
        self.addTab(self.replay_page, translate("TrainingPanel", "Replay"))
        self.addTab(runs_view, translate("TrainingPanel", "Runs"))
        # its own least height, no more: at 560 px the chart under the race's controls was cut
        # by the page's bottom edge at 1280x760 (a 457 px page) and 1024x700 (397 px); racing,
        # the page needs 352 px, and the lane editors before a race scroll
        self.race_page = scrolled(race_view, 0) if race_view is not None else None
        if self.race_page is not None:
            index = self.addTab(self.race_page, translate("TrainingPanel", "Race"))
            self.setTabToolTip(
                index,
                translate(
                    "TrainingPanel",
                    "train 2-4 configurations side by side on the same batches and compare them",
                ),
            )
        self.setTabToolTip(
            0, translate("TrainingPanel", "the run's loss and accuracy curves, drawn as it trains")
        )
        self.setTabToolTip(
            1,
            translate(
                "TrainingPanel",
                "inside the network while it learns: gradients, update sizes, dead units, weights",
            ),
        )
        self.setTabToolTip(
            2,
            translate(
                "TrainingPanel",
                "scrub the run epoch by epoch: its confusion matrix and how it read your drawing",
            ),
        )
        self.setTabToolTip(
            3, translate("TrainingPanel", "every past run: compare curves, reuse a model, export")
        )
        self.setDocumentMode(True)
        #: each tab's page -> its name, which outlives a change of layout or of window
        self._names = {
            live_page: "live",
            self.inside_page: "inside",
            self.replay_page: "replay",
            runs_view: "runs",
        }
        if self.race_page is not None:
            self._names[self.race_page] = "race"
        self.currentChanged.connect(self._fit_least_height)
        # the Live chart grows for its plots at a larger text step (walk61 D1)
        live_page.least_changed.connect(self._fit_least_height)
        self._fit_least_height()

    @Slot()
    def _restyle_bar(self) -> None:
        """The tab bar in the window's look, its names ``TAB_NAME_PAD`` px from their edges."""
        bar = self.tabBar()
        old = bar.style()
        bar.setStyle(snug_style(bar))
        if isinstance(old, _SnugTabStyle):
            free_later(old)

    def _fit_least_height(self) -> None:
        """The least height of the tab shown: the Live tab's charts whole (its own least
        height, ``live_page.LIVE_CHART_LEAST_HEIGHT`` for the charts), any other tab
        ``TABS_LEAST_HEIGHT`` (what is below scrolls in it). At 1024x700 with a data banner
        and the coach's box, the Live charts were squeezed to 10-20 px (walk55c D7); now the
        page's column scrolls instead."""
        least = TABS_LEAST_HEIGHT
        if self.currentWidget() is self.live_page:
            bar = self.tabBar().sizeHint().height()
            least = max(least, bar + self.live_page.minimumSizeHint().height())
        if self.minimumHeight() != least:
            self.setMinimumHeight(least)

    def current_name(self) -> str:
        """The tab shown, by what it holds ("settings", "live", "runs", …): its index
        differs between a narrow page (Settings first) and a wide one."""
        return self._names.get(self.currentWidget(), "live")

    def show_named(self, name: str) -> None:
        """Show the tab ``current_name`` named, when this page has it (Settings is beside the
        tabs on a wide page: the curves then)."""
        for index in range(self.count()):
            if self._names.get(self.widget(index)) == name:
                self.setCurrentIndex(index)
                return
        self.setCurrentWidget(self.live_page)

    def place_settings(
        self, settings: QWidget, splitter: QSplitter, narrow: bool, running: bool
    ) -> None:
        """``settings`` as the first tab on a ``narrow`` page (shown unless a run is
        ``running``), else back at the start of ``splitter``, beside the tabs."""
        self._names[settings] = "settings"
        in_tabs = self.indexOf(settings) >= 0
        if narrow and not in_tabs:
            self.insertTab(0, settings, translate("TrainingPanel", "Settings"))
            self.setTabToolTip(
                0,
                translate(
                    "TrainingPanel", "everything about the next run: data, network, optimiser"
                ),
            )
            # the first layout shows the settings (unless a run goes); later the tab the user
            # was on stays (a window rebuilt in another language lands on the tab kept)
            if self._settings_shown is None or self._settings_shown:
                self.setCurrentIndex(0 if not running else 1)
        elif not narrow and in_tabs:
            current = self.currentWidget()
            self._settings_shown = current is settings
            self.removeTab(self.indexOf(settings))
            splitter.insertWidget(0, settings)
            settings.show()
            if current is settings:
                self.setCurrentWidget(self.live_page)
        if self._settings_shown is None:
            self._settings_shown = narrow and not running
