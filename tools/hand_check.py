"""The hand-drawn garments of ``tools.hand_garments``, put on the app's real canvas.

``render`` draws one drawing on a ``nndesk.ui.canvas.DrawingCanvas`` the way a person does:
the strokes at the drawing's pen width (``draw_stroke``, the canvas' own round antialiased pen),
then the Fill tool's clicks (``fill_at``), then any eraser strokes; a black-on-white drawing is
the canvas turned over, as a paint program saves it. ``python -m tools.hand_check DIR`` writes
every drawing as a PNG file (``<class>-<name>.png``) and a contact sheet of them all;
``python -m tools.hand_check --score MODEL... [--misses DIR]`` scores garment models on them
through ``nndesk predict --json`` (the PNG files, both polarities) and prints the share read right
overall, per class, per rendering and per polarity, the most frequent confusions and how sure the
models are (mean top probability; wrong answers at 90 % or more); ``--misses`` saves a contact
sheet of each model's misses. The white-on-black drawings are also read as the canvas reads them
(``Classifier.classify_image`` on the canvas' pixels), which must agree.

Needs Qt (a QApplication; ``QT_QPA_PLATFORM=offscreen`` runs it without a screen).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw

from tools.hand_garments import CLASS_NAMES, HAND_GARMENTS, HandDrawing


@dataclass(frozen=True)
class Rendered:
    """One hand drawing as the canvas (or a paint program) holds it."""

    drawing: HandDrawing
    image: np.ndarray = field(repr=False)  # uint8 (280, 280), the drawing's polarity

    @property
    def name(self) -> str:
        return f"{self.drawing.label}-{self.drawing.name}"

    @property
    def label(self) -> int:
        return self.drawing.label


class FillLeaked(ValueError):
    """A fill click that the canvas refused or that changed nothing (an authoring mistake)."""


def render(drawing: HandDrawing, canvas=None) -> np.ndarray:
    """The drawing on a fresh ``DrawingCanvas`` (or ``canvas``, cleared): uint8 (280, 280) in
    its polarity. Raises ``FillLeaked`` when a fill click does nothing."""
    return render_steps(drawing, canvas)[-1]


def render_steps(drawing: HandDrawing, canvas=None) -> list[np.ndarray]:
    """``render``'s image before the eraser and after each eraser stroke (one image when there
    is none): what each stroke of the eraser changed, for one drawing's fills and strokes."""
    from nndesk.ui.canvas import DrawingCanvas

    canvas = canvas or DrawingCanvas()
    canvas.set_eraser(False)
    canvas.set_array(np.zeros((280, 280), np.uint8))
    for stroke in drawing.strokes:
        canvas.draw_stroke(list(stroke), drawing.pen)
    for x, y in drawing.fills:
        if not canvas.fill_at(x, y):
            raise FillLeaked(f"{drawing.name}: the fill at ({x:g}, {y:g}) did nothing")
    steps = [canvas.array()]
    if drawing.erase:
        canvas.set_eraser(True)
        for stroke in drawing.erase:
            canvas.draw_stroke(list(stroke), drawing.erase_pen)
            steps.append(canvas.array())
        canvas.set_eraser(False)
    return [255 - image if drawing.polarity == "black-on-white" else image for image in steps]


def render_all(drawings: Sequence[HandDrawing] = HAND_GARMENTS) -> list[Rendered]:
    """Every drawing rendered on one canvas (cleared between drawings)."""
    from nndesk.ui.canvas import DrawingCanvas

    canvas = DrawingCanvas()
    return [Rendered(d, render(d, canvas)) for d in drawings]


def contact_sheet(
    items: Sequence[Rendered], captions: Sequence[str] | None = None, cell: int = 140
) -> Image.Image:
    """The drawings side by side, ten a row, each at ``cell`` px with a caption under it."""
    cols = 10
    rows = max(1, -(-len(items) // cols))
    sheet = Image.new("L", (cols * cell, rows * (cell + 24)), 128)
    draw = ImageDraw.Draw(sheet)
    for i, item in enumerate(items):
        x, y = (i % cols) * cell, (i // cols) * (cell + 24)
        sheet.paste(Image.fromarray(item.image).resize((cell - 4, cell - 4)), (x + 2, y + 2))
        text = captions[i] if captions else item.name
        for k, line in enumerate(text.split("\n")[:2]):
            draw.text((x + 3, y + cell - 2 + 11 * k), line[:24], fill=255)
    return sheet


def save_pngs(items: Sequence[Rendered], folder: Path) -> list[Path]:
    """Each rendered drawing as ``<folder>/<label>-<name>.png`` (as a paint program saves it)."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for item in items:
        path = folder / f"{item.name}.png"
        Image.fromarray(item.image).save(path)
        paths.append(path)
    return paths


def predict_json(model: Path, paths: Sequence[Path]) -> list[dict]:
    """``nndesk predict MODEL PATHS... --json``, run in this process: one answer per file."""
    import contextlib
    import io
    import json

    from nndesk import cli

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = cli.main(["predict", str(model), *map(str, paths), "--json"])
    if status != 0:
        raise RuntimeError(f"nndesk predict {model} exited {status}")
    return [json.loads(line) for line in out.getvalue().strip().splitlines()]


@dataclass(frozen=True)
class Scored:
    """One model's answers on the hand drawings: predicted labels and calibrated top
    probabilities, in the drawings' order."""

    items: tuple[Rendered, ...]
    labels: np.ndarray
    top: np.ndarray

    @property
    def right(self) -> np.ndarray:
        return self.labels == np.array([i.label for i in self.items])

    def share(self, keep=lambda d: True) -> tuple[int, int]:
        """(right, of) among the drawings ``keep`` accepts."""
        mask = np.array([bool(keep(i.drawing)) for i in self.items])
        return int(self.right[mask].sum()), int(mask.sum())


def score(model: Path, items: Sequence[Rendered], folder: Path) -> Scored:
    """``model`` reads the drawings as PNG files through ``nndesk predict --json``."""
    answers = predict_json(model, save_pngs(items, folder))
    labels = np.array([a["label"] for a in answers])
    top = np.array([max(a["probabilities"]) for a in answers])
    return Scored(tuple(items), labels, top)


def report(name: str, scored: Scored, canvas_labels: np.ndarray | None = None) -> list[str]:
    """The lines ``--score`` prints for one model."""
    from tools.hand_garments import MODES, POLARITIES

    def pct(pair: tuple[int, int]) -> str:
        r, n = pair
        return f"{r}/{n} ({100 * r / n:.1f} %)"

    lines = [f"{name}: {pct(scored.share())}"]
    per_class = [pct(scored.share(lambda d, c=c: d.label == c)) for c in range(10)]
    lines += [f"  {CLASS_NAMES[c]:<12} {per_class[c]}" for c in range(10)]
    for mode in MODES:
        lines.append(f"  {mode:<16} {pct(scored.share(lambda d, m=mode: d.mode == m))}")
    for pol in POLARITIES:
        lines.append(f"  {pol:<16} {pct(scored.share(lambda d, p=pol: d.polarity == p))}")
    truth = np.array([i.label for i in scored.items])
    pairs: dict[tuple[int, int], int] = {}
    for t, p in zip(truth, scored.labels, strict=True):
        if t != p:
            pairs[(int(t), int(p))] = pairs.get((int(t), int(p)), 0) + 1
    top_pairs = sorted(pairs.items(), key=lambda kv: -kv[1])[:8]
    lines.append(
        "  confusions: "
        + "; ".join(f"{CLASS_NAMES[t]} -> {CLASS_NAMES[p]} {n}" for (t, p), n in top_pairs)
    )
    wrong = ~scored.right
    lines.append(
        f"  mean top probability {scored.top.mean():.3f} (right {scored.top[~wrong].mean():.3f},"
        f" wrong {scored.top[wrong].mean() if wrong.any() else float('nan'):.3f});"
        f" wrong at >= 90 %: {int((scored.top[wrong] >= 0.9).sum())} of {int(wrong.sum())}"
    )
    if canvas_labels is not None:
        mask = np.array([i.drawing.polarity == "white-on-black" for i in scored.items])
        same = int((canvas_labels[mask] == scored.labels[mask]).sum())
        lines.append(f"  canvas path agrees with nndesk predict on {same}/{int(mask.sum())}")
    return lines


def misses_sheet(scored: Scored) -> Image.Image:
    """A contact sheet of the drawings ``scored`` got wrong, each captioned truth -> answer."""
    misses = [
        (item, int(label), float(top))
        for item, label, top, ok in zip(
            scored.items, scored.labels, scored.top, scored.right, strict=True
        )
        if not ok
    ]
    captions = [
        f"{CLASS_NAMES[i.label]} {i.drawing.name}\n-> {CLASS_NAMES[p]} {100 * t:.0f}%"
        for i, p, t in misses
    ]
    return contact_sheet([i for i, _, _ in misses], captions, cell=160)


def score_main(
    args: list[str],
    drawings: Sequence[HandDrawing] = HAND_GARMENTS,
    prog: str = "python -m tools.hand_check",
    misses_prefix: str = "misses",
) -> int:
    """``--score MODEL... [--misses DIR]`` over ``drawings``: each model's report, and its
    misses sheet as ``<misses_prefix>-<model>.png``; 2 if a model cannot be read."""
    import argparse
    import tempfile

    from nndesk.errors import NndeskError
    from nndesk.inference import Classifier

    ap = argparse.ArgumentParser(prog=f"{prog} --score")
    ap.add_argument("models", nargs="+", type=Path)
    ap.add_argument("--misses", type=Path, help="folder for each model's misses sheet")
    opts = ap.parse_args(args)
    items = render_all(drawings)
    with tempfile.TemporaryDirectory() as tmp:
        for model in opts.models:
            try:
                scored = score(model, items, Path(tmp))
                clf = Classifier.from_file(model)
            except (NndeskError, RuntimeError) as err:
                print(f"error: {err}", file=sys.stderr)
                return 2
            canvas = np.array([clf.classify_image(i.image).label for i in items])
            print("\n".join(report(model.stem, scored, canvas)))
            if opts.misses:
                opts.misses.mkdir(parents=True, exist_ok=True)
                misses_sheet(scored).save(opts.misses / f"{misses_prefix}-{model.stem}.png")
    return 0


def main(argv: list[str] | None = None) -> int:
    """``python -m tools.hand_check DIR``: every hand drawing as a PNG, and a contact sheet;
    ``--score MODEL...``: models scored on them."""
    args = sys.argv[1:] if argv is None else argv
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([])
    if args[:1] == ["--score"]:
        return score_main(args[1:])
    if len(args) != 1:
        print(
            "usage: python -m tools.hand_check DIR | --score MODEL... [--misses DIR]",
            file=sys.stderr,
        )
        return 2
    folder = Path(args[0])
    folder.mkdir(parents=True, exist_ok=True)
    items = render_all()
    for item in items:
        Image.fromarray(item.image).save(folder / f"{item.name}.png")
    captions = [f"{CLASS_NAMES[i.label]}\n{i.drawing.name}" for i in items]
    contact_sheet(items, captions).save(folder / "sheet.png")
    print(f"wrote {len(items)} drawings and sheet.png to {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
