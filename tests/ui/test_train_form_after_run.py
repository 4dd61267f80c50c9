"""The Train form keeps the settings a run started from once the run ends (walk66 #3)."""

from __future__ import annotations

from tests.ui.test_train_mode_pages import named_panel
from tests.ui.test_training_panel import WAIT_MS, tiny_dataset, wait_until_idle

__all__ = ["named_panel", "tiny_dataset"]  # the fixtures, used by name


def form_shown(panel) -> tuple:
    form = panel.form
    return form.dataset.currentData(), form.epochs.value(), form.batch_size.value()


def test_a_run_on_the_other_modes_data_leaves_its_settings_in_the_form(qtbot, named_panel):
    """walk66 #3: fashion-cnn-lab chosen in the form in Digits; the window followed the run to
    Clothing; after the run the form showed Clothing's own kept form (fashion-mlp-lab), so
    Train again ran the other lab. The form keeps the run's settings as Clothing's form, also
    when the window is back in Digits as the run ends."""
    panel = named_panel
    panel.follow_mode("garments")
    panel.form.epochs.setValue(3)  # Clothing's own form: kept when the mode is left
    panel.form.batch_size.setValue(30)
    panel.follow_mode("digits")
    assert form_shown(panel)[0] == "mnist"
    panel.form.dataset.setCurrentIndex(panel.form.dataset.findData("fashion"))
    panel.form.epochs.setValue(1)
    panel.form.batch_size.setValue(20)
    run_form = form_shown(panel)
    with qtbot.waitSignal(panel.model_ready, timeout=WAIT_MS):
        assert panel.start_training()
        qtbot.waitUntil(lambda: panel.controller.batches_done >= 1, timeout=WAIT_MS)
        panel.follow_mode("garments")  # the window takes the run's mode (app.wiring)
        panel.follow_mode("digits")  # Ctrl+1 while it trains
    wait_until_idle(qtbot, panel)
    assert form_shown(panel)[0] == "mnist"  # Digits' form: the run's is Clothing's now
    panel.follow_mode("garments")
    assert form_shown(panel) == run_form
    panel.follow_mode("digits")
    assert form_shown(panel)[0] == "mnist"
    panel.follow_mode("garments")
    assert form_shown(panel) == run_form
