"""Which folder a command reads a registered dataset from, and what its error says when none
has it.

The order is the window's too (``nndesk.data.folder_order``): ``--data-dir DIR``, then
``$NNDESK_DATA_DIR``, then the folder chosen in the window (Choose a folder…, remembered in
its settings file) when that folder holds the files the command needs, then the download
cache (downloading what is missing). ``--data-dir`` is used as given (a missing file is an
error naming it): the person named it for this command. ``$NNDESK_DATA_DIR`` too, unless it
lacks the files (or holds the other dataset's) while the cache holds them: the window reads
that copy then, and ``nndesk download`` fills the cache, so the command reads it and says so.
The window's folder was chosen for another dataset perhaps, or moved since: a folder without
the files, or with the other dataset's, is passed over, as if none were remembered.

A command that downloads tries a classroom mirror first: ``$NNDESK_MIRROR``, else the one set
in the window (File > Settings…; ``classroom_mirror``); ``NNDESK_MIRROR=`` (empty) for none.

Reading the window's settings is the one place a sub-command imports Qt (QtCore only: the file
is in Qt's INI format), and only when neither of the first two is given, or a download needs
the mirror.
"""

from __future__ import annotations

import errno
import os
from dataclasses import dataclass

from nndesk.data.download import MIRROR_ENV
from nndesk.data.folder_order import (
    FROM_CACHE,
    FROM_ENV,
    FROM_FLAG,
    FROM_WINDOW,
    DataFolder,
    first_folder,
)
from nndesk.data.sources import DATA_DIR_ENV, check_not_other, find_files
from nndesk.errors import DataError

__all__ = [
    "FROM_CACHE",
    "FROM_ENV",
    "FROM_FLAG",
    "FROM_WINDOW",
    "DataFolder",
    "Mirror",
    "choose",
    "classroom_mirror",
]

#: what the error of a command that found no files ends with: the ways to files already on disk
ON_DISK_HINT = (
    "To use files you already have: --data-dir DIR, or NNDESK_DATA_DIR=DIR, or the window's "
    "Choose a folder… (train, evaluate and calibrate read the folder it remembers)."
)
#: ... and, when no server sent them, the classroom mirror (the window's banner offers it too:
#: "Classroom mirror…", File > Settings…)
MIRROR_HINT = (
    "Or download from a classroom mirror, a teacher's web address or shared folder holding "
    "mnist/ and fashion-mnist/: NNDESK_MIRROR=URL-or-FOLDER, or File > Settings… in the window."
)
#: ... a line that already names each source tried (kind "mirrors") says where it was set
MIRROR_CHECK_HINT = {
    MIRROR_ENV: "Check the classroom mirror (NNDESK_MIRROR), tried first.",
    FROM_WINDOW: "Check the classroom mirror (set in the window, File > Settings…), tried first.",
}
MIRROR_TRIED_HINT = {
    MIRROR_ENV: "The classroom mirror NNDESK_MIRROR={mirror} was tried first: check it.",
    FROM_WINDOW: "The classroom mirror {mirror} set in the window (File > Settings…) was tried "
    "first: check it.",
}


def said(data: DataFolder, name: str = "") -> str | None:
    """The line a command prints when the folder is the window's (the person did not name it
    here) or registered dataset ``name``'s copy in the cache, read instead of the folder of
    ``$NNDESK_DATA_DIR`` (the window's note says it too), else None."""
    if data.passed_over is not None:
        from nndesk.data.download import dataset_cache_dir
        from nndesk.data.registry import get_spec

        spec = get_spec(name)
        return (
            f"{spec.short_title or spec.name} is read from nndesk's downloaded copy in "
            f"{dataset_cache_dir(spec)}: {DATA_DIR_ENV}={data.passed_over} does not hold its "
            "files"
        )
    if data.source != FROM_WINDOW:
        return None
    return (
        f"reading the dataset from {data.folder}, the folder chosen in the window "
        f"(--data-dir or {DATA_DIR_ENV} choose another)"
    )


def choose(data_dir: str | None, name: str, roles: tuple[str, ...] | None = None) -> DataFolder:
    """Where registered dataset ``name`` is read from for a command given ``--data-dir``
    ``data_dir`` (or None), needing the files of ``roles`` (default all four)."""
    named = DataFolder(data_dir, FROM_FLAG) if data_dir is not None else None
    return first_folder(
        named,
        lambda: window_folder(name),
        lambda folder: _holds(folder, name, roles),
        lambda: in_cache(name, roles),
    )


def window_folder(name: str | None = None) -> str | None:
    """The data folder the window remembers for dataset ``name`` (the one chosen in its mode,
    else the one chosen last: File > Data folder…, Choose a folder…), or None.

    ``preferences`` reads the settings file the window uses: a damaged one (binary, huge, a
    folder, a pipe) is passed over with one line on stderr, as the window passes it over, and
    reads as no folder. Qt missing or refusing to load counts as no folder too: a command that
    needs no window must not fail for it."""
    try:
        from nndesk import preferences
    except (ImportError, OSError):
        return None
    try:
        return preferences.remembered_data_dir(name)
    except OSError:
        return None


def _holds(folder: str, name: str, roles: tuple[str, ...] | None) -> bool:
    """Whether ``folder`` holds ``name``'s files of ``roles``: all there, and its label files
    not the other registered dataset's (a folder of Fashion-MNIST is passed over for MNIST, as
    the window passes it over for its downloaded copy)."""
    from nndesk.data.registry import ROLES, get_spec

    spec = get_spec(name)
    try:
        find_files(folder, spec, roles or ROLES)
        check_not_other(folder, spec)
    except (DataError, OSError):
        return False
    return True


#: what a stat says of a folder that is not there (passed over in silence: moved, unplugged)
_NOT_THERE = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def refused_window_folder(name: str) -> str | None:
    """The sentence saying that the folder the window remembers for ``name`` cannot be read
    (no permission, a name too long), or None. It is passed over as one without the files,
    and the offline line then sent the person to "the window's Choose a folder…" they had
    used, without a word about it (walk55b D2)."""
    from nndesk.data.registry import get_spec

    folder = window_folder(name)
    if not folder:
        return None
    try:
        with os.scandir(folder):
            pass
        find_files(folder, get_spec(name))
    except OSError as err:
        if err.errno in _NOT_THERE:
            return None
        reason = err.strerror or type(err).__name__
        return f"The folder chosen in the window, {folder}, cannot be read ({reason})."
    except DataError:
        return None
    return None


def in_cache(name: str, roles: tuple[str, ...] | None = None) -> bool:
    """Whether nndesk's download cache holds ``name``'s files of ``roles`` (stats only; the
    load verifies them)."""
    from nndesk.data.download import dataset_cache_dir
    from nndesk.data.registry import ROLES, get_spec

    spec = get_spec(name)
    try:
        find_files(dataset_cache_dir(spec), spec, roles or ROLES)
    except (DataError, OSError):
        return False
    return True


def with_hint(err: DataError, name: str | None = None, refused: str | None = None) -> DataError:
    """``err`` (no files in the cache, and no download) with the ways to files already on disk
    after its line; a DataError still, so the command ends with status 2. With ``name`` (``nndesk
    download NAME``), a folder of the environment or the window that already holds the files
    is named instead: nothing needs downloading for the other commands."""
    text = str(err).rstrip()
    text += "" if text.endswith(".") else "."
    if refused:  # ``refused_window_folder``: said before the ways out it is one of
        text += f" {refused}"
    found = choose(None, name) if name is not None else None
    if name and found is not None and found.folder and _holds(found.folder, name, None):
        where = "NNDESK_DATA_DIR" if found.source == FROM_ENV else "the folder chosen in the window"
        return DataError(
            f"{text} The files are already in {found.folder} ({where}): train, evaluate and "
            "calibrate read them there."
        )
    if getattr(err, "kind", None) == "mirrors":  # its line already says get it by hand and
        return DataError(f"{text}{_mirror_hint(err)}")  # pass --data-dir: not twice
    return DataError(f"{text} {ON_DISK_HINT}{_mirror_hint(err)}")


def folder_hint(err, data: DataFolder, name: str) -> DataError:
    """``err`` (a ``MissingDataError``: the folder of ``--data-dir`` or ``$NNDESK_DATA_DIR``
    lacks registered dataset ``name``'s files, or is not there) with what is true to do now:
    ``nndesk download NAME --dest DIR`` fetches what is missing into that folder (it makes a
    folder not there yet), or the command reads nndesk's cache without it, downloading what
    is missing (``nndesk download NAME`` alone fills the cache, which a command given the
    folder never reads). A folder that is a file is no place to download into: only the
    second way is said. A DataError still: status 2."""
    from nndesk.i18n import N_

    what = err.what.rstrip(".")
    without = "leave out --data-dir" if data.source == FROM_FLAG else f"unset {DATA_DIR_ENV}"
    cache = f"{without} to read nndesk's cache (downloading what is missing there)"
    if getattr(err, "what_template", None) == N_("data folder {folder} is a file, not a folder"):
        return DataError(f"{what}. {cache[0].upper()}{cache[1:]}.")
    return DataError(
        f"{what}. `nndesk download {name} --dest {data.folder}` downloads what is missing "
        f"into that folder; or {cache}."
    )


def _mirror_hint(err: DataError) -> str:
    """ " Or download from a classroom mirror…" after a download no server answered or sent
    the files for; "" for other errors (downloads off, the disk refused the file)."""
    if getattr(err, "kind", None) not in ("offline", "mirrors"):
        return ""
    try:
        mirror = classroom_mirror()
    except DataError:  # an unusable setting: the command stopped at it before downloading
        mirror = None
    if mirror is None and mirror_turned_off():
        return f" {MIRROR_ENV} is set empty, so no classroom mirror was tried."
    if mirror is None:
        return " " + MIRROR_HINT
    if err.kind == "mirrors":
        return " " + MIRROR_CHECK_HINT[mirror.origin]
    return " " + MIRROR_TRIED_HINT[mirror.origin].format(mirror=mirror.source)


@dataclass(frozen=True)
class Mirror:
    """The classroom mirror a command downloads from first: ``source`` (a URL or a folder) and
    where it was set, ``origin``: ``MIRROR_ENV`` or ``FROM_WINDOW`` (File > Settings…)."""

    source: str
    origin: str

    def said(self) -> str:
        """The line a command prints before downloading from the mirror: where it was set, and
        how to choose another or none (a teacher may have set it; an old shell may hold it)."""
        if self.origin != FROM_WINDOW:
            return f"downloading from the classroom mirror {self.source} (set by {MIRROR_ENV})"
        return (
            f"downloading from the classroom mirror {self.source}, set in the window "
            f"(File > Settings…; {MIRROR_ENV}=URL-or-FOLDER for another, {MIRROR_ENV}= for none)"
        )


def mirror_turned_off() -> bool:
    """Whether ``$NNDESK_MIRROR`` is set but empty: no classroom mirror for this command, not
    even the window's."""
    import os

    value = os.environ.get(MIRROR_ENV)
    return value is not None and not value.strip()


def classroom_mirror() -> Mirror | None:
    """The classroom mirror a command downloads from: ``$NNDESK_MIRROR``, else the one set in
    the window (File > Settings…), else None (the public mirrors only). ``NNDESK_MIRROR=``
    (set, empty) is None: no mirror for this command, the window's neither. The window's own order
    differs (its setting first): there the person sees the setting they made.

    The setting is read through ``preferences``, as the data folder is (``window_folder``): a
    damaged settings file is passed over with one line on stderr and reads as no mirror. A
    mirror of a kind no download reads ("ftp://…", hand-written into the file) is a DataError
    naming the file: a teacher set it, so the public mirrors are not tried in its place."""
    from nndesk.data.download import classroom_mirror as from_environment
    from nndesk.data.download import mirror_address_refused

    named = from_environment()
    if named is not None:
        return Mirror(named, MIRROR_ENV)
    if mirror_turned_off():
        return None
    try:
        from nndesk import preferences
    except (ImportError, OSError):
        return None
    try:
        remembered = preferences.remembered_mirror()
    except OSError:
        return None
    if remembered is None:
        return None
    if mirror_address_refused(remembered):
        raise DataError(
            f"the classroom mirror set in the window ({preferences.settings_file()}: "
            f"data/mirror={remembered}) is not an http:// or https:// address or a folder: "
            f"correct it in the window's File > Settings…, or name one with "
            f"{MIRROR_ENV}=URL-or-FOLDER"
        )
    return Mirror(remembered, FROM_WINDOW)
