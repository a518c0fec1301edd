"""How each unit is written in French: the one table of display units (CLDR has no « t CO₂e »)."""

from __future__ import annotations

import functools
from dataclasses import dataclass

import pint

from calculators.units import parse_unit


@dataclass(frozen=True)
class DisplayUnit:
    """A unit as readers see it. ``pint`` is the unit the value is converted to first."""

    pint: str
    short: str
    singular: str
    plural: str
    scale: float = 1.0  # multiply the magnitude (percent: 100)
    word: bool = False  # the short form is a word (« fois »), not a symbol (« t »)

    def text(self, long: bool, plural: bool) -> str:
        if not long:
            return self.short
        return self.plural if plural else self.singular


def _word(pint: str, singular: str, plural: str) -> DisplayUnit:
    """A counted thing, written as a word in short and long form alike."""
    return DisplayUnit(pint, plural, singular, plural, word=True)


_CO2E = "d’équivalent CO₂"

#: Display units by key. Editors name them in ``| figure("tCO2e")``; the derivation section uses
#: the one whose Pint unit matches a value's own unit.
DISPLAY_UNITS: dict[str, DisplayUnit] = {
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
    "share": _word("share", "partage", "partages"),
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


@functools.cache
def _parsed() -> tuple[tuple[str, pint.Unit], ...]:
    return tuple(
        (key, parse_unit(shown.pint)) for key, shown in DISPLAY_UNITS.items() if shown.scale == 1
    )


@functools.lru_cache(maxsize=1024)
def display_key_for(unit: pint.Unit) -> str | None:
    """The key of the display unit whose Pint unit is ``unit``, if there is one.

    Cached by the unit itself (Pint units hash and compare by their content): the loop compares
    Pint units, which is slow, and a build asks for the same few units again and again.
    """
    for key, parsed in _parsed():
        if parsed == unit:
            return key
    return None
