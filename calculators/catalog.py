"""Calculators, and the catalog that binds them to a set of parameters.

A calculator is either declared as data (``data/calculations/*.yml``, see ``calculations.py``) or
a plain function ``(p: Parameters) -> Figure`` registered with ``@calculator``. A function reads
parameters by id (``p["gpt3_pue"]``), may call other calculators (``p.calculate("…")``), and its
result is named and converted to its declared unit, so its formula and inputs are recorded
automatically. Both kinds are named the same way, by ``Parameters.compute``.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from vocabulary.errors import ContentError, ContentErrors
from vocabulary.hints import ADD_PARAMETER, suggest

from .calculations import Calculation, Convention, load_calculations
from .errors import CalculatorError
from .figure import Figure
from .formulas import evaluate
from .loading import DATA_DIR, read_data
from .model import Parameter, Source
from .yamlfile import read_entries


@dataclass(frozen=True)
class CalculatorSpec:
    key: str
    label: str
    unit: str
    function: Callable[[Parameters], Figure]
    module: str
    #: The calculation, when it is declared as data.
    calculation: Calculation | None = None


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


def python_calculators() -> Mapping[str, CalculatorSpec]:
    """Every calculator written in Python, once the topic modules are imported."""
    _import_topics()
    return _REGISTRY


def calculators() -> Mapping[str, CalculatorSpec]:
    """Every calculator: those written in Python and those of the default data folder."""
    return Catalog.load().calculators()


def _run_calculation(calculation: Calculation, p: Parameters) -> Figure:
    """A data-declared calculation computed on ``p``, checked against its published value."""
    p.prepare(calculation.reads)
    result = evaluate(calculation.tree, p.resolve)
    if calculation.published is not None:
        result = result.checked_against(p[calculation.published], calculation.tolerance)
    return result


def calculation_spec(calculation: Calculation) -> CalculatorSpec:
    return CalculatorSpec(calculation.id, calculation.label, calculation.unit,
                          functools.partial(_run_calculation, calculation), calculation.file,
                          calculation)


def _import_topics() -> None:
    from . import topics

    for module in pkgutil.iter_modules(topics.__path__):
        importlib.import_module(f"{topics.__name__}.{module.name}")


class Parameters:
    """Parameter figures by id, plus a cache of the calculator results computed from them."""

    def __init__(self, parameters: Mapping[str, Parameter],
                 specs: Mapping[str, CalculatorSpec] | None = None,
                 conventions: Mapping[str, Convention] | None = None,
                 invalid: frozenset[str] = frozenset()) -> None:
        self._figures = {key: Figure.from_parameter(p) for key, p in parameters.items()}
        #: Parameters declared in a data file but refused: their error is reported there.
        self._invalid = invalid
        self._specs = specs if specs is not None else python_calculators()
        self._conventions = conventions or {}
        self._convention_figures: dict[str, Figure] = {}
        self._results: dict[str, Figure] = {}
        self._running: list[str] = []

    def __getitem__(self, key: str) -> Figure:
        try:
            return self._figures[key]
        except KeyError:
            if key in self._invalid:
                raise CalculatorError("paramètre invalide", key=key,
                                      hint="corrigez d’abord l’erreur de son fichier de "
                                      "paramètres") from None
            raise CalculatorError(
                "paramètre inconnu", key=key,
                hint=suggest(key, self._figures) or ADD_PARAMETER,
            ) from None

    def __contains__(self, key: object) -> bool:
        return key in self._figures

    def __iter__(self) -> Iterator[str]:
        return iter(self._figures)

    def calculate(self, key: str) -> Figure:
        """The result of the calculator ``key``, declared in Python or as data."""
        spec = self._specs.get(key)
        if spec is None:
            raise CalculatorError("calculateur inconnu", key=key,
                                  hint=suggest(key, self._specs) or "déclarez-le dans "
                                  "calculators/data/calculations/")
        return self.compute(spec)

    def prepare(self, keys: Iterable[str]) -> None:
        """Compute the data-declared calculations ``keys`` read, deepest first, without
        recursion: each one then finds what it reads already computed, however long a chain of
        calculations is."""
        seen: set[str] = set()
        pending: list[tuple[str | None, Iterator[str]]] = [(None, iter(keys))]
        while pending:
            owner, reads = pending[-1]
            key = next(reads, None)
            if key is None:
                pending.pop()
                if owner is not None:
                    self.calculate(owner)
                continue
            spec = self._specs.get(key)
            if key in seen or key in self._results or spec is None or spec.calculation is None:
                continue
            seen.add(key)
            pending.append((key, iter(spec.calculation.reads)))

    def convention(self, key: str) -> Figure:
        """The figure of a named convention; the same object for every formula of this set."""
        figure = self._convention_figures.get(key)
        if figure is None:
            convention = self._conventions.get(key)
            if convention is None:
                raise CalculatorError("convention inconnue", key=key,
                                      hint=suggest(key, self._conventions)
                                      or "déclarez-la dans calculators/data/conventions.yml")
            figure = self._convention_figures[key] = convention.figure()
        return figure

    def resolve(self, name: str) -> Figure:
        """What a name of a formula stands for: a parameter, a convention or a calculator."""
        if name in self._figures or name in self._invalid:
            return self[name]  # a refused parameter says so, not « calculateur inconnu »
        if name in self._conventions:
            return self.convention(name)
        return self.calculate(name)

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
    conventions: Mapping[str, Convention] = field(default_factory=dict)
    calculations: Mapping[str, Calculation] = field(default_factory=dict)
    #: Parameters declared in the data files but refused (``load_valid`` only).
    invalid: frozenset[str] = frozenset()

    @classmethod
    def load(cls, data_dir: Path = DATA_DIR) -> Catalog:
        """Sources, parameters, conventions and calculations; ``ContentErrors`` lists every problem
        of every file."""
        catalog, errors = cls.load_valid(data_dir)
        if errors:
            raise ContentErrors(errors)
        return catalog

    @classmethod
    def load_valid(cls, data_dir: Path = DATA_DIR, root: Path | None = None
                   ) -> tuple[Catalog, list[ContentError]]:
        """What is valid in the data files, and every problem of every file: a build reports
        both the data's errors and the pages' (a broken parameter then shows where it is used,
        instead of hiding every page's problems). ``root``: paths in errors start there."""
        root = root or data_dir.parent.parent
        sources, parameters, errors = read_data(data_dir, root)
        declared = _parameter_ids(data_dir) if errors else set()
        python = {key: spec.unit for key, spec in python_calculators().items()}
        conventions, calculations, more = load_calculations(data_dir, root, parameters, python,
                                                            declared)
        invalid = frozenset(declared - set(parameters))
        return cls(sources, parameters, conventions, calculations, invalid), [*errors, *more]

    @functools.cached_property
    def _specs(self) -> Mapping[str, CalculatorSpec]:
        return {**python_calculators(),
                **{key: calculation_spec(c) for key, c in self.calculations.items()}}

    def calculators(self) -> Mapping[str, CalculatorSpec]:
        """Every calculator an article may call: Python ones, then data-declared ones."""
        return self._specs

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """Every name a formula or a page may use: parameters (refused ones too, which say
        so), conventions and calculators. Computed once per catalog, not once per page."""
        return frozenset({*self.parameters, *self.invalid, *self.conventions, *self._specs})

    def bind(self) -> Parameters:
        """A fresh parameter set; calculator results are cached on it."""
        return Parameters(self.parameters, self._specs, self.conventions, self.invalid)

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
        return replace(self, parameters=changed)


def _parameter_ids(data_dir: Path) -> set[str]:
    """The ids of every parameter entry, valid or not (read again only when some are not)."""
    ids: set[str] = set()
    for path in sorted((data_dir / "parameters").glob("*.yml")):
        entries, _ = read_entries(path, str(path))
        ids.update(entry.key for entry in entries)
    return ids


__all__ = ["CalculatorSpec", "Catalog", "Parameters", "calculation_spec", "calculator",
           "calculators", "python_calculators"]
