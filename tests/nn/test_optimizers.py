"""Optimizers: first two steps against hand-computed values, decay, clipping, state, learning."""

import json
import math

import numpy as np
import pytest

from nndesk.errors import ConfigError
from nndesk.nn.architecture import build_model
from nndesk.nn.losses import make_loss
from nndesk.nn.optimizers import make_optimizer, optimizer_from_config

P0 = [1.0, -2.0]
G1 = [0.5, -1.0]
G2 = [0.2, 0.4]


def _two_steps(name, lr=0.1, shape=(2,), **kw):
    """Run two steps on one parameter with fixed gradients G1 then G2; return p after each."""
    opt = make_optimizer(name, lr, **kw)
    p = np.array(P0).reshape(shape)
    g = np.zeros_like(p)
    out = []
    for grad in (G1, G2):
        g[...] = np.reshape(grad, shape)
        opt.step([("0/W", p, g)])
        out.append(p.ravel().copy())
    return out


def test_sgd_and_gd_take_lr_times_gradient_steps():
    for name in ("sgd", "gd"):
        p1, p2 = _two_steps(name)
        np.testing.assert_allclose(p1, [1 - 0.05, -2 + 0.1], rtol=1e-12)
        np.testing.assert_allclose(p2, [0.95 - 0.02, -1.9 - 0.04], rtol=1e-12)


def test_momentum_first_two_steps():
    p1, p2 = _two_steps("momentum", momentum=0.9)
    # v1 = -0.1 g1 = (-0.05, 0.1); v2 = 0.9 v1 - 0.1 g2 = (-0.065, 0.05)
    np.testing.assert_allclose(p1, [0.95, -1.9], rtol=1e-12)
    np.testing.assert_allclose(p2, [0.885, -1.85], rtol=1e-12)


def test_nesterov_first_two_steps():
    p1, p2 = _two_steps("nesterov", momentum=0.9)
    # p1 = p0 + 0.9 v1 - 0.1 g1 = (1 - 0.045 - 0.05, -2 + 0.09 + 0.1)
    np.testing.assert_allclose(p1, [0.905, -1.81], rtol=1e-12)
    # p2 = p1 + 0.9 v2 - 0.1 g2 = (0.905 - 0.0585 - 0.02, -1.81 + 0.045 - 0.04)
    np.testing.assert_allclose(p2, [0.8265, -1.805], rtol=1e-12)


def test_rmsprop_first_two_steps():
    p1, p2 = _two_steps("rmsprop", rho=0.9, eps=1e-7)
    expected1, expected2 = [], []
    for p0, g1, g2 in zip(P0, G1, G2, strict=True):
        s1 = 0.1 * g1 * g1
        q1 = p0 - 0.1 * g1 / (math.sqrt(s1) + 1e-7)
        s2 = 0.9 * s1 + 0.1 * g2 * g2
        expected1.append(q1)
        expected2.append(q1 - 0.1 * g2 / (math.sqrt(s2) + 1e-7))
    np.testing.assert_allclose(p1, expected1, rtol=1e-12)
    np.testing.assert_allclose(p2, expected2, rtol=1e-12)
    # the first step is lr * sign(g) * sqrt(10) when s starts at zero
    np.testing.assert_allclose(p1, [1 - 0.1 * math.sqrt(10), -2 + 0.1 * math.sqrt(10)], rtol=1e-6)


def _adam_by_hand(decay=0.0, lr=0.1):
    b1, b2, eps = 0.9, 0.999, 1e-8
    out1, out2 = [], []
    for p, g1, g2 in zip(P0, G1, G2, strict=True):
        m = v = 0.0
        for t, g in ((1, g1), (2, g2)):
            p *= 1 - lr * decay
            m = b1 * m + (1 - b1) * g
            v = b2 * v + (1 - b2) * g * g
            p -= lr * (m / (1 - b1**t)) / (math.sqrt(v / (1 - b2**t)) + eps)
            (out1 if t == 1 else out2).append(p)
    return out1, out2


def test_adam_first_two_steps():
    p1, p2 = _two_steps("adam")
    e1, e2 = _adam_by_hand()
    np.testing.assert_allclose(p1, e1, rtol=1e-12)
    np.testing.assert_allclose(p2, e2, rtol=1e-12)
    # bias correction makes the first step exactly lr * sign(g) (up to eps)
    np.testing.assert_allclose(p1, [0.9, -1.9], rtol=1e-7)


def test_adamw_decays_weights_directly_not_through_the_gradient():
    p1, p2 = _two_steps("adamw", shape=(1, 2), weight_decay=0.1)
    e1, e2 = _adam_by_hand(decay=0.1)
    np.testing.assert_allclose(p1, e1, rtol=1e-12)
    np.testing.assert_allclose(p2, e2, rtol=1e-12)
    # coupled L2 in Adam would be normalised away on step one; decoupled decay is not
    assert not np.allclose(p1, _two_steps("adam", shape=(1, 2), weight_decay=0.1)[0])


def test_l2_weight_decay_adds_to_the_gradient_of_weights_but_not_biases():
    w1, _ = _two_steps("sgd", shape=(1, 2), weight_decay=0.5)
    # g + 0.5 p = (0.5 + 0.5, -1 - 1) -> p - 0.1 (1, -2)
    np.testing.assert_allclose(w1, [0.9, -1.8], rtol=1e-12)
    b1, _ = _two_steps("sgd", shape=(2,), weight_decay=0.5)
    np.testing.assert_allclose(b1, [0.95, -1.9], rtol=1e-12)


def test_clipping_scales_all_gradients_by_the_global_norm():
    opt = make_optimizer("sgd", 1.0, clip_norm=1.0)
    a, b = np.zeros(1), np.zeros(1)
    ga, gb = np.array([3.0]), np.array([4.0])  # global norm 5
    opt.step([("0/b", a, ga), ("1/b", b, gb)])
    np.testing.assert_allclose([a[0], b[0]], [-0.6, -0.8], rtol=1e-12)
    np.testing.assert_array_equal(ga, [3.0])  # the layer's gradient array is not modified
    opt.step([("0/b", a, np.array([0.3])), ("1/b", b, np.array([0.4]))])  # under the limit
    np.testing.assert_allclose([a[0], b[0]], [-0.9, -1.2], rtol=1e-12)


def test_a_changed_lr_applies_from_the_next_step():
    opt = make_optimizer("sgd", 0.1)
    p, g = np.array([1.0]), np.array([1.0])
    opt.step([("0/b", p, g)])
    opt.lr = 0.01
    opt.step([("0/b", p, g)])
    np.testing.assert_allclose(p, [1 - 0.1 - 0.01], rtol=1e-12)


@pytest.mark.parametrize("name", ["sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"])
def test_updates_are_in_place_and_reuse_preallocated_state(name):
    opt = make_optimizer(name, 0.01, weight_decay=0.01, clip_norm=10.0)
    p = np.ones((3, 4), np.float32)
    g = np.full((3, 4), 0.5, np.float32)
    opt.step([("0/W", p, g)])
    state_ids = {slot: id(arr) for slot, arr in opt.state["0/W"].items()}
    p_id = id(p)
    opt.step([("0/W", p, g)])
    assert id(p) == p_id and p.dtype == np.float32
    assert {slot: id(arr) for slot, arr in opt.state["0/W"].items()} == state_ids
    assert all(arr.dtype == np.float32 for arr in opt.state["0/W"].values())


@pytest.mark.parametrize("name", ["gd", "sgd", "momentum", "nesterov", "rmsprop", "adam", "adamw"])
def test_state_dict_and_config_resume_exactly(name):
    rng = np.random.default_rng(0)
    grads = [rng.standard_normal((2, 3)) for _ in range(4)]
    a = make_optimizer(name, 0.05, weight_decay=0.01)
    pa = np.ones((2, 3))
    for g in grads[:2]:
        a.step([("0/W", pa, g)])
    b = optimizer_from_config(json.loads(json.dumps(a.config())))
    b.load_state_dict(a.state_dict())
    pb = pa.copy()
    for g in grads[2:]:
        a.step([("0/W", pa, g)])
        b.step([("0/W", pb, g)])
    np.testing.assert_array_equal(pa, pb)
    assert b.config() == a.config() and b.t == a.t == 4


def test_state_dict_keys_are_param_key_slash_slot_plus_step():
    opt = make_optimizer("adam", 0.1)
    opt.step([("3/W", np.zeros(2), np.ones(2))])
    assert sorted(opt.state_dict()) == ["3/W/m_sum", "3/W/v_sum", "step"]
    assert int(opt.state_dict()["step"]) == 1


def _blobs(rng, n=60):
    """Three well separated 2-D clusters."""
    centres = np.array([[3.0, 0.0], [-3.0, 3.0], [-3.0, -3.0]])
    y = np.arange(n) % 3
    x = centres[y] + 0.5 * rng.standard_normal((n, 2))
    return x.astype(np.float32), y.astype(np.int64)


@pytest.mark.parametrize(
    ("name", "lr"),
    [("gd", 0.5), ("sgd", 0.2), ("momentum", 0.05), ("nesterov", 0.05), ("rmsprop", 0.01),
     ("adam", 0.02), ("adamw", 0.02)],
)  # fmt: skip
def test_every_optimizer_learns_a_separable_problem_to_100_percent(name, lr):
    rng = np.random.default_rng(0)
    x, y = _blobs(rng)
    model = build_model("2-8-3", activation="tanh", rng=rng)
    loss = make_loss("ce", "softmax")
    opt = make_optimizer(name, lr, weight_decay=1e-4 if name == "adamw" else 0.0)
    batch = len(x) if name == "gd" else 20
    for _ in range(60):
        order = rng.permutation(len(x))
        for start in range(0, len(x), batch):
            idx = order[start : start + batch]
            loss(model.forward(x[idx], training=True), y[idx])
            model.backward(loss.backward())
            opt.step(model.parameters())
    assert np.mean(model.predict(x) == y) == 1.0


def test_make_optimizer_rejects_unknown_names_settings_and_bad_rates():
    with pytest.raises(ConfigError, match="unknown optimizer 'lbfgs'"):
        make_optimizer("lbfgs", 0.1)
    with pytest.raises(ConfigError, match="has no setting beta1"):
        make_optimizer("sgd", 0.1, beta1=0.9)
    with pytest.raises(ConfigError, match="learning rate"):
        make_optimizer("adam", 0.0)
    with pytest.raises(ConfigError, match="clip norm"):
        make_optimizer("adam", 0.1, clip_norm=-1)


def _three_steps(name: str, kwargs: dict, flat: bool, threads: int = 1):
    """A 784-16-8-10 net after three seeded Adam/SGD/... steps of ``name`` on random batches
    (its weights in one flat array if ``flat``; the update split over ``threads``)."""
    from nndesk.nn import parallel
    from nndesk.nn.architecture import build_model
    from nndesk.nn.losses import make_loss
    from nndesk.nn.optimizers import make_optimizer

    model = build_model("784-16-8-10", rng=np.random.default_rng(0))
    if flat:
        model.flatten_parameters()
    opt = make_optimizer(name, 0.01, **kwargs)
    rng = np.random.default_rng(1)
    loss = make_loss("ce", "softmax")
    for _ in range(3):
        x = rng.standard_normal((8, 784)).astype(np.float32)
        loss(model.forward(x, training=True), rng.integers(0, 10, 8))
        model.backward(loss.backward(), input_grad=False)
        with parallel.use_threads(threads):
            opt.step(model.parameters())
    return model, opt


@pytest.mark.parametrize(
    "name,kwargs",
    [
        ("sgd", {}),
        ("momentum", {}),
        ("nesterov", {}),
        ("rmsprop", {}),
        ("adam", {}),
        ("adam", {"weight_decay": 0.01, "clip_norm": 0.5}),
        ("adamw", {"weight_decay": 0.1}),
    ],
)
def test_one_flat_update_equals_the_update_per_weight_array(name, kwargs):

    per_array, opt_a = _three_steps(name, kwargs, flat=False)
    flat, opt_b = _three_steps(name, kwargs, flat=True)
    assert getattr(opt_b, "_fused_cache", None) is not None  # the flat path really ran
    for (_, a, _), (_, b, _) in zip(per_array.parameters(), flat.parameters(), strict=True):
        np.testing.assert_allclose(b, a, rtol=1e-5, atol=1e-7)
    state_a, state_b = opt_a.state_dict(), opt_b.state_dict()
    assert state_a.keys() == state_b.keys()
    for key in state_a:
        np.testing.assert_allclose(state_b[key], state_a[key], rtol=1e-5, atol=1e-7)


def test_a_flat_optimizer_resumes_from_a_loaded_state():
    from nndesk.nn.architecture import build_model
    from nndesk.nn.optimizers import make_optimizer

    model = build_model("784-4-10", rng=np.random.default_rng(0))
    model.flatten_parameters()
    opt = make_optimizer("adam", 0.1)
    for _, _, g in model.parameters():
        g[...] = 1.0
    opt.step(model.parameters())
    saved = opt.state_dict()
    fresh = make_optimizer("adam", 0.1)
    fresh.load_state_dict(saved)
    opt.step(model.parameters())  # the original goes on
    after_original = [p.copy() for _, p, _ in model.parameters()]
    # undo by reloading: a second model with the same start, stepped by the loaded optimizer
    twin = build_model("784-4-10", rng=np.random.default_rng(0))
    twin.flatten_parameters()
    once = make_optimizer("adam", 0.1)
    for _, _, g in twin.parameters():
        g[...] = 1.0
    once.step(twin.parameters())
    fresh.step(twin.parameters())
    for a, (_, b, _) in zip(after_original, twin.parameters(), strict=True):
        np.testing.assert_allclose(b, a, rtol=1e-6)


def test_adam_state_saved_as_averages_m_and_v_loads_as_its_sums():
    # files written before Adam kept decaying sums hold m = (1 - b1) m_sum and v = (1 - b2) v_sum
    p_now = np.array(P0)
    g = np.zeros(2)
    current = make_optimizer("adam", 0.1)
    g[...] = G1
    current.step([("0/W", p_now, g)])
    state = current.state_dict()
    older = {
        "0/W/m": state["0/W/m_sum"] * (1 - 0.9),
        "0/W/v": state["0/W/v_sum"] * (1 - 0.999),
        "step": state["step"],
    }
    p_old = p_now.copy()
    loaded = make_optimizer("adam", 0.1)
    loaded.load_state_dict(older)
    assert sorted(loaded.state_dict()) == ["0/W/m_sum", "0/W/v_sum", "step"]
    g[...] = G2
    current.step([("0/W", p_now, g)])
    loaded.step([("0/W", p_old, g)])
    np.testing.assert_allclose(p_old, p_now, rtol=1e-12)
    np.testing.assert_allclose(p_now, _adam_by_hand()[1], rtol=1e-12)


def test_adams_fast_update_equals_the_textbook_step_over_many_steps():
    from nndesk.nn.optimizers import adam_textbook_step

    rng = np.random.default_rng(3)
    param = rng.standard_normal((5, 4))
    fast = param.copy()
    m = v = np.zeros_like(param)
    opt = make_optimizer("adam", 0.01)
    for t in range(1, 31):
        grad = rng.standard_normal(param.shape)
        param, m, v = adam_textbook_step(param, grad, m, v, t, lr=0.01)
        opt.step([("0/W", fast, grad)])
        np.testing.assert_allclose(fast, param, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize(
    "name,kwargs",
    [("adam", {"weight_decay": 0.01, "clip_norm": 0.5}), ("adamw", {"weight_decay": 0.1})],
)
def test_a_flat_update_split_over_threads_equals_the_update_on_one(name, kwargs, monkeypatch):
    from nndesk.nn import parallel

    runs: list[int] = []
    run_each = parallel.run_each
    monkeypatch.setattr(parallel, "MIN_WORK", 1)  # split even this small net's update
    monkeypatch.setattr(
        parallel, "run_each", lambda calls: runs.append(len(calls)) or run_each(calls)
    )

    def trained(threads: int):
        model, opt = _three_steps(name, kwargs, flat=True, threads=threads)
        return model, opt.state_dict()

    one, state_one = trained(1)
    assert runs == []
    two, state_two = trained(2)
    assert runs == [2, 2, 2]  # every step ran in two ranges
    # elementwise arithmetic on each entry, whichever thread: the same bits
    for (_, a, _), (_, b, _) in zip(one.parameters(), two.parameters(), strict=True):
        np.testing.assert_array_equal(b, a)
    for key in state_one:
        np.testing.assert_array_equal(state_two[key], state_one[key])


def _steps_then_dead(name, steps, flush=True, monkeypatch=None, **kw):
    """``name`` on float32 parameters whose gradient is random for 20 steps, then zero for the
    rest on half the entries (a dead unit's weights); the state's slots after every step."""
    from nndesk.nn import optimizers

    if not flush:
        monkeypatch.setattr(optimizers, "_flush_every", lambda decay: 0)
    rng = np.random.default_rng(5)
    opt = make_optimizer(name, 1e-3, **kw)
    p = (0.05 * rng.standard_normal((8, 16))).astype(np.float32)
    g = np.zeros_like(p)
    seen = []
    for t in range(steps):
        g[...] = rng.standard_normal(p.shape) * 1e-2
        if t >= 20:
            g[:4] = 0  # these entries' slots now only decay
        opt.step([("0/W", p, g)])
        seen.append([a.copy() for a in opt.state["0/W"].values()])
    return p, seen


@pytest.mark.parametrize("name", ["adam", "momentum", "rmsprop"])
def test_decaying_state_never_holds_subnormal_numbers(name):
    # a subnormal float32 costs 25x a pass on x86: Adam's update of fashion-cnn took 8x as long
    # once a quarter of the first dense layer's m_sum had decayed into them
    tiny = np.finfo(np.float32).tiny
    _, seen = _steps_then_dead(name, 1500)
    for t, slots in enumerate(seen):
        for a in slots:
            assert not np.any((a != 0) & (np.abs(a) < tiny)), f"a subnormal at step {t + 1}"


@pytest.mark.parametrize("name", ["adam", "momentum", "rmsprop"])
def test_clearing_tiny_state_leaves_the_parameters_the_same_to_the_last_bit(name, monkeypatch):
    flushed, seen = _steps_then_dead(name, 1500)
    plain, seen_plain = _steps_then_dead(name, 1500, flush=False, monkeypatch=monkeypatch)
    cleared = [
        np.count_nonzero((a == 0) & (b != 0))
        for slots, slots_plain in zip(seen, seen_plain, strict=True)
        for a, b in zip(slots, slots_plain, strict=True)
    ]
    assert max(cleared) > 0  # the flush did clear entries the plain run kept
    np.testing.assert_array_equal(flushed, plain)


_DECAYING = [  # L2 that takes weights with no other gradient to the subnormals in 3,000 steps
    ("sgd", 0.5, 1.0),
    ("momentum", 0.1, 1.0),
    ("nesterov", 0.1, 1.0),
    ("adam", 1e-3, 0.1),
    ("adamw", 0.1, 5.0),
]


def _decayed(name, lr, decay, flat, steps=3000):
    """Float32 weights (20 x 20, and 20 biases) under ``name`` with L2 ``decay``: a gradient on
    them for 20 steps, then none, so only the decay moves them. The number of subnormal entries
    after each step."""
    rng = np.random.default_rng(0)
    buffer = np.zeros(420, np.float32)
    grads = np.zeros_like(buffer)
    w, b = buffer[:400].reshape(20, 20), buffer[400:]
    w[...] = 0.05 * rng.standard_normal(w.shape)
    params = [("0/W", w, grads[:400].reshape(20, 20)), ("0/b", b, grads[400:])]
    if not flat:
        params = [(key, p.copy(), g.copy()) for key, p, g in params]
    opt = make_optimizer(name, lr, weight_decay=decay)
    tiny = np.finfo(np.float32).tiny
    counts = []
    for t in range(steps):
        for _, _, g in params:
            g[...] = rng.standard_normal(g.shape) * 1e-2 if t < 20 else 0
        opt.step(params)
        counts.append(sum(np.count_nonzero((p != 0) & (np.abs(p) < tiny)) for _, p, _ in params))
    return counts


@pytest.mark.parametrize("flat", [False, True], ids=["per-array", "one-buffer"])
@pytest.mark.parametrize(("name", "lr", "decay"), _DECAYING)
def test_weights_that_l2_drives_to_zero_never_hold_subnormal_numbers(
    name, lr, decay, flat, monkeypatch
):
    # walk lab56 D1: the PReLU lab slowed 15x by epoch 11, its first layer holding 3,129
    # subnormal weights (x @ W 9.46 ms against 0.75 ms with them zeroed)
    counts = _decayed(name, lr, decay, flat)
    bad = [(t + 1, n) for t, n in enumerate(counts) if n]
    assert not bad, f"(step, subnormal entries): {bad[:5]}"
    from nndesk.nn import optimizers

    monkeypatch.setattr(optimizers, "flush_small_parameters", lambda param, scratch: None)
    assert max(_decayed(name, lr, decay, flat)) > 0  # without the flush they do go subnormal


def test_clearing_small_weights_leaves_the_others_and_a_normal_run_the_same_to_the_bit():
    from nndesk.nn.optimizers import flush_small_parameters, param_floor

    floor = param_floor(np.dtype(np.float32))
    assert floor == 2.0**-40  # the exported script's constant
    values = np.array(
        [0.0, -0.0, floor, -floor, floor / 2, -floor / 2, 1e-20, 1e-40, -1e-45, 0.5, np.inf],
        np.float32,
    )
    flushed = values.copy()
    flush_small_parameters(flushed, np.empty_like(flushed))
    kept = np.array([0.0, -0.0, floor, -floor, 0, 0, 0, 0, 0, 0.5, np.inf], np.float32)
    # a kept weight or PReLU slope times a gradient as small as 1e-25 is still a normal number
    # (slopes of 1.5e-32 made the PReLU lab's first weight gradient 13x slower)
    assert np.float32(floor) * np.float32(1e-25) >= np.finfo(np.float32).tiny
    np.testing.assert_array_equal(flushed, kept)
    normal = values[[0, 2, 9]]
    before = normal.copy()
    flush_small_parameters(normal, np.empty_like(normal))
    np.testing.assert_array_equal(normal.view(np.uint32), before.view(np.uint32))
