"""Calculations, and the catalog that binds them to a set of parameters.

Every calculation is data (``data/calculations/*.yml``, see ``calculations.py``): a formula over
parameters, conventions and other calculations, its conditions, and the value its source
publishes. ``Parameters`` computes them on one set of values, each once, and names each result
(``Figure.named``), so its formula and inputs are recorded for the derivation readers see.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from vocabulary.errors import ContentError, ContentErrors
from vocabulary.hints import ADD_PARAMETER, suggest

from .calculations import Calculation, Convention, Requirement, load_calculations
from .errors import CalculatorError
from .figure import Figure
from .formulas import evaluate, holds
from .loading import DATA_DIR, read_data
from .model import Parameter, Source
from .yamlfile import read_entries


def _run(calculation: Calculation, p: Parameters) -> Figure:
    """A calculation computed on ``p``: its conditions met, checked against its published value."""
    p.prepare(calculation.reads)
    result = evaluate(calculation.tree, p.resolve)

    def resolve(name: str) -> Figure:
        return result if name == calculation.id else p.resolve(name)

    for requirement in calculation.requires:
        if not holds(requirement.condition, resolve):
            raise CalculatorError(requirement.otherwise, hint=_hint(calculation, requirement))
    if calculation.published is not None:
        result = result.checked_against(p[calculation.published], calculation.tolerance)
    return result


def _hint(calculation: Calculation, requirement: Requirement) -> str:
    where = (f"condition « {requirement.that} » ({calculation.file}, ligne "
             f"{requirement.line})")
    return f"{requirement.hint} ; {where}" if requirement.hint else where


class Parameters:
    """Parameter figures by id, plus a cache of the calculator results computed from them."""

    def __init__(self, parameters: Mapping[str, Parameter],
                 calculations: Mapping[str, Calculation] | None = None,
                 conventions: Mapping[str, Convention] | None = None,
                 invalid: frozenset[str] = frozenset()) -> None:
        self._figures = {key: Figure.from_parameter(p) for key, p in parameters.items()}
        #: Parameters declared in a data file but refused: their error is reported there.
        self._invalid = invalid
        self._calculations = calculations or {}
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
        """The result of the calculation ``key``."""
        calculation = self._calculations.get(key)
        if calculation is None:
            raise CalculatorError("calculateur inconnu", key=key,
                                  hint=suggest(key, self._calculations) or "déclarez-le dans "
                                  "calculators/data/calculations/")
        return self.compute(calculation)

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
            calculation = self._calculations.get(key)
            if key in seen or key in self._results or calculation is None:
                continue
            seen.add(key)
            pending.append((key, iter(calculation.reads)))

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

    def compute(self, calculation: Calculation) -> Figure:
        """The result of ``calculation``, named; computed once for this set of values."""
        key = calculation.id
        if key in self._results:
            return self._results[key]
        if key in self._running:
            raise CalculatorError("le calculateur s’appelle lui-même", key=key)
        self._running.append(key)
        try:
            named = _run(calculation, self).named(key, calculation.label, calculation.unit)
        except CalculatorError as error:
            error.key = error.key or key
            raise
        finally:
            self._running.pop()
        self._results[key] = named
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
        conventions, calculations, more = load_calculations(data_dir, root, parameters, declared)
        invalid = frozenset(declared - set(parameters))
        return cls(sources, parameters, conventions, calculations, invalid), [*errors, *more]

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """Every name a formula or a page may use: parameters (refused ones too, which say
        so), conventions and calculators. Computed once per catalog, not once per page."""
        return frozenset({*self.parameters, *self.invalid, *self.conventions,
                          *self.calculations})

    def bind(self) -> Parameters:
        """A fresh parameter set; calculator results are cached on it."""
        return Parameters(self.parameters, self.calculations, self.conventions, self.invalid)

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


__all__ = ["Catalog", "Parameters"]
