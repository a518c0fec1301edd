"""Search at build time: Pagefind indexes the article bodies only, in French, into ``pagefind/``;
only the search page loads it, and nothing is left of Material's lunr index."""

from __future__ import annotations

import gzip
import json
import re
from pathlib import Path

import pytest

from publication.search_index import SearchIndexError, build_search_index

from .conftest import soup

NNBSP = "\u202f"
SEARCH_PAGE = "recherche/index.html"


def fragments(site: Path) -> list[dict[str, object]]:
    """Every page record of the index: Pagefind stores each one gzip-compressed, as a signature
    followed by JSON."""
    records = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        records.append(json.loads(data[data.index(b"{"):]))
    return records


def article_urls(site: Path) -> set[str]:
    return {f"/{page.parent.relative_to(site).as_posix()}/"
            for page in (site / "mythes").glob("*/index.html")}


def test_the_index_holds_every_article_and_nothing_else(built_site: Path) -> None:
    records = fragments(built_site)
    assert {record["url"] for record in records} == article_urls(built_site)
    assert len(records) == len(article_urls(built_site)) >= 7


def test_the_index_is_french_and_ships_the_ui(built_site: Path) -> None:
    entry = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text())
    assert list(entry["languages"]) == ["fr"]
    for name in ("pagefind.js", "pagefind-ui.js", "pagefind-ui.css", "wasm.fr.pagefind"):
        assert (built_site / "pagefind" / name).is_file(), name


def test_a_result_carries_the_claim_and_the_verdict_and_only_the_body(built_site: Path) -> None:
    record = next(r for r in fragments(built_site) if r["url"] == "/mythes/chatgpt-magique/")
    meta = record["meta"]
    assert isinstance(meta, dict) and isinstance(record["content"], str)
    assert meta["title"] == (f"«{NNBSP}Chat-GPT, c’est magique et ça ne consomme pas grand chose "
                             f"de l’utiliser, non{NNBSP}?{NNBSP}»")
    assert meta["verdict"] == "Faux"
    assert "entraînement" in record["content"]
    # The body only: neither the sharing links, the derivations nor the related articles.
    for outside in ("Partager sur LinkedIn", "On a d’autres articles à te proposer",
                    "Notre verdict"):
        assert outside not in record["content"], outside


def test_only_article_bodies_are_marked_for_the_index(built_site: Path) -> None:
    articles = {f"{url.strip('/')}/index.html" for url in article_urls(built_site)}
    for page in built_site.rglob("*.html"):
        bodies = soup(page).select("[data-pagefind-body]")
        relative = page.relative_to(built_site).as_posix()
        if relative in articles:
            assert [b["class"] for b in bodies] == [["vf-body"]], relative
        else:
            assert not bodies, relative


def test_nothing_is_left_of_material_search(built_site: Path) -> None:
    assert not list(built_site.rglob("search_index.json"))
    for page in built_site.rglob("*.html"):
        html = soup(page)
        assert not html.select('[data-md-component="search"]'), page
        assert not html.select("#__search ~ * .md-search"), page


def test_only_the_search_page_loads_search(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = soup(page)
        loaded = [e.get("src") or e.get("href") or "" for e in html.select("script[src], link")]
        search = [url for url in loaded if "pagefind" in url or "search" in url]
        if page.relative_to(built_site).as_posix() == SEARCH_PAGE:
            assert search == ["../pagefind/pagefind-ui.css",
                              "../assets/stylesheets/vf-search.css",
                              "../pagefind/pagefind-ui.js", "../assets/javascripts/vf-search.js"]
        else:
            assert not search, page


def test_every_page_links_to_the_search_page(built_site: Path) -> None:
    for page in ("index.html", "mythes/chatgpt-magique/index.html", "methode/index.html"):
        link = soup(built_site / page).select_one('.md-header a[aria-label="Rechercher"]')
        assert link is not None and link["href"].endswith("recherche/"), page


def test_the_search_page_says_in_french_that_it_needs_javascript(built_site: Path) -> None:
    html = soup(built_site / SEARCH_PAGE)
    assert html.select_one("h1").get_text() == "Rechercher dans les articles"
    message = html.select_one("noscript .vf-search__nojs")
    assert message is not None
    text = re.sub(r"[ \n]+", " ", message.get_text()).strip()  # keeps the narrow spaces
    assert text.startswith("La recherche a besoin de JavaScript")
    assert f"«{NNBSP}Tous les articles{NNBSP}»" in text
    assert message.select_one("a")["href"] in ("..", "../")


def test_a_failure_to_index_fails_in_french_with_pagefinds_reason(tmp_path: Path) -> None:
    with pytest.raises(SearchIndexError) as raised:
        build_search_index(tmp_path, "fr")  # no HTML to index
    message = str(raised.value)
    assert message.startswith("l’index de recherche n’a pas pu être construit : ")
    assert "did not contain any html files" in message
