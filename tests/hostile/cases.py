"""Hostile files: tiny on disk, each declaring (or inflating to) far more than it should.

Shared by the regression tests in this folder and ``benchmarks/bench_hostile.py``, which runs
the command line on each one and prints its exit status, time and peak memory. Every writer
takes a folder and returns what the command line needs: ``(argv, what_it_is)``.
"""

from __future__ import annotations

import gzip
import io
import json
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import numpy as np

from nndesk.nn.architecture import build_model
from nndesk.nn.serialization import model_digest, save_model

MNIST_NAMES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}


def idx_header(code: int, shape: tuple[int, ...]) -> bytes:
    return bytes([0, 0, code, len(shape)]) + struct.pack(f">{len(shape)}I", *shape)


def tiny_model_file(folder: Path, name: str = "tiny.npz") -> Path:
    """A valid 784-10 digits model."""
    model = build_model("784-10", rng=np.random.default_rng(0))
    info = {
        "dataset": "mnist",
        "class_names": [str(i) for i in range(10)],
        "normalization": {"kind": "unit", "per_pixel": False, "mean": None, "std": None},
        "preprocess": "digits",
    }
    return save_model(folder / name, model, info)


def _data_dir(folder: Path, role: str, payload: bytes, gz: bool) -> Path:
    """An MNIST folder whose ``role`` file is ``payload`` and whose other files are tiny."""
    data = folder / "data"
    data.mkdir(exist_ok=True)
    small = {
        "train_images": idx_header(8, (2, 28, 28)) + bytes(2 * 784),
        "train_labels": idx_header(8, (2,)) + bytes(2),
        "test_images": idx_header(8, (2, 28, 28)) + bytes(2 * 784),
        "test_labels": idx_header(8, (2,)) + bytes(2),
    }
    small[role] = payload
    for r, content in small.items():
        if gz and r == role:
            (data / (MNIST_NAMES[r] + ".gz")).write_bytes(gzip.compress(content))
        else:
            (data / MNIST_NAMES[r]).write_bytes(content)
    return data


def gzip_of_zeros(header: bytes, n_zeros: int) -> bytes:
    """A gzip of ``header`` followed by ``n_zeros`` zero bytes, built in steps (never whole)."""
    out = io.BytesIO()
    with gzip.GzipFile(fileobj=out, mode="wb", compresslevel=6) as f:
        f.write(header)
        block = bytes(1 << 24)
        while n_zeros > 0:
            f.write(block[: min(n_zeros, len(block))])
            n_zeros -= len(block)
    return out.getvalue()


def _evaluate_with_data(folder: Path, data: Path) -> list[str]:
    return ["evaluate", str(tiny_model_file(folder)), "--data-dir", str(data)]


# -- IDX ------------------------------------------------------------------------------------------
def idx_huge_dims(folder: Path) -> tuple[list[str], str]:
    payload = idx_header(8, (0xFFFFFFFF,) * 3) + bytes(64)
    data = _data_dir(folder, "test_images", payload, gz=False)
    return _evaluate_with_data(folder, data), "IDX images 0xFFFFFFFF^3 (raw, 80 bytes)"


def idx_huge_dims_gz(folder: Path) -> tuple[list[str], str]:
    payload = idx_header(8, (0xFFFFFFFF,) * 3) + bytes(64)
    data = _data_dir(folder, "test_images", payload, gz=True)
    return _evaluate_with_data(folder, data), "IDX images 0xFFFFFFFF^3 (gzip)"


def idx_labels_2_31(folder: Path) -> tuple[list[str], str]:
    payload = idx_header(8, (2**31,)) + bytes(16)
    data = _data_dir(folder, "test_labels", payload, gz=False)
    return _evaluate_with_data(folder, data), "IDX labels claiming 2^31 (raw)"


def idx_labels_2_31_inflating(folder: Path, n_zeros: int = 2**31) -> tuple[list[str], str]:
    """A gzip that really inflates to the 2^31 labels its header claims (2 MB on disk)."""
    data = folder / "data"
    data.mkdir(exist_ok=True)
    _data_dir(folder, "test_labels", b"", gz=False)
    blob = gzip_of_zeros(idx_header(8, (2**31,)), n_zeros)
    (data / MNIST_NAMES["test_labels"]).unlink()
    (data / (MNIST_NAMES["test_labels"] + ".gz")).write_bytes(blob)
    size = len(blob) / 1e6
    return _evaluate_with_data(folder, data), f"IDX labels 2^31 that inflate ({size:.1f} MB gzip)"


def idx_inflates_past_its_header(folder: Path, n_zeros: int = 2**30) -> tuple[list[str], str]:
    """A gzip whose header declares 10,000 images but whose stream inflates to 1 GiB."""
    data = folder / "data"
    data.mkdir(exist_ok=True)
    _data_dir(folder, "test_images", b"", gz=False)
    blob = gzip_of_zeros(idx_header(8, (10_000, 28, 28)), n_zeros)
    (data / MNIST_NAMES["test_images"]).unlink()
    (data / (MNIST_NAMES["test_images"] + ".gz")).write_bytes(blob)
    size = len(blob) / 1e6
    return _evaluate_with_data(folder, data), f"IDX 10,000 images, stream of 1 GiB ({size:.1f} MB)"


# -- model files ----------------------------------------------------------------------------------
def resigned(
    folder: Path, name: str, edit: Callable[[dict, dict], None], deflated: bool = False
) -> Path:
    """A copy of the tiny model with ``edit(header, arrays)`` applied and a fresh digest, as a
    careful forger would make it: only the header checks stand between it and the loader;
    ``deflated``: its members compressed."""
    src = tiny_model_file(folder, "source.npz")
    with np.load(src, allow_pickle=False) as npz:
        arrays = {k: npz[k] for k in npz.files}
    header = json.loads(arrays.pop("header").tobytes())
    edit(header, arrays)
    header["digest"] = model_digest(arrays, header)
    arrays["header"] = np.frombuffer(json.dumps(header).encode(), np.uint8)
    path = folder / name
    (np.savez_compressed if deflated else np.savez)(path, **arrays)
    return path


def model_billion_units(folder: Path) -> tuple[list[str], str]:
    def edit(header, arrays):
        header["model"]["layers"] = [
            {"type": "Dense", "in_features": 784, "out_features": 10**9, "init": "he"},
            {"type": "Dense", "in_features": 10**9, "out_features": 10, "init": "he"},
        ]

    path = resigned(folder, "units.npz", edit)
    return ["predict", str(path), str(png_small(folder))], "model header: 10^9 units"


def model_3000_layers(folder: Path) -> tuple[list[str], str]:
    def edit(header, arrays):
        header["model"]["layers"] = [
            {"type": "Dense", "in_features": 784, "out_features": 784, "init": "he"}
        ] * 3000 + [{"type": "Dense", "in_features": 784, "out_features": 10, "init": "he"}]

    path = resigned(folder, "layers.npz", edit)
    return ["predict", str(path), str(png_small(folder))], "model header: 3,000 layers"


def model_deep_json(folder: Path) -> tuple[list[str], str]:
    path = folder / "deep.npz"
    text = '{"format": "nndesk-model", "info": ' + "[" * 200_000 + "]" * 200_000 + "}"
    np.savez(path, header=np.frombuffer(text.encode(), np.uint8))
    return ["predict", str(path), str(png_small(folder))], "model header: JSON nested 200,000 deep"


def npz_member_bomb(folder: Path, n_bytes: int = 3 * 2**30) -> tuple[list[str], str]:
    """The tiny model's file with its weight member replaced by one inflating to ``n_bytes``."""
    src = tiny_model_file(folder, "source.npz")
    path = folder / "bomb.npz"
    n_floats = n_bytes // 4
    npy_header = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        npy_header, {"descr": "<f4", "fortran_order": False, "shape": (784, n_floats // 784)}
    )
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename != "param/0/W.npy":
                zout.writestr(info, zin.read(info))
                continue
            with zout.open("param/0/W.npy", "w", force_zip64=True) as member:
                member.write(npy_header.getvalue())
                block = bytes(1 << 24)
                left = (n_floats // 784) * 784 * 4
                while left > 0:
                    member.write(block[: min(left, len(block))])
                    left -= len(block)
    size = path.stat().st_size / 1e6
    gib = n_bytes / 2**30
    what = f".npz member inflating to {gib:.0f} GiB ({size:.1f} MB)"
    return ["predict", str(path), str(png_small(folder))], what


def npz_lying_member(folder: Path) -> tuple[list[str], str]:
    """A member whose .npy header declares 10^10 floats but which holds a few bytes."""
    src = tiny_model_file(folder, "source.npz")
    path = folder / "liar.npz"
    npy = io.BytesIO()
    np.lib.format.write_array_header_1_0(
        npy, {"descr": "<f4", "fortran_order": False, "shape": (100_000, 100_000)}
    )
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "param/0/W.npy":
                data = npy.getvalue() + bytes(64)
            zout.writestr(info.filename, data)
    return ["predict", str(path), str(png_small(folder))], ".npz member declaring 10^10 floats"


def npz_zero_model(folder: Path, units: int = 8192, hidden2: int = 4096) -> tuple[list[str], str]:
    """A model of ``784-units-hidden2-10`` whose weights are all zeros, checksummed and deflated:
    a file of a few hundred kilobytes that inflates to what its (allowed) architecture needs
    (40 million floats, 160 MB, at the defaults)."""

    def edit(header, arrays):
        sizes = [784, units, hidden2, 10] if hidden2 else [784, units, 10]
        layers: list[dict] = []
        arrays.clear()
        for a, b in zip(sizes, sizes[1:], strict=False):
            if layers:
                layers.append({"type": "ReLU"})
            layers.append({"type": "Dense", "in_features": a, "out_features": b, "init": "he"})
            arrays[f"param/{len(layers) - 1}/W"] = np.zeros((a, b), np.float32)
            arrays[f"param/{len(layers) - 1}/b"] = np.zeros(b, np.float32)
        header["model"]["layers"] = layers
        header["optimizer"] = None
        inflated.append(sum(a.nbytes for a in arrays.values()) / 1e6)

    inflated: list[float] = []
    path = resigned(folder, "zeros.npz", edit, deflated=True)
    size = path.stat().st_size / 1e6
    what = f"valid model of zeros, {size:.1f} MB inflating to {inflated[0]:.0f} MB"
    return ["predict", str(path), str(png_small(folder))], what


# -- images ---------------------------------------------------------------------------------------
def png_small(folder: Path) -> Path:
    from PIL import Image

    path = folder / "small.png"
    if not path.exists():
        a = np.zeros((28, 28), np.uint8)
        a[4:24, 12:16] = 255
        Image.fromarray(a).save(path)
    return path


def png_huge(folder: Path, side: int = 12000, pixels: bool = True) -> Path:
    """A PNG of ``side`` x ``side`` pixels, a diagonal stroke on white: ~200 kB on disk.
    ``pixels=False`` writes the header only (one scan line of data): the same claim, made fast."""
    path = folder / f"huge-{side}.png"
    if not pixels:
        _write_png(path, side, side, b"\x00" + b"\xff" * side)
        return path
    raw = bytearray()
    row = bytearray(b"\xff" * side)
    for y in range(side):
        x = y * side // side
        lo, hi = max(0, x - 100), min(side, x + 100)
        line = bytearray(row)
        line[lo:hi] = bytes(hi - lo)
        raw += b"\x00" + line  # filter type 0, grey pixels
    _write_png(path, side, side, bytes(raw))
    return path


def _png_chunk(kind: bytes, body: bytes) -> bytes:
    crc = zlib.crc32(kind + body) & 0xFFFFFFFF
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", crc)


def _write_png(path: Path, width: int, height: int, raw: bytes) -> None:
    """A greyscale 8-bit PNG of pre-filtered scan lines ``raw``, without Pillow's pixel limit."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", ihdr)
        + _png_chunk(b"IDAT", zlib.compress(raw, 6))
        + _png_chunk(b"IEND", b"")
    )


def png_broken_chunk(side: int = 28) -> bytes:
    """A greyscale PNG whose pixels are split over two chunks, the second's name damaged
    (``\\0\\0\\0I``): Pillow opens it and, decoding, raises SyntaxError ("broken PNG file"),
    which nndesk called an unexpected error (exit 1; a folder dataset's whole load failed)."""
    raw = b"".join(b"\x00" + bytes(range(0, 8 * side, 8))[:side] for _ in range(side))
    packed = zlib.compress(raw)
    half = len(packed) // 2
    return (
        b"\x89PNG\r\n\x1a\n"
        + _png_chunk(b"IHDR", struct.pack(">IIBBBBB", side, side, 8, 0, 0, 0, 0))
        + _png_chunk(b"IDAT", packed[:half])
        + _png_chunk(b"\x00\x00\x00I", packed[half:])
        + _png_chunk(b"IEND", b"")
    )


def image_broken_png_chunk(folder: Path) -> tuple[list[str], str]:
    path = folder / "broken-chunk.png"
    path.write_bytes(png_broken_chunk())
    return _predict_image(folder, path, "PNG with a damaged chunk name ({size})")


def _predict_image(folder: Path, path: Path, label: str) -> tuple[list[str], str]:
    """``nndesk predict`` of a tiny model on the image at ``path``; ``label``'s ``{size}`` is
    the file's size (MB from 1 MB, else kB)."""
    size = path.stat().st_size
    shown = f"{size / 1e6:.1f} MB" if size >= 1e6 else f"{size / 1e3:.0f} kB"
    return ["predict", str(tiny_model_file(folder)), str(path)], label.format(size=shown)


def image_huge_png(folder: Path) -> tuple[list[str], str]:
    return _predict_image(folder, png_huge(folder), "PNG 12000x12000 ({size})")


def png_line(folder: Path, length: int = 39_000_000) -> Path:
    """A white PNG 1 pixel wide and ``length`` tall with a black stroke in its middle: under
    the megapixel limit, but millions of rows to decode."""
    path = folder / f"line-{length}.png"
    rows = bytearray(b"\x00\xff" * length)  # filter byte 0 and one white pixel per row
    middle = length // 2
    rows[2 * middle + 1 : 2 * (middle + length // 20) : 2] = bytes(length // 20)
    _write_png(path, 1, length, bytes(rows))
    return path


def image_tall_png(folder: Path) -> tuple[list[str], str]:
    return _predict_image(folder, png_line(folder), "PNG 1x39,000,000 ({size})")


def png_16bit(folder: Path, side: int = 5000) -> Path:
    """A 16-bit grey PNG of ``side`` x ``side`` pixels, a dark bar on black: ~50 kB on disk,
    50 MB decoded (probe 33: the window's peak rose to 511 MB on it)."""
    from PIL import Image

    path = folder / f"grey16-{side}.png"
    a = np.zeros((side, side), np.uint16)
    a[side * 2 // 5 : side * 3 // 5, side * 12 // 25 : side * 13 // 25] = 60000
    Image.fromarray(a).save(path)
    return path


def image_16bit_png(folder: Path) -> tuple[list[str], str]:
    return _predict_image(folder, png_16bit(folder), "16-bit PNG 5000x5000 ({size}), valid")


def png_rgba_largest(folder: Path) -> Path:
    """An RGBA PNG just under ``preprocess.MAX_PIXELS`` (6320x6320, 39.9 megapixels), a white
    bar on opaque black: the largest image nndesk opens, 160 MB decoded."""
    from PIL import Image

    from nndesk.preprocess import MAX_PIXELS

    side = int(MAX_PIXELS**0.5) - 4
    path = folder / f"rgba-{side}.png"
    a = np.zeros((side, side, 4), np.uint8)
    a[..., 3] = 255
    a[side * 2 // 5 : side * 3 // 5, side * 12 // 25 : side * 13 // 25, :3] = 255
    Image.fromarray(a, "RGBA").save(path)
    return path


def image_largest_rgba_png(folder: Path) -> tuple[list[str], str]:
    return _predict_image(
        folder, png_rgba_largest(folder), "RGBA PNG of 40 megapixels ({size}), valid"
    )


def eps_named_png(folder: Path, loop: bool = True) -> Path:
    """An EPS file named ``digit.png``: Pillow tells a format by its first bytes and renders
    EPS by starting Ghostscript on its PostScript, here an endless ``{ } loop`` (``loop``
    False: a black bar, a "1", which Ghostscript renders at once)."""
    body = "{ } loop" if loop else "11 4 6 20 rectfill"
    path = folder / "digit.png"
    path.write_text(
        f"%!PS-Adobe-3.0 EPSF-3.0\n%%BoundingBox: 0 0 28 28\n%%EndComments\n{body}\nshowpage\n",
        encoding="ascii",
    )
    return path


def image_eps_named_png(folder: Path) -> tuple[list[str], str]:
    return _predict_image(folder, eps_named_png(folder), "EPS named .png, {size}, loops for ever")


#: Cases that are valid input: the command answers (exit 0); memory is what they measure.
VALID_CASES = ("png-16bit-5000", "png-rgba-40mp")


def _run_folder(name: str, record: bytes) -> str:
    """A run folder ``name`` holding ``record`` as its run.json, in the runs folder of the
    current ``NNDESK_HOME`` (the benchmark points it into its temporary folder)."""
    from nndesk.paths import runs_dir

    folder = runs_dir() / name
    folder.mkdir(parents=True)
    (folder / "run.json").write_bytes(record)
    return name


def _export_run(folder: Path, name: str, record: bytes) -> list[str]:
    return ["export-script", "--run", _run_folder(name, record), "-o", str(folder / "run.py")]


def run_32mb_of_floats(folder: Path, points: int = 800_000) -> tuple[list[str], str]:
    """A run.json of 32 MB: ``points`` long floats in each batch curve, under the count of values
    read before parsing, so it is parsed (it took seconds, on the GUI thread) and then refused
    for holding more batch points than nndesk reads."""
    values = b",".join([b"0.12345678901234567"] * points)
    record = b'{"curves": {"batch_x": [' + values + b'], "batch_loss": [' + values + b"]}}"
    argv = _export_run(folder, "20261202-000000-000aaaa", record)
    return argv, f"run.json of {len(record) / 2**20:.1f} MB, {2 * points:,} floats"


def run_millions_of_values(folder: Path, points: int = 3_000_000) -> tuple[list[str], str]:
    """A run.json of ``2 * points`` short values: refused before it is parsed."""
    values = b",".join([b"0.5"] * points)
    record = b'{"curves": {"batch_x": [' + values + b'], "batch_loss": [' + values + b"]}}"
    argv = _export_run(folder, "20261202-000000-000dddd", record)
    return argv, f"run.json of {len(record) / 2**20:.1f} MB, {2 * points:,} values"


def run_5000_digit_number(folder: Path) -> tuple[list[str], str]:
    record = b'{"config": {"seed": ' + b"9" * 5000 + b"}}"
    argv = _export_run(folder, "20261202-000000-000bbbb", record)
    return argv, "run.json with a 5,000-digit integer (export-script --run)"


def run_megabyte_setting(folder: Path) -> tuple[list[str], str]:
    record = b'{"config": {"arch": "784-' + b"1" * 1_000_000 + b'-10"}}'
    argv = _export_run(folder, "20261202-000000-000cccc", record)
    return argv, "run.json whose arch is 1 MB long (export-script --run)"


def export_over_a_file(folder: Path) -> tuple[list[str], str]:
    mine = folder / "my_script.py"
    mine.write_text("# the learner's own script\n", encoding="utf-8")
    return [
        "export-script",
        "--preset",
        "fashion-mlp-lab",
        "-o",
        str(mine),
    ], "export-script -o FILE"


#: name -> writer, in the order the benchmark prints them
CASES: dict[str, Callable[[Path], tuple[list[str], str]]] = {
    "idx-dims": idx_huge_dims,
    "idx-dims-gz": idx_huge_dims_gz,
    "idx-labels": idx_labels_2_31,
    "idx-labels-inflating": idx_labels_2_31_inflating,
    "idx-stream-past-header": idx_inflates_past_its_header,
    "model-units": model_billion_units,
    "model-layers": model_3000_layers,
    "model-deep-json": model_deep_json,
    "npz-member-bomb": npz_member_bomb,
    "npz-lying-member": npz_lying_member,
    "npz-zero-model": npz_zero_model,
    "png-12000": image_huge_png,
    "png-1x39M": image_tall_png,
    "png-16bit-5000": image_16bit_png,
    "png-rgba-40mp": image_largest_rgba_png,
    "eps-as-png": image_eps_named_png,
    "png-broken-chunk": image_broken_png_chunk,
    "run-32mb-floats": run_32mb_of_floats,
    "run-6m-values": run_millions_of_values,
    "run-5000-digits": run_5000_digit_number,
    "run-1mb-setting": run_megabyte_setting,
    "export-over-a-file": export_over_a_file,
}
