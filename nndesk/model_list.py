"""The Model box's files looked at on disk: which remembered recent models are still there, the
path each listed file resolves to, and what the unread ones are. Every function here stats or
reads files, so the window calls them off the GUI thread: a recent model on a network drive that
stops answering held the window's start for as long as each stat took (a dozen of them). Qt-free.
"""

from __future__ import annotations

import filecmp
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from nndesk.model_labels import ModelFacts, read_headers

#: a file as found (inode, size, modification time in ns): another one is another file, even
#: under the same name (saved over, damaged in another program, replaced by a good copy)
Signature = tuple[int, int, int]


@dataclass(frozen=True)
class ModelListing:
    """What the Model box lists, as found on disk."""

    #: the remembered recent models that exist, newest first, at most the number asked for
    recent: list[Path]
    #: each listed file (as given: ``str(path)``) -> the path it resolves to; a recent model
    #: that is a shipped one (``shipped_twin``) -> the shipped file's, so it is listed once
    resolved: dict[str, str] = field(default_factory=dict)
    #: the facts of the files read for it (as given) -> ``ModelFacts``; unreadable ones left out
    facts: dict[str, ModelFacts] = field(default_factory=dict)
    #: the files read for it whose header was refused (as given) -> one line naming it and why
    refused: dict[str, str] = field(default_factory=dict)
    #: each listed file (as given) -> its ``Signature`` now (None: not a file)
    signatures: dict[str, Signature | None] = field(default_factory=dict)


def is_file(path: str | Path) -> bool:
    """Whether ``path`` is a file; False for a name the file system refuses (too long, a NUL)."""
    try:
        return Path(path).is_file()
    except (OSError, ValueError):
        return False


def signature(path: str | Path) -> Signature | None:
    """``path``'s ``Signature``, or None when it cannot be looked at (gone, refused)."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def resolved(path: str | Path) -> str:
    """``path`` made absolute with its links followed; as given when that fails."""
    try:
        return str(Path(path).resolve())
    except (OSError, ValueError, RuntimeError):  # RuntimeError: a symlink loop (Python < 3.13)
        return str(path)


def existing_models(remembered: list[Path], limit: int) -> list[Path]:
    """The ``remembered`` recent models that are files, in their order (newest first), at
    most ``limit``: what the Model box lists and ``preferences.recent_models`` returns. It
    stats every one, so the window calls it in a worker (``look_at_models``)."""
    return [path for path in remembered if is_file(path)][:limit]


def gone_models(remembered: list[Path]) -> frozenset[str]:
    """The ``remembered`` recent models that are no longer files (as remembered: ``str``),
    dropped when a model joins the list. It stats every one, as ``existing_models``."""
    return frozenset(str(path) for path in remembered if not is_file(path))


def in_an_install(path: Path) -> bool:
    """Whether ``path`` is in the shipped-models folder of an nndesk install (this one or
    another): ``<checkout>/weights/`` beside ``<checkout>/nndesk/``, or a wheel's
    ``nndesk/weights/``."""
    folder = path.parent
    if folder.name != "weights":
        return False
    root = folder.parent
    return is_file(root / "nndesk" / "__init__.py") or (
        root.name == "nndesk" and is_file(root / "__init__.py")
    )


def shipped_twin(path: Path, shipped: list[Path]) -> Path | None:
    """The shipped model ``path`` is another copy of, or None: a file of the same bytes, or
    the same name in another install's shipped folder (an earlier clone's
    weights/fashion-cnn.npz, remembered as a recent model, was listed beside this install's
    as a second "fashion-cnn": verify60 D-I). Reads only files of a shipped one's size."""
    if path in shipped:
        return None
    for model in shipped:
        if path.name == model.name and in_an_install(path):
            return model
    size = _size(path)
    for model in shipped:
        if size is not None and size == _size(model):
            try:
                if filecmp.cmp(path, model, shallow=False):
                    return model
            except (OSError, ValueError):
                continue
    return None


def _size(path: Path) -> int | None:
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return None


def look_at_models(
    shipped: list[Path],
    remembered: list[Path],
    known: Mapping[str, Signature | None],
    limit: int,
) -> ModelListing:
    """The listing of ``shipped`` and the ``remembered`` recent models that exist (``limit`` of
    them), with the headers read of the files not read as they are now: ``known`` maps a file
    read before to its ``Signature`` then (an entry kept the label of a file saved over)."""
    recent = existing_models(remembered, limit)
    listed = [str(path) for path in [*shipped, *recent]]
    signatures = {path: signature(path) for path in listed}
    unread = [
        path
        for path, now in signatures.items()
        if now is not None and (path not in known or known[path] != now)
    ]
    facts, refused = read_headers(unread) if unread else ({}, {})
    places = {path: resolved(path) for path in listed}
    for path in recent:
        twin = shipped_twin(path, shipped)
        if twin is not None:
            places[str(path)] = places[str(twin)]
    return ModelListing(recent, places, facts, refused, signatures)


@dataclass(frozen=True)
class ModelInUse:
    """A model file just put in use, as found on disk: its resolved path, or None when it is
    not a file (an unsaved snapshot's), and the remembered recent models that are gone."""

    path: str | None
    gone: frozenset[str]


def look_at_model_in_use(path: str, remembered: list[Path]) -> ModelInUse:
    """``path`` resolved, and which of ``remembered`` no longer exist (dropped from the list)."""
    there = is_file(path)
    return ModelInUse(resolved(path) if there else None, gone_models(remembered))
