"""The line under the Train page's Inside charts says what they show (walk66 #10, verify66 #4)."""

from __future__ import annotations

import math

from nndesk import coach
from nndesk.inside_reading import (
    DIVERGED,
    GRADIENTS_FELL,
    GRADIENTS_GREW,
    HEALTHY,
    MANY_DEAD_STUCK,
    MANY_DEAD_TEXT,
    NOT_NUMBERS,
    TOO_MANY_DEAD,
    UPDATES_FULL_BATCH,
    UPDATES_HIGH,
    UPDATES_LOW,
    UPDATES_ZERO,
    caption,
    read_inside,
)
from nndesk.training.internals import InsideRecord, InsideSample, LayerSample

NAMES = ["Conv2D 1→32", "Dense 1600→128", "Dense 128→10"]


def _record(grads, updates, dead) -> InsideRecord:
    """Samples at x = 0.1, 0.2, …: each argument a list (one row per sample) of per-layer
    values, or one row used for every sample."""
    n = max(len(v) for v in (grads, updates, dead) if isinstance(v[0], list | tuple))
    rows = [v if isinstance(v[0], list | tuple) else [v] * n for v in (grads, updates, dead)]
    samples = [
        InsideSample(
            0.1 * (i + 1),
            tuple(LayerSample(g, u, d) for g, u, d in zip(*(row[i] for row in rows), strict=True)),
        )
        for i in range(n)
    ]
    return InsideRecord(list(NAMES), samples)


LEVEL = [[1.0, 0.8, 0.5]] * 10
NEAR = [2e-3, 1e-3, 5e-4]


def _templates(said) -> list[str]:
    return [s.template for s in said]


def test_level_charts_with_few_dead_units_read_healthy():
    said = read_inside(_record(LEVEL, NEAR, [0.0, 0.05, math.nan]))
    assert _templates(said) == [HEALTHY]


def test_forty_percent_dead_while_learning_is_many_and_says_why_the_coach_is_quiet():
    """walk66 #10: "Healthy: … few dead units" beside a Dead ReLU chart at ~40 %."""
    said = read_inside(_record(LEVEL, NEAR, [0.0, 0.4, math.nan]), learning=True)
    assert MANY_DEAD_TEXT in _templates(said) and HEALTHY not in _templates(said)
    text = caption(said)
    assert "40% of the units after Dense 1600→128 are dead" in text
    assert f"only from {coach.DEAD_MOST:.0%}" in text
    assert "few dead" not in text.lower() and "healthy" not in text.lower()


def test_dead_units_over_the_coachs_limit_are_too_many_as_the_coach_says():
    # the coach's own rule: over DEAD_MOST always, over DEAD once the run stops learning
    assert TOO_MANY_DEAD in _templates(read_inside(_record(LEVEL, NEAR, [0.0, 0.95, math.nan])))
    stuck = read_inside(_record(LEVEL, NEAR, [0.0, 0.6, math.nan]), learning=False)
    assert TOO_MANY_DEAD in _templates(stuck)
    below = read_inside(_record(LEVEL, NEAR, [0.0, 0.3, math.nan]), learning=False)
    assert MANY_DEAD_STUCK in _templates(below)
    assert f"from {coach.DEAD:.0%}" in caption(below)


def test_a_diverged_run_is_said_first_with_its_gradient_blow_up():
    """verify66 #4: "Healthy" under a diverged mnist-gd whose gradient norms went 60x up."""
    grads = [[0.5, 0.4]] * 12 + [[30.0, 20.0]]
    record = _record(grads, [0.1, 0.1], [0.5, math.nan])
    record.names = NAMES[1:]
    said = read_inside(record, diverged=True)
    assert _templates(said)[0] == DIVERGED
    assert GRADIENTS_GREW in _templates(said)
    assert "grew 60× at the end (Dense 1600→128)" in caption(said)
    assert HEALTHY not in _templates(said)


def test_growth_is_said_while_a_run_trains_too():
    grads = [[0.5, 0.4, 0.3]] * 8 + [[0.5, 8.0, 0.3]]
    said = read_inside(_record(grads, NEAR, [0.0, 0.0, math.nan]))
    assert _templates(said)[0] == GRADIENTS_GREW
    assert "grew 20× at the end (Dense 1600→128)" in caption(said)  # 8 / 0.4


def test_gradient_norms_that_are_not_numbers_say_the_run_blew_up():
    grads = [[0.5, 0.4, 0.3]] * 5 + [[math.nan, math.inf, math.nan]]
    said = read_inside(_record(grads, NEAR, [0.0, 0.0, math.nan]))
    assert NOT_NUMBERS in _templates(said) and HEALTHY not in _templates(said)


def test_updates_far_from_the_dotted_line_are_said_either_way():
    high = read_inside(_record(LEVEL, [0.1, 2e-3, 1e-3], [0.0, 0.0, math.nan]))
    assert UPDATES_HIGH in _templates(high)
    assert "Updates of Conv2D 1→32 are 100× the dotted 10⁻³" in caption(high)
    low = read_inside(_record(LEVEL, [1e-3, 1e-6, 1e-3], [0.0, 0.0, math.nan]))
    assert UPDATES_LOW in _templates(low)
    assert "1,000× smaller" in caption(low)
    # 10x off is still near: Adam's first steps sit at 10⁻²
    assert _templates(read_inside(_record(LEVEL, [1e-2, 1e-4, 1e-3], [0.0] * 3))) == [HEALTHY]


def test_gradients_and_updates_gone_to_0_say_the_layers_stopped_learning():
    """A mnist-gd raised to lr 5 in the window: its ReLUs all died, the gradient norm and the
    update of the first layer went to 0 (the lines left the log charts), and the line said
    "Gradient norms level"."""
    grads = [[0.5, 0.3]] * 10 + [[0.0, 0.2]] * 3
    record = _record(grads, [[1e-3, 1e-3]] * 10 + [[0.0, 1e-3]] * 3, [1.0, math.nan])
    record.names = ["Dense 784→10", "Dense 10→10"]
    said = read_inside(record, learning=False)
    assert _templates(said)[:2] == [GRADIENTS_FELL, UPDATES_ZERO]
    text = caption(said)
    assert "The gradient norm of Dense 784→10 fell to near 0" in text
    assert "Updates of Dense 784→10 are 0" in text
    assert "100% of the units after Dense 784→10 are dead: too many" in text


def test_one_sample_is_read_without_a_growth_to_tell():
    said = read_inside(_record([[1.0, 1.0, 1.0]], NEAR, [0.0, 0.0, math.nan]))
    assert _templates(said) == [HEALTHY]


def test_no_measurement_says_what_healthy_looks_like():
    text = caption(read_inside(InsideRecord()))
    assert text.startswith("Healthy looks like:")


def test_full_batch_gradient_descents_large_steps_are_usual_not_very_large():
    """fixI #5: Train > Inside said "very large steps" of the mnist-gd lab at its own rate
    (update/weight ~5e-2, 50x the dotted line), where one full-batch step an epoch is right."""
    lab = [6e-2, 4e-2, 3e-2]  # as the mnist-gd lab measures at its rate
    record = _record(LEVEL, lab, [0.0, 0.05, math.nan])
    assert UPDATES_HIGH in _templates(read_inside(record))  # a mini-batch run: very large
    said = read_inside(record, full_batch=True)
    assert _templates(said)[1] == UPDATES_FULL_BATCH and UPDATES_HIGH not in _templates(said)
    text = caption(said)
    assert "Updates of Conv2D 1→32 are 60× the dotted 10⁻³: usual for full-batch" in text
    # not "healthy", whose words say the updates are near the dotted line
    assert HEALTHY not in _templates(said) and "near the dotted" not in text
    # far even for one step an epoch: very large steps still
    blown = _record(LEVEL, [0.5, 4e-2, 3e-2], [0.0, 0.05, math.nan])
    assert UPDATES_HIGH in _templates(read_inside(blown, full_batch=True))
    # near the line, a full-batch run reads healthy as any other
    assert _templates(read_inside(_record(LEVEL, NEAR, [0.0, 0.0, math.nan]), full_batch=True)) == [
        HEALTHY
    ]
