"""Architecture strings: parsing, one-line errors, and the models they build."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nndesk.errors import ConfigError
from nndesk.nn.architecture import build_model, canonical_architecture, parse_architecture


def test_parse_mlp_string():
    assert parse_architecture("784-64-64-10") == [
        ("input", 784),
        ("dense", 64),
        ("dense", 64),
        ("dense", 10),
    ]


def test_parse_cnn_string_with_kernel_pool_and_batch_norm():
    assert parse_architecture("784-c32-bn-p-c64k5-p-128-10") == [
        ("input", 784),
        ("conv", 32, 3, 1),
        ("bn",),
        ("pool", 2),
        ("conv", 64, 5, 2),
        ("pool", 2),
        ("dense", 128),
        ("dense", 10),
    ]


def test_a_trailing_v_makes_a_valid_conv_that_shrinks_the_map():
    tokens = parse_architecture("784-c32v-p-c64k5v-p-128-10")
    assert tokens[1] == ("conv", 32, 3, 0)
    assert tokens[3] == ("conv", 64, 5, 0)
    model = build_model("784-c32v-p-c64k5v-p-128-10", rng=np.random.default_rng(0))
    convs = [layer for layer in model.layers if layer.name == "Conv2D"]
    assert [c.padding for c in convs] == [0, 0]
    # 28 -> 26 (3x3 valid) -> 13 (pool) -> 9 (5x5 valid) -> 4 (pool drops the odd row)
    flat = next(layer for layer in model.layers if layer.name == "Dense")
    assert flat.params["W"].shape == (64 * 4 * 4, 128)
    x = np.random.default_rng(1).random((3, 784), dtype=np.float32)
    assert model.forward(x).shape == (3, 10)


@pytest.mark.parametrize(
    ("arch", "message"),
    [
        ("784-64-6x-10", "layer 2: '6x' is not a width"),
        ("", "empty architecture"),
        ("784", "at least inputs and classes"),
        ("abc-10", "layer 0: 'abc' is not an input size"),
        ("784-64--10", "layer 2: empty token"),
        ("784-64-c32-10", "layer 2: 'c32' cannot follow a dense layer"),
        ("784-c32-p", "last layer must be the number of classes"),
        ("784-0-10", "width must be 1 to 16384, got 0"),
        ("784-99999-10", "width must be 1 to 16384, got 99999"),
        ("784-" + "9" * 5000 + "-10", "width must be 1 to 16384, got 9999"),
        ("٧٨٤-10", "digits 0-9"),
        ("784-²-10", "digits 0-9"),
        ("784-c2000-10", "too big"),
        ("784-c8k99-10", "too big"),
        ("784-" + "8-" * 70 + "10", "at most 64"),
        ("784-c32k4-10", "odd kernel size"),
        ("784-c32x-10", "layer 1: 'c32x' is not a width, cN, cNkK, cNv, p or bn"),
        ("100-c8-10", "conv layers need 784 inputs"),
        # probe 33 F9: the character that is wrong is named
        ("784–16–10", "– \\(en dash\\) is not the '-' that separates layers"),
        ("784−16-10", "− \\(minus sign\\) is not the '-'"),
        ("784-16‐10", "hyphen\\) is not the '-'"),
        ('"784-16-10', 'the quote " is not part of an architecture'),
        ("784-16-10’", "the quote ’ is not part"),
        ("784 16 10", "'784 16 10' holds a space; layers are separated by '-'"),
        ("784-c32 p-10", "'c32 p' holds a space"),
    ],
)
def test_bad_architecture_strings_give_a_one_line_reason(arch, message):
    with pytest.raises(ConfigError, match=message) as info:
        parse_architecture(arch)
    assert "\n" not in str(info.value)


def test_build_mlp_puts_activation_and_dropout_after_each_hidden_dense_only():
    model = build_model(
        "784-64-32-10", activation="tanh", dropout=0.2, rng=np.random.default_rng(0)
    )
    names = [layer.name for layer in model.layers]
    assert names == ["Dense", "Tanh", "Dropout", "Dense", "Tanh", "Dropout", "Dense"]
    assert model.output == "softmax"


def test_build_model_is_reproducible_from_the_generator_alone():
    a = build_model("784-16-10", dropout=0.5, rng=np.random.default_rng(5))
    b = build_model("784-16-10", dropout=0.5, rng=np.random.default_rng(5))
    for (_, pa, _), (_, pb, _) in zip(a.parameters(), b.parameters(), strict=True):
        np.testing.assert_array_equal(pa, pb)
    assert a.config() == b.config()
    c = build_model("784-16-10", rng=np.random.default_rng(6))
    assert not np.array_equal(a.parameters()[0][1], c.parameters()[0][1])


def test_auto_init_is_he_for_relu_and_xavier_for_tanh():
    relu = build_model("784-16-10", activation="relu", rng=np.random.default_rng(0))
    tanh = build_model("784-16-10", activation="tanh", rng=np.random.default_rng(0))
    assert relu.layers[0].init == "he" and tanh.layers[0].init == "xavier"
    lecun = build_model("784-16-10", init="lecun", rng=np.random.default_rng(0))
    assert lecun.layers[0].init == "lecun"


def test_build_cnn_starts_with_reshape_and_flattens_before_the_first_dense():
    model = build_model("784-c8-p-c16k5-bn-p-32-10", rng=np.random.default_rng(0))
    names = [layer.name for layer in model.layers]
    assert names == [
        "Reshape", "Conv2D", "MaxPool2D", "ReLU", "Conv2D", "ReLU", "BatchNorm2D", "MaxPool2D",
        "Flatten", "Dense", "ReLU", "Dense",
    ]  # fmt: skip
    shapes = [shape for _, shape, _ in model.summary_rows()]
    assert shapes[0] == (1, 28, 28) and shapes[2] == (8, 14, 14) and shapes[8] == (16 * 7 * 7,)
    x = np.random.default_rng(1).random((2, 784), dtype=np.float32)
    assert model.predict_proba(x).shape == (2, 10)


def test_pooling_before_the_activation_computes_the_textbook_conv_relu_pool():
    from nndesk.nn.model import Sequential

    model = build_model("784-c4-p-10", rng=np.random.default_rng(0))
    reshape, conv, pool, relu, flatten, dense = model.layers
    textbook = Sequential([reshape, conv, relu, pool, flatten, dense])
    x = np.random.default_rng(1).standard_normal((3, 784)).astype(np.float32)
    np.testing.assert_allclose(model.forward(x), textbook.forward(x), rtol=1e-6, atol=1e-6)


def test_build_cnn_with_prelu_gives_one_slope_per_channel():
    model = build_model("784-c4-p-10", activation="prelu", rng=np.random.default_rng(0))
    assert model.layers[2].params["alpha"].shape == (4,)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"activation": "swish"}, "unknown activation"),
        ({"output": "tanh"}, "unknown output"),
        ({"init": "orthogonal"}, "unknown init"),
        ({"dropout": 1.0}, "dropout must be"),
    ],
)
def test_build_model_rejects_bad_settings(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        build_model("784-16-10", rng=np.random.default_rng(0), **kwargs)


@pytest.mark.parametrize(
    "arch",
    ["784-64-64-10", "784-c32-p-c64-p-128-10", "784-c32-bn-p-c64-bn-p-256-10", "784-c8k5v-p-10"],
)
def test_parameter_count_from_the_string_matches_the_built_model(arch):
    from nndesk.nn.architecture import parameter_count

    model = build_model(arch, rng=np.random.default_rng(0))
    assert parameter_count(parse_architecture(arch)) == model.param_count()


ARCH_TEXT = st.text(alphabet="0123456789cpbnkv -–−‐'\"\tC", max_size=24) | st.sampled_from(
    ["784-16 -10", " 784 - C32 - p - 10 ", "784-16-10"]
)


@settings(max_examples=300, deadline=None)
@given(ARCH_TEXT)
def test_any_architecture_text_parses_like_its_one_spelling_or_is_refused(arch):
    """Probe 33 F9: '784-16 -10' trained, and its title, record and model file said so with the
    space. Spaces around '-' and upper case are one spelling (TrainConfig keeps it); anything
    else is refused in one line, as every other typo is."""
    from nndesk.training import TrainConfig

    try:
        tokens = parse_architecture(arch)
    except ConfigError as err:
        assert "\n" not in str(err)
        with pytest.raises(ConfigError):
            parse_architecture(canonical_architecture(arch))
        return
    spelled = canonical_architecture(arch)
    assert parse_architecture(spelled) == tokens
    assert spelled == spelled.strip().lower() and " -" not in spelled and "- " not in spelled
    assert TrainConfig(arch=arch).arch == spelled
