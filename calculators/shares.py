"""Shares (0.73 for 73 %), refused when they cannot be a share, and shown as percentages."""

from __future__ import annotations

import pint

from .errors import CalculatorError
from .figure import Figure


def as_share(figure: Figure) -> Figure:
    """``figure`` as a percentage, after checking it is a fraction between 0 and 1.

    Expressed in percent, a share reads « 33,3 % » in derivations instead of « 0,333 ».
    """
    try:
        high = figure.high.to("").magnitude
    except pint.DimensionalityError as error:
        raise CalculatorError(
            f"« {figure.describe()} » n’est pas une part : elle a une unité ({figure.unit:~P})",
            hint="une part s’écrit en fraction sans unité, 0.73 pour 73 %", key=figure.key,
        ) from error
    if high > 1:
        raise CalculatorError(
            f"« {figure.describe()} » dépasse 1 : une part s’écrit en fraction",
            hint="écrivez 0.73 pour 73 %", key=figure.key,
        )
    return figure.to("percent")
