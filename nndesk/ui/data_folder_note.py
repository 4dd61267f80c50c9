"""The words under the test-image row naming the data folder in use, and where it comes from
when the person did not choose it (``$NNDESK_DATA_DIR``, which wins over the folder they chose
in an earlier session: ``nndesk.data.folder_order``).

Each path has a line of its own: after "Thư mục dữ liệu: " the column's line broke inside it
("…/fashion-" / "mnist").
"""

from __future__ import annotations

import os

from nndesk.data.folder_order import FROM_ENV, DataFolder, environment_folder
from nndesk.ui.language import translate


def _environment_passed_over(found: DataFolder) -> str | None:
    """``$NNDESK_DATA_DIR`` when it is set but this session reads another folder (one the
    person chose now): commands and the next start still read it, so the window says so."""
    env = environment_folder()
    if env is None or found.source == FROM_ENV or found.folder is None:
        return None
    return env if os.path.normpath(env) != os.path.normpath(found.folder) else None


def data_folder_note(
    found: DataFolder,
    overridden: str | None = None,
    missing: bool = False,
    a_file: bool = False,
    unreadable: bool = False,
    held: tuple[tuple[str, str], ...] = (),
) -> str:
    """ "Data folder:" and ``found``'s folder ("" for the cache); said to come from
    NNDESK_DATA_DIR when it does, with the person's own folder it wins over (``overridden``)
    named after it. ``missing``: the folder is not there; ``a_file``: a file is there instead
    (said as the pages' banners say it, not "not found": walk52 D23); ``unreadable``: nndesk
    may not look into it (no permission: it was said "not found", walk55b D2); ``held``: the
    ``(title, sub-folder)`` of each dataset in a sub-folder of it (``sub_folders_held``), said
    after the folder: a student who chose .../data/mnist read ".../data" and wondered whether
    the choice was taken (walk72 F8)."""
    if not found.folder:
        return ""
    if unreadable:
        head = (
            translate("DataFolderNote", "Data folder, from NNDESK_DATA_DIR, cannot be read:")
            if found.source == FROM_ENV
            else translate("DataFolderNote", "Data folder cannot be read:")
        )
    elif a_file:
        head = (
            translate(
                "DataFolderNote", "Data folder, from NNDESK_DATA_DIR, is a file, not a folder:"
            )
            if found.source == FROM_ENV
            else translate("DataFolderNote", "Data folder is a file, not a folder:")
        )
    elif found.source == FROM_ENV:
        head = (
            translate("DataFolderNote", "Data folder not found, from NNDESK_DATA_DIR:")
            if missing
            else translate("DataFolderNote", "Data folder, from NNDESK_DATA_DIR:")
        )
    else:
        head = (
            translate("DataFolderNote", "Data folder not found:")
            if missing
            else translate("DataFolderNote", "Data folder:")
        )
    text = f"{head}\n{found.folder}"
    if held and not (missing or a_file or unreadable):
        text += (
            "\n("
            + ", ".join(
                translate("DataFolderNote", "{title} in {folder}/").format(title=title, folder=sub)
                for title, sub in held
            )
            + ")"
        )
    if overridden:
        text += "\n" + translate(
            "DataFolderNote", "Your chosen folder, not read while NNDESK_DATA_DIR is set:"
        )
        text += f"\n{overridden}"
    env = _environment_passed_over(found)
    if env:
        text += "\n" + translate(
            "DataFolderNote", "Commands and the next start read NNDESK_DATA_DIR:"
        )
        text += f"\n{env}"
    return text


def environment_note(found: DataFolder, overridden: str | None = None) -> str:
    """``data_folder_note`` when ``found`` comes from NNDESK_DATA_DIR, else "": File >
    Settings… says where a folder the person never chose there comes from, in the note's
    words; a folder they chose needs none, unless NNDESK_DATA_DIR is set beside it (commands
    and the next start read that one)."""
    if found.source == FROM_ENV or _environment_passed_over(found):
        return data_folder_note(found, overridden)
    return ""
