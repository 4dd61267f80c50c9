"""A run quit before its test, measured later: Evaluate's figure written back to the run.

Quitting mid-run skips the run's test ("Evaluate measures it later", the quit dialog says). An
Evaluate of that run's own model on the dataset's test split then measured 80.9 %, yet the
Model box said "untested", the status bar "Test accuracy: n/a" and Runs "—" beside it (walk60
D10). The figure is written where those read it: the model file's ``info["metrics"]`` (the
Model box, the status bar, a later start) and the run's ``run.json`` metrics (Runs). Only a
run's own ``model.npz``, never a running run, and never over a figure the run measured itself.
Call it off the GUI thread: it rewrites the model file (atomically) and the record.
"""

from __future__ import annotations

import math
from pathlib import Path

from nndesk.errors import NndeskError
from nndesk.run_record import MODEL_FILE, RUNNING


def untested(info: dict | None) -> bool:
    """Whether a model's ``info`` records no test accuracy."""
    metrics = (info or {}).get("metrics")
    return not isinstance(metrics, dict) or not isinstance(
        metrics.get("test_accuracy"), int | float
    )


def record_late_test(model_path: str | Path, accuracy: float, loss: float) -> bool:
    """Write ``accuracy`` and ``loss`` (measured on the whole test split) into the model file
    at ``model_path`` and its run's record, when it is the model of a run (``<run>/model.npz``)
    that has none: True once both are written. Anything else is left as it is (False): a
    model outside a run's folder, a running run, a record that cannot be read."""
    from nndesk.nn.serialization import load_model, save_model
    from nndesk.runs import RunStore

    path = Path(model_path)
    if path.name != MODEL_FILE or not (math.isfinite(accuracy) and 0.0 <= accuracy <= 1.0):
        return False
    store = RunStore(path.parent.parent)
    try:
        record = store.load(path.parent.name)
        if record.status == RUNNING or record.model_path != path:
            return False
        if not untested({"metrics": record.metrics}):
            return False
        loaded = load_model(path)
        if not untested(loaded.info):
            return False
        figures = {"test_accuracy": float(accuracy), "test_loss": float(loss)}
        metrics = {**(loaded.info.get("metrics") or {}), **figures}
        # the model first: a record naming a figure its model lacks would disagree with it
        save_model(path, loaded.model, {**loaded.info, "metrics": metrics}, loaded.optimizer)
        record.metrics = {**record.metrics, **figures}
        store.save(record)
    except (NndeskError, OSError):
        return False
    return True
