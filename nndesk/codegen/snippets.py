"""The fixed parts of an exported NumPy script, one snippet per job, as plain text.

Snippets are ``string.Template`` texts (``$NAME`` placeholders), so the code inside them keeps its
own braces for f-strings. ``numpy_script`` picks the ones an experiment needs and fills them in.
"""

from __future__ import annotations

IMPORTS_SMALL_BLAS = """\
import argparse
import gzip
import math
import os
import struct
import time

# the matrices of a small MLP are small: one BLAS thread is faster than several waiting on each
# other (nndesk does the same); set before NumPy loads, and only where you have not set it yourself
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402  (after the thread settings above)"""

IMPORTS_THREADS = """\
import argparse
import gzip
import math
import os
import struct
import time

# nndesk trained this network on the BLAS threads its Threads setting asked for: as many here give
# the same sums to the last bit (how a product is split over threads changes them); set before
# NumPy loads, and only where you have not set it yourself
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "$THREADS")

import numpy as np  # noqa: E402  (after the thread settings above)"""

IMPORTS_NUMPY_LAST = """\
import argparse
import gzip
import math
import os
import struct
import time

# NumPy (np) is imported at the end of this file: how many threads its matrix products use is
# chosen there first, as it must be before NumPy loads. The functions use np once main() runs."""

#: the end of a script whose BLAS threads follow the machine's load (``IMPORTS_NUMPY_LAST``):
#: out of the lesson's way, before ``if __name__ == "__main__"`` (walk59 D16: ~35 lines about
#: /proc/stat opened the file handed to students)
BLAS_BY_LOAD = '''\
# -- before NumPy loads: how many threads BLAS may use --------------------------------------------
def idle_cores():
    """Cores other programs leave free now, measured as nndesk measures them when a run starts."""
    cores = os.cpu_count() or 1
    try:
        idle = cores - os.getloadavg()[0]
    except (AttributeError, OSError):
        idle = 0.0
    looks = []
    try:
        while idle < cores - 0.5 and len(looks) < 2:  # busy: what the machine did over 0.1 s
            time.sleep(0.1 if looks else 0)
            with open("/proc/stat") as f:  # user nice system idle iowait irq softirq steal
                t = [int(v) for v in f.readline().split()[1:9]]
            busy = (sum(t) - t[3] - t[4]) / os.sysconf("SC_CLK_TCK") - time.process_time()
            looks.append((busy, time.perf_counter()))
    except (AttributeError, OSError, ValueError, IndexError):
        return idle
    if len(looks) < 2:
        return idle
    (busy0, t0), (busy1, t1) = looks
    return cores - max(0.0, busy1 - busy0) / (t1 - t0)


# nndesk gives this network's wide products every core when the machine has one to spare as the
# run starts, and one BLAS thread when it has none: the same rule here gives the app's sums to
# the last bit; set before NumPy loads, and only where you have not set it yourself
if idle_cores() < 0.5:
    for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(_var, "1")

import numpy as np  # noqa: E402  (after the thread settings above)'''

IMPORTS = """\
import argparse
import gzip
import math
import os
import struct
import time

import numpy as np"""

IDX = '''\
def read_idx(path, ndim):
    """One IDX file (gzipped or raw) -> uint8 array with ``ndim`` axes, every size checked."""
    with open(path, "rb") as f:
        gzipped = f.read(2) == b"\\x1f\\x8b"
    with (gzip.open if gzipped else open)(path, "rb") as f:
        raw = f.read(MAX_IDX_BYTES + 1)  # a bounded read: a hostile file cannot fill memory
    header = 4 + 4 * ndim  # two zero bytes, type code, number of axes, then one uint32 per axis
    if len(raw) > MAX_IDX_BYTES or len(raw) < header:
        raise SystemExit(f"{path}: not an IDX file of a sane size")
    zero, code, axes = struct.unpack(">HBB", raw[:4])
    if zero != 0 or code != 0x08 or axes != ndim:
        raise SystemExit(f"{path}: expected an IDX file of unsigned bytes with {ndim} axes")
    shape = struct.unpack(f">{ndim}I", raw[4:header])
    if ndim == 3 and shape[1:] != (28, 28):
        raise SystemExit(f"{path}: images are {shape[1]}x{shape[2]}, expected 28x28")
    if math.prod(shape) != len(raw) - header:
        raise SystemExit(f"{path}: the header promises {math.prod(shape)} bytes, the file has "
                         f"{len(raw) - header}")
    return np.frombuffer(raw, np.uint8, offset=header).reshape(shape)


def find_idx(data_dir, stem):
    """``stem`` (.gz or raw; Kaggle's .idx spelling too) in ``data_dir`` or its sub-folder."""
    for folder in [os.path.join(data_dir, sub) for sub in FOLDER_NAMES] + [data_dir]:
        for name in [s + z for s in (stem, stem.replace("-idx", ".idx")) for z in (".gz", "")]:
            if os.path.isfile(os.path.join(folder, name)):
                return os.path.join(folder, name)
    raise SystemExit(f"{stem}.gz not found in {data_dir} or in its {FOLDER_NAMES[0]}/ folder")


def load_data(data_dir):
    """Train and test images uint8 (n, 28, 28) and labels int64 (n,)."""
    out = []
    for split in ("train", "t10k"):
        images = read_idx(find_idx(data_dir, f"{split}-images-idx3-ubyte"), 3)
        labels = read_idx(find_idx(data_dir, f"{split}-labels-idx1-ubyte"), 1).astype(np.int64)
        if len(labels) != len(images) or labels.max(initial=0) >= len(CLASS_NAMES):
            raise SystemExit(f"{split}: {len(images)} images but {len(labels)} labels, "
                             f"or a label outside 0..{len(CLASS_NAMES) - 1}")
        out += [images, labels]
    return out'''

SPLIT = '''\
def stratified_split(labels, fraction, rng):
    """Hold out ``fraction`` of every class for validation; (kept, held) sorted index arrays."""
    classes, counts = np.unique(labels, return_counts=True)
    quota = fraction * counts
    take = np.floor(quota).astype(np.int64)
    short = round(fraction * len(labels)) - int(take.sum())
    take[np.argsort(-(quota - take), kind="stable")[:short]] += 1  # largest remainders first
    held = [rng.choice(np.flatnonzero(labels == k), size=int(t), replace=False)
            for k, t in zip(classes, take) if t]
    held = np.sort(np.concatenate(held)) if held else np.zeros(0, np.int64)
    keep = np.ones(len(labels), bool)
    keep[held] = False
    return np.flatnonzero(keep), held'''

AUGMENT = '''\
def augment(x, rng):
    """Shift (up to AUG_SHIFT px), rotate (up to AUG_ROTATE degrees) and zoom (1 +- AUG_SCALE)
    every image of a batch.

    x is float32 (n, 784) with ink brighter than background; pixels that come from outside the
    image take that image's background (its minimum). Bilinear resampling, no loop over images.
    """
    n = len(x)
    shifts = rng.uniform(-AUG_SHIFT, AUG_SHIFT, size=(n, 2))
    angles = rng.uniform(-AUG_ROTATE, AUG_ROTATE, size=n)
    scales = rng.uniform(1 - AUG_SCALE, 1 + AUG_SCALE, size=n)
    theta = np.deg2rad(angles.astype(np.float32)).reshape(n, 1)
    inv_s = (1 / scales.astype(np.float32)).reshape(n, 1)
    cos, sin = np.cos(theta) * inv_s, np.sin(theta) * inv_s
    grid = np.arange(28, dtype=np.float32) - 13.5  # pixel offsets from the centre
    ux = np.tile(grid, 28) - shifts[:, :1].astype(np.float32)  # (n, 784) where each output pixel
    uy = np.repeat(grid, 28) - shifts[:, 1:].astype(np.float32)  # reads from, before rotating
    src_x = np.clip(cos * ux - sin * uy + 13.5 + 1, 0, 29)  # +1: a frame of background
    src_y = np.clip(sin * ux + cos * uy + 13.5 + 1, 0, 29)
    planes = x.reshape(n, 28, 28)
    framed = np.empty((n, 30, 30), np.float32)
    framed[...] = planes.min(axis=(1, 2))[:, None, None]
    framed[:, 1:-1, 1:-1] = planes
    x0, y0 = np.minimum(np.floor(src_x), 28), np.minimum(np.floor(src_y), 28)
    fx, fy = src_x - x0, src_y - y0
    flat = framed.reshape(-1)
    i00 = (y0 * 30 + x0).astype(np.int32) + (np.arange(n, dtype=np.int32) * 900)[:, None]
    top = flat[i00] * (1 - fx) + flat[i00 + 1] * fx
    bottom = flat[i00 + 30] * (1 - fx) + flat[i00 + 31] * fx
    return (top * (1 - fy) + bottom * fy).astype(np.float32)'''

SIGMOID = '''\
def sigmoid(z):
    """1 / (1 + exp(-z)), written with tanh so that it cannot overflow."""
    return 0.5 * (1 + np.tanh(0.5 * z))'''

SOFTMAX = '''\
def softmax(z):
    """Row-wise softmax of (n, k) logits; the row max is subtracted so exp() cannot overflow."""
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)'''

CONV = '''\
def conv2d(x, w, b, padding):
    """Cross-correlate x (n, c, h, w) with kernels w (f, c, k, k): (n, f, oh, ow), by im2col.

    Returns the output and the column matrix (one row per output pixel) that backward needs.
    """
    n, c, h, wd = x.shape
    f, _, k, _ = w.shape
    x = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    oh, ow = h + 2 * padding - k + 1, wd + 2 * padding - k + 1
    cols = np.empty((n, oh, ow, c, k, k), x.dtype)
    for i in range(k):
        for j in range(k):
            cols[..., i, j] = x[:, :, i : i + oh, j : j + ow].transpose(0, 2, 3, 1)
    cols = cols.reshape(n * oh * ow, c * k * k)
    out = cols @ w.reshape(f, -1).T + b  # (n*oh*ow, c*k*k) @ (c*k*k, f) -> (n*oh*ow, f)
    return out.reshape(n, oh, ow, f).transpose(0, 3, 1, 2), cols


def conv2d_backward(g, cols, w, x_shape, padding, input_grad=True):
    """From g = dL/dout (n, f, oh, ow): dL/dx (None unless input_grad), dL/dw, dL/db."""
    n, c, h, wd = x_shape
    f, _, k, _ = w.shape
    oh, ow = g.shape[2:]
    g = g.transpose(0, 2, 3, 1).reshape(-1, f)  # (n*oh*ow, f)
    dw = (g.T @ cols).reshape(w.shape)  # (f, n*oh*ow) @ (n*oh*ow, c*k*k)
    db = g.sum(axis=0)
    if not input_grad:
        return None, dw, db
    dcols = (g @ w.reshape(f, -1)).reshape(n, oh, ow, c, k, k)
    dx = np.zeros((n, c, h + 2 * padding, wd + 2 * padding), g.dtype)
    for i in range(k):
        for j in range(k):
            dx[:, :, i : i + oh, j : j + ow] += dcols[..., i, j].transpose(0, 3, 1, 2)
    return dx[:, :, padding : padding + h, padding : padding + wd], dw, db'''

POOL = '''\
def maxpool2(x):
    """2x2 max-pool, stride 2: (n, c, h, w) -> (n, c, h // 2, w // 2), an odd last row or column
    dropped. Also returns which of the 4 cells of each window won (the first one on ties)."""
    n, c, h, w = x.shape
    h2, w2 = h // 2, w // 2
    win = x[:, :, : 2 * h2, : 2 * w2].reshape(n, c, h2, 2, w2, 2).transpose(0, 1, 2, 4, 3, 5)
    win = win.reshape(n, c, h2, w2, 4)
    winner = win.argmax(axis=-1)
    return np.take_along_axis(win, winner[..., None], axis=-1)[..., 0], winner


def maxpool2_backward(g, winner, x_shape):
    """Send g (n, c, h2, w2) back to the cell that won each window; the other three get 0."""
    n, c, h, w = x_shape
    h2, w2 = g.shape[2:]
    d = (np.arange(4) == winner[..., None]) * g[..., None]  # (n, c, h2, w2, 4)
    d = d.reshape(n, c, h2, w2, 2, 2).transpose(0, 1, 2, 4, 3, 5).reshape(n, c, 2 * h2, 2 * w2)
    dx = np.zeros(x_shape, g.dtype)
    dx[:, :, : 2 * h2, : 2 * w2] = d
    return dx'''

BATCHNORM = '''\
def batch_norm(x, gamma, beta, state, name, training, momentum, eps):
    """Normalise each channel of x (n, c, h, w) with the batch's statistics (training) or the
    running ones (evaluation), then scale by gamma and shift by beta (c,)."""
    if training:
        mean = x.mean(axis=(0, 2, 3))
        xc = x - mean[:, None, None]
        var = (xc * xc).mean(axis=(0, 2, 3))  # biased: the batch is normalised with this one
        m = x.shape[0] * x.shape[2] * x.shape[3]
        state[name + "_mean"] = momentum * state[name + "_mean"] + (1 - momentum) * mean
        state[name + "_var"] = momentum * state[name + "_var"] + (1 - momentum) * var * m / (m - 1)
    else:
        xc = x - state[name + "_mean"][:, None, None]
        var = state[name + "_var"]
    inv_std = (1 / np.sqrt(var + eps)).astype(x.dtype)
    xhat = xc * inv_std[:, None, None]
    return xhat * gamma[:, None, None] + beta[:, None, None], xhat, inv_std


def batch_norm_backward(g, xhat, inv_std, gamma):
    """dL/dx, dL/dgamma, dL/dbeta from g = dL/dout (n, c, h, w) (batch statistics depend on x)."""
    dgamma, dbeta = (g * xhat).sum(axis=(0, 2, 3)), g.sum(axis=(0, 2, 3))
    g_mean = g.mean(axis=(0, 2, 3))[:, None, None]
    gx_mean = (g * xhat).mean(axis=(0, 2, 3))[:, None, None]
    return (gamma * inv_std)[:, None, None] * (g - g_mean - xhat * gx_mean), dgamma, dbeta'''

INITS = {
    "he": '''\
def he_normal(rng, shape, fan_in):
    """He initialisation: normal with variance 2 / fan_in (suits ReLU-like units)."""
    return (rng.standard_normal(shape) * np.sqrt(2.0 / fan_in)).astype(np.float32)''',
    "xavier": '''\
def glorot_uniform(rng, shape, fan_in, fan_out):
    """Xavier/Glorot initialisation: uniform in +-sqrt(6 / (fan_in + fan_out))."""
    limit = np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-limit, limit, size=shape).astype(np.float32)''',
    "lecun": '''\
def lecun_normal(rng, shape, fan_in):
    """LeCun initialisation: normal with variance 1 / fan_in."""
    return (rng.standard_normal(shape) * np.sqrt(1.0 / fan_in)).astype(np.float32)''',
    "zeros": '''\
def zeros_init(rng, shape, fan_in):
    """All-zero weights."""
    return np.zeros(shape, np.float32)''',
}

EVALUATE = '''\
def evaluate(p, state, x, y, chunk=2048):
    """Mean loss and accuracy on (x, y), ``chunk`` images at a time, in evaluation mode."""
    total, correct = 0.0, 0
    for start in range(0, len(y), chunk):
        logits, _ = forward(p, state, x[start : start + chunk], training=False)
        total += loss_and_grad(logits, y[start : start + chunk])[0] * len(logits)
        correct += int((logits.argmax(axis=1) == y[start : start + chunk]).sum())
    return total / len(y), correct / len(y)'''

STEERING_TABLE = '''\
def steering_table(changes):
    """CHANGES by (epoch, batch): the changes to make before that batch (a batch size before
    its epoch's first batch, at batch 0)."""
    table = {}
    for epoch, batch, name, value in changes:
        table.setdefault((epoch, 0 if name == "BATCH_SIZE" else batch), []).append((name, value))
    return table'''

_STEER_FUNCTION = '''\
def steer(name, value):
    """One change of the record: the module setting ``name`` takes ``value`` from now on."""
    globals()[name] = value'''

STEER = STEERING_TABLE + "\n\n\n" + _STEER_FUNCTION

MAIN = """\
def main():
    parser = argparse.ArgumentParser(description=" ".join(__doc__.split("\\n\\n")[0].split()))
    parser.add_argument("--data-dir", required=True, help="folder with the four IDX files")
    parser.add_argument("--epochs", type=int, default=EPOCHS, help=f"default {EPOCHS}")
    parser.add_argument("--seed", type=int, default=SEED, help=f"default {SEED}")
    parser.add_argument("--limit", type=int, default=0, metavar="N",
                        help="the first N training and N test images only: a quick check")
    args = parser.parse_args()
    if args.epochs < 1:
        parser.error("--epochs must be at least 1")
    if args.limit and args.limit < 100:
        parser.error("--limit must be 0 (every image) or at least 100")

    train_images, train_labels, test_images, test_labels = load_data(args.data_dir)
    if args.limit:  # a quick check that the script runs, not the experiment's numbers
        train_images, train_labels = train_images[: args.limit], train_labels[: args.limit]
        test_images, test_labels = test_images[: args.limit], test_labels[: args.limit]
$SPLIT_CALL
$NORMALIZE_CALL
    x_test, y_test = normalize(test_images$NORM_ARGS), test_labels
    params, state = init_network(args.seed)
    opt = {}  # the optimizer's state (moments, velocities, step count)
    n = len(y_train)
    batch = $BATCH_EXPR
    print(f"{DATASET}: {n} training images, batch {batch}, epochs {args.epochs}, seed {args.seed}")
$AUGMENT_RNG
    for epoch in range(1, args.epochs + 1):
        lr = learning_rate(epoch - 1, args.epochs)  # schedules count epochs from 0
        $ORDER_LINE
        loss_sum, correct, t0 = 0.0, 0, time.perf_counter()
        for start in range(0, n, batch):
            idx = order[start : start + batch]
            xb, yb = x_train[idx], y_train[idx]
$AUGMENT_CALL
            logits, cache = forward(params, state, xb, training=True)
            loss, dlogits = loss_and_grad(logits, yb)
            if not math.isfinite(loss):
                raise SystemExit(f"loss became {loss} in epoch {epoch}; try a lower learning rate")
            correct += int((logits.argmax(axis=1) == yb).sum())  # before the update, like loss
            update(params, backward(params, cache, dlogits), opt, lr)
            loss_sum += loss * len(yb)
$PROGRESS
$VAL_LINE
        print(f"epoch {epoch}/{args.epochs}  loss {loss_sum / n:.4f}  acc {correct / n:.2%}"
              f"{val}  lr {lr:.3g}  {time.perf_counter() - t0:.1f}s", flush=True)

    test_loss, test_accuracy = evaluate(params, state, x_test, y_test)
    if args.limit:
        print(f"--limit {args.limit}: the first {len(y_test)} test images, not the whole test set")
    print(f"test loss {test_loss:.4f}")
    print(f"test_accuracy={test_accuracy:.4f}")


if __name__ == "__main__":
    main()"""
