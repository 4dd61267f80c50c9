"""An exported script's input scaling (``normalize``) and its ``main``: read the data, split off
the validation images, then the training loop (shuffles, augmentation, a steered run's changes at
their batches, a CNN's progress lines) and the test accuracy it ends with."""

from __future__ import annotations

from string import Template

from nndesk.codegen import snippets
from nndesk.codegen.continued import SCHEDULE_LEG
from nndesk.codegen.network import is_convolutional, network_steps
from nndesk.codegen.script_optimizer import ADAMS
from nndesk.codegen.script_settings import (
    AUG_SETTINGS,
    AUGMENT_STREAM,
    SHUFFLE_STREAM,
    SPLIT_STREAM,
    augments,
)
from nndesk.training import TrainConfig


def normalize(cfg: TrainConfig) -> str:
    """``normalize(images, ...)`` for the experiment's input scaling (and ``fit_standard``)."""
    head = "def normalize(images):\n"
    if cfg.normalize == "raw":
        return (head + '    """uint8 (n, 28, 28) -> float32 (n, 784), raw pixel values 0..255."""\n'
                "    return images.reshape(len(images), 784).astype(np.float32)")  # fmt: skip
    if cfg.normalize == "unit":
        return (head + '    """uint8 (n, 28, 28) -> float32 (n, 784) in [0, 1]."""\n'
                "    return images.reshape(len(images), 784) * np.float32(1 / 255)")  # fmt: skip
    if cfg.normalize == "symmetric":
        return (head + '    """uint8 (n, 28, 28) -> float32 (n, 784) in [-1, 1]."""\n'
                "    return images.reshape(len(images), 784) * np.float32(1 / 127.5) - np.float32(1)")  # fmt: skip  # noqa: E501
    return '''\
def fit_standard(images):
    """One mean and one standard deviation over every pixel of the training split."""
    # from how often each pixel value 0..255 occurs: exact sums, and no float copy of the images
    counts, values = np.bincount(images.reshape(-1), minlength=256), np.arange(256)
    mean = int(counts @ values) / images.size
    std = math.sqrt(max(int(counts @ values**2) / images.size - mean**2, 0.0))
    return np.float32(mean), np.float32(max(std, 1e-6))


def normalize(images, mean, std):
    """uint8 (n, 28, 28) -> float32 (n, 784), standardised: (x - mean) / std."""
    scale = np.float32(1) / std  # times 1 / std, as nndesk computes it
    return images.reshape(len(images), 784) * scale - mean * scale'''


def main(cfg: TrainConfig, steered: frozenset = frozenset()) -> str:
    """``main()``: the data, the split, the training loop and the test accuracy."""
    if cfg.val_fraction > 0:
        split = (
            f"    split_rng = np.random.default_rng([args.seed, {SPLIT_STREAM}])\n"
            "    keep, held = stratified_split(train_labels, VAL_FRACTION, split_rng)\n"
            "    val_images, y_val = train_images[held], train_labels[held]\n"
            "    train_images, y_train = train_images[keep], train_labels[keep]"
        )
        val_line = (
            "        val_loss, val_acc = evaluate(params, state, x_val, y_val)\n"
            '        val = f"  val loss {val_loss:.4f} acc {val_acc:.2%}"'
        )
    else:
        split = "    y_train = train_labels  # all training images: no validation split"
        val_line = '        val = ""'
    args = ", *stats" if cfg.normalize == "standard" else ""
    normalize = f"    x_train = normalize(train_images{args})"
    if cfg.normalize == "standard":
        normalize = (
            "    stats = fit_standard(train_images)  # the training split only\n" + normalize
        )
    if cfg.val_fraction > 0:
        normalize += f"\n    x_val = normalize(val_images{args})"
    shuffle = not cfg.full_batch or cfg.augment or bool(steered)
    if shuffle:
        order = (
            f"order = np.random.default_rng([args.seed, {SHUFFLE_STREAM}, epoch]).permutation(n)"
        )
    else:
        order = "order = np.arange(n)  # full batch: the order does not matter"
    text = Template(snippets.MAIN).substitute(
        NORM_ARGS=args,
        SPLIT_CALL=split,
        NORMALIZE_CALL=normalize,
        BATCH_EXPR="n if BATCH_SIZE == 0 else min(BATCH_SIZE, n)",
        AUGMENT_RNG=(
            f"    augment_rng = np.random.default_rng([args.seed, {AUGMENT_STREAM}, 1])"
            if augments(cfg, steered)
            else _DROP
        ),
        ORDER_LINE=order,
        AUGMENT_CALL=(
            "            xb = augment(xb, augment_rng)"
            if cfg.augment and not steered & AUG_SETTINGS
            else "            if AUGMENT:\n                xb = augment(xb, augment_rng)"
            if augments(cfg, steered)
            else _DROP
        ),
        VAL_LINE=val_line,
        PROGRESS=_PROGRESS if is_convolutional(network_steps(cfg)) else _DROP,
    )
    text = "\n".join(line for line in text.split("\n") if line != _DROP)
    if cfg.optimizer in ADAMS:
        text = _exact_option(text)
    if not steered:
        return text
    text = _steered_loop(text)
    return _continued_schedules(text) if SCHEDULE_LEG in steered else text


def _swapped(text: str, swaps) -> str:
    """``text`` with each (old, new) of ``swaps`` replaced; a missing ``old`` means the loop
    they edit has changed, and the script would silently not do what it says."""
    for old, new in swaps:
        if old not in text:
            raise AssertionError(f"the training loop changed: {old.strip()!r} is gone")
        text = text.replace(old, new)
    return text


def _exact_option(text: str) -> str:
    """``--exact``: Adam's step in nndesk's order (``update_exact``), for the app's numbers to
    the last bit; without it the textbook ``update`` (walk59 D16)."""
    swaps = (
        ('    parser.add_argument("--seed", type=int, default=SEED, help=f"default {SEED}")\n',
         '    parser.add_argument("--seed", type=int, default=SEED, help=f"default {SEED}")\n'
         '    parser.add_argument("--exact", action="store_true",\n'
         '                        help="nndesk\'s order of operations: the app\'s numbers to the '
         'last digit")\n'),
        ("    opt = {}  # the optimizer's state (moments, velocities, step count)\n",
         "    opt = {}  # the optimizer's state (moments, velocities, step count)\n"
         "    step_with = update_exact if args.exact else update  # textbook unless --exact\n"),
        ("            update(params, backward(params, cache, dlogits), opt, lr)\n",
         "            step_with(params, backward(params, cache, dlogits), opt, lr)\n"),
    )  # fmt: skip
    return _swapped(text, swaps)


def _steered_loop(text: str) -> str:
    """The training loop replaying ``CHANGES`` at their batches (``snippets.STEER``)."""
    swaps = (
        ("    for epoch in range(1, args.epochs + 1):\n"
         "        lr = learning_rate(epoch - 1, args.epochs)  # schedules count epochs from 0\n",
         "    steering, lr_fixed = steering_table(CHANGES), None\n"
         "    for epoch in range(1, args.epochs + 1):\n"
         "        for name, value in steering.pop((epoch, 0), []):  # batch sizes: between epochs\n"
         "            steer(name, value)\n"
         "        batch = n if BATCH_SIZE == 0 else min(BATCH_SIZE, n)\n"
         "        # schedules count epochs from 0; a rate set by hand stays (the app's rule)\n"
         "        lr = learning_rate(epoch - 1, args.epochs) if lr_fixed is None else lr_fixed\n"),
        ("        for start in range(0, n, batch):\n"
         "            idx = order[start : start + batch]\n",
         "        for b, start in enumerate(range(0, n, batch), start=1):\n"
         "            for name, value in steering.pop((epoch, b), []):\n"
         "                if name == \"LR\":\n"
         "                    lr = lr_fixed = value\n"
         "                    if lr is None:  # the rate given back to the schedule\n"
         "                        lr = learning_rate(epoch - 1, args.epochs)\n"
         "                else:\n"
         "                    steer(name, value)\n"
         "            idx = order[start : start + batch]\n"),
    )  # fmt: skip
    return _swapped(text, swaps)


def _continued_schedules(text: str) -> str:
    """The loop of a continued run whose continuations set their own schedule (``CHANGES``'s
    SCHEDULE rows, ``continued.SCHEDULE_LEG``): the schedule counts from ``schedule_from`` over
    ``schedule_epochs``, the first run's own until a continuation sets another."""
    rate = "learning_rate(epoch - schedule_from, schedule_epochs)"
    swaps = (
        ("    steering, lr_fixed = steering_table(CHANGES), None\n",
         "    steering, lr_fixed = steering_table(CHANGES), None\n"
         "    # the first run's schedule spans its own epochs; a continuation sets its own\n"
         "    schedule_from, schedule_epochs = 1, SCHEDULE_EPOCHS\n"),
        ("        lr = learning_rate(epoch - 1, args.epochs) if lr_fixed is None else lr_fixed\n",
         f"        lr = {rate} if lr_fixed is None else lr_fixed\n"),
        ("                if name == \"LR\":\n",
         "                if name == \"SCHEDULE\":  # (FROM, EPOCHS, RATE): a continuation's\n"
         "                    schedule_from, schedule_epochs, base = value\n"
         "                    steer(\"LEARNING_RATE\", base)\n"
         f"                    lr, lr_fixed = {rate}, None\n"
         "                elif name == \"LR\":\n"),
        ("                        lr = learning_rate(epoch - 1, args.epochs)\n",
         f"                        lr = {rate}\n"),
    )  # fmt: skip
    return _swapped(text, swaps)


_PROGRESS = """\
            done = start + len(yb)
            if (start // batch + 1) % 20 == 0 or done == n:  # a CNN epoch is slow: show progress
                left = (time.perf_counter() - t0) / done * (n - done) / 60  # minutes, at this pace
                print(f"  {done}/{n} images  loss {loss_sum / done:.4f}  ~{left:.0f} min left",
                      flush=True)"""
_DROP = "<drop this line>"  # a placeholder left empty: its line goes
