"""What a model is, in a few words (nndesk/model_labels.py), from a header or a run's record."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nndesk.model_labels import ModelFacts

JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=300),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner),
    max_leaves=12,
)


def test_a_header_says_its_dataset_layers_and_test_accuracy():
    info = {
        "dataset": "fashion",
        "config": {"dataset": "fashion", "arch": "784-64-64-10"},
        "metrics": {"test_accuracy": 0.8724},
    }
    facts = ModelFacts.of_info(info)
    assert facts == ModelFacts("fashion", "784-64-64-10", 0.8724)
    assert facts.file_stem() == "fashion_784-64-64-10_87.2%"


def test_a_run_stopped_before_its_test_is_untested_not_zero():
    assert ModelFacts("mnist", "784-32-10", None).file_stem() == "mnist_784-32-10_untested"
    assert ModelFacts().file_stem() == "model_untested"


@given(
    st.dictionaries(
        st.sampled_from(["dataset", "config", "metrics", "x"]),
        JSONISH | st.fixed_dictionaries({"arch": JSONISH, "test_accuracy": JSONISH}),
    )
)
def test_any_header_gives_facts_of_the_right_kind_or_none(info):
    """A model file's header is the user's file: anything in it reads as a fact or as none."""
    facts = ModelFacts.of_info(info)
    assert facts.dataset is None or isinstance(facts.dataset, str)
    assert facts.arch is None or isinstance(facts.arch, str)
    assert facts.test_accuracy is None or 0 <= facts.test_accuracy <= 1
    assert facts.file_stem()
