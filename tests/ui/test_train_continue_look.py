"""The Train page's looks at Continue's model file (``train_continue_look``), with the looks
run by hand so that the order of stat, deletion and answer is the test's to choose."""

from __future__ import annotations

from nndesk.ui import train_continue_look
from nndesk.ui.train_continue_look import ContinueLook


def test_a_file_deleted_while_a_look_is_on_its_way_is_noticed(qtbot, tmp_path, monkeypatch):
    """The look on its way stat-ed the file before it was deleted; the say after the deletion
    found that look pending and asked nothing, so the answer "there" stood for good (the Train
    page's Continue stayed enabled for a deleted model: a flaky test under load)."""
    asked = []  # (number, job) of each question, run when the test says
    monkeypatch.setattr(
        train_continue_look,
        "run_off_gui",
        lambda pool, delivery, number, job: asked.append((delivery, number, job)),
    )
    changes = []
    model = tmp_path / "model.npz"
    model.write_bytes(b"x")
    owner = train_continue_look.QObject()
    looks = ContinueLook(owner, lambda: changes.append(looks._last))

    assert looks.look(model, [], tmp_path).there
    delivery, number, job = asked[0]
    answer = job()  # the stat, before the file goes
    model.unlink()
    assert looks.look(model, [], tmp_path).there  # nothing known yet of the deletion
    delivery.delivered.emit(number, answer)
    assert len(asked) == 2, "the deletion is never looked at"
    delivery, number, job = asked[1]
    delivery.delivered.emit(number, job())
    assert changes and not changes[-1].there
