"""The network's code in an exported script: ``init_network`` (the initial weights, drawn in the
order nndesk draws them), ``forward`` (one line a layer, with the shapes in comments) and
``backward`` (the gradients, layer by layer from the loss back)."""

from __future__ import annotations

import re

from nndesk.codegen.network import Step, shape_text
from nndesk.codegen.script_lines import fit_line
from nndesk.codegen.script_settings import INIT_STREAM

_INIT_CALL = {
    "he": "he_normal({rng}, {shape}, fan_in={fan_in})",
    "xavier": "glorot_uniform({rng}, {shape}, fan_in={fan_in}, fan_out={fan_out})",
    "lecun": "lecun_normal({rng}, {shape}, fan_in={fan_in})",
    "zeros": "zeros_init({rng}, {shape}, fan_in={fan_in})",
}


def _param(s: Step, name: str) -> str:
    """The key of a parameter in the script's ``p`` dict: W1/b1 for dense, conv1_W, bn1_gamma..."""
    if s.kind == "dense":
        return f"{name}{s.number}"
    if s.kind == "act":
        return f"{s.spec['after']}{s.number}_alpha"
    return f"{s.kind}{s.number}_{name}"


def init_network(steps: list[Step]) -> str:
    """``init_network(seed)``: the parameters and layer state, one line or two a layer."""
    lines = [
        "def init_network(seed):",
        '    """Parameters p and layer state, drawn from one seed in the order nndesk draws."""',
        f"    rng = np.random.default_rng([seed, {INIT_STREAM}])  # nndesk's stream for weights",
        "    p = {}",
        '    state = {"dropout_rngs": []}  # one mask generator per dropout layer'
        if any(s.kind == "dropout" for s in steps)
        else "    state = {}  # what layers keep besides their parameters: nothing here",
    ]
    for s in steps:
        if s.kind == "dense":
            i, o, init = s.spec["in"], s.spec["out"], s.spec["init"]
            call = _INIT_CALL[init].format(rng="rng", shape=f"({i}, {o})", fan_in=i, fan_out=o)
            W, b = _param(s, "W"), _param(s, "b")
            both = f'    p["{W}"], p["{b}"] = {call}, np.zeros({o}, np.float32)'
            if len(both) <= 99:
                lines.append(both)
            else:
                lines.append(f'    p["{W}"] = {call}')
                lines.append(f'    p["{b}"] = np.zeros({o}, np.float32)')
        elif s.kind == "conv":
            c, f, k, init = (s.spec[key] for key in ("in_channels", "filters", "kernel", "init"))
            call = _INIT_CALL[init].format(
                rng="conv_rng", shape=f"({f}, {c}, {k}, {k})", fan_in=c * k * k, fan_out=f * k * k
            )
            lines.append(
                "    conv_rng = np.random.default_rng(int(rng.integers(2**31 - 1)))"
                "  # a seed of its own"
            )
            lines.append(f'    p["{_param(s, "W")}"] = {call}  # (filters, channels, k, k)')
            lines.append(f'    p["{_param(s, "b")}"] = np.zeros({f}, np.float32)')
        elif s.kind == "act" and s.spec["name"] == "prelu":
            n, a0 = s.spec["features"], s.spec["init"]
            lines.append(
                f'    p["{_param(s, "alpha")}"] = np.full({n}, {a0!r}, np.float32)'
                "  # PReLU's negative slopes"
            )
        elif s.kind == "bn":
            c = s.spec["channels"]
            lines.append(f'    p["{_param(s, "gamma")}"] = np.ones({c}, np.float32)')
            lines.append(f'    p["{_param(s, "beta")}"] = np.zeros({c}, np.float32)')
            lines.append(f'    state["bn{s.number}_mean"] = np.zeros({c}, np.float32)')
            lines.append(f'    state["bn{s.number}_var"] = np.ones({c}, np.float32)')
        elif s.kind == "dropout":
            lines.append(
                '    state["dropout_rngs"].append(np.random.default_rng(int(rng.integers(2**31 - 1))))'  # noqa: E501
            )
    lines.append("    return p, state")
    return "\n".join(lines)


def _act_forward(s: Step, x: str, out: str) -> list[str]:
    name, shape = s.spec["name"], shape_text(s.out_shape)
    if name == "relu":
        return [f"{out} = np.maximum({x}, 0)  # ReLU {shape}"]
    if name == "sigmoid":
        return [f"{out} = sigmoid({x})  # sigmoid {shape}"]
    if name == "tanh":
        return [f"{out} = np.tanh({x})  # tanh {shape}"]
    if name == "leaky_relu":
        return [f"{out} = np.where({x} > 0, {x}, {s.spec['alpha']!r} * {x})  # leaky ReLU {shape}"]
    if name == "elu":
        a = s.spec["alpha"]
        return [f"{out} = np.where({x} > 0, {x}, {a!r} * np.expm1(np.minimum({x}, 0)))  # ELU"]
    alpha = f'p["{_param(s, "alpha")}"]' + ("[:, None, None]" if s.spatial else "")
    return [f"{out} = np.where({x} > 0, {x}, {x} * {alpha})  # PReLU {shape}: learned slopes"]


def _act_backward(s: Step, x: str, out: str) -> list[str]:
    name = s.spec["name"]
    if name == "relu":
        return [f"g = g * ({x} > 0)  # ReLU: slope 1 where its input was positive, else 0"]
    if name == "sigmoid":
        return [f"g = g * {out} * (1 - {out})  # sigmoid' = s (1 - s)"]
    if name == "tanh":
        return [f"g = g * (1 - {out} ** 2)  # tanh' = 1 - tanh^2"]
    if name == "leaky_relu":
        return [f"g = np.where({x} > 0, g, {s.spec['alpha']!r} * g)  # leaky ReLU"]
    if name == "elu":
        a = s.spec["alpha"]
        return [f"g = g * np.where({x} > 0, 1, {out} + {a!r})  # ELU' = out + alpha below 0"]
    key = _param(s, "alpha")
    axes = "(0, 2, 3)" if s.spatial else "0"
    alpha = f'p["{key}"]' + ("[:, None, None]" if s.spatial else "")
    return [
        f'grads["{key}"] = (g * np.where({x} > 0, 0, {x})).sum(axis={axes})  # dL/dslope',
        f"g = np.where({x} > 0, g, g * {alpha})  # PReLU",
    ]


def forward(steps: list[Step], steered: frozenset = frozenset()) -> str:
    """``forward(p, state, x, training)``: the logits and the cache ``backward`` reads."""
    lines = [
        "def forward(p, state, x, training):",
        f'    """x {shape_text(steps[0].in_shape)} -> logits {shape_text(steps[-1].out_shape)}, '
        'and the values backward needs."""',
        f"    h0 = x  # {shape_text(steps[0].in_shape)}",
    ]
    dropout_index = 0
    for i, s in enumerate(steps, start=1):
        x, out = f"h{i - 1}", f"h{i}"
        ins, outs = shape_text(s.in_shape), shape_text(s.out_shape)
        if s.kind == "images":
            lines.append(f"    {out} = {x}.reshape(-1, 1, 28, 28)  # {ins} -> {outs} images")
        elif s.kind == "dense":
            W, b = _param(s, "W"), _param(s, "b")
            lines.append(
                f'    {out} = {x} @ p["{W}"] + p["{b}"]  # dense {s.number}: {ins} @ '
                f"({s.spec['in']}, {s.spec['out']}) -> {outs}"
            )
        elif s.kind == "act":
            if i >= 2 and steps[i - 2].kind == "pool":
                lines.append(
                    "    # the activation after the max-pool: the same numbers as before it,"
                )
                lines.append("    # computed on 4x fewer values (nndesk's order)")
            lines += ["    " + line for line in _act_forward(s, x, out)]
        elif s.kind == "dropout":
            rate = s.spec["rate"]
            # a run whose dropout was steered reads the rate in force: DROPOUT
            said = "DROPOUT of the" if "dropout" in steered else f"{rate:.0%} of the"
            value = "DROPOUT" if "dropout" in steered else repr(rate)
            lines += [
                f"    if training:  # inverted dropout: zero {said} units, scale the rest",
                f'        m{i} = state["dropout_rngs"][{dropout_index}].random({x}.shape, '
                f"dtype=np.float32) >= {value}",
                f"        m{i} = m{i} * np.float32(1 / (1 - {value}))",
                f"        {out} = {x} * m{i}",
                "    else:",
                f"        m{i}, {out} = None, {x}",
            ]
            dropout_index += 1
        elif s.kind == "flatten":
            lines.append(f"    {out} = {x}.reshape(len({x}), -1)  # {ins} -> {outs}")
        elif s.kind == "conv":
            W, b, k = _param(s, "W"), _param(s, "b"), s.spec["kernel"]
            lines.append(
                f'    {out}, cols{i} = conv2d({x}, p["{W}"], p["{b}"], padding={s.spec["padding"]})'
                f"  # conv {s.number}: {k}x{k} kernels, {ins} -> {outs}"
            )
        elif s.kind == "pool":
            lines.append(f"    {out}, winner{i} = maxpool2({x})  # max-pool: {ins} -> {outs}")
        elif s.kind == "bn":
            lines.append(
                f'    {out}, xhat{i}, inv_std{i} = batch_norm({x}, p["{_param(s, "gamma")}"], '
                f'p["{_param(s, "beta")}"], state, "bn{s.number}", training, '
                f"momentum={s.spec['momentum']!r}, eps={s.spec['eps']!r})  # {outs}"
            )
    backward_names = sorted(set(re.findall(r'c\["(\w+)"\]', backward(steps))), key=_natural)
    cache = ", ".join(f'"{name}": {name}' for name in backward_names)
    lines.append(f"    return h{len(steps)}, {{{cache}}}")
    return "\n".join(fit_line(line) for line in lines)


def _natural(name: str) -> tuple:
    m = re.fullmatch(r"([a-z_]+)(\d+)", name)
    return (int(m.group(2)), m.group(1)) if m else (0, name)


def backward(steps: list[Step]) -> str:
    """``backward(p, c, g)``: every parameter's gradient, from the last layer to the first."""
    first = next(i for i, s in enumerate(steps, start=1) if s.kind in ("dense", "conv"))
    lines = [
        "def backward(p, c, g):",
        '    """Gradients of the loss for every parameter, from g = dL/dlogits and the cache c."""',
        "    grads = {}",
    ]
    for i in range(len(steps), first - 1, -1):
        s = steps[i - 1]
        x, out = f'c["h{i - 1}"]', f'c["h{i}"]'
        last = i == first  # dL/dx of the network's input is never needed
        if s.kind == "dense":
            W, b, n_in, n_out = _param(s, "W"), _param(s, "b"), s.spec["in"], s.spec["out"]
            lines += [
                f'    grads["{W}"] = {x}.T @ g  # dense {s.number}: ({n_in}, n) @ (n, {n_out}) -> '
                f"({n_in}, {n_out})",
                f'    grads["{b}"] = g.sum(axis=0)  # ({n_out},)',
            ]
            if not last:
                lines.append(
                    f'    g = g @ p["{W}"].T  # (n, {n_out}) @ ({n_out}, {n_in}) -> (n, {n_in})'
                )
        elif s.kind == "act":
            lines += ["    " + line for line in _act_backward(s, x, out)]
        elif s.kind == "dropout":
            lines.append(f'    g = g * c["m{i}"]  # dropout: the same units stay off')
        elif s.kind == "flatten":
            lines.append(f"    g = g.reshape({x}.shape)  # back to {shape_text(s.in_shape)}")
        elif s.kind == "conv":
            W, b = _param(s, "W"), _param(s, "b")
            lines.append(
                f'    g, grads["{W}"], grads["{b}"] = conv2d_backward(g, c["cols{i}"], p["{W}"], '
                f"{x}.shape, padding={s.spec['padding']}" + (", input_grad=False)" if last else ")")
            )
        elif s.kind == "pool":
            lines.append(f'    g = maxpool2_backward(g, c["winner{i}"], {x}.shape)')
        elif s.kind == "bn":
            lines.append(
                f'    g, grads["{_param(s, "gamma")}"], grads["{_param(s, "beta")}"] = '
                f'batch_norm_backward(g, c["xhat{i}"], c["inv_std{i}"], p["{_param(s, "gamma")}"])'
            )
    lines.append("    return grads")
    return "\n".join(fit_line(line) for line in lines)
