"""The Lab's "switch off" field: a list of hidden units and ranges, typed by a person, so its
parser is held to properties over any text (Hypothesis), in both list styles."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nndesk.ui import language
from nndesk.ui.lab_view import parse_units

LIMIT = 64

spans = st.lists(
    st.tuples(st.integers(0, LIMIT - 1), st.integers(0, 5)).map(
        lambda s: (s[0], min(s[0] + s[1], LIMIT - 1))
    ),
    max_size=8,
)


@settings(max_examples=300, deadline=None)
@given(
    spans,
    st.lists(st.sampled_from([",", ";", ", ", "; ", " ,", " ; ", ",,", ";;"]), min_size=8),
    st.lists(st.sampled_from(["-", "–", " - ", " – "]), min_size=8),
)
def test_units_and_ranges_come_back_whatever_the_list_separator(spans, separators, dashes):
    parts = [str(a) if a == b and i % 2 else f"{a}{dashes[i]}{b}" for i, (a, b) in enumerate(spans)]
    text = "".join(part + separators[i] for i, part in enumerate(parts))
    wanted = sorted({u for a, b in spans for u in range(a, b + 1)})
    assert parse_units(text, LIMIT) == tuple(wanted)


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=st.sampled_from("0123456789,;- –x.\u00a0٣"), max_size=30))
def test_any_text_is_a_sorted_list_of_units_in_range_or_one_refusal(text):
    try:
        units = parse_units(text, LIMIT)
    except ValueError as err:
        assert str(err) and "\n" not in str(err)
        return
    assert list(units) == sorted(set(units))
    assert all(isinstance(u, int) and 0 <= u < LIMIT for u in units)


def test_a_decimal_comma_language_lists_units_with_semicolons_and_its_example_parses(qapp):
    """The Vietnamese Lab wrote "ví dụ 0, 5, 10-20" beside decimal commas ("1,00")."""
    assert language.use_language("vi") == "vi"
    try:
        example = language.translate("LabView", "e.g. 0, 5, 10-20")
    finally:
        language.use_language("en")
    assert "," not in example
    listed = example.split(" ", 2)[-1]
    assert parse_units(listed, 32) == (0, 5, *range(10, 21))
    assert parse_units("0, 5, 10-20", 32) == parse_units("0; 5; 10–20", 32)
    with pytest.raises(ValueError):
        parse_units("1,5", 4)  # not a decimal: unit 5 of 4
