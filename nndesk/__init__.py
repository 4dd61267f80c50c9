"""nndesk: draw, train and inspect a from-scratch NumPy neural network."""

import os

# Part of the one threading rule (nndesk/training/runtime.py): OpenBLAS's idle threads sleep
# after a short spin. OpenBLAS reads this once, when NumPy loads, so it is set here, before any
# nndesk module imports NumPy; a value the user set wins.
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "4")

# the one place of the version number: pyproject.toml reads it (hatch), nndesk.version reports it
__version__ = "0.1.0"
