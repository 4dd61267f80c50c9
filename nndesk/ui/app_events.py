"""One application-wide event filter that hands the few event kinds nndesk watches to their
handlers (the wheel guard, What's This from tooltips).

An application filter sees every event of every object, and a filter written in Python costs a
call into the interpreter per event: two of them took about half of a language switch's
GUI-thread time (docs/performance.md). One filter, answering most events with a single identity
test, costs half of that. Asking an event its kind costs more than the rest of the filter's
Python (PySide makes an enum member of it): an event whose class no watched kind arrives as (a
child added, a property changed, a hide: half of a window's ~17,000 events as it is built) is
answered by its class, its kind never asked.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFocusEvent, QHelpEvent, QMouseEvent, QShowEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

Handler = Callable[[QObject, QEvent], bool]  # True: the event is handled, nobody else sees it

#: The Python classes an event of each watched kind arrives as (PySide wraps an event as its
#: C++ class; Qt's own QueryWhatsThis is a QHelpEvent, one sent by hand a plain QEvent). A kind
#: not here turns the answer by class off: every event is asked its kind.
ARRIVES_AS: dict[QEvent.Type, tuple[type, ...]] = {
    QEvent.Type.Polish: (QEvent,),
    QEvent.Type.Show: (QShowEvent,),
    QEvent.Type.Wheel: (QWheelEvent,),
    QEvent.Type.FocusIn: (QFocusEvent,),
    QEvent.Type.MouseButtonPress: (QMouseEvent,),
    QEvent.Type.QueryWhatsThis: (QEvent, QHelpEvent),
    QEvent.Type.WhatsThis: (QHelpEvent,),
    QEvent.Type.ToolTip: (QHelpEvent,),
}


class AppEvents(QObject):
    """The application's one Python event filter: ``handle(kind, handler)`` watches a kind."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handlers: dict[QEvent.Type, Handler] = {}
        self._kinds: tuple[QEvent.Type, ...] = ()
        #: the classes a watched kind may arrive as; None: any (a kind not in ``ARRIVES_AS``)
        self._classes: frozenset[type] | None = frozenset()

    def handle(self, kind: QEvent.Type, handler: Handler) -> None:
        """Call ``handler(obj, event)`` for every event of ``kind`` (one handler a kind)."""
        self._handlers[kind] = handler
        self._kinds = tuple(self._handlers)
        if all(watched in ARRIVES_AS for watched in self._kinds):
            self._classes = frozenset(c for watched in self._kinds for c in ARRIVES_AS[watched])
        else:
            self._classes = None

    def handler(self, kind: QEvent.Type) -> Handler | None:
        return self._handlers.get(kind)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        classes = self._classes
        if classes is not None and type(event) not in classes:
            return False  # of no class a watched kind arrives as: its kind not asked
        kind = event.type()
        for watched in self._kinds:  # a few identity tests: cheaper than hashing an enum
            if kind is watched:
                return self._handlers[kind](obj, event)
        return False


_events: AppEvents | None = None


def app_events(app: QApplication | None = None) -> AppEvents:
    """The filter installed on ``app`` (default: the running QApplication), made once."""
    global _events
    app = app or QApplication.instance()
    if _events is None or _events.parent() is not app:
        _events = AppEvents(app)
        app.installEventFilter(_events)
    return _events


@contextmanager
def paused(app: QApplication) -> Iterator[None]:
    """The filter off ``app`` while nndesk itself sends the window a burst of events none of
    its handlers watches: a text size step sends every widget a font change (some 2,600
    events, ~60 ms of interpreter calls at 1,300 widgets, benchmarks/bench_text_size.py)."""
    events = _events
    if events is None or events.parent() is not app:
        yield
        return
    app.removeEventFilter(events)
    try:
        yield
    finally:
        app.installEventFilter(events)
