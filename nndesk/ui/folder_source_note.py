"""How the pages say where a folder model's test images came from (``folder_test_set``): the
folder read and who named it, whether it still holds the images the model was trained on, and
each held-out image by its file."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nndesk.folder_test_set import RUN_RECORD, TRAIN_FORM
from nndesk.i18n import localised
from nndesk.ui.language import translate


def folder_name(source: Any) -> str:
    """The folder's own name ("shapes"), as a heading names it."""
    return Path(source.folder).name or str(source.folder)


def source_text(source: Any) -> str:
    """Which folder was read and why that one, then the line saying it changed since training
    (when it did): the Evaluate page's note under its title."""
    if source.named_by == RUN_RECORD:
        text = translate(
            "FolderSource",
            "Read from {folder}, the folder its run trained on (as the run's record says).",
        )
    elif source.named_by == TRAIN_FORM:
        text = translate(
            "FolderSource",
            "Read from {folder}, the image folder chosen on the Train page (the model's file "
            "does not say where it was trained).",
        )
    else:
        text = translate("FolderSource", "Read from {folder}.")
    text = text.format(folder=source.folder)
    if source.same_images:
        text += " " + translate(
            "FolderSource", "The model never trained on these images: training held them out."
        )
    elif source.changed is not None:  # a sentence of its own here: its first letter raised
        changed = localised(source.changed)
        text += "\n" + changed[:1].upper() + changed[1:]
    return text


def image_file(result: Any, i: int) -> str | None:
    """The file (inside its folder: "circle/13.png") of test image ``i`` of ``result`` when it
    is a folder's held-out image, else None."""
    source = getattr(result, "image_folder", None)
    files = getattr(source, "test_files", ())
    return files[i] if 0 <= i < len(files) and len(files) == result.n else None
