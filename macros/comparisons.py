"""Comparisons of a figure with a bound, written in French for messages and the calcul page."""

from __future__ import annotations

from calculators.comparisons import Comparison
from calculators.units import written

from .formatting import format_number, round_significant


def number_text(value: float) -> str:
    """Three significant digits, the French way: enough to see why a bound is met or missed."""
    return format_number(round_significant(value, 3).value)


def range_text(comparison: Comparison) -> str:
    """« va de 0,86 à 35,8 », « vaut 48,2 % »: the figure's side of the comparison."""
    unit = written(comparison.unit)
    unit = f" {unit}" if unit else ""
    if comparison.low == comparison.high:
        return f"vaut {number_text(comparison.low)}{unit}"
    return f"va de {number_text(comparison.low)} à {number_text(comparison.high)}{unit}"


__all__ = ["number_text", "range_text"]
