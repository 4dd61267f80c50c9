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


PRESETS_DOC = README.parent / "docs" / "presets.md"
PRESET_ROW = re.compile(r"^\| `([a-z0-9-]+)` \| ([^|]+) \|")


def _preset_rows(path: Path) -> list[tuple[str, str]]:
    from nndesk.presets import PRESETS

    rows = [PRESET_ROW.match(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [(m[1], m[2].strip()) for m in rows if m and m[1] in PRESETS]


def test_a_variant_row_of_a_preset_on_all_60000_images_says_how_many_it_trains_on():
    """walk48 D9: `fashion-mlp-128` read "the same [as fashion-mlp-lab] with 128 neurons", but
    the lab trains on all 60,000 images and the variant holds 10 % out for validation; so the
    width comparison also changed the training set, unsaid."""
    from nndesk.presets import PRESETS

    unsaid = []
    for path in (README, PRESETS_DOC):
        rows = _preset_rows(path)
        assert len(rows) == len(PRESETS), f"{path.name} has a row for every preset"
        reference = None
        for name, text in rows:
            variant = text.startswith(("the same", "beats"))
            if not variant:
                reference = (name, text)
                continue
            fraction = PRESETS[name].config.val_fraction
            kept = f"{round(60_000 * (1 - fraction)):,}"
            on_all = "all 60,000" in reference[1]
            if on_all and fraction > 0 and kept not in text:
                unsaid.append(f"{path.name}: {name} ({kept} images) vs {reference[0]}")
    assert not unsaid, "say the training-set size:\n  " + "\n  ".join(unsaid)


def test_the_set_up_says_how_to_make_a_venv_where_the_system_python_refuses_pip():
    """walk55b D7: `pip install -e .` on Debian 12 / Ubuntu's own Python ends in
    "externally-managed-environment", and the README never said "venv"."""
    text = README.read_text(encoding="utf-8")
    set_up = text[text.index("## Set-up") : text.index("## What you can do")]
    assert "externally-managed-environment" in set_up
    assert "python3 -m venv .venv && . .venv/bin/activate" in set_up
    assert ".venv\\Scripts\\activate" in set_up and "python3-venv" in set_up
