"""User directories. Nothing else in nndesk hard-codes a path outside the project."""

from __future__ import annotations

import contextlib
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
    read-only), in order: the user's nndesk folder, then this nndesk folder's own sub-folder of
    the system's temporary folder (often another file system; ``temp_models_dir``)."""
    return (data_dir(), temp_models_dir())


def temp_models_dir() -> Path:
    """The last save fallback: ``<temp>/nndesk-<user>-<home id>``, one per user and nndesk folder.

    The temporary folder is shared by every user and every ``NNDESK_HOME``: models saved straight
    into it showed up in every home's lists. The id is a hash of the nndesk folder's absolute
    path, so one home never lists another's models. Not created here (``private_folder``).
    """
    import hashlib
    import tempfile

    home = os.path.abspath(data_dir())
    home_id = hashlib.sha256(home.encode("utf-8", "surrogateescape")).hexdigest()[:12]
    return Path(tempfile.gettempdir()) / f"{APP_NAME}-{_user_id()}-{home_id}"


def in_temp_folder(path: str | os.PathLike) -> bool:
    """Whether ``path`` is in the temporary folder's save fallback (``temp_models_dir``): a
    place often emptied at restart (tmpfs, systemd-tmpfiles), which whoever saved a model
    there should hear of (walk55b D6)."""
    try:
        return Path(os.path.abspath(path)).parent == Path(os.path.abspath(temp_models_dir()))
    except (OSError, ValueError):
        return False


#: said after a CLI line naming a model saved in the temporary folder
TEMP_FOLDER_NOTE = (
    "the temporary folder may be emptied when the computer restarts: copy the model elsewhere"
)


def _user_id() -> str:
    getuid = getattr(os, "getuid", None)  # not on Windows, whose temp folder is per user anyway
    if getuid is not None:
        return str(getuid())
    import getpass

    try:
        return "".join(c for c in getpass.getuser() if c.isalnum())[:32] or "user"
    except (OSError, KeyError, ImportError):
        return "user"


def private_folder(folder: Path) -> Path:
    """Make ``folder`` (mode 0o700) unless it exists; raise ``PermissionError`` (one line) when it
    is a link or belongs to another user: in a shared temporary folder anyone can create a folder
    of a predictable name first, to read or swap what nndesk saves there."""
    import errno
    import stat

    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700, parents=True)
    st = os.lstat(folder)
    geteuid = getattr(os, "geteuid", None)
    if stat.S_ISLNK(st.st_mode) or not stat.S_ISDIR(st.st_mode):
        raise NotADirectoryError(errno.ENOTDIR, "not a folder nndesk made", str(folder))
    if geteuid is not None and st.st_uid != geteuid():
        raise PermissionError(errno.EPERM, "it belongs to another user", str(folder))
    return folder


def make_model_folder(folder: Path) -> Path:
    """Make a folder a model is about to be saved in: ``temp_models_dir`` only as this user's
    private folder (``private_folder``), any other with its parents."""
    if Path(os.path.abspath(folder)) == Path(os.path.abspath(temp_models_dir())):
        return private_folder(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def is_private_folder(folder: Path) -> bool:
    """True when ``folder`` is a real folder of this user (``private_folder`` would take it)."""
    import stat

    try:
        st = os.lstat(folder)
    except OSError:
        return False
    geteuid = getattr(os, "geteuid", None)
    mine = geteuid is None or st.st_uid == geteuid()
    return stat.S_ISDIR(st.st_mode) and mine


def fallback_model_name(run_id: str) -> str:
    """The file name the window gives run ``run_id``'s model in a fallback folder: the run is
    found again by its own name, never by a path written in a file."""
    return f"nndesk-{run_id}.npz"


def is_shipped_place(path: str | os.PathLike) -> bool:
    """True when a model written to ``path`` would replace or join the shipped models: a file
    in their folder (a checkout's ``weights/`` too, which an editable install, the README's
    first step, runs from: walk54b D0 replaced mnist-cnn.npz with an MLP through File > Save
    model as…) or anywhere inside the installed package. The window and ``--out`` / ``-o``
    never write there; the developer's own tools (tools/build_weights.py, ``nndesk calibrate
    FILE`` in place) do."""
    target = Path(path).resolve()
    return target.parent == WEIGHTS_DIR.resolve() or inside_installed_package(target)


def refuse_shipped_place(path: str | os.PathLike) -> None:
    """Raise a one-line ConfigError (said in the window's language) when ``path`` is a shipped
    place (``is_shipped_place``): the window's saves and the Train page's copy call it in
    their writer before anything is written."""
    if is_shipped_place(path):
        from nndesk.errors import ConfigError
        from nndesk.i18n import N_

        raise ConfigError.of(
            N_(
                "{path} is in the shipped models' folder, where nndesk never replaces or adds a "
                "model; nothing was written. Save the model in another folder"
            ),
            path=path,
        )


def inside_installed_package(path: str | os.PathLike) -> bool:
    """True when ``path`` lies inside the installed nndesk package (a wheel's shipped weights),
    which nndesk must not rewrite; a source checkout's ``weights/`` is the developer's own."""
    package = Path(str(resources.files("nndesk"))).resolve()
    try:
        Path(path).resolve().relative_to(package)
    except ValueError:
        return False
    return True
