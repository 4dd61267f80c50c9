"""A run keeps its colour (fixM): stored in its record when made, drawn in it by every chart of
runs; a record without one coloured by its place, as every run was before."""

from __future__ import annotations

from nndesk.run_colours import RUN_COLORS, chart_colours, colour_read, lane_colour
from nndesk.runs import RunStore


def test_records_without_a_colour_are_coloured_by_their_place_as_before():
    assert chart_colours([None, None, None]) == list(RUN_COLORS[:3])
    assert chart_colours([None] * 9)[7:] == list(RUN_COLORS[:2])  # the palette again


def test_a_run_keeps_its_own_colour_whichever_runs_are_compared():
    second, fourth = lane_colour(1), lane_colour(3)
    assert chart_colours([second, fourth]) == [second, fourth]
    assert chart_colours([fourth, None]) == [fourth, RUN_COLORS[1]]
    # a run without one does not take a colour a compared run has: the next free one
    assert chart_colours([None, RUN_COLORS[0]]) == [RUN_COLORS[1], RUN_COLORS[0]]


def test_two_runs_of_one_colour_in_a_chart_are_told_apart():
    both = chart_colours([RUN_COLORS[2], RUN_COLORS[2]])
    assert both[0] == RUN_COLORS[2] and both[1] != RUN_COLORS[2]


def test_a_colour_is_read_only_as_a_chart_draws_it():
    assert colour_read("#FF7F0E") == "#ff7f0e"
    for bad in (None, 3, "", "red", "#12345", "#1234567", "#gggggg", ["#2ca02c"]):
        assert colour_read(bad) is None


def test_runs_made_in_turn_differ_in_colour_and_keep_it_when_read_again(tmp_path):
    store = RunStore(tmp_path / "runs")
    made = [store.create({"dataset": "mnist", "arch": "784-10"}) for _ in range(3)]
    for record in made:
        record.release_lock()
    assert len({r.colour for r in made}) == 3 and all(r.colour in RUN_COLORS for r in made)
    lane = store.create({"dataset": "mnist", "arch": "784-10"}, colour=lane_colour(3))
    lane.release_lock()
    listed = {r.run_id: r.colour for r in store.list()}
    assert listed == {r.run_id: r.colour for r in (*made, lane)}
    assert listed[lane.run_id] == RUN_COLORS[3]
