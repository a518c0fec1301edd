"""Issue 15, part A, as the built site shows it: the verdict first and « En bref », the trust
pages linked from every page's footer and from the verdict box, the verdict scale generated from
the corpus, the site's identity from mkdocs.yml, and the JSON-LD publisher and claim."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag

from publication.model.verdicts import VERDICTS
from publication.site.plugin import skip_to_title
from tests.helpers import build, minimal, myth, replace_in, soup

ARTICLE = "mythes/chatgpt-magique/index.html"
TRUST = {"À propos": "a-propos/", "Contact": "contact/", "Grille des verdicts":
         "grille-des-verdicts/", "Licence et réutilisation": "licence/"}
#: One page of each kind: home, article, calcul page, category, tag, search, plain page, the
#: verdict scale and a trust page.
PAGE_KINDS = ("index.html", ARTICLE, "mythes/chatgpt-magique/calcul/index.html",
              "categories/technologie/index.html", "etiquettes/energie/index.html",
              "recherche/index.html", "methode/index.html", "grille-des-verdicts/index.html",
              "contact/index.html")


def json_ld(page: BeautifulSoup) -> dict[str, dict[str, Any]]:
    script = page.select_one('script[type="application/ld+json"]')
    assert script is not None and script.string
    return {node["@type"]: node for node in json.loads(script.string)["@graph"]}


def resolve(page: Path, href: str, site: Path) -> Path:
    """The file a relative link of ``page`` leads to."""
    target = (page.parent / href.split("#")[0]).resolve()
    return target / "index.html" if target.is_dir() else target


def test_the_header_reads_claim_verdict_summary_then_cover(built_site: Path) -> None:
    header = soup(built_site / ARTICLE).select_one("header.vf-header")
    assert header is not None
    order = [element for element in header.find_all(True, recursive=False)
             if isinstance(element, Tag)]
    classes = [" ".join(element.get("class") or []) for element in order]
    position = {name: next(i for i, c in enumerate(classes) if name in c)
                for name in ("vf-claim", "vf-verdict", "vf-summary", "vf-cover", "vf-banner")}
    assert position["vf-claim"] < position["vf-verdict"] < position["vf-summary"] \
        < position["vf-cover"] < position["vf-banner"]
    h1 = header.select_one("h1")
    assert h1 is not None and h1["id"] == "vf-title" and "Chat-GPT" in h1.get_text()


def test_the_skip_link_lands_on_the_title(built_site: Path) -> None:
    page = soup(built_site / ARTICLE)
    skips = page.select("a.md-skip")
    assert [a["href"] for a in skips] == ["#vf-title"]
    assert page.select_one("#vf-title").name == "h1"


def test_skip_to_title_adds_the_link_where_material_has_none() -> None:
    html = '<div data-md-component="skip">\n  </div><h1 id="vf-title">T</h1>'
    assert '<a href="#vf-title" class="md-skip">Aller au contenu</a>' in skip_to_title(html)
    untouched = '<div data-md-component="skip"><a href="#x" class="md-skip">A</a></div>'
    assert skip_to_title(untouched) == untouched  # a page without our title keeps Material's


def test_the_verdict_box_explains_its_step_and_links_to_the_scale(built_site: Path) -> None:
    box = soup(built_site / ARTICLE).select_one(".vf-verdict")
    assert box.select_one(".vf-verdict__badge").get_text() == "Faux"
    assert box.select_one(".vf-verdict__label").get_text() == "Faux et… faux."
    assert VERDICTS["faux"].definition in box.select_one(".vf-verdict__definition").get_text()
    link = box.select_one("a.vf-verdict__scale-link")
    assert link["href"] == "../../grille-des-verdicts/"
    assert resolve(built_site / ARTICLE, link["href"], built_site).is_file()


def test_en_bref_shows_computed_figures_linked_to_their_calculation(built_site: Path) -> None:
    page = soup(built_site / ARTICLE)
    summary = page.select_one(".vf-summary")
    assert summary.select_one("h2").get_text() == "En bref"
    figures = summary.select("a.vf-fig")
    assert figures and all(a["href"].startswith("calcul/#calcul-") for a in figures)
    # The body keeps the ids the calcul page links back to: no id appears twice.
    ids = [element["id"] for element in page.select("[id]")]
    assert len(ids) == len(set(ids))
    text = summary.get_text()
    assert "\u00a0:" in text and " :" not in text  # French spacing, as in the body


def test_every_page_kind_links_the_trust_pages_from_its_footer(built_site: Path) -> None:
    for name in PAGE_KINDS:
        path = built_site / name
        footer = soup(path).select_one("footer.vf-footer")
        assert footer is not None, name
        links = {a.get_text(strip=True): a["href"] for a in footer.select("a")}
        for label in TRUST:
            assert label in links, (name, label)
            assert resolve(path, links[label], built_site).is_file(), (name, label)


def test_the_footer_names_the_publisher_and_licences_from_mkdocs_yml(built_site: Path) -> None:
    footer = soup(built_site / "index.html").select_one(".vf-footer__publisher")
    text = " ".join(footer.get_text().split())
    assert "Publié par Latitudes." in text
    assert "CC BY 4.0" in text and "Licence Ouverte 2.0" in text
    assert footer.select_one("a")["href"] == "https://www.latitudes.cc/"


def test_the_scale_page_defines_each_step_with_articles_of_the_corpus(built_site: Path) -> None:
    path = built_site / "grille-des-verdicts/index.html"
    page = soup(path)
    steps = page.select(".vf-scale-page__step")
    assert [s["id"] for s in steps] == [f"verdict-{key}" for key in
                                        ("vrai", "plutot-vrai", "trompeur", "plutot-faux",
                                         "faux")]
    for step, verdict in zip(steps, sorted(VERDICTS.values(), key=lambda v: -v.rating),
                             strict=True):
        assert verdict.definition in step.get_text()
        for link in step.select("a.vf-card__link"):
            assert resolve(path, link["href"], built_site).is_file()
            article = soup(resolve(path, link["href"], built_site))
            assert article.select_one(".vf-verdict__badge").get_text() == verdict.label
    assert steps[-1].select("a.vf-card__link"), "the corpus has « Faux » articles"
    assert "Aucun article" in steps[0].get_text()  # and no « Vrai » one yet


def test_trust_pages_show_the_identity_of_mkdocs_yml(make_project: Callable[..., Path]) -> None:
    project = make_project(keep_articles=False, articles={"mythes/essai.md": minimal("")})
    replace_in(project / "mkdocs.yml", 'contact_email: ""',
               "contact_email: redaction@example.org")
    replace_in(project / "mkdocs.yml", "data_licence: Licence Ouverte 2.0",
               "data_licence: ODbL 1.0")
    site = build(project)
    contact = soup(site / "contact/index.html").select_one(".vf-identity")
    assert contact.select_one('a[href="mailto:redaction@example.org"]') is not None
    licence = soup(site / "licence/index.html").select_one(".vf-identity")
    assert "ODbL 1.0" in licence.get_text()
    download = licence.select_one("a[download]")
    assert resolve(site / "licence/index.html", download["href"], site).name == "figures.json"
    assert "ODbL 1.0" in soup(site / "index.html").select_one(".vf-footer").get_text()


def test_a_missing_trust_page_fails_the_build(make_project: Callable[..., Path],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from publication.__main__ import main

    project = make_project()
    (project / "content" / "contact.md").unlink()
    assert main(["check", "--config-file", str(project / "mkdocs.yml")]) == 1
    err = capsys.readouterr().err
    assert "content/contact.md: page introuvable" in err and "trust_pages" in err


def test_cards_show_the_badge_and_the_articles_own_label(built_site: Path) -> None:
    cards = soup(built_site / "index.html").select(".vf-card")
    assert cards and all(card.select_one(".vf-pill") for card in cards)
    # An article's related articles are one line each (decision 40), verdict included.
    related = soup(built_site / ARTICLE).select(".vf-related__list > li")
    assert related and all(item.select_one(".vf-pill") for item in related)
    card = next(c for c in soup(built_site / "index.html").select(".vf-card")
                if "Chat-GPT" in c.get_text())
    assert card.select_one(".vf-card__verdict-label").get_text() == "Faux et… faux."


def test_json_ld_names_an_organisation_publisher_and_the_claim_origin(built_site: Path
                                                                     ) -> None:
    nodes = json_ld(soup(built_site / ARTICLE))
    article, review = nodes["Article"], nodes["ClaimReview"]
    assert article["publisher"] == {"@type": "Organization", "name": "Latitudes",
                                    "url": "https://www.latitudes.cc/"}
    assert article["author"]["@type"] == "Organization"
    assert article["dateModified"] == review["dateModified"]
    claim = review["itemReviewed"]
    # The seed article quoted the myth to refute it: it wrote the text, not the claim.
    assert "author" not in claim
    first = claim["firstAppearance"]
    assert first["@type"] == "CreativeWork" and first["url"].startswith("http://latitudes.cc/")
    assert first["author"] == {"@type": "Person", "name": "Manon Léger"}


def test_json_ld_claim_without_origin_and_a_person_author(make_project: Callable[..., Path]
                                                          ) -> None:
    text = myth("Texte.").replace("author: La rédaction", "author: Camille Martin")
    project = make_project(keep_articles=False, articles={"mythes/essai.md": text})
    site = build(project)
    nodes = json_ld(soup(site / "mythes/essai/index.html"))
    assert nodes["Article"]["author"] == {"@type": "Person", "name": "Camille Martin"}
    assert nodes["ClaimReview"]["itemReviewed"] == {
        "@type": "Claim", "name": "Les essais, ça ne sert à rien, non ?"}


def test_the_home_page_is_announced_by_the_site_name(built_site: Path) -> None:
    page = soup(built_site / "index.html")
    title = page.select_one('meta[property="og:title"]')["content"]
    assert title == "Vrai ou faux\u202f?" and "Accueil" not in page.title.get_text()


def test_trust_pages_are_not_listed_as_articles(built_site: Path) -> None:
    home = soup(built_site / "index.html")
    hrefs = {a["href"] for a in home.select("a.vf-card__link")}
    assert not any(page in href for href in hrefs for page in TRUST.values())
