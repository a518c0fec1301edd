"""Shares (0.73 for 73 %) read from parameters, refused when they cannot be a share."""

from __future__ import annotations

from ..catalog import Parameters
from ..errors import CalculatorError
from ..figure import Figure


def share(p: Parameters, key: str) -> Figure:
    """The parameter ``key`` as a percentage, after checking it lies between 0 and 1.

    Expressed in percent, a share reads « 33,3 % » in derivations instead of « 0,333 ».
    """
    figure = p[key]
    if figure.high.to("").magnitude > 1:
        raise CalculatorError(
            f"« {figure.describe()} » dépasse 1 : une part s’écrit en fraction",
            hint="écrivez 0.73 pour 73 %", key=key,
        )
    return figure.to("percent")
