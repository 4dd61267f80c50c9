"""What the Train page's Inside charts show now, in a line: the caption under them. No Qt.

The line under the six charts said "Healthy: level gradient norms, updates near the dotted
10⁻³, few dead units." whatever they showed: beside a Dead ReLU chart at 40 % (walk66 #10) and
under a run that had just diverged, its gradient norms 60x up (verify66 #4). It now reads the
figures the picture was drawn from (``read_inside``), one sentence per chart kind:

- gradient norms: the newest few against the run's own before them (``GROWN`` times up: grew);
- update / weight: the median of the newest few per layer against the dotted 10⁻³ (``FAR``
  times away either side: far above / below, as the chart's note says of 10⁻¹ and 10⁻⁵);
- dead ReLU share: the newest sample's, as the coach reads it, with the coach's own limit (the
  window passes whether the coach sees the run learning): over it, the coach's words; from
  ``MANY_DEAD``, many, and why the coach does not count them a problem; under it, few.

All three fine: the one "healthy" sentence. A run that diverged (or whose newest figures are not
numbers) is said first. The sentences are templates marked for translation (context
``InsideTrainingView``) with their values: the window translates and fills them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from nndesk.i18n import QT_TRANSLATE_NOOP, fill, localised
from nndesk.layer_words import layer_label

#: The update / weight the chart's dotted line marks.
HEALTHY_UPDATE = 1e-3
#: An update this many times above (or below) ``HEALTHY_UPDATE`` is far from it: the chart's
#: note calls 10⁻¹ too high and 10⁻⁵ hardly learning; Adam's 10⁻³-10⁻² is near.
FAR = 30.0
#: For full-batch gradient descent (one step an epoch) an update this many times above
#: ``HEALTHY_UPDATE`` is far from it: each of its steps does what an epoch of mini-batch steps
#: does, and the mnist-gd lab trains well at ~50x (fixI #5: "very large steps" was said of it);
#: measured in docs/presets.md ("Update / weight of full-batch gradient descent")
FULL_BATCH_FAR = 100.0
#: Gradient norms this many times their median before the newest samples: they grew (the chart's
#: note: "growing fast: the run is blowing up"); a diverged mnist-gd at lr 3 showed ~60x.
GROWN = 10.0
#: ... or this many times under it: they fell to near 0 (the chart's note: "near 0 in the
#: first layers: they have stopped learning"); a dead mnist-gd's fell from ~0.5 to 0.
FELL = 100.0
#: Newest samples read as "now" (a single batch's update ratio jumps about by 2-3x).
NEWEST = 3
#: Samples before the newest that the growth is measured against, at least.
BEFORE_LEAST = 3
#: From this dead share on the line says "many" (under the coach's limit: why it says nothing).
MANY_DEAD = 0.2

CONTEXT = "InsideTrainingView"
HEALTHY = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "These charts look healthy: level gradient norms, updates near the dotted 10⁻³, few dead "
    "units.",
)
#: said with no measurement to read (no run, or before its first sampled batch)
GUIDE = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "Healthy looks like: level gradient norms, updates near the dotted 10⁻³, few dead units.",
)
DIVERGED = QT_TRANSLATE_NOOP(
    "InsideTrainingView", "The run diverged: the right end of the charts is its blow-up."
)
NOT_NUMBERS = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "The newest gradient norms are not numbers: the run blew up.",
)
GRADIENTS_LEVEL = QT_TRANSLATE_NOOP("InsideTrainingView", "Gradient norms level.")
GRADIENTS_GREW = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "Gradient norms grew {times:.0f}× at the end ({name}): the run is blowing up.",
)
GRADIENTS_FELL = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "The gradient norm of {name} fell to near 0 at the end: it has stopped learning.",
)
UPDATES_NEAR = QT_TRANSLATE_NOOP("InsideTrainingView", "Updates near the dotted 10⁻³.")
UPDATES_HIGH = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "Updates of {name} are {times:,.0f}× the dotted 10⁻³: very large steps.",
)
UPDATES_FULL_BATCH = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "Updates of {name} are {times:,.0f}× the dotted 10⁻³: usual for full-batch gradient "
    "descent, whose one step an epoch moves the weights as far as a whole epoch of mini-batch "
    "steps (the dotted line is theirs).",
)
UPDATES_ZERO = QT_TRANSLATE_NOOP(
    "InsideTrainingView", "Updates of {name} are 0: its weights no longer move."
)
UPDATES_LOW = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "Updates of {name} are {times:,.0f}× smaller than the dotted 10⁻³: it hardly learns.",
)
FEW_DEAD = QT_TRANSLATE_NOOP("InsideTrainingView", "Few dead units.")
MANY_DEAD_TEXT = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "{share:.0%} of the units after {name} are dead: many, but while the run learns the coach "
    "counts them a problem only from {most:.0%} ({least:.0%} once it stops learning).",
)
MANY_DEAD_STUCK = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "{share:.0%} of the units after {name} are dead: many, in a run that has stopped learning "
    "(the coach counts them a problem from {least:.0%}).",
)
TOO_MANY_DEAD = QT_TRANSLATE_NOOP(
    "InsideTrainingView",
    "{share:.0%} of the units after {name} are dead: too many; a lower learning rate or leaky "
    "ReLU keeps them alive.",
)
DEAD_AT_END = QT_TRANSLATE_NOOP(
    "InsideTrainingView", "{share:.0%} of the units after {name} were dead at the end."
)


@dataclass(frozen=True)
class Said:
    """One sentence of the caption: its template (marked for translation) and its values."""

    template: str
    values: dict = field(default_factory=dict)

    def text(self, localise=lambda template: template) -> str:
        """The sentence in the language of ``localise`` (template -> translated template), its
        numbers in the window language's format and a layer's name in the window's words."""
        return fill(localise(self.template), **{k: localised(v) for k, v in self.values.items()})


def caption(said: list[Said], localise=lambda template: template) -> str:
    """The sentences of ``read_inside`` as the one line under the charts."""
    return " ".join(sentence.text(localise) for sentence in said)


def _newest_and_before(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``values`` (m, layers) split into the newest ``NEWEST`` rows and the rows before them."""
    return values[-NEWEST:], values[:-NEWEST]


def _gradient_growth(record) -> tuple[tuple[float, int], tuple[float, int]] | None:
    """The largest and the smallest growth of a layer's gradient norm (its newest samples'
    largest against its median before them), each with that layer's index; None with too few
    samples to tell."""
    _, norms = record.series("grad_norm")
    newest, before = _newest_and_before(norms)
    if len(before) < BEFORE_LEAST:
        return None
    found: list[tuple[float, int]] = []
    for j in range(norms.shape[1]):
        old = before[:, j][np.isfinite(before[:, j])]
        new = newest[:, j][np.isfinite(newest[:, j])]
        if len(old) == 0 or len(new) == 0:
            continue
        base = float(np.median(old))
        if base <= 0:
            continue
        found.append((float(new.max()) / base, j))
    if not found:
        return None
    return max(found), min(found)


def _updates(record) -> tuple[tuple[float, int], tuple[float, int]] | None:
    """The highest and the lowest layer's update / weight now (the median of its newest
    samples), each with the layer's index; None with no finite update measured."""
    _, ratios = record.series("update_ratio")
    newest = ratios[-NEWEST:]
    medians = []
    for j in range(ratios.shape[1]):
        column = newest[:, j][np.isfinite(newest[:, j])]
        if len(column):
            medians.append((float(np.median(column)), j))
    if not medians:
        return None
    return max(medians), min(medians)


def _name(record, j: int):
    return layer_label(record.names[j]) if j < len(record.names) else ""


def read_inside(
    record, *, diverged: bool = False, learning: bool = True, full_batch: bool = False
) -> list[Said]:
    """What the charts of ``record`` (an ``InsideRecord``) show now, one ``Said`` a sentence.

    ``diverged``: the run ended diverged (its banner says so); ``learning``: whether the coach
    sees the run learning (``coach.learning``): the dead share from which it gives its hint is
    ``coach.DEAD_MOST`` then, ``coach.DEAD`` once it does not; ``full_batch``: the run takes
    one step an epoch (full-batch gradient descent), whose updates are far from the dotted
    line only from ``FULL_BATCH_FAR`` times it."""
    from nndesk.coach import DEAD, DEAD_MOST

    dead_limit = DEAD_MOST if learning else DEAD
    if not record.samples:
        return [Said(GUIDE)]
    said: list[Said] = []
    last = record.samples[-1]
    blew_up = any(not math.isfinite(layer.grad_norm) for layer in last.layers)
    if diverged:
        said.append(Said(DIVERGED))
    problems = False
    explained = False  # a sentence the "healthy" line would contradict
    if blew_up:
        said.append(Said(NOT_NUMBERS))
        problems = True
    else:
        growth = _gradient_growth(record)
        if growth is not None and growth[0][0] >= GROWN:
            times, j = growth[0]
            said.append(Said(GRADIENTS_GREW, {"times": times, "name": _name(record, j)}))
            problems = True
        elif growth is not None and growth[1][0] <= 1 / FELL:
            said.append(Said(GRADIENTS_FELL, {"name": _name(record, growth[1][1])}))
            problems = True
        else:
            said.append(Said(GRADIENTS_LEVEL))
    updates = _updates(record)
    far = FULL_BATCH_FAR if full_batch else FAR
    if updates is not None and updates[0][0] >= far * HEALTHY_UPDATE:
        high, j = updates[0]
        said.append(Said(UPDATES_HIGH, {"times": high / HEALTHY_UPDATE, "name": _name(record, j)}))
        problems = True
    elif updates is not None and updates[0][0] >= FAR * HEALTHY_UPDATE:  # full batch: usual
        high, j = updates[0]
        values = {"times": high / HEALTHY_UPDATE, "name": _name(record, j)}
        said.append(Said(UPDATES_FULL_BATCH, values))
        explained = True  # no "healthy" line: it says the updates are near the dotted line
    elif updates is not None and updates[1][0] == 0:
        said.append(Said(UPDATES_ZERO, {"name": _name(record, updates[1][1])}))
        problems = True
    elif updates is not None and updates[1][0] <= HEALTHY_UPDATE / FAR:
        low, j = updates[1]
        said.append(Said(UPDATES_LOW, {"times": HEALTHY_UPDATE / low, "name": _name(record, j)}))
        problems = True
    elif updates is not None:
        said.append(Said(UPDATES_NEAR))
    dead = [(layer.dead, j) for j, layer in enumerate(last.layers) if math.isfinite(layer.dead)]
    if dead:
        share, j = max(dead)
        values = {"share": share, "name": _name(record, j)}
        if share < MANY_DEAD:
            said.append(Said(FEW_DEAD))
        elif diverged or blew_up:
            said.append(Said(DEAD_AT_END, values))
            problems = True
        elif share > dead_limit:
            said.append(Said(TOO_MANY_DEAD, values))
            problems = True
        else:
            values.update(most=DEAD_MOST, least=DEAD)
            said.append(Said(MANY_DEAD_TEXT if learning else MANY_DEAD_STUCK, values))
            problems = True
    if not problems and not diverged and not explained:
        return [Said(HEALTHY)]
    return said
