"""A kept race lane's keeper is freed on the GUI thread once joined (a deadlock when freed on
its own)."""

from __future__ import annotations

from tests.controllers.test_race_controller import WAIT_MS, race, race_to_the_end  # noqa: F401
from tests.controllers.test_training_controller import tiny  # noqa: F401 - the dataset fixture
from tests.controllers.test_worker_freeing import FREED_HERE, noting_freeing


def test_a_lanes_keeper_is_freed_on_the_gui_thread(qtbot, race, monkeypatch):  # noqa: F811
    """A keeper freed on its own thread as it ended (its deleteLater there) held Qt's
    signal-slot lock in ~QObject while PySide waited for the GIL; the GUI thread, holding the
    GIL, asked for that lock (sender() in the thread's finished slot): a land run of
    test_race_view hung there for good. The keepers are now freed by ``join_and_free`` on the
    GUI thread, the GIL held (moved there and freed by its event loop, the GIL is not held)."""
    from nndesk.controllers import race as race_module

    freed_on: list = []
    made = race_module._Keeper.__init__

    def noting(keeper, *args):
        made(keeper, *args)
        noting_freeing(keeper, freed_on)

    monkeypatch.setattr(race_module._Keeper, "__init__", noting)
    race_to_the_end(qtbot, race)
    for lane in (1, 2):
        with qtbot.waitSignal(race.kept, timeout=WAIT_MS):
            race.keep(lane)
    qtbot.waitUntil(lambda: len(freed_on) == 2 and not race._keepers, timeout=WAIT_MS)  # noqa: SLF001
    assert freed_on == [FREED_HERE] * 2
