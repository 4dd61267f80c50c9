"""User directories. Nothing else in nndesk hard-codes a path outside the project."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "nndesk"

#: Folder of the shipped models (``weights/`` at the project root, next to the package).
WEIGHTS_DIR = Path(__file__).resolve().parent.parent / "weights"


def _dir(env: str, default: str) -> Path:
    # environment overrides let tests and CI keep everything inside a temporary folder
    return Path(os.environ.get(env) or default)


def cache_dir() -> Path:
    """Where downloaded datasets are cached (``$NNDESK_CACHE_DIR`` overrides)."""
    return _dir("NNDESK_CACHE_DIR", platformdirs.user_cache_dir(APP_NAME))


def data_dir() -> Path:
    """Where runs and their models are kept (``$NNDESK_HOME`` overrides)."""
    return _dir("NNDESK_HOME", platformdirs.user_data_dir(APP_NAME))


def runs_dir() -> Path:
    """One sub-folder per training run: config, curves, final metrics and model file."""
    return data_dir() / "runs"
