"""Whether the model Continue would train further is still on disk, and how the Train page
names it, found off the GUI thread.

The headline ("Continue the run of …") and the Continue button depend on it. A stat of a model
file on a slow disk, a network drive or a hung mount would freeze the window, so the page asks
here: each question is numbered and the answer to an older one is dropped. Until the first
answer about a file the page takes it as there (it was just saved or loaded) and names it
without touching the disk; an answer that says otherwise makes the page say itself again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QThreadPool, Slot

from nndesk.ui.off_gui import Delivery, run_off_gui
from nndesk.ui.train_texts import model_name


@dataclass(frozen=True)
class ModelLook:
    """What a look at model file ``path`` found: whether it is a file, and its name."""

    path: Path
    there: bool
    name: str


def look_at_model(path: Path, records, runs_root: Path) -> ModelLook:
    """Stat ``path`` and name it (``model_name`` resolves paths); blocking: off the GUI
    thread."""
    return ModelLook(path, path.is_file(), model_name(path, records, runs_root))


class ContinueLook(QObject):
    """The Train page's looks at Continue's model file. ``look(path, records, root)`` says at
    once what is known (never touching the disk) and asks again; ``changed`` is called when an
    answer differs from what was said."""

    def __init__(self, parent: QObject, changed: Callable[[], None]) -> None:
        super().__init__(parent)
        self._changed = changed
        self._delivery = Delivery()
        self._delivery.delivered.connect(self._on_delivery_delivered)
        self._asked = 0
        self._pending: Path | None = None  # the file of the question not answered yet
        self._again: tuple | None = None  # look()'s arguments when asked while one is on its way
        self._last: ModelLook | None = None  # the newest answer

    def look(self, path: Path, records, runs_root: Path) -> ModelLook:
        """What is known of ``path``: the last answer about it, else "there", named without
        a stat (``model_name(..., on_disk=False)``). A new question is asked, or, when one about
        ``path`` is on its way, asked once that one answers, so a file deleted meanwhile is
        noticed on the next say."""
        records = tuple(records)  # the worker reads a snapshot of the Runs list
        if self._pending != path:
            self._ask(path, records, runs_root)
        else:
            # the look on its way may have stat-ed the file before it changed: asked again when
            # it answers, or a file deleted just after that stat stays "there" for good
            self._again = (path, records, runs_root)
        last = self._last
        if last is not None and last.path == path:
            return last
        return ModelLook(path, True, model_name(path, records, runs_root, on_disk=False))

    def _ask(self, path: Path, records: tuple, runs_root: Path) -> None:
        self._asked += 1
        self._pending, self._again = path, None
        run_off_gui(
            QThreadPool.globalInstance(),
            self._delivery,
            self._asked,
            lambda: look_at_model(path, records, runs_root),
        )

    @Slot(object, object)
    def _on_delivery_delivered(self, number: int, look: ModelLook | None) -> None:
        if number != self._asked:
            return  # a newer question is on its way
        self._pending = None
        if self._again is not None:
            self._ask(*self._again)
        if look is None:
            return  # the look failed: the page keeps what it says
        before, self._last = self._last, look
        said = before if before is not None and before.path == look.path else None
        if said != look:
            self._changed()
