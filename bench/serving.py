"""A static server on 127.0.0.1 that compresses text as any real host does (gzip, level 6)."""

from __future__ import annotations

import gzip
import mimetypes
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

#: Served gzip-compressed when the client accepts it.
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map", ".mjs")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class _Handler(SimpleHTTPRequestHandler):
    cache: dict[str, bytes]
    sent: dict[str, int]  # body bytes last sent for each URL path

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        url_path = self.path.split("?", 1)[0].split("#", 1)[0]
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            if not url_path.endswith("/"):
                super().do_GET()  # redirects to the trailing slash
                return
            path = os.path.join(path, "index.html")
        if not os.path.isfile(path):
            self.send_error(404)
            return
        gzipped = "gzip" in self.headers.get("Accept-Encoding", "") and path.endswith(COMPRESSIBLE)
        key = ("gz:" if gzipped else "") + path
        body = self.cache.get(key)
        if body is None:
            body = Path(path).read_bytes()
            if gzipped:
                body = gzip.compress(body, compresslevel=6, mtime=0)
            self.cache[key] = body
        self.send_response(200)
        kind = mimetypes.guess_type(path)[0] or "application/octet-stream"
        self.send_header("Content-Type", kind)
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        self.sent[url_path] = len(body)


class Server:
    """A running server: its base URL, and the body bytes it sent for each path."""

    def __init__(self, base: str, sent: dict[str, int]) -> None:
        self.base = base
        self.sent = sent


@contextmanager
def serve(directory: Path) -> Iterator[Server]:
    """Serve ``directory`` on a free port of 127.0.0.1 until the block ends."""
    sent: dict[str, int] = {}
    handler = partial(type("Handler", (_Handler,), {"cache": {}, "sent": sent}),
                      directory=str(directory))
    server = ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Server(f"http://127.0.0.1:{server.server_address[1]}/", sent)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
