"""QObjects between workers (threads) and widgets: prediction, datasets, training, evaluation."""

import nndesk.ui  # noqa: F401  (applies the PySide6 signal-emit refcount guard before any emit)
