"""What the imports made, kept out of Python's full garbage collections.

A full collection walks every object the collector tracks while holding the GIL, whichever
thread runs it: the window waits for it even when a worker's allocations set it off. The
imports (Qt, NumPy, matplotlib, every nndesk page) make about 95,000 such objects that live as
long as the process; walking them was most of a collection's 60-230 ms (docs/performance.md).
"""

from __future__ import annotations

import gc


def freeze_startup_objects() -> int:
    """Move every object alive now out of the collector's generations; return how many.

    Called once, after the imports and before the first window is built: a window is rebuilt
    on a language switch and its cycles must stay collectable. Frozen objects are still freed
    when nothing refers to them; only a reference cycle among them would stay (the imports
    leave a few hundred objects unreachable, not worth a full collection at start).
    """
    gc.freeze()
    return gc.get_freeze_count()
