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


def _install(root: Path, names: dict[str, bytes]) -> list[Path]:
    """A checkout's shipped models: ``root/weights/<name>.npz`` beside ``root/nndesk/``."""
    (root / "nndesk").mkdir(parents=True)
    (root / "nndesk" / "__init__.py").write_text("")
    (root / "weights").mkdir()
    paths = []
    for name, data in names.items():
        path = root / "weights" / f"{name}.npz"
        path.write_bytes(data)
        paths.append(path)
    return paths


def test_a_recent_model_that_is_a_shipped_one_resolves_to_it_and_is_listed_once(tmp_path):
    """verify60 D-I: after an install in another folder the Model box listed "fashion-cnn
    (shipped)" and "fashion-cnn" (``models/recent`` held the earlier clone's path)."""
    shipped = _install(tmp_path / "new", {"fashion-cnn": b"cnn v2", "mnist-mlp": b"mlp"})
    # the earlier clone's: an older file of the same name, and one of the same bytes
    older, same = _install(tmp_path / "old", {"fashion-cnn": b"cnn v1", "mnist-mlp": b"mlp"})
    copied = tmp_path / "Documents" / "my-copy.npz"  # the same bytes anywhere: the same model
    copied.parent.mkdir()
    copied.write_bytes(b"mlp")
    own = tmp_path / "Documents" / "fashion-cnn.npz"  # a student's file of that name: their own
    own.write_bytes(b"cnn v3")
    alike = tmp_path / "Documents" / "same-size.npz"  # as long as one, other bytes
    alike.write_bytes(b"mpl")
    listing = look_at_models(shipped, [older, same, copied, own, alike], {}, 8)
    places = listing.resolved
    assert places[str(older)] == places[str(shipped[0])]
    assert places[str(same)] == places[str(copied)] == places[str(shipped[1])]
    assert places[str(own)] == str(own.resolve()) and places[str(alike)] == str(alike.resolve())
    listed = {places[str(p)] for p in [*shipped, *listing.recent]}
    assert len(listed) == 4  # the two shipped, the student's fashion-cnn, the look-alike


def test_a_wheels_shipped_folder_is_an_install_too(tmp_path):
    from nndesk.model_list import in_an_install

    package = tmp_path / "site-packages" / "nndesk"
    (package / "weights").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    assert in_an_install(package / "weights" / "fashion-cnn.npz")
    assert not in_an_install(tmp_path / "weights" / "fashion-cnn.npz")  # no nndesk beside it
