"""Light, dark or the system's look, for the widgets and every matplotlib chart alike.

``apply_theme(app, "dark")`` sets a palette whose text pairs all meet WCAG AA (4.5:1), the
colours of the few label tones pages use (``set_tone(label, "muted")``), matplotlib's rcParams
for charts drawn from now on, and restyles every chart already drawn (redrawn now if on screen,
else when next shown).
Widgets that paint themselves read ``colours()`` and follow ``notifier().changed``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, fields

import matplotlib
from matplotlib.colors import to_hex, to_rgba
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsOpacityEffect,
    QLabel,
    QLineEdit,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QStyleOptionHeader,
    QStyleOptionSlider,
    QStyleOptionTab,
    QTabBar,
    QWidget,
)

from nndesk.viz import chart_colours, contrast, luminance

THEMES = ("system", "light", "dark")
#: "note": muted text in a banner's box (the coach's place when it has no hint: the hint's own
#: box, empty of warning, rather than a gap)
TONES = ("muted", "error", "good", "banner", "note")


@dataclass(frozen=True)
class Colours:
    """Every colour nndesk draws with, as ``#rrggbb``; text colours come with their background."""

    window: str
    window_text: str
    base: str
    alternate_base: str
    text: str
    button: str
    button_text: str
    highlight: str
    highlighted_text: str
    tooltip_base: str
    tooltip_text: str
    placeholder: str
    link: str
    mid: str
    muted: str  # captions, hints
    error: str  # a refused field's reason
    good: str  # the parameter count of a valid architecture
    red: str  # "Red pixels argue for it" (saliency)
    blue: str  # "blue pixels against it"
    banner_bg: str
    banner_text: str
    banner_border: str
    grid: str  # chart grid lines
    track: str  # an empty probability bar
    summary_row: str  # the averages rows of the report table
    control_edge: str  # a check box's outline (3:1 against the window and the box)
    checked_edge: str  # the frame of a checked tool button, e.g. Fill (3:1 against the button)

    @property
    def dark(self) -> bool:
        return luminance(self.window) < 0.5


LIGHT = Colours(
    window="#efefef",
    window_text="#1b1b1b",
    base="#ffffff",
    alternate_base="#f5f5f5",
    text="#1b1b1b",
    button="#e8e8e8",
    button_text="#1b1b1b",
    highlight="#2a6bb0",
    highlighted_text="#ffffff",
    tooltip_base="#ffffdc",
    tooltip_text="#1b1b1b",
    placeholder="#5f6670",
    link="#1c5aa6",
    mid="#a0a0a0",
    muted="#4d5762",
    error="#b3261e",
    good="#1b5e20",
    red="#c0392b",
    blue="#1f63c6",
    banner_bg="#fff4e5",
    banner_text="#7a4205",
    banner_border="#f5c88a",
    grid="#dcdcdc",
    track="#d0d0d0",
    summary_row="#e6ebf2",
    control_edge="#767676",
    checked_edge="#2a6bb0",
)

DARK = Colours(
    window="#2b2d31",
    window_text="#e6e6e6",
    base="#1e1f22",
    alternate_base="#26282c",
    text="#e6e6e6",
    button="#3a3d42",
    button_text="#e6e6e6",
    highlight="#2f6fb3",
    highlighted_text="#ffffff",
    tooltip_base="#3a3d42",
    tooltip_text="#f0f0f0",
    placeholder="#a3a9b1",
    link="#8ab4f8",
    mid="#5a5e66",
    muted="#aab3bd",
    error="#ff8a80",
    good="#8fd694",
    red="#ff7b6e",
    blue="#82b1ff",
    banner_bg="#3d2e17",
    banner_text="#ffd59a",
    banner_border="#8a6a32",
    grid="#44474d",
    track="#5a5e66",
    summary_row="#33363b",
    control_edge="#9aa0a8",
    checked_edge="#8ab4f8",
)

_ROLES = {
    "window": QPalette.ColorRole.Window,
    "window_text": QPalette.ColorRole.WindowText,
    "base": QPalette.ColorRole.Base,
    "alternate_base": QPalette.ColorRole.AlternateBase,
    "text": QPalette.ColorRole.Text,
    "button": QPalette.ColorRole.Button,
    "button_text": QPalette.ColorRole.ButtonText,
    "highlight": QPalette.ColorRole.Highlight,
    "highlighted_text": QPalette.ColorRole.HighlightedText,
    "tooltip_base": QPalette.ColorRole.ToolTipBase,
    "tooltip_text": QPalette.ColorRole.ToolTipText,
    "placeholder": QPalette.ColorRole.PlaceholderText,
    "link": QPalette.ColorRole.Link,
    "mid": QPalette.ColorRole.Mid,
}

#: The text/background pairs nndesk shows; the contrast test checks each in both themes.
TEXT_PAIRS = (
    ("window_text", "window"),
    ("text", "base"),
    ("text", "alternate_base"),
    ("button_text", "button"),
    ("highlighted_text", "highlight"),
    ("tooltip_text", "tooltip_base"),
    ("placeholder", "base"),
    ("link", "window"),
    ("muted", "window"),
    ("muted", "base"),
    ("error", "window"),
    ("error", "base"),
    ("good", "window"),
    ("red", "window"),
    ("blue", "window"),
    ("banner_text", "banner_bg"),
    ("text", "summary_row"),
)

#: Edges of controls and their states: WCAG 2.1's non-text contrast (1.4.11) asks 3:1 of them.
EDGE_PAIRS = (
    ("control_edge", "window"),
    ("control_edge", "base"),
    ("checked_edge", "button"),
    ("checked_edge", "window"),
)
NON_TEXT_AA = 3.0


# ---- colours (contrast and luminance, WCAG 2.1, are viz's: the charts use them too) ------
def mix(a: str, b: str, t: float) -> str:
    """``a`` moved a fraction ``t`` towards ``b``."""
    ra, rb = to_rgba(a), to_rgba(b)
    return to_hex(tuple(x + (y - x) * t for x, y in zip(ra[:3], rb[:3], strict=True)))


# ---- the current theme -----------------------------------------------------------------------
class _Notifier(QObject):
    changed = Signal(object)  # Colours, after a theme was applied


_notifier: _Notifier | None = None
_current: Colours | None = None
_system: tuple[QPalette, str] | None = None  # the platform's palette and style, before ours
_choice = "system"  # the theme chosen last (View > Theme)
_applying = False  # inside apply_theme: its own setPalette is no desktop's change


def notifier() -> _Notifier:
    """Emits ``changed(Colours)`` after every ``apply_theme``."""
    global _notifier
    if _notifier is None:
        _notifier = _Notifier()
    return _notifier


def colours() -> Colours:
    """The colours of the theme in use (the light ones before any theme is applied)."""
    return _current or LIGHT


def from_palette(palette: QPalette) -> Colours:
    """Colours for the system theme: the palette's own roles, nndesk's tones fitted to them."""
    own = {name: palette.color(role).name() for name, role in _ROLES.items()}
    tones = DARK if luminance(own["window"]) < 0.5 else LIGHT
    values = {f.name: own.get(f.name, getattr(tones, f.name)) for f in fields(Colours)}
    values["muted"] = mix(own["window_text"], own["window"], 0.3)
    values["grid"] = mix(own["window_text"], own["base"], 0.82)
    values["track"] = mix(own["window_text"], own["base"], 0.78)
    values["summary_row"] = mix(own["text"], own["base"], 0.9)
    values["control_edge"] = mix(own["window_text"], own["window"], 0.45)
    # nndesk's tones were fitted to its own light and dark windows: on a desktop's palette each
    # is moved towards the text colour until it reads (AA) on every background it is used on
    for fg, bg in TEXT_PAIRS:
        values[fg] = _readable(values[fg], values[bg], own["window_text"], AA_TEXT)
    for fg, bg in EDGE_PAIRS:
        values[fg] = _readable(values[fg], values[bg], own["window_text"], NON_TEXT_AA)
    return Colours(**values)


AA_TEXT = 4.5


def _readable(colour: str, background: str, towards: str, ratio: float) -> str:
    """``colour``, or the first step from it towards ``towards`` that has ``ratio`` against
    ``background`` (``towards`` itself when no step does)."""
    for step in range(11):
        candidate = mix(colour, towards, step / 10)
        if contrast(candidate, background) >= ratio:
            return candidate
    return towards


def palette_for(c: Colours) -> QPalette:
    palette = QPalette()
    for name, role in _ROLES.items():
        palette.setColor(role, QColor(getattr(c, name)))
    for role, name in (
        (QPalette.ColorRole.BrightText, "highlighted_text"),
        (QPalette.ColorRole.Light, "button"),
        (QPalette.ColorRole.Dark, "mid"),
        (QPalette.ColorRole.Shadow, "mid"),
        (QPalette.ColorRole.Midlight, "button"),
        (QPalette.ColorRole.LinkVisited, "link"),
    ):
        palette.setColor(role, QColor(getattr(c, name)))
    disabled = mix(c.window_text, c.window, 0.5)  # inactive controls are exempt from AA
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.PlaceholderText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(disabled))
    # an empty disabled field has no text to grey: its box takes the window's colour (as the
    # system's Fusion palette does), else it looks exactly like one that takes typing
    palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Base, QColor(c.window))
    palette.setColor(
        QPalette.ColorGroup.Disabled,
        QPalette.ColorRole.Button,
        QColor(mix(c.button, c.window, 0.5)),
    )
    return palette


def tone_sheet(widget: QWidget, tone: str | None, c: Colours) -> str:
    """The style sheet of one widget given ``tone`` (one of ``TONES``) in colours ``c``.

    Each toned widget carries its own small sheet rather than the application one: a new
    application style sheet re-polishes every widget of the window, which was most of a theme
    switch's cost (docs/performance.md)."""
    if isinstance(widget, QLineEdit):
        # the padding makes up for the style's frame the border replaces: without it a refused
        # field was 4 px lower than its neighbours and moved as it was refused (verify63 V9)
        return (
            f"QLineEdit {{ border: 1px solid {c.error}; border-radius: 3px; padding: 2px 1px; }}"
            if (tone == "error")
            else ""
        )
    if tone == "banner" and not isinstance(widget, QLabel) and widget.objectName():
        name = widget.objectName()  # a strip holding a message and its buttons
        return (
            f"#{name} {{ background: {c.banner_bg}; border-bottom: 1px solid {c.banner_border};"
            f" }}\n#{name} QLabel {{ color: {c.banner_text}; }}"
        )
    if not isinstance(widget, QLabel) or not tone:
        return ""
    rules = {
        "muted": f"color: {c.muted};",
        "error": f"color: {c.error};",
        "good": f"color: {c.good}; font-weight: 600;",
        "banner": f"background: {c.banner_bg}; color: {c.banner_text};"
        f" border: 1px solid {c.banner_border}; border-radius: 4px; padding: 6px;",
        "note": f"color: {c.muted}; border: 1px solid {c.grid}; border-radius: 4px; padding: 6px;",
    }
    return f"QLabel {{ {rules[tone]} }}" if tone in rules else ""


def fader(widget: QWidget, opacity: float) -> QGraphicsOpacityEffect:
    """A fade of ``widget`` to ``opacity``, set on it and off until ``setEnabled(True)``: a part
    showing an answer that is being replaced, faded meanwhile."""
    effect = QGraphicsOpacityEffect(widget)
    effect.setOpacity(opacity)
    effect.setEnabled(False)
    widget.setGraphicsEffect(effect)
    return effect


def set_tone(widget: QWidget, tone: str | None) -> None:
    """Give a label (or line edit) one of ``TONES``; None returns it to plain text."""
    widget.setProperty("tone", tone or "")
    sheet = tone_sheet(widget, tone, colours())
    if widget.styleSheet() != sheet:
        # polished first: a sheet given and taken back before Qt polished the widget leaves it
        # marked as styled by a sheet (WA_StyleSheet), and such a widget keeps the palette it
        # had through every theme switch after (a race lane's fields, refused then accepted
        # as the lane was made, stayed white in the dark theme: walk67 #4)
        widget.ensurePolished()
        widget.setStyleSheet(sheet)


def _retone(app: QApplication, c: Colours) -> None:
    """Every toned widget in colours ``c``; widgets with a sheet of their own that names
    palette roles (``palette(base)``) are polished again to read the new palette."""
    for widget in app.allWidgets():
        tone = widget.property("tone")
        if tone:
            set_tone(widget, tone)
        elif widget.styleSheet():
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        if isinstance(widget, QLabel) and "<a " in widget.text():
            _relink(widget)


def _relink(label: QLabel) -> None:
    """``label``'s links in the palette's link colour now: a label takes it when its text is
    set, and one set before a switch to Dark kept light's (or Qt's own pure blue, unreadable
    on dark grey: the Why page's "Occlusion", verify65 #11)."""
    text = label.text()
    label.setText("")
    label.setText(text)


def chart_rc(c: Colours) -> dict[str, object]:
    """matplotlib rcParams for charts drawn in ``c``."""
    return chart_colours(c.window, c.base, c.mid, c.window_text, c.grid)


class EdgeStyle(QProxyStyle):
    """The platform's (or Fusion's) look, with two edges it draws too faintly on a dark
    palette: a check box's outline, and the frame of a checked button (Fill, Eraser);
    Fusion's sort arrows the way up; and a tab's name with its accents whole."""

    def subElementRect(self, element, option, widget=None) -> QRect:  # noqa: N802
        rect = super().subElementRect(element, option, widget)
        if element == QStyle.SubElement.SE_TabBarTabText and isinstance(option, QStyleOptionTab):
            return tab_text_rect_with_marks(rect, option)
        return rect

    def drawPrimitive(self, element, option, painter, widget=None) -> None:  # noqa: N802
        primitive = QStyle.PrimitiveElement
        if element == primitive.PE_IndicatorHeaderArrow and self._arrows_inverted():
            option = sort_arrow_turned(option)
        super().drawPrimitive(element, option, painter, widget)
        c = colours()
        if element == primitive.PE_IndicatorCheckBox:
            painter.save()
            painter.setPen(QPen(QColor(c.control_edge), 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5))
            painter.restore()
        elif element in (primitive.PE_PanelButtonTool, primitive.PE_PanelButtonCommand) and (
            option.state & QStyle.StateFlag.State_On
        ):
            painter.save()
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            edge = QColor(c.checked_edge)
            tint = QColor(edge)
            tint.setAlpha(60)
            painter.setPen(QPen(edge, 2))
            painter.setBrush(tint)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(1, 1, -1, -1), 3, 3)
            painter.restore()

    def drawComplexControl(self, control, option, painter, widget=None) -> None:  # noqa: N802
        if control == QStyle.ComplexControl.CC_ScrollBar and self._fusion():
            option = thumb_lifted(option)
        super().drawComplexControl(control, option, painter, widget)

    def _fusion(self) -> bool:
        base = self.baseStyle()
        return base is not None and base.name().lower() == "fusion"

    def _arrows_inverted(self) -> bool:
        """Fusion draws a header sorted in ascending order with a down arrow (QHeaderView
        hands it SortDown for Qt's AscendingOrder, and Fusion draws that pointing down): the
        Runs table, newest first, showed an up arrow, read as oldest first (a newcomer's
        walk). Windows' style and the native ones draw it as their desktops do."""
        return self._fusion()


#: How much lighter (HSL lightness, 0-255) than the Base colour a dark palette's Button must be
#: for Fusion to draw a scroll bar's thumb lighter than its groove: Fusion draws the groove from
#: Base (lightened on a dark palette) and the thumb from Button. GTK's Adwaita-dark gives both
#: #323232, and the thumb came out darker than its groove (64 on 77), the reverse of every
#: dark desktop: a student read the thumb as sitting at the top of a page scrolled to its
#: bottom (walk62 D10). nndesk's Dark theme has its Button 30 above its Base (thumb 77-84 on a
#: groove of 46-53): a palette under ``THUMB_MIN_STEP`` gets its thumb at ``THUMB_STEP``.
THUMB_MIN_STEP, THUMB_STEP = 20, 45


def thumb_lifted(option: QStyleOptionSlider) -> QStyleOptionSlider:
    """``option`` of a scroll bar, its Button lighter than its Base when a dark palette has
    them too close (``THUMB_MIN_STEP``); else ``option`` itself."""
    palette = option.palette
    base, button = palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Button)
    dark = palette.color(QPalette.ColorRole.WindowText).lightness() > (
        palette.color(QPalette.ColorRole.Window).lightness()
    )
    if not dark or button.lightness() >= base.lightness() + THUMB_MIN_STEP:
        return option
    lifted = QColor.fromHslF(
        button.hslHueF(), button.hslSaturationF(), min(1.0, (base.lightness() + THUMB_STEP) / 255)
    )
    changed = QStyleOptionSlider(option)
    changed.palette = QPalette(palette)
    changed.palette.setColor(QPalette.ColorRole.Button, lifted)
    return changed


_SIDEWAYS_TABS = (
    QTabBar.Shape.RoundedWest,
    QTabBar.Shape.RoundedEast,
    QTabBar.Shape.TriangularWest,
    QTabBar.Shape.TriangularEast,
)


def tab_text_rect_with_marks(rect: QRect, option: QStyleOptionTab) -> QRect:
    """``rect``, the style's place for a tab's name, made as much taller (up and down alike,
    so the line stays where it was) as the name's ink needs.

    Qt draws the name clipped to that place, and Fusion's is a line's height or less (12 px
    for a 14 px line on a tab not chosen): the hook or accent over a capital stands above the
    font's ascent and was cut off, "Ảnh trung bình" read "Anh trung bình" (walk63 1d)."""
    if option.shape in _SIDEWAYS_TABS:  # drawn turned; nndesk has none
        return rect
    metrics = option.fontMetrics
    ink = metrics.tightBoundingRect(option.text)  # y from the baseline, up is negative
    # where drawText(AlignVCenter) puts the baseline: the line centred in the place
    baseline = rect.top() + (rect.height() - metrics.height()) / 2 + metrics.ascent()
    beyond = max(0.0, rect.top() - (baseline + ink.top()), baseline + ink.bottom() - rect.bottom())
    grow = math.ceil(beyond) + 1 if beyond > 0 else 0  # +1: the baseline is rounded
    return rect.adjusted(0, -grow, 0, grow)


def sort_arrow_turned(option: QStyleOptionHeader) -> QStyleOptionHeader:
    """A copy of a header's ``option`` whose sort arrow points the other way."""
    turned = QStyleOptionHeader(option)
    up, down = QStyleOptionHeader.SortIndicator.SortUp, QStyleOptionHeader.SortIndicator.SortDown
    if option.sortIndicator == up:
        turned.sortIndicator = down
    elif option.sortIndicator == down:
        turned.sortIndicator = up
    return turned


def _edge_style(base: str) -> QStyle:
    return EdgeStyle(QStyleFactory.create(base) or QStyleFactory.create("Fusion"))


_style_in_use: tuple[str, QStyle] | None = None  # (base style's name, the EdgeStyle we set)


def _use_style(app: QApplication, base: str) -> None:
    """Our edge style over ``base``; kept as it is when it already is (a new style re-polishes
    every widget of the window: light <-> dark keeps Fusion)."""
    global _style_in_use
    current = app.style()
    if (
        _style_in_use is not None
        and _style_in_use[0] == base.lower()
        and _style_in_use[1] in (current, _wrapped(current))
    ):
        return
    style = _edge_style(base)
    app.setStyle(style)
    _style_in_use = (base.lower(), style)


def base_style_name() -> str:
    """The name of the style under the window's ``EdgeStyle`` ("fusion", or the platform's),
    for a widget that needs a style of its own over the same look."""
    if _style_in_use is not None:
        return _style_in_use[0]
    style = QApplication.style()
    return (_wrapped(style) or style).name()


def _wrapped(style: QStyle) -> QStyle | None:
    """The style under Qt's style-sheet style, when a widget style sheet made one."""
    return style.baseStyle() if isinstance(style, QProxyStyle) else None


def apply_theme(app: QApplication, name: str) -> Colours:
    """Switch the whole application to ``name`` (one of ``THEMES``); returns its colours.

    With "system" the window then follows the desktop: a palette the desktop changes later
    (its switch to dark mid-session) retones the window as a choice here does."""
    global _system, _choice, _applying
    if name not in THEMES:
        name = "system"
    if _system is None:
        style = app.style()
        base = style.baseStyle() if isinstance(style, QProxyStyle) else style
        _system = (QPalette(app.palette()), base.name())
    _follow_the_desktop(app)
    _choice = name
    _applying = True
    try:
        if name == "system":
            palette, style_name = _system
            _use_style(app, style_name)
            # a palette with no role of its own: Qt resolves it against the platform's, so
            # it is the desktop's palette of now (the one read at start was light after the
            # desktop turned dark: Light then System again kept the window light, walk59 D1)
            app.setPalette(palette)
            c = from_palette(app.palette())
        else:
            c = LIGHT if name == "light" else DARK
            # native styles may ignore a palette; Fusion draws with it
            _use_style(app, "Fusion")
            app.setPalette(palette_for(c))
    finally:
        _applying = False
    _show_colours(app, c)
    return c


def _show_colours(app: QApplication, c: Colours) -> None:
    """Tones, charts and the widgets that paint themselves in colours ``c``."""
    global _current
    previous = colours()
    _current = c
    _retone(app, c)
    matplotlib.rcParams.update(chart_rc(c))
    restyle_charts(app, previous, c)
    notifier().changed.emit(c)


class _DesktopFollower(QObject):
    """Under the system theme, retones the window when the desktop changes its palette (a
    switch to dark mid-session): Qt gave the widgets the new palette, but nndesk's tones
    (captions, the answer's percentage, headlines) and its charts stayed in the old one.

    Listens to the application's palette and colour-scheme signals (an event filter on the
    application would see every event of every object); the retone runs once from the event
    loop however many changes come together (a desktop sends one per widget class)."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)  # Qt's: it lives as long as the application
        self._app = app
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self._follow)
        app.paletteChanged.connect(self._on_changed)
        app.styleHints().colorSchemeChanged.connect(self._on_changed)

    @Slot()
    def _on_changed(self, *_args) -> None:
        if not _applying and _choice == "system":
            self._pending.start()

    @Slot()
    def _follow(self) -> None:
        if _choice != "system":  # chosen Light or Dark meanwhile
            return
        c = from_palette(self._app.palette())
        if c != _current:  # our own retone changes no palette: no second round
            _show_colours(self._app, c)
            # the widgets that paint with ``colours()`` (the probability tracks) were repainted
            # for the new palette before this ran, in the old tones: once more, in the new
            for window in self._app.topLevelWidgets():
                if window.isVisible():
                    window.update()


_follower: _DesktopFollower | None = None


def _follow_the_desktop(app: QApplication) -> None:
    global _follower
    if _follower is None:
        _follower = _DesktopFollower(app)


# ---- charts already drawn --------------------------------------------------------------------
def _same(a, b) -> bool:
    try:
        return to_rgba(a)[:3] == to_rgba(b)[:3]
    except (TypeError, ValueError):
        return False


def _themed(colour, role: str, old: Colours) -> bool:
    """Was ``colour`` drawn as ``role`` of a theme (or in matplotlib's black default)?"""
    themes = (LIGHT, DARK, old)
    candidates = {getattr(t, role) for t in themes}
    if role == "window_text":
        candidates.add("black")  # matplotlib's default
    if role == "muted":  # viz.muted_colour() as drawn under any theme or matplotlib's defaults
        candidates |= {mix(t.window_text, t.base, 0.3) for t in themes} | {
            mix("black", "white", 0.3)
        }
    return any(_same(colour, x) for x in candidates)


def restyle_figure(figure, old: Colours, new: Colours) -> None:
    """Recolour a drawn figure's background, axes, text, grid and legends from ``old`` to ``new``.

    Only colours that were the theme's (text, muted text, grid, backgrounds, a rate change's
    line) change; data colours (lines, bars, matrix cells and their labels) stay.
    """
    from nndesk.curves.style import lr_colour

    figure.patch.set_facecolor(new.window)
    for text in _texts(figure):
        colour = text.get_color()
        if _themed(colour, "window_text", old):
            text.set_color(new.window_text)
        elif _themed(colour, "muted", old):
            text.set_color(new.muted)
        box = text.get_bbox_patch()  # a label's box of the plot's colour (a change's)
        if box is not None and _same(box.get_facecolor(), old.base):
            box.set_facecolor(new.base)
    for ax in figure.axes:
        if ax.patch.get_visible() and not _same(ax.patch.get_facecolor(), "none"):
            ax.patch.set_facecolor(new.base)
        for spine in ax.spines.values():
            spine.set_edgecolor(new.mid)
        ax.tick_params(which="both", colors=new.window_text)
        # every major tick's grid line, not only those in view (get_ygridlines): a tick made
        # for an axis that once held more ticks is kept and shown again when the limits
        # change, and came back in the old theme's grid colour (a black line across an empty
        # loss chart in light, a white one in dark)
        ax.tick_params(which="major", grid_color=new.grid)
        for image in ax.get_images():  # a mosaic's gaps: the page's or the axes' colour
            cmap = image.get_cmap()
            if _same(cmap.get_bad(), old.window):
                image.set_cmap(cmap.with_extremes(bad=new.window))
            elif _same(cmap.get_bad(), old.base) or _same(cmap.get_bad(), "white"):
                image.set_cmap(cmap.with_extremes(bad=new.base))
        for line in ax.get_lines():  # a rate change's dotted line, in the new theme's purple
            if _same(line.get_color(), lr_colour(old.dark)):
                line.set_color(lr_colour(new.dark))
        legend = ax.get_legend()
        if legend is not None:
            legend.get_frame().set_facecolor(new.base)
            legend.get_frame().set_edgecolor(new.mid)


def _texts(artist):
    """Every Text under ``artist`` but the tick labels, which ``tick_params`` recolours. An
    axis's ticks are not walked: asking an axis for them makes those a chart never drawn has
    not made yet (the hidden Live plot's: 45 ms of a theme switch's GUI thread)."""
    from matplotlib.axis import Axis
    from matplotlib.text import Text

    if isinstance(artist, Text):
        yield artist
    children = (
        [artist.label, artist.offsetText] if isinstance(artist, Axis) else artist.get_children()
    )
    for child in children:
        yield from _texts(child)


class _RedrawWhenShown(QObject):
    """Redraws a chart restyled while it was hidden as it is shown, before it is painted."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Show:
            watched.removeEventFilter(self)
            # idle, not at once: a chart first shown at a new size has had its resize event
            # (and its idle draw) just before; a draw here drew it twice (the Live plot at
            # the first Train click after a theme switch: two full draws, ~250 ms of the GUI
            # thread). The paint runs the idle draw first, so the old colours never show.
            watched.draw_idle()
        return False


_redraw_when_shown: _RedrawWhenShown | None = None


def restyle_charts(app: QApplication, old: Colours, new: Colours) -> None:
    """Restyle every matplotlib canvas of the application; redraw those on screen now and the
    others when they are next shown (a full draw of every chart of every page froze the window
    for seconds: docs/performance.md)."""
    global _redraw_when_shown
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    if _redraw_when_shown is None:
        _redraw_when_shown = _RedrawWhenShown()
    for widget in app.allWidgets():
        if isinstance(widget, FigureCanvasQTAgg):
            restyle_figure(widget.figure, old, new)
            if widget.isVisible():
                widget.draw_idle()
            else:
                widget.removeEventFilter(_redraw_when_shown)  # at most once per chart
                widget.installEventFilter(_redraw_when_shown)
