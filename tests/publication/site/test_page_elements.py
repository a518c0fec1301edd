"""What an article page and its calcul page spend their elements on (decision 40).

EcoIndex grades a page mostly on its number of DOM elements (every element but those inside an
``<svg>``). These tests build a small project of their own (the guide's complete example with a
chart and corrections, and three other myths for « On a d'autres articles »), count the built
HTML as EcoIndex does, and check that the markup decision 40 cut stays cut: wrappers, list
markup where a paragraph does, Material's widgets that these pages do not use. They never read
the corpus and time nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag

from tests.helpers import ROOT, build, guide_example, myth, soup

CHART = """
{{ chart("comparaison", "Un mois d’utilisation contre tout l’entraînement",
    {"Entraînement de GPT-3": "gpt3_training_emissions",
     "Un mois d’utilisation": "chatgpt_monthly_inference_emissions"},
    unit="tCO2e", digits=2,
    description="Émissions en t CO₂e. Chaque cran de la longue barre vaut un entraînement.") }}
"""
CORRECTIONS = """corrections:
  - date: 2026-12-01
    what: Le nombre d’allers-retours est recalculé.
    why: Nous avions lu la mauvaise ligne du tableau.
  - date: 2026-12-01
    what: La durée de l’entraînement est précisée.
    why: L’article arrondissait trop tôt.
"""
#: The most elements each page of this project may have, as built at decision 40 (counted in
#: the HTML, before any script runs). Adding an element on purpose means raising the bound and
#: saying why in docs/decisions.md; the page weight benchmark (bench/page_weight.py) tells
#: what it costs in EcoIndex.
MAX_ARTICLE_ELEMENTS = 199
MAX_CALCUL_ELEMENTS = 262


def elements(node: BeautifulSoup | Tag) -> list[Tag]:
    """Every element of ``node`` but the descendants of ``<svg>``, as EcoIndex counts them."""
    return [tag for tag in node.find_all(True)
            if not any(parent.name == "svg" for parent in tag.parents)]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("elements") / "project"
    shutil.copytree(ROOT / "site_overrides", project / "site_overrides")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "calculators" / "data", project / "data")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").replace(
        "      articles_dir: mythes\n", "      articles_dir: mythes\n      data_dir: data\n")
    (project / "mkdocs.yml").write_text(config, encoding="utf-8")
    articles = project / "content" / "mythes"
    for article in articles.glob("*.md"):
        article.unlink()
    text = guide_example("exemple-complet").replace("---\n\n", f"{CORRECTIONS}---\n\n", 1)
    (articles / "essai.md").write_text(text + CHART, encoding="utf-8")
    for number in range(3):
        (articles / f"autre-{number}.md").write_text(
            myth("Texte.", title=f"Un autre mythe numéro {number + 1}"), encoding="utf-8")
    return build(project)


@pytest.fixture(scope="module")
def article(site: Path) -> BeautifulSoup:
    return soup(site / "mythes" / "essai" / "index.html")


@pytest.fixture(scope="module")
def calcul(site: Path) -> BeautifulSoup:
    return soup(site / "mythes" / "essai" / "calcul" / "index.html")


def test_the_article_stays_within_its_element_budget(article: BeautifulSoup) -> None:
    # The example has what costs elements: figures, a chart, corrections, sources, tags.
    assert article.select("a.vf-fig") and article.select("figure.vf-chart")
    assert article.select("#vf-corrections li") and article.select(".vf-related__list li")
    count = len(elements(article))
    assert count <= MAX_ARTICLE_ELEMENTS, f"{count} elements (decision 40)"


def test_the_calcul_page_stays_within_its_element_budget(calcul: BeautifulSoup) -> None:
    assert len(calcul.select("section.vf-derivation")) >= 5
    count = len(elements(calcul))
    assert count <= MAX_CALCUL_ELEMENTS, f"{count} elements (decision 40)"


def test_material_s_widgets_these_pages_do_not_use_are_left_out(
        article: BeautifulSoup, calcul: BeautifulSoup, site: Path) -> None:
    for page in (article, calcul):
        # No navigation sidebars (hidden, they still counted), no menu button for an empty
        # drawer, no span or wrapper for the header's topics, no script for content tabs.
        assert not page.select(".md-sidebar")
        assert not page.select('label.md-header__button[for="__drawer"]')
        assert not page.select(".md-header__topic span, .md-header__ellipsis")
        assert not [s for s in page.select("script:not([src])") if "__tabbed_" in s.get_text()]
        # Material's content wrapper is the reading column: no third wrapper.
        column = page.select_one("div.md-content.vf-article > article.md-content__inner")
        assert column is not None and not column.select("div.vf-article")
        # The footer is its own grid column.
        assert not page.select("footer.vf-footer > div")
    # Pages with a navigation keep their menu button.
    assert soup(site / "index.html").select('label.md-header__button[for="__drawer"]')


def test_the_article_s_parts_use_no_wrapper_they_can_spare(article: BeautifulSoup) -> None:
    # Ways back and the category are links, not paragraphs holding a link.
    assert not article.select("p.vf-back, p.vf-meta")
    assert article.select_one(".vf-header > a.vf-category")
    # The byline's separators are drawn by the stylesheet.
    byline = article.select_one(".vf-byline")
    assert [tag.name for tag in byline.find_all(True)] == ["time", "a", "time"]
    # Sharing is one paragraph of links; corrections have no element per date.
    assert not article.select(".vf-share li, .vf-share ul")
    assert not article.select("#vf-corrections time")
    # A related article is its link and its verdict.
    for item in article.select(".vf-related__list > li"):
        assert [tag.name for tag in item.find_all(True)] == ["a", "b"]
    # X reads the OpenGraph title, description and image.
    assert not article.select('meta[name="twitter:title"], meta[name="twitter:description"], '
                              'meta[name="twitter:image"]')


def test_a_chart_keeps_its_parts_in_few_elements(article: BeautifulSoup) -> None:
    chart = article.select_one("figure.vf-chart")
    caption = chart.figcaption
    # The title, then the description as the caption's own text, then the legend's keys.
    assert [tag.name for tag in caption.find_all(True)] == ["b"] + ["span"] * len(
        caption.select(".vf-chart__key"))
    assert "Chaque cran de la longue barre" in caption.get_text()
    # The data table: column headers in the first row of the body, no <thead>.
    table = chart.select_one("details.vf-chart__data table")
    assert not table.select("thead") and table.select('tbody > tr:first-child > th[scope="col"]')
    # What readers need is all there: the SVG's name and description, the links to the
    # derivations in the table.
    assert chart.select_one("svg[role=img] title") and chart.select_one("svg desc")
    assert table.select('td a.vf-fig[href^="calcul/#calcul-"]')


def test_the_calcul_page_s_contents_are_links_in_paragraphs(calcul: BeautifulSoup) -> None:
    toc = calcul.select_one("nav.vf-toc")
    figures = toc.select("p.vf-toc__figures > a[href^='#calcul-']")
    assert figures and not toc.select("ol ol, p.vf-toc__figures li")
    assert not calcul.select(".vf-derivation__hypotheses strong")
