"""The Train page's coach reads the run's settings (lab56): raw pixels into sigmoid units, and a
batch that leaves the run a handful of steps, are said in the window during and after the run,
through a language switch's page state, and not of a model loaded afterwards."""

from __future__ import annotations

from tests.ui.test_training_panel import (  # noqa: F401 - the panel and its dataset fixtures
    make_panel,
    panel,
    tiny_dataset,
    wait_until_idle,
)


def _train(qtbot, panel, **settings) -> None:  # noqa: F811 - the fixture's name
    config = panel.form.config().replace(epochs=2, **settings)
    assert panel.start_training(config)
    wait_until_idle(qtbot, panel)


def test_the_coach_names_raw_pixels_into_sigmoid_units_after_the_run(
    qtbot,
    panel,  # noqa: F811 - the fixture
    tiny_dataset,  # noqa: F811 - the fixture
    tmp_path,
):
    _train(qtbot, panel, activation="sigmoid", normalize="raw")
    coach = panel.coach
    assert coach.label.isVisible(), coach.quiet.text()
    said = coach.label.text()  # what to do first (fixN)
    assert said.startswith("Scale the pixels (Inputs: [0, 1]) and train again: they go in raw"), (
        said
    )
    assert "so a sigmoid unit's" in said
    assert not coach.button.isVisible()  # said for the next run: nothing to change in this one

    # a window rebuilt in another language takes the page over: the same hint
    other = make_panel(qtbot, tmp_path / "other", lambda name: tiny_dataset)
    other.restore_page_state(panel.page_state())
    assert other.coach.label.isVisible()
    assert other.coach.label.text() == coach.label.text()
    other.shutdown()

    # the same settings in [0, 1]: no word of raw pixels
    _train(qtbot, panel, activation="sigmoid", normalize="unit")
    assert "raw" not in panel.coach.label.text() or not panel.coach.label.isVisible()


def test_the_coach_says_a_full_batch_run_takes_too_few_steps(
    qtbot,
    panel,  # noqa: F811 - the fixture
    monkeypatch,
):
    """The tiny data set's full batch (some 50 images) stands for MNIST's 54,000."""
    from nndesk import coach

    monkeypatch.setattr(coach, "LARGE_BATCH", 10)
    _train(qtbot, panel, batch_size=0)
    label = panel.coach.label
    assert label.isVisible()
    assert label.text().startswith("Full batch: train for hundreds of epochs")  # advice first
    assert "Each optimizer step takes all 160\u00a0training images" in label.text()
    assert "this run takes 2 in all" in label.text()

    # a model loaded since: the curves shown are its own, the run's settings say nothing
    with qtbot.waitSignal(panel.model_loaded, timeout=60_000):
        panel.load_model(panel.controller.model_path)
    assert panel.run_state.coach_setup is None
    assert not label.isVisible() or "Full batch" not in label.text()
