"""Classroom mirrors, cancelling, offline and local errors, all against servers on 127.0.0.1."""

from __future__ import annotations

import gzip
import threading
from dataclasses import replace

import pytest

from nndesk import cli
from nndesk.data import download
from nndesk.data.download import Cancel, DownloadError, download_dataset, mirror_sources
from nndesk.data.registry import FASHION, MNIST
from tests.loopback import StallingServer, closed_port_url, serve


@pytest.fixture
def mnist_like(tiny):
    """The tiny dataset under the name "mnist", so a classroom mirror serves it from mnist/."""
    spec, payloads, arrays = tiny
    return (
        replace(spec, name="mnist", short_title="MNIST", mirrors=(closed_port_url(),)),
        payloads,
        arrays,
    )


def test_public_mirrors_are_tried_https_first():
    for spec in (MNIST, FASHION):
        sources = mirror_sources(spec, mirror="")
        assert sources[0].startswith("https://")
        assert sorted(sources) == sorted(spec.mirrors)
    assert mirror_sources(FASHION, mirror="")[-1].startswith("http://")


def test_the_classroom_mirror_url_is_tried_first_and_the_public_ones_not_at_all(
    server, mnist_like, monkeypatch
):
    spec, payloads, _ = mnist_like
    serve(server, "school/mnist", payloads)
    public = serve(server, "public", payloads)
    spec = replace(spec, mirrors=(public,))
    monkeypatch.setenv("NNDESK_MIRROR", f"{server.url}/school")
    folder = download_dataset(spec)
    assert sorted(p.name for p in folder.iterdir()) == sorted(payloads)
    assert server.hits and all(h.startswith("/school/mnist/") for h in server.hits)


def test_a_classroom_mirror_folder_may_hold_raw_files(mnist_like, tmp_path):
    spec, payloads, arrays = mnist_like
    (tmp_path / "share" / "mnist").mkdir(parents=True)
    for name, body in payloads.items():
        (tmp_path / "share" / "mnist" / name.removesuffix(".gz")).write_bytes(gzip.decompress(body))
    folder = download_dataset(spec, tmp_path / "dest", mirror=str(tmp_path / "share"))
    assert sorted(p.name for p in folder.iterdir()) == sorted(n[:-3] for n in payloads)


def test_a_tampered_classroom_file_is_refused_and_nothing_of_it_is_left(
    server, mnist_like, tmp_path
):
    spec, payloads, _ = mnist_like
    name = "train-labels-idx1-ubyte.gz"
    raw = bytearray(gzip.decompress(payloads[name]))
    raw[-1] ^= 1
    serve(server, "school/mnist", {**payloads, name: gzip.compress(bytes(raw))})
    dest = tmp_path / "dest"
    with pytest.raises(DownloadError) as err:
        download_dataset(spec, dest, mirror=f"{server.url}/school/")
    assert err.value.kind == "mirrors"
    assert str(err.value).startswith(f"{name}: download failed (")
    assert "/school/mnist/: checksum mismatch" in str(err.value)
    assert sorted(p.name for p in dest.iterdir()) == ["train-images-idx3-ubyte.gz"]


def test_a_tampered_classroom_file_is_replaced_by_a_good_public_copy(server, mnist_like):
    spec, payloads, _ = mnist_like
    name = "t10k-images-idx3-ubyte.gz"
    serve(server, "school/mnist", {**payloads, name: gzip.compress(b"\0\0\x08\x03rubbish")})
    spec = replace(spec, mirrors=(serve(server, "public", payloads),))
    folder = download_dataset(spec, mirror=f"{server.url}/school")
    assert sorted(p.name for p in folder.iterdir()) == sorted(payloads)
    assert f"/public/{name}" in server.hits


def test_a_gzip_bomb_is_refused_without_inflating_it(server, mnist_like, tmp_path):
    spec, payloads, _ = mnist_like
    bomb = gzip.compress(bytes(80 << 20), compresslevel=9)  # 80 MB of zeros in ~80 KB
    serve(server, "school/mnist", {**payloads, "train-images-idx3-ubyte.gz": bomb})
    with pytest.raises(DownloadError, match="decompresses to more than"):
        download_dataset(spec, tmp_path / "dest", mirror=f"{server.url}/school")
    assert not (tmp_path / "dest").exists()  # nor the folder it made for the file


def test_offline_gives_one_short_sentence(mnist_like, tmp_path):
    spec, _, _ = mnist_like
    spec = replace(spec, mirrors=(closed_port_url(), closed_port_url()))
    with pytest.raises(DownloadError) as err:
        download_dataset(spec, tmp_path / "dest", mirror=closed_port_url())
    assert err.value.kind == "offline"
    offline = "Cannot download MNIST: no download server could be reached (offline?)."
    assert str(err.value) == offline
    assert not (tmp_path / "dest").exists() or list((tmp_path / "dest").iterdir()) == []


def test_a_destination_that_cannot_be_written_is_a_local_error_not_a_mirror_one(
    server, mnist_like, tmp_path
):
    spec, payloads, _ = mnist_like
    spec = replace(spec, mirrors=(serve(server, "a", payloads), serve(server, "b", payloads)))
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(DownloadError) as err:
        download_dataset(spec, blocker / "dest")
    assert err.value.kind == "local"
    assert str(err.value).startswith(f"cannot write the download into {blocker / 'dest'}: ")
    assert "mirror" not in str(err.value) and server.hits == []


def test_cancel_during_a_stalled_transfer_ends_it_and_leaves_nothing(mnist_like, tmp_path):
    spec, _, _ = mnist_like
    stalling = StallingServer(size=1 << 20)
    spec = replace(spec, mirrors=(stalling.url,))
    cancel, first_bytes, outcome = Cancel(), threading.Event(), {}

    def run():
        try:
            download_dataset(
                spec,
                tmp_path / "dest",
                cancel=cancel,
                mirror="",
                progress=lambda *a: first_bytes.set(),
            )
        except DownloadError as err:
            outcome["error"] = err

    worker = threading.Thread(target=run)
    worker.start()
    try:
        assert first_bytes.wait(60), "the server never sent its first bytes"
        cancel.set()  # the server keeps stalling: only shutting the socket ends the read
        # twice the 10 s this waited (a loaded machine), still under the read timeout (30 s),
        # so only the cancel can have ended the read by then
        worker.join(20)
        assert not worker.is_alive(), "cancel did not end a stalled read"
    finally:
        stalling.close()
        worker.join()
    assert outcome["error"].kind == "cancelled"
    assert not (tmp_path / "dest").exists()  # nor the folder it made for the file


def test_the_download_command_says_offline_in_one_short_line(monkeypatch, tmp_path, capsys):
    dead = (closed_port_url(), closed_port_url())
    monkeypatch.setattr(download, "get_spec", lambda name: replace(MNIST, mirrors=dead))
    monkeypatch.delenv("NNDESK_MIRROR", raising=False)
    assert cli.main(["download", "mnist", "--dest", str(tmp_path / "d")]) == 2
    err = capsys.readouterr().err
    # in lower case after "error:", like every other error line (walk qa39 item 9); one line
    # that also names the ways to use files already on disk (walk 43 item 2)
    assert err.startswith(
        "nndesk: error: cannot download MNIST: no download server could be reached (offline?). "
    )
    assert err.count("\n") == 1 and err.endswith("\n")
    assert "--data-dir DIR" in err and "NNDESK_DATA_DIR" in err
