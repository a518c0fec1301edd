"""French units: the site's named units exactly as before, CLDR's units and ours composed, and
unknown or unnamed units refused in French."""

from __future__ import annotations

from pathlib import Path

import pytest

from calculators import CalculatorError
from macros.formatting import display_unit, format_quantity
from macros.units_fr import DISPLAY_UNITS, DisplayUnit, UnitError, _table, compose, readable
from tests.helpers import one_line
from vocabulary.errors import ContentErrors

NNBSP, NBSP = "\u202f", "\u00a0"


def _word(pint: str, singular: str, plural: str) -> DisplayUnit:
    return DisplayUnit(pint, plural, singular, plural, word=True)


# The hand-written table the composed units replace, frozen as it was: every key must keep its
# exact output, or the published site would change.
_CO2E = "d’équivalent CO₂"

BEFORE: dict[str, DisplayUnit] = {
    "": DisplayUnit("", "", "", ""),
    "tCO2e": DisplayUnit("tCO2e", "t CO₂e", f"tonne {_CO2E}", f"tonnes {_CO2E}"),
    "kgCO2e": DisplayUnit("kgCO2e", "kg CO₂e", f"kilogramme {_CO2E}", f"kilogrammes {_CO2E}"),
    "gCO2e": DisplayUnit("gCO2e", "g CO₂e", f"gramme {_CO2E}", f"grammes {_CO2E}"),
    "gCO2e/query": DisplayUnit(
        "gCO2e/query",
        "g CO₂e par requête",
        f"gramme {_CO2E} par requête",
        f"grammes {_CO2E} par requête",
    ),
    "tCO2e/day": DisplayUnit(
        "tCO2e/day", "t CO₂e par jour", f"tonne {_CO2E} par jour", f"tonnes {_CO2E} par jour"
    ),
    "tCO2e/round_trip": DisplayUnit(
        "tCO2e/round_trip",
        "t CO₂e par aller-retour",
        f"tonne {_CO2E} par aller-retour",
        f"tonnes {_CO2E} par aller-retour",
    ),
    "kgCO2e/kWh": DisplayUnit(
        "kgCO2e/kWh",
        "kg CO₂e/kWh",
        f"kilogramme {_CO2E} par kilowattheure",
        f"kilogrammes {_CO2E} par kilowattheure",
    ),
    "kgCO2e/km": DisplayUnit(
        "kgCO2e/km",
        "kg CO₂e/km",
        f"kilogramme {_CO2E} par kilomètre",
        f"kilogrammes {_CO2E} par kilomètre",
    ),
    "MtCO2e": DisplayUnit(
        "MtCO2e", "Mt CO₂e", f"million de tonnes {_CO2E}", f"millions de tonnes {_CO2E}"
    ),
    "TWh": DisplayUnit("TWh", "TWh", "térawattheure", "térawattheures"),
    "MWh/day": DisplayUnit(
        "MWh/day", "MWh par jour", "mégawattheure par jour", "mégawattheures par jour"
    ),
    "MWh": DisplayUnit("MWh", "MWh", "mégawattheure", "mégawattheures"),
    "kWh": DisplayUnit("kWh", "kWh", "kilowattheure", "kilowattheures"),
    "Wh/query": DisplayUnit(
        "Wh/query", "Wh par requête", "wattheure par requête", "wattheures par requête"
    ),
    "W/accelerator": DisplayUnit(
        "W/accelerator", "W par processeur", "watt par processeur", "watts par processeur"
    ),
    "km/round_trip": DisplayUnit(
        "km/round_trip",
        "km par aller-retour",
        "kilomètre par aller-retour",
        "kilomètres par aller-retour",
    ),
    "hour": DisplayUnit("hour", "h", "heure", "heures"),
    "hour/day": DisplayUnit("hour/day", "h par jour", "heure par jour", "heures par jour"),
    "hour/week": DisplayUnit(
        "hour/week", "h par semaine", "heure par semaine", "heures par semaine"
    ),
    "minute/day": DisplayUnit("minute/day", "min par jour", "minute par jour", "minutes par jour"),
    "day/week": DisplayUnit("day/week", "j par semaine", "jour par semaine", "jours par semaine"),
    "day": DisplayUnit("day", "j", "jour", "jours"),
    "round_trip": _word("round_trip", "aller-retour", "allers-retours"),
    "accelerator": _word("accelerator", "processeur", "processeurs"),
    "user": _word("user", "utilisateur", "utilisateurs"),
    "person": _word("person", "personne", "personnes"),
    "social_share": _word("social_share", "partage", "partages"),
    "query/day": _word("query/day", "requête par jour", "requêtes par jour"),
    "query/user/day": _word(
        "query/user/day",
        "requête par utilisateur et par jour",
        "requêtes par utilisateur et par jour",
    ),
    "times": _word("", "fois", "fois"),
    "percent": DisplayUnit("percent", "%", "%", "%", word=True),
    # Differences between two shares, in percentage points (0.027 → « 2,7 points »).
    "point": DisplayUnit("", "points", "point", "points", scale=100.0, word=True),
    "year": DisplayUnit("year", "ans", "an", "ans", word=True),
    # A share that changes each year: « 0,27 point par an » in prose, « 0,0027 par an » in
    # derivations (the unscaled entry, found by its Pint unit).
    "point/year": DisplayUnit(
        "1/year", "points par an", "point par an", "points par an", scale=100.0, word=True
    ),
    "1/year": DisplayUnit("1/year", "par an", "par an", "par an", word=True),
}



def test_every_named_unit_is_written_as_before() -> None:
    assert list(DISPLAY_UNITS) == list(BEFORE)
    for key, before in BEFORE.items():
        assert compose(key) == before, key
        assert display_unit(key) == before


@pytest.mark.parametrize(("key", "short", "singular", "plural"), [
    ("km", "km", "kilomètre", "kilomètres"),
    ("m", "m", "mètre", "mètres"),
    ("kg", "kg", "kilogramme", "kilogrammes"),
    ("t", "t", "tonne", "tonnes"),
    ("s", "s", "seconde", "secondes"),
    ("week", "sem.", "semaine", "semaines"),
    ("kgCO2e/hour", "kg CO₂e par heure", "kilogramme d’équivalent CO₂ par heure",
     "kilogrammes d’équivalent CO₂ par heure"),
    ("gCO2e/hour", "g CO₂e par heure", "gramme d’équivalent CO₂ par heure",
     "grammes d’équivalent CO₂ par heure"),
    ("W/m", "W/m", "watt par mètre", "watts par mètre"),
    ("km/user/day", "km par utilisateur et par jour", "kilomètre par utilisateur et par jour",
     "kilomètres par utilisateur et par jour"),
    ("1/day", "par jour", "par jour", "par jour"),
    # Messages sent to a chatbot are counted apart from the requests its servers answer.
    ("message/day", "messages par jour", "message par jour", "messages par jour"),
    ("query/message", "requêtes par message", "requête par message", "requêtes par message"),
])
def test_cldr_and_our_units_compose(key: str, short: str, singular: str, plural: str) -> None:
    shown = display_unit(key)
    assert (shown.pint, shown.short, shown.singular, shown.plural) == \
        (key, short, singular, plural)


def test_composed_units_format_like_the_named_ones() -> None:
    assert format_quantity(0.17, display_unit("km"), digits=2) == f"0,17{NNBSP}km"
    assert format_quantity(2, display_unit("km"), long=True) == f"2{NBSP}kilomètres"
    assert format_quantity(1500, display_unit("kgCO2e/hour")) == \
        f"1{NNBSP}500{NNBSP}kg CO₂e par heure"
    assert format_quantity(3, display_unit("query/user"), long=True) == \
        f"3{NBSP}requêtes par utilisateur"


def test_unknown_units_suggest_a_known_one() -> None:
    with pytest.raises(CalculatorError) as caught:
        display_unit("tCO2")
    assert caught.value.message == "unité d’affichage inconnue « tCO2 »"
    assert caught.value.hint == "vouliez-vous dire « tCO2e » ?"
    with pytest.raises(CalculatorError, match="n’est pas une unité simple"):
        display_unit("m**2")
    with pytest.raises(UnitError, match="pas de nom français pour l’unité « electron_volt »"):
        compose("electron_volt")


def test_an_unknown_unit_in_an_article_is_located(renderer) -> None:
    from vocabulary.errors import ContentError

    with pytest.raises(ContentError) as caught:
        renderer.render('Texte.\n\n{{ gpt3_training_energy() | figure("MWhh") }}', file="a.md")
    text = str(caught.value)
    assert text.startswith("a.md:3")
    assert "unité d’affichage inconnue « MWhh »" in text and "« MWh »" in text


def test_the_units_file_is_checked_at_its_lines(tmp_path: Path) -> None:
    path = tmp_path / "units_fr.yml"
    path.write_text("""\
ok:
  pint: ""
  short: a
  singular: a
  plural: a
gCO2e:
  short: ""
  singular: gramme
  plural: grammes
  wrd: true
widget:
  short: w
  singular: w
  plural: w
""", encoding="utf-8")
    with pytest.raises(ContentErrors) as caught:
        _table(path)
    assert [one_line(e) for e in caught.value.errors] == [
        "macros/units_fr.yml:6: « gCO2e » : champ inconnu « wrd » (vouliez-vous dire « word » ?)",
        "macros/units_fr.yml:6: « gCO2e » : « short » doit être un texte non vide",
        "macros/units_fr.yml:11: « widget » : unité inconnue « widget » (écrivez-la comme dans "
        "les fichiers de paramètres, par exemple kgCO2e ou query/day)",
    ]


@pytest.mark.parametrize(("key", "magnitude", "chosen"), [
    ("km", 0.17, "m"),
    ("km", 2500, "km"),
    ("m", 0.004, "mm"),
    ("kg", 1500, "t"),
    ("kgCO2e", 25_440, "tCO2e"),
    ("tCO2e", 0.02, "kgCO2e"),
    ("MWh", 0.0005, "Wh"),
    ("kWh/query", 0.0003, "Wh/query"),
    ("W/accelerator", 4000, "kW/accelerator"),
    ("hour", 0.1, "hour"),  # durations keep their unit
    ("query/day", 5e9, "query/day"),  # so do counted things
    ("point", 0.2, "point"),
])
def test_auto_scale_picks_the_prefix_that_reads_best(key: str, magnitude: float,
                                                     chosen: str) -> None:
    assert readable(key, magnitude) == chosen


def test_figure_with_auto_scale(renderer) -> None:
    from vocabulary.errors import ContentError

    text = renderer.render('{{ gpt3_training_energy() | figure("kWh", scale="auto") }}',
                           file="a.md").text
    assert f"1,29{NNBSP}GWh<" in text  # 1 287 MWh
    with pytest.raises(ContentError, match="« scale » inconnu"):
        renderer.render('{{ gpt3_training_energy() | figure("kWh", scale="grand") }}',
                        file="a.md")


@pytest.mark.parametrize("key", ["10**10**8", "kWh/0", "kWh/10**10**8"])
def test_a_display_unit_with_arithmetic_is_refused_before_pint_computes_it(key: str) -> None:
    """Review of 2026-12-01: Pint computed « 10**10**8 » before refusing it (minutes)."""
    with pytest.raises(CalculatorError, match="n’est pas une unité simple"):
        display_unit(key)
