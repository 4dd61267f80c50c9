"""A run whose process died is listed as interrupted; one a live process trains is not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from nndesk.run_lock import TRAINING_LOCK, is_held, take
from nndesk.run_record import INTERRUPTED
from nndesk.runs import RunStore

REPO = Path(__file__).resolve().parents[1]
# a process that trains a run, as far as the lock goes: it holds it until stdin closes or it dies
HOLDER = (
    "import sys\n"
    "from nndesk.run_lock import take\n"
    "lock = take(sys.argv[1])\n"
    "print('held', flush=True)\n"
    "sys.stdin.read()\n"
)


def files_under(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file under ``root``: (size, modification time, bytes), to see nothing was written."""
    out = {}
    for path in sorted(root.rglob("*")):
        if path.is_file():
            st = path.stat()
            out[str(path.relative_to(root))] = (st.st_size, st.st_mtime_ns, path.read_bytes())
    return out


def test_a_run_is_held_from_its_creation_until_it_lets_go(tmp_path):
    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "mnist"})
    assert (record.folder / TRAINING_LOCK).is_file() and is_held(record.folder)
    assert store.list()[0].status == "running"  # this process trains it
    record.release_lock()
    assert not is_held(record.folder)
    record.release_lock()  # twice is harmless


def test_a_running_record_nobody_trains_is_listed_and_loaded_as_interrupted_and_left_as_is(
    tmp_path,
):
    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "mnist"})
    record.curves.epochs.append(1)  # its curves so far are kept
    record.curves.train_loss.append(0.5)
    for name in ("train_accuracy", "val_loss", "val_accuracy", "lr", "seconds"):
        getattr(record.curves, name).append(0.25)
    for name in ("test_loss", "test_accuracy"):
        getattr(record.curves, name).append(float("nan"))
    store.save(record)
    record.release_lock()  # what the OS does when its process dies
    before = files_under(store.root)

    (listed,) = store.list()
    assert listed.status == INTERRUPTED and not listed.is_damaged
    assert listed.last_epoch == 1 and listed.curves.train_loss == [0.5]
    assert store.load(record.run_id).status == INTERRUPTED
    known: dict = {}
    assert [r.status for r in store.list(known)] == [INTERRUPTED]
    assert [r.status for r in store.list(known)] == [INTERRUPTED]  # from what it knew
    assert files_under(store.root) == before  # the listing wrote nothing
    assert '"status": "running"' in (record.folder / "run.json").read_text()

    store.delete(record.run_id, permanent=True)  # Delete takes it like any other run
    assert store.list() == []


def test_a_running_record_without_a_lock_file_was_made_by_an_older_nndesk_and_is_interrupted(
    tmp_path,
):
    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "mnist"})
    record.release_lock()
    (record.folder / TRAINING_LOCK).unlink()
    before = files_under(store.root)
    assert [r.status for r in store.list()] == [INTERRUPTED]
    assert files_under(store.root) == before  # no lock file was made by asking


def test_ended_runs_keep_their_status_whoever_holds_the_lock(tmp_path):
    store = RunStore(tmp_path / "runs")
    for status in ("completed", "stopped", "diverged", "failed"):
        record = store.create({"dataset": status})
        record.status = status
        store.save(record)
        record.release_lock()
    assert sorted(r.status for r in store.list()) == ["completed", "diverged", "failed", "stopped"]


def test_a_run_another_process_trains_is_running_until_that_process_is_killed(tmp_path):
    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "mnist"})
    record.release_lock()  # the child process takes over, as another window would hold it
    child = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(record.folder)],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "held"
        assert is_held(record.folder)
        assert [r.status for r in store.list()] == ["running"]
        known: dict = {}
        assert [r.status for r in store.list(known)] == ["running"]
    finally:
        child.kill()  # SIGKILL on POSIX: no code of the child runs, the OS lets the lock go
        child.wait()
        child.stdin.close()
        child.stdout.close()
    assert [r.status for r in store.list()] == [INTERRUPTED]
    assert [r.status for r in store.list(known)] == [INTERRUPTED]  # asked again, not remembered


def test_a_lock_taken_twice_in_one_process_is_refused_while_held(tmp_path):
    lock = take(tmp_path)
    with pytest.raises(OSError):
        take(tmp_path)
    lock.release()
    take(tmp_path).release()


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need rights on Windows")
def test_a_lock_file_that_cannot_be_asked_is_no_proof_the_run_died(tmp_path):
    store = RunStore(tmp_path / "runs")
    record = store.create({"dataset": "mnist"})
    record.release_lock()
    (record.folder / TRAINING_LOCK).unlink()
    (record.folder / TRAINING_LOCK).symlink_to(tmp_path / "elsewhere")  # not opened (NOFOLLOW)
    assert [r.status for r in store.list()] == ["running"]
