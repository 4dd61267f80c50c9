"""The coach: plain-language hints from a live run, each with what it saw and a one-click fix.

Qt-free. ``hints(curves, inside, lr)`` reads the run's curves (``run_curves.Curves``) and its inside
(``training.internals.InsideRecord``) and returns ``Hint``s, most urgent first. A hint's text is
a template marked for translation with its numbers beside it (the window translates, then
formats); its ``fix`` is a dict of live settings (``TrainingController.change_settings``).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from nndesk.i18n import QT_TRANSLATE_NOOP, Loss, Rate, counts_joined, fill, localised
from nndesk.layer_words import layer_label
from nndesk.setting_changes import RATE_FROM_SCHEDULE

#: Batches compared by the divergence check: the newest ones against as many before them.
RECENT = 20
#: The recent batch loss this many times the one before means the loss is climbing.
CLIMB = 1.5
#: ... when the climb also stands this many standard errors above the batches' own noise,
#: measured on log losses (batch losses spread by a factor, not by a constant). Batch-32
#: Fashion losses swing 0.1-0.9, so two 20-batch means 1.5 times apart came by chance dozens
#: of times an epoch and told a teacher the unchanged fashion-prelu-l2 lab's learning rate was
#: too high (walk54 D2); simulated, 3 standard errors still fired 20-80 times over 20 epochs
#: of such noise, 5 never, while a loss doubling every few batches stands at 10 and more.
CLIMB_NOISE = 5.0
#: Settings whose change makes the batches harder (or easier) to fit: a loss that climbs right
#: after one of them changed is the data's doing, not the learning rate's.
DATA_SETTINGS = ("augment", "aug_shift", "aug_rotate", "aug_scale", "aug_stroke", "sketch")
#: A layer with more than this share of dead units gets a hint when the run is not learning
#: (stuck near chance, or its batch loss no lower than at its start): half of a wide layer dead
#: while the loss falls is what the MNIST lab's own preset does, no problem to warn a newcomer
#: of (docs/presets.md, "Dead ReLUs").
DEAD = 0.5
#: A layer with more than this share of dead units gets a hint whatever the curves say.
DEAD_MOST = 0.9
#: Validation loss this share above its lowest, at least OVERFIT_EPOCHS epochs after it, while
#: training loss went on falling, is overfitting (a noisy rise is not a steady one: not
#: "each of the last epochs higher").
OVERFIT_RISE = 0.05
OVERFIT_EPOCHS = 2
#: ... and a trained network's only: its training accuracy at least this share of the way from
#: guessing (1 / classes) to every image right (55 % for 10 classes). mnist-gd at 28 %, its
#: validation loss up 2.115 -> 2.308 over epochs 4-8 while its training loss crept 2.194 ->
#: 2.179, was told "overfitting … Turn augmentation on" (verify67 #6): the early wobble of a
#: network that has learnt little, which more epochs cure, not augmentation
OVERFIT_TRAINED = 0.5
#: Training accuracy at least this far above the validation accuracy in each of the last
#: ``GAP_EPOCHS`` epochs is the gap the course calls overfitting, whether or not the validation
#: loss has risen yet: fashion-prelu-l2-plus ends 95.4-97.2 % against 90.0-90.5 % (walk64 D15:
#: "no problem"), while fashion-mlp-plus's 3-4.6 points and the labs' 1-2 say nothing
GAP = 0.05
GAP_EPOCHS = 3
#: Training accuracy below this is "stuck near chance" for 10 classes.
STUCK = 0.15
#: Training accuracy at least this high before the learning rate was set by hand, and under
#: ``STUCK`` since, is a run the new rate threw back to guessing: 38 % then 10 % after lr 1.0
#: drew "no problem in this run's curves" (walk60 D5; the stuck hint gives a rate change
#: ``STUCK_STEPS`` steps, 50 epochs of a full-batch run).
FELL_FROM = 2 * STUCK
#: Optimizer steps a run takes before the coach calls it stuck: progress is made by steps, and
#: a full-batch run takes one per epoch (the shipped mnist-gd is at 12.6 % after 5 steps, 30 %
#: after 10 and 47 % after 50 on MNIST; a mini-batch epoch of MNIST is ~800 steps).
STUCK_STEPS = 50
#: A run whose training accuracy climbs at least this much per ``STUCK_STEPS`` steps (a
#: straight line through its last epochs) is learning, however near chance it still is.
RISING = 0.02
#: A learning rate under this is "tiny": a run stuck near chance with it may need a larger one.
TINY_LR = 1e-4
#: One true class holding at least this share of an epoch's mistakes gets a hint: three times
#: its fair share among 10 classes (Fashion's shirts often hold a third of them).
MISTAKES_SHARE = 0.3
#: A class the hint already names keeps it while it holds at least this share (hysteresis: a
#: share hovering around MISTAKES_SHARE from epoch to epoch does not make the hint blink).
MISTAKES_KEEP = 0.25
#: Fewer mistakes than this say nothing about a class.
MISTAKES_MIN = 10
#: Hidden activations that go flat (saturate) for large inputs: fed raw 0-255 pixels, a unit's
#: input is in the hundreds, its gradient next to nothing, and validation loss jitters epoch to
#: epoch, which the overfitting hint misread after the mnist-sigmoid-raw lab, whose lesson is
#: "scale the pixels" (lab56; docs/presets.md has the mechanism)
SATURATING = ("sigmoid", "tanh")
#: ReLU units do not saturate, but fed raw 0-255 pixels their inputs and outputs are in the
#: hundreds (mnist-relu-sigmoid-raw, seed 0: first-layer pre-activations spread 118 against 0.46
#: on [0, 1] pixels; first batch losses 36-248 against 0.69), and at Adam's 0.01, the MNIST lab's
#: rate, the first steps leave 80 % of the 784 hidden units dead after one epoch (55 % on [0, 1]),
#: 94 % after ten, its validation accuracy falling from 94.0 % at epoch 4 to 87.3 % while the
#: [0, 1] run's reaches 97.8 %. At 0.005 66-74 % die (36 % on [0, 1]; 95.3 % against 97.7 % after
#: four epochs), at 0.003 49 %, at 0.001 10 % (6 % on [0, 1], 95.6 % against 96.5 % after two
#: epochs): the raw-pixel ReLU hint is said from this rate up, of the optimizers whose steps are
#: the rate's size (fixX; docs/presets.md, "ReLU on raw pixels", has the case it leaves unsaid).
#: SGD's steps grow with the gradient: at 0.01 it diverged on its second batch, which the run's
#: end says. Over three seeds and two MNIST nets (784-784-10 with BCE or CE, fixM,
#: ``tools.raw_relu_rates``) every seed passed half a layer dead from 0.005 and none at 0.003;
#: the Fashion lab's small net at batch 32 dies from 0.002, left to the counted units
RAW_RELU_LR = 0.005
RATE_SIZED_STEPS = ("adam", "adamw", "rmsprop")
#: A run of fewer optimizer steps than this, in batches of at least ``LARGE_BATCH`` images,
#: is too short to learn much: a typo'd batch of 1,000,000 trained fashion-mlp-lab 5 steps to
#: 58.7 % while the coach saw no problem (lab56 D5). mnist-gd's 500 full-batch steps are a lab
#: of their own; a mini-batch epoch of MNIST is some 400-1,700 steps.
FEW_STEPS = 50
LARGE_BATCH = 1024
#: The batch size the few-steps hint offers: the labs' usual one
SENSIBLE_BATCH = 128
#: A cross-entropy run whose training loss stood within this share of ln(classes), the loss of
#: a network that answers every image alike, for ``COLLAPSED_EPOCHS`` epochs, after epochs of
#: no more than ``LEARNT`` of it, has collapsed: mnist-gd raised by hand to lr 2 sat at 2.3012
#: (ln 10 = 2.3026, 11 %) for 400 epochs, and a lower rate cannot bring back units that no
#: longer respond to any image (verify66 #3: the coach offered 0.5 again and again)
COLLAPSED_SHARE = 0.01
COLLAPSED_EPOCHS = 3
LEARNT = 0.75


#: Training accuracy under this, flat for ``STUCK_STEPS`` steps and ``PLATEAU_EPOCHS`` epochs
#: since the rate was last set, is a run that stopped learning far from what a network reaches
#: on 10 classes of images (a single layer passes 80 % on MNIST and Fashion-MNIST): full-batch
#: GD on Fashion thrown about by lr 1 and set back to 0.5 sat at 21-25 % for 120 epochs while
#: the coach saw "no problem" (walk68 D3), the stuck hint waiting for 15 %
PLATEAU = 0.5
PLATEAU_EPOCHS = 5
#: ... said of a dataset of this many training images only (before the validation split:
#: MNIST and Fashion-MNIST held out to a few hundred, validation 0.99, are small subsets of
#: them, which a network fits more easily still): what a network reaches is known of their
#: 60,000 images, not of a folder of a few hundred of one's own (the tests' tiny sets of 200
#: sit at 30 %)
PLATEAU_IMAGES = 10_000
#: ... and not climbing by this much per epoch either (a mini-batch epoch is hundreds of steps:
#: ``RISING`` per ``STUCK_STEPS`` steps is then 20 points an epoch)
PLATEAU_RISING = 0.01
#: Steps the shortest stretch judged flat takes (with ``PLATEAU_EPOCHS`` epochs at least): the
#: last ``2 * STUCK_STEPS`` steps of a full-batch run are 100 epochs, and verify68's run, dead
#: at 10 % until epoch 85 and at 20-27 % from 88, was judged with its climb out of 10 % in them
#: until epoch 213 ("no problem" at 119, 177 and 189)
PLATEAU_STEPS = 20
#: ... flat too where, at the pace of its stretch, it would take more than this many steps to
#: reach ``PLATEAU``: that run crept up 0.07 points an epoch from 20 % (400 epochs to go), a
#: climb of 3.5 points per ``STUCK_STEPS`` steps that ``RISING`` took for learning; mnist-gd's
#: steady 0.2 points an epoch from 38 % reaches 50 % in 60
PLATEAU_HORIZON = 250
#: Epochs (and steps) a run thrown about by steps too large for it, its training loss at the
#: loss of guessing (within ``COLLAPSED_SHARE`` of ln classes) and its accuracy under
#: ``STUCK``, sits so before the coach says so, a rate set by hand since or not: verify68's run
#: sat at 2.3026 from epoch 26 and was called stuck at 73, the stuck hint giving the rate set
#: at 25 its ``STUCK_STEPS`` steps
PINNED_EPOCHS = 20


#: The kinds of hint, most urgent first: the order ``hints`` lists them in (a hint held in
#: sight while a run goes gives way at once to a more urgent one only; ``coach_row``)
URGENCY = (
    "collapsed", "harder-data", "diverging", "rate-raised", "overfitting", "dead", "fell",
    "few-steps", "raw-inputs", "raw-relu", "stuck", "plateau", "gap", "mistakes",
)  # fmt: skip


def more_urgent(kind: str, than: str) -> bool:
    """Whether a hint of ``kind`` is more urgent than one of ``than`` (``URGENCY``; an unknown
    kind is the least urgent)."""

    def rank(k: str) -> int:
        return URGENCY.index(k) if k in URGENCY else len(URGENCY)

    return rank(kind) < rank(than)


@dataclass(frozen=True)
class RunSetup:
    """What the coach reads of a run's settings: what its curves alone cannot tell."""

    activation: str = ""  # the hidden layers'
    normalize: str = ""  # "raw" | "unit" | "symmetric" | "standard"
    full_batch: bool = False  # the batch size asked for is 0: the whole training split
    batch: int = 0  # images an optimizer step takes (the whole split for a full batch)
    asked: int = 0  # the batch size asked for (1,000,000 that trains in batches of 60,000)
    train_images: int = 0  # the training split's size (0: not known)
    #: the dataset's training images before the validation split took its share (0: not known)
    images: int = 0
    steps: int = 0  # optimizer steps the run takes in all (0: not known)
    lr: float = 0.0  # the learning rate the run started with (0: not known)
    schedule: str = ""  # its learning-rate schedule ("constant", "exp", …; "": not known)
    loss: str = ""  # "ce" | "mse" ("": not known)
    classes: int = 0  # the classes it tells apart (0: not known)
    optimizer: str = ""  # "adam", "sgd", … ("": not known)
    arch: str = ""  # "784-784-10", … ("": not known)


@dataclass(frozen=True)
class Hint:
    """``text.format(**values)`` says what the coach saw; ``fix`` what one click changes."""

    #: "diverging" | "harder-data" | "collapsed" | "few-steps" | "raw-inputs" | "raw-relu" |
    #: "rate-raised" |
    #: "overfitting" | "dead" | "fell" | "stuck" | "plateau" | "gap" | "mistakes"
    kind: str
    text: str  # a template, marked with QT_TRANSLATE_NOOP("Coach", ...)
    values: dict[str, Any] = field(default_factory=dict)
    fix: dict[str, Any] = field(default_factory=dict)  # live settings, e.g. {"lr": 0.0003}
    fix_label: str = ""  # the button's text (a template too), "" without a fix
    #: the true class whose mistakes the Mistakes page should show ("mistakes" hints), else None
    show_class: int | None = None

    def message(self, localise=lambda text: text) -> str:
        """The hint in the language of ``localise`` (text -> translated template), its numbers
        in the window language's format (``i18n.fill``) and a value that is a ``Message`` (a
        layer's name) in the window's words; a count kept on one line with its unit
        (``i18n.counts_joined``: the coach's place wraps it)."""
        template = counts_joined(localise(self.text))
        return fill(template, **{k: localised(v) for k, v in self.values.items()})

    def button_text(self, localise=lambda text: text) -> str:
        """The fix button's text (its numbers from ``fix``, a class name from ``values``); a
        rate rounded as every rate said (``Rate``), the fix itself keeping it exact."""
        fix = {k: Rate(v) if k == "lr" else v for k, v in self.fix.items()}
        return fill(localise(self.fix_label), **{**self.values, **fix})


def _finite(values) -> np.ndarray:
    a = np.asarray(values, dtype=np.float64)
    return a[np.isfinite(a)]


def _mistakes_per_class(confusion) -> tuple[np.ndarray, int]:
    """(mistakes per true class (k,), their total) of ``confusion`` (k, k), rows true class."""
    c = np.asarray(confusion, dtype=np.int64)
    wrong = c.sum(axis=1) - np.diag(c)
    return wrong, int(wrong.sum())


def mistakes_class(confusions) -> int | None:
    """The true class the mistakes hint names after the last of ``confusions`` (one (k, k)
    matrix per epoch, oldest first), or None.

    A class is named when it holds ``MISTAKES_SHARE`` of an epoch's mistakes (at least
    ``MISTAKES_MIN`` of them) and stays named while it holds ``MISTAKES_KEEP``, so the hint
    does not come and go with small changes between epochs; another class that reaches
    ``MISTAKES_SHARE`` with more mistakes takes its place.

    A run's list of matrices grows by one per epoch and the coach asks after every batch: the
    answer before the newest epoch is remembered for that list (``_MEMO``), so a run of
    thousands of short epochs is not walked again each time.
    """
    n = len(confusions)
    named, done = None, 0
    growing = isinstance(confusions, list)
    if growing and _MEMO[0] is confusions and _MEMO[1] <= n - 1:
        done, named = _MEMO[1], _MEMO[2]
    for i in range(done, n):
        if growing and i == n - 1:  # the newest matrix may still be replaced: not remembered
            _MEMO[:] = [confusions, i, named]
        named = _named_after(confusions[i], named)
    return named


#: [the list of matrices last judged, how many of its epochs are judged, the class named then]
_MEMO: list = [None, 0, None]


def _named_after(confusion, named: int | None) -> int | None:
    """The class named after one more epoch's ``confusion``, ``named`` before it."""
    wrong, total = _mistakes_per_class(confusion)
    if total < MISTAKES_MIN:
        return None
    worst = int(np.argmax(wrong))
    leads = wrong[worst] >= MISTAKES_SHARE * total
    holds = named is not None and named < len(wrong) and wrong[named] >= MISTAKES_KEEP * total
    if holds and not (leads and wrong[worst] > wrong[named]):
        return named  # still named: it has not dropped far enough to go
    return worst if leads else None


def mistakes_hint(confusions, class_names, split: str = "validation") -> Hint | None:
    """A hint pointing to the Mistakes page when one true class holds a large share of the
    last epoch's mistakes (``mistakes_class``), else None. ``confusions``: one (k, k) int
    matrix per epoch, rows true class, oldest first (or a single matrix)."""
    if confusions is None or len(confusions) == 0:
        return None
    if np.ndim(confusions[0]) == 1:  # one matrix, not a list of them
        confusions = [confusions]
    worst = mistakes_class(confusions)
    if worst is None:
        return None
    c = np.asarray(confusions[-1], dtype=np.int64)
    wrong, total = _mistakes_per_class(c)
    share = wrong[worst] / total
    row = c[worst].copy()
    row[worst] = -1
    mostly = int(np.argmax(row))
    names = list(class_names) or [str(i) for i in range(len(c))]
    text = (
        QT_TRANSLATE_NOOP(
            "Coach",
            "See {name}'s mistakes in Mistakes: it holds {share:.0%} of those on the validation"
            " split ({n} of {total}), most often taken for {other}.",
        )
        if split == "validation"
        else QT_TRANSLATE_NOOP(
            "Coach",
            "See {name}'s mistakes in Mistakes: it holds {share:.0%} of this epoch's on "
            "its training batches ({n} of {total}), most often taken for {other}.",
        )
    )  # fmt: skip
    return Hint(
        "mistakes",
        text,
        {"name": names[worst], "share": float(share), "n": int(wrong[worst]), "total": total,
         "other": names[mostly]},
        {},
        QT_TRANSLATE_NOOP("Coach", "See {name}'s mistakes"),
        show_class=worst,
    )  # fmt: skip


def _data_change_within(curves, batches: int):
    """The newest change of a ``DATA_SETTINGS`` setting made during the last ``batches``
    batches of ``curves`` (``SettingChange``), or None."""
    xs = curves.batch_x
    since = xs[-batches - 1] if len(xs) > batches else -math.inf
    changed = [c for c in curves.changes if c.name in DATA_SETTINGS and c.x >= since]
    return changed[-1] if changed else None


def _trained(curves, classes: int) -> bool:
    """Whether the newest epoch's training accuracy is ``OVERFIT_TRAINED`` of the way from
    guessing among ``classes`` to every image right (not known: False)."""
    accuracy = _finite(curves.train_accuracy)
    if not len(accuracy):
        return False
    chance = 1.0 / max(classes, 2)
    return bool(accuracy[-1] >= chance + OVERFIT_TRAINED * (1.0 - chance))


def _overfitting(curves, classes: int = 10) -> dict[str, Any] | None:
    """The numbers of the overfitting hint (lowest validation loss and now, the training loss
    then and now, their epochs), or None when the run does not overfit.

    Overfitting is said of a trained network whose fit to its training images goes on while
    new images fare worse, lasting: all of
    - its training accuracy is ``OVERFIT_TRAINED`` of the way from guessing (1 / ``classes``)
      to every image right (a network near chance wobbles; that is not overfitting);
    - its validation loss is ``OVERFIT_RISE`` above its lowest in each of its last
      ``OVERFIT_EPOCHS`` epochs (not one epoch's noise), the newest ``OVERFIT_EPOCHS`` or more
      after the lowest;
    - its training loss is lower now than at the lowest validation loss's epoch.
    """
    val = np.asarray(curves.val_loss, dtype=np.float64)
    train = np.asarray(curves.train_loss, dtype=np.float64)
    if len(val) != len(train) or not np.isfinite(val).any() or not _trained(curves, classes):
        return None
    last = len(val) - 1
    best = int(np.nanargmin(np.where(np.isfinite(val), val, np.nan)))
    if not (np.isfinite(val[last]) and np.isfinite(train[last]) and np.isfinite(train[best])):
        return None
    recent = val[last - OVERFIT_EPOCHS + 1 :]
    if last - best < OVERFIT_EPOCHS or not np.all(recent > (1 + OVERFIT_RISE) * val[best]):
        return None
    if train[last] >= train[best]:
        return None
    epochs = list(curves.epochs) if len(curves.epochs) == len(val) else list(range(1, last + 2))
    return {"v0": Loss(val[best]), "v2": Loss(val[last]), "e0": epochs[best],
            "e2": epochs[last], "t0": Loss(train[best]), "t2": Loss(train[last])}  # fmt: skip


def _rate_changes(curves) -> list:
    """The learning-rate changes made while the run trained (``SettingChange``), oldest first."""
    return [change for change in curves.changes if change.name == "lr"]


def _rate_before(curves, rates: list, start_lr: float | None) -> float | None:
    """The rate in force when the newest of ``rates`` was set: as the run recorded it with
    the change (``SettingChange.before``: a schedule's rate too), else (a record from before
    s64) the change before it, else the rate the last epoch ended before it ended with
    (``curves.lr``: the rate of the run a Continue goes on from), else the run's ``start_lr``
    (None: not known). A Continue that kept a rate raised by hand starts at that rate:
    compared with its start rate, the raise was no raise, and the coach said "no problem" of
    the loss it drove up. A step schedule lowers the rate as an epoch starts: a raise inside
    that epoch is from the lowered rate, which the epoch before did not end with (verify63
    V7: "raised from 0.001", and a button setting 0.001, of a raise from 0.0001)."""
    before = rates[-1].before
    if before is not None and math.isfinite(before) and before > 0:
        return float(before)
    if len(rates) >= 2:
        return float(rates[-2].value)
    x = rates[-1].x
    ended = [
        rate
        for epoch, rate in zip(curves.epochs, curves.lr, strict=False)
        if epoch < x and math.isfinite(rate) and rate > 0
    ]
    return float(ended[-1]) if ended else start_lr


def rate_raised_hurt(curves, start_lr: float = 0.0) -> dict[str, Any] | None:
    """The numbers of the rate-raised hint, while its cause holds: the newest learning-rate
    change raised the rate and the validation loss has stood above the lowest it had before
    the raise ever since, ``OVERFIT_RISE`` above it at some epoch since; else None.

    ``{"v0", "e0"}``: the lowest validation loss before the raise and its epoch; ``{"v2",
    "e2"}``: the newest; ``{"rate", "previous", "at"}``: the raise (its epoch); ``"training"``:
    whether the losses are the training loss's. The training loss is not asked when there is
    a validation loss: larger steps that overshoot raise the validation loss whether they
    still lower the training loss a little (walk62 D1) or raise it too (verify62: the coach
    was silent then). A run that keeps no validation split is judged by its training loss per
    epoch the same way (verify63 V6: 0.30 -> 0.49 -> 0.50 after a raise, and "no problem").
    The rate before the raise is ``_rate_before``'s; not known, nothing is said.
    A run that went below its old lowest after the raise was helped by it: a later rise is
    for the overfitting hint to judge. The epoch the raise was made in counts as after it
    when most of its batches took the raised rate, or its validation loss (measured at its
    end) rose above every epoch's before it."""
    rates = _rate_changes(curves)
    previous = _rate_before(curves, rates, start_lr) if rates else None
    if not rates or not previous or not float(rates[-1].value) > previous > 0:
        return None
    raise_x = rates[-1].x
    val = np.asarray(curves.val_loss, dtype=np.float64)
    training = not np.isfinite(val).any()  # no validation split: the training loss tells
    if training:
        val = np.asarray(curves.train_loss, dtype=np.float64)
    epochs = list(curves.epochs)
    if len(epochs) != len(val):
        return None
    # an epoch most of whose batches took the raised rate is judged as one after it
    after = [epoch - raise_x >= 0.5 for epoch in epochs]
    if not training:
        # the validation loss is measured as an epoch ends: the raise's epoch's is the raised
        # rate's once it rose above every one before, however late in it the raise came
        # (walk65 D4: raised in epoch 3's last sixth, 0.40 -> 0.65 at its end, and the coach
        # said nothing until the run was over, where its button cannot act)
        earlier = [val[i] for i, e in enumerate(epochs) if e <= raise_x and np.isfinite(val[i])]
        for i, epoch in enumerate(epochs):
            if 0 < epoch - raise_x < 0.5 and earlier and val[i] > min(earlier):
                after[i] = True
    before = [i for i, a in enumerate(after) if not a and np.isfinite(val[i])]
    since = [i for i, a in enumerate(after) if a and np.isfinite(val[i])]
    if not before or not since or since[-1] != len(val) - 1:
        return None
    best = min(before, key=lambda i: val[i])
    low = val[best]
    if min(val[since]) <= low or max(val[since]) <= (1 + OVERFIT_RISE) * low:
        return None
    last, change = since[-1], rates[-1]
    return {"v0": Loss(low), "e0": epochs[best], "v2": Loss(val[last]), "e2": epochs[last],
            "rate": Rate(change.value), "previous": Rate(previous), "at": change.epoch,
            "training": training}  # fmt: skip


def collapsed(curves, setup: RunSetup | None) -> dict[str, Any] | None:
    """The numbers of a run that learnt and then collapsed to answering every image alike:
    ``{"loss", "chance", "n", "since"}`` (its newest training loss, ln n, the classes, the
    first epoch of the stretch at it), else None. Judged on a cross-entropy run's training
    loss per epoch (``COLLAPSED_SHARE``, ``COLLAPSED_EPOCHS``, ``LEARNT``)."""
    if setup is None or setup.loss != "ce" or setup.classes < 2:
        return None
    chance = math.log(setup.classes)
    loss = np.asarray(curves.train_loss, dtype=np.float64)
    epochs = list(curves.epochs)
    if len(epochs) != len(loss) or len(loss) <= COLLAPSED_EPOCHS:
        return None
    at = np.isfinite(loss) & (np.abs(loss - chance) <= COLLAPSED_SHARE * chance)
    if not at[-COLLAPSED_EPOCHS:].all():
        return None
    first = len(at) - COLLAPSED_EPOCHS
    while first > 0 and at[first - 1]:
        first -= 1
    earlier = loss[:first][np.isfinite(loss[:first])]
    if not len(earlier) or earlier.min() > LEARNT * chance:
        return None  # it never learnt: the stuck hint's case
    return {"loss": Loss(loss[-1]), "chance": Loss(chance), "n": setup.classes,
            "since": epochs[first]}  # fmt: skip


def _schedule_had_rate(curves, schedule: str) -> bool:
    """Whether the run's ``schedule`` (not a constant one) set the rate the newest change by
    hand replaced: no rate was set by hand before it, or the last one was given back to the
    schedule (``SettingChange.scheduled``)."""
    if schedule in ("", "constant"):
        return False
    earlier = _rate_changes(curves)[:-1]
    return not earlier or earlier[-1].scheduled


def _rate_changed_since(curves, x: float) -> bool:
    """Whether the learning rate was set by hand after position ``x`` (in epochs: after
    epoch ``x`` ended, for a whole number)."""
    return any(change.x > x for change in _rate_changes(curves))


def _accuracy_by_step(curves) -> tuple[np.ndarray, np.ndarray]:
    """(optimizer steps at its end, training accuracy) of each of this run's epochs, oldest
    first; epochs trained before a resume (no batches here) are left out."""
    steps, accuracy, _ = _epochs_by_step(curves)
    return steps, accuracy


def _epochs_by_step(curves) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``_accuracy_by_step`` and the epochs themselves, (n,) each.

    One search for all the epochs: the coach asks this several times at every batch and
    epoch a run reports, and a search per epoch in Python grew with the run (a run of some
    hundred short epochs spent most of its GUI thread here, s72)."""
    xs = np.asarray(curves.batch_x, dtype=np.float64)
    n = min(len(curves.epochs), len(curves.train_accuracy))  # as far as both go
    epochs = np.asarray(curves.epochs[:n], dtype=np.float64)
    accuracy = np.asarray(curves.train_accuracy[:n], dtype=np.float64)
    done = np.searchsorted(xs, epochs + 1e-9, side="right")  # the batches at each one's end
    kept = (done > 0) & np.isfinite(accuracy)
    return done[kept].astype(np.float64), accuracy[kept], epochs[kept]


def stuck_accuracy(curves, accuracy_now: float | None = None) -> float | None:
    """The run's training accuracy when it is stuck near chance, else None.

    Stuck: at least ``STUCK_STEPS`` optimizer steps (batches) taken, its newest training
    accuracy under ``STUCK``, and its whole epochs not climbing by ``RISING`` per
    ``STUCK_STEPS`` steps lately. The newest accuracy is ``accuracy_now`` when given: the running
    accuracy of the epoch in progress, which the status line shows (a hint under it naming the
    last whole epoch's 12.6 % beside its 24.1 % contradicted it). Judged by steps, not epochs,
    so a full-batch run (one step an epoch) is not called stuck in its first few steps."""
    steps, accuracy = _accuracy_by_step(curves)
    newest = accuracy_now if accuracy_now is not None and math.isfinite(accuracy_now) else None
    if newest is None:
        if not len(accuracy):
            return None
        newest = float(accuracy[-1])
    if len(curves.batch_x) < STUCK_STEPS or newest >= STUCK:
        return None
    # a rate changed within the last STUCK_STEPS batches (the coach's own fix) is given as
    # long to show what it does: the hint came back at once, offering ten times more again
    if _rate_changed_since(curves, curves.batch_x[-STUCK_STEPS]):
        return None
    if len(accuracy) >= 2:
        recent = steps >= steps[-1] - 2 * STUCK_STEPS  # about the last hundred steps
        recent[-2:] = True  # long epochs: at least the last two of them
        s, a = steps[recent], accuracy[recent]
        slope = np.polyfit(s, a, 1)[0]  # accuracy per step: a straight line through them
        if slope * STUCK_STEPS >= RISING:
            return None
    return newest


def plateau(curves, accuracy_now: float | None = None) -> dict[str, Any] | None:
    """The numbers of a run that stopped learning short of ``PLATEAU`` (above the stuck
    hint's ``STUCK``): ``{"accuracy", "epochs", "steps"}`` (its mean training accuracy, the
    epochs judged flat and the optimizer steps they took, all since the rate was last set by
    hand), else None. Flat: a straight line through those epochs climbs less than ``RISING`` per
    ``STUCK_STEPS`` steps and ``PLATEAU_RISING`` per epoch (an oscillating full-batch run's
    peaks and troughs average out), over at least ``STUCK_STEPS`` steps and ``PLATEAU_EPOCHS``
    epochs."""
    steps, accuracy, epochs = _epochs_with_steps(curves)
    newest = accuracy_now if accuracy_now is not None and math.isfinite(accuracy_now) else None
    if newest is None and len(accuracy):
        newest = float(accuracy[-1])
    if newest is None or not STUCK <= newest < PLATEAU:
        return None
    rates = _rate_changes(curves)
    since = rates[-1].x if rates else -math.inf
    keep = epochs > since + 0.5  # epochs most of whose batches took the rate in force
    s, a, e = steps[keep], accuracy[keep], epochs[keep]
    if len(e) < PLATEAU_EPOCHS or s[-1] - s[0] + 1 < STUCK_STEPS:
        return None
    # the last STUCK_STEPS * 2 steps, else fewer down to PLATEAU_STEPS (a full-batch run's long
    # window held the climb to where it stalled), or PLATEAU_EPOCHS epochs when those are fewer
    for span in (2 * STUCK_STEPS, STUCK_STEPS, PLATEAU_STEPS):
        recent = s >= s[-1] - span
        recent[-PLATEAU_EPOCHS:] = True
        if _flat(s[recent], a[recent], e[recent]):
            break
    else:
        return None
    s, a, e = s[recent], a[recent], e[recent]
    if a.mean() < STUCK:
        return None  # a run climbing out of guessing now ("stood near 10%" at 15.8 %)
    # the epochs judged and the batches they took (the one before them ended at ``start``)
    at = int(np.flatnonzero(steps == s[0])[0])
    start = steps[at - 1] if at > 0 else s[0] - (steps[1] - steps[0] if len(steps) > 1 else 1)
    # an oscillating run's newest epoch may be a peak or a trough: their mean is where it stands
    return {"accuracy": float(a.mean()), "epochs": int(e[-1] - e[0] + 1),
            "steps": int(s[-1] - start)}  # fmt: skip


def _flat(steps: np.ndarray, accuracy: np.ndarray, epochs: np.ndarray) -> bool:
    """Whether a stretch of epochs ((n,) each: the steps at their ends, their training
    accuracy, their numbers) stood still short of ``PLATEAU``: a straight line through them
    climbs less than ``PLATEAU_RISING`` an epoch, and less than ``RISING`` per ``STUCK_STEPS``
    steps or at a pace that would take more than ``PLATEAU_HORIZON`` steps to ``PLATEAU``."""
    per_step, at_start = np.polyfit(steps, accuracy, 1)
    per_epoch = np.polyfit(epochs, accuracy, 1)[0]
    if per_epoch >= PLATEAU_RISING:
        return False
    now = per_step * steps[-1] + at_start  # where the line stands at the stretch's end
    return bool(per_step * STUCK_STEPS < RISING or now + per_step * PLATEAU_HORIZON < PLATEAU)


def pinned_at_chance(
    curves, setup: RunSetup | None, accuracy_now: float | None = None
) -> dict[str, Any] | None:
    """The numbers of a run thrown about by steps too large for it (``_blew_up``) whose
    training loss has stood at the loss of guessing for the last ``PINNED_EPOCHS`` epochs (and
    steps), its accuracy under ``STUCK``: ``{"accuracy", "loss", "chance", "n", "epochs"}``,
    else None. A run that learnt before it is ``collapsed``'s; one never thrown about waits for
    ``stuck_accuracy`` (a fresh network starts at that loss)."""
    if setup is None or setup.loss != "ce" or setup.classes < 2 or not _blew_up(curves):
        return None
    if len(curves.batch_x) < PINNED_EPOCHS:
        return None
    steps, accuracy = _accuracy_by_step(curves)
    newest = accuracy_now if accuracy_now is not None and math.isfinite(accuracy_now) else None
    if newest is None and len(accuracy):
        newest = float(accuracy[-1])
    if newest is None or newest >= STUCK:
        return None
    chance = math.log(setup.classes)
    loss = np.asarray(curves.train_loss, dtype=np.float64)
    if len(loss) < PINNED_EPOCHS or len(loss) != len(curves.epochs):
        return None
    at = np.isfinite(loss) & (np.abs(loss - chance) <= COLLAPSED_SHARE * chance)
    if not at[-PINNED_EPOCHS:].all():
        return None
    first = len(at) - PINNED_EPOCHS
    while first > 0 and at[first - 1]:
        first -= 1
    return {"accuracy": newest, "loss": Loss(loss[-1]), "chance": Loss(chance),
            "n": setup.classes, "epochs": len(at) - first}  # fmt: skip


def _epochs_with_steps(curves) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(optimizer steps at its end, training accuracy, epoch) of every epoch of the run with a
    training accuracy, (n,) each, those trained before a Continue too: their batches are not in
    this run's curves, so every epoch counts as many steps as the newest whole one took (walk68
    D3's continuation from epoch 92 of a run stalled since epoch 78 was judged from its 92nd)."""
    xs = np.asarray(curves.batch_x, dtype=np.float64)
    pairs = [
        (float(e), float(a))
        for e, a in zip(curves.epochs, curves.train_accuracy, strict=False)
        if math.isfinite(a)
    ]
    if not pairs or not len(xs):
        return np.zeros(0), np.zeros(0), np.zeros(0)
    epochs, accuracy = (np.asarray(column) for column in zip(*pairs, strict=True))
    newest = epochs[epochs <= xs[-1] + 1e-9]
    if not len(newest):
        return np.zeros(0), np.zeros(0), np.zeros(0)
    last = newest[-1]  # the newest whole epoch with batches here: as many steps as it took
    per = max(1, int(((xs > last - 1 + 1e-9) & (xs <= last + 1e-9)).sum()))
    return epochs * per, accuracy, epochs


def _blew_up(curves) -> bool:
    """Whether the run was thrown about before it stalled: a learning rate set by hand, or a
    training loss that rose above its first epoch's (too large steps from the start)."""
    if _rate_changes(curves):
        return True
    loss = _finite(curves.train_loss)
    return len(loss) >= 2 and float(loss[1:].max()) > float(loss[0])


def fell_after_rate(curves, accuracy_now: float | None = None) -> dict[str, Any] | None:
    """The numbers of a run the newest learning-rate change threw back to guessing (its last
    epoch before the change at ``FELL_FROM`` or more, its newest accuracy under ``STUCK``):
    ``{"high", "low", "rate"}`` and ``"previous"``, the rate before it when a change set it,
    else None."""
    rates = _rate_changes(curves)
    if not rates:
        return None
    change = rates[-1]
    pairs = zip(curves.epochs, curves.train_accuracy, strict=False)
    epochs = [(epoch, value) for epoch, value in pairs if math.isfinite(value)]
    before = [value for epoch, value in epochs if epoch < change.x]  # ended before it
    after = [value for epoch, value in epochs if epoch >= change.x]
    now = accuracy_now if accuracy_now is not None and math.isfinite(accuracy_now) else None
    if now is None and after:
        now = after[-1]
    if not before or now is None or before[-1] < FELL_FROM or now >= STUCK:
        return None
    previous = _rate_before(curves, rates, None)
    return {"high": before[-1], "low": now, "rate": Rate(change.value), "previous": previous}


def _set_back(lr: float | None, previous) -> bool:
    """Whether the rate in force ``lr`` is at or under ``previous``, the rate a hint would offer
    back (None: it offers none)."""
    return previous is not None and lr is not None and 0 < lr <= float(previous) * (1 + 1e-6)


def learning(curves, accuracy_now: float | None = None) -> bool:
    """Whether the coach sees the run learning: its dead-units hint waits for ``DEAD_MOST``
    then, ``DEAD`` once it does not (the Inside charts' caption says the same)."""
    return not _not_learning(curves, accuracy_now)


def _not_learning(curves, accuracy_now: float | None = None) -> bool:
    """Whether the run shows it is not learning: stuck near chance (``stuck_accuracy``), or its
    last RECENT batch losses no lower on average than its first RECENT (False while too
    early)."""
    if len(_finite(curves.train_accuracy)) or accuracy_now is not None:
        return stuck_accuracy(curves, accuracy_now) is not None
    losses = _finite(curves.batch_loss)
    if len(losses) < 2 * RECENT:
        return False
    return bool(losses[-RECENT:].mean() >= losses[:RECENT].mean())


def _climbing(before: np.ndarray, recent: np.ndarray) -> bool:
    """Whether the batch losses ``recent`` climbed from ``before`` (as many each): their mean
    ``CLIMB`` times as high, and their mean log loss ``CLIMB_NOISE`` standard errors above,
    the batches' spread within the two windows (not the climb between them) setting the
    error."""
    if not recent.mean() > CLIMB * before.mean():
        return False
    low, high = np.log(np.maximum(before, 1e-12)), np.log(np.maximum(recent, 1e-12))
    spread = math.sqrt((low.var(ddof=1) + high.var(ddof=1)) / 2)
    return bool(high.mean() - low.mean() > CLIMB_NOISE * spread * math.sqrt(2 / len(recent)))


def hints(
    curves,
    inside=None,
    lr: float | None = None,
    confusions=(),
    class_names=(),
    split: str = "validation",
    accuracy_now: float | None = None,
    setup: RunSetup | None = None,
) -> list[Hint]:
    """What the coach would say about this run now (empty when all looks well); ``confusions``
    (one matrix per epoch, rows true class) add the one-class-holds-the-mistakes hint last;
    ``accuracy_now``: the running training accuracy of the epoch in progress, as the status
    line shows it (the stuck hint judges and names it, so the two never disagree); ``setup``:
    the run's settings, for what they show of its curves (too few steps, raw pixels into
    saturating units)."""
    found: list[Hint] = []
    lower = {"lr": float(f"{lr / 3:.2g}")} if lr and lr > 0 else {}
    fix_label = QT_TRANSLATE_NOOP("Coach", "Lower the learning rate to {lr:g}")

    losses = _finite(curves.batch_loss[-2 * RECENT :])
    if len(losses) == 2 * RECENT:
        before, recent = float(losses[:RECENT].mean()), float(losses[RECENT:].mean())
        data_change = _data_change_within(curves, 2 * RECENT)
        climbing = _climbing(losses[:RECENT], losses[RECENT:])
        if climbing and data_change is not None:
            found.append(Hint(
                "harder-data",
                QT_TRANSLATE_NOOP(
                    "Coach",
                    "Give it a few hundred batches before changing the learning rate: the loss "
                    "climbed from {before} to {recent} over the last {n} batches, right after "
                    "{change}; the batches became harder to fit, not the learning rate too "
                    "high.",
                ),
                {"before": Loss(before), "recent": Loss(recent), "n": 2 * RECENT,
                 "change": data_change.shown_text()},
            ))  # fmt: skip
        elif climbing:
            found.append(Hint(
                "diverging",
                QT_TRANSLATE_NOOP(
                    "Coach",
                    "The learning rate is probably too high: the loss climbed from {before} to "
                    "{recent} over the last {n} batches.",
                ),
                {"before": Loss(before), "recent": Loss(recent), "n": 2 * RECENT},
                lower, fix_label if lower else "",
            ))  # fmt: skip

    settings: list[Hint] = []  # what the run's settings show: said after what a change did
    if setup is not None:
        # a batch size changed while training (the hint's own fix) makes other steps
        resized = any(change.name == "batch_size" for change in curves.changes)
        settings = settings_hints(setup, resized=resized)
        if not any(h.kind == "raw-relu" for h in settings):
            # a rate the settings rule leaves unsaid may kill them all the same: seen inside
            seen = _raw_relu_seen(setup, inside)
            settings += [seen] if seen is not None else []
    raw = any(h.kind == "raw-inputs" for h in settings)
    # raw pixels into saturating units make the validation loss jump about: not overfitting,
    # and the raw-inputs hint names the cause. A validation loss that rose after the rate was
    # raised by hand is the rate's doing: the larger steps overshoot (walk62 D1: the PReLU lab
    # at 4x its rate was told "overfitting" while its training loss barely moved, and offered
    # augmentation)
    raised = None if raw else rate_raised_hurt(curves, setup.lr if setup is not None else 0.0)
    if raised is not None and _set_back(lr, raised["previous"]):
        # the rate in force is back where the raise took it from (a Continue at the coach's
        # rate, verify66 #3): what it advises is done, and not offered again
        raised = None
    broken = collapsed(curves, setup)
    if broken is not None:
        found.append(Hint(
            "collapsed",
            QT_TRANSLATE_NOOP(
                "Coach",
                "Train it again from the start: the training loss has stood at {loss} since "
                "epoch {since}, the loss of a network that answers every image alike (ln {n} = "
                "{chance}). Its units no longer respond to the images, and no learning rate "
                "brings them back.",
            ),
            broken,
        ))  # fmt: skip
    classes = setup.classes if setup is not None and setup.classes else 10
    overfit = None if raw or raised is not None else _overfitting(curves, classes)
    if overfit is not None and _rate_changed_since(curves, overfit["e0"]):
        overfit = None  # set since its lowest: its epochs are not one run's to judge
    if raised is not None:
        # the raise stopped the schedule: setting the rate back gives the run its schedule
        # back too (walk64 D1: the PReLU lab's decay never came, 86.5 % against 88.9 %)
        scheduled = setup is not None and _schedule_had_rate(curves, setup.schedule)
        found.append(Hint(
            "rate-raised",
            QT_TRANSLATE_NOOP(
                "Coach",
                "Set the learning rate back, or lower it further: training loss rose from {v0} "
                "at epoch {e0} to {v2} at epoch {e2} after it was raised from {previous:g} to "
                "{rate:g} in epoch {at}; steps that large overshoot.",
            )
            if raised["training"] else
            QT_TRANSLATE_NOOP(
                "Coach",
                "Set the learning rate back, or lower it further: validation loss rose from "
                "{v0} at epoch {e0} to {v2} at epoch {e2} after it was raised from {previous:g}"
                " to {rate:g} in epoch {at}; steps that large overshoot.",
            ),
            raised,
            {RATE_FROM_SCHEDULE: True} if scheduled else {"lr": float(raised["previous"])},
            QT_TRANSLATE_NOOP("Coach", "Give the learning rate back to its schedule")
            if scheduled else
            QT_TRANSLATE_NOOP("Coach", "Set the learning rate back to {lr:g}"),
        ))  # fmt: skip
    elif overfit is not None:
        found.append(Hint(
            "overfitting",
            QT_TRANSLATE_NOOP(
                "Coach",
                "Overfitting: more L2, dropout or augmentation helps. Validation loss rose from"
                " {v0} at epoch {e0} to {v2} at epoch {e2} while training loss fell from {t0} "
                "to {t2}.",
            ),
            overfit,
            {"augment": True},
            QT_TRANSLATE_NOOP("Coach", "Turn augmentation on"),
        ))  # fmt: skip

    # the raw-pixel ReLU hint seen inside names the dead share and its cause: not said twice
    dead_named = any(h.kind == "raw-relu" and "share" in h.values for h in settings)
    if inside is not None and inside.samples and not dead_named:
        last = inside.samples[-1]
        # many dead units are a problem when few are left or the run has stopped learning
        dead_limit = DEAD if _not_learning(curves, accuracy_now) else DEAD_MOST
        for name, layer in zip(inside.names, last.layers, strict=False):
            if math.isfinite(layer.dead) and layer.dead > dead_limit:
                found.append(Hint(
                    "dead",
                    QT_TRANSLATE_NOOP(
                        "Coach",
                        "Dead ReLUs: a lower learning rate or leaky ReLU keeps them alive. "
                        "{share:.0%} of the units after {name} never fired on the last sampled "
                        "batch.",
                    ),
                    {"share": layer.dead, "name": layer_label(name)},
                    lower, fix_label if lower else "",
                ))  # fmt: skip
                break

    fell = fell_after_rate(curves, accuracy_now)
    if fell is not None and _set_back(lr, fell["previous"]):
        # the rate in force is already back at the one before the change (a Continue at the
        # coach's rate records no change, verify67): what it advises is done
        fell = None
    if fell is not None:
        back = fell.pop("previous")
        fix = {"lr": back} if back is not None else lower
        found.append(Hint(
            "fell",
            QT_TRANSLATE_NOOP(
                "Coach",
                "The learning rate {rate:g} is too high for this run: training accuracy fell "
                "from {high:.1%} to {low:.1%}, the 10% of guessing, after it was set.",
            ),
            fell,
            fix, fix_label if fix else "",
        ))  # fmt: skip
    # after what a rate set by hand did: a 40-epoch full-batch run raised to lr 3 said only
    # "too few steps" while its validation loss rose 1.70 -> 4.7 and its accuracy fell to 11 %
    found.extend(settings)
    pinned = (
        None
        if fell is not None or broken is not None
        else pinned_at_chance(curves, setup, accuracy_now)
    )
    stuck = None if fell is not None else stuck_accuracy(curves, accuracy_now)
    if pinned is not None:
        # dead at the loss of guessing since steps too large for it: said after PINNED_EPOCHS,
        # not the STUCK_STEPS the stuck hint gives a rate set by hand (verify68 #2)
        stuck = pinned["accuracy"]
        found.append(Hint(
            "stuck",
            QT_TRANSLATE_NOOP(
                "Coach",
                "A smaller learning rate may bring it back; training again from the start is "
                "surer. The training loss has stood at {loss} for {epochs} epochs, at "
                "{accuracy:.1%}: the loss of a network that answers every image alike (ln {n} ="
                " {chance}); steps too large for it threw it there.",
            ),
            pinned,
            lower, fix_label if lower else "",
        ))  # fmt: skip
    elif stuck is not None:
        # a tiny rate moves the weights too little to learn: larger, not smaller, helps it
        raise_it = lr is not None and 0 < lr < TINY_LR
        found.append(Hint(
            "stuck",
            QT_TRANSLATE_NOOP(
                "Coach",
                "Check the input normalisation and the learning rate: training accuracy is "
                "{accuracy:.1%} after {steps} batches, near the 10% of guessing and not "
                "climbing.",
            ),
            {"accuracy": stuck, "steps": len(curves.batch_x)},
            {"lr": float(f"{lr * 10:.2g}")} if raise_it else lower,
            QT_TRANSLATE_NOOP("Coach", "Raise the learning rate to {lr:g}") if raise_it
            else fix_label if lower else "",
        ))  # fmt: skip
    large = setup is not None and max(setup.train_images, setup.images) >= PLATEAU_IMAGES
    flat = (
        None
        if fell is not None or stuck is not None or not large
        else plateau(curves, accuracy_now)
    )
    if flat is not None:
        raw_pixels = setup is not None and setup.normalize == "raw"
        # what to do first, what was seen after it: while a run goes the coach's place holds
        # two lines, and the advice that came last was under its scroll, the button alone
        # saying what to do (fixU #6)
        if raw_pixels:
            text = QT_TRANSLATE_NOOP(
                "Coach",
                "Stopped learning: scale the pixels (Inputs: [0, 1]) and train again. "
                "They go in raw, 0 to 255; training accuracy has stood near "
                "{accuracy:.0%} for the last {epochs} epochs ({steps:,} batches), far "
                "under what a network reaches on these images.",
            )
            fix, label = {}, ""
        elif _blew_up(curves):
            text = QT_TRANSLATE_NOOP(
                "Coach",
                "The run has not recovered from steps too large for it: a smaller "
                "learning rate may bring it on; training again from the start with one "
                "is surer. Training accuracy has stood near {accuracy:.0%} for the last "
                "{epochs} epochs ({steps:,} batches), far under what a network reaches "
                "on these images.",
            )
            fix, label = lower, fix_label if lower else ""
        elif setup is not None and setup.full_batch:
            text = QT_TRANSLATE_NOOP(
                "Coach",
                "Stalled: train for many more epochs, or train again with Adam or batches "
                "of {size}; full-batch gradient descent takes one step an epoch. Training "
                "accuracy has stood near {accuracy:.0%} for the last {epochs} epochs "
                "({steps:,} batches), far under what a network reaches on these images.",
            )
            fix, label = {}, ""
        else:
            text = QT_TRANSLATE_NOOP(
                "Coach",
                "Stopped learning: check the input normalisation and the learning rate, "
                "or train again with Adam. Training accuracy has stood near "
                "{accuracy:.0%} for the last {epochs} epochs ({steps:,} batches), far "
                "under what a network reaches on these images.",
            )
            fix, label = lower, fix_label if lower else ""
        found.append(Hint("plateau", text, {**flat, "size": SENSIBLE_BATCH}, fix, label))
    if not found:  # the least urgent: said when nothing else is
        gap = _accuracy_gap(curves)
        if gap is not None:
            found.append(Hint(
                "gap",
                QT_TRANSLATE_NOOP(
                    "Coach",
                    "Overfitting: more L2, dropout or augmentation, or fewer epochs, narrow the"
                    " gap. Training accuracy {train:.1%} against {val:.1%} on the validation "
                    "split at epoch {epoch}, {points:.1f} points apart for {n} epochs: the "
                    "network fits its training images much better than new ones.",
                ),
                gap,
            ))  # fmt: skip
    mistakes = mistakes_hint(confusions, class_names, split)
    if mistakes is not None:
        found.append(mistakes)
    if broken is not None:  # said first; no setting of this network helps it: nothing else
        # offered (the loss's climb into the collapse read "the rate is probably too high")
        first = [h for h in found if h.kind == "collapsed"]
        found = first + [
            h if h.kind == "mistakes" else Hint(h.kind, h.text, h.values)
            for h in found
            if h.kind != "collapsed"
        ]
    return found


def _accuracy_gap(curves) -> dict[str, Any] | None:
    """The numbers of the gap hint (the newest epoch's training and validation accuracy, the
    gap in points, its epoch, ``GAP_EPOCHS``) when the training accuracy stood ``GAP`` above the
    validation accuracy in each of the last ``GAP_EPOCHS`` epochs, else None."""
    train = np.asarray(curves.train_accuracy, dtype=np.float64)[-GAP_EPOCHS:]
    val = np.asarray(curves.val_accuracy, dtype=np.float64)[-GAP_EPOCHS:]
    if len(train) < GAP_EPOCHS or len(val) != len(train) or len(curves.epochs) < GAP_EPOCHS:
        return None
    if not (np.isfinite(train).all() and np.isfinite(val).all() and (train - val >= GAP).all()):
        return None
    return {"train": float(train[-1]), "val": float(val[-1]), "epoch": curves.epochs[-1],
            "points": float(100 * (train[-1] - val[-1])), "n": GAP_EPOCHS}  # fmt: skip


def settings_hints(setup: RunSetup, resized: bool = False) -> list[Hint]:
    """What the coach says of a run's settings alone, whatever its curves: too few steps (not
    once its batch size was changed while training, ``resized``), raw pixels into saturating
    units, raw pixels into ReLUs at a rate that kills them. One source for a Train run's
    coach and the Race's lanes (walk69 D3: the race compared the lab's four set-ups and never
    said why one won)."""
    few = None if resized else _few_steps(setup)
    return [h for h in (few, _raw_inputs(setup), _raw_relu(setup)) if h is not None]


def _hidden(arch: str) -> bool:
    """Whether a network of ``arch`` has hidden layers, whose units the activation is of ("":
    not known, taken as having them)."""
    return not arch or len(arch.split("-")) > 2


def _few_steps(setup: RunSetup) -> Hint | None:
    """The hint of a run too short in optimizer steps to learn much, for its large batches,
    or None."""
    if not 0 < setup.steps < FEW_STEPS or setup.batch < LARGE_BATCH:
        return None
    n = setup.train_images
    if not n:
        return None
    values: dict[str, Any] = {"steps": setup.steps, "n": n, "batch": setup.batch}
    # a sensible batch and its steps an epoch
    values.update(size=SENSIBLE_BATCH, per=max(1, -(-n // SENSIBLE_BATCH)))
    if setup.full_batch:
        text = QT_TRANSLATE_NOOP(
            "Coach",
            "Full batch: train for hundreds of epochs (the mnist-gd preset trains 500), "
            "or use batches of {size}: {per:,} steps an epoch. Each optimizer step takes"
            " all {n:,} training images, so an epoch is one step and this run takes "
            "{steps} in all, too few to learn much.",
        )
    elif setup.asked > n:
        values["batch"] = setup.asked  # as typed: the run's batches are the whole split
        text = QT_TRANSLATE_NOOP(
            "Coach",
            "Batches of {size} take {per:,} steps an epoch: batch {batch:,} is more than"
            " the {n:,} training images, so an epoch is one full-batch step and this run"
            " takes {steps} in all, too few to learn much.",
        )
    else:
        text = QT_TRANSLATE_NOOP(
            "Coach",
            "Batches of {size} take {per:,} steps an epoch: batches of {batch:,} images "
            "make this run only {steps} optimizer steps in all, too few to learn much.",
        )
    return Hint(
        "few-steps",
        text,
        values,
        {"batch_size": SENSIBLE_BATCH},
        QT_TRANSLATE_NOOP("Coach", "Use batches of {batch_size}"),
    )


def _raw_inputs(setup: RunSetup) -> Hint | None:
    """The hint of raw 0-255 pixels fed to saturating hidden units, or None."""
    if setup.normalize != "raw" or setup.activation not in SATURATING or not _hidden(setup.arch):
        return None
    return Hint(
        "raw-inputs",
        QT_TRANSLATE_NOOP(
            "Coach",
            "Scale the pixels (Inputs: [0, 1]) and train again: they go in raw, 0 to 255, so a "
            "{activation} unit's input is in the hundreds, where {activation} is flat "
            "(saturated); it learns slowly and the validation loss jumps about.",
        ),
        {"activation": setup.activation},
    )  # fmt: skip


def _raw_relu(setup: RunSetup) -> Hint | None:
    """The hint of raw 0-255 pixels fed to ReLU hidden units at a rate whose steps kill most of
    them (``RAW_RELU_LR``), or None."""
    if setup.normalize != "raw" or setup.activation != "relu" or not _hidden(setup.arch):
        return None
    if setup.optimizer not in RATE_SIZED_STEPS or setup.lr < RAW_RELU_LR:
        return None
    return Hint(
        "raw-relu",
        QT_TRANSLATE_NOOP(
            "Coach",
            "Scale the pixels (Inputs: [0, 1]) and train again: they go in raw, 0 to 255, so a "
            "ReLU unit's input is in the hundreds, and so is its output. ReLU does not "
            "saturate, but at learning rate {lr:g} the first steps on such large values switch "
            "most units off for good (dead ReLUs: they fire on no image), and the network makes"
            " more mistakes than the same one fed scaled pixels.",
        ),
        {"lr": setup.lr},
    )  # fmt: skip


def _raw_relu_seen(setup: RunSetup, inside) -> Hint | None:
    """The raw-pixel ReLU hint of a run the settings rule leaves unsaid (``_raw_relu``: a
    rate under ``RAW_RELU_LR``, SGD) whose last inside sample shows more than ``DEAD`` of a
    layer's units dead, or None: fashion-mlp-lab on raw pixels at Adam 0.001 lost 55-72 % of its
    first layer's units on the sampled batches (17-20 % on [-1, 1]) and stood at 77.7 % against
    86.1 % after two epochs, where the MNIST lab's net at that rate lost 10 % (fixX)."""
    if setup.normalize != "raw" or setup.activation != "relu" or not _hidden(setup.arch):
        return None
    if inside is None or not inside.samples:
        return None
    for name, layer in zip(inside.names, inside.samples[-1].layers, strict=False):
        if math.isfinite(layer.dead) and layer.dead > DEAD:
            return Hint(
                "raw-relu",
                QT_TRANSLATE_NOOP(
                    "Coach",
                    "Scale the pixels (Inputs: [0, 1]) and train again: {share:.0%} of the "
                    "units after {name} never fired on the last sampled batch (dead ReLUs), and"
                    " the pixels go in raw, 0 to 255; a ReLU unit's input is then in the "
                    "hundreds, and so is its output, and steps on such large values switch "
                    "units off for good.",
                ),
                {"share": layer.dead, "name": layer_label(name)},
            )  # fmt: skip
    return None


def raced_relu_dead(setup: RunSetup, dead: Sequence[tuple[str, float]]) -> Hint | None:
    """The raw-pixel ReLU hint of a Race lane the settings rule leaves unsaid (a rate under
    ``RAW_RELU_LR``, SGD), from ``dead``: (layer name, share of the units after it that fired
    on none of a batch of its training images, measured once the race is over; a race's lanes
    are not watched inside while they train). Advice first: the line is one of several under
    the race's table. None when no layer has more than ``DEAD`` of its units dead."""
    if setup.normalize != "raw" or setup.activation != "relu" or not _hidden(setup.arch):
        return None
    if _raw_relu(setup) is not None:
        return None  # said by the rate
    for name, share in dead:
        if math.isfinite(share) and share > DEAD:
            return Hint(
                "raw-relu",
                QT_TRANSLATE_NOOP("Coach", "Scale the pixels (Inputs: [0, 1]) and race it "
                                  "again: after the race, {share:.0%} of the units after {name} "
                                  "fired on none of a batch of its training images (dead "
                                  "ReLUs). The pixels go in raw, 0 to 255: a ReLU unit's input "
                                  "is then in the hundreds, and so is its output, and steps on "
                                  "such large values switch units off for good."),
                {"share": share, "name": layer_label(name)},
            )  # fmt: skip
    return None
