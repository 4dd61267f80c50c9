"""``nndesk calibrate``: fit a model's temperature on held-out images and write it into the
file (a shipped model only into a copy, ``-o``)."""

from __future__ import annotations

import sys
from pathlib import Path

from nndesk.cli.datasets import model_dataset
from nndesk.cli.model_saving import replaces_a_model
from nndesk.cli.output import print_json, shown


def cmd_calibrate(args) -> int:
    from nndesk import calibration
    from nndesk.errors import ConfigError
    from nndesk.fileio import check_writable
    from nndesk.inference import Classifier
    from nndesk.nn.serialization import load_model, save_model
    from nndesk.paths import inside_installed_package

    source = Path(args.model)
    named = getattr(args, "shipped_name", None)
    if args.output is None and named is not None:
        raise ConfigError(
            f"{named} is a shipped model ({source}) and nndesk never rewrites one; write the "
            f"calibrated copy with -o FILE (e.g. -o {named}-calibrated.npz)"
        )
    if args.output is None and inside_installed_package(source):
        raise ConfigError(
            f"{source} is a model shipped inside the installed nndesk; write the calibrated "
            "copy elsewhere with -o FILE"
        )
    out = Path(args.output) if args.output is not None else source
    try:
        check_writable(out, "-o" if args.output is not None else "")
    except OSError as err:
        raise ConfigError(err.strerror or str(err)) from None
    if args.output is not None:
        replaces_a_model(out, "-o", args.force)
    loaded = load_model(source)
    clf = Classifier.from_info(loaded.model, loaded.info, source)
    if clf.model.output not in calibration.SCALABLE_OUTPUTS:
        raise ConfigError(f"{source}: a {clf.model.output} output has no probabilities to scale")
    dataset = model_dataset(args, clf)
    images, labels, where = calibration.held_out(clf.info, dataset)
    # measured on test images it is not fitted on: the whole test set, or the other half
    rows, measured_on = calibration.check_indices(dataset.test_labels, where)
    check = (clf.logits(dataset.test_images[rows]), dataset.test_labels[rows], measured_on)
    fitted = calibration.fit(clf.logits(images), labels, clf.model.output, where, check)
    info = {**loaded.info, "calibration": fitted}
    save_model(out, loaded.model, info, optimizer=loaded.optimizer)
    log = sys.stderr if args.json else sys.stdout
    print(f"{shown(out)}: {calibration.fitted_line(fitted)}", file=log)
    if args.json:
        print_json({**fitted, "model": str(out)})
    return 0
