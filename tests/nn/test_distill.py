"""Distillation (nndesk.nn.distill): the loss against the textbook formula, its gradient against
finite differences, the teacher reading the batch, and a taught training run."""

import numpy as np
import pytest

from nndesk.data.dataset import Dataset
from nndesk.nn.distill import DistillationLoss, distillation_loss, soft_targets
from nndesk.nn.losses import OUTLIER, make_loss
from tests.conftest import blob_garments
from tests.nn.gradcheck import numeric_grad


def _case(seed=0, n=6, k=4):
    rng = np.random.default_rng(seed)
    logits = rng.standard_normal((n, k)) * 2
    labels = rng.integers(0, k, n)
    targets = soft_targets(rng.standard_normal((n, k)) * 3, 1.7)
    return logits, labels, targets


@pytest.mark.parametrize(("tau", "share"), [(1.0, 1.0), (2.0, 0.7), (4.0, 0.3), (2.0, 0.0)])
@pytest.mark.parametrize("with_outliers", [False, True], ids=["classes", "with-outliers"])
def test_gradient_matches_finite_differences(tau, share, with_outliers):
    logits, labels, targets = _case()
    if with_outliers:
        labels[[1, 4]] = OUTLIER
    _, analytic = distillation_loss(logits, labels, targets, tau, share)
    numeric = numeric_grad(
        lambda z: distillation_loss(z, labels, targets, tau, share)[0], logits.copy()
    )
    np.testing.assert_allclose(analytic, numeric, rtol=1e-6, atol=1e-9)


def test_value_is_the_textbook_mix_of_kl_and_cross_entropy():
    logits, labels, targets = _case(1)
    tau, share = 3.0, 0.6
    q_tau = np.exp(logits / tau) / np.exp(logits / tau).sum(1, keepdims=True)
    q = np.exp(logits) / np.exp(logits).sum(1, keepdims=True)
    kl = np.sum(targets * (np.log(targets) - np.log(q_tau)), axis=1)
    ce = -np.log(q[np.arange(len(labels)), labels])
    expected = np.mean(share * tau * tau * kl + (1 - share) * ce)
    assert distillation_loss(logits, labels, targets, tau, share)[0] == pytest.approx(expected)


def test_without_the_teacher_it_is_cross_entropy_and_outliers_keep_the_uniform_target():
    logits, labels, targets = _case(2)
    labels[2] = OUTLIER
    ce = make_loss("ce", "softmax")
    expected = ce(logits, labels)
    loss, grad = distillation_loss(logits, labels, targets, 2.0, 0.0)
    assert loss == pytest.approx(expected)
    np.testing.assert_allclose(grad, ce.backward())
    # all the teacher's: an outlier row's gradient is still the uniform target's alone
    _, taught = distillation_loss(logits, labels, targets, 2.0, 1.0)
    np.testing.assert_allclose(taught[2], grad[2])


def test_a_student_that_answers_as_the_teacher_learns_nothing_from_it():
    logits, labels, _ = _case(3)
    tau = 2.5
    loss, grad = distillation_loss(logits, labels, soft_targets(logits, tau), tau, 1.0)
    assert loss == pytest.approx(0.0, abs=1e-12)
    np.testing.assert_allclose(grad, 0.0, atol=1e-12)


def test_soft_targets_are_the_softened_probabilities():
    t = np.array([[2.0, 0.0, -1.0]])
    p = soft_targets(t, 2.0)
    np.testing.assert_allclose(p, np.exp(t / 2) / np.exp(t / 2).sum())
    # hotter is softer
    assert soft_targets(t, 4.0).max() < p.max() < soft_targets(t, 1.0).max()
    with pytest.raises(ValueError):
        soft_targets(t, 0.0)


def _net(arch, seed):
    from nndesk.nn.architecture import build_model

    return build_model(arch, rng=np.random.default_rng(seed))


def _garments(n: int = 120) -> Dataset:
    return blob_garments(n)


def test_the_teacher_reads_the_batch_at_its_calibrated_temperature_and_once():
    teacher = _net("12-8-3", 0)
    x = np.random.default_rng(1).standard_normal((5, 12)).astype(np.float32)
    loss = DistillationLoss(teacher, temperature=2.0, soft_share=0.5, teacher_temperature=1.5)
    got = loss.teach(x)
    np.testing.assert_allclose(got, soft_targets(teacher.forward(x, training=False), 3.0))
    z = np.zeros((5, 3), np.float32)
    labels = np.array([0, 1, 2, 0, 1])
    loss(z, labels)
    assert loss.backward().shape == (5, 3) and loss.backward().dtype == np.float32
    with pytest.raises(RuntimeError, match="teach"):
        loss(z, labels)  # its targets served one batch
    loss.teach(x)
    with pytest.raises(RuntimeError, match="whole"):
        loss(z[:2], labels[:2], batch=5)


def test_a_taught_run_moves_the_student_toward_the_teacher():
    """A tiny run: the student, taught by a teacher alone (share 1), ends nearer its answers."""
    from nndesk.training import TrainConfig, prepare, train

    dataset = _garments()
    config = TrainConfig(
        dataset="fashion", arch="784-16-10", epochs=3, batch_size=40, lr=0.01, seed=0, threads=1
    )
    teacher = prepare(config.replace(arch="784-32-10", seed=7), dataset=dataset)
    x = teacher.x_train
    before = prepare(config, dataset=dataset).model.forward(x, training=False)
    session = prepare(config, dataset=dataset)
    session.loss_fn = DistillationLoss(teacher.model, temperature=1.0, soft_share=1.0)
    reports = list(train(session))
    assert reports[-1].reason == "completed"
    after = session.model.forward(x, training=False)
    p = soft_targets(teacher.model.forward(x, training=False), 1.0)

    def gap(z):
        q = soft_targets(z, 1.0)
        return float(np.mean(np.sum(p * (np.log(p) - np.log(q)), axis=1)))

    assert gap(after) < 0.5 * gap(before)
