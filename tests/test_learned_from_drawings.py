"""``Classifier.learned_from_drawings`` reads what a model file says of its training's
sketches; the file is the user's, so any value it holds gives an answer, never an error."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nndesk.inference import Classifier

_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)


def _with(tiny_model_file, info: dict) -> Classifier:
    return replace(Classifier.from_file(tiny_model_file), info=info)


def test_the_share_and_a_steered_change_say_it(tiny_model_file):
    assert _with(tiny_model_file, {"config": {"sketch": 0.0}}).learned_from_drawings is False
    assert _with(tiny_model_file, {"config": {"sketch": 0.3}}).learned_from_drawings is True
    steered = {
        "config": {"sketch": 0.0},
        "changes": [{"x": 0.5, "epoch": 1, "batch": 10, "name": "sketch", "value": 0.2}],
    }
    assert _with(tiny_model_file, steered).learned_from_drawings is True
    assert _with(tiny_model_file, {}).learned_from_drawings is None
    assert _with(tiny_model_file, {"config": {"sketch": True}}).learned_from_drawings is None


@settings(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(config=_json, changes=_json)
def test_any_value_a_file_holds_gives_an_answer(tiny_model_file, config, changes):
    # the fixture is only read: one file for every example
    answer = _with(tiny_model_file, {"config": config, "changes": changes}).learned_from_drawings
    assert answer in (True, False, None)
