"""French formatting of figures with Babel: « plus de 25 000 t CO₂e », « entre 0,03 et 1,2 g ».

Numbers are rounded to significant digits. The qualifier follows from the rounding: rounding down
an inexact value gives « plus de », rounding up « moins de », to the nearest « environ »; an exact
value gets none. Dates are written as French readers expect them: « 28 novembre 2026 », and
« 1er décembre 2026 » for the first of a month, which Babel writes « 1 » (``french_date``).
Spacing follows French typography: a narrow no-break space groups thousands and separates a symbol
from its number, a no-break space precedes a unit written in full.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN, Context, Decimal
from typing import Literal

from babel import Locale
from babel.dates import format_date
from babel.numbers import NumberPattern, format_compact_decimal, format_decimal, parse_pattern

from calculators import CalculatorError
from vocabulary.french import LOCALE, NARROW_NBSP, NBSP

from .units_fr import DISPLAY_UNITS, DisplayUnit, UnitError, display

Rounding = Literal["nearest", "down", "up"]
_MODES = {"nearest": ROUND_HALF_EVEN, "down": ROUND_FLOOR, "up": ROUND_CEILING}
_NOISE_FREE = Context(prec=12)
#: The most significant digits a figure may be shown with (its precision once snapped).
MAX_DIGITS = 12
QUALIFIERS = {"nearest": "environ", "down": "plus de", "up": "moins de"}
#: Parsed once: Babel would parse the locale and the pattern again on every call.
_LOCALE = Locale.parse(LOCALE)
#: Formatted values are cached by their content (the arguments): formatting is a pure function
#: of them, and a build formats the same values many times (text, derivations, every page).
CACHE_SIZE = 8192
#: Babel's long date pattern (« d MMMM y »), and the same with the ordinal of the first day of a
#: month, which Babel does not write: « 1er décembre 2026 », never « 1 décembre 2026 ».
_LONG_DATE = _LOCALE.date_formats["long"].pattern
_FIRST_OF_MONTH = re.sub(r"(?<![d'])d(?![d'])", "d'er'", _LONG_DATE, count=1)


@dataclass(frozen=True)
class Rounded:
    """A number rounded for display, and whether rounding changed it."""

    value: Decimal
    exact: bool


def round_significant(number: float, digits: int, rounding: Rounding = "nearest") -> Rounded:
    """Round ``number`` to ``digits`` significant digits in the given direction."""
    if digits < 1:
        raise CalculatorError("« digits » doit valoir au moins 1")
    if digits > MAX_DIGITS:  # values are snapped to twelve digits: more would print noise
        raise CalculatorError(f"« digits » doit valoir au plus {MAX_DIGITS}",
                              hint="trois chiffres significatifs suffisent presque toujours")
    if rounding not in _MODES:
        raise CalculatorError(
            f"arrondi inconnu « {rounding} » : choisissez nearest, down ou up"
        )
    # Twelve significant digits absorb float noise (25440.000000000004 is 25440).
    exact = _NOISE_FREE.create_decimal_from_float(float(number))
    if exact == 0:
        return Rounded(Decimal(0), True)
    exponent = exact.adjusted() - digits + 1
    rounded = exact.quantize(Decimal(1).scaleb(exponent), rounding=_MODES[rounding])
    return Rounded(rounded, rounded == exact)


def format_number(value: Decimal | float) -> str:
    """``25440`` → ``25 440`` (narrow no-break space), ``1.6`` → ``1,6``."""
    number = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    normal = number.normalize()
    decimals = max(0, -normal.as_tuple().exponent) if isinstance(normal.as_tuple().exponent,
                                                                 int) else 0
    return format_decimal(normal, format=_pattern(decimals), locale=_LOCALE)


@functools.cache
def _pattern(decimals: int) -> NumberPattern:
    return parse_pattern("#,##0" + ("." + "#" * decimals if decimals else ""))


def display_unit(key: str) -> DisplayUnit:
    """The display unit ``key``: one the site names, or any unit composed in French."""
    shown = DISPLAY_UNITS.get(key)
    if shown is not None:
        return shown
    if not isinstance(key, str):
        raise CalculatorError(f"unité d’affichage invalide : {key!r}",
                              hint="écrivez-la entre guillemets, par exemple figure('tCO2e')")
    try:
        return display(key)
    except UnitError as error:
        raise CalculatorError(error.message, hint=error.hint) from None


def with_unit(number: str, unit: DisplayUnit, *, long: bool, plural: bool) -> str:
    text = unit.text(long, plural)
    if not text:
        return number
    return f"{number}{NBSP if long or unit.word else NARROW_NBSP}{text}"


def _in_words(value: Decimal, unit: DisplayUnit) -> str:
    """« 53 millions d’utilisateurs »: a large round number with its unit after « de »."""
    number = format_compact_decimal(value, format_type="long", locale=LOCALE,
                                    fraction_digits=2).replace(" ", NBSP)
    text = unit.text(True, True)
    if not text:
        return number
    elided = text[0].lower() in "aeéèêiîoôuh"
    return f"{number}{NBSP}{'d’' if elided else 'de '}{text}"


def shown_value(magnitude: float, unit: DisplayUnit, digits: int = 3,
                rounding: Rounding = "nearest") -> Rounded:
    """The number readers see for ``magnitude`` (in ``unit``'s Pint unit), once rounded."""
    return round_significant(magnitude * unit.scale, digits, rounding)


@functools.lru_cache(maxsize=CACHE_SIZE, typed=True)
def format_quantity(
    magnitude: float, unit: DisplayUnit, *, digits: int = 3, rounding: Rounding = "nearest",
    long: bool = False, qualify: bool = True,
) -> str:
    """One value with its unit and, when rounding changed it, its qualifier.

    In long form, a million or more is written in words: « 53 millions d’utilisateurs ».
    """
    rounded = shown_value(magnitude, unit, digits, rounding)
    if long and abs(rounded.value) >= 1_000_000:
        text = _in_words(rounded.value, unit)
    else:
        text = with_unit(format_number(rounded.value), unit, long=long,
                         plural=abs(rounded.value) >= 2)
    if qualify and not rounded.exact:
        return f"{QUALIFIERS[rounding]} {text}"
    return text


@functools.lru_cache(maxsize=CACHE_SIZE, typed=True)
def format_range(low: float, high: float, unit: DisplayUnit, *, digits: int = 2,
                 long: bool = False) -> str:
    """« entre 0,03 et 1,2 g CO₂e par requête »: the unit once, after the upper bound."""
    low_r = round_significant(low * unit.scale, digits)
    high_r = round_significant(high * unit.scale, digits)
    upper = with_unit(format_number(high_r.value), unit, long=long,
                      plural=abs(high_r.value) >= 2)
    return f"entre {format_number(low_r.value)} et {upper}"


def french_date(date: dt.date) -> str:
    """A date as readers see it on the site: « 28 novembre 2026 », « 1er décembre 2026 »."""
    pattern = _FIRST_OF_MONTH if date.day == 1 else _LONG_DATE
    return format_date(date, format=pattern, locale=_LOCALE)
