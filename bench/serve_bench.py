"""Edit → rebuild time under ``mkdocs serve`` for a site with N synthetic myths.

    python -m bench.serve_bench --n 1000 --edits 3

Two modes: a full rebuild on every change (plain ``mkdocs serve``), and ``--dirty``, as ``make
serve`` runs it (our preview rebuilds only what the edit touches: ``publication/site/preview.py``;
strict mode stays on). For each, it
starts ``mkdocs serve --livereload`` on a free port of 127.0.0.1, waits for the first build, then
edits one article several times. Each edit writes a unique marker into the article; the time is
from the write to the first HTTP response of that article's page that contains the marker
(polled every 50 ms). The browser's own reload, triggered by livereload once the build is done,
is not included. The server is stopped and the project deleted at the end.
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import IO, ClassVar

from .runner import BUILD_ENV, stop_on_sigterm
from .serving import free_port
from .synthetic import ARTICLES_DIR, make_project

POLL = 0.05
#: The issue's target: the edited page rebuilt and reloaded within this many seconds.
TARGET_SECONDS = 1.0


def _get(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return str(response.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _wait_for(url: str, marker: str | None, timeout: float) -> float | None:
    """Seconds until ``url`` answers (and contains ``marker``), or None after ``timeout``."""
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        page = _get(url)
        if page is not None and (marker is None or marker in page):
            return time.perf_counter() - start
        time.sleep(POLL)
    return None


class ServerLog:
    """The server's output lines, each with the time it was read (a thread reads them)."""

    MILESTONES: ClassVar[dict[str, str]] = {"change detected": "Detected file changes",
                                            "build starts": "Building documentation",
                                            "build done": "Documentation built in"}

    def __init__(self, stream: IO[str]) -> None:
        self.lines: list[tuple[float, str]] = []
        self._reader = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self.lines.append((time.perf_counter(), line.rstrip()))

    def milestones(self, since: float) -> dict[str, float | None]:
        """Seconds from ``since`` to the first line of each milestone after it."""
        found: dict[str, float | None] = {}
        for name, text in self.MILESTONES.items():
            found[name] = next((at - since for at, line in list(self.lines)
                                if at >= since and text in line), None)
        return found

    def tail(self) -> str:
        return "\n".join(line for _, line in self.lines[-40:])


Edit = tuple[float | None, dict[str, float | None]]


def measure_mode(config: Path, article: Path, dirty: bool, edits: int, timeout: float
                 ) -> tuple[float | None, list[Edit]]:
    """The first build's time and, for each edit, the time until the page is served (None:
    timed out) with the server's milestones (change detected, build starts, build done)."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--livereload", "--dev-addr",
               f"127.0.0.1:{port}", "--config-file", str(config),
               *(["--dirty"] if dirty else [])]
    url = f"http://127.0.0.1:{port}/{ARTICLES_DIR}/{article.stem}/"
    original = article.read_text(encoding="utf-8")
    server = subprocess.Popen(command, env=BUILD_ENV, stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, start_new_session=True)
    assert server.stdout is not None
    log = ServerLog(server.stdout)
    try:
        first = _wait_for(url, None, timeout)
        results: list[Edit] = []
        for i in range(edits if first is not None else 0):
            time.sleep(1.5)  # let the server settle (watchers, livereload)
            marker = f"marqueur-{os.getpid()}-{i}-{time.monotonic_ns()}"
            written = time.perf_counter()
            article.write_text(original + f"\nMesure de reconstruction : {marker}.\n",
                               encoding="utf-8")
            served = _wait_for(url, marker, timeout)
            results.append((served, log.milestones(written)))
        if first is None:
            print(log.tail(), file=sys.stderr)
        return first, results
    finally:
        article.write_text(original, encoding="utf-8")
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=15)


def our_share(article: Path, repeat: int = 7) -> str:
    """What our plugin does in a dirty rebuild, in this process: a fresh ``Publication`` (load
    the parameters, build the renderer), then the edited page rendered; and, of that, the
    calculators: the most a cache of calculator results could save."""
    from calculators import Catalog
    from publication.pipeline import Publication

    from .synthetic import ROOT

    text = article.read_text(encoding="utf-8")
    setup, page, calc = [], [], []
    for _ in range(repeat):
        start = time.perf_counter()
        publication = Publication(ROOT / "content", ARTICLES_DIR, {}, ROOT,
                                  ROOT / "calculators" / "data")
        ready = time.perf_counter()
        publication.render_page(f"{ARTICLES_DIR}/{article.name}", text)
        done = time.perf_counter()
        catalog = Catalog.load()
        parameters = catalog.bind()
        computed = time.perf_counter()
        for key in catalog.calculations:
            parameters.calculate(key)
        calc.append(time.perf_counter() - computed)
        setup.append(ready - start)
        page.append(done - ready)
    ms = {name: statistics.median(values) * 1000
          for name, values in (("setup", setup), ("page", page), ("calc", calc))}
    return (f"Our plugin's share of a dirty rebuild (in process, median of {repeat}): "
            f"{ms['setup']:.0f} ms to load the parameters and build the renderer, "
            f"{ms['page']:.0f} ms to render the edited page; computing every calculator "
            f"({len(catalog.calculations)}) takes {ms['calc']:.1f} ms, the most a cache of "
            "calculator results could save per rebuild.")


def dirty_in_process(config: Path, article: Path, edits: int) -> str:
    """MkDocs' own dirty rebuild in this process (configuration loaded again, as ``serve``
    does), without the file watcher and livereload's debounce. The plugin object is the same
    for every build (MkDocs keeps it), so shutting down the first configuration's plugins ends
    the session."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    original = article.read_text(encoding="utf-8")
    times = []
    with tempfile.TemporaryDirectory(prefix="vf-dirty-") as site:
        first = load_config(str(config), site_dir=site)
        first.plugins.on_startup(command="serve", dirty=True)  # as `mkdocs serve --dirty`
        build(first, dirty=True)
        try:
            for i in range(edits):
                time.sleep(1.1)  # a newer modification time than the built page
                article.write_text(original + f"\nModification {i}.\n", encoding="utf-8")
                start = time.perf_counter()
                build(load_config(str(config), site_dir=site), dirty=True)
                times.append(time.perf_counter() - start)
        finally:
            article.write_text(original, encoding="utf-8")
            first.plugins.on_shutdown()  # as serve does: waits for the preview's search index
    return (f"A preview rebuild in process (load the configuration, build with dirty=True): "
            f"{', '.join(f'{t:.2f}' for t in times)} s; median "
            f"{statistics.median(times):.2f} s.")


def _text(seconds: float | None) -> str:
    return "timeout" if seconds is None else f"{seconds:.2f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=300, help="seconds per wait")
    args = parser.parse_args(argv)
    stop_on_sigterm()
    rows = []
    with tempfile.TemporaryDirectory(prefix="vf-serve-") as tmp:
        config = make_project(Path(tmp) / "ours", args.n, "ours")
        article = config.parent / "content" / ARTICLES_DIR / "mythe-synthetique-00001.md"
        for dirty in (False, True):
            mode = "make serve (--dirty)" if dirty else "mkdocs serve (full rebuild)"
            print(f"{mode}: starting…", file=sys.stderr, flush=True)
            first, edits = measure_mode(config, article, dirty, args.edits, args.timeout)
            rows.append((mode, first, edits))
        share = our_share(article)
        in_process = dirty_in_process(config, article, args.edits)
    print(f"\nmkdocs serve at N = {args.n:,} synthetic myths (+ the real pages), "
          f"{args.edits} edits of one article\n")
    print("| mode | first build (s) | edit → page served (s), each edit | median |")
    print("|---|---|---|---|")
    for mode, first, edits in rows:
        times = [served for served, _ in edits]
        done = [t for t in times if t is not None]
        median = statistics.median(done) if done else None
        print(f"| {mode} | {_text(first)} | {', '.join(_text(t) for t in times)} "
              f"| {_text(median)} |")
    print("\nEach edit, seconds from the write (server log lines as read; page polled every "
          f"{POLL * 1000:.0f} ms)\n")
    print("| mode | edit | " + " | ".join(ServerLog.MILESTONES) + " | page served |")
    print("|---|---|" + "---|" * (len(ServerLog.MILESTONES) + 1))
    for mode, _, edits in rows:
        for number, (served, milestones) in enumerate(edits, 1):
            cells = [_text(milestones[name]) for name in ServerLog.MILESTONES]
            print(f"| {mode} | {number} | " + " | ".join(cells) + f" | {_text(served)} |")
    print("\nTarget (issue 7): edit → rebuilt and reloaded in under "
          f"{TARGET_SECONDS:.0f} s at N = 1,000")
    for mode, _, edits in rows:
        done = [served for served, _ in edits if served is not None]
        if done:
            median = statistics.median(done)
            verdict = "met" if median < TARGET_SECONDS else "NOT met"
            print(f"- {mode}: {median:.2f} s → {verdict}")
    print("\n" + in_process)
    print(share)
    return 0


if __name__ == "__main__":
    sys.exit(main())
