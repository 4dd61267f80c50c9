"""Write an experiment as one standalone Python file that needs only NumPy.

The script follows nndesk's recipe step by step and draws its random numbers from the same seeded
streams (``np.random.default_rng([seed, purpose, ...])``: 1 validation split, 2 initial weights,
3 shuffle per epoch, 4 augmentation), so with the same seed and data it trains the same network on
the same batches. An MLP's arithmetic is also nndesk's, operation for operation and in the same
order (the loss's float64 sums, the L2 term, the clip's norm over one flat gradient), so its
losses are the app's to the last bit. Adam's step is written twice (walk59 D16): ``update``, the
textbook form students are taught (m_hat, v_hat), which rounds differently at every step, and
over a few thousand steps that moves the last digits (fashion-mlp-lab on an AVX-512 Xeon: epoch
2's loss 0.3800 against the app's 0.3797, test accuracy 87.22 % against 87.17 %); and
``update_exact``, nndesk's order (the moments kept as decaying sums), which the script's
``--exact`` runs for the app's numbers. A CNN's
convolutions stay plain im2col (nndesk's fused, split and Winograd routes round differently):
close, not identical. The header says in each script which of these holds for it.

This module puts the script together; its parts are written by ``script_header`` (the
docstring), ``script_settings`` (the constants), ``script_network`` (initial weights, forward,
backward), ``script_optimizer`` (loss, schedule, update step) and ``script_loop`` (input
scaling and ``main``), from the fixed pieces in ``snippets``; ``script_lines`` keeps lines
within 99 characters.
"""

from __future__ import annotations

from string import Template

from nndesk.codegen import (
    script_header,
    script_loop,
    script_network,
    script_optimizer,
    script_settings,
    snippets,
)
from nndesk.codegen.continued import SCHEDULE_LEG, spans_first_run
from nndesk.codegen.experiment import Experiment
from nndesk.codegen.network import is_convolutional, network_steps
from nndesk.codegen.words import Words


def numpy_script(
    experiment: Experiment,
    command: str,
    words: Words | None = None,
    file_name: str | None = None,
) -> str:
    """The whole script for ``experiment``; ``command`` (how it was made) goes in its header.
    ``words`` gives its comments, docstrings and messages a language (English by default);
    ``file_name``: the name it is written under, in the header's "Run it" line."""
    words = words or Words()
    cfg = experiment.config
    steered = frozenset(c.name for c in experiment.changes)
    if spans_first_run(experiment):  # the schedule leg by leg (a continued run's)
        steered |= {SCHEDULE_LEG}
    steps = network_steps(cfg)
    conv = is_convolutional(steps)
    forward_code = script_network.forward(steps, steered)
    backward_code = script_network.backward(steps)
    threads = script_header.blas_threads(cfg, steps)
    # the thread rule measures the machine's load in ~35 lines: at the end, out of the lesson's way
    by_load = threads is None and not conv
    imports = (
        (snippets.IMPORTS if conv else snippets.IMPORTS_NUMPY_LAST)
        if threads is None
        else snippets.IMPORTS_SMALL_BLAS
        if not cfg.threads
        else Template(snippets.IMPORTS_THREADS).substitute(THREADS=threads)
    )
    parts = [
        imports,
        script_settings.settings(experiment, steered, words),
        snippets.IDX,
    ]
    if cfg.val_fraction > 0:
        parts.append(snippets.SPLIT)
    parts.append(script_loop.normalize(cfg))
    if script_settings.augments(cfg, steered):
        parts.append(snippets.AUGMENT)
    needs_sigmoid = cfg.output == "sigmoid" or any(
        s.kind == "act" and s.spec["name"] == "sigmoid" for s in steps
    )
    if needs_sigmoid:
        parts.append(snippets.SIGMOID)
    if cfg.loss == "mse" and cfg.output == "softmax":
        parts.append(snippets.SOFTMAX)
    if conv:
        parts.append(snippets.CONV)
    if any(s.kind == "pool" for s in steps):
        parts.append(snippets.POOL)
    if any(s.kind == "bn" for s in steps):
        parts.append(snippets.BATCHNORM)
    for init in sorted({s.spec["init"] for s in steps if s.kind in ("conv", "dense")}):
        parts.append(snippets.INITS[init])
    parts += [
        script_network.init_network(steps),
        forward_code,
        backward_code,
        script_optimizer.loss(cfg),
        script_optimizer.schedule(cfg),
        script_optimizer.optimizer(cfg, steered),
        snippets.EVALUATE,
    ]
    if experiment.changes:
        parts.append(snippets.STEER)
    main = script_loop.main(cfg, steered)
    if by_load:  # NumPy loads after the thread rule, at the end, before main() runs
        main, guard = main.split(_MAIN_GUARD)
        parts += [main.rstrip("\n"), snippets.BLAS_BY_LOAD, _MAIN_GUARD.lstrip("\n") + guard]
    else:
        parts.append(main)
    code = words.code("\n\n\n".join(parts))
    return script_header.header(experiment, command, steps, words, file_name) + "\n\n" + code + "\n"


#: the last lines of ``main``'s snippet: the thread rule goes before them
_MAIN_GUARD = '\n\n\nif __name__ == "__main__":'
