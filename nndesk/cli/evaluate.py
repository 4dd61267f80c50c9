"""``nndesk evaluate``: a saved model's report on its test set, its calibration (and on the
half of the test set its temperature was not fitted on), and ``--robustness``. With no model
named, the shipped model ``nndesk predict`` reads with (``default_model``)."""

from __future__ import annotations

import sys

from nndesk.cli.datasets import data_json, dataset_title, model_dataset
from nndesk.cli.output import print_json, shown
from nndesk.cli.report import history_row, test_summary


def cmd_evaluate(args) -> int:
    from nndesk import calibration
    from nndesk.evaluation import evaluate
    from nndesk.inference import Classifier

    pictures = None
    if args.robustness_pictures is not None:  # a bad folder is said before minutes of damage
        from nndesk.cli.robustness_pictures import picture_folder

        pictures = picture_folder(args.robustness_pictures)
    clf, note = default_model(args) if args.model is None else (None, "")
    if clf is None:
        clf = Classifier.from_file(args.model)
    dataset = model_dataset(args, clf, test_only=True)
    if note:  # once the test set reads: bad input stays one line (the error names the model)
        print(note, file=sys.stderr, flush=True)
    result = evaluate(clf, dataset.test_images, dataset.test_labels, batch_size=2048)
    summary = test_summary(clf.model, clf.class_names, dataset.test_labels, result)
    # with --json stdout is the JSON alone and stderr keeps errors and the short progress bar
    log = sys.stderr if args.json else sys.stdout
    if not args.json:
        print(
            f"{shown(args.model)}: {shown(dataset_title(dataset.name))}, "
            f"{len(dataset.test_labels)} test images"
        )
        print(clf.model.summary())
        print(summary["text"])
    cal = None
    if clf.model.output in calibration.SCALABLE_OUTPUTS:
        cal = calibration.summary(result.logits, result.labels, result.output, clf.temperature)
        cal.update(_unfitted_half(clf, dataset, result))
        if not args.json:
            print(
                f"calibration: ECE {cal['ece']:.4f} raw, {cal['ece_calibrated']:.4f} at "
                f"temperature {cal['temperature']:.3f} ({ECE_NOTE})"
            )
            other = cal.get("not_fitted_on")
            if other is not None:
                n, m = len(result.labels), other["images"]
                print(
                    f"its temperature was fitted on {n - m:,} of these {n:,} test images (a fixed "
                    f"half); on the other {m:,}, never fitted on: ECE {other['ece']:.4f} raw, "
                    f"{other['ece_calibrated']:.4f} calibrated"
                )
    robustness, drawn = None, None
    if args.robustness or pictures is not None:
        robustness, examples = _robustness(
            clf, dataset, args.robustness_images, log, quiet=args.json
        )
        if pictures is not None:
            drawn = _pictures(pictures, args.model, clf, robustness, examples, log, args.json)
    if args.json:
        payload = {
            "test_accuracy": result.accuracy,
            "test_loss": result.loss,
            "epochs": len(clf.info.get("history") or []),
            "per_class": summary["per_class"],
            "confusion": summary["confusion"],
            "history": [history_row(h) for h in clf.info.get("history") or []],
            "model": str(args.model),
            "dataset": dataset.name,
            "calibration": cal,
            "data": data_json(args.data, args.dataset or clf.dataset or args.data.folder),
        }
        if hasattr(args, "same_images"):  # an image folder: does it hold the images it had?
            payload["data"]["same_images"] = args.same_images
        if robustness is not None:
            payload["robustness"] = robustness
        if drawn is not None:
            payload["robustness_pictures"], payload["robustness_examples"] = drawn
        print_json(payload)
    return 0


def default_model(args):
    """``(classifier, note)`` for ``nndesk evaluate`` with no model named (walk59 D12: a
    grading script written from ``predict``'s habit failed on ``evaluate``): the shipped
    model ``predict`` reads with, mnist-cnn (mnist-mlp when its file is damaged, as the
    window does), or fashion-cnn's pair for ``--dataset fashion``; ``args.model`` becomes its
    file and the note, one line for stderr, says which model was evaluated."""
    from nndesk.data.registry import get_spec, known_dataset
    from nndesk.errors import ConfigError, ModelFileError
    from nndesk.inference import DEFAULT_MODELS, Classifier
    from nndesk.models import resolve_model

    def read(name: str) -> Classifier:
        args.model = str(resolve_model(name))  # a file, as a named model becomes one
        return Classifier.from_file(args.model)

    dataset = known_dataset(args.dataset) if args.dataset else "mnist"
    if dataset is None:  # an image folder: no shipped model knows its classes
        raise ConfigError(
            f"name the model to evaluate on {args.dataset}: nndesk evaluate MODEL --dataset FOLDER"
        )
    kind = get_spec(dataset).preprocess
    first, fallback = DEFAULT_MODELS[kind]
    other = next(names[0] for mode, names in DEFAULT_MODELS.items() if mode != kind)
    why, instead = "no model named, so ", ""
    try:
        clf, name = read(first), first
    except ModelFileError as err:
        why, instead = f"{str(err).rstrip('. ')}; ", " instead"
        try:
            clf, name = read(fallback), fallback
        except ModelFileError:  # neither reads: the default's own line, and the way out
            raise ModelFileError(f"{why}name a model: nndesk evaluate MODEL") from None
    note = (
        f"nndesk: {why}{name} is evaluated on {get_spec(dataset).short_title}{instead} "
        f"(another model: nndesk evaluate MODEL, e.g. {other})"
    )
    return clf, note


ECE_NOTE = "expected calibration error, 15 bins; 0 is perfectly calibrated"


def _unfitted_half(clf, dataset, result) -> dict:
    """``{"fitted_on": ...}`` as the model file says (None: it does not), and for a model
    whose temperature was fitted on half of this very test set (the shipped ones: they kept no
    validation split) ``"not_fitted_on": {ece, ece_calibrated, images}`` of the other half:
    the whole test set's ECE counts the images the temperature was fitted on."""
    import numpy as np

    from nndesk import calibration

    stored = clf.info.get("calibration")
    fitted_on = stored.get("fitted_on") if isinstance(stored, dict) else None
    out: dict = {"fitted_on": fitted_on if isinstance(fitted_on, str) else None}
    if out["fitted_on"] != "test-half" or clf.dataset != dataset.name:
        return out
    labels = np.asarray(result.labels)
    rows = calibration.other_test_half(labels)
    other = calibration.summary(result.logits[rows], labels[rows], result.output, clf.temperature)
    del other["temperature"]
    out["not_fitted_on"] = {**other, "images": len(rows)}
    return out


def _robustness(clf, dataset, n_images: int, log, quiet: bool = False) -> tuple[dict, dict]:
    """Accuracy on damaged test images, one tqdm bar over every (kind, level): the curves as
    JSON, and ``{kind: [DamageExample per level]}`` (the images the pictures show)."""
    from tqdm import tqdm

    from nndesk import robustness

    # disable=None: only on a terminal (a log file got every frame, walk50 D11)
    with tqdm(total=1, desc="robustness", unit="level", file=log, leave=False, disable=None) as bar:

        def progress(done: int, total: int) -> None:
            bar.total = total
            bar.n = done
            bar.refresh()

        examples: dict = {}
        curves = robustness.measure(
            clf,
            dataset.test_images,
            dataset.test_labels,
            n_images=n_images,
            progress=progress,
            examples=examples,
        )
    for kind, points in {} if quiet else curves.items():
        unit = robustness.UNITS[kind]
        row = ", ".join(f"{level:g}{unit} {acc:.1%}" for level, acc in points)
        print(f"robustness {kind}: {row}", file=log)
    return {
        kind: [[float(level), float(acc)] for level, acc in points]
        for kind, points in curves.items()
    }, examples


def _pictures(folder, model: str, clf, curves: dict, examples: dict, log, quiet: bool):
    """Write the robustness pictures in ``folder``; (``robustness_pictures``,
    ``robustness_examples``) of the JSON."""
    from pathlib import Path

    from nndesk.cli.robustness_pictures import examples_json, save_pictures

    points = {kind: [tuple(p) for p in rows] for kind, rows in curves.items()}
    stem = Path(str(model)).stem
    written = save_pictures(folder, stem, points, examples, list(clf.class_names))
    if not quiet:
        print(
            f"robustness pictures: {1 + len(written['kinds'])} PNG files in {shown(folder)} "
            f"({shown(Path(written['figure']).name)} and one per damage)",
            file=log,
        )
    return written, examples_json(points, examples)
