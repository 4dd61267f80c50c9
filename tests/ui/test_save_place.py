"""Where a save dialog starts, and the name it proposes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from nndesk import preferences
from nndesk.ui import save_place


def test_a_runs_model_is_proposed_under_a_name_every_system_takes(tmp_path, monkeypatch):
    """A newcomer's walk: Save model proposed "run 2026-12-03 22:45:34.npz", which Windows
    refuses (":"), and a model named by its folder ("runs/model") became a folder path."""
    monkeypatch.setattr(preferences, "last_save_folder", lambda: str(tmp_path))
    assert Path(save_place.save_start("run 2026-12-03 22:45:34.npz")) == (
        tmp_path / "run 2026-12-03 22-45-34.npz"
    )
    assert Path(save_place.save_start("runs/model.npz")) == tmp_path / "runs-model.npz"
    assert Path(save_place.save_start("áo khoác 92,5 %.npz")) == tmp_path / "áo khoác 92,5 %.npz"


@given(st.text(min_size=1, max_size=40).filter(lambda s: "\x00" not in s and s.strip(".")))
def test_a_proposed_name_stays_in_the_save_folder_and_holds_no_forbidden_character(name):
    folder = Path("/tmp/nndesk-save-place")
    original = save_place.save_folder
    save_place.save_folder = lambda: folder  # type: ignore[assignment]
    try:
        proposed = Path(save_place.save_start(name))
    finally:
        save_place.save_folder = original  # type: ignore[assignment]
    assert proposed.parent == folder
    assert not set('<>:"|?*\\').intersection(proposed.name)
