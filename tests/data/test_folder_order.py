"""The one order datasets are looked for in, by the window and the commands alike: this run's
folder, then ``$NNDESK_DATA_DIR``, then the window's remembered folder, then the cache."""

from __future__ import annotations

from nndesk.data.folder_order import (
    FROM_CACHE,
    FROM_ENV,
    FROM_FLAG,
    FROM_WINDOW,
    DataFolder,
    first_folder,
)


def _never_read() -> str | None:
    raise AssertionError("the remembered folder was read though an earlier one was given")


def test_a_folder_named_for_this_run_wins_over_the_environment_and_the_remembered_one(
    monkeypatch,
):
    monkeypatch.setenv("NNDESK_DATA_DIR", "/from/env")
    named = DataFolder("/named/now", FROM_FLAG)
    assert first_folder(named, _never_read) == named


def test_the_environment_wins_over_the_remembered_folder_which_is_not_even_read(monkeypatch):
    monkeypatch.setenv("NNDESK_DATA_DIR", "/from/env")
    assert first_folder(None, _never_read) == DataFolder("/from/env", FROM_ENV)


def test_a_remembered_folder_is_read_when_usable_else_the_cache(monkeypatch):
    monkeypatch.setenv("NNDESK_DATA_DIR", "")  # set but empty counts as unset
    assert first_folder(None, lambda: "/chosen") == DataFolder("/chosen", FROM_WINDOW)
    refused = first_folder(None, lambda: "/chosen", usable=lambda folder: False)
    assert refused == DataFolder(None, FROM_CACHE)
    assert first_folder(None, lambda: None) == DataFolder(None, FROM_CACHE)


def test_the_environment_gives_way_to_the_cache_only_when_it_lacks_the_files_and_the_cache_has_them(
    monkeypatch,
):
    """walk46 D2: the window reads its downloaded copy then; a command must read it too."""
    monkeypatch.setenv("NNDESK_DATA_DIR", "/from/env")
    lacking, holding = (lambda folder: False), (lambda folder: True)
    assert first_folder(None, _never_read, lacking, cached=lambda: True) == DataFolder(
        None, FROM_CACHE, passed_over="/from/env"
    )
    # the cache lacks them too: the folder as given, whose error names what is missing
    env = DataFolder("/from/env", FROM_ENV)
    assert first_folder(None, _never_read, lacking, cached=lambda: False) == env
    assert first_folder(None, _never_read, holding, cached=lambda: True) == env
    # a folder named for this run is never passed over (a mistyped one is said, not replaced)
    named = DataFolder("/named/now", FROM_FLAG)
    assert first_folder(named, _never_read, lacking, cached=lambda: True) == named
