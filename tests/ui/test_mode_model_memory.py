"""Each mode remembers the model last picked in it, a run's model put in use included, across a
visit to the other mode and across a restart; a remembered file gone since is said, once (s58).

Before: a run's model put in use was not remembered, so Ctrl+2, Ctrl+1 brought back the mode's
default; nothing was remembered for the next launch."""

from __future__ import annotations

import warnings
from pathlib import Path

from nndesk import preferences
from tests.ui.conftest import ship_weights_from
from tests.ui.test_model_choices import _shipped


def _in_use(desk) -> str | None:
    clf = desk.prediction.current()
    return None if clf is None or clf.path is None else str(clf.path)


def _shipped_pair(tmp_path, monkeypatch) -> tuple[Path, Path]:
    """A Digits default weaker than any run (the run is put in use) and a Clothing default."""
    weights = tmp_path / "weights"
    weights.mkdir()
    digits = _shipped(weights, "mnist-cnn", "digits", "784-16-10", 0.05)
    garments = _shipped(weights, "fashion-cnn", "garments", "784-16-10", 0.92)
    ship_weights_from(monkeypatch, weights)
    return digits, garments


def _train(qtbot, desk) -> Path:
    """A one-epoch MNIST run on the tiny data, to its model put in use; its model file."""
    page = desk.train_page
    config = page.form.config().replace(
        dataset="mnist", arch="784-16-10", epochs=1, batch_size=32, val_fraction=0.1
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with qtbot.waitSignal(desk.training.model_ready, timeout=60000):
            assert page.start_training(config)
    qtbot.waitUntil(lambda: not desk.training.is_running(), timeout=60000)
    saved = desk.training.model_path
    assert saved is not None and _in_use(desk) == str(saved)
    return saved


def _round_trip(qtbot, desk, garments: Path) -> None:
    """Ctrl+2 (Clothing's own model read), then Ctrl+1 back to Digits."""
    desk.window.act_garments.trigger()
    qtbot.waitUntil(lambda: _in_use(desk) == str(garments), timeout=30_000)
    desk.window.act_digits.trigger()
    qtbot.waitUntil(lambda: desk.prediction.is_idle() and not desk.prediction.is_loading())


def test_a_runs_model_is_the_modes_model_after_a_visit_to_the_other_mode(
    qtbot, window_factory, tiny_data_dir, tmp_path, monkeypatch
):
    digits, garments = _shipped_pair(tmp_path, monkeypatch)
    desk = window_factory(mode="digits")
    qtbot.waitUntil(lambda: _in_use(desk) == str(digits), timeout=30_000)
    trained = _train(qtbot, desk)
    _round_trip(qtbot, desk, garments)
    assert desk.window.mode() == "digits"
    assert _in_use(desk) == str(trained)  # before: mnist-cnn, the mode's default
    assert preferences.mode_models() == {"digits": str(trained)}  # for the next launch


def test_switching_back_gives_the_mode_its_model_from_before_the_run(
    qtbot, window_factory, tiny_data_dir, tmp_path, monkeypatch
):
    digits, garments = _shipped_pair(tmp_path, monkeypatch)
    desk = window_factory(mode="digits")
    qtbot.waitUntil(lambda: _in_use(desk) == str(digits), timeout=30_000)
    trained = _train(qtbot, desk)
    desk.window.model_notice.switch_back_button.click()
    qtbot.waitUntil(lambda: _in_use(desk) == str(digits), timeout=30_000)
    assert desk.coordinator.mode_models == {} and preferences.mode_models() == {}
    _round_trip(qtbot, desk, garments)
    assert _in_use(desk) == str(digits)  # not the run's, switched away from
    assert trained.exists()


def test_the_model_picked_in_a_mode_is_its_model_at_the_next_launch(
    qtbot, window_factory, tiny_model_file, tmp_path, monkeypatch
):
    digits, _garments = _shipped_pair(tmp_path, monkeypatch)
    first = window_factory(mode="digits")
    qtbot.waitUntil(lambda: _in_use(first) == str(digits), timeout=30_000)
    first.window.model_file_requested.emit(str(tiny_model_file))  # the Model box, as a click
    qtbot.waitUntil(lambda: _in_use(first) == str(tiny_model_file), timeout=30_000)
    first.window.close()
    again = window_factory(mode="digits")  # a new launch reads the settings file
    qtbot.waitUntil(lambda: _in_use(again) is not None, timeout=30_000)
    assert _in_use(again) == str(tiny_model_file)


def test_a_remembered_model_gone_since_gives_the_default_and_one_line(
    qtbot, window_factory, tmp_path, monkeypatch
):
    from nndesk.app import coordinator

    digits, _garments = _shipped_pair(tmp_path, monkeypatch)
    gone = tmp_path / "runs" / "20261206-041500-abc" / "model.npz"  # its run deleted
    preferences.set_mode_model("digits", str(gone))
    said: list[str] = []  # the status lines the coordinator shows (another may follow them)
    show = coordinator.show_status
    monkeypatch.setattr(
        coordinator, "show_status", lambda w, text, *a: (said.append(text), show(w, text, *a))
    )
    desk = window_factory(mode="digits")
    qtbot.waitUntil(lambda: preferences.mode_models() == {}, timeout=30_000)  # forgotten
    assert _in_use(desk) == str(digits)
    line = f"{gone} is no longer there; using mnist-cnn instead."
    assert said.count(line) == 1, said
    assert desk.coordinator.mode_models == {}  # said once: the next visit reads the default
