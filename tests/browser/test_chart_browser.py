"""Charts in a reader's browser, on a site of one article of our own (not the corpus): visible
and inside a 375 px screen, without JavaScript; named for assistive technology, with its
values in a table that links to their derivations; legible in dark mode; axe-core clean."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.helpers import ROOT, build, myth

from .conftest import ARTIFACTS, serving
from .test_reader_browser import BLOCKING

pytestmark = pytest.mark.browser

ARTICLE = myth("""Texte.

{{ chart("courbes", "La part des femmes remonte, lentement",
    {"Union européenne": ["women_share_ict_specialists_eu_2013",
     "women_share_ict_specialists_eu_2023"],
     "France, secteur numérique": ["women_share_digital_sector_2018",
     "women_share_digital_sector_2020"]}, unit="percent", digits=3) }}

Encore du texte.

{{ chart("barres", "Émissions d’une requête",
    {"Hypothèse de l’article d’origine": "emissions_per_query_seed",
     "Estimations publiées depuis": "published_per_query_estimates"},
    unit="gCO2e/query", digits=2, description="Le trait fin couvre les estimations.") }}
""")
#: axe-core on the charts only: the rest of the page is not dark-styled by this test's palette
#: (the reader tests run axe on whole pages).
AXE_CHARTS = """async () => {
  const result = await axe.run({include: [".vf-chart"]}, {resultTypes: ["violations"]});
  return result.violations.map(v => ({
    id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ")),
  }));
}"""
#: The dark palette as Material applies it (``data-md-color-scheme="slate"`` on the body, and
#: its background); the site's own dark palette is another issue's.
#: Contrast (WCAG) of each chart text, and of each mark, against the page's background.
CONTRASTS = """() => {
  const rgb = s => s.match(/[\\d.]+/g).slice(0, 3).map(Number);
  const lum = c => { const [r, g, b] = c.map(v => { v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((m, n) => n - m);
    return (x + 0.05) / (y + 0.05); };
  let node = document.querySelector(".vf-chart"), bg = "rgba(0, 0, 0, 0)";
  while (node && /rgba\\(0, 0, 0, 0\\)|transparent/.test(bg)) {
    bg = getComputedStyle(node).backgroundColor; node = node.parentElement; }
  const back = rgb(bg);
  const texts = [...document.querySelectorAll(".vf-chart__svg text")]
    .map(t => ratio(rgb(getComputedStyle(t).fill), back));
  const marks = [...document.querySelectorAll(".vf-chart__mark:not(.vf-chart__mark--hypothesis)")]
    .map(m => ratio(rgb(getComputedStyle(m).fill), back));
  return {texts: Math.min(...texts), marks: Math.min(...marks)};
}"""


@pytest.fixture(scope="module")
def chart_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    project = tmp_path_factory.mktemp("charts")
    for name in ("content", "site_overrides"):
        shutil.copytree(ROOT / name, project / name)
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    for article in (project / "content" / "mythes").glob("*.md"):
        article.unlink()
    (project / "content" / "mythes" / "graphiques.md").write_text(ARTICLE, encoding="utf-8")
    site: Path = build(project)
    with serving(site) as url:
        yield url + "mythes/graphiques/"


def test_a_chart_fits_a_phone_screen_without_javascript(visit, chart_url: str) -> None:
    v = visit(375, java_script_enabled=False)
    v.page.goto(chart_url)
    charts = v.page.locator("figure.vf-chart")
    expect(charts).to_have_count(2)
    for index in range(2):
        svg = charts.nth(index).locator("svg")
        svg.scroll_into_view_if_needed()
        expect(svg).to_be_visible()
        box = svg.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 375
        assert box["height"] > 100
        rights = svg.locator("text").evaluate_all(
            "texts => texts.map(t => t.getBoundingClientRect().right)")
        assert max(rights) <= 375, rights
    assert v.page.evaluate("document.documentElement.scrollWidth") <= 375
    ARTIFACTS.mkdir(exist_ok=True)
    charts.first.screenshot(path=ARTIFACTS / "chart-375.png")


def test_a_chart_is_named_and_its_values_are_a_table_linking_to_their_derivations(
        visit, chart_url: str) -> None:
    v = visit(375)
    v.page.goto(chart_url)
    image = v.page.get_by_role("img", name="Émissions d’une requête")
    expect(image).to_have_count(1)
    description = image.get_attribute("aria-labelledby") or ""
    assert "desc" in description
    figure = v.page.locator("figure.vf-chart").nth(1)
    table = figure.locator("table")
    expect(table).to_be_hidden()
    figure.get_by_text("Voir les données").click()
    expect(table).to_be_visible()
    # A header row (no <thead>: decision 40), then one row per value.
    expect(table.locator("tbody tr:has(td)")).to_have_count(2)
    expect(table.get_by_role("columnheader", name="Valeur")).to_be_visible()
    expect(table.get_by_role("rowheader", name="Estimations publiées depuis")).to_be_visible()
    link = table.locator("a.vf-fig").nth(1)
    assert link.get_attribute("href") == "calcul/#calcul-published-per-query-estimates"
    link.click()
    expect(v.page.locator("#calcul-published-per-query-estimates")).to_be_visible()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_chart_is_legible_in_light_and_dark_mode_and_axe_clean(
        visit, chart_url: str, axe_source: str, scheme: str) -> None:
    v = visit(375, color_scheme=scheme)
    v.page.goto(chart_url)
    if scheme == "dark":
        # The site's palette follows the reader's system setting (Material's palette, dark
        # scheme « slate »): the same chart in a light system has other colours.
        assert v.page.evaluate("document.body.dataset.mdColorScheme") == "slate"
        light = visit(375, color_scheme="light")
        light.page.goto(chart_url)
        assert v.page.locator(".vf-chart__mark").first.evaluate(
            "m => getComputedStyle(m).fill") != light.page.locator(
            ".vf-chart__mark").first.evaluate("m => getComputedStyle(m).fill")
    contrast = v.page.evaluate(CONTRASTS)
    assert contrast["texts"] >= 4.5 and contrast["marks"] >= 3, contrast
    ARTIFACTS.mkdir(exist_ok=True)
    v.page.locator("figure.vf-chart").first.screenshot(path=ARTIFACTS / f"chart-{scheme}.png")
    v.page.add_script_tag(content=axe_source)
    violations = v.page.evaluate(AXE_CHARTS)
    blocking = [x for x in violations if x["impact"] in BLOCKING]
    assert not blocking, "\n".join(f"{x['impact']} {x['id']}: {x['help']} {x['nodes']}"
                                   for x in blocking)
