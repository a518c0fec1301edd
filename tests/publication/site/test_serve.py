"""The editors' preview: ``mkdocs serve`` renders the articles and indexes them for search."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from tests.helpers import ROOT



def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, ""


def test_serve_renders_figures_and_the_search_index(tmp_path: Path) -> None:
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--no-livereload", "--dirty",  # as make serve
         "-a", f"127.0.0.1:{port}", "--config-file", str(ROOT / "mkdocs.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=tmp_path,
    )
    try:
        status, page = 0, ""
        deadline = time.monotonic() + 60  # a bound on waiting, not a timing assertion
        while time.monotonic() < deadline and status != 200:
            try:
                status, page = fetch(base + "mythes/chatgpt-magique/")
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.2)
        assert status == 200, server.stderr.read() if server.poll() is not None else "no answer"
        assert 'class="vf-fig' in page and "{{" not in page
        assert fetch(base + "recherche/")[0] == 200
        status, chunk = 0, ""
        while time.monotonic() < deadline and status != 200:  # the preview indexes after
            status, chunk = fetch(base + "search/articles/0.json")  # serving the pages
            time.sleep(0.1)
        assert status == 200 and "mythes/chatgpt-magique/" in chunk
    finally:
        server.terminate()
        server.wait(timeout=10)
