"""Where a window comes back (ui/window_place.py): a place saved by an earlier session, on
another screen or at another scale, fits today's screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt


def test_a_saved_place_larger_than_todays_screen_is_cut_to_its_free_area():
    """walk53 #1: a window closed at 1920x1080 came back at 1920x1080 on a 1280x800 screen
    (and at 2880x1620 device px after a scale change to 150 %): the place was moved, never
    cut, and the page bar and status bar were off the screen."""
    from PySide6.QtCore import QMargins, QSize

    from nndesk.ui.window_place import fitted

    screen = QRect(0, 0, 1280, 800)
    bare = QMargins(0, 0, 0, 0)
    assert fitted(QRect(0, 0, 1920, 1080), 800, 600, bare, screen, cut=True) == screen
    frame = QMargins(1, 25, 1, 1)  # a window manager's title bar
    cut = fitted(QRect(300, 200, 1920, 1080), 800, 600, frame, screen, cut=True)
    assert cut.marginsAdded(frame) == screen
    # the window's minimum still wins over a screen smaller than it
    least = fitted(QRect(0, 0, 1920, 1080), 900, 820, bare, screen, cut=True)
    assert least.size() == QSize(1280, 820)


def test_a_restarted_window_saved_on_a_larger_screen_fits_todays_screen(qtbot, window_factory):
    """walk53 #1, as startup restores it: settings.ini ``place=0 0 1920 1080 …`` (closed on a
    larger monitor) gives a window no larger than today's free area, unless its own minimum
    needs more; maximised, its normal size is cut the same way."""
    from nndesk.ui.window_place import place_from_numbers, put_in_place

    window = window_factory().window
    area = window.screen().availableGeometry()
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    for state in (0, Qt.WindowState.WindowMaximized.value):
        place = place_from_numbers((0, 0, 1920, 1080, 0, 0, 1920, 1080, 0, 0, 0, 0, state))
        assert place is not None
        window.showNormal()
        put_in_place(window, place, another_session=True)
        normal = window.geometry() if not state else window.normalGeometry()
        assert normal.width() == max(area.width(), least.width()) < 1920
        assert normal.height() == max(area.height(), least.height()) < 1080
        assert normal.topLeft() == area.topLeft()
