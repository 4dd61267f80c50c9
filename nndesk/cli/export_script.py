"""``nndesk export-script``: an experiment (a preset, a run, a model file) as a standalone
NumPy script or a Keras notebook."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from nndesk.cli.output import print_json, shown
from nndesk.errors import ConfigError


def cmd_export_script(args) -> int:
    from nndesk import codegen
    from nndesk.errors import ConfigError
    from nndesk.fileio import check_writable

    sources = [s for s in (args.model, args.preset, args.run) if s is not None]
    if len(sources) != 1:
        raise ConfigError("export-script needs exactly one of MODEL.npz, --preset NAME, --run ID")
    if args.preset is not None:
        experiment = codegen.from_preset(args.preset)
        source = f"--preset {args.preset}"
    elif args.run is not None:
        experiment = codegen.from_run(args.run)
        source = f"--run {args.run}"
    else:
        from nndesk.inference import shipped_models

        model = Path(args.model)
        if not model.exists():  # a shipped model by name: `export-script fashion-cnn`
            model = {p.stem: p for p in shipped_models()}.get(args.model, model)
        experiment = codegen.from_model(model)
        source = str(args.model)
    output = str(args.output)
    added = args.notebook and not output.lower().endswith(".ipynb")
    if added:  # Jupyter opens a notebook only by its ending: "-o lab" wrote a file it would not
        output += ".ipynb"
    try:  # the place first: nothing is generated for a folder that refuses the file
        check_writable(Path(output), "-o")
    except OSError as err:
        raise ConfigError(err.strerror or str(err)) from None
    if not args.force and os.path.lexists(output):
        raise _exists_error(output)
    # "-o lab.ipynb" asks for a notebook by its name: a Python script in it would not open
    notebook = args.notebook or output.lower().endswith(".ipynb")
    command = f"nndesk export-script {source} -o {output}"
    if notebook:
        command += " --notebook"
    if args.lang != "en":
        command += f" --lang {args.lang}"
    try:  # never over a file made since the check, unless --force
        path = codegen.write_export(
            experiment,
            output,
            command,
            notebook=notebook,
            replace=args.force,
            language=args.lang,
            data_folder=_data_folder(experiment.dataset) if notebook else None,
        )
    except FileExistsError:
        raise _exists_error(output) from None
    log = sys.stderr if args.json else sys.stdout
    # quoted: a path with a space ("bài lab 1.py") pasted unquoted ran "bài" (walk59)
    run = None if notebook else f"python {shlex.quote(str(path))} --data-dir DIR"
    if notebook:
        ending = " (.ipynb added: Jupyter opens a notebook by that ending)" if added else ""
        print(
            f"wrote {shown(path)}{ending}: a Keras notebook of {shown(experiment.origin)}",
            file=log,
        )
    else:
        print(f"wrote {shown(path)}; run it with: {shown(run)}", file=log)
        from nndesk.codegen.network import is_convolutional, network_steps

        if is_convolutional(network_steps(experiment.config)):  # walk54 D8: 16 min an epoch
            print(
                "its plain NumPy convolutions are slow (a fashion-cnn-lab epoch: ~16 min on a "
                "busy 2-core machine, 30 s in nndesk): try --epochs 1 --limit 1000 first",
                file=log,
            )
    if args.json:
        kind = "notebook" if notebook else "script"
        payload = {"path": str(path), "kind": kind, "source": source, "language": args.lang}
        print_json({**payload, "run": run})
    return 0


def _exists_error(path: str) -> ConfigError:
    """The one line for an -o naming an existing file (a learner's own script, notes...)."""
    return ConfigError(
        f"-o {path}: that file exists; choose another name, or add --force to replace it"
    )


def _data_folder(dataset: str) -> str | None:
    """The folder ``nndesk train`` would read ``dataset`` from now (``$NNDESK_DATA_DIR``, the
    window's folder, the download cache) when it holds the files: the notebook's DATA_DIR."""
    from nndesk.cli.data_folders import choose
    from nndesk.codegen.data_place import app_data_folder

    return app_data_folder(dataset, choose(None, dataset).folder)
