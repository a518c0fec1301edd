"""Build tests of corrections: what readers see (byline, « Corrections » box, card mark, the
policy page in the footer) and what machines read (JSON-LD ``dateModified``, the feed's
``updated``). The corrected site holds only its own two articles, whatever the corpus."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from publication.views.feed import ATOM
from tests.helpers import ROOT, build, myth, soup

MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
          "octobre", "novembre", "décembre")
#: Dated from the clock: a correction may not be in the future, and the latest falls on a 1st.
LATEST = dt.date.today().replace(day=1)
PUBLISHED = (LATEST - dt.timedelta(days=1)).replace(day=1)
EARLIER = PUBLISHED.replace(day=15)
CORRECTIONS = f"""corrections:
  - date: {LATEST.isoformat()}
    what: Le verdict passe de « faux » à « trompeur ».
    why: "Les chiffres recalculés ne soutiennent plus « faux » : voir l’encadré R&D."
  - date: {EARLIER.isoformat()}
    what: Le nombre de trajets est corrigé.
    why: Nous avions lu la mauvaise ligne du tableau.
"""


def article(claim: str, corrections: str = "") -> str:
    """A valid short article published on ``PUBLISHED``, with ``corrections`` if any."""
    text = myth("Texte.").replace("date: 2026-11-28", f"date: {PUBLISHED.isoformat()}")
    text = text.replace("Les essais, ça ne sert à rien, non ?", claim)
    return text.replace("---\n\n", f"{corrections}---\n\n", 1)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A site whose articles are one corrected myth and one that never was."""
    project = tmp_path_factory.mktemp("corrections")
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for old in (project / "content" / "mythes").glob("*.md"):
        old.unlink()
    (project / "content" / "mythes" / "corrige.md").write_text(
        article("Le mythe corrigé, c’est vrai ?", CORRECTIONS), encoding="utf-8")
    (project / "content" / "mythes" / "intact.md").write_text(
        article("Le mythe intact, c’est vrai ?"), encoding="utf-8")
    return build(project)


def page(site: Path, slug: str) -> BeautifulSoup:
    return soup(site / "mythes" / slug / "index.html")


def graph(html: BeautifulSoup) -> dict[str, dict]:
    script = html.select_one('script[type="application/ld+json"]')
    return {node["@type"]: node for node in json.loads(script.string)["@graph"]}


def test_the_byline_says_when_the_article_was_last_corrected(site: Path) -> None:
    byline = page(site, "corrige").select_one(".vf-byline")
    updated = byline.select_one("a.vf-updated")
    assert updated.get_text() == f"Mis à jour le 1er {MONTHS[LATEST.month - 1]} {LATEST.year}"
    assert updated["href"] == "#vf-corrections"
    assert updated.select_one("time")["datetime"] == LATEST.isoformat()
    assert byline.select("time")[0]["datetime"] == PUBLISHED.isoformat()  # publication first
    assert "Mis à jour" not in page(site, "intact").select_one(".vf-byline").get_text()


def test_the_corrections_box_lists_each_correction_and_the_policy(site: Path) -> None:
    html = page(site, "corrige")
    box = html.select_one("section#vf-corrections")
    items = box.select("li")
    # Oldest first; each date is text (the latest one is the byline's <time>, an element less
    # per correction: decision 40).
    assert len(items) == 2 and not box.select("time")
    assert items[1].get_text().startswith(f"1er {MONTHS[LATEST.month - 1]} {LATEST.year}\u00a0: ")
    assert items[0].get_text().startswith(
        f"15 {MONTHS[EARLIER.month - 1]} {EARLIER.year}\u00a0: Le nombre de trajets est corrigé.")
    assert items[1].get_text().endswith(
        "Pourquoi\u202f? Les chiffres recalculés ne soutiennent plus «\u202ffaux\u202f»\u00a0: "
        "voir l’encadré R&D.")
    assert "R&amp;D" in str(box)  # escaped
    policy = box.select_one('a[href="../../corrections/"]')
    assert policy is not None and (site / "corrections" / "index.html").is_file()
    assert page(site, "intact").select_one("#vf-corrections") is None


def test_json_ld_date_modified_is_the_latest_correction(site: Path) -> None:
    corrected, intact = graph(page(site, "corrige")), graph(page(site, "intact"))
    for node in ("Article", "ClaimReview"):
        assert corrected[node]["datePublished"] == PUBLISHED.isoformat()
        assert corrected[node]["dateModified"] == LATEST.isoformat()
        assert intact[node]["dateModified"] == PUBLISHED.isoformat()


def test_the_feed_entry_is_updated_by_its_latest_correction(site: Path) -> None:
    feed = ET.parse(site / "feed.xml").getroot()
    entries = {e.findtext(f"{{{ATOM}}}id").rstrip("/").rsplit("/", 1)[1]: e
               for e in feed.findall(f"{{{ATOM}}}entry")}
    stamp = "{}T00:00:00Z".format
    assert entries["corrige"].findtext(f"{{{ATOM}}}published") == stamp(PUBLISHED.isoformat())
    assert entries["corrige"].findtext(f"{{{ATOM}}}updated") == stamp(LATEST.isoformat())
    assert entries["intact"].findtext(f"{{{ATOM}}}updated") == stamp(PUBLISHED.isoformat())
    assert feed.findtext(f"{{{ATOM}}}updated") == stamp(LATEST.isoformat())


def test_only_the_corrected_article_s_card_is_marked(site: Path) -> None:
    cards = {card.select_one("a.vf-card__link")["href"]: card
             for card in soup(site / "index.html").select("article.vf-card")}
    assert cards["mythes/corrige/"].select_one(".vf-card__corrected").get_text() == "corrigé"
    assert cards["mythes/intact/"].select_one(".vf-card__corrected") is None


def test_every_page_s_footer_links_to_the_corrections_policy(built_site: Path) -> None:
    policy = soup(built_site / "corrections" / "index.html")
    assert policy.select_one("h1").get_text() == "Nos corrections"
    for path in (built_site / "index.html", built_site / "methode" / "index.html",
                 *sorted((built_site / "mythes").glob("*/index.html"))):
        link = soup(path).select_one('footer .vf-footer__links a[href$="corrections/"]')
        assert link is not None and link.get_text() == "Nos corrections", path
        assert (path.parent / link["href"] / "index.html").resolve() == \
            (built_site / "corrections" / "index.html").resolve()
