"""Whether a figure's whole range lies on one side of a bound: what a checked sentence needs.

« Bien davantage » needs the low end of a ratio above 1; « moins bien que le hasard » needs the
high end of a rate below one half. A figure carries a range, and so may the bound (another
figure): the comparison holds only when it holds for every value of both ranges.
"""

from __future__ import annotations

from dataclasses import dataclass

import pint

from .errors import CalculatorError
from .figure import Figure
from .units import written

#: Relations an editor may write, and their sign.
RELATIONS = {"above": ">", "at_least": "≥", "below": "<", "at_most": "≤"}
#: How each relation reads in French, for messages and the calcul page.
RELATION_WORDS = {
    "above": "au-dessus de",
    "at_least": "au moins égal à",
    "below": "en dessous de",
    "at_most": "au plus égal à",
}


@dataclass(frozen=True)
class Comparison:
    """A figure's range against a bound's range, in the figure's unit."""

    relation: str
    low: float
    high: float
    bound_low: float
    bound_high: float
    unit: pint.Unit

    @property
    def holds(self) -> bool:
        """True when every value of the figure's range is on the right side of every value of
        the bound's range."""
        if self.relation == "above":
            return self.low > self.bound_high
        if self.relation == "at_least":
            return self.low >= self.bound_high
        if self.relation == "below":
            return self.high < self.bound_low
        return self.high <= self.bound_low


@dataclass(frozen=True)
class CheckedAssertion:
    """A sentence of an article that the figures support: its words, its figure, and each
    comparison with the bound it was made against."""

    text: str
    figure: Figure
    comparisons: tuple[tuple[Comparison, Figure], ...]


def compare(figure: Figure, relation: str, bound: Figure) -> Comparison:
    """``figure`` against ``bound`` (a number in the figure's unit becomes a figure without
    range). A ``CalculatorError`` when the two do not measure the same thing."""
    if relation not in RELATIONS:
        raise CalculatorError(f"relation inconnue « {relation} »")
    unit = figure.unit
    try:
        bound_low = bound.low.to(unit).magnitude
        bound_high = bound.high.to(unit).magnitude
    except pint.DimensionalityError:
        raise CalculatorError(
            f"impossible de comparer des {written(unit) or 'nombres sans unité'} à des "
            f"{written(bound.unit) or 'nombres sans unité'}",
            hint="la borne doit mesurer la même grandeur que le chiffre") from None
    return Comparison(relation, figure.low.to(unit).magnitude, figure.high.to(unit).magnitude,
                      bound_low, bound_high, unit)


__all__ = ["RELATIONS", "RELATION_WORDS", "CheckedAssertion", "Comparison", "compare"]
