"""The signals that end a command: Ctrl-C (SIGINT), SIGTERM (``kill``, ``timeout``, a service
manager) and SIGHUP (the terminal it runs in closed).

Each ends the command where it runs by an exception (Python's ``KeyboardInterrupt`` for Ctrl-C,
``Ended`` for the others: ``ending_signals``), so the command's cleanup runs: a training run's
helper processes end and their shared memory segments go, temp files go, a run's lock is let
go. SIGTERM and SIGHUP used to end the process where it stood: the helpers' segments were left
to Python's resource tracker, which removed them later and printed a warning about "leaked
shared_memory objects", and the run trained so far was lost.

While ``nndesk train`` trains (``stop_requests``, taken by ``nndesk.cli.train``), the first of
them stops the run after its batch instead, and the model trained so far is tested and saved as
at a run's end; one arriving while it is tested and saved lets that finish. The second ends the
command.
"""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
from collections.abc import Callable, Iterator

from nndesk.closed_terminal import leave_a_closed_terminal

#: The signals that end a command (SIGHUP does not exist on Windows).
ENDING = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)


class Ended(KeyboardInterrupt):
    """SIGTERM or SIGHUP ended the command (``number``: the signal's); a ``KeyboardInterrupt``,
    so what cleans up after Ctrl-C cleans up after these too."""

    def __init__(self, number: int) -> None:
        super().__init__(signal.Signals(number).name)
        self.number = number


def _end(number: int) -> None:
    """End the command where it runs, as the signal ``number`` asks."""
    if number == signal.SIGINT:
        raise KeyboardInterrupt
    raise Ended(number)


def _on_signal(number: int, frame) -> None:
    leave_a_closed_terminal(number)
    _end(number)


def _set_handlers(handler) -> dict:
    """Handle every ``ENDING`` signal with ``handler``; the handlers they had before. A signal
    this process was started ignoring stays ignored: ``nohup nndesk train`` asked that closing
    the terminal (SIGHUP) leaves the run training."""
    return {
        number: signal.signal(number, handler)
        for number in ENDING
        if signal.getsignal(number) is not signal.SIG_IGN
    }


def _restore(previous: dict) -> None:
    for number, handler in previous.items():
        signal.signal(number, handler)


@contextlib.contextmanager
def ending_signals() -> Iterator[Callable[[], None]]:
    """In the block, SIGTERM and SIGHUP raise ``Ended`` where the command runs, as Ctrl-C raises
    ``KeyboardInterrupt``. It yields ``give_back``, which restores the handlers before the block
    ends (the window, which handles these signals itself, opens after it). Only the main thread
    may set handlers: elsewhere, nothing changes."""
    if threading.current_thread() is not threading.main_thread():
        yield lambda: None
        return
    previous = _set_handlers(_on_signal)
    given_back = False

    def give_back() -> None:
        nonlocal given_back
        if not given_back:
            given_back = True
            _restore(previous)

    try:
        yield give_back
    finally:
        give_back()


def ended_status(interrupt: KeyboardInterrupt) -> int:
    """Say in one line that ``interrupt`` (Ctrl-C, or ``Ended``) ended the command; its exit
    status: 130 for Ctrl-C, 128 + the signal's number for SIGTERM and SIGHUP."""
    from nndesk.cli.output import error

    if isinstance(interrupt, Ended):
        error(f"ended by {signal.Signals(interrupt.number).name}")
        return 128 + interrupt.number
    error("interrupted")
    return 130


class StopRequests:
    """What the first ending signal asked of a training run (``stop_requests``): ``stop`` is set
    to stop it after its batch; ``saving`` (set by the caller once the run has ended) says the
    model is being tested and saved, which a first signal then lets finish."""

    def __init__(self) -> None:
        self.stop = threading.Event()
        self.saving = False

    def _on_signal(self, number: int, frame) -> None:
        leave_a_closed_terminal(number)
        if self.stop.is_set():
            _end(number)
        self.stop.set()
        how = "Ctrl-C" if number == signal.SIGINT else signal.Signals(number).name
        if self.saving:
            said = f"saving the model first ({how} again to abort)"
        else:
            said = f"stopping after this batch, then saving ({how} again to abort)"
        name = "" if number == signal.SIGINT else f"{how}: "
        print(f"\nnndesk: {name}{said}", file=sys.stderr, flush=True)


@contextlib.contextmanager
def stop_requests() -> Iterator[StopRequests]:
    """Yield the ``StopRequests`` the first ending signal in the block sets (a training run
    stops after its batch, then saves); a second ends the command (``ending_signals``). Only
    the main thread may set handlers: elsewhere, signals keep what they do."""
    requests = StopRequests()
    if threading.current_thread() is not threading.main_thread():
        yield requests
        return
    previous = _set_handlers(requests._on_signal)
    try:
        yield requests
    finally:
        _restore(previous)
