"""How each unit is written in French: CLDR's unit names (Babel) and our own (``units_fr.yml``).

``display_unit("km")``, ``display_unit("kgCO2e/hour")``: a unit is split at its ``/``; each part
is named by ``units_fr.yml`` (CO₂e masses, counted things, the energy units we spell
« kilowattheure ») or else by CLDR (kilomètre, heure, gramme…), and the parts are joined the
way the site writes them: a symbol per symbol (« kg CO₂e/kWh »), « par » before a duration or a
counted thing (« t CO₂e par jour », « requêtes par utilisateur et par jour »).

``DISPLAY_UNITS`` holds the units the site names by key (listed for editors, known to the prose
rule against hand-typed figures, and used for each value's own unit in derivations); any other
unit is composed when an article asks for it.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pint
from babel import Locale
from babel.units import format_unit

from calculators.errors import CalculatorError, DataError
from calculators.units import parse_unit
from calculators.yamlfile import read_entries
from vocabulary.errors import ContentErrors
from vocabulary.hints import suggest

UNITS_FILE = Path(__file__).with_name("units_fr.yml")
_LOCALE = Locale.parse("fr_FR")
_SPACES = " \u00a0\u202f"
#: Pint's names where CLDR's differ.
_CLDR_NAMES = {"metric_ton": "tonne"}
_SIMPLE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


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


class UnitError(CalculatorError):
    """A display unit cannot be written in French."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message, hint=hint)


#: The units the site names by key, in the order editors see them. The derivations show a value
#: in the first of these whose unit is the value's own.
NAMED_KEYS = (
    "", "tCO2e", "kgCO2e", "gCO2e", "gCO2e/query", "tCO2e/day", "tCO2e/round_trip",
    "kgCO2e/kWh", "kgCO2e/km", "MtCO2e", "TWh", "MWh/day", "MWh", "kWh", "Wh/query",
    "W/accelerator", "km/round_trip", "hour", "hour/day", "hour/week", "minute/day", "day/week",
    "day", "round_trip", "accelerator", "user", "person", "social_share", "query/day",
    "query/user/day",
    "times", "percent", "point", "year", "point/year", "1/year",
)

# -- our table ------------------------------------------------------------------------------------

_TEXT_FIELDS = ("short", "singular", "plural")
_FIELDS = (*_TEXT_FIELDS, "word", "pint", "scale")


@dataclass(frozen=True)
class _Table:
    """``units_fr.yml``: simple units by their Pint unit, and display-only keys by key."""

    units: Mapping[pint.Unit, DisplayUnit]
    displays: Mapping[str, DisplayUnit]
    keys: tuple[str, ...]


def _entry_unit(key: str, fields: Mapping[str, Any], line: int, file: str
                ) -> tuple[DisplayUnit | None, list[DataError]]:
    errors = []

    def error(message: str, hint: str = "") -> None:
        errors.append(DataError(message, hint=hint, file=file, key=key, line=line))

    for name in fields:
        if name not in _FIELDS:
            error(f"champ inconnu « {name} »", suggest(name, _FIELDS))
    for name in _TEXT_FIELDS:
        if not isinstance(fields.get(name), str) or not fields[name]:
            error(f"« {name} » doit être un texte non vide")
    if not isinstance(fields.get("word", False), bool):
        error("« word » vaut true ou false")
    scale = fields.get("scale", 1)
    if isinstance(scale, bool) or not isinstance(scale, int | float) or not scale > 0:
        error("« scale » doit être un nombre positif")
    pint_text = fields.get("pint", key)
    try:
        parse_unit(str(pint_text))
    except (pint.errors.UndefinedUnitError, ValueError, AttributeError, TypeError):
        error(f"unité inconnue « {pint_text} »", "écrivez-la comme dans les fichiers de "
              "paramètres, par exemple kgCO2e ou query/day")
    if errors:
        return None, errors
    return DisplayUnit(str(pint_text), fields["short"], fields["singular"], fields["plural"],
                       scale=float(scale), word=fields.get("word", False)), []


@functools.cache
def _table(path: Path = UNITS_FILE) -> _Table:
    """The table of ``path``; ``ContentErrors`` with every problem, at its line."""
    file = f"macros/{path.name}"
    entries, errors = read_entries(path, file)
    units: dict[pint.Unit, DisplayUnit] = {}
    displays: dict[str, DisplayUnit] = {}
    for entry in entries:
        unit, problems = _entry_unit(entry.key, entry.fields, entry.line, file)
        errors += problems
        if unit is None:
            continue
        if "pint" in entry.fields or unit.scale != 1:
            displays[entry.key] = unit
        else:
            units[parse_unit(entry.key)] = unit
    if errors:
        raise ContentErrors(list(errors))
    return _Table(units, displays, tuple(entry.key for entry in entries))


# -- CLDR -----------------------------------------------------------------------------------------


@functools.cache
def _cldr_ids() -> dict[str, str]:
    """CLDR unit ids by their name without category (``kilometer`` → ``length-kilometer``)."""
    ids: dict[str, str] = {}
    for unit_id in _LOCALE.unit_display_names:
        ids.setdefault(unit_id.split("-", 1)[1], unit_id)
    return ids


def _strip_number(text: str, number: str) -> str:
    return text.replace(number, "", 1).strip(_SPACES)


def _cldr(unit: pint.Unit) -> DisplayUnit | None:
    """CLDR's French names of a simple Pint unit, when CLDR knows it."""
    name = str(unit)
    if not _SIMPLE.match(name):  # a power or a product: CLDR names none of ours
        return None
    unit_id = _cldr_ids().get(_CLDR_NAMES.get(name, name).replace("_", "-"))
    if unit_id is None:
        return None
    short = _strip_number(format_unit(2, unit_id, length="short", locale=_LOCALE), "2")
    singular = _strip_number(format_unit(1, unit_id, length="long", locale=_LOCALE), "1")
    plural = _strip_number(format_unit(2, unit_id, length="long", locale=_LOCALE), "2")
    return DisplayUnit(name, short, singular, plural)


# -- composition ----------------------------------------------------------------------------------

def _part(text: str, key: str) -> tuple[DisplayUnit, bool]:
    """The French names of one part of a unit, and whether « par » introduces it."""
    if not _SIMPLE.match(text):
        raise UnitError(f"unité d’affichage « {key} » : « {text} » n’est pas une unité simple",
                        "écrivez une unité ou un quotient d’unités, par exemple kgCO2e/hour")
    unit = parse_unit(text)
    words = _table().units.get(unit) or _cldr(unit)
    if words is None:
        raise UnitError(f"pas de nom français pour l’unité « {text} »",
                        "ajoutez-la dans macros/units_fr.yml (short, singular, plural)")
    per = words.word or unit.dimensionality == parse_unit("hour").dimensionality
    return words, per


def compose(key: str) -> DisplayUnit:
    """The French display of the unit ``key`` (``km``, ``kgCO2e/hour``); ``UnitError`` when it
    is not a unit we can name."""
    if not key:
        return DisplayUnit("", "", "", "")
    table = _table()
    if key in table.displays:
        return table.displays[key]
    top, *bottom = (part.strip() for part in key.split("/"))
    for part in ([] if top == "1" else [top]) + bottom:
        # Before Pint, which computes a unit's numbers first (« 10**10**8 » takes minutes).
        if not _SIMPLE.match(part):
            raise UnitError(f"unité d’affichage « {key} » : « {part} » n’est pas une unité "
                            "simple", "écrivez une unité ou un quotient d’unités, par exemple "
                            "kgCO2e/hour")
    try:
        parse_unit(key)
    except (pint.errors.UndefinedUnitError, ValueError, AttributeError, TypeError):
        raise UnitError(f"unité d’affichage inconnue « {key} »",
                        suggest(key, [*NAMED_KEYS, *table.keys])
                        or "exemples : tCO2e, kWh, km, hour/day, gCO2e/query") from None
    numerator = None if top == "1" else _part(top, key)[0]
    parts = [_part(part, key) for part in bottom]
    symbols = "".join(f"/{words.short}" for words, per in parts if not per)
    pers = [words.singular for words, per in parts if per]
    per_text = f" par {' et par '.join(pers)}" if pers else ""
    long_tail = f" par {' et par '.join(words.singular for words, _ in parts)}" if parts else ""
    if numerator is None:
        text = long_tail.strip()
        return DisplayUnit(key, text, text, text, word=True)
    return DisplayUnit(
        key, f"{numerator.short}{symbols}{per_text}", numerator.singular + long_tail,
        numerator.plural + long_tail, word=numerator.word,
    )


#: Pint's prefixes a readable scale may use, from the smallest.
_PREFIXES = ("milli", "centi", "", "kilo", "mega", "giga", "tera")


@functools.cache
def _ladder(key: str) -> tuple[str, ...]:
    """The units ``key``'s first part may be rescaled to, all named in French, smallest first:
    our units of the same dimension (g CO₂e to Mt CO₂e, Wh to TWh) and the SI prefixes of its
    unit that CLDR names (mm, cm, m, km). Empty for words, durations and numbers."""
    top = key.split("/")[0].strip()
    if key in _table().displays or top == "1" or not _SIMPLE.match(top):
        return ()
    unit = parse_unit(top)
    words = _table().units.get(unit) or _cldr(unit)
    if words is None or words.word or not unit.dimensionality \
            or unit.dimensionality == parse_unit("hour").dimensionality:
        return ()
    found = {str(parse_unit(shown.pint)): shown.pint for shown in _table().units.values()
             if not shown.word and parse_unit(shown.pint).dimensionality == unit.dimensionality}
    name = str(unit)
    root = next((name[len(prefix):] for prefix in sorted(_PREFIXES, key=len, reverse=True)
                 if name.startswith(prefix) and name[len(prefix):]), name)
    names = [prefix + root for prefix in _PREFIXES]
    if unit.dimensionality == parse_unit("gram").dimensionality:
        names = [prefix + "gram" for prefix in _PREFIXES] + ["metric_ton"]  # the tonne too
    for text in names:
        try:
            candidate = parse_unit(text)
        except (pint.errors.UndefinedUnitError, ValueError, AttributeError):
            continue
        if str(candidate) not in found and _cldr(candidate) is not None:
            found[str(candidate)] = f"{candidate:~}"
    size = {text: float((1 * parse_unit(text)).to(unit).magnitude) for text in found.values()}
    return tuple(sorted(size, key=size.__getitem__))


def readable(key: str, magnitude: float) -> str:
    """``key`` with its first part rescaled so that ``magnitude`` (a value in ``key``) reads
    with as few zeros as possible: 0.17 km → m (170 m), 25,440 kg CO₂e → t CO₂e."""
    ladder = _ladder(key)
    if not ladder or magnitude == 0:
        return key
    top, *rest = key.split("/")
    values = [(abs(float((magnitude * parse_unit(top)).to(parse_unit(c)).magnitude)), c)
              for c in ladder]
    at_least_one = [(value, c) for value, c in values if value >= 1]
    chosen = min(at_least_one)[1] if at_least_one else max(values)[1]
    return "/".join([chosen, *rest])


@functools.cache
def display(key: str) -> DisplayUnit:
    """``compose``, cached: a build asks for the same few units again and again."""
    return compose(key)


#: The units the site names by key (see ``NAMED_KEYS``).
DISPLAY_UNITS: dict[str, DisplayUnit] = {key: compose(key) for key in NAMED_KEYS}


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
