"""Calculators, and the catalog that binds them to a set of parameters.

A calculator is a plain function ``(p: Parameters) -> Figure`` registered with ``@calculator``.
It reads parameters by id (``p["gpt3_pue"]``), may call other calculators, and its result is named
and converted to its declared unit, so its formula and inputs are recorded automatically.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from vocabulary.errors import ContentErrors
from vocabulary.hints import ADD_PARAMETER, suggest

from .errors import CalculatorError
from .figure import Figure
from .loading import DATA_DIR, load_data
from .model import Parameter, Source


@dataclass(frozen=True)
class CalculatorSpec:
    key: str
    label: str
    unit: str
    function: Callable[[Parameters], Figure]
    module: str


_REGISTRY: dict[str, CalculatorSpec] = {}


def calculator(label: str, unit: str) -> Callable[[Callable[[Parameters], Figure]],
                                                  Callable[[Parameters], Figure]]:
    """Register a calculator. ``label`` is the French name readers see; ``unit`` its result's."""

    def register(function: Callable[[Parameters], Figure]) -> Callable[[Parameters], Figure]:
        key = function.__name__
        if key in _REGISTRY and _REGISTRY[key].function is not function:
            raise ValueError(f"calculator {key!r} is defined twice")
        spec = CalculatorSpec(key, label, unit, function, function.__module__)

        def run(p: Parameters) -> Figure:
            return p.compute(spec)

        run.__name__ = key
        run.__doc__ = function.__doc__
        _REGISTRY[key] = spec
        return run

    return register


def calculators() -> Mapping[str, CalculatorSpec]:
    """Every registered calculator, once the topic modules are imported."""
    _import_topics()
    return _REGISTRY


def _import_topics() -> None:
    from . import topics

    for module in pkgutil.iter_modules(topics.__path__):
        importlib.import_module(f"{topics.__name__}.{module.name}")


class Parameters:
    """Parameter figures by id, plus a cache of the calculator results computed from them."""

    def __init__(self, parameters: Mapping[str, Parameter]) -> None:
        self._figures = {key: Figure.from_parameter(p) for key, p in parameters.items()}
        self._results: dict[str, Figure] = {}
        self._running: list[str] = []

    def __getitem__(self, key: str) -> Figure:
        try:
            return self._figures[key]
        except KeyError:
            raise CalculatorError(
                "paramètre inconnu", key=key,
                hint=suggest(key, self._figures) or ADD_PARAMETER,
            ) from None

    def __contains__(self, key: object) -> bool:
        return key in self._figures

    def __iter__(self) -> Iterator[str]:
        return iter(self._figures)

    def compute(self, spec: CalculatorSpec) -> Figure:
        if spec.key in self._results:
            return self._results[spec.key]
        if spec.key in self._running:
            raise CalculatorError("le calculateur s’appelle lui-même", key=spec.key)
        self._running.append(spec.key)
        try:
            result = spec.function(self)
            if not isinstance(result, Figure):
                raise CalculatorError("le calculateur ne renvoie pas une valeur chiffrée",
                                      key=spec.key)
            named = result.named(spec.key, spec.label, spec.unit)
        except CalculatorError as error:
            error.key = error.key or spec.key
            raise
        finally:
            self._running.pop()
        self._results[spec.key] = named
        return named


@dataclass(frozen=True)
class Catalog:
    """The loaded sources and parameters, and the calculators bound to them."""

    sources: Mapping[str, Source]
    parameters: Mapping[str, Parameter]

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Catalog:
        sources, parameters = load_data(data_dir)
        return cls(sources, parameters)

    def bind(self) -> Parameters:
        """A fresh parameter set; calculator results are cached on it."""
        return Parameters(self.parameters)

    def with_values(self, **values: float) -> Catalog:
        """The same catalog with some parameter values replaced (for tests and what-ifs)."""
        from .loading import validate_value

        changed = dict(self.parameters)
        errors = []
        for key, value in values.items():
            if key not in changed:
                errors.append(CalculatorError("paramètre inconnu", key=key,
                                              hint=suggest(key, changed)))
                continue
            problem = validate_value(value)
            if problem:
                errors.append(CalculatorError(problem, key=key))
                continue
            changed[key] = replace(changed[key], value=float(value), low=None, high=None)
        if errors:
            raise ContentErrors(errors)
        return Catalog(self.sources, changed)


__all__ = ["CalculatorSpec", "Catalog", "Parameters", "calculator", "calculators"]
