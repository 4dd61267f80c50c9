"""The core's errors in the window's language: templates translated and filled in at the UI's
edge, the CLI's English line unchanged (no Qt here: a stand-in translation is installed)."""

from __future__ import annotations

import errno

import pytest

from nndesk import i18n
from nndesk.errors import DataError, ModelFileError, NndeskError, os_reason, user_message
from nndesk.nn.serialization import load_model

PRETEND = {  # a pretend language: the templates' words in capitals, Vietnamese number marks
    "{file}: not an nndesk model file (it is some other kind of file)": "{file}: NOT A MODEL",
    "The model file cannot be used": "MODEL FILE UNUSABLE",
    "the disk is full": "DISK FULL",
    "{file}: damaged model file ({detail})": "{file}: DAMAGED ({detail})",
    "class name {name!r:.40} holds control characters": "CLASS NAME {name!r:.40} HAS CONTROLS",
    "must be {range}; got {value:g}": "MUST BE {range}; GOT {value:g}",
    "in {left}{low:g}, {high:g}{right}": "IN {left}{low:g}, {high:g}{right}",
    "layer {i}: {part!r} is not a width, cN, cNkK, cNv, p or bn": "LAYER {i}: {part!r} NO",
    "The learning rate is probably too high: the loss climbed from {before} to {recent} over "
    "the last {n} batches.": "CLIMBED {before} -> {recent} IN {n}",
    "Lower the learning rate to {lr:g}": "LOWER TO {lr:g}",
}


@pytest.fixture
def pretend_language():
    i18n.set_display(lambda text: PRETEND.get(text, text), (",", "."))
    yield
    i18n.set_display(None)


def _not_a_model(tmp_path):
    path = tmp_path / "notes.npz"
    path.write_bytes(b"just some text, not a zip")
    with pytest.raises(ModelFileError) as info:
        load_model(path)
    return path, info.value


def test_a_templated_error_reads_as_before_in_english(tmp_path):
    path, err = _not_a_model(tmp_path)
    assert str(err) == f"{path}: not an nndesk model file (it is some other kind of file)"
    assert user_message(err) == str(err)  # no language installed: the CLI's line


def test_a_templated_error_is_translated_then_filled_in(tmp_path, pretend_language):
    path, err = _not_a_model(tmp_path)
    assert user_message(err) == f"{path}: NOT A MODEL"
    assert str(err).endswith("(it is some other kind of file)")  # the CLI's text stays


def test_an_error_without_a_template_gets_its_kind_translated_before_the_detail(
    pretend_language,
):
    err = ModelFileError("m.npz: a rare problem")
    assert user_message(err) == "MODEL FILE UNUSABLE: m.npz: a rare problem"
    # a kind with no translation: the English line alone, not a half-translated one
    assert user_message(DataError("x.idx: odd")) == "x.idx: odd"


def test_the_common_system_refusals_are_translated(pretend_language):
    full = OSError(errno.ENOSPC, "No space left on device", "/data/model.npz")
    assert os_reason(full) == "DISK FULL"
    assert user_message(full) == "/data/model.npz: DISK FULL"
    other = OSError(errno.EIO, "Input/output error")
    assert user_message(other) == "Input/output error"


def test_system_refusals_stay_in_the_systems_words_in_english():
    full = OSError(errno.ENOSPC, "No space left on device", "/data/model.npz")
    assert user_message(full) == "/data/model.npz: No space left on device"


def test_numbers_in_charts_follow_the_language(pretend_language):
    assert i18n.number(0.0123, 3) == "0,012"
    i18n.set_display(None)
    assert i18n.number(0.0123, 3) == "0.012"


def test_of_keeps_template_and_values_and_subclasses_keep_their_kind():
    err = DataError.of("{file}: file not found", file="a.idx")
    assert isinstance(err, NndeskError) and str(err) == "a.idx: file not found"
    assert err.template == "{file}: file not found" and err.values == {"file": "a.idx"}


def test_numbers_are_written_with_the_languages_marks_and_text_is_left_alone(pretend_language):
    assert i18n.fmt(0.0123, ".3f") == "0,012"
    assert i18n.fmt(0.872, ".1%") == "87,2%"
    assert i18n.fmt(1234567, ",") == "1.234.567"
    assert i18n.fmt(3e-5, "g") == "3e-05"
    filled = i18n.fill("{lr:g} · {n} of {total:,} · {name} · {raw!r} · {on}", lr=0.0003, n=12,
                       total=60000, name="v1.2, v1.3", raw=0.5, on=True)  # fmt: skip
    assert filled == "0,0003 · 12 of 60.000 · v1.2, v1.3 · 0.5 · True"
    assert i18n.list_separator() == "; "


def test_without_a_language_numbers_are_pythons():
    assert i18n.fmt(0.872, ".1%") == "87.2%"
    assert i18n.fill("{a:.2f} and {b:,}", a=1.5, b=6000) == "1.50 and 6,000"
    assert i18n.list_separator() == ", "


def test_a_message_is_its_english_line_and_translates_with_its_nested_parts(pretend_language):
    inner = i18n.Message("in {left}{low:g}, {high:g}{right}", left="[", low=0.5, high=1, right=")")
    outer = i18n.Message("must be {range}; got {value:g}", range=inner, value=1.5)
    assert outer == "must be in [0.5, 1); got 1.5"  # the CLI's line, a plain str
    assert i18n.localised(outer) == "MUST BE IN [0,5, 1); GOT 1,5"
    assert i18n.localised("plain text 0.5") == "plain text 0.5"


def test_a_model_header_problem_is_translated_inside_the_damaged_file_line(
    tmp_path, pretend_language
):
    from nndesk.nn.header import HeaderError, check_info

    with pytest.raises(HeaderError) as info:
        check_info({"class_names": ["ok", "bad\x1b[2J"]})
    assert str(info.value) == "class name 'bad\\x1b[2J' holds control characters"
    from nndesk.nn.serialization import damaged_error

    err = damaged_error(tmp_path / "m.npz", info.value.args[0])
    assert (
        user_message(err)
        == f"{tmp_path / 'm.npz'}: DAMAGED (CLASS NAME 'bad\\x1b[2J' HAS CONTROLS)"
    )
    i18n.set_display(None)
    assert user_message(err) == str(err)  # the CLI: English, as before
    assert str(err).endswith("(class name 'bad\\x1b[2J' holds control characters)")


def test_a_refused_setting_and_a_bad_architecture_are_translated(pretend_language):
    from nndesk.errors import ConfigError
    from nndesk.nn.architecture import parse_architecture
    from nndesk.settings_schema import check

    with pytest.raises(ConfigError) as info:
        check({"dropout": 1.5})
    assert str(info.value) == "dropout must be in [0, 1); got 1.5"
    assert user_message(info.value) == "dropout MUST BE IN [0, 1); GOT 1,5"
    with pytest.raises(ConfigError) as info:
        parse_architecture("784-6x-10")
    assert str(info.value) == "layer 1: '6x' is not a width, cN, cNkK, cNv, p or bn"
    assert user_message(info.value) == "LAYER 1: '6x' NO"


def test_the_coachs_numbers_follow_the_language(pretend_language):
    from nndesk.coach import hints
    from nndesk.run_curves import Curves

    curves = Curves()
    curves.batch_loss = [0.5] * 20 + [2.0] * 20
    (hint,) = hints(curves, lr=0.03)
    # losses as the window writes every loss (i18n.loss_text: four decimals in this range)
    assert hint.message(lambda t: PRETEND.get(t, t)) == "CLIMBED 0,5000 -> 2,0000 IN 40"
    assert hint.button_text(lambda t: PRETEND.get(t, t)) == "LOWER TO 0,01"
    i18n.set_display(None)
    assert "from 0.5000 to 2.0000" in hint.message()
    assert hint.button_text() == "Lower the learning rate to 0.01"


def test_joined_reasons_are_english_as_text_and_said_in_the_language_of_the_moment():
    import pickle

    timed_out = i18n.Message(i18n.N_("{file}: damaged model file ({detail})"), file="a", detail=1)
    joined = i18n.Joined(["http://x/a.gz: HTTP 404", timed_out])
    assert joined == "http://x/a.gz: HTTP 404; a: damaged model file (1)"  # the CLI's line
    assert i18n.localised(joined) == str(joined)  # no language installed
    i18n.set_display(lambda text: PRETEND.get(text, text), (",", "."))
    try:  # said when shown: in the language installed since it was made
        assert i18n.localised(joined) == "http://x/a.gz: HTTP 404; a: DAMAGED (1)"
    finally:
        i18n.set_display(None)
    assert type(pickle.loads(pickle.dumps(joined))) is str  # a worker process's error


def test_a_model_read_error_kept_as_data_is_said_in_the_language_of_the_moment(tmp_path):
    from nndesk.errors import user_message_data

    path, err = _not_a_model(tmp_path)
    kept = user_message_data(err)  # kept while English is the language
    assert kept == str(err)
    i18n.set_display(lambda text: PRETEND.get(text, text), (",", "."))
    try:
        assert i18n.localised(kept) == f"{path}: NOT A MODEL"
    finally:
        i18n.set_display(None)
