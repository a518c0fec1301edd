"""French formatting: the exact strings, narrow no-break spaces included."""

from __future__ import annotations

import datetime as dt
from decimal import Context, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import CalculatorError
from macros.formatting import (
    display_unit,
    format_number,
    format_quantity,
    format_range,
    french_date,
    round_significant,
)

NNBSP, NBSP = "\u202f", "\u00a0"


@pytest.mark.parametrize(("value", "expected"), [
    (25440, f"25{NNBSP}440"),
    (1.6, "1,6"),
    (1287, f"1{NNBSP}287"),
    (0.03, "0,03"),
    (Decimal("25000"), f"25{NNBSP}000"),
])
def test_numbers(value: float, expected: str) -> None:
    assert format_number(value) == expected


@pytest.mark.parametrize(("magnitude", "unit", "options", "expected"), [
    (25440, "tCO2e", {"digits": 2, "rounding": "down"}, f"plus de 25{NNBSP}000{NNBSP}t CO₂e"),
    (25440, "tCO2e", {"digits": 2, "rounding": "down", "long": True},
     f"plus de 25{NNBSP}000{NBSP}tonnes d’équivalent CO₂"),
    (25440, "tCO2e", {"digits": 5}, f"25{NNBSP}440{NNBSP}t CO₂e"),
    (1.6, "gCO2e", {}, f"1,6{NNBSP}g CO₂e"),
    (1.6, "gCO2e", {"long": True}, f"1,6{NBSP}gramme d’équivalent CO₂"),
    (268.04, "round_trip", {"digits": 2}, f"environ 270{NBSP}allers-retours"),
    (0.86, "times", {"digits": 2}, f"0,86{NBSP}fois"),
    (12.5, "percent", {}, f"12,5{NBSP}%"),
    (1.94, "tCO2e", {"digits": 1, "rounding": "up"}, f"moins de 2{NNBSP}t CO₂e"),
    (53e6, "user", {"digits": 2, "long": True}, f"53{NBSP}millions{NBSP}d’utilisateurs"),
    (2.5e9, "query/day", {"digits": 2, "long": True},
     f"2,5{NBSP}milliards{NBSP}de requêtes par jour"),
    (15.65, "hour", {"digits": 2, "long": True}, f"environ 16{NBSP}heures"),
])
def test_quantities(magnitude: float, unit: str, options: dict, expected: str) -> None:
    assert format_quantity(magnitude, display_unit(unit), **options) == expected


def test_range() -> None:
    assert format_range(0.03, 1.2441, display_unit("gCO2e/query")) == \
        f"entre 0,03 et 1,2{NNBSP}g CO₂e par requête"
    assert format_range(477, 19781, display_unit("tCO2e")) == \
        f"entre 480 et 20{NNBSP}000{NNBSP}t CO₂e"


def test_unknown_unit_and_rounding_are_french_errors() -> None:
    with pytest.raises(CalculatorError, match="unité d’affichage inconnue « kgg »"):
        display_unit("kgg")
    with pytest.raises(CalculatorError, match="arrondi inconnu"):
        round_significant(3.0, 2, "bas")  # type: ignore[arg-type]


@given(st.floats(min_value=1e-6, max_value=1e12), st.integers(min_value=1, max_value=6))
def test_rounding_direction_matches_its_qualifier(value: float, digits: int) -> None:
    down = round_significant(value, digits, "down")
    up = round_significant(value, digits, "up")
    noise_free = Context(prec=12).create_decimal_from_float(value)
    assert down.value <= noise_free <= up.value
    assert down.exact == up.exact
    assert len(down.value.normalize().as_tuple().digits) <= digits


@pytest.mark.parametrize(("date", "expected"), [
    (dt.date(2026, 12, 1), "1er décembre 2026"),
    (dt.date(2027, 1, 1), "1er janvier 2027"),
    (dt.date(2026, 11, 28), "28 novembre 2026"),
    (dt.date(2026, 12, 2), "2 décembre 2026"),
    (dt.date(2026, 12, 11), "11 décembre 2026"),
    (dt.date(2026, 12, 21), "21 décembre 2026"),
    (dt.date(2026, 12, 31), "31 décembre 2026"),
])
def test_dates_are_long_and_french_with_1er_for_the_first(date: dt.date, expected: str) -> None:
    assert french_date(date) == expected


@given(st.dates())
def test_only_the_first_of_a_month_gets_an_ordinal(date: dt.date) -> None:
    day, month, year = french_date(date).split(" ")
    assert day == ("1er" if date.day == 1 else str(date.day))
    assert year == str(date.year)
    assert month == french_date(date.replace(day=15)).split(" ")[1]
