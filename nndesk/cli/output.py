"""What the command line writes: one-line errors and warnings, names escaped for a terminal,
strict JSON for ``--json``, and the download progress bars."""

from __future__ import annotations

import json
import math
import re
import sys
import unicodedata
from typing import Any


def warning_line(message, category, filename, lineno, file=None, line=None) -> None:
    """Show a warning as one ``nndesk: warning:`` line, without the source line Python adds."""
    print(f"nndesk: warning: {one_line(str(message))}", file=sys.stderr)


def error(message: str) -> None:
    # one line, always: a multi-line message would look like a traceback to a student
    print(f"nndesk: error: {lower_first_word(one_line(message))}", file=sys.stderr)


def lower_first_word(line: str) -> str:
    """After "nndesk: error:" the line goes on in lower case, as the others do: a sentence
    also written for the window ("Cannot download MNIST: …") loses its capital; a name
    ("MNIST", "Fashion-MNIST's", a path) keeps it."""
    if re.match(r"[A-Z][a-z]+(?![\w'’-])", line):
        return line[0].lower() + line[1:]
    return line


#: A word of a message longer than this (a path 5,000 characters deep) is shortened in the middle.
LONGEST_WORD = 160


def one_line(message: str) -> str:
    """``message`` as one printable line: whitespace runs (newlines too) become one space, very
    long words keep their start and end, and control characters are escaped (``shown``)."""
    words = [
        w if len(w) <= LONGEST_WORD else f"{w[: LONGEST_WORD // 2]}…{w[-LONGEST_WORD // 2 :]}"
        for w in message.split()
    ]
    return shown(" ".join(words))


def shown(text) -> str:
    """``text`` (a path, a name read from a file) as it may go to a terminal: control and
    format characters escaped (an escape sequence in a file name would clear the screen or
    retitle the terminal, a newline would split the line, U+202E would reverse what follows),
    and a byte of a file name that is not UTF-8 shown as ``\\xff`` (printing it raw raised
    UnicodeEncodeError on a UTF-8 terminal)."""
    out = []
    for c in str(text):
        if unicodedata.category(c) not in _HIDDEN:
            out.append(c)
        elif 0xDC80 <= ord(c) <= 0xDCFF:  # os.fsdecode's stand-in for an undecodable byte
            out.append(f"\\x{ord(c) - 0xDC00:02x}")
        else:
            out.append(c.encode("unicode_escape").decode("ascii"))
    return "".join(out)


_HIDDEN = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def wrapped(paragraph: str) -> str:
    """``paragraph`` wrapped to the terminal's width, its later lines indented; a path is never
    cut (at a space only, never a hyphen: "mnist-cnn.npz" stays whole)."""
    import shutil
    import textwrap

    width = max(40, shutil.get_terminal_size().columns - 1)  # a full line would wrap twice
    return textwrap.fill(
        paragraph,
        width,
        subsequent_indent="  ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def strict_json(value):
    """``value`` with every NaN or infinity replaced by None, so ``json.dumps(allow_nan=False)``
    writes strict JSON (``NaN`` is not JSON; many readers refuse it)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: strict_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [strict_json(v) for v in value]
    return value


def print_json(payload: dict) -> None:
    print(json.dumps(strict_json(payload), allow_nan=False), flush=True)


class DownloadBars:
    """A download progress callback drawing one tqdm bar per file (on stderr)."""

    def __init__(self) -> None:
        self._bars: dict[str, Any] = {}

    def __call__(self, filename: str, done: int, total: int | None) -> None:
        from tqdm import tqdm

        bar = self._bars.get(filename)
        if bar is None:
            bar = self._bars[filename] = tqdm(
                total=total,
                desc=filename,
                unit="B",
                unit_scale=True,
                file=sys.stderr,
                leave=True,  # drawn off a terminal too: a download's log names each file
            )
        bar.update(done - bar.n)
        if total is not None and done >= total:
            bar.close()

    def close(self) -> None:
        for bar in self._bars.values():
            bar.close()
