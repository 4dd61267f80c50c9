"""How a status-bar line ranks against the one showing: a plain ``str`` replaces it (what the
user just did, or a page's news); a ``Progress`` line waits while a ``Notice`` is read.

A run that was stopped with a rate set and never used said "Not used: lr 3. The run ended
before its next batch." — and within a second "Testing the model…", "Calibrating…", "Saving the
model…" and "Model saved: …" had each taken its place: no one read it (verify67 #2). The run's
progress lines now come as ``Progress``, the line to read as ``Notice``, and the status bar
(``ElidingStatusBar.show_ranked``) holds a notice for ``reading_ms`` before the newest progress
line that came meanwhile shows.

Both are ``str`` (they compare, format and print as their text); a Qt signal carries them as
they are only when it is declared ``Signal(object)`` (``Signal(str)`` makes a plain ``str``).
"""

from __future__ import annotations

#: ms per word a notice is held: 150 words a minute, a slow reader's pace in a second language
MS_PER_WORD = 400
#: the least a notice is held, however short: a glance from the page to the status bar
NOTICE_LEAST_MS = 5000


class Progress(str):
    """A line on work under way ("Testing the model…", "Saving the model…", "Model saved: …"
    after a run): while a notice is held it waits, and the newest shows once the notice is read
    (an older one is no longer true then)."""

    __slots__ = ()


class Notice(str):
    """A line the user must read ("Not used: lr 3. The run ended before its next batch."):
    shown for ``reading_ms`` before a progress line may take its place; a notice coming while
    another is held is shown after it."""

    __slots__ = ()


def reading_ms(text: str) -> int:
    """How long ``text`` is held as a notice: ``MS_PER_WORD`` a word, ``NOTICE_LEAST_MS`` at
    least (10 words: 5 s)."""
    return max(NOTICE_LEAST_MS, MS_PER_WORD * len(text.split()))
