"""nndesk's version, as the installed package says it (About, ``nndesk --version``)."""

from __future__ import annotations

from importlib import metadata

import nndesk


def nndesk_version() -> str:
    """The version of the installed distribution; the source tree's own number when nndesk
    runs from a checkout that was never installed (pyproject reads it from there too)."""
    try:
        return metadata.version("nndesk")
    except metadata.PackageNotFoundError:
        return nndesk.__version__
