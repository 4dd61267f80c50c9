"""What the window remembers between launches (QSettings): data folder, mode, recent models, size,
theme, language.

The settings file lives in ``nndesk.paths.data_dir()`` (``$NNDESK_HOME`` overrides it), so tests
and CI never touch the user's real settings. Anyone can edit it, so every value read back is
checked: one of the wrong type or shape counts as unset, never as an error.
"""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSettings, Signal

from nndesk import paths, settings_writer
from nndesk.data.folder_order import FROM_ENV, FROM_FLAG, FROM_WINDOW, DataFolder, first_folder
from nndesk.explain import SALIENCY_KINDS
from nndesk.fileio import regular_file_problem
from nndesk.i18n import LANGUAGES, N_, Message
from nndesk.inference import NOT_SURE_PERCENT
from nndesk.model_list import existing_models, gone_models

MODES = ("digits", "garments")
RECENT_LIMIT = 8
#: A stored path longer than this is not a path anyone saved (file systems stop at 4096 bytes).
MAX_PATH_CHARS = 4096


#: A settings file larger than this is not one nndesk wrote: its own holds a few short values
#: (eight recent paths of at most 4,096 characters are the most). Qt decodes "@Variant(...)"
#: values as it reads them: a 1 MB file of four blank 8000x8000 QImages took 1.2 GB and kept
#: the window from appearing for over 25 s; 64 kB bounds what such values can unpack to.
MAX_SETTINGS_BYTES = 64 << 10
SETTINGS_FILE, FALLBACK_SETTINGS_FILE = "settings.ini", "settings-fallback.ini"
_warned: set[str] = set()
#: settings files this process has used: their size is not judged again, so nndesk's own writes
#: to a file near the limit never make it switch files (and lose what it just wrote) mid-session
_accepted: set[Path] = set()


def settings() -> QSettings:
    """A QSettings on nndesk's own INI file (cheap; QSettings caches the file per process)."""
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def settings_file() -> Path:
    """``settings.ini`` in the nndesk folder, unless it is something Qt must not open or must
    not write over: a named pipe (opening it waits for a writer forever: the window never
    appeared), a device (``/dev/zero`` never ends), a folder, a file far larger than any
    settings, or one that is not settings text at all (Qt would read its bytes as keys and
    write them back with its own). Then ``settings-fallback.ini`` beside it is used, one line
    on stderr says why, the window says it once (``take_unread_notice``), and the odd file is
    left as it is."""
    path = paths.data_dir() / SETTINGS_FILE
    problem = _unusable(path)
    if problem is None:
        _accepted.add(path)
        return path
    fallback = path.with_name(FALLBACK_SETTINGS_FILE)
    if _unusable(fallback) is None:
        _accepted.add(fallback)
    else:
        fallback = paths.temp_models_dir() / SETTINGS_FILE  # both made unusable: this session's
    if f"{path} {problem}" not in _warned:  # once per file and reason, not at every read
        _warned.add(f"{path} {problem}")
        print(f"nndesk: {path} {problem}; using {fallback} instead", file=sys.stderr)
        _unread.append((path, problem, fallback))
    return fallback


#: (settings file, why it was not read, the file used instead), for the window to say once
_unread: list[tuple[Path, Message, Path]] = []


def take_unread_notice() -> tuple[Path, Message, Path] | None:
    """The first settings file this process could not read (the file, why, the file used
    instead), for the window to say once: None when every file read, or once it was taken
    (a window rebuilt for another language stays quiet)."""
    settings_file()  # the file in use now is judged first
    path = paths.data_dir() / SETTINGS_FILE
    here = [notice for notice in _unread if notice[0] == path]
    if not here or path in _unread_told:
        return None
    _unread_told.add(path)
    return here[0]


_unread_told: set[Path] = set()


def _unusable(path: Path) -> Message | None:
    """Why Qt must not read ``path`` as a settings file, or None (absent counts as usable)."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return _lock_problem(path)  # none yet: Qt takes the lock to write it the first time
    except OSError as err:
        return Message(N_("cannot be read ({reason})"), reason=err.strerror or str(err))
    if stat.S_ISDIR(st.st_mode):
        return Message(N_("is a folder"))
    if not stat.S_ISREG(st.st_mode):
        return Message(N_("is not a regular file (a pipe or a device)"))
    lock = _lock_problem(path)
    if lock is not None:  # judged every time: Qt would wait on it at the next write, for ever
        return lock
    if path in _accepted:  # in use this session: nndesk's own writes are not judged again
        return None
    if st.st_size > MAX_SETTINGS_BYTES:
        return Message(
            N_("is {size:,.0f} kB, far larger than any settings file (at most {limit} kB)"),
            size=st.st_size / 1e3,
            limit=MAX_SETTINGS_BYTES >> 10,
        )
    key = (st.st_ino, st.st_size, st.st_mtime_ns)
    seen = _judged.get(path)
    if seen is None or seen[0] != key:  # Qt caches a file it read: its status is told once
        seen = _judged[path] = (key, _not_settings_text(path))
    return seen[1]


def _lock_problem(path: Path) -> Message | None:
    """Why Qt could not lock ``path`` to write it, or None: its ``<name>.lock`` beside it is
    there but is no regular file. Qt's lock waits for ever on a lock file it can neither create
    nor read as a lock (a folder, a pipe, a device, a link leading nowhere or to itself): the
    window never appeared, its first saved setting blocking the GUI thread."""
    lock = path.with_name(path.name + ".lock")
    try:
        own = os.lstat(lock)
    except FileNotFoundError:
        return None
    except OSError as err:
        own = err
    # a regular file is a lock Qt can read: the settings writer's own, on its thread, is one
    # while it writes, and may be gone a moment later (seen between an lexists and a stat, it
    # was taken for a missing link's target: the settings file was dropped mid-session)
    if isinstance(own, os.stat_result) and stat.S_ISREG(own.st_mode):
        return None
    why = regular_file_problem(lock)
    if why is None:
        return None
    return Message(N_("cannot be locked for writing ({lock}: {why})"), lock=lock.name, why=why)


#: settings file -> ((inode, size, mtime), what ``_not_settings_text`` found) when it was read
_judged: dict[Path, tuple[tuple[int, int, int], Message | None]] = {}


def _not_settings_text(path: Path) -> Message | None:
    """Why the regular file ``path`` (at most ``MAX_SETTINGS_BYTES``) is not a settings file
    one could have edited, or None: binary bytes, or lines Qt's INI reader refuses."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as f:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped since the stat
                return Message(N_("is not a regular file (a pipe or a device)"))
            data = f.read(MAX_SETTINGS_BYTES + 1)
    except OSError as err:
        return Message(N_("cannot be read ({reason})"), reason=err.strerror or str(err))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return Message(N_("holds binary data, not settings text"))
    if b"\0" in data:
        return Message(N_("holds binary data, not settings text"))
    if QSettings(str(path), QSettings.Format.IniFormat).status() != QSettings.Status.NoError:
        return Message(N_("is not in the settings file format"))
    return None


class _Saving(QObject):
    """Tells the window, once a session, that the settings could not be written."""

    #: one line: the settings file and why it refused the write ("No space left on device")
    unsaved = Signal(str, str)


saving = _Saving()
#: (settings file, why) once a write did not get in this session, else None: said once
_unsaved: tuple[str, str] | None = None


def _value(key: str, default: object = None) -> object:
    """``key``'s value as this session knows it (a change not yet written included)."""
    return settings_writer.value(settings_file(), key, default)


def _set(key: str, value: object) -> None:
    """Change ``key`` in memory now; ``settings_writer`` writes it off the GUI thread (an
    fsync there held the window for the disk's time)."""
    settings_writer.change(settings_file(), key, value)


def _remove(key: str) -> None:
    settings_writer.change(settings_file(), key, settings_writer.REMOVED)


def flush(timeout: float | None = None) -> bool:
    """Wait until the settings changed so far are written (or refused): the app calls it as it
    ends, so a change made just before closing is kept. False when ``timeout`` passed first."""
    return settings_writer.flush(timeout)


def _on_refused(path: Path) -> None:
    """On the writer's thread: the first time a write does not get in (a full disk, a read-only
    folder), say why through ``saving.unsaved``: the choices were lost in silence at the next
    start (walk52 D12). What was not written stays in memory and is tried again later."""
    global _unsaved
    if _unsaved is not None:
        return
    _unsaved = (str(path), _write_refusal(path.parent))
    saving.unsaved.emit(*_unsaved)  # queued to the window's thread


settings_writer.on_refused = _on_refused


def unsaved_settings() -> tuple[str, str] | None:
    """(settings file, why) when a write of this session's settings did not get in, else None."""
    return _unsaved


def _write_refusal(folder: Path) -> str:
    """Why ``folder`` takes no settings file, found by writing one a few kB long there (Qt
    says only "access error"); "" when that write gets in."""
    from nndesk.errors import os_reason
    from nndesk.fileio import write_a_probe

    try:
        write_a_probe(folder, 4096)
    except OSError as err:
        return os_reason(err)
    return ""


def _path_text(value: object) -> str | None:
    """A stored path, or None when the value is not one (a list, a number, a NUL, a novel)."""
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_PATH_CHARS:
        return None
    return None if "\0" in value else value


def _choice(key: str, choices: tuple[str, ...], default: str) -> str:
    value = _value(key, default)
    return value if isinstance(value, str) and value in choices else default


#: this session's own folder for every dataset (``nndesk --data-dir DIR``, or a folder chosen
#: for both modes, File > Settings… with no mode named): it wins over ``$NNDESK_DATA_DIR`` and
#: the remembered folders until the window closes (``folder_order``)
_session_folder: DataFolder | None = None
#: registered dataset -> the folder chosen for it in the window this session (Choose a folder…
#: in Digits is MNIST's): it wins over ``_session_folder`` too, for that dataset alone
_session_folders: dict[str, DataFolder] = {}
#: the settings key of the folder chosen for one dataset ("data/dir" is the one chosen last,
#: for any: what a dataset without a folder of its own reads)
_DATASET_KEY = "data/dir-{name}"


def data_folder(name: str | None = None) -> DataFolder:
    """The IDX data folder for registered dataset ``name`` (None: the folder chosen last, for
    any dataset) and why that one, in the order the commands use too
    (``nndesk.data.folder_order``): this session's folder for ``name``, else this session's
    folder for all, else ``$NNDESK_DATA_DIR``, else the remembered folder (``name``'s own,
    else the one chosen last), else the cache (``folder`` None). Each mode keeps its own
    folder (walk48: choosing Fashion-MNIST's in Clothing made Digits lose MNIST's)."""
    named = _session_folders.get(name) if name else None
    return first_folder(named or _session_folder, lambda: remembered_data_dir(name))


def data_dir(name: str | None = None) -> str | None:
    """The IDX data folder for dataset ``name`` (``data_folder``), or None (the cache)."""
    return data_folder(name).folder


def overridden_data_dir(name: str | None = None) -> str | None:
    """The remembered folder when ``$NNDESK_DATA_DIR`` wins over it (the window says so, so
    the person knows why their choice is not read), else None."""
    if data_folder(name).source != FROM_ENV:
        return None
    remembered = remembered_data_dir(name)
    return remembered if remembered != data_dir(name) else None


def remembered_data_dir(name: str | None = None) -> str | None:
    """The folder chosen in the window for dataset ``name`` in an earlier session, else the one
    chosen last ("data/dir"), or None: what the command line reads after its own
    ``--data-dir`` and ``$NNDESK_DATA_DIR`` (``cli.data_folders``). A stored value that is not a
    path counts as unset."""
    if name:
        own = _path_text(_value(_DATASET_KEY.format(name=name), ""))
        if own is not None:
            return own
    return _path_text(_value("data/dir", ""))


def use_data_dir_for_session(folder: str | None) -> None:
    """``nndesk --data-dir DIR``: read datasets from ``folder`` without remembering it."""
    global _session_folder
    _session_folder = DataFolder(str(folder), FROM_FLAG) if folder else None


def set_data_dir(folder: str | None, name: str | None = None) -> None:
    """Remember ``folder`` as dataset ``name``'s (Choose a folder… in its mode) and as the one
    chosen last, and read ``name`` from it at once for the rest of the session, even when
    ``$NNDESK_DATA_DIR`` is set. ``name`` None: the folder of every dataset (the ones of each
    mode are forgotten). ``folder`` None forgets it: ``$NNDESK_DATA_DIR``, else the folder
    chosen last, else the cache, is read."""
    global _session_folder
    chosen = DataFolder(str(folder), FROM_WINDOW) if folder else None
    if name:
        key = _DATASET_KEY.format(name=name)
        if chosen is not None:
            _session_folders[name] = chosen
            _set(key, folder)
            _set("data/dir", folder)
            return
        forgotten = remembered_data_dir(name)
        _session_folders.pop(name, None)
        _remove(key)
        if forgotten is not None and remembered_data_dir() == forgotten:
            _set("data/dir", "")  # else the mode would read it as the one chosen last
        return
    _session_folder = chosen
    _session_folders.clear()
    for key in settings_writer.keys(settings_file()):
        if key.startswith("data/dir-"):
            _remove(key)
    _set("data/dir", folder or "")


def last_save_folder() -> str | None:
    """The folder the user last saved a file to from the window (a model, an export), or
    None; save dialogs open there."""
    return _path_text(_value("files/last_save_folder", ""))


def set_last_save_folder(folder: str | os.PathLike) -> None:
    _set("files/last_save_folder", str(folder))


def continue_rate() -> str:
    """Continue's rate choice last made: "keep" (default: the rate the run ended with) or
    "again" (its schedule again from a stated rate; ``ui.continue_dialog``)."""
    return _choice("train/continue-rate", ("keep", "again"), "keep")


def set_continue_rate(choice: str) -> None:
    if choice in ("keep", "again"):
        _set("train/continue-rate", choice)


def last_mode() -> str:
    """ "digits" (default) or "garments"."""
    return _choice("ui/mode", MODES, "digits")


def set_last_mode(mode: str) -> None:
    if mode in MODES:
        _set("ui/mode", mode)


#: the settings key of the model file last picked in a mode (the Model box, File > Open, Load
#: model, Runs > Use model, or a run's model put in use there)
_MODE_MODEL_KEY = "models/mode-{mode}"


def mode_models() -> dict[str, str]:
    """Mode -> the model file last picked in it, as remembered: none is looked at on disk (the
    mode's read passes over a file gone and says so, ``Coordinator``)."""
    found = {mode: _path_text(_value(_MODE_MODEL_KEY.format(mode=mode), "")) for mode in MODES}
    return {mode: path for mode, path in found.items() if path is not None}


def set_mode_model(mode: str, path: str | None) -> None:
    """Remember ``path`` as ``mode``'s model at the next launch; None forgets it (the mode's
    default is read)."""
    if mode not in MODES:
        return
    if path:
        _set(_MODE_MODEL_KEY.format(mode=mode), str(path))
    else:
        _remove(_MODE_MODEL_KEY.format(mode=mode))


def recent_model_entries() -> list[Path]:
    """Model files opened recently, newest first, as remembered: none is looked at on disk (a
    file on a network drive that stopped answering would hold up the caller), so some may be
    gone; ``recent_models`` keeps the existing ones."""
    value = _value("models/recent", [])
    items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
    paths_: list[Path] = []
    for item in items:
        text = _path_text(item)
        if text is not None and Path(text) not in paths_:
            paths_.append(Path(text))
    return paths_


def recent_models() -> list[Path]:
    """Model files opened recently, newest first, existing ones only (``existing_models``,
    the Model box's own filter). It stats each file: the window never calls it, its worker
    lists them (``model_list.look_at_models``)."""
    return existing_models(recent_model_entries(), RECENT_LIMIT)


def add_recent_model(path: str | os.PathLike) -> None:
    """Put ``path`` first in the recent models, and forget the ones gone. It looks at every
    file: the window calls ``remember_recent_model`` with what a worker found instead."""
    remember_recent_model(str(Path(path).resolve()), gone_models(recent_model_entries()))


def remember_recent_model(resolved: str, gone: frozenset[str] = frozenset()) -> None:
    """Put the file ``resolved`` (a resolved path) first in the recent models, without the
    remembered ones in ``gone``; no file is looked at here."""
    items = [str(p) for p in recent_model_entries() if str(p) not in gone | {resolved}]
    _set("models/recent", [resolved, *items][:RECENT_LIMIT])


def window_geometry() -> QByteArray | None:
    value = _value("ui/geometry")
    return value if isinstance(value, QByteArray) and not value.isEmpty() else None


def set_window_geometry(geometry: QByteArray) -> None:
    _set("ui/geometry", geometry)


#: how many whole numbers a window's place is saved as (``ui.window_place.place_numbers``)
PLACE_NUMBERS = 13


def window_place() -> tuple[int, ...] | None:
    """The window's place when it last closed, as ``PLACE_NUMBERS`` whole numbers; None when
    none was saved or the value is not that (a hand-edited file, another version)."""
    value = _value("ui/place")
    if not isinstance(value, str) or len(value) > 40 * PLACE_NUMBERS:
        return None
    parts = value.split()
    if len(parts) != PLACE_NUMBERS or not all(p.lstrip("-").isascii() for p in parts):
        return None
    try:
        numbers = tuple(int(p) for p in parts)
    except ValueError:
        return None
    return numbers if all(abs(n) <= 10**6 for n in numbers) else None


def set_window_place(numbers: tuple[int, ...]) -> None:
    _set("ui/place", " ".join(str(int(n)) for n in numbers))


def saliency_kind() -> str:
    """The Why page's method: one of ``explain.SALIENCY_KINDS``, every one remembered."""
    return _choice("ui/saliency", SALIENCY_KINDS, "gradient_x_input")


def set_saliency_kind(kind: str) -> None:
    _set("ui/saliency", kind)


def inside_choice() -> object:
    """The Inside page's choices as the settings file holds them (None when none was saved):
    any value a hand-edited file can hold; ``inside_memory.read_choice`` reads it."""
    return _value("ui/inside")


def set_inside_choice(text: str) -> None:
    """Remember ``text`` (``inside_memory.choice_text``) as the Inside page's choices; written
    only when it changed."""
    if _value("ui/inside") != text:
        _set("ui/inside", text)


def mirror() -> str | None:
    """The classroom mirror (URL or folder) the window downloads from before the public ones:
    the "data/mirror" setting, else ``$NNDESK_MIRROR``, else None."""
    return remembered_mirror() or (os.environ.get("NNDESK_MIRROR", "").strip() or None)


def remembered_mirror() -> str | None:
    """The "data/mirror" setting alone (File > Settings…), or None: what the command line reads
    when ``$NNDESK_MIRROR`` is not set (``cli.data_folders.classroom_mirror``)."""
    value = _path_text(_value("data/mirror", ""))  # a URL is checked like a path
    return value.strip() if value else None


def set_mirror(source: str | None) -> None:
    _set("data/mirror", (source or "").strip())


def theme() -> str:
    """ "system" (default), "light" or "dark" (View > Theme)."""
    return _choice("ui/theme", ("system", "light", "dark"), "system")


def set_theme(name: str) -> None:
    if name in ("system", "light", "dark"):
        _set("ui/theme", name)


#: View > Text size's steps (``nndesk.ui.text_size.STEPS``: a projector's "larger")
TEXT_SIZES = ("smaller", "normal", "larger")


def text_size() -> str:
    """ "normal" (default), "smaller" or "larger" (View > Text size)."""
    return _choice("ui/text_size", TEXT_SIZES, "normal")


def set_text_size(step: str) -> None:
    if step in TEXT_SIZES:
        _set("ui/text_size", step)


#: The canvas says "Not sure" when the calibrated top probability is under this many percent.
NOT_SURE_DEFAULT, NOT_SURE_RANGE = NOT_SURE_PERCENT, (0, 99)


def not_sure_threshold() -> int:
    """The "Not sure" threshold in percent (0 never says it); a bad stored value reads as unset."""
    value = _value("ui/not_sure", NOT_SURE_DEFAULT)
    try:
        number = int(str(value).strip())
    except ValueError:
        return NOT_SURE_DEFAULT
    low, high = NOT_SURE_RANGE
    return number if low <= number <= high else NOT_SURE_DEFAULT


def set_not_sure_threshold(percent: int) -> None:
    low, high = NOT_SURE_RANGE
    if isinstance(percent, int) and low <= percent <= high:
        _set("ui/not_sure", percent)


def language() -> str:
    """ "system" (default: the desktop's language when nndesk has it) or a code of
    ``nndesk.i18n.LANGUAGES`` ("en", "vi"), from View > Language."""
    return _choice("ui/language", ("system", *LANGUAGES), "system")


def set_language(code: str) -> None:
    if code == "system" or code in LANGUAGES:
        _set("ui/language", code)


#: the settings key of a mode's Train form (``train_form_memory.form_text``, walk60 D7n)
_TRAIN_FORM_KEY = "train/form-{mode}"


def train_form(mode: str) -> object:
    """``mode``'s Train form as the settings file holds it (None when none was saved): any
    value a hand-edited file can hold; ``train_form_memory.read_form`` reads it field by field."""
    return _value(_TRAIN_FORM_KEY.format(mode=mode)) if mode in MODES else None


def set_train_form(mode: str, text: str) -> None:
    """Remember ``text`` (``train_form_memory.form_text``) as ``mode``'s Train form; written
    only when it changed (a quit with the form as it was writes nothing)."""
    key = _TRAIN_FORM_KEY.format(mode=mode)
    current = _value(key) if mode in MODES else text
    if not (isinstance(current, str) and current == text):
        _set(key, text)
