"""The editors' preview: ``mkdocs serve`` renders the articles and indexes them for search."""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

from tests.helpers import ROOT, replace_in


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


def _wait_for(url: str, wanted: str, deadline: float) -> str:
    """The page at ``url`` once it contains ``wanted`` (or the last answer, at the deadline)."""
    page = ""
    while time.monotonic() < deadline:
        try:
            page = fetch(url)[1]
        except (urllib.error.URLError, ConnectionError):
            page = ""
        if wanted in page:
            break
        time.sleep(0.2)
    return page


def test_a_broken_save_shows_its_errors_then_the_fixed_page(
        make_project: Callable[..., Path]) -> None:
    """``make serve`` itself: after a save that breaks the article, its open page reloads onto
    the error page; after the fix, onto the article."""
    project = make_project()
    article = project / "content" / "mythes" / "fracture-numerique.md"
    port = free_port()
    url = f"http://127.0.0.1:{port}/mythes/fracture-numerique/"
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dirty",  # as make serve
         "-a", f"127.0.0.1:{port}", "--config-file", str(project / "mkdocs.yml")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"}, cwd=project,
    )
    try:
        deadline = time.monotonic() + 90  # a bound on waiting, not a timing assertion
        page = _wait_for(url, "vf-claim", deadline)
        epoch = re.search(r"livereload\((\d+),", page)
        assert epoch, "the served article has the livereload script"
        replace_in(article, "Quand on parle", '{{ param("<b>inconnu</b>") }} Quand on parle')
        broken = _wait_for(url, "L’aperçu n’a pas pu être construit", deadline)
        assert "&lt;b&gt;inconnu&lt;/b&gt;" in broken and "<b>" not in broken
        assert "content/mythes/fracture-numerique.md:" in broken
        # the open page's poll answers with a newer epoch: the browser reloads by itself
        assert int(fetch(f"http://127.0.0.1:{port}/livereload/{epoch[1]}/1")[1]) > int(epoch[1])
        replace_in(article, '{{ param("<b>inconnu</b>") }} Quand on parle', "Quand on parle")
        fixed = _wait_for(url, "vf-claim", deadline)
        assert "vf-claim" in fixed and "L’aperçu n’a pas pu" not in fixed
    finally:
        server.terminate()
        server.wait(timeout=10)
