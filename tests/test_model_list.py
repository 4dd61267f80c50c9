"""The remembered recent models looked at on disk (nndesk/model_list.py): one filter says which
exist, for the window's worker (``look_at_models``) and for callers without one
(``preferences.recent_models``), and one says which are gone."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nndesk import preferences
from nndesk.model_list import existing_models, gone_models, look_at_models


def _entries(folder: Path) -> dict[str, Path]:
    """A remembered list's kinds of entries: files, a file deleted since, a folder, names the
    file system refuses (a NUL, one far too long), a file through a link."""
    folder.mkdir(exist_ok=True)
    kinds = {name: folder / f"{name}.npz" for name in ("a", "b", "c", "d", "e", "f", "g", "h")}
    for path in kinds.values():
        path.write_bytes(b"x")
    kinds["gone"] = folder / "gone.npz"
    kinds["folder"] = folder / "folder.npz"
    kinds["folder"].mkdir(exist_ok=True)
    kinds["nul"] = Path(f"{folder}/n\0l.npz")
    kinds["long"] = folder / ("x" * 5000)
    kinds["link"] = folder / "link.npz"
    if not kinds["link"].is_symlink():
        kinds["link"].symlink_to(kinds["a"])
    return kinds


def test_the_existing_models_are_the_files_in_order_at_most_the_limit(tmp_path):
    kinds = _entries(tmp_path)
    remembered = [kinds[k] for k in ("gone", "a", "folder", "nul", "long", "link", "b", "c")]
    assert existing_models(remembered, 3) == [kinds["a"], kinds["link"], kinds["b"]]
    assert existing_models(remembered, 8) == [kinds["a"], kinds["link"], kinds["b"], kinds["c"]]
    assert existing_models([], 8) == []
    assert gone_models(remembered) == {str(kinds[k]) for k in ("gone", "folder", "nul", "long")}


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    order=st.lists(
        st.sampled_from(
            ["a", "b", "c", "d", "e", "f", "g", "h", "gone", "folder", "nul", "long", "link"]
        ),
        max_size=14,
    )
)
def test_preferences_and_the_model_box_keep_the_same_recent_models(qapp, tmp_path, order):
    """``preferences.recent_models`` (no worker) and the Model box's listing (in a worker)
    filter the remembered list with the same function, so they never disagree."""
    kinds = _entries(tmp_path / "models")
    preferences.settings().setValue("models/recent", [str(kinds[k]) for k in order])
    remembered = preferences.recent_model_entries()
    listing = look_at_models([], remembered, {}, preferences.RECENT_LIMIT)
    expected = existing_models(remembered, preferences.RECENT_LIMIT)
    assert preferences.recent_models() == listing.recent == expected
    assert all(path.is_file() for path in expected)
