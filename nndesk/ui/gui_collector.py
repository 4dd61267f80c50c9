"""Python's cyclic garbage collector, run by the GUI thread only.

CPython collects on whichever thread's allocation passes the collector's threshold, and the
render pool (a matplotlib figure is thousands of objects) and the training workers allocate the
most. So collections mostly ran there and freed the reference cycles of closed pages there,
with their parentless QObjects (``off_gui.Delivery``, the controllers, ``RunListReader``):
PySide6 deletes such an object's C++ side at once, on the collecting thread, and lets go of the
GIL while it does, so the GUI thread went on with Qt while a pool thread deleted objects of the
GUI thread. Qt allows that only on the object's own thread. Seen: the race and Inside tests
freed six pages' controllers and Deliveries on a "Thread (pooled)", the race theme test among
them; a test worker of a CI run died in that test ("Fatal Python error: Bus error", the GUI
thread collecting while the render pool built a race chart).

``collect_on_gui_thread(app)`` turns the automatic collection off and collects from a timer on
the GUI thread instead, by CPython's own rules (``due_generation``). A worker's reference drops
still free what they free (plain reference counting is not the collector).

The collector never asks for the objects themselves (``gc.get_objects``) to size the oldest
generation: that list holds a reference to every tracked object, a tuple another thread is
still building among them (``tuple(generator)`` grows it in place and requires it to be
referenced once), and a worker that went on while the list lived failed with "SystemError:
Objects/tupleobject.c:927: bad argument to internal function" (walk63 D1: a lab run lost at
epoch 11). The heap's growth is measured in Python's allocated blocks instead.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer, Slot

#: Milliseconds between two looks at the collector's counts while Python allocates (CPython
#: looks at each allocation; a young generation that grew meanwhile costs a little more to
#: walk, nothing else changes)
INTERVAL_MS = 50
#: The longest wait between two looks: while nothing allocates, the wait doubles up to this, so
#: an idle window does not wake the processor twenty times a second for nothing
IDLE_INTERVAL_MS = 1_000


def next_interval(interval_ms: int, counts_changed: bool) -> int:
    """The wait before the next look: back to ``INTERVAL_MS`` once the counts moved since the
    last look, else twice the last wait, at most ``IDLE_INTERVAL_MS``."""
    return INTERVAL_MS if counts_changed else min(2 * interval_ms, IDLE_INTERVAL_MS)


def due_generation(
    counts: tuple[int, int, int],
    thresholds: tuple[int, int, int],
    long_lived_pending: int,
    long_lived_total: int,
) -> int | None:
    """The generation CPython would collect now (``gcmodule.c``, ``collect_generations``), or
    None. ``counts`` and ``thresholds`` are ``gc.get_count()`` and ``gc.get_threshold()``; a
    full collection also waits until what was allocated since the last one
    (``long_lived_pending``) is more than a quarter of what that one left
    (``long_lived_total``), so its cost stays in proportion to what it may free. CPython counts
    the objects that reached the oldest generation; ``GuiCollector`` counts Python's allocated
    blocks, which it can read without taking a reference to any object."""
    if thresholds[0] == 0 or counts[0] <= thresholds[0]:
        return None
    if counts[2] > thresholds[2] and long_lived_pending >= long_lived_total / 4:
        return 2
    if counts[1] > thresholds[1]:
        return 1
    return 0


class GuiCollector(QObject):
    """Collects on the timer of the GUI thread; made by ``collect_on_gui_thread``."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        # Python's allocated blocks after the last full collection: the heap it left
        self._long_lived = sys.getallocatedblocks()
        self._last_counts = gc.get_count()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._timer.start()

    def collect_due(self) -> int | None:
        """Collect what CPython would collect now (on this thread); the generation or None."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        pending = max(sys.getallocatedblocks() - self._long_lived, 0)
        generation = due_generation(counts, thresholds, pending, self._long_lived)
        if generation is not None:
            gc.collect(generation)
            if generation == 2:
                self._long_lived = sys.getallocatedblocks()
        return generation

    @property
    def interval_ms(self) -> int:
        """The wait before the next look."""
        return self._timer.interval()

    @Slot()
    def _on_timer_timeout(self) -> None:
        counts = gc.get_count()
        changed = counts != self._last_counts
        self.collect_due()
        self._last_counts = gc.get_count()
        self._timer.setInterval(next_interval(self._timer.interval(), changed))


def collect_on_gui_thread(app: QObject) -> GuiCollector:
    """Turn Python's automatic collection off and collect on ``app``'s (the GUI) thread from
    now on; call it on that thread. Once per application: a second call returns the first
    collector."""
    found = app.findChild(GuiCollector)
    collector = found if isinstance(found, GuiCollector) else GuiCollector(app)
    gc.disable()
    return collector
