"""The file-type filters of the window's save and open dialogs, in the window's language.

Qt shows a filter's text as it is given ("PNG images (*.png)" stayed English in the Vietnamese
window); every dialog takes its filter from here, so one kind of file is named one way.
"""

from __future__ import annotations

from nndesk.ui.language import translate


def model_files() -> str:
    return translate("FileFilters", "nndesk models (*.npz)")


def png_images() -> str:
    return translate("FileFilters", "PNG images (*.png)")


def csv_files() -> str:
    return translate("FileFilters", "CSV files (*.csv)")


def json_files() -> str:
    return translate("FileFilters", "JSON files (*.json)")
