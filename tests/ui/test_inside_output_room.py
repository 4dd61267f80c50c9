"""The Inside diagram of a deep MLP at Larger text on a 1024 px window: its output labels give
up the raw softmax value before they cut class names (walk64 D13: fashion-prelu-l2's
784-300-300-100-100-10 net read "T-…", "Tr…", "Pu…", "Sh…", "Sn…": Shirt and Sneaker could not
be told apart)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QApplication

from nndesk import inside
from nndesk.controllers.prediction import InsideSnapshot
from nndesk.inference import Classifier
from nndesk.nn.architecture import build_model
from nndesk.paths import WEIGHTS_DIR
from nndesk.ui import text_size
from nndesk.ui.inside_diagram import diagram_image

#: the diagram's size in the walk's window (1024x700, Larger text): the page's width less its
#: margins and scroll bar, the height the Arithmetic tabs leave it
WALKS_DIAGRAM = QSize(505, 255)


def _deep_snapshot() -> InsideSnapshot:
    """fashion-prelu-l2's network (random weights) with the shipped fashion-mlp's classes and
    temperature, on a filled block."""
    shipped = Classifier.from_file(WEIGHTS_DIR / "fashion-mlp.npz")
    model = build_model("784-300-300-100-100-10", "prelu", rng=np.random.default_rng(0))
    info = dict(shipped.info, arch="784-300-300-100-100-10", activation="prelu")
    clf = Classifier.from_info(model, info)
    assert abs(clf.temperature - 1.0) > 1e-3  # calibrated: the labels' longest form
    image = np.zeros((28, 28), np.float32)
    image[6:22, 4:24] = 255.0
    return InsideSnapshot(clf, model, inside.trace(model, clf.normalizer, image, clf.class_names))


def _larger_english(qapp) -> None:
    from nndesk.ui import language

    assert language.use_language("en") == "en"


def test_a_deep_mlps_class_names_are_whole_at_larger_text_on_1024(qapp, larger_vi):  # noqa: F811
    _larger_english(qapp)
    assert text_size.current_step() == "larger"
    colours = (QColor("black"), QColor("white"), QColor("orange"))
    font = QFont(QApplication.font())
    painted = diagram_image((_deep_snapshot(), None, colours, font), WALKS_DIAGRAM, 1.0)
    titles, labels = painted[2], painted[3]
    names = [label.name for label in labels]
    assert names[6] == "Shirt" and names[7] == "Sneaker"
    # every name whole, or the first of its two ("T-shirt"): nothing cut to letters
    shown = [label.shown for label in labels]
    assert all(not s.endswith("…") for s in shown), shown
    assert shown[1:] == names[1:] and shown[0] in ("T-shirt/top", "T-shirt"), shown
    # the labels give the calibrated value alone, and the output's title says so
    assert "→" not in " ".join(t.text for t in titles[-1:]), titles[-1]
    assert titles[-1].full == "Output: softmax, calibrated"
    # the whole label, raw and calibrated, is on hover
    assert all("→" in label.full for label in labels)
