"""``nndesk predict``: classify image files as the window classifies drawings; with no model
named, ``PREDICT_DEFAULT_MODEL`` (or its fallback when its file is damaged) reads them."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from nndesk.cli.output import error, one_line, print_json, shown
from nndesk.errors import ConfigError, NndeskError, PreprocessError


def cmd_predict(args) -> int:
    import numpy as np

    from nndesk.fileio import regular_file_problem
    from nndesk.inference import NOT_SURE_PERCENT, is_not_sure
    from nndesk.preprocess import blank_image_error, load_image

    clf = _predict_model(args)
    threshold = NOT_SURE_PERCENT if args.not_sure is None else args.not_sure
    # every input is read before anything is printed: one bad file among good ones printed the
    # good answers, the note, then the error (walk52 D21); bad input stays one line, exit 2
    answers, bad = [], []
    for path in args.images:
        try:
            try:
                is_dir, is_file = Path(path).is_dir(), Path(path).is_file()
            except OSError as err:  # a name too long for the file system, a loop of links
                raise PreprocessError(f"{path}: {err.strerror or err}") from None
            if is_dir:
                raise PreprocessError(f"{path}: a folder, not an image file")
            if not is_file:  # missing, or a pipe (reading it would wait forever) or a device
                problem = regular_file_problem(path) if os.path.exists(path) else None
                raise PreprocessError(f"{path}: {problem or 'no such image file'}")
            prediction = clf.classify_image(load_image(path, name=str(path)))
            if prediction is None:
                raise blank_image_error(path)
        except NndeskError as err:
            bad.append((path, str(err)))
            continue
        answers.append((path, prediction))
    if bad and not args.keep_going:
        others = ", ".join(str(path) for path, _ in bad[1:])
        more = f" (and {len(bad) - 1} more that cannot be read: {others})" if others else ""
        none = "; nothing was classified" if len(args.images) > 1 else ""
        error(f"{bad[0][1]}{more}{none}")
        return 2
    # which model read the images when none was named: said before the first answer
    if args.default_model_note and answers:
        print(args.default_model_note, file=sys.stderr, flush=True)
    unread = dict(bad)
    answered = dict(answers)
    for path in args.images:  # in the order named, the unreadable ones in their places
        if path in unread:
            if args.json:
                print_json({"file": str(path), "error": one_line(unread[path])})
            else:
                error(unread[path])
            continue
        prediction = answered[path]
        probs = prediction.probabilities
        p = float(probs[prediction.label])
        not_sure = is_not_sure(prediction, threshold)  # the window's verdict (walk48 D10)
        # a sigmoid output's percentages need not add up to 100 %: said as the window says it
        alone = "; independent scores" if prediction.independent else ""
        if args.json:
            payload = {
                "file": str(path),
                "label": prediction.label,
                "class": prediction.class_name,
                "probabilities": [float(p) for p in probs],
                "not_sure": not_sure,
                "independent_scores": prediction.independent,
            }
            print_json(payload)
        elif not_sure:
            second = int(np.argsort(probs, kind="stable")[-2])
            names = clf.class_names
            print(
                f"{shown(path)}: Not sure: {prediction.class_name} ({p:.1%}) or "
                f"{names[second]} ({float(probs[second]):.1%}){alone}",
                flush=True,
            )
        else:
            print(f"{shown(path)}: {prediction.class_name} ({p:.1%}{alone})", flush=True)
    return 2 if bad else 0


#: what a file named as predict's first argument looks like when it is an image instead
_IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".bmp", ".gif", ".webp", ".tif", ".tiff"})


#: the model ``nndesk predict IMAGE...`` reads with when none is named: the window opens on
#: Digits, and the README's example names this one
PREDICT_DEFAULT_MODEL = "mnist-cnn"


#: the one read instead when the default's file is damaged (the window does the same)
PREDICT_FALLBACK_MODEL = "mnist-mlp"


def _is_image_name(name: str) -> bool:
    return Path(name).suffix.lower() in _IMAGE_SUFFIXES


def _predict_model(args):
    """The model ``nndesk predict`` uses; an image named where the model goes (the arguments
    swapped) says that the model comes first (walk48 D10). Only images named (``nndesk
    predict my.png``): all of them are images, read by ``PREDICT_DEFAULT_MODEL`` (walk50 D4),
    and ``args.default_model_note`` says so."""
    from nndesk.errors import ModelFileError
    from nndesk.inference import Classifier

    args.default_model_note = ""  # set when no model is named (``cmd_predict`` says it)
    named = [args.model] if args.model is not None else []
    if named and all(_is_image_name(name) for name in [*named, *args.images]):
        args.images = [*named, *args.images]
        args.model = None
    if args.model is None:
        if not any(_is_image_name(name) for name in args.images):  # `predict mnist-cnn`
            raise ConfigError(
                f"{args.images[0]}: name an image after the model: nndesk predict MODEL IMAGE..."
            )
        return _default_predict_model(args)
    try:
        return Classifier.from_file(args.model)
    except ModelFileError as err:
        if Path(args.model).suffix.lower() not in _IMAGE_SUFFIXES:
            raise
        raise ModelFileError(
            f"{err}; the model comes first: nndesk predict MODEL IMAGE..."
        ) from None


def _default_predict_model(args):
    """``PREDICT_DEFAULT_MODEL``, or when its file is damaged ``PREDICT_FALLBACK_MODEL``, as
    the window does (walk52 D11c: the CLI failed with the damage alone); the note says which
    model reads the images, and why when it is not the default."""
    from nndesk.errors import ModelFileError

    try:
        return _read_default(args, PREDICT_DEFAULT_MODEL, "no model named, so ", "")
    except ModelFileError as err:
        damage = str(err).rstrip(". ")
    try:
        return _read_default(args, PREDICT_FALLBACK_MODEL, f"{damage}; ", " instead")
    except ModelFileError:  # neither reads: the default's own line, and the way out
        raise ModelFileError(f"{damage}; name a model: nndesk predict MODEL IMAGE...") from None


def _read_default(args, name: str, before: str, after: str):
    from nndesk.inference import Classifier
    from nndesk.models import resolve_model

    args.model = str(resolve_model(name))
    clf = Classifier.from_file(args.model)
    args.default_model_note = (
        f"nndesk: {before}{name} reads the images as digits{after} "
        "(for clothing: nndesk predict fashion-cnn IMAGE...)"
    )
    return clf
