"""Command line. With no sub-command it opens the window; sub-commands never import Qt."""

from __future__ import annotations

import argparse
import sys


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="nndesk", description=__doc__)
    parser.add_subparsers(dest="command")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if not argv:
        from nndesk.app import run  # Qt is imported only here

        return run()
    build_parser().parse_args(argv)
    return 0
