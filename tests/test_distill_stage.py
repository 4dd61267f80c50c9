"""tools.build_weights' distillation stages (weights/README.md, thirty-fifth round): a stage taught
by a shipped model built by the same command, and the rates its one-epoch stages train at."""

from __future__ import annotations

import numpy as np
import pytest

from nndesk.errors import NndeskError
from nndesk.nn.distill import DistillationLoss
from nndesk.nn.schedules import CosineSchedule
from nndesk.training import TrainConfig
from tests.conftest import write_tiny_idx
from tools import build_weights
from tools.build_weights import Recipe, Stage, base_rate, distill_stages


def test_a_stage_learns_from_a_teacher_built_into_the_same_folder(tmp_path, monkeypatch):
    data = write_tiny_idx(tmp_path / "data")
    out = tmp_path / "out"
    config = TrainConfig(dataset="fashion", arch="784-8-10", epochs=1, batch_size=50, threads=1)
    taught = []

    def prepare(config, dataset, resume=None):
        taught.append(session := real_prepare(config, dataset=dataset, resume=resume))
        return session

    real_prepare = build_weights.prepare
    monkeypatch.setattr(build_weights, "prepare", prepare)
    build_weights.build(
        Recipe("tiny-teacher", config.replace(arch="784-16-10"), target=0.0),
        data,
        out,
        log=lambda _: None,
    )
    stage = Stage(config, teacher="tiny-teacher", teach_temperature=3.0, teach_share=0.4)
    facts = build_weights.build(
        Recipe("tiny", config, target=0.0, then=stage), data, out, log=lambda _: None
    )
    first, second = taught[1:]
    assert not isinstance(first.loss_fn, DistillationLoss)
    loss = second.loss_fn
    assert isinstance(loss, DistillationLoss)
    assert (loss.temperature, loss.soft_share, loss.teacher_temperature) == (3.0, 0.4, 1.0)
    # the teacher is the file the first build wrote, read as it reads
    x = second.x_train[:5]
    teacher = real_prepare(config, dataset=second.dataset, resume=out / "tiny-teacher.npz")
    np.testing.assert_allclose(
        loss.teacher.forward(x, training=False), teacher.model.forward(x, training=False)
    )
    from nndesk.nn.serialization import load_model

    build = load_model(facts["path"]).info["build"]
    assert (build["teacher"], build["teach_temperature"], build["teach_share"]) == (
        "tiny-teacher.npz",
        3.0,
        0.4,
    )
    with pytest.raises(NndeskError, match="no-such"):
        build_weights.build(
            Recipe("tiny", config, target=0.0, then=Stage(config, teacher="no-such")),
            data,
            out,
            log=lambda _: None,
        )


@pytest.mark.parametrize(("rate", "epoch"), [(2e-4, 44), (2e-5, 48), (1e-4, 41)])
def test_a_one_epoch_stage_trains_at_the_rate_asked(rate, epoch):
    schedule = CosineSchedule(base_rate(rate, epoch), epoch, min_lr=1e-5)
    assert schedule.lr_at(epoch - 1) == pytest.approx(rate)


def test_distill_stages_are_the_hand_stages_taught():
    config = TrainConfig(dataset="fashion", arch="784-8-10", epochs=40)
    stages = distill_stages(config, (2e-4, 1e-4), 44, "fashion-cnn", 2.0, 0.7, first_seed=1824)
    assert [s.hand_seed for s in stages] == [1824, 1825]
    assert [s.config.epochs for s in stages] == [1, 1]
    assert {(s.teacher, s.teach_temperature, s.teach_share) for s in stages} == {
        ("fashion-cnn", 2.0, 0.7)
    }
    assert [s.config.lr for s in stages] == [base_rate(2e-4, 44), base_rate(1e-4, 45)]
    assert all(s.drawings == 30_000 and s.hand == 40 and s.outliers == 0.05 for s in stages)
