"""BLAS thread limits keep taking after the window has trained (issue 18): its training worker is
a Qt thread, and a limit it once set must not lock every later one out."""

from __future__ import annotations

import pytest

from nndesk import preferences
from nndesk.controllers import datasets
from nndesk.training import runtime
from tests.conftest import blas_threads_at
from tests.ui.conftest import train_two_epochs

threadpoolctl = pytest.importorskip("threadpoolctl")
pytestmark = pytest.mark.filterwarnings("ignore:.*differ from the published.*")


def _blas_counts() -> set[int]:
    return {i["num_threads"] for i in threadpoolctl.threadpool_info() if i["user_api"] == "blas"}


def test_limits_take_on_any_thread_after_each_of_two_window_runs(
    qtbot, window_factory, tiny_idx_dir
):
    preferences.set_data_dir(str(tiny_idx_dir))
    datasets.forget_datasets()
    desk = window_factory(mode="digits")
    page = desk.train_page
    desk.window.tabs.setCurrentWidget(page)
    # two threads to start from, whatever the process's default (one per pytest-xdist worker):
    # a run's limit of 1 left behind, or a later limit of 1 ignored, must be told from it
    with blas_threads_at(2):
        before = _blas_counts()
        assert before == {2}
        for _ in range(2):
            train_two_epochs(qtbot, page)
            assert _blas_counts() == before  # the run's limits ended with it
            with runtime.blas_threads(1):
                one = _blas_counts()
            with runtime.blas_threads(3):
                three = _blas_counts()
            assert (one, three) == ({1}, {3})
            assert _blas_counts() == before
