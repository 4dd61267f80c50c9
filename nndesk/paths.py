"""User directories. Nothing else in nndesk hard-codes a path outside the project."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import platformdirs

APP_NAME = "nndesk"


def _shipped(name: str) -> Path:
    """A folder shipped with nndesk, found the same way in every install.

    A wheel (``pip install .``, pipx) carries it inside the package (``nndesk/<name>``, mapped
    there at build time); a source checkout or an editable install has it at the project root.
    """
    installed = Path(str(resources.files("nndesk").joinpath(name)))
    if installed.is_dir():
        return installed
    return Path(__file__).resolve().parent.parent / name


#: The shipped models: ``nndesk/weights`` when installed, else the checkout's ``weights/``.
WEIGHTS_DIR = _shipped("weights")
#: The app icon (``assets/``), found like WEIGHTS_DIR.
ASSETS_DIR = _shipped("assets")


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


def model_fallback_dirs() -> tuple[Path, ...]:
    """Folders a trained model goes to when the place chosen for it refuses it (disk full,
    read-only), in order: the user's nndesk folder, then the system's temporary folder (often
    another file system)."""
    import tempfile

    return (data_dir(), Path(tempfile.gettempdir()))


def fallback_model_name(run_id: str) -> str:
    """The file name the window gives run ``run_id``'s model in a fallback folder: the run is
    found again by its own name, never by a path written in a file."""
    return f"nndesk-{run_id}.npz"


def inside_installed_package(path: str | os.PathLike) -> bool:
    """True when ``path`` lies inside the installed nndesk package (a wheel's shipped weights),
    which nndesk must not rewrite; a source checkout's ``weights/`` is the developer's own."""
    package = Path(str(resources.files("nndesk"))).resolve()
    try:
        Path(path).resolve().relative_to(package)
    except ValueError:
        return False
    return True
