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
    needs more; maximised, its normal size is cut the same way. Saved with no frame, it keeps
    room for a title bar above it (walk54b D1)."""
    from nndesk.ui.window_place import TITLE_BAR_ALLOWANCE, place_from_numbers, put_in_place

    window = window_factory().window
    area = window.screen().availableGeometry()
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    for state in (0, Qt.WindowState.WindowMaximized.value):
        place = place_from_numbers((0, 0, 1920, 1080, 0, 0, 1920, 1080, 0, 0, 0, 0, state))
        assert place is not None
        window.showNormal()
        put_in_place(window, place, another_session=True)
        normal = window.geometry() if not state else window.normalGeometry()
        free = area.adjusted(0, TITLE_BAR_ALLOWANCE, 0, 0)
        assert normal.width() == max(free.width(), least.width()) < 1920
        assert normal.height() == max(free.height(), least.height()) < 1080
        assert normal.topLeft() == free.topLeft()


def test_a_place_left_of_or_above_the_screen_is_pulled_onto_it():
    """walk54b D1: a window closed on a projector to the left of the laptop (x=-1500) came
    back off the screen: only a window past the right or bottom edge was moved."""
    from PySide6.QtCore import QMargins

    from nndesk.ui.window_place import fitted

    screen = QRect(0, 0, 1280, 800)
    frame = QMargins(1, 25, 1, 1)
    for saved in (QRect(-1500, 30, 950, 640), QRect(100, -900, 950, 640), QRect(-5, -5, 950, 640)):
        back = fitted(saved, 800, 600, frame, screen, cut=True)
        assert screen.contains(back.marginsAdded(frame)), (saved, back)
        assert back.size() == saved.size()
    inside = QRect(200, 100, 950, 640)  # already inside: not moved
    assert fitted(inside, 800, 600, frame, screen) == inside


def test_a_restarted_window_saved_off_the_screen_comes_back_on_it(qtbot, window_factory):
    """walk54b D1, as startup restores it: settings.ini ``place=-1500 30 950 640 …`` (a
    projector to the left), frame 0 (no window manager then): the window and room for a title
    bar above it are on today's screen; maximised, the place it is restored down to is too."""
    from nndesk.ui.window_place import TITLE_BAR_ALLOWANCE, place_from_numbers, put_in_place

    window = window_factory().window
    free = window.screen().availableGeometry().adjusted(0, TITLE_BAR_ALLOWANCE, 0, 0)
    for state in (0, Qt.WindowState.WindowMaximized.value):
        for x, y in ((-1500, 30), (40, 0), (30, -900)):
            place = place_from_numbers((x, y, 640, 480, x, y, 640, 480, 0, 0, 0, 0, state))
            assert place is not None
            window.showNormal()
            put_in_place(window, place, another_session=True)
            normal = window.geometry() if not state else window.normalGeometry()
            # on the screen; a window wider or taller than it (its minimum) from its top-left
            assert normal.left() >= free.left() and normal.top() >= free.top(), (x, y, normal)
            assert normal.right() <= free.right() or normal.left() == free.left()
            assert normal.bottom() <= free.bottom() or normal.top() == free.top()


def test_a_window_taller_than_the_screen_less_a_title_bar_keeps_its_bottom_on_it(qtbot):
    """walk65 D22: closed at 1280x760 and started on a 1024x700 screen (no window manager), the
    window opened at y=32, 1024x684: the room kept for a title bar that was never there put
    its status bar 16 px below the screen. The guessed title bar gives way to the window's own
    least height."""
    from PySide6.QtWidgets import QWidget

    from nndesk.ui.window_place import place_from_numbers, put_in_place

    window = QWidget()
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    tall = area.height() - 16  # its least height: more than the screen less 32 px
    window.setMinimumSize(400, tall)
    place = place_from_numbers((0, 32, 640, tall, 0, 32, 640, tall, 0, 0, 0, 0, 0))
    assert place is not None
    put_in_place(window, place, another_session=True)
    placed = window.geometry()
    assert placed.height() == tall
    assert area.top() <= placed.top() and placed.bottom() <= area.bottom(), placed


def test_a_shown_window_below_the_screens_bottom_is_moved_up_onto_it(qtbot):
    """walk65 D22 as seen: its least height known only once laid out (680 px), a window put at
    y=32 on a 700 px screen had its status bar below it; once shown it moves up, never above
    the screen."""
    from PySide6.QtWidgets import QWidget

    from nndesk.ui.window_place import keep_bottom_on_screen

    window = QWidget()
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()
    window.setGeometry(area.left(), area.top() + 32, 400, area.height() - 12)
    window.show()
    qtbot.waitExposed(window)
    keep_bottom_on_screen(window)
    qtbot.waitUntil(lambda: window.frameGeometry().bottom() <= area.bottom())
    assert window.frameGeometry().top() >= area.top()
    tall = QWidget()  # taller than the screen: its top stays on it
    qtbot.addWidget(tall)
    tall.setGeometry(area.left(), area.top() + 10, 400, area.height() + 50)
    tall.show()
    qtbot.waitExposed(tall)
    keep_bottom_on_screen(tall)
    assert tall.frameGeometry().top() == area.top()
