"""The unit readers see, for a unit as a figures report writes it (Pint's compact symbols, such
as ``tCO2e`` or ``query/d/user``): the site's display unit of that Pint unit, else the unit
composed in French, else nothing (the diff then shows the report's own text)."""

from __future__ import annotations

import functools

import pint

from calculators import CalculatorError
from calculators.units import parse_unit, written
from macros.formatting import display_unit
from macros.units_fr import DISPLAY_UNITS, DisplayUnit, display_key_for

#: A longer unit is not one a calculation wrote: it is shown as it is, unparsed.
MAX_LENGTH = 100
_UNREADABLE = (pint.errors.PintError, ValueError, AttributeError, TypeError, KeyError,
               SyntaxError)


@functools.lru_cache(maxsize=256)
def display_of(unit: str) -> DisplayUnit | None:
    """The French display of ``unit``, or ``None`` when it has none."""
    if not unit.strip() or len(unit) > MAX_LENGTH:
        return None
    try:
        parsed = parse_unit(unit)
    except _UNREADABLE:
        return None
    key = display_key_for(parsed)
    if key is not None:
        return DISPLAY_UNITS[key]
    try:
        return display_unit(written(parsed))
    except (CalculatorError, *_UNREADABLE):
        return None
