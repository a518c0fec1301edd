"""A figure with a published value must show it: the number an article displays, rounded as
the article rounds it, is the published number rounded the same way (errata: « environ
570 MWh » where de Vries publishes 564 MWh)."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators import Catalog
from macros.render import Renderer
from macros.toolbox import Toolbox
from tests.helpers import one_line
from vocabulary.errors import ContentError

SOURCES = """\
src:
  authors: [Alex de Vries]
  title: The growing energy footprint of artificial intelligence
  venue: Joule
  year: 2023
  url: https://example.org
"""


def parameter(key: str, value: float, unit: str) -> str:
    return (f"{key}:\n  label: {key.replace('_', ' ')}\n  value: {value}\n  unit: {unit}\n"
            "  status: primary\n  source: src\n  locator: p. 1\n")


def renderer(tmp_path: Path, queries: float, energy: float, published: float) -> Renderer:
    """``queries`` (per day) × ``energy`` (Wh per query), checked against ``published`` MWh/day
    with the default tolerance (1 %)."""
    data = tmp_path / "data"
    (data / "parameters").mkdir(parents=True)
    (data / "calculations").mkdir()
    (data / "sources.yml").write_text(SOURCES, encoding="utf-8")
    (data / "parameters" / "p.yml").write_text(
        parameter("queries", queries, "query/day") + parameter("energy", energy, "Wh/query")
        + parameter("daily_published", published, "MWh/day"), encoding="utf-8")
    (data / "calculations" / "c.yml").write_text(
        "daily:\n  label: électricité par jour\n  formula: queries × energy\n"
        "  unit: MWh/day\n  published: daily_published\n", encoding="utf-8")
    return Renderer(Toolbox(Catalog.load(data)))


def refusal(renderer: Renderer, call: str) -> str:
    with pytest.raises(ContentError) as caught:
        renderer.render(f"Titre\n\nCela faisait {{{{ {call} }}}}.\n", file="a.md")
    return one_line(caught.value)


def shown(renderer: Renderer, call: str) -> str:
    text = renderer.render(f"Cela faisait {{{{ {call} }}}}.", file="a.md").text
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def test_the_errata_case_is_refused_at_its_line(tmp_path: Path) -> None:
    """13 M × 15 × 2,9 Wh = 565,5 MWh, shown « environ 570 » when the source says 564."""
    de_vries = renderer(tmp_path, 195_000_000, 2.9, 564)
    message = refusal(de_vries, 'daily() | figure("MWh/day", digits=2)')
    assert message.startswith("a.md:3: « daily » : le chiffre affiché « environ 570")
    assert "ne redonne pas la valeur publiée « 564\u202fMWh" in message
    # More digits give 566, still not 564: the hint says to show the published value.
    assert 'affichez la valeur publiée elle-même, param("daily_published")' in message
    assert "digits=" not in message
    assert "ne redonne pas la valeur publiée « 564" in refusal(
        de_vries, 'daily() | figure("MWh/day", digits=3)')


def test_the_published_value_itself_and_a_rounding_that_keeps_it_pass(tmp_path: Path) -> None:
    de_vries = renderer(tmp_path, 195_000_000, 2.9, 564)
    assert "564 MWh" in shown(de_vries, 'param("daily_published") | figure("MWh/day")')
    # One digit gives 600 for both: coarse, but the source's 564 reads as « environ 600 ».
    assert "environ 600 MWh" in shown(de_vries, 'daily() | figure("MWh/day", digits=1)')


def test_more_digits_are_suggested_when_they_give_the_published_number(tmp_path: Path) -> None:
    """574,9 and 575 round apart with two digits (570, 580), together with three (575)."""
    close = renderer(tmp_path, 100_000_000, 5.749, 575)
    message = refusal(close, 'daily() | figure("MWh/day", digits=2)')
    assert "« environ 570\u202fMWh" in message and "« 575\u202fMWh" in message
    assert 'affichez plus de chiffres (digits=3) ou la valeur publiée elle-même, ' \
           'param("daily_published")' in message
    assert "environ 575 MWh" in shown(close, 'daily() | figure("MWh/day", digits=3)')


def test_the_published_value_is_rounded_the_same_way_and_in_the_same_unit(
        tmp_path: Path) -> None:
    close = renderer(tmp_path, 100_000_000, 5.749, 575)
    # Rounded down, both are 570: « plus de 570 » is true of the source's 575 too.
    assert "plus de 570 MWh" in shown(close, 'daily() | figure("MWh/day", digits=2, '
                                             'rounding="down")')
    # In GWh with two digits: 0,57 against 0,58 (575 rounds to even, 0,58).
    message = refusal(close, 'daily() | figure("GWh/day", digits=2)')
    assert "« environ 0,57\u202fGWh" in message and "« 0,575\u202fGWh" in message
    assert "0,575 GWh" in shown(close, 'daily() | figure("GWh/day", digits=3)')
