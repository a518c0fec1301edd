"""The one Pint unit registry of the project, with the units our domain needs.

CO2-equivalent mass is its own dimension, so that grams of CO2e never mix with grams of anything
else; users, queries, messages, accelerators and round trips are counted units, so that
``users × queries/user/day × gCO2e/query`` checks out dimensionally.
"""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pint

_DEFINITIONS = """
gCO2e = [co2e_mass]
kgCO2e = 1000 * gCO2e
tCO2e = 1e6 * gCO2e
ktCO2e = 1e9 * gCO2e
MtCO2e = 1e12 * gCO2e
user = [user]
query = [query]
message = [message]
accelerator = [accelerator]
round_trip = [round_trip]
social_share = [social_share]
person = [person]
"""


def new_registry(cache_folder: str | Path | None = ":auto:") -> pint.UnitRegistry:
    """Pint's registry with our units, Pint's default definitions parsed once per machine.

    Parsing Pint's definitions is most of the fixed cost of a build (about 0.3 s); Pint caches
    the parsed result in ``cache_folder`` (``:auto:``: the user's cache folder), keyed by the
    definitions' content. Where that folder cannot be written or holds a broken file (two
    processes writing it at once), the registry is built without the cache: slower, same units.
    """
    try:
        units = pint.UnitRegistry(autoconvert_offset_to_baseunit=True, cache_folder=cache_folder)
    except (OSError, EOFError, pickle.UnpicklingError):
        units = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    for line in _DEFINITIONS.strip().splitlines():
        units.define(line)
    return units


registry = new_registry()
Quantity = registry.Quantity


#: Longest unit text; arithmetic in it (numbers, powers) is refused before Pint sees it.
MAX_UNIT_LENGTH = 60
_UNIT_ARITHMETIC = re.compile(r"\*\*|\^|(?<![A-Za-z_])\d")
#: « 1/year », the one number a unit may start with.
_PER = re.compile(r"^\s*1\s*/")


def parse_unit(text: str) -> pint.Unit:
    """Parse a unit written in a data file, such as ``kgCO2e/kWh`` or ``query/user/day``.

    Raises ``pint.errors.UndefinedUnitError`` (or ``ValueError``) for unknown units.
    """
    if text.strip() in ("", "1", "dimensionless"):
        return registry.dimensionless
    unit = registry.parse_units(text)
    return unit


def parse_written_unit(text: str) -> pint.Unit:
    """``parse_unit`` for a unit an editor wrote (a data file's ``unit:``): names, « / » and
    « · » only. Pint computes a unit's numbers before it refuses them, so « 10**10**8 » would
    take minutes; it is refused first, with a ``ValueError``."""
    if len(text) > MAX_UNIT_LENGTH or _UNIT_ARITHMETIC.search(_PER.sub("", text, count=1)):
        raise ValueError("une unité s’écrit avec des noms d’unités, « / » et « · », sans "
                         "nombre ni puissance (« kgCO2e/kWh »)")
    return parse_unit(text)


#: Pint's symbols that editors never write in data files, and the names they write instead.
_WRITTEN = {"d": "day", "a": "year"}
_SYMBOL = re.compile(r"(?<![\w])(" + "|".join(_WRITTEN) + r")(?![\w])")


def written(unit: pint.Unit) -> str:
    """A unit as data files write it, for messages: ``kWh/day``, not Pint's ``kWh/d``."""
    return _SYMBOL.sub(lambda match: _WRITTEN[match.group(1)], f"{unit:~P}")
