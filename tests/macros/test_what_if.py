"""``what_if()`` and the graph it exports: the « Et si… ? » box is hidden HTML the sanitiser
accepts, every mistake is a French error at the call's line, and the article's formula graph
(``publication.views.scenario``) holds base-unit values, formula trees, formats and the inputs
a reader may change, in deterministic bytes."""

from __future__ import annotations

import json
from html import unescape

import pytest

from calculators import Catalog
from macros.chart_calls import place_blocks
from macros.render import Renderer
from macros.toolbox import Toolbox
from publication.checks.output_html import sanitise
from publication.views import scenario
from tests.helpers import one_line
from vocabulary.errors import ContentError

SOURCES = """\
src:
  authors: [Une équipe]
  title: Un rapport
  venue: Un éditeur
  year: 2024
  url: https://example.org
"""
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
  status: primary
  source: src
  locator: p. 1
energy:
  label: électricité par requête
  value: 3
  unit: Wh/query
  status: primary
  source: src
  locator: p. 2
  low: 2
  high: 4
estimate_a:
  label: estimation A
  value: 0.3
  unit: Wh/query
  status: primary
  source: src
  locator: p. 3
estimate_b:
  label: estimation B
  value: 2.9
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
estimates:
  label: estimations publiées
  formula: spread(estimate_a, estimate_b, energy)
  unit: Wh/query
unrelated:
  label: sans rapport
  formula: estimate_a × rate
  unit: Wh/user/day
"""
BOX = '{{ what_if("rate", shows=["daily"]) }}'


@pytest.fixture(scope="module")
def renderer(tmp_path_factory: pytest.TempPathFactory) -> Renderer:
    data = tmp_path_factory.mktemp("data")
    (data / "parameters").mkdir()
    (data / "calculations").mkdir()
    (data / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (data / "parameters" / "p.yml").write_text(PARAMETERS, encoding="utf-8")
    (data / "calculations" / "c.yml").write_text(CALCULATIONS, encoding="utf-8")
    return Renderer(Toolbox(Catalog.load(data)))


def page(renderer: Renderer, body: str):
    return renderer.render(f"Titre\n\n{body}\n", file="a.md", line_offset=10,
                           derivations_url="calcul/")


def refusal(renderer: Renderer, body: str) -> str:
    with pytest.raises(ContentError) as caught:
        page(renderer, body)
    return one_line(caught.value)


def test_the_box_is_hidden_html_the_sanitiser_accepts(renderer: Renderer) -> None:
    rendered = page(renderer, BOX)
    html = place_blocks(f"<p>{rendered.text.split()[-1]}</p>", rendered.blocks)
    assert html.startswith('<details class="vf-whatif" data-vf-input="rate" '
                           'data-vf-shows="daily" hidden>')
    assert ("Et si…\u202f? Changez «\u202frequêtes par utilisateur et par jour\u202f»"
            in unescape(html))
    cleaned = sanitise(html, charts=True)  # a block the renderer placed
    assert not cleaned.findings
    assert "hidden" in cleaned.html and 'data-vf-input="rate"' in cleaned.html
    assert "calcul-daily" in rendered.figures  # its graph and calcul page include it


@pytest.mark.parametrize(("call", "expected"), [
    ('{{ what_if("rat", shows=["daily"]) }}', "« rat » : « Et si… ? » : paramètre inconnu"),
    ('{{ what_if("rate", shows="daily") }}', "« shows » est la liste"),
    ('{{ what_if("rate", shows=["dayly"]) }}', "« dayly » : « Et si… ? » : calcul inconnu"),
    ('{{ what_if("rate", shows=["estimates"]) }}', "« estimates » ne dépend pas de « rate »"),
    ('{{ what_if("rate", shows=["daily"] * 5) }}', "5 chiffres, au plus 4"),
    ("{{ what_if(3, shows=['daily']) }}", "indiquez entre guillemets"),
])
def test_every_mistake_is_a_french_error_at_its_line(renderer: Renderer, call: str,
                                                      expected: str) -> None:
    message = refusal(renderer, call)
    assert message.startswith("a.md:13: ")
    assert expected in message


def graph(renderer: Renderer, body: str) -> dict:
    rendered = page(renderer, body)
    return scenario.scenario(rendered.figures, rendered.units, rendered.formats,
                             renderer.toolbox.catalog, scenario.box_inputs(rendered.blocks))


def test_the_graph_holds_base_values_trees_and_formats(renderer: Renderer) -> None:
    g = graph(renderer, '{{ daily() | figure("kWh/day", digits=2, rounding="down", long=True) }}')
    assert g["n"]["daily"] == {"f": ["c", "queries", "*", "energy"]}
    assert g["n"]["queries"] == {"f": ["c", "users", "*", "rate"]}
    energy = g["n"]["energy"]  # 3 Wh/query (2 to 4) in joules per query
    assert (energy["v"], energy["lo"], energy["hi"]) == pytest.approx((10800, 7200, 14400))
    kind, unit, factor, digits, rounding, long = g["fig"]["daily"]["a"]
    assert (kind, digits, rounding, long) == ("figure", 2, "down", 1)
    assert factor == pytest.approx(1000 * 3600 / 86400)  # one kWh/day in watts
    assert g["u"][unit][1:4] == ["kWh par jour", "kilowattheure par jour",
                                 "kilowattheures par jour"]
    # only the hypothesis is adjustable without a box; its value is in its own unit
    assert list(g["in"]) == ["users"]
    assert g["in"]["users"]["v"] == 1000 and g["in"]["users"]["min"] == 10


def test_a_box_makes_its_parameter_adjustable_with_the_published_alternatives(
        renderer: Renderer) -> None:
    g = graph(renderer, BOX + '\n\n{{ estimates() | figure_range("Wh/query") }}')
    assert sorted(g["in"]) == ["rate", "users"]
    assert g["fig"]["estimates"]["a"][0] == "range"
    h = graph(renderer, '{{ what_if("energy", shows=["daily"]) }}\n\n'
              '{{ estimates() | figure_range("Wh/query") }}')
    assert h["in"]["energy"]["ch"] == [["estimation A", 0.3], ["estimation B", 2.9],
                                        ["électricité par requête", 3.0]]


def test_the_bytes_are_deterministic(renderer: Renderer) -> None:
    body = BOX + '\n\n{{ estimates() | figure_range("Wh/query") }} {{ param("users") | figure }}'
    first, second = scenario.dumps(graph(renderer, body)), scenario.dumps(graph(renderer, body))
    assert first == second
    assert json.loads(first)["version"] == scenario.VERSION
    assert b" " not in first.replace(b"\xe2\x80\xaf", b"").split(b'"l"')[0]


def test_a_page_without_box_or_figures_exports_an_empty_graph(renderer: Renderer) -> None:
    g = graph(renderer, "Rien à calculer {{ param('users') | figure }}")
    assert set(g["n"]) == {"users"} and list(g["in"]) == ["users"]
    assert scenario.box_inputs({"x": '<details data-vf-input="a_b">'}) == ["a_b"]




def test_a_page_holds_a_bounded_number_of_boxes(renderer: Renderer) -> None:
    six = "\n\n".join(f'{{{{ what_if("rate", shows=["daily"] * {n}) }}}}' for n in range(1, 5))
    six += ('\n\n{{ what_if("users", shows=["daily"]) }}'
            '\n\n{{ what_if("users", shows=["queries"]) }}')
    page(renderer, six + "\n\n" + BOX)  # the same box again is no new box
    message = refusal(renderer, six + '\n\n{{ what_if("energy", shows=["daily"]) }}')
    assert "trop d’encadrés « Et si… ? » sur la page (au plus 6)" in message
