"""RecordWriter's thread: it ends once nothing is left to write (s61: each TrainingController
left an idle "nndesk-run-record" thread behind, 100 in one test process)."""

from __future__ import annotations

import threading

from nndesk.controllers.record_writer import RecordWriter


def record_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "nndesk-run-record"}


def test_the_writers_thread_ends_when_nothing_is_left_to_write(qtbot, tmp_path):
    before = record_threads()
    written: list[str] = []
    writer = RecordWriter(lambda folder, content: written.append(content["n"]))
    writer.save(tmp_path, {"n": "a"})
    with qtbot.waitCallback() as ended:
        writer.after(ended)
    started = record_threads() - before
    qtbot.waitUntil(lambda: not any(t.is_alive() for t in started))
    # a later write starts a thread again and is written
    writer.save(tmp_path, {"n": "b"})
    with qtbot.waitCallback() as ended:
        writer.after(ended)
    assert written == ["a", "b"]
    assert writer.finish(10)
    assert not record_threads() - before


def test_finish_leaves_no_thread_behind(qtbot, tmp_path):
    before = record_threads()
    writer = RecordWriter(lambda folder, content: None)
    for n in range(5):
        writer.save(tmp_path / str(n), {"n": n})
    assert writer.finish(10)
    assert not record_threads() - before
