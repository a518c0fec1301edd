"""Pure, unit-aware calculations and the sourced parameters they read. No MkDocs, no Jinja.

Every calculation is declared as data (``data/calculations/*.yml``); ``Catalog`` loads them with
the parameters, sources and conventions, and ``Parameters`` computes them on one set of values.
"""

from .catalog import Catalog, Parameters
from .errors import CalculatorError, DataError, UnitMismatchError
from .figure import Figure, spread
from .model import Parameter, Source, Status

__all__ = [
    "CalculatorError", "Catalog", "DataError", "Figure", "Parameter", "Parameters", "Source",
    "Status", "UnitMismatchError", "spread",
]
