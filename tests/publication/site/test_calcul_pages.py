"""Each article's calculations on their own page, ``mythes/<slug>/calcul/``: every link between
the article and that page resolves, the article says how many figures it computes, and the page
is real content (sitemap, canonical URL) that is never taken for an article."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from publication.views.feed import ATOM
from tests.helpers import myth, run_mkdocs, soup

SITE_URL = "http://127.0.0.1:8000/"
NNBSP = "\u202f"
SUMMARY = re.compile(r"Voir tous les calculs\u202f: (\d+) chiffres?, (.+)\.")
MYTH = myth("Texte sans chiffre.", title="Un mythe sans chiffre")


def articles(site: Path) -> list[Path]:
    """Every article folder of the built site."""
    folders = sorted(p.parent for p in (site / "mythes").glob("*/index.html"))
    assert len(folders) >= 7
    return folders


def ids(page: BeautifulSoup) -> set[str]:
    return {element["id"] for element in page.select("[id]")}


def test_every_article_has_a_calcul_page_its_figures_link_to(built_site: Path) -> None:
    for folder in articles(built_site):
        article, calcul = soup(folder / "index.html"), soup(folder / "calcul" / "index.html")
        figures = article.select("a.vf-fig")
        assert figures, folder
        targets = ids(calcul)
        for figure in figures:
            page, _, fragment = figure["href"].partition("#")
            assert page == "calcul/", figure
            assert fragment in targets, f"{folder.name}: #{fragment}"
        # Nothing of the derivations is left on the article but its summary.
        assert not article.select(".vf-derivation")


def test_every_way_back_leads_to_its_figure_in_the_article(built_site: Path) -> None:
    for folder in articles(built_site):
        article, calcul = soup(folder / "index.html"), soup(folder / "calcul" / "index.html")
        backs = calcul.select("a.vf-derivation__back")
        assert backs, folder
        for back in backs:
            assert back.get_text() == "↩ Revenir au texte"
            page, _, fragment = back["href"].partition("#")
            assert page == "../"
            figure = article.find(id=fragment)
            assert figure is not None and "vf-fig" in figure["class"], f"{folder.name}: {fragment}"
            block = back.find_parent(class_="vf-derivation")
            assert figure["href"] == f"calcul/#{block['id']}"


def test_inputs_and_sources_resolve_on_the_calcul_page(built_site: Path) -> None:
    for folder in articles(built_site):
        calcul = soup(folder / "calcul" / "index.html")
        targets = ids(calcul)
        internal = [a["href"] for a in calcul.select(".vf-derivations a[href^='#']")]
        assert internal, folder
        for href in internal:
            assert href[1:] in targets, f"{folder.name}: {href}"


def test_sources_are_cited_and_sorted_the_same_way_on_both_pages(built_site: Path) -> None:
    """One list, in alphabetical order of its citations, on the article and its calcul page
    (which adds each source's note); every citation names its source by author and year, as
    the article's text does."""
    for folder in articles(built_site):
        article, calcul = soup(folder / "index.html"), soup(folder / "calcul" / "index.html")

        def listed(page: BeautifulSoup) -> list[tuple[str, str]]:
            return [(li["id"], " ".join(t.strip() for t in li.find_all(string=True)
                                        if t.parent.name != "small" and t.strip()))
                    for li in page.select(".vf-sources__list > li")]

        assert listed(calcul) == listed(article), folder
        sources = dict(listed(calcul))
        links = calcul.select(".vf-derivations a[href^='#source-']")
        assert links, folder
        for link in links:
            author, _, year = link.get_text().rpartition(", ")
            assert author and year.isdigit(), f"{folder.name}: {link}"
            entry = sources[link["href"][1:]]
            assert entry.startswith(link.get_text() + " ."), f"{folder.name}: {link} for {entry}"
        keys = [b.get_text() for b in calcul.select(".vf-sources__list > li > .vf-sources__key")]
        assert len(keys) == len(sources), folder


def expected_summary(calcul: BeautifulSoup) -> tuple[int, int]:
    """Figures the reader saw (blocks with a way back) and those resting on hypotheses."""
    shown = [b for b in calcul.select(".vf-derivation") if b.select_one(".vf-derivation__back")]
    assumed = [b for b in shown if "vf-derivation--hypothesis" in b["class"]]
    return len(shown), len(assumed)


def test_the_article_says_how_many_figures_and_hypotheses(built_site: Path) -> None:
    for folder in articles(built_site):
        article, calcul = soup(folder / "index.html"), soup(folder / "calcul" / "index.html")
        section = article.select_one(".vf-calcul-summary")
        assert section.h2.get_text() == f"Comment a-t-on calculé{NNBSP}?"
        assert section.select_one("a")["href"] == "calcul/"
        text = section.select("p")[-1].get_text()
        match = SUMMARY.fullmatch(text)
        assert match, text
        shown, assumed = expected_summary(calcul)
        assert int(match[1]) == shown
        if assumed == 0:
            assert "aucun" in match[2], text
        else:
            assert match[2].startswith(f"dont {assumed} repose"), text
        # As many figures flagged « (hypothèse) » in the text as the summary counts.
        flagged = {a["href"] for a in article.select("a.vf-fig--hypothesis")}
        assert len(flagged) == assumed


def test_the_chatgpt_summary_reads_in_french(built_site: Path) -> None:
    section = soup(built_site / "mythes/chatgpt-magique/index.html").select_one(
        ".vf-calcul-summary")
    assert section.select("p")[-1].get_text() == (
        f"Voir tous les calculs{NNBSP}: 36 chiffres, dont 12 reposent sur des hypothèses sans "
        "source.")


def test_the_calcul_page_shows_the_claim_and_leads_back(built_site: Path) -> None:
    page = soup(built_site / "mythes/chatgpt-magique/calcul/index.html")
    assert page.h1.get_text() == f"Comment a-t-on calculé{NNBSP}?"
    claim = page.select_one(".vf-calcul__claim")
    assert "Chat-GPT, c’est magique" in claim.get_text()
    assert claim.select_one("a")["href"] == "../"
    assert claim.select_one(".vf-pill").get_text() == "Faux"
    assert [a.get_text() for a in page.select("a.vf-back")] == ["‹ Revenir à l’article"] * 2
    assert all(a["href"] == "../" for a in page.select("a.vf-back"))
    assert page.title.get_text().startswith(
        f"Comment a-t-on calculé{NNBSP}? — «{NNBSP}Chat-GPT, c’est magique")
    assert page.select_one(".vf-category")["href"] == "../../../categories/technologie/"


def test_the_calcul_page_is_a_webpage_about_the_article(built_site: Path) -> None:
    page = soup(built_site / "mythes/chatgpt-magique/calcul/index.html")
    url = urljoin(SITE_URL, "mythes/chatgpt-magique/calcul/")
    assert page.select_one('link[rel="canonical"]')["href"] == url
    og = {m["property"]: m["content"] for m in page.select("meta[property]")}
    assert (og["og:type"], og["og:url"]) == ("website", url)
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    data = json.loads(scripts[0].string)
    assert data["@type"] == "WebPage" and data["url"] == url
    article = urljoin(SITE_URL, "mythes/chatgpt-magique/")
    assert data["about"] == {"@type": "Article", "@id": f"{article}#article", "url": article,
                             "headline": "ChatGPT, c’est magique et ça ne consomme presque rien ?"}
    assert "ClaimReview" not in scripts[0].string


def test_the_calcul_page_is_in_the_sitemap_and_nowhere_an_article_goes(built_site: Path) -> None:
    calcul_urls = {urljoin(SITE_URL, f"mythes/{f.name}/calcul/") for f in articles(built_site)}
    sitemap = ET.parse(built_site / "sitemap.xml").getroot()
    locs = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert calcul_urls <= locs
    feed = ET.parse(built_site / "feed.xml").getroot()
    assert not {link.get("href") for link in feed.iter(f"{{{ATOM}}}link")} & calcul_urls
    for listing in [built_site / "index.html", *built_site.glob("categories/*/index.html"),
                    *built_site.glob("etiquettes/*/index.html")]:
        assert not [a for a in soup(listing).select(".vf-card a") if "calcul" in a["href"]]
    for folder in articles(built_site):
        related = soup(folder / "index.html").select(".vf-related a")
        assert related and not [a for a in related if "calcul" in a["href"]]
    searched = {record[0] for path in (built_site / "search" / "articles").glob("*.json")
                for record in json.loads(path.read_text(encoding="utf-8"))}
    assert searched == {f"mythes/{folder.name}/" for folder in articles(built_site)}
    report = json.loads((built_site / "figures.json").read_text(encoding="utf-8"))
    assert {f["article"] for f in report["figures"]} == {
        f"mythes/{folder.name}.md" for folder in articles(built_site)}


def test_related_articles_are_one_line_each(built_site: Path) -> None:
    related = soup(built_site / "mythes/chatgpt-magique/index.html").select_one(".vf-related")
    items = related.select(".vf-related__list > li")
    assert len(items) == 3 and not related.select("img")
    for item in items:
        # The claim links to the article, then its verdict: three elements, no card markup.
        assert [child.name for child in item.find_all(True)] == ["a", "b"]
        assert item.a.get_text().startswith(f"«{NNBSP}") and item.a["href"].startswith("../")
        assert item.select_one("b.vf-pill").get_text()


def test_an_article_without_figures_has_no_calcul_page(
        make_project: Callable[..., Path]) -> None:
    project = make_project(articles={"mythes/sans-chiffre.md": MYTH})
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
    site = project / "site"
    folder = site / "mythes" / "sans-chiffre"
    assert folder.joinpath("index.html").is_file()
    assert not soup(folder / "index.html").select(".vf-calcul-summary")
    assert not folder.joinpath("calcul").exists()
    assert "sans-chiffre/calcul/" not in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert (site / "mythes" / "chatgpt-magique" / "calcul" / "index.html").is_file()


def test_a_content_file_cannot_take_a_calcul_page_path(
        make_project: Callable[..., Path]) -> None:
    """The build and ``check`` refuse it alike (``check`` once accepted it)."""
    project = make_project(articles={"mythes/chatgpt-magique/calcul.md": MYTH})
    error = ("content/mythes/chatgpt-magique/calcul.md:1: nom de fichier réservé « calcul.md » : "
             "c’est celui de la page des calculs de chaque article")
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert error in result.stderr
    checked = subprocess.run([sys.executable, "-m", "publication", "check"], cwd=project,
                             capture_output=True, text=True, check=False)
    assert checked.returncode == 1 and error in checked.stderr
