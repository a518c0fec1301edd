"""The formatting caches are keyed by content: a cached answer is always the computed one."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from calculators.units import parse_unit
from macros.formatting import display_unit, format_quantity, format_range
from macros.units_fr import DISPLAY_UNITS, display_key_for

UNITS = st.sampled_from(sorted(DISPLAY_UNITS))
VALUES = st.floats(min_value=-1e12, max_value=1e12, allow_nan=False) | st.integers(-10**9, 10**9)


@given(VALUES, UNITS, st.integers(1, 6), st.sampled_from(["nearest", "down", "up"]),
       st.booleans(), st.booleans())
def test_cached_quantities_are_the_computed_ones(value: float, unit: str, digits: int,
                                                 rounding: str, long: bool,
                                                 qualify: bool) -> None:
    options = {"digits": digits, "rounding": rounding, "long": long, "qualify": qualify}
    computed = format_quantity.__wrapped__(value, display_unit(unit), **options)
    assert format_quantity(value, display_unit(unit), **options) == computed
    assert format_quantity(value, display_unit(unit), **options) == computed  # from the cache


@given(VALUES, VALUES, UNITS, st.integers(1, 4), st.booleans())
def test_cached_ranges_are_the_computed_ones(low: float, high: float, unit: str, digits: int,
                                             long: bool) -> None:
    computed = format_range.__wrapped__(low, high, display_unit(unit), digits=digits, long=long)
    for _ in range(2):
        assert format_range(low, high, display_unit(unit), digits=digits, long=long) == computed


def test_the_display_unit_is_part_of_the_key() -> None:
    tonnes = display_unit("tCO2e")
    renamed = replace(tonnes, plural="tonnes d’équivalent CO₂ (essai)")
    assert format_quantity(552.0, tonnes, long=True) != format_quantity(552.0, renamed, long=True)
    assert format_quantity(552.0, renamed, long=True).endswith("(essai)")


def test_an_integer_and_a_float_do_not_share_an_entry() -> None:
    """The cache is typed: 2 and 2.0 (and True) are equal keys, yet each gets its own entry."""
    tonnes = display_unit("tCO2e")
    format_quantity.cache_clear()
    texts = [format_quantity(value, tonnes) for value in (2, 2.0, 2)]
    assert texts == [format_quantity.__wrapped__(2, tonnes)] * 3
    assert format_quantity.cache_info().currsize == 2
    assert format_quantity.cache_info().hits == 1


def test_display_keys_follow_the_unit_content() -> None:
    for shown in DISPLAY_UNITS.values():
        if shown.scale == 1 and shown.pint:
            found = display_key_for(parse_unit(shown.pint))
            assert found is not None
            assert DISPLAY_UNITS[found].pint == shown.pint
            assert display_key_for(parse_unit(shown.pint)) == found  # parsed again
    assert display_key_for(parse_unit("kg")) is None
    assert display_key_for(parse_unit("kg")) is None
