"""Train the four shipped models in ``weights/`` with one reproducible command.

    python -m tools.build_weights --data-root ../shared/data            # all four
    python -m tools.build_weights --data-root ../shared/data --only mnist-cnn

``--data-root`` holds ``mnist/`` and ``fashion-mnist/``; ``--data-dir-mnist`` and
``--data-dir-fashion`` point at each folder separately (without any of them the datasets are
downloaded into the cache, like ``nndesk train``). Every recipe is a seeded ``TrainConfig`` trained
by ``nndesk.training.prepare`` / ``train``, the same loop as ``nndesk train`` and the window.

The digit models must read mouse drawings, not only MNIST scans. ``TrainConfig.augment`` gives
every batch random shifts, rotations and scalings; pen width is varied here, once, before
training: a seeded third of the training images is thickened (3x3 dilation) and a third thinned
(3x3 erosion, ``nndesk.data.augment.vary_stroke``). The test split is never touched, so the
accuracy printed is the one ``nndesk evaluate`` measures on the published test images.

Files are saved without optimizer state (Adam's two moment arrays would triple their size);
``nndesk train --resume`` still works from them, starting a fresh optimizer.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from nndesk.data.augment import SketchStrengths
from nndesk.data.registry import DATASETS
from nndesk.errors import NndeskError
from nndesk.presets import SHIPPED_RECIPES
from nndesk.training import EpochReport, RunEnded, TrainConfig, prepare, train

#: Where the shipped files live in a source checkout.
WEIGHTS_DIR = Path(__file__).resolve().parents[1] / "weights"


@dataclass(frozen=True)
class Stage:
    """A later training stage: its settings and how its sketch share is drawn (``sketch``).

    ``drawings`` garment drawings from ``tools.garment_sketches.training_drawings`` (seeded, never
    the check sets' seeds) join the training images for this stage, so the network also learns
    the proportions people draw, not only the dataset's silhouettes. A share ``wide`` of them
    comes from the generator's wider family (``training_drawings(wide=...)``), a share
    ``more`` of its long-sleeved tops is drawn in still more ways (``training_drawings(more=...)``)
    and a share ``cut`` of its tops and dresses as people draw their cut (arms held out, coat
    collars, shift dresses: ``training_drawings(cut=...)``), a share ``cues`` of its long-sleeved
    tops with the details that tell them apart (``training_drawings(cues=...)``); ``seed`` draws
    the stage's drawings from another training seed (None: ``TRAINING_SEED``).
    ``outliers`` is the share of the stage's training images that are no garment
    (``tools.outlier_drawings``: MNIST digits drawn on the canvas and random strokes), labelled
    ``OUTLIER`` so their target is uniform (outlier exposure): the network learns to be unsure
    of a drawing that is none of the classes. 0.1 makes about a tenth of every batch such images.
    ``hand`` copies of each garment of the hand-drawn training sets named in ``hand_sets``
    (``tools.hand_train.HAND_SETS``; drawn by hand, for training only; never the check
    ``tools.hand_garments``) join them, each copy drawn anew by ``tools.hand_train`` from
    ``hand_seed``: a stage per epoch with its own seed gives every epoch copies of its own.
    ``widen`` (an MLP architecture with the same layers, each as wide or wider) makes the
    previous stage's network wider before this stage trains (``widen``): it computes the same
    function at first, and the new units give the drawings room.
    """

    config: TrainConfig
    sketch: SketchStrengths | None = None  # None: SketchStrengths(); its share is config.sketch
    drawings: int = 0
    wide: float = 0.0
    more: float = 0.0
    cut: float = 0.0
    cues: float = 0.0
    widen: str | None = None
    seed: int | None = None  # the drawings' seed; None: TRAINING_SEED (never a check set's)
    outliers: float = 0.0  # share of the training images that are no garment (uniform target)
    #: copies of every hand-drawn training garment (``tools.hand_train``: moved, shaken,
    #: re-penned, either polarity, through the canvas) that join the training images
    hand: int = 0
    hand_seed: int | None = None  # the copies' seed; None: ``tools.hand_train.HAND_SEED``
    #: the hand-drawn training sets the copies come from (``tools.hand_train.HAND_SETS``)
    hand_sets: tuple[str, ...] = ("second",)
    #: how many times the photos are among the stage's training images: 2 shows every photo
    #: twice an epoch, so the drawings and hand copies are a smaller share of its steps
    photos: int = 1
    #: the hand copies drawn with other hands' proportions and fill styles
    #: (``tools.hand_train.reshape`` and ``restyled``; weights/README.md, twenty-fifth round)
    hand_reshaped: bool = False
    #: how many seeds' copies join (``hand_seed``, ``hand_seed`` + 1, ...): a stage of several
    #: epochs then shows the same ``hand`` x ``hand_pool`` copies of a drawing every epoch, so
    #: the network can fit them (weights/README.md, twenty-sixth round); 1: ``hand_seed``'s only
    hand_pool: int = 1
    #: the reshaped copies with the long-sleeved tops' class kept (``tools.hand_train.kept_copy``:
    #: gentler warps for Pullover, Coat and Shirt, a filled coat or shirt kept filled, a shirt's
    #: outline not filled; weights/README.md, twenty-seventh round); only with ``hand_reshaped``
    hand_kept: bool = False
    #: a share of the hand copies shown once more with the uniform target (``OUTLIER``), so a
    #: drawing's copies train on average against its label smoothed by ``u / (1 + u)``: a
    #: stage that fits the copies is held back from being sure of drawings (weights/README.md,
    #: twenty-eighth round); 0: none
    hand_unsure: float = 0.0
    #: painted copies of every sneaker and ankle boot of ``hand_sets`` per seed of the pool
    #: (``tools.hand_train.painted_copy``: the silhouette painted over in rows of thick strokes,
    #: as a person paints a shoe; weights/README.md, twenty-ninth round), after the hand copies
    #: and never among those shown again unsure; 0: none
    hand_painted: int = 0
    #: kept copies (``hand_kept``) in which a fifth of the coats' outlines left as drawn are
    #: filled with their opening lines drawn back (``tools.hand_train.kept_copy(coat_line=)``;
    #: weights/README.md, thirtieth round)
    hand_coat_line: bool = False
    #: the shipped model (a recipe's name, e.g. "fashion-cnn") whose answers this stage learns
    #: (``nndesk.nn.distill``): its file in the output folder when built there, else in
    #: ``weights/``; it reads every batch as the network sees it (weights/README.md,
    #: thirty-fifth round). None: the labels alone
    teacher: str | None = None
    #: the distillation's temperature ``tau`` (the teacher's calibration temperature, from its
    #: file, divides its logits too)
    teach_temperature: float = 2.0
    #: the share ``a`` of the loss that is the teacher's; ``1 - a`` is the labels' cross-entropy
    teach_share: float = 0.7


#: sketch_batch as it was before it warped proportions, refitted and mirrored (the first sketch
#: stage of both garment models was trained with it)
PLAIN_SKETCHES = SketchStrengths(aspect=0.0, flare=0.0, refit=False, mirror=0.0)
#: the drawing stage's photo sketches: as before, but half of them turned to face right
MIRRORED_SKETCHES = SketchStrengths(aspect=0.0, flare=0.0, refit=False, mirror=0.5)


def hand_stages(
    config: TrainConfig,
    lrs: tuple[float, ...],
    copies: int = 40,
    sketch: float = 0.15,
    outliers: float = 0.0,
    sets: tuple[str, ...] = ("second",),
    photos: int = 1,
    first_seed: int | None = None,
    reshaped: bool = False,
) -> tuple:
    """The eighteenth round's fine-tuning of a garment model (weights/README.md): one epoch a
    stage, each with ``copies`` fresh copies of every hand-drawn training garment of ``sets``
    (``tools.hand_train.HAND_SETS``; their own seed, ``HAND_SEED`` + k), the 30,000 generated
    drawings of both models' last stage, a share ``sketch`` of mirrored photo sketches and
    ``outliers`` of non-garments. ``lrs`` are the stages' base rates; each one-epoch stage sits
    at the end of the cosine over all epochs so far, so its rate is about 1.5e-3 times the base.
    ``photos`` is how many times each stage holds the photos (``Stage.photos``); the copies of
    stage k come from seed ``first_seed`` + k (None: ``HAND_SEED``); ``reshaped`` copies are
    drawn with other hands' proportions and fill styles (``Stage.hand_reshaped``)."""
    from tools.hand_train import HAND_SEED

    start = HAND_SEED if first_seed is None else first_seed
    return tuple(
        Stage(
            config.replace(epochs=1, lr=lr, sketch=sketch),
            MIRRORED_SKETCHES,
            drawings=30_000,
            wide=0.7,
            more=0.6,
            cut=0.5,
            hand=copies,
            hand_seed=start + k,
            hand_sets=sets,
            outliers=outliers,
            photos=photos,
            hand_reshaped=reshaped,
        )
        for k, lr in enumerate(lrs)
    )


def base_rate(rate: float, epoch: int, min_lr: float = 1e-5) -> float:
    """The base rate a one-epoch stage at ``epoch`` (the last of the cosine over all epochs so
    far, down to ``min_lr``) needs to train at ``rate``: the cosine gives epoch N of N
    ``min_lr + (base - min_lr) (1 + cos(pi (N - 1) / N)) / 2``."""
    import math

    return (rate - min_lr) / (0.5 * (1.0 + math.cos(math.pi * (epoch - 1) / epoch))) + min_lr


def distill_stages(
    config: TrainConfig,
    rates: tuple[float, ...],
    first_epoch: int,
    teacher: str,
    temperature: float,
    share: float,
    first_seed: int,
    copies: int = 40,
    sketch: float = 0.3,
    outliers: float = 0.05,
) -> tuple:
    """The thirty-fifth round's distillation (weights/README.md): one-epoch stages with the hand
    stages' mix (``hand_stages``: the photos, the 30,000 drawings, a share ``sketch`` of mirrored
    photo sketches, ``outliers`` no-garment images, ``copies`` fresh copies of every hand-drawn
    training garment, stage k's from seed ``first_seed`` + k), each at the rate ``rates[k]``
    (the first at epoch ``first_epoch``, ``base_rate``), taught by ``teacher`` at
    ``temperature`` with soft share ``share``."""
    return tuple(
        dataclasses.replace(
            stage,
            config=stage.config.replace(lr=base_rate(rate, first_epoch + k)),
            teacher=teacher,
            teach_temperature=temperature,
            teach_share=share,
        )
        for k, (stage, rate) in enumerate(
            zip(
                hand_stages(
                    config,
                    tuple(rates),
                    copies=copies,
                    sketch=sketch,
                    outliers=outliers,
                    first_seed=first_seed,
                ),
                rates,
                strict=True,
            )
        )
    )


#: fashion-cnn's base rates for ``hand_stages`` (2.0e-4, 1.0e-4, 4.0e-5 at epochs 39-41): tried
#: in the eighteenth and nineteenth rounds and not shipped (surer of wrong answers; the test
#: set under its target), shipped in the twentieth with the photos twice a stage
#: (weights/README.md)
CNN_HAND_RATES = (0.117, 0.0584, 0.0205)

#: the hand-drawn training sets fashion-cnn's hand stages train on (``tools.hand_train.HAND_SETS``)
CNN_HAND_SETS = ("second", "third", "fourth")

#: the seed of the copies of fashion-cnn's first hand stage (``tools.hand_train.HAND_SEED`` + 3:
#: the nineteenth round's candidate, not shipped, had drawn 1818-1820)
CNN_HAND_SEED = 1821


#: fashion-mlp's settings: 784-1024-512-10 PReLU, dropout 0.3, 40 epochs, 30 % photo sketches
#: (weights/README.md, "Twelfth round")
_FASHION_MLP = SHIPPED_RECIPES["fashion-mlp"].replace(
    arch="784-1024-512-10", activation="prelu", dropout=0.3, epochs=40, sketch=0.3
)


@dataclass(frozen=True)
class Recipe:
    """One shipped model: its training settings, the test accuracy it must reach, pen variation.

    ``stroke`` is the fraction of training images whose strokes change width (half thicker, half
    thinner); 0 leaves them as published. ``then`` holds optional later stages (a ``TrainConfig``,
    a ``Stage`` or a tuple of them): training goes on from the previous stage's model with these
    settings (``prepare(resume=...)``: same network, a fresh optimizer, the history continued,
    the schedule spanning all stages' epochs so far). ``first`` (a ``Stage``; its ``config`` is
    replaced by ``config``) lets the first stage, from random weights, train on generated drawings
    and sketch strengths of its own, as a later stage can.
    """

    name: str
    config: TrainConfig
    target: float
    stroke: float = 0.0
    then: TrainConfig | Stage | tuple[TrainConfig | Stage, ...] | None = None
    #: the first stage's drawings and sketch strengths (its settings are ``config``); None: the
    #: training images as they are, default sketch strengths
    first: Stage | None = None

    def stages(self) -> list[Stage]:
        """Every stage, the first one included."""
        later = self.then if isinstance(self.then, tuple) else (self.then,)
        start = Stage(self.config) if self.first is None else self.first
        return [dataclasses.replace(start, config=self.config)] + [
            s if isinstance(s, Stage) else Stage(s) for s in later if s is not None
        ]


RECIPES: dict[str, Recipe] = {
    r.name: r
    for r in (
        Recipe("mnist-mlp", SHIPPED_RECIPES["mnist-mlp"], target=0.983, stroke=2 / 3),
        Recipe(
            "fashion-mlp",
            _FASHION_MLP,
            target=0.900,
            # one stage from random weights: the photos, 30,000 generated drawings (70 % from
            # the wider family, long-sleeved tops drawn more ways and tops and dresses drawn as
            # cut), 30 % of every batch redrawn as mirrored photo sketches, and 5 % of the
            # training images no garment (MNIST digits drawn on the canvas, random strokes)
            # with the uniform target, so that a drawing of no garment reads "Not sure"
            first=Stage(
                _FASHION_MLP,
                MIRRORED_SKETCHES,
                drawings=30_000,
                wide=0.7,
                more=0.6,
                cut=0.5,
                outliers=0.05,
            ),
            # then three one-epoch stages, each with 40 fresh copies of every hand-drawn
            # training garment and the same mix (rates 1.0e-4, 5.0e-5, 2.0e-5 at the cosine's
            # end; weights/README.md, eighteenth round). The file of the twelfth round made the
            # first stage: --first-stage DIR --stages-done 1
            then=hand_stages(_FASHION_MLP, (0.0614, 0.0286, 0.0075), sketch=0.3, outliers=0.05),
        ),
        Recipe("mnist-cnn", SHIPPED_RECIPES["mnist-cnn"], target=0.992, stroke=2 / 3),
        Recipe(
            "fashion-cnn",
            SHIPPED_RECIPES["fashion-cnn"],
            target=0.925,
            # then 10 more epochs with 30 % of every batch redrawn as sketches (the cosine spans
            # all 25 epochs: 6.9e-4 down to 1e-5), then 5 with 30,000 generated drawings added
            # to the 60,000 photos and the sketches mirrored half the time (the cosine over all
            # 30 epochs: 4.0e-4 down to 2.6e-5), then 2 with 30,000 drawings of which 70 % come
            # from the generator's wider family (3.5e-4 down to 9.4e-5 on the cosine over 32),
            # then 1 more on the same images (5.1e-5 on the cosine over 33); then the dense layer
            # widened to 512 (the new units start with zero output) and 5 epochs with 30,000
            # drawings, 70 % wide, long-sleeved tops drawn more ways and tops and dresses drawn
            # as cut, and 15 % mirrored photo sketches (the cosine over 38: 4.3e-4 down to 2.7e-5)
            then=(
                Stage(
                    SHIPPED_RECIPES["fashion-cnn"].replace(epochs=10, lr=2e-3, sketch=0.3),
                    PLAIN_SKETCHES,
                ),
                Stage(
                    SHIPPED_RECIPES["fashion-cnn"].replace(epochs=5, lr=6e-3, sketch=0.3),
                    MIRRORED_SKETCHES,
                    drawings=30_000,
                ),
                Stage(
                    SHIPPED_RECIPES["fashion-cnn"].replace(epochs=2, lr=3.5e-2, sketch=0.3),
                    MIRRORED_SKETCHES,
                    drawings=30_000,
                    wide=0.7,
                ),
                Stage(
                    SHIPPED_RECIPES["fashion-cnn"].replace(epochs=1, lr=1.8e-2, sketch=0.3),
                    MIRRORED_SKETCHES,
                    drawings=30_000,
                    wide=0.7,
                ),
                Stage(
                    SHIPPED_RECIPES["fashion-cnn"].replace(epochs=5, lr=1e-2, sketch=0.15),
                    MIRRORED_SKETCHES,
                    drawings=30_000,
                    wide=0.7,
                    more=0.6,
                    cut=0.5,
                    widen="784-c32-bn-p-c64-bn-p-512-10",
                ),
            )
            # then three one-epoch stages (2.0e-4, 1.0e-4, 4.0e-5 at the cosine's end), each
            # with the photos twice, the same 30,000 drawings and 15 % mirrored photo sketches,
            # and 40 fresh copies of every drawing of the three hand-drawn training sets
            # (weights/README.md, twentieth round). The sixth stage's file (the file shipped
            # before that round) made the first six: --first-stage DIR --stages-done 6
            + hand_stages(
                SHIPPED_RECIPES["fashion-cnn"],
                CNN_HAND_RATES,
                sets=CNN_HAND_SETS,
                photos=2,
                first_seed=CNN_HAND_SEED,
            ),
        ),
    )
}


def vary_pen(dataset, fraction: float, seed: int):
    """A copy of ``dataset`` whose training images are partly thickened / thinned (seeded).

    ``fraction`` of the images change width: half are dilated by a 3x3 maximum (a pen about two
    pixels wider, like a thick mouse pen), half keep only their stroke cores (pixels above 128,
    stretched back to 0..255: about a pixel thinner, like a thin pen after the canvas is shrunk
    to 20 px). A 3x3 erosion would be too much: it deletes most of a 2-3 px MNIST stroke.
    The test images are the dataset's own.
    """
    from nndesk.data.augment import vary_stroke

    if fraction <= 0:
        return dataset
    rng = np.random.default_rng([seed, 5])
    u = rng.random(len(dataset.train_labels))
    thicker = u < fraction / 2
    thinner = (u >= fraction / 2) & (u < fraction)
    planes = vary_stroke(dataset.train_images.astype(np.float32), thicker, np.zeros_like(thinner))
    planes[thinner] = np.clip(2.0 * planes[thinner] - 255.0, 0.0, 255.0)
    images = np.clip(np.rint(planes), 0, 255).astype(np.uint8)
    return dataclasses.replace(dataset, train_images=images)


def with_photos(dataset, times: int):
    """A copy of ``dataset`` whose training split holds its images ``times`` times over (in
    order, so a seeded batch order stays seeded); the test split is the dataset's own."""
    if times < 1:
        raise NndeskError(f"the photos must be shown at least once a stage, not {times} times")
    if times == 1:
        return dataset
    labels = np.asarray(dataset.train_labels, np.int64)
    return dataclasses.replace(
        dataset,
        train_images=np.concatenate([dataset.train_images] * times),
        train_labels=np.concatenate([labels] * times),
    )


def with_drawings(
    dataset,
    count: int,
    cache: str | None = None,
    wide: float = 0.0,
    more: float = 0.0,
    cut: float = 0.0,
    seed: int | None = None,
    cues: float = 0.0,
):
    """A copy of ``dataset`` whose training split also holds ``count`` generated garment drawings.

    The drawings (``tools.garment_sketches.training_drawings``, a share ``wide`` of them from its
    wider family, ``more`` of those tops drawn more ways, ``cut`` of its tops and dresses drawn
    as cut, ``cues`` of its long-sleeved tops with their telling details; ``seed`` None:
    ``TRAINING_SEED``) are appended after the photos; the test
    split is the dataset's own. ``cache`` is a folder keeping the drawings between runs.
    """
    from tools.garment_sketches import cached_training_drawings

    if count <= 0:
        return dataset
    from tools.garment_sketches import TRAINING_SEED

    images, labels = cached_training_drawings(
        count,
        cache,
        TRAINING_SEED if seed is None else seed,
        wide=wide,
        more=more,
        cut=cut,
        cues=cues,
    )
    return dataclasses.replace(
        dataset,
        train_images=np.concatenate([dataset.train_images, images]),
        train_labels=np.concatenate([np.asarray(dataset.train_labels, np.int64), labels]),
    )


def with_outliers(dataset, share: float, mnist_dir: Path | None, cache: str | None = None):
    """A copy of ``dataset`` whose training split ends with non-garment images labelled
    ``OUTLIER``, ``share`` of the training images after they join
    (``tools.outlier_drawings.training_outliers``: half MNIST digits from ``mnist_dir``, half
    random strokes; seeded, never the tests' non-garment seeds)."""
    from tools.outlier_drawings import cached_training_outliers

    if share <= 0:
        return dataset
    if not share < 1:
        raise NndeskError(f"an outlier share must be under 1, not {share}")
    count = round(share / (1 - share) * len(dataset.train_labels))
    images, labels = cached_training_outliers(count, mnist_dir, cache)
    return dataclasses.replace(
        dataset,
        train_images=np.concatenate([dataset.train_images, images]),
        train_labels=np.concatenate([np.asarray(dataset.train_labels, np.int64), labels]),
    )


def with_hand_drawings(
    dataset,
    copies: int,
    seed: int | None = None,
    cache: str | None = None,
    sets: tuple[str, ...] = ("second",),
    reshaped: bool = False,
    pool: int = 1,
    kept: bool = False,
    unsure: float = 0.0,
    painted: int = 0,
    coat_line: bool = False,
):
    """A copy of ``dataset`` whose training split also holds ``copies`` varied copies of every
    hand-drawn training garment of ``sets`` (``tools.hand_train``; seed None: ``HAND_SEED``;
    ``reshaped``: with other hands' proportions and fill styles) from each of ``pool`` seeds
    (``seed``, ``seed`` + 1, ...; each seed's copies as that seed alone draws and caches them),
    after the other training images; the test split is the dataset's own. ``cache`` keeps them.
    ``kept``: reshaped copies with the long-sleeved tops' class kept (``Stage.hand_kept``).
    ``unsure``: that share of the copies (drawn without replacement, seeded by ``seed``) joins
    a second time labelled ``OUTLIER`` (``Stage.hand_unsure``). ``painted`` painted copies
    of every sneaker and ankle boot per seed follow them (``Stage.hand_painted``), none unsure.
    ``coat_line``: kept copies with some filled coats' opening lines (``Stage.hand_coat_line``)."""
    if copies <= 0:
        return dataset
    if not 0 <= unsure <= 1:
        raise NndeskError(f"the share of hand copies shown unsure must be 0-1, not {unsure}")
    if pool < 1:
        raise NndeskError(f"the hand copies must come from at least one seed, not {pool}")
    if kept and not reshaped:
        raise NndeskError("only reshaped hand copies can keep the tops' class")
    if coat_line and not kept:
        raise NndeskError("only kept hand copies can keep a filled coat's opening line")
    from tools.hand_train import HAND_SEED, cached_hand_training_drawings

    first = HAND_SEED if seed is None else seed
    drawn = [
        cached_hand_training_drawings(copies, cache, first + k, sets, reshaped, kept, coat_line)
        for k in range(pool)
    ]
    images = np.concatenate([d[0] for d in drawn])
    labels = np.concatenate([d[1] for d in drawn])
    if unsure:
        from nndesk.nn.losses import OUTLIER

        pick = np.random.default_rng([first, 28]).permutation(len(labels))
        again = np.sort(pick[: round(unsure * len(labels))])
        images = np.concatenate([images, images[again]])
        labels = np.concatenate([labels, np.full(len(again), OUTLIER, np.int64)])
    if painted < 0:
        raise NndeskError(f"the painted copies of a shoe cannot be {painted}")
    if painted:
        from tools.hand_train import cached_painted_training_drawings

        shoes = [
            cached_painted_training_drawings(painted, cache, first + k, sets) for k in range(pool)
        ]
        images = np.concatenate([images, *(d[0] for d in shoes)])
        labels = np.concatenate([labels, *(d[1] for d in shoes)])
    return dataclasses.replace(
        dataset,
        train_images=np.concatenate([dataset.train_images, images]),
        train_labels=np.concatenate([np.asarray(dataset.train_labels, np.int64), labels]),
    )


def widen(loaded, arch: str, seed: int = 0):
    """``loaded`` (a ``LoadedModel`` of an MLP or CNN) with its dense layers widened to ``arch``.

    ``arch`` has the same layers as the model, each dense layer as wide or wider (784-1024-512-10
    -> 784-1536-768-10; 784-c32-bn-p-c64-bn-p-256-10 -> ...-384-10). The old weights keep their
    places; a new unit's incoming weights are drawn as the layer's initialisation draws them
    (seeded) and its outgoing weights are zero, so the wider network computes exactly what the
    old one did until training moves them. Other layers (convolutions, batch normalisation with
    its running statistics) must keep their shapes and are copied as they are.
    Returns a new ``LoadedModel`` (no optimizer state) whose ``info["config"]["arch"]`` is ``arch``.
    """
    from nndesk.nn.activations import PReLU
    from nndesk.nn.layers import Dense
    from nndesk.nn.serialization import LoadedModel

    info = json.loads(json.dumps(loaded.info))  # a deep copy
    config = TrainConfig.from_dict(info["config"]).replace(arch=arch)
    model = config.build_model(np.random.default_rng([seed, 17]))
    old = [layer for layer in loaded.model.layers if isinstance(layer, Dense)]
    new = [layer for layer in model.layers if isinstance(layer, Dense)]
    kinds = [type(layer).__name__ for layer in loaded.model.layers]
    if kinds != [type(layer).__name__ for layer in model.layers] or not old:
        raise NndeskError(f"widen: {arch} does not have the layers of {info['config']['arch']}")
    for a, b in zip(loaded.model.layers, model.layers, strict=True):
        if isinstance(a, Dense):
            continue
        for kind in ("params", "buffers"):
            theirs, mine = getattr(a, kind, None) or {}, getattr(b, kind, None) or {}
            for name, value in theirs.items():
                if name in mine and isinstance(a, PReLU) and mine[name].shape > value.shape:
                    # a slope per unit of the widened layer before it: the old units keep
                    # theirs, the new ones start at the initial slope
                    mine[name][: len(value)] = value
                    continue
                if name not in mine or mine[name].shape != value.shape:
                    raise NndeskError(f"widen: {arch} changes a layer other than a dense one")
                mine[name][...] = value
    for k, (a, b) in enumerate(zip(old, new, strict=True)):
        if b.in_features < a.in_features or b.out_features < a.out_features:
            raise NndeskError(f"widen: {arch} is narrower than {info['config']['arch']}")
        if k == len(old) - 1 and b.out_features != a.out_features:
            raise NndeskError("widen: the output layer keeps its size")
        w, bias = b.params["W"], b.params["b"]
        w[a.in_features :, :] = 0.0  # from the previous layer's new units: nothing yet
        w[: a.in_features, : a.out_features] = a.params["W"]
        bias[: a.out_features] = a.params["b"]
        bias[a.out_features :] = 0.0
    info["config"]["arch"] = arch
    return LoadedModel(model, info, None)


def average(models):
    """One ``LoadedModel`` whose every parameter and running statistic is the mean of those of
    ``models`` (``LoadedModel``s of one architecture, e.g. fine-tuned from one file: a "model
    soup", which keeps what each learned where they agree and averages away where they drift
    apart). The first model's ``info`` is kept (a copy); no optimizer state. Raises
    ``NndeskError`` when the models' layers or shapes differ."""
    from nndesk.nn.serialization import LoadedModel

    if not models:
        raise NndeskError("average: no models")
    info = json.loads(json.dumps(models[0].info))  # a deep copy
    config = TrainConfig.from_dict(info["config"])
    model = config.build_model(np.random.default_rng(0))
    for loaded in models:
        kinds = [type(layer).__name__ for layer in loaded.model.layers]
        if kinds != [type(layer).__name__ for layer in model.layers]:
            raise NndeskError(f"average: a model is not a {config.arch}")
    for k, layer in enumerate(model.layers):
        for kind in ("params", "buffers"):
            mine = getattr(layer, kind, None) or {}
            for name, value in mine.items():
                theirs = [getattr(m.model.layers[k], kind)[name] for m in models]
                if any(t.shape != value.shape for t in theirs):
                    raise NndeskError(f"average: a model is not a {config.arch}")
                # summed in float64 so the mean of equal arrays is the array itself
                value[...] = np.mean([t.astype(np.float64) for t in theirs], axis=0)
    return LoadedModel(model, info, None)


def _train_stage(
    name: str,
    stage: Stage,
    dataset,
    resume: Path | None,
    log,
    cache: str | None = None,
    outlier_dir: Path | None = None,
):
    """Train one stage (from scratch, or on from the model file ``resume``); return the session."""
    from nndesk.nn.serialization import load_model

    if stage.photos > 1:
        log(f"{name}: the photos are shown {stage.photos} times an epoch")
        dataset = with_photos(dataset, stage.photos)
    if stage.drawings:
        log(f"{name}: {stage.drawings} generated drawings join the training images")
        dataset = with_drawings(
            dataset,
            stage.drawings,
            cache,
            stage.wide,
            stage.more,
            stage.cut,
            stage.seed,
            stage.cues,
        )
    if stage.hand:
        sets = ", ".join(stage.hand_sets)
        how = ", reshaped" if stage.hand_reshaped else ""
        how += ", the tops' class kept" if stage.hand_kept else ""
        how += ", filled coats' opening lines kept" if stage.hand_coat_line else ""
        seeds = f" from {stage.hand_pool} seeds" if stage.hand_pool > 1 else ""
        log(
            f"{name}: {stage.hand} copies{seeds} of every hand-drawn training garment ({sets}{how})"
        )
        dataset = with_hand_drawings(
            dataset,
            stage.hand,
            stage.hand_seed,
            cache,
            stage.hand_sets,
            stage.hand_reshaped,
            stage.hand_pool,
            stage.hand_kept,
            stage.hand_unsure,
            stage.hand_painted,
            stage.hand_coat_line,
        )
        if stage.hand_unsure:
            log(f"{name}: {100 * stage.hand_unsure:g} % of the hand copies shown again, unsure")
        if stage.hand_painted:
            log(f"{name}: {stage.hand_painted} painted copies a seed of each sneaker and boot")
    if stage.outliers:
        dataset = with_outliers(dataset, stage.outliers, outlier_dir, cache)
        log(f"{name}: {100 * stage.outliers:g} % of the training images are no garment")
    start = resume
    if stage.widen:
        if resume is None:
            raise NndeskError(f"{name}: only a later stage can widen a network")
        log(f"{name}: the network widened to {stage.widen}")
        start = widen(load_model(resume), stage.widen, stage.config.seed)
    session = prepare(stage.config, dataset=dataset, resume=start)
    if stage.teacher:
        session.loss_fn = _distillation_loss(name, stage, session)
        log(
            f"{name}: taught by {Path(stage.teacher).name} (temperature "
            f"{stage.teach_temperature:g}, its share {stage.teach_share:g})"
        )
    end = None
    for report in train(session, sketch_strengths=stage.sketch):
        if isinstance(report, EpochReport):
            log(
                f"{name} epoch {report.epoch}/{report.epochs}: loss {report.train_loss:.4f} "
                f"train {report.train_accuracy:.4f} lr {report.lr:.2e} {report.seconds:.0f} s"
            )
        elif isinstance(report, RunEnded):
            end = report
    if end is None or end.reason != "completed":
        raise NndeskError(f"{name}: training ended early ({end and end.message})")
    return session


def _distillation_loss(name: str, stage: Stage, session):
    """The stage's ``DistillationLoss``: its teacher file (``stage.teacher``, a path by now)
    must read the images as the network does (its normalisation and classes)."""
    from nndesk.nn.distill import DistillationLoss
    from nndesk.nn.serialization import load_model

    teacher = load_model(stage.teacher)
    mine = session.info()
    for key in ("normalization", "class_names"):
        if teacher.info.get(key) != mine.get(key):
            raise NndeskError(f"{name}: the teacher {stage.teacher} has another {key}")
    calibrated = (teacher.info.get("calibration") or {}).get("temperature", 1.0)
    return DistillationLoss(
        teacher.model, stage.teach_temperature, stage.teach_share, float(calibrated)
    )


def teacher_file(teacher: str, out_dir: Path) -> Path:
    """The file of the shipped model ``teacher`` a stage learns from: built into ``out_dir``
    by the same command, else the one in ``weights/``."""
    for folder in (out_dir, WEIGHTS_DIR):
        path = Path(folder) / f"{teacher}.npz"
        if path.is_file():
            return path
    raise NndeskError(f"no {teacher}.npz to teach with in {out_dir} or {WEIGHTS_DIR}")


def build(
    recipe: Recipe,
    data_dir: Path | None,
    out_dir: Path,
    epochs: int | None = None,
    threads: int = 0,
    log=print,
    first_stage: Path | None = None,
    cache: str | None = None,
    outlier_dir: Path | None = None,
    stages_done: int | None = None,
) -> dict:
    """Train ``recipe``, save ``<out_dir>/<name>.npz`` and return its facts (accuracy, seconds).

    For a recipe of several stages, ``first_stage`` (the model file every stage but the last
    made, e.g. the shipped file of the previous release) skips training them again;
    ``stages_done`` says how many stages that file made when it is not all but the last.
    ``outlier_dir`` is the MNIST folder a stage with ``outliers`` draws its digits from.
    """
    from nndesk.data import load_dataset
    from nndesk.nn.serialization import save_model

    stages = recipe.stages()
    if epochs is not None:
        stages = [dataclasses.replace(s, config=s.config.replace(epochs=epochs)) for s in stages]
    if threads:
        stages = [dataclasses.replace(s, config=s.config.replace(threads=threads)) for s in stages]
    t0 = time.perf_counter()
    first = stages[0].config
    dataset = vary_pen(load_dataset(first.dataset, data_dir=data_dir), recipe.stroke, first.seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    resume = None
    n_stages = len(stages)
    if n_stages > 1 and first_stage is not None:
        done = n_stages - 1 if stages_done is None else stages_done
        if not 1 <= done < n_stages:
            raise NndeskError(f"{recipe.name}: {done} stages done of {n_stages}")
        resume, stages = first_stage, stages[done:]
        log(f"{recipe.name}: the first {done} of {n_stages} stages taken from {first_stage}")
    stages = [
        dataclasses.replace(s, teacher=str(teacher_file(s.teacher, out_dir))) if s.teacher else s
        for s in stages
    ]
    for k, stage in enumerate(stages):
        session = _train_stage(recipe.name, stage, dataset, resume, log, cache, outlier_dir)
        if k < len(stages) - 1:
            earlier = resume
            resume = session.save(out_dir / f"{recipe.name}.stage-{k + 1}.npz")
            if earlier is not None and earlier != first_stage:
                Path(earlier).unlink(missing_ok=True)
    test = session.evaluate_test()
    seconds = time.perf_counter() - t0
    info = session.info()
    info["metrics"] = {"test_accuracy": test.accuracy, "test_loss": test.loss}
    info["build"] = {
        "recipe": recipe.name,
        "seconds": round(seconds, 1),
        "stroke": recipe.stroke,
        "stages": n_stages,
        "sketch_strengths": None
        if stages[-1].config.sketch <= 0
        else dataclasses.asdict(
            dataclasses.replace(
                stages[-1].sketch or SketchStrengths(), share=stages[-1].config.sketch
            )
        ),
        "first_stage": None if first_stage is None else Path(first_stage).name,
        "drawings": stages[-1].drawings,
        "wide_drawings": stages[-1].wide,
        "more_drawings": stages[-1].more,
        "cut_drawings": stages[-1].cut,
        "cue_drawings": stages[-1].cues,
        "drawing_seed": stages[-1].seed,
        "outliers": stages[-1].outliers,
        "hand_copies": stages[-1].hand,
        "hand_seed": stages[-1].hand_seed,
        "hand_sets": list(stages[-1].hand_sets) if stages[-1].hand else [],
        "photos": stages[-1].photos,
        "hand_reshaped": stages[-1].hand_reshaped,
        "hand_pool": stages[-1].hand_pool,
        "hand_kept": stages[-1].hand_kept,
        "hand_unsure": stages[-1].hand_unsure,
        "hand_painted": stages[-1].hand_painted,
        "hand_coat_line": stages[-1].hand_coat_line,
        "teacher": None if not stages[-1].teacher else Path(stages[-1].teacher).name,
        "teach_temperature": stages[-1].teach_temperature if stages[-1].teacher else None,
        "teach_share": stages[-1].teach_share if stages[-1].teacher else None,
    }
    path = save_model(out_dir / f"{recipe.name}.npz", session.model, info, optimizer=None)
    if resume is not None and resume != first_stage:
        Path(resume).unlink(missing_ok=True)
    facts = {
        "name": recipe.name,
        "test_accuracy": test.accuracy,
        "target": recipe.target,
        "met": test.accuracy >= recipe.target,
        "seconds": round(seconds, 1),
        "epochs": sum(s.config.epochs for s in stages),
        "bytes": path.stat().st_size,
        "path": str(path),
    }
    log(json.dumps(facts))
    return facts


def _data_dir(args, dataset: str) -> Path | None:
    own = args.data_dir_mnist if dataset == "mnist" else args.data_dir_fashion
    if own is not None:
        return Path(own)
    if args.data_root is not None:
        # the sub-folder a data folder gives the dataset (nndesk.data.registry)
        return Path(args.data_root) / DATASETS[dataset].folder_names[0]
    return None


def _first_stage(args, recipe: Recipe) -> Path | None:
    if args.first_stage is None or recipe.then is None:
        return None
    path = Path(args.first_stage) / f"{recipe.name}.npz"
    if not path.is_file():
        raise NndeskError(f"--first-stage: no {path}")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tools.build_weights", description="Train the shipped models."
    )
    parser.add_argument("--data-root", help="folder holding mnist/ and fashion-mnist/")
    parser.add_argument("--data-dir-mnist", help="folder with the MNIST IDX files")
    parser.add_argument("--data-dir-fashion", help="folder with the Fashion-MNIST IDX files")
    parser.add_argument(
        "--only", action="append", choices=list(RECIPES), help="build only this model (repeatable)"
    )
    parser.add_argument("--out", default=str(WEIGHTS_DIR), help="output folder (default weights/)")
    parser.add_argument("--epochs", type=int, help="override every recipe's epochs (quick checks)")
    parser.add_argument("--threads", type=int, default=0, help="BLAS threads (0: automatic)")
    parser.add_argument(
        "--first-stage",
        metavar="DIR",
        help="recipes of several stages go on from DIR/<name>.npz (the model every stage but the "
        "last made, e.g. the previous shipped file) instead of training those stages again",
    )
    parser.add_argument(
        "--stages-done",
        type=int,
        metavar="N",
        help="with --first-stage: the file made the recipe's first N stages (default: all but "
        "the last)",
    )
    parser.add_argument(
        "--drawing-cache",
        metavar="DIR",
        help="keep the generated training drawings in DIR between runs (they take minutes)",
    )
    args = parser.parse_args(argv)
    names = args.only or list(RECIPES)
    results = []
    try:
        for name in names:
            recipe = RECIPES[name]
            results.append(
                build(
                    recipe,
                    _data_dir(args, recipe.config.dataset),
                    Path(args.out),
                    epochs=args.epochs,
                    threads=args.threads,
                    first_stage=_first_stage(args, recipe),
                    cache=args.drawing_cache,
                    outlier_dir=_data_dir(args, "mnist"),
                    stages_done=args.stages_done,
                )
            )
    except NndeskError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    missed = [r["name"] for r in results if not r["met"]]
    if missed:
        print(f"below target: {', '.join(missed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
