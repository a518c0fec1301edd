"""Search in the built site: the index holds every article and nothing else, agrees with the
pages, and only the search page loads anything for search."""

from __future__ import annotations

import json
import re
from pathlib import Path

from publication.search.index import INDEX_DIR
from publication.search.words import fold
from tests.helpers import myth, run_mkdocs, soup

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
    for url, claim, verdict, category, teaser, tags in records(built_site):
        page = soup(built_site / url / "index.html")
        assert page.select_one("h1.vf-claim").get_text() == claim
        assert page.select_one(".vf-verdict__badge").get_text() == verdict
        assert page.select_one(".vf-category").get_text() == category
        assert page.select_one('meta[name="description"]')["content"] == teaser
        shown = [m["content"] for m in page.select('meta[property="article:tag"]')]
        assert [fold(t) for t in tags] == [fold(t) for t in shown]


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
            assert sum(flat[::3]) < count and all(gap >= 0 for gap in flat[::3])
            assert all(weight > 0 for weight in flat[1::3])
            assert all(sentence >= 0 for sentence in flat[2::3])


def test_the_chatgpt_article_is_found_from_its_body_and_claim(built_site: Path) -> None:
    numbers = {record[0]: n for n, record in enumerate(records(built_site))}
    chatgpt = numbers["mythes/chatgpt-magique/"]
    found = shards(built_site)
    for word in ("entrainement", "magique", "consomme"):
        shard = found[word[:2]]
        stems = shard["stems"]
        assert isinstance(stems, dict)
        flat = stems[shard["words"][word]]  # type: ignore[index]
        positions = [sum(flat[:i + 1:3]) for i in range(0, len(flat), 3)]
        assert chatgpt in positions, word


def test_tags_category_and_verdict_are_indexed(built_site: Path) -> None:
    numbers = {record[0]: n for n, record in enumerate(records(built_site))}
    tagged = {record[0] for record in records(built_site) if "désinformation" in record[5]}
    assert len(tagged) >= 2
    shard = shards(built_site)["de"]
    flat = shard["stems"][shard["words"]["desinformation"]]  # type: ignore[index]
    positions = {sum(flat[:i + 1:3]) for i in range(0, len(flat), 3)}
    assert {numbers[url] for url in tagged} <= positions
    for url, _, verdict, category, *_ in records(built_site):
        for text in (verdict, category):
            word = fold(text).split()[-1]
            shard = shards(built_site)[word[:2]]
            flat = shard["stems"][shard["words"][word]]  # type: ignore[index]
            assert numbers[url] in {sum(flat[:i + 1:3]) for i in range(0, len(flat), 3)}


def test_excerpt_files_hold_each_articles_sentences(built_site: Path) -> None:
    numbers = {record[0]: n for n, record in enumerate(records(built_site))}
    number = numbers["mythes/chatgpt-magique/"]
    folder = built_site / INDEX_DIR / "text" / str(number)
    sentences = [s for k in range(len(list(folder.glob("*.json"))))
                 for s in json.loads((folder / f"{k}.json").read_text("utf-8"))]
    assert len(sentences) > 10 and all(0 < len(s) <= 280 for s in sentences)
    assert any("entraîn" in s for s in sentences)
    facets = json.loads((built_site / INDEX_DIR / "facets.json").read_text("utf-8"))
    assert len(facets["of"]) == 2 * len(numbers)
    assert ["désinformation", "etiquettes/desinformation/", 2] in facets["tags"]


def test_only_article_bodies_are_indexed(built_site: Path) -> None:
    # Words of the page around the bodies: sharing links, the verdict scale, related articles.
    words = {w for shard in shards(built_site).values() for w in shard["words"]}  # type: ignore[union-attr]
    assert "entrainement" in words
    for outside in ("linkedin", "etiquettes", "proposer"):  # (tags are, but not the word)
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


def test_the_search_form_is_in_the_page_and_hidden_without_javascript(built_site: Path) -> None:
    """Shown from the first paint (no layout shift when the script starts), hidden by a
    <noscript> style when JavaScript is off; the filters' options are in the page."""
    html = soup(built_site / SEARCH_PAGE)
    assert html.select_one("h1").get_text() == "Rechercher dans les articles"
    form = html.select_one("form#vf-search")
    assert form is not None and not form.has_attr("hidden")
    assert form["data-vf-root"] in ("..", "../")
    style = html.select_one("head noscript")
    assert style is not None and ".vf-search { display: none; }" in style.decode_contents()
    verdicts = [o["value"] for o in form.select("#vf-search-verdict option")]
    assert verdicts == ["", "Vrai", "Plutôt vrai", "Trompeur", "Plutôt faux", "Faux"]
    categories = [o["value"] for o in form.select("#vf-search-category option")]
    assert categories[0] == "" and "Technologie" in categories
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


def test_a_bad_synonyms_file_stops_the_build_in_french(make_project) -> None:
    project = make_project()
    (project / "synonymes.yml").write_text("infox: désinformation\ninfox: intox\n",
                                           encoding="utf-8")
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert "synonymes.yml" in result.stderr and "en double (déjà ligne 1)" in result.stderr
    assert "Traceback" not in result.stderr


def test_synonyms_reach_the_index(make_project) -> None:
    project = make_project(articles={"mythes/essai.md": myth("Les centres de données.")})
    (project / "synonymes.yml").write_text("licornitude: centres de données\n",
                                           encoding="utf-8")
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
    shard = json.loads((project / "site" / INDEX_DIR / "words" / "li.json").read_text("utf-8"))
    assert shard["also"] == {"licornitude": ["centres", "donnees"]}
    assert shard["stems"][shard["words"]["licornitude"]]
