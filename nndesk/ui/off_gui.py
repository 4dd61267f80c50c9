"""Work for a widget done on a thread pool, its result handed back on the GUI thread.

A widget makes one ``Delivery`` (on the GUI thread) and connects ``delivered(tag, result)``;
``run_off_gui(pool, delivery, tag, work)`` calls ``work()`` on ``pool`` and delivers its result
(None if it raised: the widget keeps what it shows; the error is logged with its traceback and
``failed(tag, one line)`` comes first, for a widget that would otherwise wait for a picture that
never comes; a ``GaveUp`` is no failure: None, unlogged). ``tag`` tells the widget which
request the result answers. ``render_pool()`` is the shared one-thread pool for charts and
replays.

``Latest`` and ``run_latest`` are for a picture that follows changing data: a widget puts each
request in its ``Latest`` (a newer one replaces a waiting one: latest wins) and keeps at most one
job on the pool, which takes the newest request when it starts (the shared pool may have kept it
waiting behind another widget's work) and can ask whether a newer one came since.

``ChartRenders`` is a chart image's requests on the render pool: asked again only when what it
would draw changed, and only the newest shown.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

if TYPE_CHECKING:
    from nndesk.ui.theme import Colours

_RENDER_POOL: QThreadPool | None = None
_LOG = logging.getLogger(__name__)


def render_pool() -> QThreadPool:
    """The one-thread pool that renders charts and reads the replay's drawings off the GUI
    thread (one job at a time: matplotlib's font cache and a model's caches are shared)."""
    global _RENDER_POOL
    if _RENDER_POOL is None:
        _RENDER_POOL = QThreadPool()
        _RENDER_POOL.setMaxThreadCount(1)
    return _RENDER_POOL


class Delivery(QObject):
    """Made on the GUI thread: its queued ``delivered`` signal brings results back there."""

    delivered = Signal(object, object)  # (tag, result | None)
    failed = Signal(object, str)  # (tag, "ErrorType: message"), before delivered(tag, None)


class _Failed:
    """A work that raised: what ``failed`` says about it."""

    def __init__(self, error: Exception) -> None:
        self.line = f"{type(error).__name__}: {error}".splitlines()[0]


class _Job(QRunnable):
    def __init__(self, delivery: Delivery, tag, work: Callable[[], object]) -> None:
        super().__init__()
        self.delivery: Delivery | None = delivery
        self.tag, self.work = tag, work

    def made(self) -> tuple[object, object]:
        """(tag, result or a ``_Failed``), on the pool's thread."""
        return _attempt(self.tag, self.work)

    def run(self) -> None:
        tag, result = self.made()
        failure = result if isinstance(result, _Failed) else None
        if failure is not None:
            result = None  # the widget keeps what it shows
        # the job's reference to the Delivery is let go on the GUI thread: when the widget went
        # while the work ran it is the last one, and freeing a parentless QObject deletes it on
        # the freeing thread (Qt allows that only on its own). The list leaves this thread
        # holding nothing but, at most, an emptied list.
        kept, self.delivery = [self.delivery], None
        with contextlib.suppress(RuntimeError):  # the widget was closed meanwhile
            if failure is not None:
                kept[0].failed.emit(tag, failure.line)
            kept[0].delivered.emit(tag, result)
        app = QCoreApplication.instance()
        if app is not None:
            QTimer.singleShot(0, app, kept.clear)


class _LatestJob(_Job):
    """Does the newest request of a ``Latest`` as it starts."""

    def __init__(self, delivery: Delivery, latest: Latest) -> None:
        super().__init__(delivery, None, lambda: None)
        self.latest = latest

    def made(self) -> tuple[object, object]:
        request = self.latest.take()
        if request is None:
            return None, None
        tag, work = request
        return _attempt(tag, lambda: work(self.latest.waiting))


class GaveUp(Exception):
    """Raised by a work that stopped on purpose (a newer request made it useless): no failure,
    nothing logged; the widget gets ``delivered(tag, None)`` and keeps what it shows."""


def _attempt(tag, work: Callable[[], object]) -> tuple[object, object]:
    """(tag, what ``work()`` made), or (tag, ``_Failed``) logged with its traceback: a failure
    swallowed here left a widget waiting for a chart that never came (a flaky test's 60 s)."""
    try:
        return tag, work()
    except GaveUp:  # walk50 D3: a superseded render was logged as a failure
        return tag, None
    except Exception as error:  # noqa: BLE001 - reported to the widget, which stays up
        # the tag's kinds only: its repr held a whole training record (~140 KB, walk50 D3)
        _LOG.exception("work off the GUI thread failed (request %s)", _kinds(tag))
        return tag, _Failed(error)


class _LetGo(QRunnable):
    def __init__(self, dismantle: Callable[[], object]) -> None:
        super().__init__()
        self._dismantle: Callable[[], object] | None = dismantle

    def run(self) -> None:
        dismantle, self._dismantle = self._dismantle, None
        if dismantle is not None:
            _attempt("let go", dismantle)
        del dismantle  # the last reference: what it held is freed on this thread


def let_go_off_gui(pool: QThreadPool, dismantle: Callable[[], object]) -> None:
    """Call ``dismantle()`` on ``pool`` and drop it (and what it holds, the last reference)
    there: for what no longer shows, whose freeing is work (a replaced matplotlib figure). Not
    for QObjects, which must be freed on their own thread."""
    pool.start(_LetGo(dismantle))


def _kinds(tag) -> str:
    """What a request tag is, in a few words: its type, or its items' types."""
    if isinstance(tag, tuple):
        return "(" + ", ".join(type(item).__name__ for item in tag) + ")"
    return type(tag).__name__


def run_off_gui(pool: QThreadPool, delivery: Delivery, tag, work: Callable[[], object]) -> None:
    """Call ``work()`` on ``pool``; ``delivery.delivered(tag, result or None)`` follows."""
    pool.start(_Job(delivery, tag, work))


class ChartRenders:
    """A widget's chart renders on ``render_pool()``, on the GUI thread: a render is asked for
    only when what it would draw (``drawn``, any comparable key) changed, and a delivered image
    is shown only if it answers the newest ask (``number``). ``colours``: what the newest was
    asked with (the theme's colours it is drawn in, for ``ChartImage.show_image``)."""

    def __init__(self, delivery: Delivery, colours: Colours) -> None:
        self.delivery = delivery
        self.number = 0  # renders asked for; an older one's image is not shown
        self.drawn: object = None  # what the newest image shows (or will); None: nothing yet
        self.colours = colours

    def ask(self, drawn: object, colours: Colours, work: Callable[[], object]) -> bool:
        """Render ``work()`` on the render pool unless the newest ask already draws ``drawn``;
        ``delivery.delivered(number, image or None)`` follows. A render still waiting for the
        pool when a newer one is asked is skipped (delivered None): Ctrl+clicking three runs
        in turn drew the first two selections before the third (a second or more each on a
        busy machine, lab56), though only the newest is shown. True if a render was asked
        for."""
        if drawn == self.drawn:
            return False
        self.drawn, self.colours = drawn, colours
        self.number += 1
        number = self.number

        def newest_only():
            if number != self.number:  # an int read on the pool's thread: a newer ask came
                raise GaveUp
            return work()

        run_off_gui(render_pool(), self.delivery, number, newest_only)
        return True

    def newest(self, number: int, image: object) -> bool:
        """Whether ``image``, delivered for ask ``number``, is the newest ask's and is there to
        show. The newest one not drawn (None) is forgotten: asked again, it is tried again."""
        if number != self.number:
            return False  # an older ask's
        if image is None:
            self.drawn = None
            return False
        return True

    def drop(self) -> None:
        """Show nothing on its way, and draw at the next ask whatever it is."""
        self.number += 1
        self.drawn = None


class Latest:
    """The newest request of a widget not yet taken by a job: ``(tag, work)``, where ``work``
    is called with ``superseded`` (true once a newer request waits: stop, it will not be shown).
    Put on the GUI thread, taken on the pool's (hence the lock)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._request: tuple[object, Callable[[Callable[[], bool]], object]] | None = None

    def put(self, tag, work: Callable[[Callable[[], bool]], object]) -> None:
        """Wait for a job, in place of any request still waiting (it is never done)."""
        with self._lock:
            self._request = (tag, work)

    def take(self):
        """The waiting request, now the job's, or None."""
        with self._lock:
            request, self._request = self._request, None
            return request

    def waiting(self) -> bool:
        """Whether a request waits (one made after the job under way took its own)."""
        return self._request is not None

    def clear(self) -> None:
        """Drop the waiting request."""
        self.take()


def run_latest(pool: QThreadPool, delivery: Delivery, latest: Latest) -> None:
    """One job on ``pool`` doing the newest request in ``latest`` as it starts:
    ``delivery.delivered(tag, result or None)`` follows (``(None, None)`` if none waited).
    The caller keeps one such job at a time and starts the next once this one delivered."""
    pool.start(_LatestJob(delivery, latest))
