"""Search in the built site: the index holds every article and nothing else, agrees with the
pages, and only the search page loads anything for search."""

from __future__ import annotations

import json
import re
from pathlib import Path

from publication.search.index import INDEX_DIR
from tests.helpers import soup

NNBSP = "\u202f"
SEARCH_PAGE = "recherche/index.html"


def article_urls(site: Path) -> list[str]:
    return sorted(f"{page.parent.relative_to(site).as_posix()}/"
                  for page in (site / "mythes").glob("*/index.html"))


def records(site: Path) -> list[list[str]]:
    chunks = sorted((site / INDEX_DIR / "articles").glob("*.json"), key=lambda p: int(p.stem))
    return [record for chunk in chunks for record in json.loads(chunk.read_text("utf-8"))]


def shards(site: Path) -> dict[str, dict[str, object]]:
    return {path.stem: json.loads(path.read_text("utf-8"))
            for path in sorted((site / INDEX_DIR / "words").glob("*.json"))}


def test_the_index_lists_every_article_once_and_nothing_else(built_site: Path) -> None:
    urls = [record[0] for record in records(built_site)]
    assert sorted(urls) == article_urls(built_site)
    assert len(urls) == len(set(urls)) >= 7


def test_each_record_shows_what_the_article_page_shows(built_site: Path) -> None:
    for url, claim, verdict, category, teaser in records(built_site):
        page = soup(built_site / url / "index.html")
        assert page.select_one("h1.vf-claim").get_text() == claim
        assert page.select_one(".vf-verdict__badge").get_text() == verdict
        assert page.select_one(".vf-category").get_text() == category
        assert page.select_one('meta[name="description"]')["content"] == teaser


def test_shards_are_consistent(built_site: Path) -> None:
    count = len(records(built_site))
    found = shards(built_site)
    assert found
    for name, shard in found.items():
        assert shard["articles"] == count
        words, stems = shard["words"], shard["stems"]
        assert isinstance(words, dict) and isinstance(stems, dict)
        assert set(stems) == set(words.values())
        for word in words:
            assert word[:2] == name or not re.fullmatch(r"[a-z0-9]{2}", name)
        for flat in stems.values():
            assert sum(flat[::2]) < count and all(gap >= 0 for gap in flat[2::2])


def test_the_chatgpt_article_is_found_from_its_body_and_claim(built_site: Path) -> None:
    numbers = {record[0]: n for n, record in enumerate(records(built_site))}
    chatgpt = numbers["mythes/chatgpt-magique/"]
    found = shards(built_site)
    for word in ("entrainement", "magique", "consomme"):
        shard = found[word[:2]]
        stems = shard["stems"]
        assert isinstance(stems, dict)
        flat = stems[shard["words"][word]]  # type: ignore[index]
        positions = [sum(flat[:i + 1:2]) for i in range(0, len(flat), 2)]
        assert chatgpt in positions, word


def test_only_article_bodies_are_indexed(built_site: Path) -> None:
    # Words of the page around the bodies: sharing links, the verdict scale, related articles.
    words = {w for shard in shards(built_site).values() for w in shard["words"]}  # type: ignore[union-attr]
    assert "entrainement" in words
    for outside in ("linkedin", "etiquettes", "proposer"):
        assert outside not in words, outside


def test_nothing_is_left_of_pagefind_or_material_search(built_site: Path) -> None:
    assert not (built_site / "pagefind").exists()
    assert not list(built_site.rglob("search_index.json"))
    for page in built_site.rglob("*.html"):
        html = soup(page)
        assert not html.select('[data-md-component="search"]'), page
        assert not html.select("#__search ~ * .md-search"), page


def test_only_the_search_page_loads_search(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = soup(page)
        loaded = [e.get("src") or e.get("href") or "" for e in html.select("script[src], link")]
        search = [url for url in loaded if "search" in url]
        if page.relative_to(built_site).as_posix() == SEARCH_PAGE:
            assert search == ["../assets/stylesheets/vf-search.css",
                              "../assets/javascripts/vf-search.js"]
        else:
            assert not search, page


def test_every_page_links_to_the_search_page(built_site: Path) -> None:
    for page in ("index.html", "mythes/chatgpt-magique/index.html", "methode/index.html"):
        link = soup(built_site / page).select_one('.md-header a[aria-label="Rechercher"]')
        assert link is not None and link["href"].endswith("recherche/"), page


def test_the_search_form_waits_for_javascript(built_site: Path) -> None:
    html = soup(built_site / SEARCH_PAGE)
    assert html.select_one("h1").get_text() == "Rechercher dans les articles"
    form = html.select_one("form#vf-search")
    assert form is not None and form.has_attr("hidden") and form["data-vf-root"] in ("..", "../")
    field = form.select_one('input[type="search"][name="q"]')
    assert field is not None and field["aria-labelledby"] == "vf-search-title"
    assert form.select_one('[role="status"][aria-live="polite"]') is not None


def test_the_search_page_says_in_french_that_it_needs_javascript(built_site: Path) -> None:
    html = soup(built_site / SEARCH_PAGE)
    message = html.select_one("noscript .vf-search__nojs")
    assert message is not None
    text = re.sub(r"[ \n]+", " ", message.get_text()).strip()  # keeps the narrow spaces
    assert text.startswith("La recherche a besoin de JavaScript")
    assert f"«{NNBSP}Tous les articles{NNBSP}»" in text
    assert message.select_one("a")["href"] in ("..", "../")
