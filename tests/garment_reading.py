"""Checks shared by the two drawn-garment sets, the hand check (tests/test_hand_garments.py) and
the fresh check (tests/test_fresh_garments.py): the set's shape, and how the shipped garment
models read it through ``nndesk predict --json`` against the floors each set states."""

from __future__ import annotations

import json
from collections import Counter

import numpy as np

from nndesk import cli
from nndesk.inference import Classifier
from tools.build_weights import WEIGHTS_DIR
from tools.hand_check import Rendered, save_pngs
from tools.hand_garments import CLASS_NAMES, MODES, POLARITIES


def assert_every_class_drawn_every_way(drawings, per_class: int) -> None:
    """Each class at least ``per_class`` times, in every rendering and both polarities, with
    four pens or more; no two drawings share a name."""
    assert len({d.name for d in drawings}) == len(drawings)
    counts = Counter(d.label for d in drawings)
    assert sorted(counts) == list(range(10)) and min(counts.values()) >= per_class
    for label in range(10):
        mine = [d for d in drawings if d.label == label]
        assert {d.mode for d in mine} == set(MODES), CLASS_NAMES[label]
        assert {d.polarity for d in mine} == set(POLARITIES), CLASS_NAMES[label]
        assert len({d.pen for d in mine}) >= 4, CLASS_NAMES[label]


def assert_strokes_on_the_canvas(drawings) -> None:
    """Every stroke, at its pen's width, lies on the 280 px canvas with a pen it offers."""
    for d in drawings:
        assert 4 <= d.pen <= 60 and (d.mode == "filled") == bool(d.fills), d.name
        for stroke in d.strokes + d.erase:
            pts = np.array(stroke)
            r = d.pen / 2
            assert (pts - r >= 0).all() and (pts + r <= 280).all(), d.name


def predict_json(model, paths, capsys) -> list[dict]:
    """``nndesk predict MODEL PATHS… --json``: one answer a file."""
    assert cli.main(["predict", str(model), *map(str, paths), "--json"]) == 0
    return [json.loads(line) for line in capsys.readouterr().out.strip().splitlines()]


def assert_read_above_floors(
    name: str,
    drawn: list[Rendered],
    floors: dict[str, tuple[float, float]],
    sure_wrong_ceiling: int,
    tmp_path,
    capsys,
) -> list[dict]:
    """Shipped model ``name`` reads ``drawn`` (as PNG files) at least at its (overall, every
    class) floor, each polarity within 8 points of the overall floor, and gives at most
    ``sure_wrong_ceiling`` wrong answers at 90 % or more. Returns the command's answers."""
    answers = predict_json(WEIGHTS_DIR / f"{name}.npz", save_pngs(drawn, tmp_path), capsys)
    labels = np.array([a["label"] for a in answers])
    truth = np.array([i.label for i in drawn])
    right = labels == truth
    per_class = {CLASS_NAMES[c]: float(right[truth == c].mean()) for c in range(10)}
    overall, class_floor = floors[name]
    assert right.mean() >= overall, (name, f"{right.sum()}/{len(right)}", per_class)
    weak = {c: v for c, v in per_class.items() if v < class_floor}
    assert not weak, (name, weak)
    for polarity in POLARITIES:  # neither the canvas' nor a paint program's drawings fall behind
        mine = np.array([i.drawing.polarity == polarity for i in drawn])
        assert right[mine].mean() >= overall - 0.08, (name, polarity, right[mine].mean())
    top = np.array([max(a["probabilities"]) for a in answers])
    sure_wrong = [
        i.drawing.name for i, t, ok in zip(drawn, top, right, strict=True) if not ok and t >= 0.9
    ]
    assert len(sure_wrong) <= sure_wrong_ceiling, (name, sure_wrong)
    return answers


def assert_canvas_reads_as_files(name: str, drawn: list[Rendered], answers: list[dict]) -> None:
    """The canvas' drawings (white on black) read the same on the canvas as ``answers``,
    ``nndesk predict``'s of their files (``assert_read_above_floors``: the files of all of
    ``drawn``, so the command need not read them a second time)."""
    canvas = [k for k, i in enumerate(drawn) if i.drawing.polarity == "white-on-black"]
    clf = Classifier.from_file(WEIGHTS_DIR / f"{name}.npz")
    on_canvas = [clf.classify_image(drawn[k].image).label for k in canvas]
    assert on_canvas == [answers[k]["label"] for k in canvas]
