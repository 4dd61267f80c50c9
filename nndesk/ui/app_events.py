"""One application-wide event filter that hands the few event kinds nndesk watches to their
handlers (the wheel guard, What's This from tooltips).

An application filter sees every event of every object, and a filter written in Python costs a
call into the interpreter per event: two of them took about half of a language switch's
GUI-thread time (docs/performance.md). One filter, answering most events with a single identity
test, costs half of that.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication

Handler = Callable[[QObject, QEvent], bool]  # True: the event is handled, nobody else sees it


class AppEvents(QObject):
    """The application's one Python event filter: ``handle(kind, handler)`` watches a kind."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handlers: dict[QEvent.Type, Handler] = {}
        self._kinds: tuple[QEvent.Type, ...] = ()

    def handle(self, kind: QEvent.Type, handler: Handler) -> None:
        """Call ``handler(obj, event)`` for every event of ``kind`` (one handler a kind)."""
        self._handlers[kind] = handler
        self._kinds = tuple(self._handlers)

    def handler(self, kind: QEvent.Type) -> Handler | None:
        return self._handlers.get(kind)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
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
