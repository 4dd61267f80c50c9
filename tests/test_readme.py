"""The README renders as written: each picture is a paragraph of its own."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"
IMAGE = re.compile(r"^!\[[^\]]*\]\([^)]+\)\s*$")


def test_every_picture_stands_in_a_paragraph_of_its_own():
    """The walk: the window-vi.png line was followed at once by " Translations are Qt's: …",
    so Markdown drew the picture and that text as one paragraph."""
    lines = README.read_text(encoding="utf-8").splitlines()
    pictures = [i for i, line in enumerate(lines) if IMAGE.match(line)]
    assert pictures, "the README shows the window"
    glued = [
        f"line {i + 1}: {lines[i]!r} is followed by {lines[i + 1]!r}"
        for i in pictures
        if i + 1 < len(lines) and lines[i + 1].strip() and not IMAGE.match(lines[i + 1])
    ]
    glued += [
        f"line {i + 1}: {lines[i]!r} follows {lines[i - 1]!r}"
        for i in pictures
        if i > 0 and lines[i - 1].strip() and not IMAGE.match(lines[i - 1])
    ]
    assert not glued, "leave a blank line around each picture:\n  " + "\n  ".join(glued)
