"""Property tests: whatever settings.ini holds (edited by hand, written by another version, cut
short), every preference reads back as a valid value or its default; nothing raises."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QByteArray, QPoint, QSettings

from nndesk import preferences

KEYS = (
    "data/dir",
    "data/dir-mnist",  # each mode's own folder (walk48 D2)
    "data/dir-fashion",
    "data/mirror",
    "ui/mode",
    "ui/theme",
    "ui/text_size",
    "models/recent",
    "ui/geometry",
    "ui/place",
    "ui/saliency",
    "ui/language",
)
TEXT = st.text(max_size=30) | st.text(alphabet="\0/\\.,@=\"'%[]() \nab", max_size=30)
VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)  # what a QVariant holds; Qt refuses bigger ones
    | st.floats()
    | TEXT
    | st.just("x" * 5000)
    | st.binary(max_size=20)
    | st.builds(QByteArray, st.binary(max_size=20))
    | st.builds(QPoint, st.integers(-5, 5), st.integers(-5, 5)),
    lambda inner: st.lists(inner, max_size=4),
    max_leaves=8,
)


@contextlib.contextmanager
def fresh_home():
    """A settings file of its own (QSettings caches each file per process)."""
    old = os.environ.get("NNDESK_HOME")
    with tempfile.TemporaryDirectory() as home:
        os.environ["NNDESK_HOME"] = home
        try:
            yield Path(home)
        finally:
            preferences.flush()  # the settings writer's last write, before the folder goes
            if old is None:
                os.environ.pop("NNDESK_HOME", None)
            else:
                os.environ["NNDESK_HOME"] = old


def read_every_preference(home: Path) -> None:
    for name in (None, "mnist", "fashion"):
        data = preferences.data_dir(name)
        assert data is None or (isinstance(data, str) and "\0" not in data)
    assert preferences.last_mode() in preferences.MODES
    assert preferences.saliency_kind() in preferences.SALIENCY_KINDS
    assert preferences.theme() in ("system", "light", "dark")
    assert preferences.text_size() in preferences.TEXT_SIZES
    assert preferences.language() in ("system", "en", "vi")
    mirror = preferences.mirror()
    assert mirror is None or (isinstance(mirror, str) and mirror and "\0" not in mirror)
    recent = preferences.recent_models()
    assert len(recent) <= preferences.RECENT_LIMIT and all(p.is_file() for p in recent)
    geometry = preferences.window_geometry()
    assert geometry is None or isinstance(geometry, QByteArray)
    place = preferences.window_place()
    assert place is None or (
        len(place) == preferences.PLACE_NUMBERS and all(abs(n) <= 10**6 for n in place)
    )
    model = home / "m.npz"
    model.write_bytes(b"x")
    preferences.add_recent_model(model)
    assert preferences.recent_models()[0] == model.resolve()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(st.sampled_from(KEYS), VALUES))
def test_any_stored_value_reads_back_valid(qapp, values):
    with fresh_home() as home:
        store = preferences.settings()
        for key, value in values.items():
            store.setValue(key, value)
        store.sync()
        read_every_preference(home)


LINE = st.tuples(st.sampled_from(KEYS), TEXT | st.just("@Variant(\\0\\0\\0\\x7f\\0\\0)")).map(
    lambda kv: f"{kv[0].split('/')[1]}={kv[1]}"
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(["[data]", "[ui]", "[models]", "[General]"]) | LINE, max_size=10),
    st.binary(max_size=30),
)
def test_any_settings_file_reads_back_valid(qapp, lines, junk):
    with fresh_home() as home:
        text = "\n".join(lines).encode("utf-8", "surrogatepass") + b"\n" + junk
        (home / "settings.ini").write_bytes(text)
        read_every_preference(home)


def _odd_settings(home: Path, kind: str) -> None:
    path = home / "settings.ini"
    if kind == "named pipe":
        os.mkfifo(path)  # Qt's open() of it waited for a writer forever: no window, ever
    elif kind == "link to a named pipe":
        # a link to a device is the same case; never /dev/zero itself: Qt's save follows the
        # link and, as root, replaced the real /dev/zero with the settings text (found so)
        os.mkfifo(home / "pipe")
        path.symlink_to(home / "pipe")
    elif kind == "folder":
        path.mkdir()
    elif kind == "image values":
        # Qt decodes "@Variant(...)" while it reads: four blank 8000x8000 images in a 1 MB
        # file took 1.2 GB; these two 3000x3000 ones (72 MB) are in a file over 64 kB
        from PySide6.QtGui import QImage

        image = QImage(3000, 3000, QImage.Format.Format_ARGB32)
        image.fill(0)
        store = QSettings(str(path), QSettings.Format.IniFormat)
        store.setValue("ui/geometry", image)
        store.setValue("ui/theme", image)
        store.sync()
        del store
        assert path.stat().st_size > preferences.MAX_SETTINGS_BYTES
    else:
        with open(path, "wb") as f:  # sparse: 64 MB of settings costs no disk
            f.write(b"[ui]\ntheme=dark\n")
            f.truncate(64 * 2**20)


@pytest.mark.parametrize(
    "kind", ["named pipe", "link to a named pipe", "folder", "huge file", "image values"]
)
def test_a_settings_file_qt_must_not_open_is_left_alone_and_another_is_used(qapp, kind, capfd):
    if kind in ("named pipe", "link to a named pipe") and not hasattr(os, "mkfifo"):
        pytest.skip("POSIX only")
    with fresh_home() as home:
        _odd_settings(home, kind)
        before = os.lstat(home / "settings.ini")
        preferences.set_theme("dark")
        preferences.flush()
        assert preferences.theme() == "dark"  # remembered, in the fallback file
        assert (home / preferences.FALLBACK_SETTINGS_FILE).is_file()
        after = os.lstat(home / "settings.ini")
        assert (after.st_mode, after.st_size, after.st_ino) == (
            before.st_mode,
            before.st_size,
            before.st_ino,
        )
        read_every_preference(home)
    err = capfd.readouterr().err
    assert "settings-fallback.ini" in err and len(err.strip().splitlines()) == 1


def test_a_settings_file_its_own_writes_push_over_the_limit_stays_in_use(qapp):
    """Found by Hypothesis: a file just under the size limit grew past it with the model nndesk
    had just remembered, the next read took the fallback file and the model was forgotten."""
    with fresh_home() as home:
        store = preferences.settings()
        store.setValue("ui/mode", "x" * (preferences.MAX_SETTINGS_BYTES - 60))
        store.sync()
        assert (home / preferences.SETTINGS_FILE).stat().st_size <= preferences.MAX_SETTINGS_BYTES
        assert preferences.settings_file() == home / preferences.SETTINGS_FILE
        model = home / "m.npz"
        model.write_bytes(b"x")
        preferences.add_recent_model(model)
        preferences.flush()
        assert (home / preferences.SETTINGS_FILE).stat().st_size > preferences.MAX_SETTINGS_BYTES
        assert preferences.recent_models() == [model.resolve()]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.binary(max_size=200)
    | st.lists(st.sampled_from(["[ui]", "[[[", "=x", "theme=dark", "\0", "é"]), max_size=6).map(
        lambda lines: "\n".join(lines).encode()
    )
)
def test_a_settings_file_not_read_is_never_written_over(qapp, data):
    """Probe 33 F8: Qt read binary junk as keys and wrote them back with its own values. A file
    nndesk does not take as settings is left byte for byte; one it takes is settings text."""
    with fresh_home() as home:
        path = home / preferences.SETTINGS_FILE
        path.write_bytes(data)
        taken = preferences.settings_file() == path
        preferences.set_theme("light")
        preferences.flush()
        assert preferences.theme() == "light"
        if taken:
            assert b"\0" not in data
            data.decode("utf-8")
        else:
            assert path.read_bytes() == data
            assert preferences.take_unread_notice()[0] == path
