"""Join two model files of one architecture into one file whose logits are the mean of theirs.

    python -m tools.join_models A.npz B.npz -o JOINED.npz

The members are usually two training runs of one recipe that differ only in their batch order
(``TrainConfig.seed``); ``nndesk.nn.join.join_side_by_side`` lays them side by side (twice the
channels, block-diagonal weights, the last layer stacked and halved). The joined file keeps
member A's header (class names, normalisation, preprocessing, history) with the doubled
architecture and the members named under ``info["joined"]``; it holds no temperature and no test
figures: calibrate it (``nndesk calibrate``) as every shipped file.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import re
import sys
from pathlib import Path

from nndesk.errors import NndeskError
from nndesk.nn.join import join_side_by_side
from nndesk.nn.serialization import load_model, save_model

#: header entries both members must share: the joined network reads images as each of them does
SHARED = ("dataset", "class_names", "normalization", "preprocess")


def doubled_architecture(arch: str) -> str:
    """``784-c32-bn-p-c64-bn-p-512-10`` -> ``784-c64-bn-p-c128-bn-p-1024-10``: every hidden width
    and channel count twice, the input and the outputs kept."""
    tokens = arch.split("-")
    inner = [
        re.sub(r"^(c?)(\d+)$", lambda m: f"{m.group(1)}{2 * int(m.group(2))}", token)
        for token in tokens[1:-1]
    ]
    return "-".join([tokens[0], *inner, tokens[-1]])


def join_files(a: Path, b: Path, out: Path) -> Path:
    """Write the joined model of files ``a`` and ``b`` to ``out``; its path."""
    first, second = load_model(a), load_model(b)
    for key in SHARED:
        if first.info.get(key) != second.info.get(key):
            raise NndeskError(f"{a} and {b} differ in their {key}: they cannot be joined")
    try:
        model = join_side_by_side(first.model, second.model)
    except ValueError as err:
        raise NndeskError(f"{a} and {b} cannot be joined: {err}") from None
    info = copy.deepcopy(first.info)
    for stale in ("calibration", "metrics"):  # the joined network's own are measured anew
        info.pop(stale, None)
    config = info.get("config")
    if isinstance(config, dict) and isinstance(config.get("arch"), str):
        config["arch"] = doubled_architecture(config["arch"])
    info["joined"] = [
        {
            "file": path.name,
            "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
            "seed": loaded.info.get("seed"),
            "test_accuracy": (loaded.info.get("metrics") or {}).get("test_accuracy"),
        }
        for path, loaded in ((a, first), (b, second))
    ]
    return save_model(out, model, info, optimizer=None)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.join_models", description=__doc__)
    parser.add_argument("a", type=Path, help="member A's model file (its header is kept)")
    parser.add_argument("b", type=Path, help="member B's model file")
    parser.add_argument("-o", "--out", type=Path, required=True, help="the joined file")
    args = parser.parse_args(argv)
    try:
        path = join_files(args.a, args.b, args.out)
    except NndeskError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"{path} ({path.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
