"""The Train page's headline at the window's real sizes and text: what a run's headline is
there to say stays in sight, its less useful settings give way first (verify65 #1)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.test_layout import WAIT_MS, show_at


def _language(code):
    from nndesk.ui import language

    assert language.use_language(code) == code


def _hand_rate_facts(preset: str | None, first_epoch: int = 1) -> dict:
    from nndesk.presets import PRESETS, PresetOrigin
    from nndesk.training.config import TrainConfig

    config = (PRESETS[preset].config if preset else TrainConfig(dataset="fashion")).to_dict()
    return {
        "config": config,
        "steered": {"lr": 0.003},
        "lr_was": 0.001 if preset else config["lr"],
        "first_epoch": first_epoch,
        "inside": False,
        "kept": {},
        "continuing": first_epoch > 1,
        "preset": PresetOrigin(preset) if preset else None,
    }


def _long_custom_facts() -> dict:
    """verify65 #1's own run: Fashion 784-32-10 with sigmoid outputs and BCE, batch 1,024, a
    step decay, continued from epoch 3 (its headline's longest lead)."""
    from nndesk.training.config import TrainConfig

    config = TrainConfig(
        dataset="fashion", arch="784-32-10", output="sigmoid", loss="bce", batch_size=1024
    ).to_dict()
    return {
        "config": config,
        "steered": {"lr": 0.003},
        "lr_was": 0.0001,
        "first_epoch": 3,
        "inside": False,
        "kept": {"lr": 0.0002},
        "continuing": True,
        "preset": None,
    }


CASES = {
    "no preset": _hand_rate_facts(None),
    "fashion-mlp-lab": _hand_rate_facts("fashion-mlp-lab"),
    "fashion-cnn-plus": _hand_rate_facts("fashion-cnn-plus"),
    "continued, bce": _long_custom_facts(),
}


@pytest.mark.parametrize("code", ["vi", "en"])
def test_a_rate_set_by_hand_and_the_one_it_replaced_are_in_sight(
    qtbot, window_factory, larger_text, code
):
    """verify65 #1: vi, Larger, 1280x800, a rate set by hand while paused: the headline read
    "… tốc độ học 0,003 (đặt bằng tay; trước là…", the rate it replaced only in the tooltip;
    at 1024 with a preset's name in front, cut sooner still. Its least useful settings give way
    first (the dataset the mode names, the inputs, the batch), each for "…"."""
    from nndesk.i18n import rate_said
    from nndesk.ui.language import translate

    _language(code)
    rate = rate_said(0.003)
    try:
        desk = window_factory(mode="garments")
        page = desk.train_page
        desk.window.tabs.setCurrentWidget(page)
        qtbot.waitUntil(page.isVisible, timeout=WAIT_MS)
        for size in ((1024, 700), (1280, 800)):
            show_at(desk, size)
            for name, facts in CASES.items():
                page._say_headline(("run", facts))  # noqa: SLF001 - what a run's page says
                QApplication.processEvents()
                displayed = page.title.displayed_text()
                shown = displayed.replace("\xa0", " ")
                case = (size, name, page.title.width(), shown)
                was = rate_said(facts["lr_was"])
                assert f"{rate} (" in shown and f"{was})" in shown, case
                if facts["preset"]:
                    assert shown.startswith(facts["preset"].name), case  # the lab leads it
                if facts["continuing"]:
                    lead = translate(
                        "TrainingPanel", "Continuing from epoch {epoch}, keeping {kept}: {settings}"
                    )
                    assert shown.startswith(lead.split("{epoch}")[0]), case
                whole = page.title.text()
                if displayed != whole:  # the rest in its tooltip
                    assert whole in QLabel.toolTip(page.title), case  # what Qt shows
                print(case)
    finally:
        _language("en")
