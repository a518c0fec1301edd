"""What a Pagefind query would load at N synthetic myths (a prototype: not wired into templates).

Indexes a built site with the Pagefind binary from PyPI (``--root-selector article``: Material's
content column, without header, nav and footer), then, on an article page, imports
``/pagefind/pagefind.js``, runs a few French queries and loads the first results' fragments, as a
search box would. Only the requests under ``/pagefind/`` are counted: the page itself still
loads Material's lunr search, which Pagefind is meant to replace. Each query runs in a fresh
context, so each pays Pagefind's fixed part (script, worker, metadata, WebAssembly) too.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import Browser

from .browser import VIEWPORT, Recorder, settle
from .runner import run
from .serving import serve

QUERIES = ("numérique", "émissions de l’entraînement", "centres de données refroidissement")
ROOT_SELECTOR = "article"
#: Loaded once per visitor whatever the query; the rest (index chunks, fragments) is per query.
_FIXED = ("pagefind.js", "pagefind-worker.js", "pagefind-entry.json", ".pf_meta", "wasm.")
RESULTS_SHOWN = 5
MAX_QUERY_KB = 100
_SEARCH = """async ([query, shown]) => {
  const pagefind = await import('/pagefind/pagefind.js');
  await pagefind.init();
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, shown).map(r => r.data()));
  return [search.results.length, data.length];
}"""


def index(site: Path) -> tuple[float, float, int]:
    """Index ``site``; the seconds it took, the bundle's size in MB and its file count."""
    result = run([sys.executable, "-m", "pagefind", "--site", str(site), "--force-language",
                  "fr", "--root-selector", ROOT_SELECTOR, "--quiet"], timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"pagefind failed:\n{result.stderr}")
    files = [f for f in (site / "pagefind").rglob("*") if f.is_file()]
    return result.seconds, sum(f.stat().st_size for f in files) / 1e6, len(files)


def probe(browser: Browser, site: Path, article: str) -> str:
    seconds, size_mb, count = index(site)
    lines = [f"Pagefind prototype (root selector « {ROOT_SELECTOR} »): indexed in {seconds:.1f} s; "
             f"bundle {size_mb:.1f} MB in {count} files.",
             "| query | results | requests | transferred KB | of which fixed KB | of which "
             f"index + fragments KB | target < {MAX_QUERY_KB} KB |",
             "|---|---|---|---|---|---|---|"]
    with serve(site) as server:
        for query in QUERIES:
            context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
            try:
                page = context.new_page()
                recorder = Recorder(page)
                page.goto(server.base + article, wait_until="load", timeout=30_000)
                settle(page, recorder, 30)
                before = len(recorder.requests)
                found, shown = page.evaluate(_SEARCH, [query, RESULTS_SHOWN])
                settle(page, recorder, 30)
                records = [r for r in recorder.records(server.sent)[before:]
                           if "/pagefind/" in r.url]
                kb = sum(r.transfer for r in records) / 1000
                fixed = sum(r.transfer for r in records if any(f in r.path for f in _FIXED))
                lines.append(f"| {query} | {found} ({shown} shown) | {len(records)} | {kb:.1f} "
                             f"| {fixed / 1000:.1f} | {kb - fixed / 1000:.1f} "
                             f"| {'met' if kb < MAX_QUERY_KB else 'NOT met'} |")
            finally:
                context.close()
    return "\n".join(lines)
