"""``nndesk presets`` and ``nndesk models``: the lab experiments and the models, one line each
(``--json``: one object per line)."""

from __future__ import annotations

import json

from nndesk.cli.output import one_line, shown, strict_json, wrapped


def cmd_presets(args) -> int:
    from nndesk.presets import PRESETS_FOOTNOTE, PRESETS_HEADER, list_presets

    if args.json:  # one object per line, as `models --json`
        for preset in list_presets():
            print(json.dumps(strict_json(preset.to_dict()), allow_nan=False))
        return 0
    print(PRESETS_HEADER)
    for preset in list_presets():
        print(preset.line())
    print(PRESETS_FOOTNOTE)
    return 0


def cmd_models(args) -> int:
    from nndesk.models import list_models
    from nndesk.runs import RunStore

    RunStore().remove_stale_temps()  # what killed saves left beside the models listed
    entries = list_models()
    if args.json:
        for entry in entries:
            print(json.dumps(entry.to_dict()))
        return 0
    if not entries:
        print("no models: the shipped ones are missing and no run has saved one yet")
        return 0
    rows = [("name", "source", "dataset", "architecture", "test acc.")]
    reasons = []  # a file that cannot be read: its row is marked, the why follows the table
    for e in entries:
        accuracy = f"{e.test_accuracy:.2%}" if e.test_accuracy is not None else "–"
        name = shown(e.name)
        if e.problem is not None:
            rows.append((name, e.source, "damaged", "(see below)", ""))
            reasons.append(f"{name}: {one_line(e.problem)}")
        else:
            rows.append((name, e.source, shown(e.dataset or "?"), shown(e.arch or "?"), accuracy))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        line = "  ".join(f"{c:<{w}}" for c, w in zip(r[:4], widths, strict=True)) + "  " + r[4]
        print(line.rstrip())
    if reasons:
        print()
        for reason in reasons:
            print(wrapped(reason))
    if any(e.source == "saved" for e in entries):
        from nndesk.paths import data_dir, runs_dir

        runs = runs_dir()
        if runs.exists() and not runs.is_dir():  # the models went to the nndesk folder
            print(
                f"saved models are kept in {shown(data_dir())} ({shown(runs)} is a file, "
                "not a folder)"
            )
        else:
            print(f"saved models are kept in {shown(runs)}")
    return 0
