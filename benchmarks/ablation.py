"""The ``--without`` flag the benchmarks share: turn off parts of nndesk's threading rule.

Each benchmark names its parts in a dict of ``name -> function that turns it off``; the rule
itself lives in ``nndesk/training/runtime.py``.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable


def add_without_flag(parser: argparse.ArgumentParser, ablations: dict[str, Callable[[], None]]):
    """Add ``--without NAME`` (repeatable) for the parts in ``ablations``."""
    parser.add_argument(
        "--without",
        choices=sorted(ablations),
        action="append",
        default=[],
        help="train without this part of the threading rule (to measure what it is worth)",
    )


def turn_off(names: list[str], ablations: dict[str, Callable[[], None]]) -> None:
    """Turn off each part named on the command line, before nndesk trains anything."""
    for name in names:
        ablations[name]()
