"""Build tests: ``mkdocs build --strict`` into tmp_path, then read the HTML."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlparse

import pytest

from calculators import Catalog
from macros.formatting import display_unit, format_quantity
from tests.by_name import calculators as chatgpt
from tests.helpers import ROOT, build, minimal, replace_in, run_mkdocs, soup

ARTICLE = "mythes/chatgpt-magique/index.html"
CALCUL = "mythes/chatgpt-magique/calcul/index.html"
NNBSP, NBSP = "\u202f", "\u00a0"


def figure_texts(html: Path) -> dict[str, str]:
    """The text of each figure link of the prose, by the id of its derivation block (a chart's
    data table links its values too, in the chart's own unit and digits)."""
    page = soup(html)
    return {a["href"].split("#")[1]: a.get_text(" ", strip=True)
            for a in page.select("a.vf-fig") if a.find_parent(class_="vf-chart") is None}


def test_article_shows_the_computed_figures(built_site: Path, catalog: Catalog) -> None:
    text = soup(built_site / ARTICLE).get_text()
    assert f"plus de 25{NNBSP}000{NBSP}tonnes d’équivalent CO₂" in text
    assert f"environ 550{NBSP}tonnes d’équivalent CO₂" in text
    assert f"environ 270{NBSP}allers-retours" in text
    assert f"entre 0,03 et 1,2{NNBSP}g CO₂e par requête" in text
    monthly = chatgpt.chatgpt_monthly_inference_emissions(catalog.bind())
    expected = format_quantity(monthly.value, display_unit("tCO2e"), digits=2, rounding="down",
                               long=True)
    assert figure_texts(built_site / ARTICLE)["calcul-chatgpt-monthly-inference-emissions"] \
        .startswith(expected)


def test_hypotheses_are_visibly_flagged(built_site: Path) -> None:
    page = soup(built_site / ARTICLE)
    monthly = page.select_one(
        'a.vf-fig[href="calcul/#calcul-chatgpt-monthly-inference-emissions"]')
    assert "vf-fig--hypothesis" in monthly["class"]
    assert "(hypothèse)" in monthly.get_text()
    sourced = page.select_one('a.vf-fig[href="calcul/#calcul-gpt3-training-emissions"]')
    assert "vf-fig--hypothesis" not in sourced["class"]


def test_the_original_200_is_shown_with_an_explanation(built_site: Path) -> None:
    note = soup(built_site / ARTICLE).select_one(".admonition")
    assert f"200{NBSP}allers-retours" in note.get_text()
    assert "ADEME" in note.get_text()


def test_no_template_syntax_is_left_in_any_page(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "{{" not in text and "{%" not in text, page


def test_no_page_loads_anything_from_another_host(built_site: Path) -> None:
    for page in built_site.rglob("*.html"):
        html = soup(page)
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"),
                               ("iframe", "src"), ("source", "srcset"), ("video", "src"),
                               ("audio", "src"), ("object", "data")):
            for element in html.find_all(tag):
                if tag == "link" and "canonical" in (element.get("rel") or []):
                    continue
                url = element.get(attribute) or ""
                assert not urlparse(url).netloc, f"{page}: {tag} {url}"
        for style in html.find_all("style"):
            assert "url(http" not in style.get_text(), page
    for css in built_site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:", css.read_text()), css


def test_a_parameter_change_changes_the_page(make_project: Callable[..., Path]) -> None:
    project = make_project(data=True)
    old = figure_texts(build(project, "before") / ARTICLE)
    replace_in(project / "data" / "parameters" / "chatgpt.yml",
               "  value: 10\n  unit: query/user/day", "  value: 20\n  unit: query/user/day")
    new = figure_texts(build(project, "after") / ARTICLE)
    assert new["calcul-chatgpt-monthly-inference-emissions"].startswith(
        f"plus de 50{NNBSP}000{NBSP}tonnes")
    changed = {key for key in old if old[key] != new[key]}
    assert changed == {
        "calcul-queries-per-user-day-seed", "calcul-chatgpt-monthly-inference-emissions",
        "calcul-inference-to-training-ratio", "calcul-inference-time-to-match-training",
        "calcul-chatgpt-monthly-inference-emissions-published",
        "calcul-inference-to-training-ratio-published", "calcul-usage-growth-since-seed",
        "calcul-inference-time-to-match-training-published",
    }


def test_every_error_of_the_build_is_reported_with_its_source_line(
        make_project: Callable[..., Path]) -> None:
    project = make_project(articles={
        "mythes/premier.md": minimal("\n{{ inconnu() }}"),
        "mythes/second.md": minimal("Bien.\n\n{{ gpt3_training_emissions() "
                                                "| figure('MWh') }}"),
    })
    result = run_mkdocs(project / "mkdocs.yml", project / "site")
    assert result.returncode != 0
    assert "content/mythes/premier.md:16: nom inconnu « inconnu »" in result.stderr
    assert "content/mythes/second.md:17: « gpt3_training_emissions » : impossible " \
           "d’exprimer" in result.stderr
    assert "2 erreurs à corriger" in result.stderr


def test_derivation_leads_from_the_headline_to_its_three_hypotheses(built_site: Path) -> None:
    page = soup(built_site / CALCUL)
    block = page.select_one("#calcul-chatgpt-monthly-inference-emissions")
    hypotheses = block.select_one(".vf-derivation__hypotheses").get_text(" ", strip=True)
    for label in ("utilisateurs actifs de ChatGPT par jour", "requêtes par utilisateur",
                  "émissions par requête retenues"):
        assert label in hypotheses
    daily = block.select_one('a[href="#calcul-chatgpt-daily-inference-emissions"]')
    assert daily is not None
    target = page.select_one("#calcul-chatgpt-daily-inference-emissions")
    badges = [b.get_text() for b in target.select(".vf-input .vf-badge")]
    assert "hypothèse" in badges
    sources = page.select(".vf-sources__list > li")
    assert any("Carbon Emissions and Large Neural Network Training" in s.get_text()
               for s in sources)
    assert len({s["id"] for s in sources}) == len(sources)


def test_each_derivation_leads_back_to_the_text(built_site: Path) -> None:
    article, calcul = soup(built_site / ARTICLE), soup(built_site / CALCUL)
    for block in calcul.select(".vf-derivation"):
        back = block.select_one("a.vf-derivation__back")
        in_text = article.select_one(f'a.vf-fig[href="calcul/#{block["id"]}"][id]')
        if in_text is None:
            assert back is None
            continue
        assert back is not None and back["href"] == f"../#{in_text['id']}"


def test_a_parameter_range_propagates_and_reads_in_french(
        make_project: Callable[..., Path]) -> None:
    project = make_project(data=True, articles={"mythes/chatgpt-magique.md": minimal(
        "Entre deux : {{ chatgpt_monthly_inference_emissions() | figure_range('tCO2e') }}.")})
    replace_in(project / "data" / "parameters" / "chatgpt.yml",
               "  value: 10\n  unit: query/user/day",
               "  value: 10\n  low: 5\n  high: 15\n  unit: query/user/day")
    site = build(project)
    assert f"entre 13{NNBSP}000 et 38{NNBSP}000{NNBSP}t CO₂e" in soup(site / ARTICLE).get_text()
    block = soup(site / CALCUL).select_one("#calcul-chatgpt-monthly-inference-emissions")
    assert f"(entre 12{NNBSP}700 et 38{NNBSP}200{NNBSP}t CO₂e)" in block.get_text()


def test_the_build_needs_no_network(tmp_path: Path) -> None:
    """Build inside a network namespace with no interface: any network access would fail it."""
    probe = subprocess.run(["unshare", "--net", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip("unshare --net needs root (CI runs as root)")
    result = subprocess.run(
        ["unshare", "--net", sys.executable, "-m", "mkdocs", "build", "--strict",
         "--config-file", str(ROOT / "mkdocs.yml"), "--site-dir", str(tmp_path / "site")],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / ARTICLE).exists()


def test_a_derivation_reads_in_the_unit_the_reader_saw(built_site: Path) -> None:
    page = soup(built_site / "mythes/femmes-dans-la-tech/calcul/index.html")
    in_text = soup(built_site / "mythes/femmes-dans-la-tech/index.html").select_one(
        'a.vf-fig[href="calcul/#calcul-cs-schools-decline-points"]')
    assert in_text.get_text(strip=True) == f"environ 18{NBSP}points"
    block = page.select_one("#calcul-cs-schools-decline-points")
    value = block.select_one(".vf-derivation__value").get_text(" ", strip=True)
    assert value.startswith(f"environ 18{NBSP}points")  # as the reader saw it, then…
    precise = block.select_one(".vf-derivation__precise").get_text()
    assert precise == f"Valeur calculée{NNBSP}: 18,3{NBSP}points"  # …as calculated
    shares = [re.search(rf"{NNBSP}: (\S+{NBSP}%)", li.get_text())[1]
              for li in block.select(".vf-input")]
    assert shares == [f"33,3{NBSP}%", f"15{NBSP}%"]


def test_a_source_access_date_is_shown_in_french(make_project: Callable[..., Path]) -> None:
    project = make_project(data=True)
    replace_in(project / "data" / "sources.yml", "  doi: 10.48550/arXiv.2104.10350\n",
               "  doi: 10.48550/arXiv.2104.10350\n  accessed: 2026-11-28\n")
    entry = soup(build(project) / ARTICLE).select_one("#source-patterson2021")
    assert "Consulté le 28 novembre 2026." in entry.get_text(" ", strip=True)


def test_the_first_of_a_month_reads_1er_wherever_a_date_is_shown(
        make_project: Callable[..., Path]) -> None:
    project = make_project(data=True)
    replace_in(project / "data" / "sources.yml", "  doi: 10.48550/arXiv.2104.10350\n",
               "  doi: 10.48550/arXiv.2104.10350\n  accessed: 2026-12-01\n")
    replace_in(project / "content" / "mythes" / "chatgpt-magique.md", "date: 2026-11-28",
               "date: 2026-12-01")
    site = build(project)
    byline = soup(site / ARTICLE).select_one('.vf-header time[datetime="2026-12-01"]')
    assert byline.get_text() == "1er décembre 2026"
    card = soup(site / "index.html").select_one('.vf-card time[datetime="2026-12-01"]')
    assert card.get_text() == "1er décembre 2026"
    for page in (ARTICLE, CALCUL):
        source = soup(site / page).select_one("#source-patterson2021").get_text(" ", strip=True)
        assert "Consulté le 1er décembre 2026." in source, page


def test_a_cross_check_reads_in_the_same_unit_with_a_readable_gap(built_site: Path) -> None:
    page = soup(built_site / "mythes/fracture-numerique/calcul/index.html")
    check = page.select_one(".vf-derivation__check").get_text(" ", strip=True)
    assert check.startswith(f"Vérification, valeur publiée{NNBSP}: 15,4{NBSP}% (")
    assert check.endswith(f"{NNBSP}; écart{NBSP}: moins de 0,1{NBSP}%")
    chatgpt = soup(built_site / CALCUL).select_one(
        "#calcul-gpt3-training-emissions .vf-derivation__check").get_text(" ", strip=True)
    assert f"552,1{NNBSP}t CO₂e" in chatgpt and f"écart{NBSP}: 0,19{NBSP}%" in chatgpt


def test_texts_from_calculators_and_data_are_spaced_the_french_way(built_site: Path) -> None:
    block = soup(built_site / CALCUL).select_one("#calcul-published-per-query-estimates")
    formula = block.select_one(".vf-formula").get_text()
    assert f"médiane, minimum et maximum de{NBSP}:" in formula
    assert f"{NNBSP};" in formula and " ;" not in formula


def test_the_built_site_holds_no_hidden_file(built_site: Path) -> None:
    """Nothing private lands in what is published (a cache, an editor's swap file...)."""
    assert not [p.relative_to(built_site) for p in built_site.rglob(".*")]
