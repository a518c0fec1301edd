"""How each unit is written in French: the one table of display units (CLDR has no « t CO₂e »)."""

from __future__ import annotations

from dataclasses import dataclass


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


DISPLAY_UNITS: dict[str, DisplayUnit] = {
    "": DisplayUnit("", "", "", ""),
    "tCO2e": DisplayUnit("tCO2e", "t CO₂e", "tonne d’équivalent CO₂", "tonnes d’équivalent CO₂"),
    "kgCO2e": DisplayUnit("kgCO2e", "kg CO₂e", "kilogramme d’équivalent CO₂",
                          "kilogrammes d’équivalent CO₂"),
    "gCO2e": DisplayUnit("gCO2e", "g CO₂e", "gramme d’équivalent CO₂", "grammes d’équivalent CO₂"),
    "gCO2e/query": DisplayUnit("gCO2e/query", "g CO₂e par requête",
                               "gramme d’équivalent CO₂ par requête",
                               "grammes d’équivalent CO₂ par requête"),
    "tCO2e/day": DisplayUnit("tCO2e/day", "t CO₂e par jour", "tonne d’équivalent CO₂ par jour",
                             "tonnes d’équivalent CO₂ par jour"),
    "tCO2e/round_trip": DisplayUnit("tCO2e/round_trip", "t CO₂e par aller-retour",
                                    "tonne d’équivalent CO₂ par aller-retour",
                                    "tonnes d’équivalent CO₂ par aller-retour"),
    "MWh": DisplayUnit("MWh", "MWh", "mégawattheure", "mégawattheures"),
    "kWh": DisplayUnit("kWh", "kWh", "kilowattheure", "kilowattheures"),
    "Wh/query": DisplayUnit("Wh/query", "Wh par requête", "wattheure par requête",
                            "wattheures par requête"),
    "round_trip": DisplayUnit("round_trip", "allers-retours", "aller-retour", "allers-retours", word=True),
    "query/day": DisplayUnit("query/day", "requêtes par jour", "requête par jour",
                             "requêtes par jour", word=True),
    "user": DisplayUnit("user", "utilisateurs", "utilisateur", "utilisateurs", word=True),
    "person": DisplayUnit("person", "personnes", "personne", "personnes", word=True),
    "hour": DisplayUnit("hour", "h", "heure", "heures"),
    "day": DisplayUnit("day", "j", "jour", "jours"),
    "times": DisplayUnit("", "fois", "fois", "fois", word=True),
    "percent": DisplayUnit("", "%", "%", "%", scale=100.0, word=True),
}
