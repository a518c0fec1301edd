"""Hard-coded figures: a number with a unit, or a percentage, typed in an article's prose.

Every figure of the site is computed; one typed by hand goes stale without anyone noticing. The
rule reads the prose of ``source_text.prose_of`` (no Jinja, no code) and flags a number followed
by a unit (« 550 t », « 12,5 % », « 53 millions », « 4 fois ») or a multiplier (« ×4 »).

Allowed, because they are not figures an article computes:

- a quotation marked as such: between « » or “ ”, or in a Markdown quotation block (``> …``);
- dates and years (« décembre 2023 », « le 28 novembre 2026 », « en 2025 »), clock times
  (« 10 h 30 »), ordinals (« 1er », « XXIe siècle »): no unit follows the number;
- age bands, which name a group rather than measure anything (« les 15-24 ans »,
  « les 75 ans et plus »); a lone age (« 12 ans ») is still a figure;
- names that contain a number, glued to a letter or a hyphen: GPT-3, GPT-4o, A100, COP21, CO₂;
- numbers without a unit, and numbers written in words (« deux fois »);
- link addresses, HTML tags and attributes, code, and the title and claim of the front matter
  (they quote the myth).

Headings are prose like any other: a figure in a heading must be computed too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from macros.chart_calls import TOKEN as CHART_TOKEN
from macros.units_fr import DISPLAY_UNITS
from publication.checks.source_text import blank, line_at
from publication.model.schema import PLACEHOLDER
from vocabulary.errors import ContentError

#: Mass symbols, and what editors glue to them for carbon dioxide, with or without « e »
#: (equivalent): « 36 gCO2 », « 3,2 kgCO₂e », « 5 MtCO2eq ». Written apart (« 2 t CO2 »,
#: « 5 Mt de CO2 »), the symbol alone is the unit.
MASS_SYMBOLS = ("mg", "g", "kg", "t", "kt", "Mt", "Gt")
CO2_UNITS = tuple(f"{mass}{co2}{suffix}" for mass in MASS_SYMBOLS for co2 in ("CO2", "CO₂")
                  for suffix in ("", "e", "eq", "-eq"))
#: Units and scale words written after a number, besides the site's own display units.
GENERAL_UNITS = (
    # mass and CO₂
    *MASS_SYMBOLS, "gramme", "grammes", "kilo", "kilos",
    "kilogramme", "kilogrammes", "tonne", "tonnes", "mégatonne", "mégatonnes", "gigatonne",
    "gigatonnes", *CO2_UNITS,
    # energy and power
    "J", "kJ", "MJ", "GJ", "Wh", "kWh", "MWh", "GWh", "TWh", "joule", "joules", "wattheure",
    "wattheures", "kilowattheure", "kilowattheures", "mégawattheure", "mégawattheures",
    "gigawattheure", "gigawattheures", "térawattheure", "térawattheures", "W", "kW", "MW",
    "GW", "TW", "watt", "watts", "kilowatt", "kilowatts", "mégawatt", "mégawatts",
    "gigawatt", "gigawatts",
    # length, area, volume
    "mm", "cm", "m", "km", "m²", "km²", "m³", "ha", "mètre", "mètres", "kilomètre",
    "kilomètres", "hectare", "hectares", "L", "mL", "cL", "litre", "litres",
    # time
    "ms", "s", "min", "h", "j", "seconde", "secondes", "minute", "minutes", "heure", "heures",
    "jour", "jours", "semaine", "semaines", "mois", "an", "ans", "année", "années",
    # data and frequency
    "ko", "Mo", "Go", "To", "Po", "octet", "octets", "kB", "KB", "MB", "GB", "TB", "PB",
    "bit", "bits", "kbit/s", "Mbit/s", "Gbit/s", "Mb/s", "Gb/s", "Hz", "kHz", "MHz", "GHz",
    # money, temperature, proportions
    "€", "k€", "M€", "Md€", "Mds€", "$", "euro", "euros", "dollar", "dollars", "°C", "degré",
    "degrés", "%", "‰", "pour cent", "pourcent", "pourcents",
    # scale words: « 53 millions » is a figure whatever follows
    "million", "millions", "milliard", "milliards", "billion", "billions",
)


def _display_unit_words() -> set[str]:
    """The first word of every way the site writes its own units (« t », « allers-retours »)."""
    words = set()
    for unit in DISPLAY_UNITS.values():
        for text in (unit.short, unit.singular, unit.plural):
            first = re.split(r"[ /]", text, maxsplit=1)[0]
            if first:
                words.add(first)
    return words


_UNITS = sorted(set(GENERAL_UNITS) | _display_unit_words(), key=len, reverse=True)
_SPACE = r"(?:[ \u00a0\u202f\u2009]|&nbsp;|&#160;|&#8239;|&#x202[fF];|&thinsp;)"
_NUMBER = r"[-−+]?(?:\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)"
#: Linear time: a number never starts right after « digit + space », where it would be a group
#: of the number before (« 10 000 »); else every group of a long run of « 123 123 123… » would
#: start a scan to the end of the run (32 KB of such text once took minutes). A digit glued to a
#: letter ends a unit or a name, not a number: « 36 gCO2 40 kg » has two figures.
_FIGURE = re.compile(
    rf"(?<![\w.,])(?<![^\W\d_][-‑])(?<!(?<![^\W\d_])\d[ \u00a0\u202f\u2009])"  # not GPT-3
    rf"(?:{_NUMBER}{_SPACE}?(?:{'|'.join(re.escape(u) for u in _UNITS)})(?![\w’'‑-])"
    rf"|[×x]{_SPACE}?\d+(?:[.,]\d+)?(?![\w.,]))"
)
_DIGIT = re.compile(r"\d")
_CLOCK = re.compile(r"(?<![\w.,])\d{1,2} ?h ?\d{2}(?!\d)")
_AGE_BAND = re.compile(
    r"(?<![\w.,])\d{1,3} ?[-–] ?\d{1,3}[ \u00a0\u202f]ans\b"
    r"|(?<![\w.,])\d{1,3}[ \u00a0\u202f]ans (?:et|ou) plus\b"
)
_QUOTED = re.compile(r"«(?:(?!\n[ \t]*\n)[^«»])*»|“(?:(?!\n[ \t]*\n)[^“”])*”")
_BLOCKQUOTE = re.compile(r"^[ \t]*>.*$", re.M)
_HTML_TAG = re.compile(r"</?[A-Za-z!?][^<>]*>")
_LINK_TARGET = re.compile(r"\]\([^)\n]*\)|^[ \t]{0,3}\[(?!\^)[^\]\n]+\]:.*$", re.M)
_BARE_URL = re.compile(r"\b(?:https?://|www\.)\S+")

TYPED_FIGURE_HINT = (
    "un chiffre vient d’un paramètre ou d’un calculateur, par exemple "
    "{{ param(\"identifiant\") | figure(\"tCO2e\") }} ; une citation entre « » ou dans un bloc "
    "« > » est permise (voir CONTRIBUTING.md, « Les chiffres »)"
)


def _without_allowed(text: str) -> str:
    for pattern in (_HTML_TAG, _LINK_TARGET, _BARE_URL, _BLOCKQUOTE, _QUOTED, _CLOCK, _AGE_BAND):
        text = pattern.sub(blank, text)
    return text


def _typed(found: str) -> str:
    return re.sub(r"&[#\w]+;", " ", re.sub(r"\s+", " ", found)).strip()


def typed_figures(prose: str) -> Iterator[ContentError]:
    """Every number with a unit, or percentage, typed in ``prose`` outside a quotation."""
    text = _without_allowed(prose)
    line, counted = 1, 0  # lines counted as the scan goes: a page full of figures stays linear
    for match in _FIGURE.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        yield ContentError(None, line, f"chiffre écrit à la main : « {_typed(match.group())} »",
                           TYPED_FIGURE_HINT)


def typed_figures_in_strings(strings: Iterable[tuple[int, str]]) -> Iterator[ContentError]:
    """A figure hidden in a Jinja string, such as ``{{ "550 t" }}``: (line, literal) pairs.

    Most literals are identifiers and units: without a digit, there is no figure to look for.
    """
    for line, literal in strings:
        if _DIGIT.search(literal) is None:
            continue
        for match in _FIGURE.finditer(_without_allowed(literal)):
            yield ContentError(None, line, f"chiffre écrit à la main : « {_typed(match.group())} »",
                          TYPED_FIGURE_HINT)


def reserved_words(prose: str) -> Iterator[ContentError]:
    """The word that stands for a chart until Markdown has run: typed by hand, it would be
    replaced by a chart's HTML wherever it is, inside an attribute too."""
    for match in re.finditer(re.escape(CHART_TOKEN), prose, re.I):
        yield ContentError(None, line_at(prose, match.start()),
                           f"mot réservé aux graphiques « {CHART_TOKEN} »",
                           "un graphique s’écrit avec chart() ; retirez ce mot")


def placeholders(prose: str) -> Iterator[ContentError]:
    """Text the scaffold left for the editor to write."""
    for match in re.finditer(re.escape(PLACEHOLDER), prose):
        yield ContentError(None, line_at(prose, match.start()),
                      f"texte encore à compléter (« {PLACEHOLDER} »)",
                      "remplacez ce passage par votre texte")
