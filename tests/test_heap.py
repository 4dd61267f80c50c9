"""The heap setting training applies: freed batch-sized arrays are reused, not faulted in again."""

from __future__ import annotations

import platform
import subprocess
import sys

import pytest

# four 6 MB arrays made (every page written) and dropped, as a CNN batch does; the page faults of
# four such batches after two warm-up ones
_BATCHES = """
import resource, sys
import numpy as np
from nndesk.training import heap
if sys.argv[1] == "keep":
    assert heap.keep_freed_memory()
def batch():
    arrays = [np.ones(6 << 18, np.float32) for _ in range(4)]
    del arrays
for _ in range(2):
    batch()
before = resource.getrusage(resource.RUSAGE_SELF).ru_minflt
for _ in range(4):
    batch()
print(resource.getrusage(resource.RUSAGE_SELF).ru_minflt - before)
"""

glibc_only = pytest.mark.skipif(
    platform.system() != "Linux" or platform.libc_ver()[0] != "glibc",
    reason="the setting is glibc's; elsewhere keep_freed_memory does nothing",
)


def _page_faults(mode: str) -> int:
    done = subprocess.run(
        [sys.executable, "-c", _BATCHES, mode], capture_output=True, text=True, check=True
    )
    return int(done.stdout.strip())


@glibc_only
def test_after_keep_freed_memory_a_batch_reuses_the_memory_the_last_one_freed():
    pages_per_batch = 4 * (6 << 20) // 4096
    # without the setting glibc gives the memory back and faults it in again every batch
    assert _page_faults("default") > pages_per_batch
    assert _page_faults("keep") < pages_per_batch // 20


def test_training_applies_the_heap_setting(monkeypatch):
    from nndesk.training import heap, runtime

    calls = []
    monkeypatch.setattr(heap, "keep_freed_memory", lambda: calls.append(1) or True)
    with runtime.applied(runtime.ThreadPlan(blas=None, parts=1)):
        pass
    assert calls == [1]


_GIVE_BACK = """
import sys
import numpy as np
from nndesk.training import heap

def rss_mb():
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) for line in f if line.startswith("VmRSS")) / 1024

start = rss_mb()
with heap.kept_while_training():
    arrays = [np.ones(6 << 18, np.float32) for _ in range(40)]  # 40 batch-sized arrays, 240 MB
    del arrays
    kept = rss_mb() - start
after = rss_mb() - start
print(kept, after)
"""


@glibc_only
def test_the_memory_a_run_freed_goes_back_to_the_system_when_it_ends():
    done = subprocess.run(
        [sys.executable, "-c", _GIVE_BACK], capture_output=True, text=True, check=True
    )
    kept, after = (float(v) for v in done.stdout.split())
    assert kept > 50  # during the run the freed arrays stay in the heap, for the next batch
    assert after < 20  # once it is over they are the system's again
