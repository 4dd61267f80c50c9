"""Light and dark themes: readable text (WCAG AA), charts that follow, a remembered choice."""

from __future__ import annotations

import matplotlib
import numpy as np
import pytest
from matplotlib import colormaps
from matplotlib.colors import to_hex
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from nndesk import preferences, viz
from nndesk.ui import theme
from tests.ui.conftest import exposed

AA = 4.5


def test_contrast_matches_the_wcag_formula_at_its_extremes():
    assert theme.contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast("#777777", "#777777") == pytest.approx(1.0)
    assert theme.contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)  # AA's edge


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_every_text_colour_pair_meets_wcag_aa(colours):
    low = {
        f"{fg} on {bg}": round(theme.contrast(getattr(colours, fg), getattr(colours, bg)), 2)
        for fg, bg in theme.TEXT_PAIRS
    }
    assert {pair: ratio for pair, ratio in low.items() if ratio < AA} == {}


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_chart_text_meets_wcag_aa_on_the_chart_backgrounds(colours):
    with matplotlib.rc_context(theme.chart_rc(colours)):
        muted = viz.muted_colour()
        rc = matplotlib.rcParams
        for text in (rc["text.color"], rc["xtick.labelcolor"], rc["legend.labelcolor"], muted):
            for background in (rc["figure.facecolor"], rc["axes.facecolor"]):
                assert theme.contrast(text, background) >= AA, (text, background)


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_confusion_matrix_numbers_are_readable_on_every_cell_colour(colours):
    """Every share a cell can show, in each theme's matrix colours: its count (dark or white
    ink) and an empty cell's quieter 0 read at AA. "#1F2933" and white had 3.9:1 on the Blues
    around a two-thirds share."""
    with matplotlib.rc_context(theme.chart_rc(colours)):
        cells = viz.confusion_colours()
        for share in np.linspace(0.0, 1.0, 101):
            cell = to_hex(cells(share))
            assert theme.contrast(viz.count_colour(cell, empty=False), cell) >= AA, share
        empty = to_hex(cells(0.0))
        assert theme.contrast(viz.count_colour(empty, empty=True), empty) >= AA


def test_the_dark_themes_matrix_is_dark_with_light_mistakes_and_a_light_diagonal():
    """Walk43: in the dark theme the matrix stayed a white block with black grid lines."""
    with matplotlib.rc_context(theme.chart_rc(theme.DARK)):
        cells = viz.confusion_colours()
        empty, full = to_hex(cells(0.0)), to_hex(cells(1.0))
    assert theme.luminance(empty) < 0.05  # near the dark chart background, not white
    assert theme.luminance(full) > 0.5  # the diagonal stands out, lighter
    assert theme.contrast(empty, theme.DARK.base) < 1.5
    with matplotlib.rc_context(theme.chart_rc(theme.LIGHT)):
        assert to_hex(viz.confusion_colours()(0.0)) == to_hex(colormaps["Blues"](0.0))


def test_a_theme_switch_recolours_a_drawn_confusion_matrix(qtbot, qapp, restore_theme):
    from nndesk.ui.confusion_view import ConfusionView

    theme.apply_theme(qapp, "light")
    view = ConfusionView()
    qtbot.addWidget(view)
    view.resize(500, 460)
    view.show()
    confusion = np.eye(3, dtype=np.int64) * 50 + 2
    view.set_matrix(confusion, ("a", "b", "c"))

    def corner_cell() -> str:  # an off-diagonal cell's colour, as the image maps it
        qtbot.waitUntil(view.current, timeout=60000)  # drawn off the GUI thread
        image = view.ax.get_images()[0]
        return to_hex(image.cmap(image.norm(image.get_array()[0, 2])))

    assert theme.luminance(corner_cell()) > 0.5  # pale blue on white
    theme.apply_theme(qapp, "dark")
    assert theme.luminance(corner_cell()) < 0.1
    inks = {to_hex(t.get_color()) for t in view.ax.texts}
    assert all(theme.contrast(ink, corner_cell()) >= AA for ink in inks - {viz.DARK_INK})
    theme.apply_theme(qapp, "light")
    assert theme.luminance(corner_cell()) > 0.5


@pytest.mark.parametrize("name", ["light", "dark"])
def test_the_applied_palette_is_the_theme_s(qapp, restore_theme, name):
    colours = theme.apply_theme(qapp, name)
    palette = QApplication.palette()
    for field, role in (
        ("window", QPalette.ColorRole.Window),
        ("window_text", QPalette.ColorRole.WindowText),
        ("base", QPalette.ColorRole.Base),
        ("text", QPalette.ColorRole.Text),
        ("highlighted_text", QPalette.ColorRole.HighlightedText),
        ("highlight", QPalette.ColorRole.Highlight),
    ):
        assert palette.color(role).name() == getattr(colours, field)


def test_dark_is_remembered_and_restyles_charts_already_drawn(
    qtbot, qapp, restore_theme, window_factory
):
    desk = window_factory()
    window = desk.window
    page = desk.evaluate_page
    window.tabs.setCurrentWidget(page)
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    charts = window.findChildren(FigureCanvasQTAgg)
    assert charts, "the window has matplotlib charts"
    for chart in charts:
        chart.draw()  # drawn light first, as a user would see them

    window.theme_actions["dark"].trigger()

    assert preferences.theme() == "dark"
    assert window.theme_actions["dark"].isChecked()
    dark = theme.DARK
    for chart in charts:
        figure = chart.figure
        assert to_hex(figure.patch.get_facecolor()) == dark.window
        for ax in figure.axes:
            labels = [t for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text()]
            assert all(to_hex(t.get_color()) == dark.window_text for t in labels)
            for text in ax.texts:  # hints such as "No evaluation yet"
                assert theme.contrast(to_hex(text.get_color()), dark.base) >= AA
    # the next window starts with the remembered choice ticked
    again = window_factory().window
    assert again.theme_actions["dark"].isChecked()


def test_an_empty_probability_track_stands_out_from_its_background():
    for colours in (theme.LIGHT, theme.DARK):
        assert theme.contrast(colours.track, colours.window) >= 1.25  # a visible step


def test_the_confidence_keeps_its_large_font_across_a_theme_change(qtbot, qapp, restore_theme):
    from types import SimpleNamespace

    from nndesk.ui.prediction_view import PredictionPanel

    panel = PredictionPanel()
    qtbot.addWidget(panel)
    panel.set_class_names(["a", "b", "c"])
    panel.show()
    probs = np.array([0.9, 0.05, 0.05], np.float32)
    panel.set_prediction(
        SimpleNamespace(probabilities=probs, uncalibrated=probs, label=0, class_name="a")
    )
    large = panel.confidence_label.fontInfo().pointSizeF()
    assert large > panel.runner_up_label.fontInfo().pointSizeF()

    theme.apply_theme(qapp, "dark")

    assert panel.confidence_label.fontInfo().pointSizeF() == pytest.approx(large)


@pytest.mark.parametrize("colours", [theme.LIGHT, theme.DARK], ids=["light", "dark"])
def test_control_edges_meet_wcag_non_text_contrast(colours):
    low = {
        f"{fg} on {bg}": round(theme.contrast(getattr(colours, fg), getattr(colours, bg)), 2)
        for fg, bg in theme.EDGE_PAIRS
    }
    assert {pair: ratio for pair, ratio in low.items() if ratio < theme.NON_TEXT_AA} == {}


def _desktop_palette(window, text, base, button, highlight) -> QPalette:
    from PySide6.QtGui import QColor

    palette = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, window),
        (roles.WindowText, text),
        (roles.Base, base),
        (roles.AlternateBase, base),
        (roles.Text, text),
        (roles.Button, button),
        (roles.ButtonText, text),
        (roles.Highlight, highlight),
        (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, base),
        (roles.ToolTipText, text),
        (roles.PlaceholderText, text),
        (roles.Link, highlight if window > "#8" else "#9ecbff"),
        (roles.Mid, button),
    ):
        palette.setColor(role, QColor(colour))
    return palette


# a desktop's own palettes, neither of them nndesk's: a dark one and a light one (Breeze-like)
DESKTOP_PALETTES = {
    "dark desktop": ("#31363b", "#eff0f1", "#232629", "#3b4045", "#3daee9"),
    "light desktop": ("#eff0f1", "#232629", "#fcfcfc", "#e3e5e7", "#3daee9"),
}


@pytest.mark.parametrize("roles", DESKTOP_PALETTES.values(), ids=DESKTOP_PALETTES.keys())
def test_the_system_theme_fits_nndesks_tones_and_edges_to_a_desktops_palette(roles):
    colours = theme.from_palette(_desktop_palette(*roles))
    text = {
        f"{fg} on {bg}": round(theme.contrast(getattr(colours, fg), getattr(colours, bg)), 2)
        for fg, bg in theme.TEXT_PAIRS
        if fg not in ("highlighted_text", "link")  # the desktop's own pairs, as it chose them
    }
    assert {pair: ratio for pair, ratio in text.items() if ratio < AA} == {}
    edges = {
        f"{fg} on {bg}": round(theme.contrast(getattr(colours, fg), getattr(colours, bg)), 2)
        for fg, bg in theme.EDGE_PAIRS
    }
    assert {pair: ratio for pair, ratio in edges.items() if ratio < theme.NON_TEXT_AA} == {}


def _pixel(widget, x, y) -> str:
    return widget.grab().toImage().pixelColor(x, y).name()


@pytest.mark.parametrize("name", ["light", "dark"])
def test_a_check_box_outline_and_a_checked_tool_button_are_drawn_visibly(
    qtbot, qapp, restore_theme, name
):
    from PySide6.QtWidgets import QCheckBox, QStyle, QStyleOptionButton, QToolButton

    colours = theme.apply_theme(qapp, name)
    box = QCheckBox("Saliency overlay")
    qtbot.addWidget(box)
    box.show()
    option = QStyleOptionButton()
    option.initFrom(box)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    edge = _pixel(box, indicator.left(), indicator.center().y())
    assert theme.contrast(edge, colours.window) >= theme.NON_TEXT_AA, edge

    fill = QToolButton()
    fill.setText("Fill")
    fill.setCheckable(True)
    qtbot.addWidget(fill)
    fill.resize(60, 28)
    fill.show()
    y = fill.height() // 2
    off = _pixel(fill, 1, y)
    fill.setChecked(True)
    on = _pixel(fill, 1, y)
    assert theme.contrast(on, colours.button) >= theme.NON_TEXT_AA, (off, on)
    assert theme.contrast(on, off) >= 2.0, (off, on)  # on and off tell apart at a glance


def test_the_big_answer_still_fits_its_width_after_a_theme_change(
    qtbot, qapp, restore_theme, window_factory
):
    theme.apply_theme(qapp, "system")
    from nndesk.inference import Prediction

    desk = window_factory()
    panel = desk.window.prediction_panel
    panel.set_class_names(["Ankle boot", "Bag"])
    probs = np.array([0.9, 0.1], np.float32)
    panel.set_prediction(Prediction(probs, np.zeros((28, 28), np.float32), 0, "Ankle boot", probs))
    label = panel.top_label
    qtbot.waitUntil(label.isVisible)

    def fits() -> bool:
        QApplication.processEvents()
        return label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()

    assert fits()
    for name in ("dark", "light"):  # a new style hands every widget its full font back
        desk.window.theme_change_requested.emit(name)
        assert fits(), name


def test_a_theme_switch_redraws_the_charts_on_screen_now_and_the_others_when_shown(
    qtbot, qapp, restore_theme, window_factory
):
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

    theme.apply_theme(qapp, "light")
    desk = window_factory()
    window = desk.window
    window.tabs.setCurrentWidget(desk.evaluate_page)
    qtbot.waitUntil(desk.evaluate_page.isVisible)
    charts = window.findChildren(FigureCanvasQTAgg)
    draws = {chart: [] for chart in charts}
    for chart in charts:
        chart.mpl_connect("draw_event", lambda _e, c=chart: draws[c].append(1))
    style = qapp.style()

    window.theme_actions["dark"].trigger()
    shown = [c for c in charts if c.isVisible()]
    hidden = [c for c in charts if not c.isVisible()]
    assert hidden
    qtbot.waitUntil(lambda: all(draws[c] for c in shown))
    # the matrix on screen is drawn again off the GUI thread, in the dark colours
    matrix = desk.evaluate_page.confusion
    qtbot.waitUntil(lambda: matrix.current() and matrix.canvas.picture.colours == theme.DARK)
    assert to_hex(matrix.figure.patch.get_facecolor()) == theme.DARK.window
    for _ in range(5):
        QApplication.processEvents()
    assert not any(draws[c] for c in hidden)  # pages not on screen cost nothing now
    assert qapp.style() is style  # Fusion stays Fusion: no re-polish of every widget

    window.tabs.setCurrentWidget(desk.map_page)  # drawn dark as it is shown
    chart = desk.map_page.plot.canvas
    qtbot.waitUntil(lambda: bool(draws[chart]))
    assert to_hex(chart.figure.patch.get_facecolor()) == theme.DARK.window


def test_every_plain_label_of_the_window_reads_on_the_dark_theme(
    qtbot, qapp, restore_theme, window_factory
):
    """The palette each label draws its text with, after a switch to dark: a label under a
    widget with a sheet of its own (the Evaluate page's number cards) kept light-theme black."""
    from PySide6.QtWidgets import QLabel

    theme.apply_theme(qapp, "light")
    desk = window_factory()
    theme.apply_theme(qapp, "dark")
    role = QPalette.ColorRole.WindowText
    qtbot.waitUntil(lambda: desk.window.palette().color(role) == qapp.palette().color(role))

    unreadable = []
    for label in desk.window.findChildren(QLabel):
        if label.property("tone") or "color" in label.styleSheet():
            continue  # toned labels carry their colour in their own sheet (tested above)
        text = to_hex(label.palette().color(role).getRgbF())
        if min(theme.contrast(text, theme.DARK.window), theme.contrast(text, theme.DARK.base)) < AA:
            unreadable.append((type(label.parent()).__name__, label.text()[:30], text))
    assert not unreadable


@pytest.mark.parametrize("first, then", [("light", "dark"), ("dark", "light")])
def test_an_emptied_loss_chart_after_a_theme_switch_has_only_the_new_themes_grid(
    qapp, restore_theme, first, then
):
    """Probe 32: after a run, a theme switch and a new start, the empty loss charts showed a
    solid line at 1.0 (white in dark, black in light): a grid line the axes had made for the
    last run's taller range, kept out of view and shown again in the old theme's colour."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from nndesk.curves import LiveCurves, make_figure
    from tests.test_runs import two_epoch_curves

    theme.apply_theme(qapp, first)
    fig, axes = make_figure(6, 4)
    canvas = FigureCanvasAgg(fig)
    live = LiveCurves(*axes)
    canvas.draw()  # 0-1 on the loss axes: six ticks made
    live.expect_loss(2.3)  # a cross-entropy run: 0-3, four ticks in view
    live.update(two_epoch_curves())
    canvas.draw()
    old = theme.colours()
    theme.restyle_figure(fig, old, theme.DARK if then == "dark" else theme.LIGHT)
    live.reset()  # the next run starts (or fails to): 0-1 again
    canvas.draw()
    new = theme.DARK if then == "dark" else theme.LIGHT
    for ax in axes:
        shown = [line for line in ax.get_ygridlines() + ax.get_xgridlines() if line.get_visible()]
        assert shown
        assert {to_hex(line.get_color()) for line in shown} == {new.grid}


def _text_contrast_in_png(path, rows: slice) -> float:
    """The contrast between a saved picture's corner (its page) and the pixel of ``rows``
    farthest from it in luminance: the text there, as readable as it is."""
    from PIL import Image

    pixels = np.asarray(Image.open(path).convert("RGB"))
    page = to_hex(pixels[1, 1] / 255)
    weights = np.array([0.2126, 0.7152, 0.0722])
    band = pixels[rows].reshape(-1, 3) / 255
    far = band[np.argmax(np.abs(band @ weights - (pixels[1, 1] / 255) @ weights))]
    return theme.contrast(to_hex(far), page)


def test_exported_pictures_are_readable_in_the_dark_theme(tmp_path):
    """Walk qa40, View > Theme > Dark: the confusion matrix's PNG and the Dataset page's chart
    PNG had the dark theme's light text on a white page (contrast 1.2)."""
    from matplotlib.figure import Figure

    from nndesk import export
    from tests.test_evaluation import toy_result

    with matplotlib.rc_context(theme.chart_rc(theme.DARK)):
        confusion = export.save_confusion_png(tmp_path / "confusion.png", toy_result())
        figure = Figure(figsize=(4, 3))  # a chart drawn on the page, as the Dataset page saves it
        figure.add_subplot().set_title("10 random training images per class", fontsize=14)
        chart = export.save_figure(tmp_path / "chart.png", figure)
    # the titles, in the top rows of each picture
    assert _text_contrast_in_png(confusion, slice(0, 40)) >= AA
    assert _text_contrast_in_png(chart, slice(0, 40)) >= AA
    # the confusion matrix is for a slide: a white page whatever the theme
    from PIL import Image

    assert Image.open(confusion).convert("RGB").getpixel((1, 1)) == (255, 255, 255)


def test_a_chart_restyled_while_hidden_is_drawn_once_in_the_new_theme_when_first_shown(
    qtbot, qapp, restore_theme
):
    """A chart on a tab never shown gets its size (a resize event, an idle draw) as it is
    shown; the redraw for the theme joins that draw instead of adding a second full one."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
    from matplotlib.figure import Figure
    from PySide6.QtWidgets import QLabel, QTabWidget

    theme.apply_theme(qapp, "light")
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    tabs.addTab(QLabel("first"), "first")
    figure = Figure(layout="constrained")
    figure.add_subplot().plot([0, 1], [1, 0])
    canvas = FigureCanvasQTAgg(figure)
    tabs.addTab(canvas, "chart")
    tabs.resize(500, 400)
    exposed(qtbot, tabs)
    draws = []
    canvas.mpl_connect("draw_event", lambda _event: draws.append(figure.patch.get_facecolor()))

    theme.apply_theme(qapp, "dark")
    tabs.setCurrentWidget(canvas)
    qtbot.waitUntil(lambda: bool(draws))
    for _ in range(5):
        QApplication.processEvents()
    assert [to_hex(colour) for colour in draws] == [theme.DARK.window]


def test_a_restyle_recolours_a_never_drawn_chart_without_making_its_ticks(qapp, restore_theme):
    """Walking a chart's texts asked each axis for its ticks, which makes them on a chart
    never drawn (the hidden Live plot's made its switch's restyle ~45 ms): the tick labels
    take their colour from ``tick_params``, for the ticks made later too."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    theme.apply_theme(qapp, "light")
    figure = Figure(layout="constrained")
    ax = figure.add_subplot()
    ax.plot([0, 1, 2], [2, 0, 1])
    ax.set_title("per batch")
    ax.set_xlabel("batch")
    ax.text(0.5, 0.5, "no run yet", color=viz.muted_colour())
    ax.legend(["loss"])

    def ticks_made() -> list[int]:
        return [len(vars(axis).get("majorTicks", [])) for axis in (ax.xaxis, ax.yaxis)]

    before = ticks_made()  # one each, made by plotting
    theme.restyle_figure(figure, theme.LIGHT, theme.DARK)
    assert ticks_made() == before

    FigureCanvasAgg(figure).draw()  # its ticks made now, in the new colours
    dark = theme.DARK
    labels = [t for t in ax.get_xticklabels() + ax.get_yticklabels() if t.get_text()]
    assert labels and {to_hex(t.get_color()) for t in labels} == {dark.window_text}
    assert to_hex(ax.title.get_color()) == to_hex(ax.xaxis.label.get_color()) == dark.window_text
    assert to_hex(ax.texts[0].get_color()) == to_hex(dark.muted)
    (legend_text,) = ax.get_legend().get_texts()
    assert to_hex(legend_text.get_color()) == dark.window_text


@pytest.mark.parametrize("name", ["light", "dark"])
def test_a_disabled_empty_field_looks_unlike_an_enabled_one(qtbot, qapp, restore_theme, name):
    """The Lab's "Units off" on a conv layer, or Train's learning rate with no run: empty and
    disabled, it must not look like a box that takes typing."""
    from PySide6.QtWidgets import QLineEdit

    theme.apply_theme(qapp, name)
    field = QLineEdit()
    field.setPlaceholderText("e.g. 5, 9")
    qtbot.addWidget(field)
    field.resize(160, 28)
    field.show()
    x, y = field.width() - 8, field.height() // 2  # inside the box, right of the placeholder
    enabled = _pixel(field, x, y)
    field.setEnabled(False)
    disabled = _pixel(field, x, y)
    assert theme.contrast(enabled, disabled) >= 1.1, (enabled, disabled)


def _desktop_turns(qapp, roles) -> None:
    """The desktop changes its palette under the window, as its switch to dark does (Qt hands
    the application the platform's new palette; offscreen has no platform theme to switch)."""
    qapp.setPalette(_desktop_palette(*roles))


def test_under_the_system_theme_the_window_follows_the_desktop_into_dark_mid_session(
    qtbot, qapp, restore_theme, window_factory
):
    """walk59 D1: the desktop turned dark, the widgets' palette with it, but nndesk's tones (the
    answer's percentage, captions, headlines) and its charts stayed light."""
    from PySide6.QtWidgets import QLabel

    from nndesk.ui.prediction_view import PredictionPanel

    theme.apply_theme(qapp, "system")
    desk = window_factory()
    window = desk.window
    window.tabs.setCurrentWidget(desk.evaluate_page)
    qtbot.waitUntil(desk.evaluate_page.isVisible)
    muted = next(w for w in window.findChildren(QLabel) if w.property("tone") == "muted")
    answer = window.findChild(PredictionPanel).confidence_label  # "100,0%", a sheet of its own
    matrix = desk.evaluate_page.confusion
    assert not theme.colours().dark

    _desktop_turns(qapp, DESKTOP_PALETTES["dark desktop"])

    qtbot.waitUntil(lambda: theme.colours().dark)
    c = theme.colours()
    assert c == theme.from_palette(qapp.palette())
    assert c.muted in muted.styleSheet() and theme.contrast(c.muted, c.window) >= AA
    qtbot.waitUntil(lambda: matrix.current() and matrix.canvas.picture.colours == c)
    assert to_hex(matrix.figure.patch.get_facecolor()) == c.window
    ink = to_hex(answer.palette().color(QPalette.ColorRole.WindowText).getRgbF())
    assert theme.contrast(ink, c.window) >= AA
    QApplication.processEvents()
    assert not theme._follower._pending.isActive()  # its own retone asks for no second one

    _desktop_turns(qapp, DESKTOP_PALETTES["light desktop"])
    qtbot.waitUntil(lambda: not theme.colours().dark)


def test_a_chosen_theme_stays_when_the_desktop_changes(qtbot, qapp, restore_theme):
    theme.apply_theme(qapp, "light")
    _desktop_turns(qapp, DESKTOP_PALETTES["dark desktop"])
    QApplication.processEvents()
    assert theme.colours() == theme.LIGHT


ADWAITA_DARK = ("#323232", "#ffffff", "#323232", "#323232", "#15539e")  # GTK's: Base = Button


def _thumb_and_groove(qtbot) -> tuple[int, int]:
    """The lightness of a vertical scroll bar's thumb (at its top) and of its groove."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QScrollBar

    bar = QScrollBar(Qt.Orientation.Vertical)
    qtbot.addWidget(bar)
    bar.setRange(0, 100)
    bar.setPageStep(30)
    bar.resize(16, 300)
    bar.show()
    image = bar.grab().toImage()
    return image.pixelColor(8, 60).lightness(), image.pixelColor(8, 250).lightness()


@pytest.mark.parametrize(
    "desktop", [ADWAITA_DARK, DESKTOP_PALETTES["dark desktop"]], ids=["adwaita-dark", "breeze-dark"]
)
def test_under_a_dark_desktop_palette_a_scroll_bars_thumb_is_lighter_than_its_groove(
    qtbot, qapp, restore_theme, desktop
):
    """walk62 D10: View > Theme > System under GTK's Adwaita-dark drew the thumb darker than
    its groove (64 on 77), the reverse of every dark desktop; a student read a page scrolled
    to its bottom as at its top. nndesk's own Dark theme draws it light on dark."""
    theme.apply_theme(qapp, "system")
    _desktop_turns(qapp, desktop)
    qtbot.waitUntil(lambda: theme.colours().dark)
    thumb, groove = _thumb_and_groove(qtbot)
    assert thumb >= groove + 20, (thumb, groove)
    theme.apply_theme(qapp, "dark")
    dark_thumb, dark_groove = _thumb_and_groove(qtbot)
    assert dark_thumb >= dark_groove + 20, (dark_thumb, dark_groove)


def test_a_palette_whose_thumb_already_stands_out_is_drawn_as_it_is(qapp, restore_theme):
    from PySide6.QtWidgets import QStyleOptionSlider

    for name in ("dark", "light"):
        theme.apply_theme(qapp, name)
        option = QStyleOptionSlider()
        option.palette = qapp.palette()
        assert theme.thumb_lifted(option) is option, name


@pytest.mark.parametrize("first, then", [("light", "dark"), ("dark", "light")])
def test_a_field_toned_and_cleared_before_it_was_shown_takes_the_next_themes_palette(
    qtbot, qapp, restore_theme, first, then
):
    """walk67 #4: a race lane's "Layers" and "Learning rate" fields, marked refused and then
    accepted while the lane was being made (before Qt had polished them), stayed in the light
    theme's white after a switch to dark, while their untouched neighbours turned dark."""
    from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

    theme.apply_theme(qapp, first)
    holder = QWidget()
    qtbot.addWidget(holder)
    column = QVBoxLayout(holder)
    toned = [QLineEdit(), QLabel("toned then cleared")]
    for widget in toned:
        theme.set_tone(widget, "error")
        theme.set_tone(widget, None)
        column.addWidget(widget)
    untouched = QLineEdit()
    column.addWidget(untouched)
    exposed(qtbot, holder)

    theme.apply_theme(qapp, then)
    c = theme.colours()
    base, ink = QPalette.ColorRole.Base, QPalette.ColorRole.WindowText
    # the new palette reaches a shown window's widgets through the event loop
    qtbot.waitUntil(lambda: untouched.palette().color(base).name() == c.base)
    assert untouched.palette().color(ink).name() == c.window_text
    for role, name in ((base, c.base), (ink, c.window_text)):
        assert [w.palette().color(role).name() for w in toned] == [name, name]


def test_a_rate_changes_dotted_line_stands_out_on_either_themes_charts(qapp, restore_theme):
    """walk72 F12: the purple of a rate set by hand stood 2.5:1 on the dark plots and read
    faint; on either theme it stands at least 3:1 (WCAG's for a graphic), drawn in that theme
    or recoloured by a switch."""
    from matplotlib.figure import Figure

    from nndesk.curves.marks import mark_change

    for name, colours in (("light", theme.LIGHT), ("dark", theme.DARK)):
        theme.apply_theme(qapp, name)
        figure = Figure()
        ax = figure.add_subplot()
        (line,) = [a for a in mark_change([ax], 0.68, "lr 0.0003") if hasattr(a, "get_xdata")]
        assert theme.contrast(line.get_color(), colours.base) >= 3.0, name
    theme.apply_theme(qapp, "light")
    figure = Figure()
    ax = figure.add_subplot()
    (line,) = [a for a in mark_change([ax], 0.68, "lr 0.0003") if hasattr(a, "get_xdata")]
    theme.restyle_figure(figure, theme.LIGHT, theme.DARK)
    assert theme.contrast(line.get_color(), theme.DARK.base) >= 3.0
    theme.restyle_figure(figure, theme.DARK, theme.LIGHT)
    assert theme.contrast(line.get_color(), theme.LIGHT.base) >= 3.0
