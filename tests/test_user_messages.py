"""The core's errors in the window's language: templates translated and filled in at the UI's
edge, the CLI's English line unchanged (no Qt here: a stand-in translation is installed)."""

from __future__ import annotations

import errno

import pytest

from nndesk import i18n
from nndesk.errors import DataError, ModelFileError, NndeskError, os_reason, user_message
from nndesk.nn.serialization import load_model

PRETEND = {  # a pretend language: the templates' words in capitals
    "{file}: not an nndesk model file (it is some other kind of file)": "{file}: NOT A MODEL",
    "The model file cannot be used": "MODEL FILE UNUSABLE",
    "the disk is full": "DISK FULL",
}


@pytest.fixture
def pretend_language():
    i18n.set_display(
        lambda text: PRETEND.get(text, text), lambda v, d: f"{v:.{d}f}".replace(".", ",")
    )
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
