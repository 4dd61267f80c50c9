"""A run's colour: kept in its record, the same in the Runs chart, its exported picture and the
race it was a lane of. No Qt.

Charts coloured runs by their place among the runs compared (``RUN_COLORS`` in start order), so
lanes 2 and 4 of a race compared alone took the first two colours, not the race's (fixW's
limit, fixM). A run now keeps the colour it was given when made (``RunStore.create``: a race
lane its lane's, any other run the next of the palette); a chart gives each run its own, a
record written before colours were kept the colour of its place, as before, and a colour two
runs of one chart share (the palette has seven) to the first of them only."""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Colours for overlaid runs (tab10 without the live-plot blue/red pair first); here, not in
#: ``curves.style``, so that reading a run record never imports matplotlib
RUN_COLORS = ("#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22")

_HEX = re.compile(r"#[0-9a-f]{6}")


def colour_read(value) -> str | None:
    """A stored colour as a chart takes it ("#2ca02c", lower case), None for anything else
    (none stored, or edited into something no chart draws): the run is then coloured as a
    record without one."""
    if not isinstance(value, str) or len(value) != 7:
        return None
    value = value.lower()
    return value if _HEX.fullmatch(value) else None


def lane_colour(lane: int) -> str:
    """The colour of a race's lane ``lane`` (0-based), as its chart draws it."""
    return RUN_COLORS[lane % len(RUN_COLORS)]


def nth_colour(n: int) -> str:
    """The colour of the ``n``-th run made (0-based): runs made one after another differ."""
    return RUN_COLORS[n % len(RUN_COLORS)]


def chart_colours(stored: Sequence[str | None]) -> list[str]:
    """Each run's colour in a chart of runs whose stored colours are ``stored`` (in the
    chart's order): its own, unless a run before it in the chart has it; a run without one
    (or whose own is taken) the colour of its place, as charts coloured every run before,
    else the first colour no run of the chart has."""
    colours: list[str | None] = [None] * len(stored)
    taken: set[str] = set()
    for i, colour in enumerate(stored):
        own = colour_read(colour)
        if own is not None and own not in taken:
            colours[i] = own
            taken.add(own)
    for i, colour in enumerate(colours):
        if colour is not None:
            continue
        placed = RUN_COLORS[i % len(RUN_COLORS)]
        if placed in taken:
            placed = next((c for c in RUN_COLORS if c not in taken), placed)
        colours[i] = placed
        taken.add(placed)
    return [c for c in colours if c is not None]
