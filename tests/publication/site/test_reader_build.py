"""Build tests of what readers and machines get: listing pages, article page, metadata, feed."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from publication.model.verdicts import VERDICTS
from publication.views.feed import ATOM
from publication.views.listing import PER_PAGE
from tests.helpers import ROOT, run_mkdocs, soup

ARTICLE = "mythes/chatgpt-magique/index.html"
SITE_URL = "http://127.0.0.1:8000/"
NNBSP = "\u202f"

MYTH = """---
title: "{title}"
claim: "Le mythe {name}, c’est vrai, non ?"
verdict: {verdict}
date: {date}
author: La rédaction
category: {category}
tags: [{tags}]
description: Résumé du mythe {name}.
summary: En bref, le mythe {name}.
cover: images/chatgpt.svg
cover_alt: Une illustration.
---

Un texte court pour le mythe {name}.
"""


def myth(name: str, date: str, category: str = "Technologie", verdict: str = "faux",
         tags: str = "essai", title: str | None = None) -> str:
    return MYTH.format(name=name, date=date, category=category, verdict=verdict, tags=tags,
                       title=title or f"Le mythe {name}")


def json_ld(page: BeautifulSoup) -> dict[str, dict]:
    scripts = page.select('script[type="application/ld+json"]')
    assert len(scripts) == 1
    graph = json.loads(scripts[0].string)["@graph"]
    return {node["@type"]: node for node in graph}


def article_urls(site: Path) -> set[str]:
    return {urljoin(SITE_URL, p.parent.relative_to(site).as_posix() + "/")
            for p in (site / "mythes").glob("*/index.html")}


def internal_links(site: Path, page: Path) -> list[Path]:
    """The files the page's relative links point to (without fragments)."""
    targets = []
    for a in soup(page).select("a[href]"):
        href = a["href"].split("#")[0]
        if not href or urlparse(href).scheme:
            continue
        target = (page.parent / href).resolve()
        targets.append(target / "index.html" if href.endswith("/") or target.is_dir()
                       else target)
    return targets


@pytest.fixture(scope="module")
def listing_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site with PER_PAGE + 2 short myths, newest is « m13 », in two categories."""
    project = tmp_path_factory.mktemp("listing")
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    shutil.copytree(ROOT / "content", project / "content", ignore=shutil.ignore_patterns("mythes"))
    (project / "mkdocs.yml").write_text((ROOT / "mkdocs.yml").read_text(encoding="utf-8"),
                                        encoding="utf-8")
    myths = project / "content" / "mythes"
    myths.mkdir()
    for i in range(PER_PAGE + 2):
        category = "Communauté" if i % 4 == 0 else "Technologie"
        (myths / f"m{i:02d}.md").write_text(
            myth(f"m{i:02d}", f"2026-03-{1 + i:02d}", category, tags="Essai, IA générative"),
            encoding="utf-8")
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
    return project / "site"


def test_claim_review_has_every_required_field(built_site: Path) -> None:
    page = soup(built_site / ARTICLE)
    nodes = json_ld(page)
    review, article = nodes["ClaimReview"], nodes["Article"]
    url = page.select_one('link[rel="canonical"]')["href"]
    assert review["url"] == article["url"] == url == urljoin(SITE_URL, "mythes/chatgpt-magique/")
    assert review["claimReviewed"].startswith("Chat-GPT, c’est magique")
    assert review["author"]["@type"] == "Organization" and review["author"]["name"]
    assert review["itemReviewed"]["@type"] == "Claim"
    rating = review["reviewRating"]
    faux = VERDICTS["faux"]
    assert rating == {
        "@type": "Rating", "ratingValue": faux.rating,
        "bestRating": max(v.rating for v in VERDICTS.values()),
        "worstRating": min(v.rating for v in VERDICTS.values()),
        "alternateName": "Faux", "ratingExplanation": "Faux et… faux.",
    }
    assert review["datePublished"] == article["datePublished"] == "2026-11-28"
    # « La rédaction » is the newsroom, an organisation within the publisher, not a person.
    assert article["headline"] and article["author"]["@type"] == "Organization"
    assert article["author"]["name"].startswith("La rédaction")
    assert article["author"]["parentOrganization"] == article["publisher"]
    assert article["image"] == urljoin(SITE_URL, "mythes/chatgpt-magique/carte.png")


def test_article_head_has_opengraph_and_twitter_meta(built_site: Path) -> None:
    page = soup(built_site / ARTICLE)
    og = {m["property"]: m["content"] for m in page.select("meta[property]")}
    tw = {m["name"]: m["content"] for m in page.select("meta[name^='twitter:']")}
    assert og["og:type"] == "article"
    assert og["og:url"] == urljoin(SITE_URL, "mythes/chatgpt-magique/")
    # Social networks do not show SVG: the article's share card (PNG) is announced.
    card = urljoin(SITE_URL, "mythes/chatgpt-magique/carte.png")
    assert og["og:image"] == card
    assert (og["og:image:type"], og["og:image:width"], og["og:image:height"]) == (
        "image/png", "1200", "630")
    assert og["og:image:alt"] == tw["twitter:image:alt"]
    assert og["og:image:alt"].startswith(f"«{NNBSP}Chat-GPT") and "Verdict" in og["og:image:alt"]
    # The shared title and description lead with the verdict.
    assert og["og:title"].startswith("Faux\u00a0: ")
    # X falls back to og:title, og:description and og:image: no twitter: copy of them.
    assert not {"twitter:title", "twitter:description", "twitter:image"} & tw.keys()
    assert og["og:description"].startswith("Verdict\u00a0: Faux. ")
    data = (built_site / "mythes" / "chatgpt-magique" / "carte.png").read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    assert (int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")) == (1200, 630)
    assert og["article:section"] == "Technologie"
    assert tw["twitter:card"] == "summary_large_image"
    assert page.title.get_text().endswith(f"Vrai ou faux{NNBSP}?")
    assert page.select_one('link[rel~="alternate"][type="application/atom+xml"]')


def test_every_article_has_its_card_and_other_pages_the_sites(built_site: Path) -> None:
    for url in article_urls(built_site):
        path = urlparse(url).path
        page = soup(built_site / path.lstrip("/") / "index.html")
        image = page.select_one('meta[property="og:image"]')["content"]
        assert image == urljoin(url, "carte.png")
        assert (built_site / path.lstrip("/") / "carte.png").read_bytes()[:4] == b"\x89PNG"
    site_card = urljoin(SITE_URL, "carte.png")
    assert (built_site / "carte.png").read_bytes()[:4] == b"\x89PNG"
    for listing in ("index.html", "recherche/index.html"):
        page = soup(built_site / listing)
        og = {m["property"]: m["content"] for m in page.select("meta[property]")}
        assert og["og:image"] == site_card and og["og:image:type"] == "image/png"
        assert (og["og:image:width"], og["og:image:height"]) == ("1200", "630")
        assert og["og:image:alt"].startswith(f"Vrai ou faux{NNBSP}?")
        assert page.select_one('meta[name="twitter:card"]')["content"] == "summary_large_image"


def test_front_matter_is_escaped_in_html_and_json_ld(make_project: Callable[..., Path]
                                                     ) -> None:
    project = make_project(articles={"mythes/esperluette.md": myth(
        "esperluette", "2026-01-01", title="Tom & Jerry's « test » & co")})
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode == 0, result.stderr
    html = (project / "site" / "mythes" / "esperluette" / "index.html").read_text()
    assert f': Tom &amp; Jerry&#39;s «{NNBSP}test{NNBSP}» &amp; co"' in html  # og:title
    assert "<title>Tom &amp; Jerry&#39;s" in html
    script = html.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "&" not in script and "\\u0026" in script
    nodes = json_ld(soup(project / "site" / "mythes" / "esperluette" / "index.html"))
    assert nodes["Article"]["headline"] == "Tom & Jerry's « test » & co"


def test_feed_and_sitemap_list_every_article(built_site: Path) -> None:
    expected = article_urls(built_site)
    assert expected
    feed = ET.parse(built_site / "feed.xml").getroot()
    entries = feed.findall(f"{{{ATOM}}}entry")
    assert {e.findtext(f"{{{ATOM}}}id") for e in entries} == expected
    assert all(e.findtext(f"{{{ATOM}}}summary") for e in entries)
    sitemap = ET.parse(built_site / "sitemap.xml").getroot()
    locs = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert expected <= locs
    assert urljoin(SITE_URL, "categories/technologie/") in locs


def test_home_lists_articles_newest_first_with_pagination(listing_site: Path) -> None:
    home = soup(listing_site / "index.html")
    titles = [h.get_text() for h in home.select(".vf-card__title")]
    assert len(titles) == PER_PAGE
    assert "m13" in titles[0] and "m02" in titles[-1]
    assert home.select_one(".vf-count").get_text() == f"{PER_PAGE + 2} articles, page 1 sur 2"
    second = soup(listing_site / "page" / "2" / "index.html")
    assert [h.get_text() for h in second.select(".vf-card__title")] == [
        f"«{NNBSP}Le mythe m01, c’est vrai, non{NNBSP}?{NNBSP}»",
        f"«{NNBSP}Le mythe m00, c’est vrai, non{NNBSP}?{NNBSP}»"]
    assert second.select_one('a[rel="prev"]')["href"] == "../.."
    assert home.select_one('a[rel="next"]')["href"] == "page/2/"
    assert home.select_one('.vf-pagination [aria-current="page"]').get_text() == "1"


def test_category_and_tag_pages(listing_site: Path) -> None:
    community = soup(listing_site / "categories" / "communaute" / "index.html")
    assert community.h1.get_text() == "Communauté"
    assert [c.get_text() for c in community.select(".vf-card__category")] == ["Communauté"] * 4
    assert community.select_one('.vf-sections [aria-current="page"]').get_text() == "Communauté"
    assert not (listing_site / "categories" / "entreprenariat").exists()
    assert (listing_site / "etiquettes" / "ia-generative" / "index.html").is_file()
    assert (listing_site / "etiquettes" / "ia-generative" / "page" / "2" / "index.html").is_file()


def test_no_listing_or_article_link_is_broken(listing_site: Path) -> None:
    pages = [listing_site / "index.html", listing_site / "page" / "2" / "index.html",
             listing_site / "categories" / "technologie" / "index.html",
             listing_site / "mythes" / "m05" / "index.html"]
    for page in pages:
        for target in internal_links(listing_site, page):
            assert target.is_file(), f"{page}: {target}"


def test_cards_reserve_their_space_and_load_lazily_below_the_fold(listing_site: Path) -> None:
    covers = soup(listing_site / "index.html").select("img.vf-card__cover")
    assert all(img["width"] == "800" and img["height"] == "420" for img in covers)
    assert all(img["decoding"] == "async" for img in covers)
    assert [img.get("loading") for img in covers[:3]] == [None, None, "lazy"]
    assert all(img.get("loading") == "lazy" for img in covers[2:])


def test_article_page_shows_what_readers_expect(built_site: Path) -> None:
    page = soup(built_site / ARTICLE)
    assert page.h1.get_text() == (
        f"«{NNBSP}Chat-GPT, c’est magique et ça ne consomme pas grand chose de l’utiliser, "
        f"non{NNBSP}?{NNBSP}»")
    assert page.select_one(".vf-category").get_text() == "Technologie"
    assert "Par La rédaction" in page.select_one(".vf-byline").get_text(" ", strip=True)
    assert page.select_one(".vf-byline").get_text().endswith("min\u00a0de\u00a0lecture")
    assert page.select_one(".vf-verdict__badge").get_text() == "Faux"
    assert page.select_one(".vf-verdict__label").get_text() == "Faux et… faux."
    assert page.select_one('.vf-scale [aria-current="true"]').get_text() == "Faux"
    assert page.select_one(".vf-banner")
    assert page.select_one(".vf-cta h2").get_text() == "La Bataille de l’IA"
    # One way back at the top; at the end, the footer's first link is the same (decision 40).
    backs = page.select("a.vf-back")
    assert [a.get_text() for a in backs] == ["‹ Tous les articles"]
    assert page.select_one("footer .vf-footer__links a")["href"] == "../.."
    assert all(a["href"] == "../.." for a in backs)
    cover = page.select_one("img.vf-cover")
    assert (cover["width"], cover["height"], cover["decoding"]) == ("800", "420", "async")
    assert cover["alt"] and not cover.get("loading")


def test_share_links_are_plain_and_copy_needs_our_script(built_site: Path) -> None:
    page = soup(built_site / ARTICLE)
    links = page.select(".vf-share a")
    assert [a.get_text() for a in links] == [
        "Partager sur LinkedIn", "Partager sur X", "Partager sur Facebook"]
    encoded = "http%3A%2F%2F127.0.0.1%3A8000%2Fmythes%2Fchatgpt-magique%2F"
    assert all(encoded in a["href"] for a in links)
    copy = page.select_one("[data-vf-copy]")
    assert copy.get_text() == "Copier le lien"
    assert copy["data-vf-copy"] == urljoin(SITE_URL, "mythes/chatgpt-magique/")
    assert copy.has_attr("hidden") and copy.name == "button"
    assert copy.find_next_sibling("span")["role"] == "status"
    scripts = [s["src"] for s in page.select("script[src]")]
    assert any(src.endswith("assets/javascripts/vf-share.js") for src in scripts)


def test_related_articles_are_same_category_first(listing_site: Path) -> None:
    page = soup(listing_site / "mythes" / "m05" / "index.html")
    related = page.select(".vf-related__list > li > a")
    assert len(related) == 3
    # The items show no category (decision 40): each linked article's own page says it.
    folder = listing_site / "mythes" / "m05"
    assert [soup((folder / a["href"] / "index.html").resolve()).select_one(".vf-category")
            .get_text() for a in related] == ["Technologie"] * 3
    titles = [a.get_text() for a in related]
    assert ["m03" in titles[0], "m06" in titles[1], "m02" in titles[2]] == [True] * 3
    assert page.select_one(".vf-related h2").get_text() == "On a d’autres articles à vous proposer"


def test_articles_stay_out_of_the_sidebar_nav(built_site: Path) -> None:
    home = soup(built_site / "index.html")
    nav_links = [a["href"] for a in home.select(".md-nav--primary a[href]")]
    assert not any("mythes/" in href for href in nav_links)
