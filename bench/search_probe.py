"""What a first search query loads, and what indexing costs, on a site with N synthetic myths.

Query: in a fresh browser context (empty cache), open ``/recherche/``, wait until nothing loads,
type the query (all at once, or one key every ``--key-delay`` ms as a slow reader would: the page
searches again whenever typing pauses for longer than its 200 ms delay), and wait until the
results are shown and nothing loads. Every request after the page opened belongs to the query:
index shards (``search/words/``) and result metadata (``search/articles/``). The page's own
script and stylesheet, loaded with the page before anything is typed, are reported apart as
"page JS + CSS": a first query pays them too.

Indexing: the project is built once more, in this process, with the plugin's search steps timed
in CPU seconds, the stemmer's cache empty as in a fresh build: each body's text
(``html_text`` in ``on_page_content``), then documents and files (``on_post_build``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from mkdocs.commands.build import build
from mkdocs.config import load_config
from playwright.sync_api import Browser

import publication.site.plugin as plugin
from publication.search.index import INDEX_DIR
from publication.search.words import stem

from .browser import VIEWPORT, Recorder, settle
from .serving import serve

QUERIES = ("numérique", "émissions de l’entraînement", "centres de données refroidissement")
SEARCH_PAGE = "recherche/"
PAGE_FILES = ("vf-search.js", "vf-search.css")
MAX_QUERY_KB = 100
TIMEOUT = 30


def _timed(costs: dict[str, float], name: str, function: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            costs[name] = costs.get(name, 0.0) + time.process_time() - start
    return wrapper


def indexing_cost(config: Path, site: Path) -> str:
    """Build ``config`` into ``site`` in this process; the CPU time of the search steps."""
    costs: dict[str, float] = {}
    originals = plugin.html_text, plugin.documents_of, plugin.write_index
    plugin.html_text = _timed(costs, "body text", plugin.html_text)
    plugin.documents_of = _timed(costs, "documents", plugin.documents_of)
    plugin.write_index = _timed(costs, "index files (stems, postings, JSON, writing)",
                                plugin.write_index)
    stem.cache_clear()
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    start = time.process_time()
    try:
        build(load_config(str(config), site_dir=str(site)))
    finally:
        plugin.html_text, plugin.documents_of, plugin.write_index = originals
    total = time.process_time() - start
    files = [f for f in (site / INDEX_DIR).rglob("*.json")]
    articles = len(list((site / INDEX_DIR / "articles").glob("*.json")))
    search = sum(costs.values())
    lines = [f"Indexing, CPU seconds, in a build of {total:.2f} s: {search:.3f} s "
             f"({search / total:.1%})"]
    lines += [f"- {name}: {seconds:.3f} s" for name, seconds in costs.items()]
    lines.append(f"- index: {len(files)} files ({len(files) - articles} word shards, {articles} "
                 f"metadata files), {sum(f.stat().st_size for f in files) / 1e6:.2f} MB; stems "
                 f"cached {stem.cache_info().currsize}")
    return "\n".join(lines)


def _query(browser: Browser, base: str, sent: dict[str, int], query: str,
           key_delay: float) -> str:
    context = browser.new_context(viewport=VIEWPORT)  # type: ignore[arg-type]
    try:
        page = context.new_page()
        recorder = Recorder(page)
        page.goto(base + SEARCH_PAGE, wait_until="load", timeout=TIMEOUT * 1000)
        settle(page, recorder, TIMEOUT)
        before = len(recorder.requests)
        page.locator("#vf-search-input").press_sequentially(query, delay=key_delay)
        page.locator("#vf-search-status").filter(has_text="trouvé").or_(
            page.locator("#vf-search-status").filter(has_text="Aucun")).wait_for(
            timeout=TIMEOUT * 1000)
        settle(page, recorder, TIMEOUT)
        status = page.locator("#vf-search-status").inner_text()
        shown = page.locator(".vf-search__result").count()
        records = recorder.records(sent)
    finally:
        context.close()
    fixed = sum(r.transfer for r in records[:before] if r.path.endswith(PAGE_FILES))
    after = [r for r in records[before:] if f"/{INDEX_DIR}/" in r.path]
    shards = [r for r in after if "/words/" in r.path]
    metadata = [r for r in after if "/articles/" in r.path]
    words = sum(r.transfer for r in shards) / 1000
    meta = sum(r.transfer for r in metadata) / 1000
    total = fixed / 1000 + words + meta
    verdict = "met" if total < MAX_QUERY_KB else "NOT met"
    return (f"| {query} | {status} ({shown} shown) | {len(after)} ({len(shards)} + "
            f"{len(metadata)}) | {words + meta:.1f} | {words:.1f} | {meta:.1f} "
            f"| {fixed / 1000:.1f} | {total:.1f} | {verdict} |")


def probe(browser: Browser, site: Path, config: Path, key_delays: tuple[float, ...]) -> str:
    lines = [indexing_cost(config, site.with_name(site.name + "-timed")), "",
             "First query on /recherche/, fresh context, gzip KB with headers:", "",
             "| query | results | requests (shards + metadata) | query KB | shards KB "
             "| metadata KB | page JS + CSS KB | first query with JS + CSS KB "
             f"| < {MAX_QUERY_KB} KB |",
             "|---|---|---|---|---|---|---|---|---|"]
    with serve(site) as server:
        for delay in key_delays:
            lines.append(f"| *typed {'at once' if not delay else f'one key every {delay:.0f} ms'}* "
                         "| | | | | | | | |")
            lines += [_query(browser, server.base, server.sent, q, delay) for q in QUERIES]
    return "\n".join(lines)
