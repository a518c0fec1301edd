"""The scenario script's rules, without the corpus: a hand-written graph on a hand-written
calcul page (requirements that fail, what follows them, input ranges, checked sentences), and
the script against the build's own Python on a small project (figures and checked sentences
on random inputs: same rule, same displayed strings)."""

from __future__ import annotations

import json
import random
from typing import Any

import pytest
from playwright.sync_api import expect

from calculators import CalculatorError, Catalog, Figure
from calculators.comparisons import RELATION_WORDS, compare
from calculators.units import Quantity
from macros.render import Renderer
from macros.toolbox import Toolbox
from publication.views import scenario
from publication.views.derivation import magnitude_text
from tests.helpers import ROOT
from tests.macros.test_what_if import SOURCES

from .test_scenario_browser import (
    _python_texts,
    _python_values,
    _random_value,
    requirement_messages,
)

pytestmark = pytest.mark.browser

SCRIPT = ROOT / "site_overrides" / "assets" / "javascripts" / "vf-scenario.js"
NN, NB = "\u202f", "\u00a0"
PAGE = "essai/calcul/"
PARITY = "la parité est déjà atteinte en 2023"

# -- a hand-written graph ----------------------------------------------------------------------

#: Women's share of a trade now (adjustable), the target, the yearly progress (a range): the
#: years to parity need the share below the target; doubled reads them; ratio does not.
GRAPH: dict[str, Any] = {
    "version": 1,
    "u": [[1.0, "ans", "an", "ans", 1, ""], [100.0, "%", "%", "%", 0, "percent"],
          [1.0, "", "", "", 0, ""]],
    "n": {
        "share_now": {"v": 0.3, "lo": 0.3, "hi": 0.3},
        "target": {"v": 0.5, "lo": 0.5, "hi": 0.5},
        "progress": {"v": 0.01, "lo": 0.008, "hi": 0.0125},
        "two": {"v": 2.0, "lo": 2.0, "hi": 2.0},
        "zero": {"v": 0.0, "lo": 0.0, "hi": 0.0},
        "years": {"f": ["c", ["c", "target", "-", "share_now"], "/", "progress"],
                  "r": [[">", "years", "zero", PARITY]]},
        "doubled": {"f": ["c", "years", "*", "two"]},
        "ratio": {"f": ["c", "share_now", "/", "target"],
                  "r": [["<=", "share_now", 1, "une part ne dépasse pas 100 %"]]},
    },
    "fig": {
        "share_now": {"l": "part des femmes", "o": [1, 1.0], "d": [1, 1.0]},
        "target": {"l": "cible", "o": [1, 1.0], "d": [1, 1.0]},
        "progress": {"l": "progrès par an", "o": [1, 1.0], "d": [1, 1.0]},
        "two": {"l": "deux", "o": [2, 1.0], "d": [2, 1.0]},
        "zero": {"l": "zéro", "o": [2, 1.0], "d": [2, 1.0]},
        "years": {"l": "années avant la parité", "o": [0, 1.0], "d": [0, 1.0],
                  "a": ["figure", 0, 1.0, 2, "nearest", 0]},
        "doubled": {"l": "le double", "o": [0, 1.0], "d": [0, 1.0],
                    "a": ["figure", 0, 1.0, 2, "nearest", 0]},
        "ratio": {"l": "rapport à la cible", "o": [2, 1.0], "d": [2, 1.0],
                  "a": ["figure", 2, 1.0, 2, "nearest", 0]},
    },
    "in": {"share_now": {"label": "part des femmes", "v": 0.3, "k": 1.0, "u": "", "min": 0.003,
                         "max": 1.0, "ch": []}},
    "as": [["ratio", [["below", 1.0]]], ["years", [["at_most", 50.0]]],
           ["doubled", [["above", "years"]]]],
}

HTML = f"""<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title></head>
<body><main>
<section class="vf-scenario" id="vf-scenario" hidden></section>
<ul class="vf-assertions__list">
<li data-vf-check="0">« moins que la cible » : rapport à la cible vaut 0,6.</li>
<li data-vf-check="1">« dans moins de 50{NB}ans » : années avant la parité.</li>
<li data-vf-check="2">« le double est plus long » : le double.</li>
</ul>
<section class="vf-derivation" id="calcul-years">
<p class="vf-derivation__value"><span class="vf-derivation__shown">20{NB}ans</span></p>
<p class="vf-derivation__precise">Valeur calculée{NN}:
<span class="vf-derivation__calc">20{NB}ans</span>
(<span class="vf-derivation__range">entre 16 et 25{NB}ans</span>)</p>
</section>
<section class="vf-derivation" id="calcul-doubled">
<p class="vf-derivation__value"><span class="vf-derivation__shown">40{NB}ans</span></p>
<ul class="vf-inputs"><li class="vf-input">années avant la parité{NN}: <span class="vf-input__value"
data-vf-key="years">20{NB}ans</span> (entre 16 et 25{NB}ans)
</li></ul>
</section>
<section class="vf-derivation" id="calcul-ratio">
<p class="vf-derivation__value"><span class="vf-derivation__shown">0,6</span></p>
</section>
</main><script src="/assets/javascripts/vf-scenario.js"></script></body></html>"""


@pytest.fixture
def handwritten(visit, site_url: str):
    """The hand-written page and graph, served under the test server's address."""
    v = visit(1280)
    v.page.route(f"{site_url}{PAGE}", lambda route: route.fulfill(
        content_type="text/html; charset=utf-8", body=HTML))
    v.page.route(f"{site_url}{PAGE}scenario.json", lambda route: route.fulfill(
        content_type="application/json", body=json.dumps(GRAPH)))
    return v


def _slot(page: Any, selector: str) -> Any:
    return page.locator(selector).first


def _set(page: Any, value: str) -> None:
    field = page.locator("#vf-scenario-share-now")
    field.fill(value)
    field.dispatch_event("change")


def test_a_failed_requirement_makes_the_figure_and_its_readers_incalculable(
        handwritten, site_url: str) -> None:
    page = handwritten.page
    page.goto(site_url + PAGE)
    expect(page.locator("#vf-scenario")).to_be_visible()
    shown = _slot(page, "#calcul-years .vf-derivation__shown")
    expect(shown).to_have_text("20 ans")
    expect(page.locator(".vf-assertions__scenario")).to_have_count(0)  # no scenario: as built

    _set(page, "0.6")  # beyond the target: no year to wait
    incalculable = f"incalculable{NN}: {PARITY}"
    expect(shown).to_have_text(incalculable)
    expect(_slot(page, "#calcul-years .vf-derivation__calc")).to_have_text(incalculable)
    expect(_slot(page, "#calcul-years .vf-derivation__range")).to_have_text("sans fourchette")
    expect(_slot(page, "#calcul-doubled .vf-derivation__shown")).to_have_text(incalculable)
    expect(_slot(page, ".vf-input__value[data-vf-key=years]")).to_have_text(incalculable)
    expect(_slot(page, "#calcul-ratio .vf-derivation__shown")).to_have_text("1,2")
    notes = page.locator(".vf-assertions__scenario")
    expect(notes.nth(0)).to_have_text(
        f"Ne tient plus avec vos hypothèses{NN}: vaut 1,2, alors que la phrase demande qu’il "
        "soit en dessous de 1 sur toute sa fourchette.")
    expect(notes.nth(1)).to_have_text(
        f"Ne tient plus avec vos hypothèses{NN}: chiffre incalculable ({PARITY}).")
    expect(notes.nth(0)).to_have_class("vf-assertions__scenario vf-assertions__scenario--no")

    _set(page, "0.4")  # back below the target: every figure has a value again
    expect(shown).to_have_text("10 ans")
    expect(_slot(page, "#calcul-years .vf-derivation__range")).to_have_text("entre 8 et 12,5 ans")
    expect(_slot(page, "#calcul-doubled .vf-derivation__shown")).to_have_text("20 ans")
    # the input line's range follows, the original beside it
    line = page.locator("#calcul-doubled .vf-input")
    expect(line).to_contain_text("10 ans (au départ\u202f: 20 ans) (entre 8 et 12,5 ans "
                                 "(au départ\u202f: entre 16 et 25 ans))")
    expect(notes.nth(0)).to_have_text(
        f"Tient toujours avec vos hypothèses{NN}: vaut 0,8{NN}: en dessous de 1 sur toute sa "
        "fourchette.")
    expect(notes.nth(2)).to_have_text(
        f"Tient toujours avec vos hypothèses{NN}: va de 16 ans à 25 ans{NN}: au-dessus de "
        f"«{NN}années avant la parité{NN}» (va de 8 ans à 12,5 ans) sur toute sa fourchette.")
    expect(notes.nth(0)).to_have_class("vf-assertions__scenario vf-assertions__scenario--yes")

    page.get_by_role("button", name="Réinitialiser").click()
    expect(shown).to_have_text("20 ans")
    expect(page.locator(".vf-scenario__was")).to_have_count(0)
    expect(page.locator(".vf-assertions__scenario")).to_have_count(0)
    expect(line).to_contain_text("20 ans (entre 16 et 25 ans)")


def test_a_requirement_compares_central_values_and_may_name_its_own_result(
        visit) -> None:
    """Evaluated without a page: each failure carries its own message, the first one met."""
    v = visit(1280)
    v.page.set_content("<!doctype html><title>t</title>")
    v.page.add_script_tag(path=str(SCRIPT))
    got = v.page.evaluate("""(graph) => {
        const at = (share) => vfScenario.evaluate(graph, {share_now: share});
        return [at(0.3).years, at(0.5).years, at(0.7).doubled, at(0.7).ratio, at(2).ratio];
      }""", GRAPH)
    assert got[0] == pytest.approx({"v": 20, "lo": 16, "hi": 25})
    assert got[1] == {"fail": PARITY}  # 0 years: « > » is strict
    assert got[2] == {"fail": PARITY}
    assert got[3] == pytest.approx({"v": 1.4, "lo": 1.4, "hi": 1.4})
    assert got[4] == {"fail": "une part ne dépasse pas 100 %"}


# -- the script against the build on a small project -------------------------------------------

PARAMETERS = """\
users:
  label: utilisateurs
  value: 1000
  unit: user
  status: hypothesis
  note: Supposé par la rédaction.
rate:
  label: requêtes par utilisateur et par jour
  value: 10
  unit: query/user/day
  status: hypothesis
  note: Supposé par la rédaction.
  low: 8
  high: 12
energy:
  label: électricité par requête
  value: 3
  unit: Wh/query
  status: primary
  source: src
  locator: p. 2
  low: 2
  high: 4
budget:
  label: budget quotidien
  value: 60
  unit: kWh/day
  status: primary
  source: src
  locator: p. 3
  low: 55
  high: 65
capacity:
  label: requêtes que les serveurs traitent par jour
  value: 25000
  unit: query/day
  status: primary
  source: src
  locator: p. 5
limit:
  label: plafond du compte en jours
  value: 6
  unit: dimensionless
  status: primary
  source: src
  locator: p. 6
estimate_a:
  label: estimation A
  value: 0.3
  unit: Wh/query
  status: primary
  source: src
  locator: p. 4
"""
CALCULATIONS = """\
queries:
  label: requêtes par jour
  formula: users × rate
  unit: query/day
daily:
  label: électricité par jour
  formula: queries × energy
  unit: kWh/day
left:
  label: reste du budget
  formula: budget - daily
  unit: kWh/day
  requires:
    - that: left > 0
      otherwise: la consommation dépasse déjà le budget
used:
  label: part du budget utilisée
  formula: share(daily ÷ budget)
  unit: percent
days:
  label: jours pour épuiser dix budgets
  formula: budget ÷ left
  unit: dimensionless
  requires:
    - that: queries <= capacity
      otherwise: >-
        plus de requêtes que les serveurs n’en traitent : aucun budget ne tient
    - that: days < limit
      otherwise: le budget s’épuise trop lentement pour compter en jours
estimates:
  label: estimations publiées
  formula: spread(estimate_a, energy)
  unit: Wh/query
"""
BODY = """\
{{ daily() | figure("kWh/day", digits=2, rounding="down", long=True) }}
{{ left() | figure("kWh/day") }} {{ used() | figure("percent", digits=2) }}
{{ days() | figure("", digits=2, rounding="up") }}
{{ estimates() | figure_range("Wh/query") }}
{{ what_if("energy", shows=["daily"]) }}
"""
#: Checked sentences, each a figure and its (relation, bound) pairs, numbers in its unit.
CHECKS = [("daily", (("below", "budget"), ("at_most", "budget"))), ("used", (("at_most", 90.0),)),
          ("left", (("above", 0.0), ("at_least", "daily"))), ("days", (("below", 50.0),)),
          ("budget", (("above", "daily"),))]
SCENARIOS = 60


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[Catalog, dict[str, Any]]:
    data = tmp_path_factory.mktemp("data")
    (data / "parameters").mkdir()
    (data / "calculations").mkdir()
    (data / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (data / "parameters" / "p.yml").write_text(PARAMETERS, encoding="utf-8")
    (data / "calculations" / "c.yml").write_text(CALCULATIONS, encoding="utf-8")
    catalog = Catalog.load(data)
    rendered = Renderer(Toolbox(catalog)).render(f"Titre\n\n{BODY}\n", file="a.md",
                                                 line_offset=0, derivations_url="calcul/")
    graph = scenario.scenario(rendered.figures, rendered.units, rendered.formats, catalog,
                              scenario.box_inputs(rendered.blocks), CHECKS)
    return catalog, json.loads(scenario.dumps(graph))


def _side(low: float, high: float, figure: Figure) -> str:
    low_text, high_text = magnitude_text(low, figure), magnitude_text(high, figure)
    return f"vaut {low_text}" if low_text == high_text else f"va de {low_text} à {high_text}"


def _python_check(entry: list[Any], graph: dict[str, Any],
                  python: dict[str, Figure | CalculatorError], messages: set[str]
                  ) -> dict[str, Any]:
    """A checked sentence under a scenario, by the build's rule (``compare``) and formatter; a
    figure without value says why when a condition of its calculation gave the reason."""
    key, bounds = entry
    figure = python[key]

    def no(what: str, error: CalculatorError) -> dict[str, Any]:
        because = f" ({error.message})" if error.message in messages else ""
        return {"holds": False, "text": f"Ne tient plus avec vos hypothèses{NN}: {what} "
                f"incalculable{because}."}

    if not isinstance(figure, Figure):
        return no("chiffre", figure)
    factor = float(Quantity(1, figure.unit).to_base_units().magnitude)
    words, missed = [], []
    for relation, bound in bounds:
        if isinstance(bound, str):
            bound_figure = python[bound]
            if not isinstance(bound_figure, Figure):
                return no("borne", bound_figure)
        else:
            quantity = Quantity(bound / factor, figure.unit)
            bound_figure = Figure(quantity=quantity, low=quantity, high=quantity,
                                  status=figure.status)
        comparison = compare(figure, relation, bound_figure)
        said = f"{RELATION_WORDS[relation]} " + (
            magnitude_text(comparison.bound_low, figure) if not isinstance(bound, str)
            else f"«{NN}{graph['fig'][bound]['l']}{NN}» "
            f"({_side(comparison.bound_low, comparison.bound_high, figure)})")
        words.append(said)
        if not comparison.holds:
            missed.append(said)
    side = _side(figure.low.to(figure.unit).magnitude, figure.high.to(figure.unit).magnitude,
                 figure)
    if missed:
        return {"holds": False, "text": f"Ne tient plus avec vos hypothèses{NN}: {side}, alors "
                f"que la phrase demande qu’il soit {' et '.join(missed)} sur toute sa "
                "fourchette."}
    return {"holds": True, "text": f"Tient toujours avec vos hypothèses{NN}: {side}{NN}: "
            f"{' et '.join(words)} sur toute sa fourchette."}


def test_the_script_follows_the_build_on_a_small_project(
        visit, small: tuple[Catalog, dict[str, Any]]) -> None:
    catalog, graph = small
    messages = requirement_messages(catalog)
    assert sorted(graph["in"]) == ["energy", "rate", "users"]
    assert graph["n"]["days"]["r"] == [
        ["<=", "queries", "capacity", next(m for m in messages if m.startswith("plus de"))],
        ["<", "days", "limit", "le budget s’épuise trop lentement pour compter en jours"]]
    assert len(graph["as"]) == len(CHECKS)
    v = visit(1280)
    v.page.set_content("<!doctype html><title>t</title>")
    v.page.add_script_tag(path=str(SCRIPT))
    rng = random.Random(1712)
    outcomes: set[Any] = set()
    failures: set[str] = set()
    for run in range(SCENARIOS):
        chosen = {} if run == 0 else {key: _random_value(rng, spec)
                                      for key, spec in graph["in"].items() if rng.random() < 0.8}
        python = _python_values(catalog, graph, chosen)
        overrides = {key: value * graph["in"][key]["k"] for key, value in chosen.items()}
        script = v.page.evaluate(
            """([graph, overrides]) => {
                 const values = vfScenario.evaluate(graph, overrides), out = {};
                 for (const key of Object.keys(graph.fig)) {
                   const r = values[key];
                   out[key] = "fail" in r ? r : vfScenario.texts(graph, key, r);
                 }
                 return [out, graph.as.map((entry) => vfScenario.check(graph, entry, values))];
               }""", [graph, overrides])
        figures, checks = script
        for key in graph["fig"]:
            figure = python[key]
            if not isinstance(figure, Figure):
                said = figure.message if figure.message in messages else ""
                assert figures[key] == {"fail": said}, (key, chosen)
                if said:
                    failures.add(said)
                outcomes.add("incalculable" if said else "impossible")
                continue
            expected = _python_texts(graph, key, figure)
            assert {k: figures[key].get(k) for k in expected} == expected, (key, chosen)
        for entry, got in zip(graph["as"], checks, strict=True):
            expected = _python_check(entry, graph, python, messages)
            assert got == expected, (entry, chosen)
            outcomes.add(got["holds"])
    # the random scenarios met every case: sentences that hold, that fail, figures without
    # value because a condition fails (each of them) or because the arithmetic cannot be done
    assert outcomes == {True, False, "incalculable", "impossible"}
    assert failures == messages


def test_the_graph_lists_the_checked_sentences_in_base_units(
        small: tuple[Catalog, dict[str, Any]]) -> None:
    _, graph = small
    assert graph["as"][0] == ["daily", [["below", "budget"], ["at_most", "budget"]]]
    assert graph["as"][1] == ["used", [["at_most", pytest.approx(0.9)]]]
    assert graph["as"][3] == ["days", [["below", 50.0]]]
    assert {"budget", "daily", "used", "left", "days"} <= set(graph["n"]) <= set(graph["fig"])


def test_a_page_without_checked_sentences_exports_none(
        small: tuple[Catalog, dict[str, Any]]) -> None:
    catalog, _ = small
    rendered = Renderer(Toolbox(catalog)).render("Titre\n\n{{ daily() | figure(\"kWh/day\") }}\n",
                                                 file="a.md", line_offset=0,
                                                 derivations_url="calcul/")
    graph = scenario.scenario(rendered.figures, rendered.units, rendered.formats, catalog)
    assert "as" not in graph

