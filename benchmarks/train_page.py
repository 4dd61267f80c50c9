"""A Train page of its own for the benchmarks that train in one (not a benchmark; imported by
bench_*.py beside it): offscreen in a scratch home, the size of a 1024x700 window's page, its
dataset read from a folder and never downloaded.
"""

from __future__ import annotations

from scratch import scratch_home


def train_page(data_dir: str):
    """(the QApplication, the ``TrainingController``, a ``TrainingPanel`` without a Race tab,
    shown at 1024x640: the page of a 1024x700 window) training from ``data_dir``'s IDX files."""
    scratch_home()
    from PySide6.QtWidgets import QApplication

    from nndesk.controllers.run_list import RunListReader
    from nndesk.controllers.training import TrainingController
    from nndesk.data import load_dataset
    from nndesk.ui.training_panel import TrainingPanel

    app = QApplication.instance() or QApplication([])

    def provider(name: str):
        return load_dataset(name, data_dir=data_dir, allow_download=False)

    training = TrainingController(provider)
    panel = TrainingPanel(training, RunListReader(training.store), race=None)
    panel.resize(1024, 640)  # the page of a 1024x700 window
    panel.show()
    app.processEvents()
    return app, training, panel
