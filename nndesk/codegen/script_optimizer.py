"""An exported script's loss (``loss_and_grad``), learning-rate schedule (``learning_rate``) and
optimizer step (``update``), each written for the experiment's one choice and in nndesk's order
of operations, so an MLP's steps are the app's to the last bit. Adam and AdamW are the
exception: ``update`` is the textbook step (Kingma & Ba's m_hat and v_hat, what students see in
class, walk59 D16) and ``update_exact`` the same step in nndesk's order, which the script's
``--exact`` runs to give the app's numbers to the last bit."""

from __future__ import annotations

from nndesk.training import TrainConfig


def loss(cfg: TrainConfig) -> str:
    """``loss_and_grad(logits, y)`` for the experiment's loss and output."""
    if cfg.loss == "ce":
        return '''\
def loss_and_grad(logits, y):
    """Softmax cross-entropy, mean over the batch, and its gradient dL/dlogits (n, k)."""
    n = len(y)
    shifted = logits - logits.max(axis=1, keepdims=True)  # exp() cannot overflow
    picked = shifted[np.arange(n), y]  # each image's true class
    e = np.exp(shifted)
    total = e.sum(axis=1, keepdims=True)
    # -log softmax = log(total) - picked, the two sums taken apart in float64 as nndesk does
    loss = float(np.log(total).sum(dtype=np.float64) - picked.sum(dtype=np.float64)) / n
    grad = e / (total * n)  # softmax(logits) / n
    grad[np.arange(n), y] -= 1 / n
    return loss, grad'''
    if cfg.loss == "bce":
        return '''\
def loss_and_grad(logits, y):
    """Binary cross-entropy of sigmoid(logits) against one-hot targets (Keras'
    binary_crossentropy), mean over batch and classes, and dL/dlogits (n, k)."""
    t = np.eye(logits.shape[1], dtype=logits.dtype)[y]  # one-hot (n, k)
    # max(z, 0) - z t + log(1 + e^-|z|) = -t log s - (1 - t) log(1 - s), without overflow
    per = np.maximum(logits, 0) - logits * t + np.log1p(np.exp(-np.abs(logits)))
    return float(np.mean(per, dtype=np.float64)), (sigmoid(logits) - t) / logits.size'''
    if cfg.output == "linear":  # the logits are the outputs: nothing to chain through
        return '''\
def loss_and_grad(logits, y):
    """Mean squared error between the logits and one-hot targets, and dL/dlogits (n, k)."""
    t = np.eye(logits.shape[1], dtype=logits.dtype)[y]  # one-hot (n, k)
    diff = logits - t
    return float(np.mean(diff * diff, dtype=np.float64)), diff * np.float32(2 / logits.size)'''
    out = "softmax" if cfg.output == "softmax" else "sigmoid"
    chain = (
        "g = (g - (g * a).sum(axis=1, keepdims=True)) * a  # through softmax"
        if cfg.output == "softmax"
        else "g = g * (a * (1 - a))  # through the sigmoid"
    )
    return f'''\
def loss_and_grad(logits, y):
    """Mean squared error between {out}(logits) and one-hot targets, and dL/dlogits (n, k)."""
    t = np.eye(logits.shape[1], dtype=logits.dtype)[y]  # one-hot (n, k)
    a = {out}(logits)
    diff = a - t
    g = diff * np.float32(2 / logits.size)  # dL/da
    {chain}
    return float(np.mean(diff * diff, dtype=np.float64)), g'''


def schedule(cfg: TrainConfig) -> str:
    """``learning_rate(epoch, epochs)`` for the experiment's schedule."""
    head = "def learning_rate(epoch, epochs):\n"
    if cfg.schedule == "constant":
        return head + '    """The same rate every epoch."""\n    return LEARNING_RATE'
    if cfg.schedule == "step":
        return (head + '    """Times GAMMA every STEP_EPOCHS epochs (epoch counts from 0)."""\n'
                "    return LEARNING_RATE * GAMMA ** (epoch // STEP_EPOCHS)")  # fmt: skip
    if cfg.schedule == "exp":
        return (head + '    """Constant for CONSTANT_EPOCHS epochs, then times exp(-DECAY_RATE) '
                'per epoch."""\n'
                "    if epoch < CONSTANT_EPOCHS:\n        return LEARNING_RATE\n"
                "    return LEARNING_RATE * math.exp(-DECAY_RATE * (epoch - CONSTANT_EPOCHS + 1))")  # fmt: skip  # noqa: E501
    return (head + '    """Half a cosine from LEARNING_RATE at epoch 0 down to MIN_LR after the last."""\n'  # noqa: E501
            "    frac = min(epoch, epochs) / epochs\n"
            "    return MIN_LR + 0.5 * (LEARNING_RATE - MIN_LR) * (1 + math.cos(math.pi * frac))")  # fmt: skip  # noqa: E501


def optimizer(cfg: TrainConfig, steered: frozenset = frozenset()) -> str:
    """``update(p, grads, opt, lr)``: one step of the experiment's optimizer, in place; for
    Adam and AdamW the textbook step, then ``update_exact``, the same in nndesk's order."""
    if cfg.optimizer not in ADAMS:
        return _update(cfg, steered, "update")
    return _update(cfg, steered, "update") + "\n\n\n" + _update(cfg, steered, "update_exact")


#: the optimizers whose script has a textbook ``update`` and nndesk's ``update_exact``
ADAMS = ("adam", "adamw")

#: the textbook Adam step (Kingma & Ba), each line as it is written in class
_TEXTBOOK_ADAM = [
    "# running means of g and of g^2 (Adam's first and second moments)",
    'm = opt[k + ".m"] = BETA1 * opt.get(k + ".m", 0) + (1 - BETA1) * g',
    'v = opt[k + ".v"] = BETA2 * opt.get(k + ".v", 0) + (1 - BETA2) * g * g',
    "m_hat = m / (1 - BETA1**t)  # bias correction: m and v start at 0",
    "v_hat = v / (1 - BETA2**t)",
    "w -= lr * m_hat / (np.sqrt(v_hat) + EPS)",
]

#: nndesk's Adam step: the moments kept as sums without their (1 - BETA) factors, the two
#: corrections folded into ``c`` and ``step`` (nndesk.nn.optimizers.Adam)
_EXACT_ADAM = [
    'm = opt[k + ".m"] = BETA1 * opt.get(k + ".m", 0) + g  # (Kingma & Ba\'s m) / (1 - BETA1)',
    'v = opt[k + ".v"] = BETA2 * opt.get(k + ".v", 0) + g * g  # their v / (1 - BETA2)',
    "w -= m / (np.sqrt(v) + EPS / c) * step  # lr * m_hat / (sqrt(v_hat) + EPS)",
]


def _update(cfg: TrainConfig, steered: frozenset, function: str) -> str:
    """The function ``function``: ``update``, or for Adam ``update_exact`` (nndesk's order)."""
    name = cfg.optimizer
    exact = function == "update_exact"
    doc = {
        "gd": "One gradient-descent step (the batch: the whole training set)",
        "sgd": "One SGD step",
        "momentum": "One step of SGD with momentum (Keras' form)",
        "nesterov": "One step of SGD with Nesterov momentum",
        "rmsprop": "One RMSProp step",
        "adam": "One Adam step (Kingma & Ba, with bias correction)",
        "adamw": "One AdamW step (weight decay applied to the weights, not the gradient)",
    }[name]
    lines = [f"def {function}(p, grads, opt, lr):", f'    """{doc}, in place."""']
    if exact:
        lines[1] = (
            '    """The same step as update, in nndesk\'s order of operations (--exact): it rounds '
            "as the app\n    rounds, so the script trains to the app's numbers to the last "
            'digit."""'
        )
    if name in ADAMS:
        lines.append('    opt["t"] = t = opt.get("t", 0) + 1  # steps taken')
    if exact:
        lines += [
            "    c = math.sqrt((1 - BETA2) / (1 - BETA2**t))  # sqrt(v_hat) = c * sqrt(v)",
            "    step = lr * (1 - BETA1) / ((1 - BETA1**t) * c)  # lr * m_hat / c = step * m",
        ]
    if cfg.clip_norm is not None:
        lines += [
            "    flat = np.concatenate([grads[k].ravel() for k in p])  # in the parameters' order",
            "    norm = math.sqrt(float(np.vdot(flat, flat)))",
            "    scale = CLIP_NORM / norm if norm > CLIP_NORM else 1.0  # clip the global norm",
        ]
    lines.append("    for k, w in p.items():")
    lines.append(
        "        g = grads[k] * scale" if cfg.clip_norm is not None else "        g = grads[k]"
    )
    l2 = cfg.l2 > 0 or "l2" in steered
    if l2 and name != "adamw":
        lines += [
            "        if w.ndim >= 2:  # weight matrices and kernels; not biases, slopes or scales",
            "            g = g + 2 * L2 * w  # the gradient of L2 * sum(w**2)",
        ]
    if name == "adamw" and l2:
        lines += [
            "        if w.ndim >= 2:  # decoupled decay of weight matrices and kernels",
            "            w -= w * (lr * (2 * L2))",
        ]
    body = {
        "gd": ["w -= lr * g"],
        "sgd": ["w -= lr * g"],
        "momentum": ['v = opt[k] = MOMENTUM * opt.get(k, 0) - lr * g', "w += v"],
        "nesterov": ['v = opt[k] = MOMENTUM * opt.get(k, 0) - lr * g',
                     "w -= lr * g  # look ahead along the velocity: w + MOMENTUM * v - lr * g",
                     "w += MOMENTUM * v"],
        "rmsprop": ['s = opt[k] = RHO * opt.get(k, 0) + g * g * (1 - RHO)  # running mean of g^2',
                    "w -= g / (np.sqrt(s) + EPS) * lr"],
        "adam": _EXACT_ADAM if exact else _TEXTBOOK_ADAM,
    }  # fmt: skip
    body["adamw"] = body["adam"]
    lines += ["        " + line for line in body[name]]
    if l2:  # nndesk's optimizers.flush_small_parameters: the same entries after each decayed step
        flush = "w[np.abs(w) < 2.0**-40] = 0  # no subnormals: x86 multiplies them 10x slower"
        if "l2" in steered:
            lines += ["        if L2 > 0:", "            " + flush]
        else:
            lines.append("        " + flush)
    return "\n".join(lines)
