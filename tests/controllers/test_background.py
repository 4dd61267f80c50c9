"""BackgroundWrites: files the user asked for are written on a worker thread, in order."""

from __future__ import annotations

import threading

import pytest

from nndesk.controllers.background import BackgroundWrites

WAIT_MS = 60_000  # a bound for a hang only: a condition met sooner ends the wait


@pytest.fixture
def writes(qtbot):
    w = BackgroundWrites()
    yield w
    w.shutdown()


def test_jobs_run_off_the_gui_thread_in_the_order_asked_and_none_is_dropped(qtbot, writes):
    gate = threading.Event()
    ran: list[tuple[str, threading.Thread]] = []

    def job(name):
        def run():
            if name == "first":
                assert gate.wait(WAIT_MS / 1000)
            ran.append((name, threading.current_thread()))
            return name

        return run

    answers: list[tuple[int, object]] = []
    writes.done.connect(lambda token, result: answers.append((token, result)))
    tokens = [writes.submit(job(n)) for n in ("first", "second", "third")]
    # the first job waits on the gate while the GUI thread goes on with its events
    qtbot.waitUntil(lambda: writes.busy, timeout=WAIT_MS)
    assert answers == []
    gate.set()
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=WAIT_MS)
    assert answers == list(zip(tokens, ["first", "second", "third"], strict=True))
    assert [name for name, _ in ran] == ["first", "second", "third"]
    assert all(t is not threading.main_thread() for _, t in ran)
    assert not writes.busy


def test_a_failing_job_answers_with_its_error_and_the_next_still_runs(qtbot, writes):
    def full():
        raise OSError(28, "No space left on device")

    failed: list = []
    done: list = []
    writes.failed.connect(lambda token, err: failed.append((token, err)))
    writes.done.connect(lambda token, result: done.append((token, result)))
    bad = writes.submit(full)
    good = writes.submit(lambda: "ok")
    qtbot.waitUntil(lambda: bool(failed and done), timeout=WAIT_MS)
    ((token, err),) = failed
    assert token == bad and isinstance(err, OSError) and err.strerror == "No space left on device"
    assert done == [(good, "ok")]


def test_an_answer_comes_after_submit_returned_its_token_however_fast_the_job(qtbot, writes):
    """Callers file the token ``submit`` returns and look it up in the answer: a job that had
    ended before ``submit`` attached its callback was answered inside ``submit``, before the
    token was filed (the Lab's refusal to save over a non-model file hit this)."""
    filed: dict[int, int] = {}
    unknown: list[int] = []
    answered: list[int] = []

    def on_answer(token, _value):
        answered.append(token)
        if token not in filed:
            unknown.append(token)

    writes.done.connect(on_answer)
    writes.failed.connect(on_answer)
    for i in range(300):
        if i % 2:
            filed[writes.submit(lambda i=i: i)] = i
        else:
            filed[writes.submit(lambda: 1 / 0)] = i  # fails at once
    qtbot.waitUntil(lambda: len(answered) == 300, timeout=WAIT_MS)
    assert unknown == []
