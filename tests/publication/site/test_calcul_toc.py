"""The calcul page as issue 15 asks: a table of contents grouped by the article's sections,
each figure as the article rounds it with the calculated value below, citations by author and
year, sources sorted alike on both pages, and French spacing in their titles. Built from a
small project of its own, never from the corpus."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.helpers import ROOT, build, myth, replace_in, soup

NBSP, NNBSP = "\u00a0", "\u202f"
BODY = """Pour commencer, {{ gpt3_training_emissions() | figure("tCO2e", digits=2, long=True) }}
selon {{ cite("latitudes_chatgpt") }}.

## Premier temps : créer le modèle

Il a fallu {{ param("gpt3_accelerators") | figure("accelerator", long=True) }} et
{{ gpt3_training_energy() | figure("MWh", digits=2, long=True) }}
({{ cite("patterson2021") }}).

## Deuxième temps, l’utiliser ?

Chaque mois, {{ chatgpt_monthly_inference_emissions()
  | figure("tCO2e", digits=2, rounding="down", long=True) }}.
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's templates and data, one article of our own (built once for the module)."""
    project = tmp_path_factory.mktemp("toc") / "project"
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "calculators" / "data", project / "data")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "      articles_dir: mythes\n", "      articles_dir: mythes\n      data_dir: data\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    for article in (project / "content" / "mythes").glob("*.md"):
        article.unlink()
    (project / "content" / "mythes" / "essai.md").write_text(myth(BODY), encoding="utf-8")
    replace_in(project / "data" / "sources.yml",
               "title: Carbon Emissions and Large Neural Network Training",
               "title: \"Carbon Emissions and Large Neural Network Training, non ?\"")
    return build(project)


def test_the_table_of_contents_groups_figures_by_the_article_sections(site: Path) -> None:
    calcul = soup(site / "mythes" / "essai" / "calcul" / "index.html")
    toc = calcul.select_one("nav.vf-toc")
    assert toc is not None
    groups = {part.get_text(strip=True):
              [a["href"][1:] for a in part.find_next_sibling("p", class_="vf-toc__figures")("a")]
              for part in toc.select("a.vf-toc__part")}
    assert list(groups) == ["En introduction", f"Premier temps{NBSP}: créer le modèle",
                            f"Deuxième temps, l’utiliser{NNBSP}?"]
    assert groups["En introduction"] == ["calcul-gpt3-training-emissions"]
    assert groups[f"Premier temps{NBSP}: créer le modèle"] == [
        "calcul-gpt3-accelerators", "calcul-gpt3-training-energy"]
    assert groups[f"Deuxième temps, l’utiliser{NNBSP}?"] == [
        "calcul-chatgpt-monthly-inference-emissions"]
    # Each group's heading is on the page, above its blocks (and those they lead to).
    for part in toc.select("a.vf-toc__part"):
        heading = calcul.select_one(part["href"])
        assert heading is not None and heading.get_text(strip=True) == part.get_text(strip=True)
        following = heading.find_next_sibling(["h2", "section"])
        assert following.name == "section"
    sections = [h.get_text(strip=True) for h in calcul.select(".vf-derivations > h2")]
    assert sections == list(groups)


def test_each_block_shows_the_article_rounding_then_the_calculated_value(site: Path) -> None:
    article = soup(site / "mythes" / "essai" / "index.html")
    calcul = soup(site / "mythes" / "essai" / "calcul" / "index.html")
    for key in ("gpt3-training-emissions", "gpt3-training-energy",
                "chatgpt-monthly-inference-emissions"):
        figure = article.select_one(f"#texte-calcul-{key}")
        for flag in figure.select(".vf-fig__flag"):  # « (hypothèse) » stays in the article
            flag.decompose()
        printed = figure.get_text(" ", strip=True)
        block = calcul.select_one(f"#calcul-{key}")
        value = block.select_one(".vf-derivation__value").get_text(" ", strip=True)
        assert value.startswith(printed), (value, printed)
        precise = block.select_one(".vf-derivation__precise").get_text(" ", strip=True)
        assert precise.startswith(f"Valeur calculée{NNBSP}: ")
        number = re.search(r"[\d\u202f\u00a0]+(,\d+)?", precise.split(": ", 1)[1])[0]
        assert number not in printed and "environ" not in precise, (precise, printed)
    # A figure the article prints as calculated says it once.
    block = calcul.select_one("#calcul-gpt3-accelerators")
    assert block.select_one(".vf-derivation__precise") is None


def test_citations_read_as_in_the_article_and_sources_are_alphabetical(site: Path) -> None:
    article = soup(site / "mythes" / "essai" / "index.html")
    calcul = soup(site / "mythes" / "essai" / "calcul" / "index.html")
    assert [a.get_text() for a in article.select(".vf-body a.vf-cite")] == [
        "(Latitudes, 2024)", "(Patterson et al., 2021)"]
    cited = {a.get_text() for a in calcul.select(".vf-derivations a.vf-cite")}
    assert "Patterson et al., 2021" in cited
    assert not any(re.fullmatch(r"\[\d+\]", a.get_text()) for a in calcul.select("a"))
    ids = [[li["id"] for li in page.select(".vf-sources__list > li")]
           for page in (article, calcul)]
    assert ids[0] == ids[1]
    assert ids[0].index("source-latitudes-chatgpt") < ids[0].index("source-patterson2021")
    keys = [b.get_text() for b in calcul.select(".vf-sources__list > li > .vf-sources__key")]
    assert keys == ["Latitudes, 2024", "Patterson et al., 2021"]


def test_source_titles_are_spaced_the_french_way(site: Path) -> None:
    for page in ("mythes/essai/index.html", "mythes/essai/calcul/index.html"):
        entry = soup(site / page).select_one("#source-patterson2021 cite").get_text()
        assert entry == f"Carbon Emissions and Large Neural Network Training, non{NNBSP}?"
