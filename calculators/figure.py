"""A quantity that remembers where it comes from.

Calculators do arithmetic on ``Figure`` objects exactly as on numbers. Each operation checks units
(through Pint), carries the low-high range (interval arithmetic), and writes the formula in words,
so the derivation a reader sees is the computation that was run, never a copy of it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

import pint

from .errors import CalculatorError, UnitMismatchError
from .model import Parameter, Status
from .units import Quantity, parse_unit

if TYPE_CHECKING:
    from .model import Source

_ATOM, _POWER, _PRODUCT, _SUM = 4, 3, 2, 1
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True, eq=False)
class Figure:
    """A value with its unit, its range and its provenance.

    A *named* figure is a parameter, a convention or a calculator result: it has a ``key`` and a
    ``label``. Intermediate results of arithmetic are anonymous; naming one (``named``) turns its
    expression into the formula of a calculator.

    A figure never changes (it is frozen, and so are its inputs), so what is derived from it
    alone (unit, leaves, range, conversions, gap to its reference) is computed once and kept.
    """

    quantity: pint.Quantity
    low: pint.Quantity
    high: pint.Quantity
    status: Status
    key: str | None = None
    label: str | None = None
    parameter: Parameter | None = None
    inputs: tuple[Figure, ...] = ()
    formula: str | None = None
    note: str | None = None
    reference: Figure | None = None
    #: The conditions the result met (a data calculation's ``requires:``), for its derivation.
    checks: tuple[Check, ...] = ()
    _expr: str = field(default="", repr=False)
    _precedence: int = field(default=_ATOM, repr=False)

    # -- construction -------------------------------------------------------------------------

    @classmethod
    def from_parameter(cls, parameter: Parameter) -> Figure:
        unit = parse_unit(parameter.unit)
        value = Quantity(parameter.value, unit)
        low = Quantity(parameter.low, unit) if parameter.low is not None else value
        high = Quantity(parameter.high, unit) if parameter.high is not None else value
        return cls(
            quantity=value, low=low, high=high, status=parameter.status, key=parameter.id,
            label=parameter.label, parameter=parameter, note=parameter.note,
        )

    @classmethod
    def convention(cls, value: float, unit: str, label: str) -> Figure:
        """A named definition (30 days a month, 24 hours a day): an entry of
        ``data/conventions.yml``."""
        quantity = Quantity(value, parse_unit(unit))
        return cls(
            quantity=quantity, low=quantity, high=quantity, status=Status.CONVENTION,
            key=None, label=label,
        )

    # -- reading --------------------------------------------------------------------------------

    @property
    def value(self) -> float:
        return float(self.quantity.magnitude)

    @functools.cached_property
    def unit(self) -> pint.Unit:
        return self.quantity.units

    @functools.cached_property
    def has_range(self) -> bool:
        return bool(self.low != self.quantity or self.high != self.quantity)

    @property
    def source(self) -> Source | None:
        return self.parameter.source if self.parameter else None

    @property
    def is_named(self) -> bool:
        return self.label is not None

    def leaves(self) -> Iterator[Figure]:
        """Every parameter and convention this figure rests on, depth first, without repeats."""
        return iter(self._leaves)

    @functools.cached_property
    def _leaves(self) -> tuple[Figure, ...]:
        seen: set[int] = set()

        def walk(figure: Figure) -> Iterator[Figure]:
            if id(figure) in seen:
                return
            seen.add(id(figure))
            if not figure.inputs:
                yield figure
            for child in figure.inputs:
                yield from walk(child)

        return tuple(walk(self))

    def hypotheses(self) -> list[Figure]:
        """The hypothesis parameters this figure depends on."""
        return list(self._hypotheses)

    @functools.cached_property
    def _hypotheses(self) -> tuple[Figure, ...]:
        return tuple(leaf for leaf in self._leaves if leaf.status is Status.HYPOTHESIS)

    def to(self, unit: str) -> Figure:
        """The same figure expressed in another unit of the same dimension."""
        converted = self._conversions.get(unit)
        if converted is None:
            converted = self._conversions[unit] = self._convert(unit)
        return converted

    @functools.cached_property
    def _conversions(self) -> dict[str, Figure]:
        return {}

    def _convert(self, unit: str) -> Figure:
        target = parse_unit(unit)
        try:
            return replace(
                self, quantity=self.quantity.to(target), low=self.low.to(target),
                high=self.high.to(target),
            )
        except pint.DimensionalityError as error:
            raise UnitMismatchError(
                f"impossible d’exprimer « {self.describe()} » ({self.unit:~P}) en {unit}",
                hint="les deux unités ne mesurent pas la même grandeur",
                key=self.key,
            ) from error

    def describe(self) -> str:
        return self.label or self._expr or self.key or "?"

    # -- arithmetic -----------------------------------------------------------------------------

    def _operand(self, precedence: int, strict: bool = False) -> str:
        text = self.label if self.is_named else self._expr
        if not self.is_named and (
            self._precedence < precedence or (strict and self._precedence == precedence)
        ):
            return f"({text})"
        return text or ""

    def _named_inputs(self) -> tuple[Figure, ...]:
        return (self,) if self.is_named else self.inputs

    def _combine(
        self, other: Figure, symbol: str, precedence: int, bounds: tuple[pint.Quantity, ...],
        quantity: pint.Quantity,
    ) -> Figure:
        inputs = tuple(dict.fromkeys(self._named_inputs() + other._named_inputs()))
        expr = (
            f"{self._operand(precedence)} {symbol} "
            f"{other._operand(precedence, strict=symbol in ('÷', '−'))}"
        )
        return Figure(
            quantity=quantity, low=min(bounds), high=max(bounds), status=Status.DERIVED,
            inputs=inputs, _expr=expr, _precedence=precedence,
        )

    def _check_operand(self, other: object, verb: str) -> Figure:
        if not isinstance(other, Figure):
            raise CalculatorError(
                f"on ne peut pas {verb} « {self.describe()} » et la valeur brute {other!r}",
                hint="dans un calculateur, chaque nombre vient d’un paramètre ou d’une "
                "convention nommée (Figure.convention)",
            )
        return other

    def _mismatch(self, other: Figure, verb: str, error: Exception) -> UnitMismatchError:
        return UnitMismatchError(
            f"impossible {verb} « {self.describe()} » ({self.unit:~P}) et "
            f"« {other.describe()} » ({other.unit:~P}) : unités incompatibles",
            hint="vérifiez l’unité des paramètres dans le fichier de données",
            key=self.key or other.key,
        )

    def __add__(self, other: object) -> Figure:
        other = self._check_operand(other, "additionner")
        try:
            return self._combine(
                other, "+", _SUM, (self.low + other.low, self.high + other.high),
                self.quantity + other.quantity,
            )
        except pint.DimensionalityError as error:
            raise self._mismatch(other, "d’additionner", error) from error

    def __sub__(self, other: object) -> Figure:
        other = self._check_operand(other, "soustraire")
        try:
            return self._combine(
                other, "−", _SUM, (self.low - other.high, self.high - other.low),
                self.quantity - other.quantity,
            )
        except pint.DimensionalityError as error:
            raise self._mismatch(other, "de soustraire", error) from error

    def __mul__(self, other: object) -> Figure:
        other = self._check_operand(other, "multiplier")
        bounds = tuple(a * b for a in (self.low, self.high) for b in (other.low, other.high))
        return self._combine(other, "×", _PRODUCT, bounds, self.quantity * other.quantity)

    def __truediv__(self, other: object) -> Figure:
        other = self._check_operand(other, "diviser")
        if other.low.magnitude <= 0 <= other.high.magnitude:
            raise CalculatorError(
                f"division par zéro : « {other.describe()} » vaut zéro ou sa fourchette "
                "contient zéro",
                hint="corrigez la valeur (ou low/high) de ce paramètre",
                key=other.key,
            )
        bounds = tuple(a / b for a in (self.low, self.high) for b in (other.low, other.high))
        return self._combine(other, "÷", _PRODUCT, bounds, self.quantity / other.quantity)

    def __pow__(self, exponent: object) -> Figure:
        """An integer power (``x²``): the range is the image of the input range."""
        if not isinstance(exponent, int) or isinstance(exponent, bool) or exponent < 1:
            raise CalculatorError(f"exposant invalide {exponent!r}",
                                  hint="un exposant est un entier positif écrit en chiffres")
        ends = (self.low ** exponent, self.high ** exponent)
        low, high = min(ends), max(ends)
        if exponent % 2 == 0 and self.low.magnitude < 0 < self.high.magnitude:
            low = 0 * low
        if self.is_named:
            label = self.label or ""
            base = f"({label})" if " " in label else label
        else:
            base = self._operand(_POWER, strict=True)
        return Figure(
            quantity=self.quantity ** exponent, low=low, high=high, status=Status.DERIVED,
            inputs=self._named_inputs(), _expr=base + str(exponent).translate(_SUPERSCRIPTS),
            _precedence=_POWER,
        )

    def checked_against(self, published: Figure, tolerance: float) -> Figure:
        """This result, after checking it lies within ``tolerance`` (relative) of ``published``.

        The derivation then shows the published value next to the recomputed one.
        """
        if published.quantity.magnitude == 0:
            raise CalculatorError(
                f"la valeur publiée « {published.describe()} » vaut zéro : impossible de "
                "mesurer un écart relatif", hint="vérifiez la valeur publiée", key=published.key)
        try:
            gap = abs(((self.quantity - published.quantity) / published.quantity).to(""))
        except pint.DimensionalityError as error:
            raise self._mismatch(published, "de comparer", error) from error
        if gap.magnitude > tolerance:
            raise CalculatorError(
                f"le résultat recalculé s’écarte de {gap.magnitude:.1%} de la valeur publiée "
                f"« {published.describe()} » (tolérance : {tolerance:.0%})",
                hint="un paramètre a sans doute été mal recopié",
                key=published.key,
            )
        return replace(self, reference=published)

    def relative_gap(self) -> float | None:
        """How far this figure lies from its published reference, as a fraction."""
        return self._relative_gap

    @functools.cached_property
    def _relative_gap(self) -> float | None:
        if self.reference is None:
            return None
        reference = self.reference.quantity.to(self.unit)
        return float(abs((self.quantity - reference) / reference).magnitude)

    # -- naming ---------------------------------------------------------------------------------

    def named(self, key: str, label: str, unit: str) -> Figure:
        """Name the result of a calculator and express it in its declared unit."""
        converted = self.to(unit)
        formula = self._expr if not self.is_named else self.label
        inputs = self._named_inputs()
        return replace(
            converted, key=key, label=label, status=Status.DERIVED, parameter=None,
            inputs=inputs, formula=formula, _expr="", _precedence=_ATOM,
        )


@dataclass(frozen=True)
class Check:
    """A comparison of two figures' central values (None stands for zero)."""

    left: Figure | None
    operator: str  # "<", ">", "<=" or ">="
    right: Figure | None

    def holds(self) -> bool:
        """Whether the central values, in base units, compare as ``operator`` says."""
        left, right = (0.0 if side is None
                       else float(side.quantity.to_base_units().magnitude)
                       for side in (self.left, self.right))
        if self.operator == "<":
            return left < right
        if self.operator == ">":
            return left > right
        if self.operator == "<=":
            return left <= right
        return left >= right


def spread(estimates: Iterable[Figure]) -> Figure:
    """Several estimates of one quantity: their median, and the range from lowest to highest."""
    figures = list(estimates)
    if not figures:
        raise CalculatorError("aucune estimation à comparer")
    unit = figures[0].unit
    try:
        values = sorted(f.quantity.to(unit) for f in figures)
    except pint.DimensionalityError as error:
        raise CalculatorError(
            "les estimations comparées ne mesurent pas toutes la même grandeur",
            hint="chaque estimation doit avoir une unité compatible",
        ) from error
    middle = len(values) // 2
    median = values[middle] if len(values) % 2 else (values[middle - 1] + values[middle]) / 2
    labels = " ; ".join(f.describe() for f in figures)
    return Figure(
        quantity=median, low=values[0], high=values[-1], status=Status.DERIVED,
        inputs=tuple(figures), _expr=f"médiane, minimum et maximum de : {labels}",
    )
