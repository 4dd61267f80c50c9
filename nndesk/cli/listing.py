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
    # the preset a run came from (walk64 D17), a column only when a listed model has one;
    # --json keeps its keys (a contract): a key for it waits for an issue asking for one
    presets = any(e.preset for e in entries)
    rows = [("name", "source", "dataset", "architecture", "test acc.", "preset")]
    reasons = []  # a file that cannot be read: its row is marked, the why follows the table
    counted = False  # a figure over fewer test images than the whole split (walk64 D23)
    for e in entries:
        accuracy = f"{e.test_accuracy:.2%}" if e.test_accuracy is not None else "–"
        if e.test_accuracy is not None and e.test_images is not None:
            accuracy += f" on {e.test_images:,}"
            counted = True
        name = shown(e.name)
        if e.problem is not None:
            rows.append((name, e.source, "damaged", "(see below)", "", ""))
            reasons.append(f"{name}: {one_line(e.problem)}")
        else:
            rows.append(
                (
                    name,
                    e.source,
                    shown(e.dataset or "?"),
                    shown(e.arch or "?"),
                    accuracy,
                    shown(e.preset or ""),
                )
            )
    columns = 5 if presets else 4  # padded: the ones before the last
    widths = [max(len(r[i]) for r in rows) for i in range(columns)]
    for r in rows:
        cells = r[: columns + 1]
        line = "  ".join(f"{c:<{w}}" for c, w in zip(cells[:-1], widths, strict=True))
        print((line + "  " + cells[-1]).rstrip())
    if counted:
        print(
            wrapped(
                "test acc.: on the whole test split, but where a count follows it: on that "
                "many test images only (a model saved from the window's Lab is scored on its "
                "sample)"
            )
        )
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
