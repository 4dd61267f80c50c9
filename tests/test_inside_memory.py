"""The Inside page's choices as the settings file keeps them (fixW #4): written, read back
whole; anything else a hand-edited file holds reads as unset, never as an error."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nndesk.inside_memory import InsideChoice, choice_text, read_choice, read_selection


@pytest.mark.parametrize(
    "choice",
    [
        InsideChoice(),
        InsideChoice(("dense", 3, 17), 1, -7),
        InsideChoice(("pixel", 0, 5, 12, 3), 0, 20),
    ],
)
def test_a_choice_reads_back_as_it_was_written(choice):
    assert read_choice(choice_text(choice)) == choice


@pytest.mark.parametrize(
    "value",
    [
        None,
        "",
        "not json",
        "[]",
        '{"selection": ["dense", 1]}',
        '{"selection": ["pixel", 1, 2, 3]}',
        '{"selection": ["dense", -1, 2]}',
        '{"selection": ["dense", true, 2]}',
        '{"selection": ["dense", 1.5, 2]}',
        '{"selection": ["other", 1, 2]}',
        '{"tab": 2, "temperature": 21}',
        '{"tab": "1", "temperature": "-3"}',
        "[" * 5000,
        7,
        ["dense", 1, 2],
    ],
)
def test_what_the_page_cannot_show_reads_as_unset(value):
    assert read_choice(value) == InsideChoice()


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=6) | st.dictionaries(st.text(max_size=12), inner),
    max_leaves=20,
)


@settings(max_examples=60, deadline=None)
@given(
    st.one_of(
        json_values.map(json.dumps),
        st.fixed_dictionaries(
            {"selection": json_values, "tab": json_values, "temperature": json_values}
        ).map(json.dumps),
        st.text(max_size=200),
        json_values,
    )
)
def test_any_value_of_the_file_reads_as_a_choice_the_page_can_show(value):
    choice = read_choice(value)
    assert choice.tab in (0, 1) and -20 <= choice.temperature <= 20
    selection = choice.selection
    if selection is not None:
        assert read_selection(list(selection)) == selection
        assert selection[0] in ("dense", "pixel") and len(selection) in (3, 5)
        assert all(isinstance(n, int) and n >= 0 for n in selection[1:])
