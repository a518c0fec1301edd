"""« Et si… ? » in a reader's browser: the calcul page's controls, the article's box, the URL
that carries a scenario, the page without JavaScript, and the script's arithmetic and French
formatting checked against the build's own (Python) on random inputs."""

from __future__ import annotations

import contextlib
import json
import random
import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from calculators import CalculatorError, Catalog, Figure
from calculators.formulas import compare, evaluate
from macros.formatting import display_unit, format_quantity, format_range
from macros.units_fr import DisplayUnit
from publication.views.derivation import range_text, value_text

from .test_reader_browser import AXE_RUN, BLOCKING

pytestmark = pytest.mark.browser

ARTICLE = "mythes/chatgpt-magique/"
CALCUL = ARTICLE + "calcul/"
INPUT = "queries_per_user_day_seed"
MONTHLY = "chatgpt_monthly_inference_emissions"
RATIO = "inference_to_training_ratio"
#: Random scenarios per article in the differential test (seeded: the same every run).
SCENARIOS = 12


def _expected(**values: float) -> dict[str, str]:
    """The monthly emissions and the ratio as the article writes them, computed by the build's
    own calculators and formatter for this scenario."""
    parameters = Catalog.load().with_values(**values).bind()
    monthly = parameters.calculate(MONTHLY).to("tCO2e")
    ratio = parameters.calculate(RATIO)
    return {
        MONTHLY: format_quantity(monthly.value, display_unit("tCO2e"), digits=2,
                                 rounding="down", long=True),
        RATIO: format_quantity(ratio.to("").value, display_unit("times"), digits=2),
        "monthly": monthly.value, "ratio": ratio.to("").value,
    }


def _shown(page: Any, key: str) -> Any:
    return page.locator(f"#calcul-{key.replace('_', '-')} .vf-derivation__shown")


def _set(page: Any, value: str) -> None:
    field = page.locator(f"#vf-scenario-{INPUT.replace('_', '-')}")
    field.fill(value)
    field.press("Enter")
    field.dispatch_event("change")


def test_twenty_queries_a_day_double_the_monthly_emissions(visit, site_url: str) -> None:
    before, after = _expected(), _expected(**{INPUT: 20})
    assert after["monthly"] == pytest.approx(2 * before["monthly"])
    assert after["ratio"] == pytest.approx(2 * before["ratio"])
    v = visit(1280)
    v.page.goto(site_url + CALCUL)
    expect(v.page.locator("#vf-scenario")).to_be_visible()
    expect(_shown(v.page, MONTHLY)).to_have_text(before[MONTHLY])
    _set(v.page, "20")
    expect(_shown(v.page, MONTHLY)).to_have_text(after[MONTHLY])
    expect(_shown(v.page, RATIO)).to_have_text(after[RATIO])
    # the original stays beside the new value
    block = v.page.locator(f"#calcul-{MONTHLY.replace('_', '-')} .vf-derivation__value")
    expect(block).to_contain_text(before[MONTHLY])
    expect(v.page).to_have_url(re.compile(rf"/calcul/\?{INPUT}=20$"))  # once the reader pauses

    shared = visit(375)  # the link reproduces the scenario
    shared.page.goto(v.page.url)
    expect(_shown(shared.page, MONTHLY)).to_have_text(after[MONTHLY])
    expect(shared.page.locator(f"#vf-scenario-{INPUT.replace('_', '-')}")).to_have_value("20")

    v.page.get_by_role("button", name="Réinitialiser").click()
    expect(_shown(v.page, MONTHLY)).to_have_text(before[MONTHLY])
    expect(_shown(v.page, RATIO)).to_have_text(before[RATIO])
    expect(v.page).to_have_url(re.compile(r"/calcul/$"))
    expect(v.page.locator(".vf-scenario__was")).to_have_count(0)


def test_input_ranges_and_checked_sentences_follow(visit, site_url: str) -> None:
    """One query a day: the ranges of the input lines move, and the time to match training
    reaches beyond the 56 days « quelques semaines » allows (the build's own figures say so)."""
    parameters = Catalog.load().with_values(**{INPUT: 1}).bind()
    monthly = parameters.calculate("chatgpt_monthly_inference_emissions_published")
    time = parameters.calculate("inference_time_to_match_training_published").to("day")
    assert time.high.magnitude > 56 >= time.low.magnitude
    v = visit(1280)
    v.page.goto(f"{site_url}{CALCUL}?{INPUT}=1")
    line = v.page.locator(".vf-input", has=v.page.locator(
        ".vf-input__value[data-vf-key=chatgpt_monthly_inference_emissions_published]")).first
    expect(line).to_contain_text(f"({range_text(monthly)} (au départ\u202f: entre ")
    items = v.page.locator(".vf-assertions__list > li")
    notes = v.page.locator(".vf-assertions__scenario")
    expect(notes).to_have_count(items.count())
    failing = items.filter(has_text="en quelques heures à quelques semaines")
    expect(failing.locator(".vf-assertions__scenario")).to_have_text(re.compile(
        r"^Ne tient plus avec vos hypothèses\s: va de .*\sj, alors que la phrase demande "
        r"qu’il soit au plus égal à 56\sj sur toute sa fourchette\.$"))
    holding = items.filter(has_text="centaines de tonnes").first
    expect(holding.locator(".vf-assertions__scenario")).to_contain_text(
        "Tient toujours avec vos hypothèses\u202f: vaut 553 t CO₂e")
    v.page.get_by_role("button", name="Réinitialiser").click()
    expect(notes).to_have_count(0)


@pytest.mark.parametrize("query", ["queries_per_user_day_seed=abc", "inconnu=3",
                                   "queries_per_user_day_seed=", "queries_per_user_day_seed=1e400"])
def test_a_bad_url_changes_nothing(visit, site_url: str, query: str) -> None:
    v = visit(1280)
    v.page.goto(f"{site_url}{CALCUL}?{query}")
    expect(v.page.locator("#vf-scenario")).to_be_visible()
    expect(_shown(v.page, MONTHLY)).to_have_text(_expected()[MONTHLY])


def test_a_huge_value_is_clamped(visit, site_url: str, built_site: Path) -> None:
    graph = json.loads((built_site / CALCUL / "scenario.json").read_text(encoding="utf-8"))
    top = graph["in"][INPUT]["max"]
    v = visit(1280)
    v.page.goto(f"{site_url}{CALCUL}?{INPUT}=1e9")
    expect(_shown(v.page, MONTHLY)).to_have_text(_expected(**{INPUT: top})[MONTHLY])


def test_the_article_box_loads_nothing_until_opened(visit, site_url: str) -> None:
    v = visit(1280)
    v.page.goto(site_url + ARTICLE)
    v.page.wait_for_load_state("networkidle")
    assert not [url for url in v.requests if "scenario" in url]
    box = v.page.locator("details.vf-whatif")
    expect(box).to_be_visible()
    box.locator("summary").click()
    field = box.locator(f"#vf-scenario-{INPUT.replace('_', '-')}")
    expect(field).to_be_visible()
    assert any(url.endswith("vf-scenario.js") for url in v.requests)
    assert any(url.endswith("calcul/scenario.json") for url in v.requests)
    after = _expected(**{INPUT: 20})
    field.fill("20")
    field.dispatch_event("change")
    expect(box.locator(".vf-whatif__value").first).to_have_text(after[MONTHLY])
    expect(box.locator(".vf-whatif__value").nth(1)).to_have_text(after[RATIO])
    expect(box.locator(".vf-whatif__more")).to_have_attribute("href", f"calcul/?{INPUT}=20")


def test_without_javascript_there_are_no_controls(visit, site_url: str) -> None:
    v = visit(1280, java_script_enabled=False)
    v.page.goto(site_url + CALCUL)
    expect(v.page.locator("#vf-scenario")).to_be_hidden()
    expect(v.page.locator("input[type=number]")).to_have_count(0)
    v.page.goto(site_url + ARTICLE)
    expect(v.page.locator("details.vf-whatif")).to_be_hidden()


def test_the_controls_are_accessible(visit, site_url: str, axe_source: str) -> None:
    v = visit(1280)
    v.page.goto(f"{site_url}{CALCUL}?{INPUT}=20")
    expect(v.page.locator(".vf-scenario__was").first).to_be_visible()
    v.page.add_script_tag(content=axe_source)
    blocking = [x for x in v.page.evaluate(AXE_RUN) if x["impact"] in BLOCKING]
    assert not blocking, blocking
    v.page.goto(site_url + ARTICLE)
    v.page.locator("details.vf-whatif summary").click()
    expect(v.page.locator(".vf-whatif .vf-scenario__number")).to_be_visible()
    v.page.add_script_tag(content=axe_source)
    blocking = [x for x in v.page.evaluate(AXE_RUN) if x["impact"] in BLOCKING]
    assert not blocking, blocking


# -- the script against the build, on random inputs --------------------------------------------


def _python_values(catalog: Catalog, graph: dict[str, Any], values: dict[str, float]
                   ) -> dict[str, Figure | CalculatorError]:
    """Every figure of the graph computed by the build's own code: ``calculators.formulas``
    on ``Figure`` arithmetic (units by Pint, ranges by interval arithmetic) and each
    calculation's conditions (``requires:``, ``formulas.compare``) as ``catalog._run`` checks
    them, without the published-value checks (a scenario moves away from the published value on
    purpose); a figure that cannot be computed is its error."""
    parameters = catalog.with_values(**values).bind() if values else catalog.bind()
    built: dict[str, Figure | CalculatorError] = {}

    def compute(name: str) -> Figure:
        calculation = catalog.calculations.get(name)
        if calculation is None:
            return parameters.resolve(name)
        result = evaluate(calculation.tree, resolve)

        def own(other: str) -> Figure:
            return result if other == name else resolve(other)

        for requirement in calculation.requires:
            if not compare(requirement.condition, own).holds():
                raise CalculatorError(requirement.otherwise)
        return result.named(name, calculation.label, calculation.unit)

    def resolve(name: str) -> Figure:
        if name not in built:
            try:
                built[name] = compute(name)
            except CalculatorError as error:
                built[name] = error
        figure = built[name]
        if isinstance(figure, CalculatorError):
            raise figure
        return figure

    for key in graph["n"]:
        with contextlib.suppress(CalculatorError):
            resolve(key)
    return built


def requirement_messages(catalog: Catalog) -> set[str]:
    """The messages of every calculation's conditions: the errors the script shows as is."""
    return {r.otherwise for c in catalog.calculations.values() for r in c.requires}


def _unit(entry: list[Any]) -> DisplayUnit:
    scale, short, singular, plural, word, pint = entry
    return DisplayUnit(pint, short, singular, plural, scale, bool(word))


def _python_texts(graph: dict[str, Any], key: str, figure: Figure) -> dict[str, str | None]:
    """The texts the build prints for ``figure`` (``views.derivation``, ``macros.formatting``)."""
    entry, table = graph["fig"][key], graph["u"]
    out: dict[str, str | None] = {}
    if "a" in entry:
        kind, unit_index, _, digits, rounding, long = entry["a"]
        unit = _unit(table[unit_index])
        converted = figure.to(unit.pint)
        out["article"] = (
            format_range(converted.low.magnitude, converted.high.magnitude, unit,
                         digits=digits, long=bool(long)) if kind == "range"
            else format_quantity(converted.value, unit, digits=digits, rounding=rounding,
                                 long=bool(long)))
    shown = _unit(table[entry["d"][0]]) if "a" in entry else None
    out["value"] = value_text(figure, shown, qualify=False)
    out["range"] = range_text(figure, shown)
    out["input"] = value_text(figure)
    out["inputRange"] = range_text(figure)
    return out


def _graphs(site: Path) -> list[Path]:
    return sorted(site.glob("mythes/*/calcul/scenario.json"))


def test_the_script_computes_and_writes_every_figure_as_the_build(
        visit, site_url: str, built_site: Path) -> None:
    catalog = Catalog.load()
    messages = requirement_messages(catalog)
    graphs = _graphs(built_site)
    assert graphs
    v = visit(1280)
    rng = random.Random(17)
    compared = 0
    for path in graphs:
        graph = json.loads(path.read_text(encoding="utf-8"))
        v.page.goto(site_url + str(path.parent.relative_to(built_site)) + "/")
        v.page.wait_for_function("window.vfScenario !== undefined")
        inputs = graph["in"]
        for run in range(SCENARIOS):
            chosen = {} if run == 0 else {
                key: _random_value(rng, spec) for key, spec in inputs.items()
                if rng.random() < 0.7}
            python = _python_values(catalog, graph, chosen)
            overrides = {key: value * inputs[key]["k"] for key, value in chosen.items()}
            script = v.page.evaluate(
                """([graph, overrides]) => {
                     const values = vfScenario.evaluate(graph, overrides), out = {};
                     for (const key of Object.keys(graph.fig)) {
                       const r = values[key];
                       out[key] = "fail" in r ? r : vfScenario.texts(graph, key, r);
                     }
                     return out;
                   }""", [graph, overrides])
            for key in graph["fig"]:
                figure = python.get(key)
                if not isinstance(figure, Figure):
                    said = figure.message if figure.message in messages else ""
                    assert script[key] == {"fail": said}, (path.parent.parent.name, key, chosen)
                    continue
                expected = _python_texts(graph, key, figure)
                got = {k: script[key].get(k) for k in expected}
                assert got == expected, (path.parent.parent.name, key, chosen)
                compared += 1
    assert compared > 100


def _random_value(rng: random.Random, spec: dict[str, Any]) -> float:
    """A value within the input's bounds, spread on a log scale around the published one,
    rounded as a reader would type it."""
    low, high = max(spec["min"], spec["v"] / 10), min(spec["max"], spec["v"] * 10)
    value = low * (high / low) ** rng.random()
    return float(f"{value:.3g}")
