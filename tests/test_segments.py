"""The batch helpers' shared memory: segments a run killed together with its helpers left in
/dev/shm (memory, until a restart) are removed by the next run; a live run's are not; a run
killed alone has its helpers remove them, and Python's resource tracker says nothing
(``nndesk.training.segments``)."""

from __future__ import annotations

import contextlib
import os
import signal
import time
from pathlib import Path

import pytest

from nndesk.nn.losses import SoftmaxCrossEntropy
from nndesk.training import runtime, segments
from nndesk.training.process_split import ProcessSplit
from nndesk.training.segments import PREFIX, SHM_FOLDER
from tests.test_cli_signals import _session, _session_ends, _split_segments, _train
from tests.test_process_split import SPLIT, WAIT, _batch, _model

pytestmark = pytest.mark.skipif(not SHM_FOLDER.is_dir(), reason="no /dev/shm to list")


def _made_long_ago(paths) -> None:
    """Leftovers of an earlier day: past the grace a maker has to lock its new segment."""
    past = time.time() - 3600
    for path in paths:
        os.utime(path, (past, past))


def test_segments_left_by_a_run_killed_with_its_resource_tracker_go_with_the_next_run(
    tmp_path, tiny_dir
):
    child = _train(tmp_path, tiny_dir, "784-c4-p-16-10")
    try:
        mapped = _split_segments(child)
    finally:
        os.killpg(child.pid, signal.SIGKILL)  # the run, its helpers and its resource tracker
        child.communicate()
    while _session(child.pid):  # every process of the run gone
        pass
    left = [segment for segment in mapped if Path(segment).exists()]
    assert left, "nothing was left to remove"  # what the kill leaves, with or without the fix
    assert all(Path(segment).name.startswith(PREFIX) for segment in left)
    _made_long_ago(left)
    loss = SoftmaxCrossEntropy("softmax")
    with runtime.applied(SPLIT), ProcessSplit(_model(), loss, 2, 32) as split:
        assert split.wait_ready(WAIT), split.failure
    assert [segment for segment in left if Path(segment).exists()] == []


def test_a_run_killed_alone_has_its_helpers_remove_its_segments_without_a_warning(
    tmp_path, tiny_dir
):
    """``kill -9`` of the run: Python's resource tracker removed its segments and printed a
    warning about "leaked shared_memory objects" on the person's terminal."""
    child = _train(tmp_path, tiny_dir, "784-c4-p-16-10")
    try:
        mapped = {path for path in _split_segments(child) if PREFIX in path}
        child.kill()  # the run alone: its helpers and the resource tracker live on
        _, stderr = child.communicate(timeout=120)  # theirs too: they write to its stderr
        assert _session_ends(child.pid) == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(child.pid, signal.SIGKILL)
    assert mapped
    assert "leaked" not in stderr and "Traceback" not in stderr and "Warning" not in stderr
    assert [segment for segment in mapped if Path(segment).exists()] == []


def test_a_live_runs_segments_are_never_taken_for_a_dead_ones(tmp_path):
    loss = SoftmaxCrossEntropy("softmax")
    with runtime.applied(SPLIT), ProcessSplit(_model(), loss, 2, 32) as first:
        assert first.wait_ready(WAIT), first.failure
        segments = [first._state.segment, *(helper.segment for helper in first.helpers)]
        own = [str(SHM_FOLDER / segment.name.lstrip("/")) for segment in segments]
        assert len(own) == 2 and all(Path(segment).exists() for segment in own)
        _made_long_ago(own)  # old, but held by this process's lock
        with ProcessSplit(_model(), loss, 2, 32) as second:
            assert second.wait_ready(WAIT), second.failure
        assert all(Path(segment).exists() for segment in own)
        assert first.train_step(*_batch(32), loss) is not None  # and it still trains on them


def test_a_segment_is_shared_by_its_name_until_it_is_unlinked():
    made = segments.new_segment(4096)
    try:
        other = segments.open_segment(made.name)
        other.buf[:3] = b"abc"
        assert bytes(made.buf[:3]) == b"abc" and other.size == made.size >= 4096
        other.close()
    finally:
        segments.remove_segment(made)
    with pytest.raises(FileNotFoundError):
        segments.open_segment(made.name)
    segments.unlink_segment(made.name)  # gone already: nothing to do
    with pytest.raises(ValueError):
        segments.open_segment(PREFIX + "empty", create=True, size=0)
