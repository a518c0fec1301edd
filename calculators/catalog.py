"""Calculations, and the catalog that binds them to a set of parameters.

Every calculation is data (``data/calculations/*.yml``, see ``calculations.py``): a formula over
parameters, conventions and other calculations, its conditions, and the value its source
publishes. ``Parameters`` computes them on one set of values, each once, and names each result
(``Figure.named``), so its formula and inputs are recorded for the derivation readers see.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from vocabulary.errors import ContentError, ContentErrors
from vocabulary.hints import ADD_PARAMETER, suggest

from .calculations import Calculation, Convention, Requirement, load_calculations
from .errors import CalculatorError
from .figure import Figure
from .formulas import compare, evaluate
from .loading import DATA_DIR, read_data
from .model import Parameter, Source
from .yamlfile import read_entries


def _run(calculation: Calculation, p: Parameters) -> Figure:
    """A calculation computed on ``p``: its conditions met, checked against its published value."""
    p.prepare(calculation.reads)
    try:
        return _checked(calculation, p, evaluate(calculation.tree, p.resolve))
    except OverflowError as error:  # a power of a power of a power…: more than a float holds
        raise CalculatorError(_OUT_OF_RANGE, hint=_OUT_OF_RANGE_HINT) from error


_OUT_OF_RANGE = "résultat trop grand ou trop petit pour être calculé"
_OUT_OF_RANGE_HINT = "vérifiez les puissances (** 2, 3 ou 4) et les valeurs des paramètres"


def _checked(calculation: Calculation, p: Parameters, result: Figure) -> Figure:
    """``result`` after the calculation's conditions and its published value."""
    if not all(math.isfinite(float(q.magnitude))
               for q in (result.quantity, result.low, result.high)):
        raise CalculatorError(_OUT_OF_RANGE, hint=_OUT_OF_RANGE_HINT)
    if calculation.requires:
        # In its conditions, the calculation's id is its result, named as readers read it.
        named = result.named(calculation.id, calculation.label, calculation.unit)

        def resolve(name: str) -> Figure:
            return named if name == calculation.id else p.resolve(name)

        checks = []
        for requirement in calculation.requires:
            check = compare(requirement.condition, resolve)
            if not check.holds():
                raise CalculatorError(requirement.otherwise, hint=_hint(calculation, requirement))
            checks.append(check)
        result = replace(result, checks=tuple(checks))
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
                 invalid: frozenset[str] = frozenset(),
                 refused: frozenset[str] = frozenset()) -> None:
        self._figures = {key: Figure.from_parameter(p) for key, p in parameters.items()}
        #: Parameters declared in a data file but refused: their error is reported there.
        self._invalid = invalid
        #: Calculations declared but refused: their error is reported in their data file.
        self._refused = refused
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
        if calculation is None and key in self._refused:
            raise CalculatorError("calcul invalide", key=key, hint="corrigez d’abord l’erreur "
                                  "de son fichier de calculs (calculators/data/calculations/)")
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
    #: Calculations declared but refused: wrong, reading a wrong one, or failing with the
    #: current values (``load_valid`` only). Pages using one say « calcul invalide ».
    refused: frozenset[str] = frozenset()

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
        conventions, calculations, refused, more = load_calculations(data_dir, root, parameters,
                                                                     declared)
        invalid = frozenset(declared - set(parameters))
        catalog = cls(sources, parameters, conventions, calculations, invalid, refused)
        failing, run_errors = catalog._failing()
        if failing:
            catalog = replace(catalog, refused=refused | failing,
                              calculations={k: c for k, c in calculations.items()
                                            if k not in failing})
        return catalog, [*errors, *more, *run_errors]

    def _failing(self) -> tuple[frozenset[str], list[ContentError]]:
        """The calculations that fail with the current values, each reported once, at its own
        line, where it fails first: a calculation reading a failing one is refused silently
        (its own problem cannot be known)."""
        p = self.bind()
        failing: set[str] = set()
        errors: list[ContentError] = []
        for key in _in_order(self.calculations):
            calculation = self.calculations[key]
            if any(name in failing or name in self.refused for name in calculation.reads):
                failing.add(key)
                continue
            try:
                p.calculate(key)
            except CalculatorError as error:
                failing.add(key)
                if error.key in self.invalid:  # its parameter file's error says it already
                    continue
                errors.append(CalculatorError(
                    f"avec les valeurs actuelles, le calcul échoue : {error.message}",
                    hint=error.hint, file=calculation.file, key=key, line=calculation.line))
            except (ArithmeticError, ValueError) as error:  # data no check foresaw
                failing.add(key)
                errors.append(CalculatorError(
                    f"avec les valeurs actuelles, le calcul est impossible ({error})",
                    hint="vérifiez les valeurs des paramètres qu’il lit", file=calculation.file,
                    key=key, line=calculation.line))
        return frozenset(failing), errors

    @functools.cached_property
    def names(self) -> frozenset[str]:
        """Every name a formula or a page may use: parameters (refused ones too, which say
        so), conventions and calculators. Computed once per catalog, not once per page."""
        return frozenset({*self.parameters, *self.invalid, *self.conventions,
                          *self.calculations, *self.refused})

    def bind(self) -> Parameters:
        """A fresh parameter set; calculator results are cached on it."""
        return Parameters(self.parameters, self.calculations, self.conventions, self.invalid,
                          self.refused)

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


def _in_order(calculations: Mapping[str, Calculation]) -> list[str]:
    """The calculations' ids, each after those it reads."""
    order: list[str] = []
    placed: set[str] = set()
    for start in calculations:
        stack = [(start, iter(calculations[start].reads))]
        while stack:
            key, reads = stack[-1]
            following = next(reads, None)
            if following is None:
                stack.pop()
                if key not in placed:
                    placed.add(key)
                    order.append(key)
            elif following not in placed and following in calculations \
                    and all(following != k for k, _ in stack):
                stack.append((following, iter(calculations[following].reads)))
    return order


def _parameter_ids(data_dir: Path) -> set[str]:
    """The ids of every parameter entry, valid or not (read again only when some are not)."""
    ids: set[str] = set()
    for path in sorted((data_dir / "parameters").glob("*.yml")):
        entries, _ = read_entries(path, str(path))
        ids.update(entry.key for entry in entries)
    return ids


__all__ = ["Catalog", "Parameters"]
