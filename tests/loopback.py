"""Servers on 127.0.0.1 for the download tests: a mirror serving given files (``Server``; the
``server`` fixture in tests/conftest.py starts one per test), one that stalls mid-transfer, and
a URL nothing listens on."""

from __future__ import annotations

import http.server
import socket
import threading


def closed_port_url() -> str:
    """A loopback URL nothing listens on: connecting is refused at once, like being offline."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


class Server:
    """Serves ``files`` (path -> bytes) on 127.0.0.1; ``cut`` paths send half their body."""

    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.cut: set[str] = set()
        self.endless: set[str] = set()  # bytes without end, no length said (a broken mirror)
        self.claims: dict[str, int] = {}  # a Content-Length the body never fills
        self.hits: list[str] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                server.hits.append(self.path)
                if self.path in server.endless:
                    self.send_response(200)
                    self.end_headers()
                    chunk = bytes(1 << 20)
                    try:
                        while True:
                            self.wfile.write(chunk)
                    except OSError:  # the client hung up: what it should do
                        return
                body = server.files.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Length", str(server.claims.get(self.path, len(body))))
                self.end_headers()
                if self.path in server.cut:
                    self.wfile.write(body[: len(body) // 2])
                    self.wfile.flush()
                    self.close_connection = True
                    return
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def serve(server: Server, prefix: str, payloads: dict[str, bytes]) -> str:
    """Serve ``payloads`` (file name -> bytes) under ``prefix``/; returns that folder's URL."""
    for name, body in payloads.items():
        server.files[f"/{prefix}/{name}"] = body
    return f"{server.url}/{prefix}/"


class StallingServer:
    """Sends the headers and a first chunk, then stalls until released (at most 20 s)."""

    def __init__(self, size: int) -> None:
        self.release = threading.Event()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 - the http.server API
                self.send_response(200)
                self.send_header("Content-Length", str(size))
                self.end_headers()
                self.wfile.write(b"\x1f\x8b" + bytes(1022))
                self.wfile.flush()
                outer.release.wait(300)  # stalls far longer than the test waits for a cancel

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.release.set()
        self.httpd.shutdown()
        self.httpd.server_close()
