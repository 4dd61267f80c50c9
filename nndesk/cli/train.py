"""``nndesk train``: prepare the data and model, train with a progress bar and epoch lines
(the first Ctrl-C, SIGTERM or SIGHUP stops after the batch and still saves), report on the test
set, save."""

from __future__ import annotations

import contextlib
import sys
import time

from nndesk.cli.args import config_from_args
from nndesk.cli.datasets import data_folder, data_json, download_mirror, on_disk_hint
from nndesk.cli.model_saving import checked_out, save_places, save_run, save_with_fallbacks
from nndesk.cli.output import DownloadBars, error, print_json, shown
from nndesk.cli.report import history_row, test_summary
from nndesk.cli.signals import stop_requests


def _fit_outputs_to_folder(config, log):
    """Without --arch, an image folder's class count decides the output layer (the preset's or
    the default layers end in 10, one per digit): a teacher's 3-class folder trains at once,
    and the line says which layers were used."""
    from nndesk.data.folders import class_folder_names
    from nndesk.data.registry import DATASETS
    from nndesk.nn.architecture import output_count, with_outputs

    if config.dataset in DATASETS:
        return config
    classes = len(class_folder_names(config.dataset))
    if classes < 2 or output_count(config.arch) in (None, classes):
        return config  # the loader's own line says what is wrong with a folder of < 2 classes
    fitted = with_outputs(config.arch, classes)
    print(
        f"--arch not given: layers {fitted}, the last one fitted to the folder's {classes} classes",
        file=log,
    )
    return config.replace(arch=fitted).validate()


def cmd_train(args) -> int:
    # the first ending signal while the run trains stops it and saves; it is taken up by the
    # loop and lasts until the model is saved (``nndesk.cli.signals.stop_requests``)
    with contextlib.ExitStack() as saving_kept:
        return _train_and_save(args, saving_kept)


def _train_and_save(args, saving_kept: contextlib.ExitStack) -> int:
    from nndesk.run_curves import Curves
    from nndesk.training import RunEnded, prepare, train
    from nndesk.training.config import batch_over_train_note
    from nndesk.training.process_split import started_early

    resumed = None
    if args.resume:  # read once: its settings, then its weights and optimizer state
        from nndesk.nn.serialization import load_model

        resumed = load_model(args.resume)
    config = config_from_args(args, resumed)
    log = sys.stderr if args.json else sys.stdout  # with --json stdout holds only the JSON
    if resumed is None and args.arch is None:
        config = _fit_outputs_to_folder(config, log)
    places = save_places(args, config)
    out = checked_out(args, places)  # a bad --out (or no place at all) ends here, untrained
    data = data_folder(args.data_dir, config.dataset, log)
    # the run's helper processes, if its batches will be split over them, start while the data
    # loads and the model is built; those the run does not take end with the block
    with started_early(config):
        bars = DownloadBars()
        try:
            with on_disk_hint(data, config.dataset):
                mirror = download_mirror(data, config.dataset, log)
                session = prepare(
                    config, data_dir=data.folder, resume=resumed, progress=bars, mirror=mirror
                )
        finally:
            bars.close()
        config = session.config
        if resumed is not None:  # which epochs this goes through, as the window's Continue does
            done = session.epochs_done
            before = f"{done} finished before" if done else "none finished before"
            if session.partial is not None:
                before += f", epoch {done + 1} part way"
            print(f"continuing: epochs {done + 1} to {session.last_epoch} ({before})", file=log)
            if config.schedule != "constant":  # it is spread over all the epochs (walk54 D6)
                print(
                    f"{config.schedule} schedule over epochs 1-{session.last_epoch}: "
                    f"epoch {done + 1} trains at lr {session.schedule.lr_at(done):g}",
                    file=log,
                )
        name = args.preset or "custom"
        print(
            f"{name}: {shown(session.dataset.name)}, {config.arch} "
            f"{config.activation}/{config.output}, {config.loss}, "
            f"{config.optimizer} lr {config.lr:g}, "
            f"batch {config.batch_size or 'full'}, {len(session.y_train)} train / "
            f"{len(session.y_val)} val images",
            file=log,
        )
        note = batch_over_train_note(config.batch_size, len(session.y_train))
        if note is not None:
            print(f"nndesk: note: {note}", file=sys.stderr)

        t_start = time.perf_counter()
        bar_state: dict = {"bar": None}
        ended: RunEnded | None = None
        curves = Curves.from_history(list(session.history))  # a resumed model's epochs first
        # a full-batch run has one batch per epoch: a bar per epoch would flood the terminal
        per_epoch_bars = not config.full_batch
        # the first Ctrl-C (SIGTERM, SIGHUP) stops after the batch and still saves
        requests = saving_kept.enter_context(stop_requests())
        for report in train(session, should_stop=requests.stop.is_set):
            _grow(curves, report)
            ended = _show(report, bar_state, per_epoch_bars, log) or ended
        requests.saving = True
    if bar_state["bar"] is not None:
        bar_state["bar"].close()
    seconds = time.perf_counter() - t_start
    assert ended is not None
    if ended.reason == "diverged":
        error(f"training diverged: {ended.message}; no model was saved")
        if args.json:  # a marking script reading the last line gets the report (lab56 D7)
            print_json(_diverged_report(args, session, ended, seconds, data))
        return 1

    result = session.evaluate_test()
    calibration = session.calibrate()
    try:
        if out == places[0]:  # no --out, and the runs folder takes files: a run the window lists
            saved, save_problem = save_run(
                session, curves, ended, args.resume, places[1:], preset=args.preset
            )
        else:
            saved, save_problem = save_with_fallbacks(session, out, places, replace=bool(args.out))
    except OSError as err:  # nowhere to write at all: say so in one line, not as a traceback
        error(err.strerror or str(err))
        return 1
    summary = test_summary(session.model, session.class_names, session.y_test, result)
    if not args.json:  # the JSON carries the report; stderr keeps the short progress lines
        print(session.model.summary(), file=log)
        print(summary["text"], file=log)
    if calibration is not None:
        from nndesk.calibration import fitted_line

        print(fitted_line(calibration), file=log)
    if ended.reason == "stopped":
        print(ended.message, file=log)
    print(f"model saved to {shown(saved)}", file=log)
    if save_problem:
        error(save_problem)
    if args.json:
        payload = {
            "test_accuracy": result.accuracy,
            "test_loss": result.loss,
            "epochs": session.epochs_done,
            "seconds": seconds,
            "per_class": summary["per_class"],
            "confusion": summary["confusion"],
            "history": [history_row(h) for h in session.history],
            "model": str(saved),
            "preset": args.preset,
            "dataset": session.dataset.name,
            "config": config.to_dict(),
            "ended": ended.reason,
            "calibration": calibration,
            "data": data_json(data, config.dataset),
        }
        print_json(payload)
    return 1 if save_problem else 0


def _grow(curves, report) -> None:
    """Add one training report to a run record's ``Curves`` (a batch or an epoch; the run's
    end adds nothing)."""
    from nndesk.training import BatchReport, EpochReport

    if isinstance(report, BatchReport):
        curves.add_batch(report)
    elif isinstance(report, EpochReport):
        curves.add_epoch(report)


def _show(report, bar_state: dict, per_epoch_bars: bool, log):
    """Draw one training report (progress bar, epoch line); return it if it ends the run."""
    from tqdm import tqdm

    from nndesk.training import BatchReport, EpochReport

    bar = bar_state["bar"]
    if isinstance(report, BatchReport):
        if report.notice:  # once a run (its helper process was lost): above any bar
            tqdm.write(f"nndesk: note: {report.notice}", file=sys.stderr)
        if per_epoch_bars:
            if bar is None:
                bar = bar_state["bar"] = tqdm(
                    total=report.batches,
                    desc=f"epoch {report.epoch}",
                    unit="batch",
                    file=sys.stderr,
                    leave=False,
                    mininterval=0.25,
                    disable=None,  # only on a terminal: a log file got every frame (walk50 D11)
                )
            bar.update(1)
            if report.batch % 100 == 0:
                bar.set_postfix(
                    loss=f"{report.loss:.4f}", acc=f"{report.accuracy:.3f}", refresh=False
                )
        return None
    if isinstance(report, EpochReport):
        if bar is not None:
            bar.close()
            bar_state["bar"] = None
        # a full-batch run has hundreds of one-step epochs: print every 50th and the last
        if per_epoch_bars or report.epoch == report.epochs or report.epoch % 50 == 0:
            print(_epoch_line(report), file=log, flush=True)
        return None
    return report


def _epoch_line(r) -> str:
    val = "" if r.val_loss is None else f"  val loss {r.val_loss:.4f} acc {r.val_accuracy:.2%}"
    test = "" if r.test_loss is None else f"  test loss {r.test_loss:.4f} acc {r.test_accuracy:.2%}"
    return (
        f"epoch {r.epoch:>3}/{r.epochs}  loss {r.train_loss:.4f} acc {r.train_accuracy:.2%}"
        f"{val}{test}  lr {r.lr:.3g}  {r.seconds:.1f}s"
    )


def _diverged_report(args, session, ended, seconds: float, data) -> dict:
    """``--json``'s report of a run that diverged: the keys of a finished run's, nothing
    tested or saved (``null``), ``"ended": "diverged"``, and ``message`` saying where."""
    config = session.config
    return {
        "test_accuracy": None,
        "test_loss": None,
        "epochs": session.epochs_done,
        "seconds": seconds,
        "per_class": None,
        "confusion": None,
        "history": [history_row(h) for h in session.history],
        "model": None,
        "preset": args.preset,
        "dataset": session.dataset.name,
        "config": config.to_dict(),
        "ended": ended.reason,
        "message": ended.message,
        "calibration": None,
        "data": data_json(data, config.dataset),
    }
