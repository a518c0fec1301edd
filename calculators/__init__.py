"""Pure, unit-aware calculators and the sourced parameters they read. No MkDocs, no Jinja."""

from .catalog import CalculatorSpec, Catalog, Parameters, calculator, calculators
from .errors import CalculatorError, DataError, UnitMismatchError
from .figure import Figure, spread
from .model import Parameter, Source, Status

__all__ = [
    "CalculatorError", "CalculatorSpec", "Catalog", "DataError", "Figure",
    "Parameter", "Parameters", "Source", "Status", "UnitMismatchError", "calculator",
    "calculators", "spread",
]
