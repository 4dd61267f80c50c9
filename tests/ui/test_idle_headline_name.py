"""The Train page's headline with no run going names the latest run kept: at Larger text in
Vietnamese at 1024x700 its two lines cut the run's own name ("…lượt gần nhất (04:39):
fashion-mlp-lab, đã sửa…", fixW s66); its settings now give way first, then the lead "No run
yet in this window", which left too little even for the name alone in Vietnamese (fixC s67);
the name stays whole and the whole headline is in the tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel

from tests.ui.test_layout import WAIT_MS


@pytest.mark.parametrize("code", ["en", "vi"])
def test_the_idle_headline_keeps_the_latest_runs_name_whole(
    qtbot,
    window_at,
    stroke_classifier,
    larger_text,
    speaking,
    code,
):
    from nndesk import paths
    from nndesk.presets import PRESETS, PresetOrigin
    from nndesk.runs import RunStore
    from nndesk.ui.run_preset_words import preset_words

    origin = PresetOrigin("mnist-relu-sigmoid-unit", changed=True)
    config = PRESETS["mnist-relu-sigmoid-unit"].config.to_dict()
    config["batch_size"] = 48  # the change made before it trained
    store = RunStore(paths.runs_dir())
    record = store.create(config, preset=origin)
    record.status = "completed"
    store.save(record)
    record.release_lock()
    speaking(code)
    desk = window_at((1024, 700), classifier=stroke_classifier)
    page = desk.train_page
    desk.window.tabs.setCurrentWidget(page)
    title = page.title
    name = preset_words(origin)
    page.runs_view.refresh()  # (listed off the GUI thread)
    qtbot.waitUntil(lambda: page.runs_view.row_count() == 1, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: name in title.text(), timeout=WAIT_MS)
    qtbot.waitUntil(title.isVisible, timeout=WAIT_MS)
    shown = title.displayed_text()
    assert f"{name} · " in shown, shown  # the name whole, the settings after it
    assert not title.is_cut() or title.text() in QLabel.toolTip(title)  # whole there
