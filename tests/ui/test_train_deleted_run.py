"""The Train page after the run on show was deleted from Runs (walk57 #5)."""

from __future__ import annotations

from tests.ui.conftest import press_continue
from tests.ui.test_training_panel import (  # noqa: F401 - fixtures
    WAIT_MS,
    panel,
    tiny_dataset,
    wait_until_idle,
)


def test_deleting_the_run_on_show_takes_continue_away_and_its_saved_path(qtbot, panel):  # noqa: F811
    """walk57 #5: after the run on show was deleted from Runs, Continue stayed enabled and
    failed ("…/model.npz: no such model file", four times), and the page still said where the
    deleted model was saved."""
    import shutil

    panel.form.epochs.setValue(1)
    panel.start_training()
    wait_until_idle(qtbot, panel)
    qtbot.waitUntil(lambda: panel.run_state.last_run_id is not None, timeout=WAIT_MS)
    qtbot.waitUntil(panel.resume_button.isEnabled, timeout=WAIT_MS)
    record = panel.runs_view.records()[0]
    shutil.rmtree(record.folder)  # what Delete does, as the trash moves the folder away
    panel.runs_view.refresh()  # as Delete does after it
    qtbot.waitUntil(lambda: not panel.resume_button.isEnabled(), timeout=WAIT_MS)
    assert panel.model_label.text().startswith("The model is no longer there: ")
    # s58: "· model saved in the run history" went too; the test stays
    line = panel.speed.text()
    assert line.startswith("Test accuracy ") and line.endswith(" on MNIST"), line


def test_a_continue_that_fails_is_said_once_under_the_bar(qtbot, panel):  # noqa: F811
    """s58: a Continue whose model was deleted outside the window (after the page's look) was
    said in four places at once: the bar, the line under it, a message box and the status
    bar. The bar now says only that it could not continue; the reason is said once, under it;
    the model line no longer says where the deleted model was saved."""
    import shutil

    said: list[str] = []
    panel.status_message.connect(said.append)
    panel.form.epochs.setValue(1)
    panel.start_training()
    wait_until_idle(qtbot, panel)
    qtbot.waitUntil(lambda: panel.run_state.last_run_id is not None, timeout=WAIT_MS)
    qtbot.waitUntil(panel.resume_button.isEnabled, timeout=WAIT_MS)
    record = panel.runs_view.records()[0]
    shutil.rmtree(record.folder)  # outside the window: the page has not looked since
    said.clear()
    press_continue(qtbot, panel)
    qtbot.waitUntil(lambda: panel.progress.format() == "Could not continue", timeout=WAIT_MS)
    path = str(record.folder / "model.npz")
    assert panel.speed.text() == f"Could not continue: {path}: no such model file"
    assert panel.message_box() is None
    assert not [line for line in said if path in line], said
    # once the page's look at the file answers (before or after the failure: either way)
    gone = f"The model is no longer there: {path}"
    qtbot.waitUntil(lambda: panel.model_label.text() == gone, timeout=WAIT_MS)
    wait_until_idle(qtbot, panel)
    assert panel.model_label.text() == gone and not panel.resume_button.isEnabled()
