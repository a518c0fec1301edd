"""``chart()`` in an article: values from parameter and calculation ids, French errors at the
call's line, every size bounded, every text escaped, and the chart follows its data."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from calculators import Catalog
from macros.chart_calls import place_blocks
from macros.render import Renderer
from macros.toolbox import Toolbox
from publication.__main__ import main
from publication.checks.output_html import sanitise
from tests.helpers import minimal, one_line
from vocabulary.errors import ContentError

SOURCES = """\
src:
  authors: [Eurostat]
  title: ICT specialists in employment
  venue: Eurostat
  year: 2024
  url: https://example.org
"""


def parameter(key: str, value: float, unit: str = "dimensionless", year: int | None = None,
              low: float | None = None, high: float | None = None) -> str:
    text = (f"{key}:\n  label: {key.replace('_', ' ')}\n  value: {value}\n  unit: {unit}\n"
            "  status: primary\n  source: src\n  locator: p. 1\n")
    text += f"  year: {year}\n" if year is not None else ""
    text += "  quote: La phrase qui donne cette part.\n" if unit == "dimensionless" else ""
    text += f"  low: {low}\n  high: {high}\n" if low is not None else ""
    return text


HYPOTHESIS = ("guess:\n  label: une hypothèse\n  value: 0.4\n  unit: dimensionless\n"
              "  status: hypothesis\n  note: Faute de source, la rédaction suppose ceci.\n")


def make_renderer(tmp_path: Path, share_2013: float = 0.167) -> Renderer:
    data = tmp_path / f"data-{share_2013}"
    (data / "parameters").mkdir(parents=True, exist_ok=True)
    (data / "calculations").mkdir(exist_ok=True)
    (data / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (data / "parameters" / "p.yml").write_text(
        parameter("share_2013", share_2013, year=2013) + parameter("share_2023", 0.194, year=2023)
        + parameter("fr_2018", 0.12, year=2018) + parameter("fr_2020", 0.17, year=2020)
        + parameter("no_year", 0.3) + parameter("energy", 3.0, "MWh")
        + parameter("per_query", 0.2, "gCO2e/query", low=0.03, high=1.2)
        + parameter("seed", 1.6, "gCO2e/query") + HYPOTHESIS, encoding="utf-8")
    (data / "calculations" / "c.yml").write_text(
        "rise:\n  label: hausse\n  formula: share_2023 - share_2013\n  unit: dimensionless\n"
        "guessed:\n  label: une part supposée\n  formula: guess × share_2023\n"
        "  unit: dimensionless\n", encoding="utf-8")
    return Renderer(Toolbox(Catalog.load(data)))


BARS = ('{{ chart("barres", "Deux parts", {"Avant": "share_2013", "Après": "share_2023"}, '
        'unit="percent") }}')
LINES = ('{{ chart("courbes", "Les parts remontent", {"Europe": ["share_2013", "share_2023"], '
         '"France": ["fr_2018", "fr_2020"]}, unit="percent") }}')


def render(renderer: Renderer, call: str) -> str:
    """The page's text with its charts placed, as the site serves it after Markdown."""
    rendered = renderer.render(f"Titre\n\n{call}\n", file="a.md", derivations_url="calcul/")
    return place_blocks(rendered.text, rendered.blocks)


def refusal(renderer: Renderer, call: str) -> str:
    with pytest.raises(ContentError) as caught:
        renderer.render(f"Titre\n\n{call}\n", file="a.md", line_offset=10)
    return one_line(caught.value)


def test_changing_a_parameter_changes_the_chart_with_no_other_edit(tmp_path: Path) -> None:
    before = render(make_renderer(tmp_path, 0.167), BARS)
    after = render(make_renderer(tmp_path, 0.05), BARS)
    assert "16,7" in before and "16,7" not in after and ">5\xa0%<" in after
    widths = [re.findall(r'<rect x="8" y="\d+" width="([\d.]+)"', t) for t in (before, after)]
    assert widths[0][0] != widths[1][0] and widths[0][1] == widths[1][1]


def test_a_chart_is_a_figure_with_its_title_description_svg_and_data_table(
        tmp_path: Path) -> None:
    renderer = make_renderer(tmp_path)
    rendered = renderer.render(f"Titre\n\n{BARS}\n", file="a.md", derivations_url="calcul/")
    # Markdown sees a token, a paragraph of its own; the chart takes its place afterwards.
    [(token, html)] = rendered.blocks.items()
    assert rendered.text == f"Titre\n\n{token}"
    assert place_blocks(f"<p>x</p>\n<p>{token}</p>", rendered.blocks) == f"<p>x</p>\n{html}"
    assert re.search(r'<figure class="vf-chart vf-chart--bars" id="(graphique-\w+)">', html)
    ident = re.search(r'id="(graphique-\w+)"', html).group(1)  # type: ignore[union-attr]
    assert f'role="img" aria-labelledby="{ident}-titre {ident}-desc"' in html
    assert f'<title id="{ident}-titre">Deux parts</title>' in html
    assert "Avant\u202f: 16,7\xa0%" in html  # the values in words, in the description
    assert "<summary>Voir les données</summary>" in html
    # Each value links to its derivation, and the calcul page lists it.
    assert 'href="calcul/#calcul-share-2013"' in html
    assert list(rendered.figures) == ["calcul-share-2013", "calcul-share-2023"]
    assert sanitise(html, charts=True).findings == ()


def test_the_same_chart_is_byte_identical_from_render_to_render(tmp_path: Path) -> None:
    assert render(make_renderer(tmp_path), LINES) == render(make_renderer(tmp_path), LINES)


def test_a_time_series_places_each_point_at_its_parameters_year(tmp_path: Path) -> None:
    html = render(make_renderer(tmp_path), LINES)
    assert [y for y in ("2013", "2018", "2020", "2023") if f">{y}</text>" in html] == \
        ["2013", "2018", "2020", "2023"]
    assert "Europe (cercle)" in html and "France (carré)" in html
    assert html.count('class="vf-chart__line ') == 2


def test_a_hypothesis_is_drawn_as_such_with_a_legend(tmp_path: Path) -> None:
    html = render(make_renderer(tmp_path),
                  '{{ chart("barres", "Parts", {"Sourcée": "share_2023", '
                  '"Supposée": "guessed"}, unit="percent") }}')
    assert html.count("vf-chart__mark--hypothesis") == 1
    assert "la valeur repose sur une hypothèse" in html
    assert "(hypothèse)" in html  # the table's link says it too


def test_a_range_is_drawn_and_tabulated(tmp_path: Path) -> None:
    html = render(make_renderer(tmp_path),
                  '{{ chart("barres", "Par requête", {"Publiées": "per_query", '
                  '"Hypothèse": "seed"}, unit="gCO2e/query", digits=2) }}')
    assert html.count('class="vf-chart__range"') == 1  # one range: a stroke and two caps
    assert "fourchette des estimations" in html and "entre 0,03 et 1,2" in html


def test_a_comparison_notches_the_larger_bar_by_the_smaller(tmp_path: Path) -> None:
    html = render(make_renderer(tmp_path),
                  '{{ chart("comparaison", "Une hausse et une part", {"Part": "share_2023", '
                  '"Hausse": "rise"}, unit="percent") }}')
    notches = re.search(r'<path d="([^"]*)" class="vf-chart__notch">', html)
    assert notches and notches.group(1).count("v16") == 7  # 19,4 / 2,7: seven notches


@pytest.mark.parametrize(("call", "message"), [
    ('chart("barres", "T", {"A": "share_2031"})',
     "a.md:13: « share_2031 » : paramètre ou calcul inconnu dans le graphique "
     "(vouliez-vous dire « share_20"),
    ('chart("barre", "T", {"A": "share_2013"})',
     "a.md:13: genre de graphique inconnu : « barre » (vouliez-vous dire « barres » ?)"),
    ('chart("barres", "T", {"A": "share_2013", "B": "energy"})',
     "a.md:13: « energy » : unités incompatibles dans un même graphique"),
    ('chart("courbes", "T", {"A": ["share_2013", "no_year"]})',
     "a.md:13: « no_year » : une courbe place chaque valeur à son année"),
    ('chart("courbes", "T", {"A": ["share_2013", "share_2013"]})', "ont la même année"),
    ('chart("courbes", "T", {"A": ["share_2013"], "B": ["share_2023"], "C": ["fr_2018"], '
     '"D": ["fr_2020"], "E": ["share_2013"]})',
     "a.md:13: trop de séries dans le graphique (5, au plus 4)"),
    ('chart("barres", "T", {' + ", ".join(f'"L{chr(65 + i)}": "share_2013"'
                                         for i in range(13)) + "})",
     "trop de valeurs dans le graphique (13, au plus 12)"),
    ('chart("comparaison", "T", {"A": "share_2013"})', "exactement deux valeurs"),
    ('chart("barres", "T", {"Un libellé bien trop long pour tenir à côté de sa barre": '
     '"share_2013"})', "un libellé du graphique est trop long (55 caractères, au plus 48)"),
    ('chart("barres", "", {"A": "share_2013"})', "le titre du graphique est vide"),
    ('chart("barres", "T", ["share_2013"])', "les valeurs d’un graphique s’écrivent entre"),
    ('chart("barres", "T", {"A": share_2013})', "nom inconnu « share_2013 »"),
    ('chart("barres", "T", {"A": param("share_2013")})', "n’est pas un identifiant"),
    ('chart("barres", "T", {"A": "share_2013"}, unit="banane")', "a.md:13:"),
])
def test_a_bad_chart_is_a_french_error_at_its_line(tmp_path: Path, call: str,
                                                    message: str) -> None:
    assert message in refusal(make_renderer(tmp_path), "{{ " + call + " }}")


def test_a_number_typed_in_a_chart_is_refused(tmp_path: Path) -> None:
    error = refusal(make_renderer(tmp_path), '{{ chart("barres", "T", {"A": 42}) }}')
    assert "n’est pas un identifiant" in error


@pytest.mark.parametrize("hostile", [
    '<script>alert(1)</script>', '"><svg onload=alert(1)>', "</text><a href='javascript:x'>",
    "&lt;b&gt; & ' \" ]]> <!--",
])
def test_every_text_of_a_chart_is_escaped(tmp_path: Path, hostile: str) -> None:
    quoted = hostile.replace("\\", "\\\\").replace('"', '\\"')
    html = render(make_renderer(tmp_path),
                  f'{{{{ chart("courbes", "{quoted}", {{"{quoted}": ["share_2013", '
                  f'"share_2023"]}}, description="{quoted}", unit="percent") }}}}')
    assert "<script" not in html and "<svg onload" not in html and "<a href" not in html
    assert "<!--" not in html
    assert sanitise(html, charts=True).findings == ()


def test_make_check_reports_a_bad_chart_at_its_line(make_project: Callable[..., Path],
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    text = minimal('{{ chart("barres", "Deux parts", {"Avant": "women_share_cs_school_past"}) }}')
    line = next(n for n, row in enumerate(text.splitlines(), 1) if "chart(" in row)
    project = make_project(articles={"mythes/essai.md": text})
    assert main(["check", "--config-file", str(project / "mkdocs.yml")]) == 1
    report = capsys.readouterr().err
    assert f"content/mythes/essai.md:{line}: « women_share_cs_school_past » : paramètre ou " \
        "calcul inconnu dans le graphique" in report
    assert "women_share_cs_schools_past" in report


def test_two_charts_differing_only_by_description_keep_their_own(tmp_path: Path) -> None:
    """Review of 2026-12-01: the token left out the description, so the second chart's
    replaced the first's."""
    call = ('{{{{ chart("barres", "T", {{"A": "share_2013"}}, unit="percent", '
            'description="{}") }}}}')
    html = render(make_renderer(tmp_path),
                  call.format("Première") + "\n\n" + call.format("Seconde"))
    assert "Première" in html and "Seconde" in html


def test_the_same_chart_twice_is_an_error(tmp_path: Path) -> None:
    call = '{{ chart("barres", "T", {"A": "share_2013"}, unit="percent") }}'
    assert "le même graphique figure deux fois sur la page" in refusal(
        make_renderer(tmp_path), call + "\n\n" + call)


def test_a_loop_of_charts_is_bounded(tmp_path: Path) -> None:
    """Review of 2026-12-01: charts are placed after the page's output bound, and a loop of
    2,000 kept make check busy for more than ten minutes."""
    loop = ('{% for n in "abcdefghijklmnopqrst" %}{{ chart("barres", "T" ~ n, '
            '{"A": "share_2013"}, unit="percent") }}\n\n{% endfor %}')
    assert "trop de graphiques sur la page (au plus 12)" in refusal(make_renderer(tmp_path), loop)


def test_values_too_small_to_draw_are_a_french_error(tmp_path: Path) -> None:
    tiny = "1.0e-323"  # as YAML reads it; a denormal float has no logarithm
    message = refusal(make_renderer(tmp_path, share_2013=tiny),  # type: ignore[arg-type]
                      '{{ chart("barres", "T", {"A": "share_2013"}) }}')
    assert "valeurs trop petites ou trop grandes pour être dessinées" in message


def test_a_refused_parameter_is_named_as_such_in_a_chart(tmp_path: Path) -> None:
    """Review of 2026-12-01: a parameter refused in its file was « inconnu » in a chart, with
    the advice to declare it."""
    make_renderer(tmp_path)  # writes the data folder
    data = tmp_path / "data-0.167"
    (data / "parameters" / "bad.yml").write_text(
        parameter("refused_share", 0.5).replace("value: 0.5", "value: 0,5"), encoding="utf-8")
    catalog, errors = Catalog.load_valid(data)
    assert errors and "refused_share" in catalog.invalid
    message = refusal(Renderer(Toolbox(catalog)),
                      '{{ chart("barres", "T", {"A": "refused_share"}) }}')
    assert "« refused_share » : paramètre invalide" in message
