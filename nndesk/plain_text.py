"""Text read from a file (a run's title, a folder's name) made fit to show in the window.

A run.json is the user's to edit or share, so its strings may be a megabyte long, hold newlines
(a legend line across the chart), a bell, or U+202E (which reverses the text after it on screen:
"(lr → 0.0003)" was drawn "(3000.0 → rl)"). ``one_line`` gives one short line of what a person
can read: control, format (bidi) and separator characters become spaces, runs of spaces one, and
the rest is cut with "…". Qt-free and matplotlib-free.
"""

from __future__ import annotations

import unicodedata

#: Unicode categories never shown: controls (newline, BEL, ESC), format characters (the bidi
#: overrides and isolates, zero-width ones), lone surrogates, line and paragraph separators.
HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
ELLIPSIS = "…"
NBSP = "\u00a0"


def one_line(text: str, limit: int = 200) -> str:
    """``text`` as one line of at most ``limit`` characters, without control or bidi characters.

    Only the first few times ``limit`` characters are looked at, so a megabyte costs what a
    line does.
    """
    text = str(text)
    head = text[: 4 * limit + 64]
    shown = "".join(" " if unicodedata.category(c) in HIDDEN_CATEGORIES else c for c in head)
    # a no-break space stays: the window's words keep "-1 đến 1" on one line with it
    line = " ".join(shown.replace(NBSP, "\0").split()).replace("\0", NBSP).strip(NBSP)
    if len(line) > limit or (len(text) > len(head) and text[len(head) :].strip()):
        return line[: max(limit - 1, 0)].rstrip() + ELLIPSIS
    return line
