"""``nndesk download``: fetch and verify a dataset, from the classroom mirror first."""

from __future__ import annotations

import sys

from nndesk.cli.output import DownloadBars, print_json, shown


def cmd_download(args) -> int:
    from nndesk.cli import data_folders
    from nndesk.data import download_dataset
    from nndesk.data.download import DownloadError, files_present

    mirror = data_folders.classroom_mirror()
    if mirror is not None and files_present(args.dataset, args.dest) < 4:
        print(shown(mirror.said()), file=sys.stderr)
    bars = DownloadBars()
    had = files_present(args.dataset, args.dest)
    try:
        source = mirror.source if mirror is not None else ""  # "": none, not $NNDESK_MIRROR again
        path = download_dataset(args.dataset, dest=args.dest, progress=bars, mirror=source)
    except DownloadError as err:
        if err.kind == "cancelled":
            raise
        raise data_folders.with_hint(err, args.dataset) from None
    finally:
        bars.close()
    print(shown(path), file=sys.stderr if args.json else sys.stdout)
    if args.json:
        print_json({"dataset": args.dataset, "path": str(path), "downloaded": had < 4})
    return 0
