"""Page weight: requests, bytes, DOM elements and EcoIndex of the home, a category, an article
and the page of its calculations.

    python -m bench.page_weight --n 1000 [--all-articles] [--search] [--key-delay 0 250]

Builds the real site and a site with N synthetic myths added (temporary folders), serves each on
127.0.0.1 with gzip (``bench/serving.py``), and loads each page once in headless Chromium with an
empty cache (``bench/browser.py``). The article is the same real article in both sites, the one
with the most figures (``ARTICLE``), so its weight can be compared across corpus sizes; its
calculations page (``calcul/``) is measured when the build has one. ``--all-articles`` also
loads every other real article of the real site. ``--search`` also measures what a first query
loads on the synthetic site's search page, and what indexing costs (``bench/search_probe.py``).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import unicodedata
from dataclasses import asdict
from pathlib import Path

from playwright.sync_api import Browser, sync_playwright

from publication.model.schema import CATEGORIES

from .browser import PageLoad, launch, load_page, max_dom_for_grade_a
from .runner import machine, mkdocs_build, stop_on_sigterm
from .search_probe import probe as search_probe
from .serving import serve
from .synthetic import ARTICLES_DIR, ROOT, make_project

RESULTS = Path(__file__).parent / "results"
MAX_ARTICLE_KB = 100
MAX_ARTICLE_REQUESTS = 8
GRADE_A_SCORE = 80
#: The real article measured: the one with the most figures, hence the most derivations.
ARTICLE = "chatgpt-magique"
#: Its calculations page, under the article's folder.
CALCUL = "calcul/"


def _slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode()
    return "-".join(ascii_text.lower().split())


def category_page(site: Path) -> str | None:
    """The first built page named after a category (``…/technologie/index.html``), if any."""
    for category in CATEGORIES:
        for page in sorted(site.rglob(f"{_slug(category)}/index.html")):
            relative = page.parent.relative_to(site).as_posix()
            if not relative.startswith(ARTICLES_DIR + "/"):
                return relative + "/"
    return None


def real_article() -> str:
    return f"{ARTICLES_DIR}/{ARTICLE}/"


def calcul_page(site: Path) -> str | None:
    """The real article's calculations page, if the build has one."""
    path = real_article() + CALCUL
    return path if (site / path / "index.html").is_file() else None


def other_articles(site: Path) -> list[tuple[str, str]]:
    """Every real article but ``ARTICLE``, by its folder name (``--all-articles``)."""
    return [(f"article {md.stem}", f"{ARTICLES_DIR}/{md.stem}/")
            for md in sorted((ROOT / "content" / ARTICLES_DIR).glob("*.md"))
            if md.stem != ARTICLE and (site / ARTICLES_DIR / md.stem / "index.html").is_file()]


def measure_site(browser: Browser, label: str, site: Path,
                 all_articles: bool = False) -> list[PageLoad]:
    pages = [("home", ""), ("category", category_page(site)), ("article", real_article()),
             ("calcul", calcul_page(site))]
    if all_articles:
        pages += other_articles(site)
    loads = []
    with serve(site) as server:
        for page, path in pages:
            if path is None:
                print(f"  {label}: no {page} page in this build", file=sys.stderr)
                continue
            loads.append(load_page(browser, f"{label} {page}", server.base + path, server.sent))
    return loads


def _is_search(path: str) -> bool:
    return "search" in path or "lunr" in path


def table(loads: list[PageLoad]) -> str:
    lines = ["| page | requests | transferred KB (gzip) | decoded KB | DOM elements | EcoIndex "
             "| grade | search files on load |", "|---|---|---|---|---|---|---|---|"]
    for load in loads:
        score, grade = load.ecoindex()
        search = [r for r in load.requests if _is_search(r.path)]
        search_text = (f"{len(search)} ({sum(r.transfer for r in search) / 1000:.1f} KB)"
                       if search else "none")
        lines.append(f"| {load.label} | {len(load.requests)} | {load.transfer_kb:.1f} "
                     f"| {load.body_kb:.1f} | {load.dom} | {score:.0f} | {grade} "
                     f"| {search_text} |")
    return "\n".join(lines)


def breakdown(load: PageLoad) -> str:
    lines = [f"{load.label} ({load.url}):"]
    for r in sorted(load.requests, key=lambda r: -r.transfer):
        note = "  (body size from the server)" if r.from_server else ""
        lines.append(f"  {r.transfer / 1000:8.1f} KB  {r.body / 1000:8.1f} KB decoded  "
                     f"{r.status}  {r.kind:10s} {r.path}{note}")
    return "\n".join(lines)


def dom_budget(load: PageLoad) -> str:
    """Where a page's DOM elements are, and how many grade A allows (as is, without search)."""
    parts = ", ".join(f"{name} {count}" for name, count in load.sections.items() if count)
    search = [r for r in load.requests if _is_search(r.path)]
    kb = load.transfer_kb - sum(r.transfer for r in search) / 1000
    requests = len(load.requests) - len(search)
    return (f"- {load.label}: {load.dom} elements ({parts}); grade A allows at most "
            f"{max_dom_for_grade_a(load.transfer_kb, len(load.requests))} as is, "
            f"{max_dom_for_grade_a(kb, requests)} without the search files "
            f"({requests} requests, {kb:.1f} KB)")


def targets(loads: list[PageLoad]) -> str:
    lines = []
    articles = [load for load in loads if " article" in load.label]
    for load in articles:
        kb_ok = load.transfer_kb <= MAX_ARTICLE_KB
        req_ok = len(load.requests) <= MAX_ARTICLE_REQUESTS
        lines.append(f"- {load.label}: {load.transfer_kb:.1f} KB ≤ {MAX_ARTICLE_KB} KB → "
                     f"{'met' if kb_ok else 'NOT met'}; {len(load.requests)} requests ≤ "
                     f"{MAX_ARTICLE_REQUESTS} → {'met' if req_ok else 'NOT met'}")
    measured = [load for load in articles if load.label.endswith("article")]
    if len(measured) == 2:
        small, large = measured
        growth = large.transfer_kb - small.transfer_kb
        lines.append(f"- Article weight independent of corpus size: {small.transfer_kb:.1f} KB → "
                     f"{large.transfer_kb:.1f} KB ({growth:+.1f} KB) → "
                     f"{'met' if abs(growth) < 1 else 'NOT met'}")
    for load in loads:
        score, grade = load.ecoindex()
        lines.append(f"- EcoIndex grade A (> {GRADE_A_SCORE}) for {load.label}: {score:.0f} "
                     f"({grade}) → {'met' if score > GRADE_A_SCORE else 'NOT met'}")
    for load in loads:
        search = [r for r in load.requests if _is_search(r.path)]
        if search:
            kb = sum(r.transfer for r in search) / 1000
            lines.append(f"- Search loads nothing until used, {load.label}: {len(search)} "
                         f"search requests, {kb:.1f} KB on load → NOT met")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000, help="synthetic myths (0: real site only)")
    parser.add_argument("--search", action="store_true",
                        help="also measure a first search query and the indexing cost on the "
                             "synthetic site")
    parser.add_argument("--all-articles", action="store_true",
                        help="also measure every other real article of the real site")
    parser.add_argument("--key-delay", type=float, nargs="+", default=[0.0, 250.0],
                        help="milliseconds between keys when typing a query (0: all at once)")
    args = parser.parse_args(argv)
    stop_on_sigterm()
    real_count = len(list((ROOT / "content" / ARTICLES_DIR).glob("*.md")))
    loads: list[PageLoad] = []
    notes: list[str] = []
    with tempfile.TemporaryDirectory(prefix="vf-weight-") as tmp, sync_playwright() as pw:
        root = Path(tmp)
        browser = launch(pw)
        chromium = browser.version
        try:
            print("Building the real site…", file=sys.stderr, flush=True)
            mkdocs_build(ROOT / "mkdocs.yml", root / "real-site")
            loads += measure_site(browser, f"N={real_count}", root / "real-site",
                                  args.all_articles)
            if args.n:
                print(f"Building the site with {args.n:,} synthetic myths…", file=sys.stderr,
                      flush=True)
                config = make_project(root / "synthetic", args.n, "ours")
                site = root / "synthetic-site"
                mkdocs_build(config, site)
                loads += measure_site(browser, f"N={args.n + real_count}", site)
                if args.search:
                    notes.append(search_probe(browser, site, config, tuple(args.key_delay)))
        finally:
            browser.close()
    info = machine()
    print(f"\nPage weight, first visit, gzip; {info['date']}, Chromium {chromium}, "
          f"ecoindex-compute {info['ecoindex-compute']}\n")
    print(table(loads))
    print("\nRequests\n" + "\n".join(breakdown(load) for load in loads))
    print("\nDOM elements\n" + "\n".join(dom_budget(load) for load in loads))
    print("\nTargets (issue 7)\n" + targets(loads))
    for note in notes:
        print("\n" + note)
    RESULTS.mkdir(exist_ok=True)
    out = RESULTS / f"weight-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.write_text(json.dumps({"machine": info, "loads": [
        {**asdict(load), "ecoindex": load.ecoindex()} for load in loads]}, indent=1) + "\n",
        encoding="utf-8")
    print(f"\nRaw loads: {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
