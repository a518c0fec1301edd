"""An article's formula graph for the reader's browser: ``mythes/<slug>/calcul/scenario.json``.

The calcul page's script (``site_overrides/assets/javascripts/vf-scenario.js``) evaluates it
again when a reader changes a hypothesis, so the graph holds everything the build used, as plain
data and nothing else:

- ``n``: every parameter, convention and calculation the page's figures rest on. A leaf has its
  value and range in Pint base units (``v``, ``lo``, ``hi``); a data calculation has its formula
  tree (``f``) in the grammar of ``calculators.formulas``: a name is a string, a chain
  ``["c", first, op, operand, …]``, a power ``["p", base, n]``, a call ``["share", x]`` or
  ``["spread", a, b, …]``. Base units make every operation one on plain numbers (Pint's base
  units are multiplicative; ``share`` is the identity there: 0,73 is 73 %). A calculation's
  conditions (``requires:``) are ``r``: ``[op, left, right, message]`` each, ``op`` one of
  ``< > <= >=``, each side a tree or the number 0, the calculation's own id naming its result;
  when one fails on central values, the script shows the message instead of a value.
- ``u``: the display units used (scale, short, singular and plural words, word flag, and the
  Pint unit, for tests that convert as the build does).
- ``fig``: for each figure of the graph, its label (``l``) and how it is written: in the text
  (``a``: kind, unit, factor, digits, rounding, long), in its block (``d``) and as an input of
  another block (``o``); a factor divides a base value into that display unit.
- ``in``: the inputs a reader may change: hypotheses, and the parameters an « Et si… ? » box
  names; their value in their own unit, bounds, and the published alternatives (``ch``): the
  arguments of a ``spread(…)`` of the graph measuring the same quantity.

Bytes are deterministic: keys sorted, no spaces, floats as Python's ``repr``.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from calculators import Catalog, Figure, Status
from calculators.calculations import Requirement
from calculators.formulas import Call, Chain, Name, Node, Power, Zero, condition_names, names
from calculators.units import Quantity, parse_unit
from macros.toolbox import anchor
from macros.units_fr import DisplayUnit
from publication.views.derivation import _display as own_display

VERSION = 1
FILE = "scenario.json"
#: How far a reader may move an input from its published value (and range): a factor each way.
SPAN = 100.0
_BOX_INPUT = re.compile(r'data-vf-input="([a-z][a-z0-9_]*)"')


@functools.lru_cache(maxsize=512)
def _factor(unit: Any) -> float:
    """How many base units one ``unit`` is."""
    return float(Quantity(1, parse_unit(unit) if isinstance(unit, str) else unit)
                 .to_base_units().magnitude)


def _base(figure: Figure) -> dict[str, float]:
    factor = _factor(figure.unit)
    return {"v": figure.value * factor, "lo": float(figure.low.magnitude) * factor,
            "hi": float(figure.high.magnitude) * factor}


def tree(node: Node) -> Any:
    """A formula tree as JSON data."""
    if isinstance(node, Name):
        return node.name
    if isinstance(node, Power):
        return ["p", tree(node.base), node.exponent]
    if isinstance(node, Call):
        return [node.function, *(tree(argument) for argument in node.arguments)]
    assert isinstance(node, Chain)
    out: list[Any] = ["c", tree(node.first)]
    for operator, _, operand in node.rest:
        out += [operator, tree(operand)]
    return out


def requirement(requirement: Requirement) -> list[Any]:
    """A calculation's condition as JSON data: operator, both sides, message."""
    condition = requirement.condition
    left, right = (0 if isinstance(side, Zero) else tree(side)
                   for side in (condition.left, condition.right))
    return [condition.operator, left, right, requirement.otherwise]


def box_inputs(blocks: Mapping[str, str]) -> list[str]:
    """The parameters the page's « Et si… ? » boxes name (``macros.what_if``)."""
    return sorted({m for html in blocks.values() for m in _BOX_INPUT.findall(html)})


class _Units:
    def __init__(self) -> None:
        self.table: list[list[Any]] = []
        self._index: dict[tuple[Any, ...], int] = {}

    def add(self, unit: DisplayUnit) -> int:
        key = (unit.scale, unit.short, unit.singular, unit.plural, unit.word, unit.pint)
        if key not in self._index:
            self._index[key] = len(self.table)
            self.table.append([unit.scale, unit.short, unit.singular, unit.plural,
                               int(unit.word), unit.pint])
        return self._index[key]


class _Catalog:
    """What the graph of any page of one catalog reads, computed once per build: each name's
    node and figure, each figure's own display and factor, and the ``spread`` calculations."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.parameters = catalog.bind()
        self.nodes: dict[str, tuple[dict[str, Any], Figure, tuple[str, ...]]] = {}
        self.own: dict[str, tuple[DisplayUnit, float]] = {}
        self.spreads = [(key, c) for key, c in sorted(catalog.calculations.items())
                        if isinstance(c.tree, Call) and c.tree.function == "spread"]
        self.inputs: dict[tuple[str, tuple[str, ...]], dict[str, Any]] = {}

    def node(self, key: str) -> tuple[dict[str, Any], Figure, tuple[str, ...]]:
        """A name's node, its built figure, and the names it reads."""
        found = self.nodes.get(key)
        if found is None:
            figure = self.parameters.resolve(key)
            calculation = self.catalog.calculations.get(key)
            if calculation is not None:
                node: dict[str, Any] = {"f": tree(calculation.tree)}
                reads = [n.name for n in names(calculation.tree)]
                if calculation.requires:
                    node["r"] = [requirement(r) for r in calculation.requires]
                    reads += [n.name for r in calculation.requires
                              for n in condition_names(r.condition) if n.name != key]
                found = (node, figure, tuple(reads))
            else:
                found = (_base(figure), figure, ())
            self.nodes[key] = found
        return found

    def own_display(self, key: str, figure: Figure) -> tuple[DisplayUnit, float]:
        found = self.own.get(key)
        if found is None:
            found = self.own[key] = (own_display(figure), _factor(figure.unit))
        return found


_CONTEXTS: dict[int, _Catalog] = {}


def _context(catalog: Catalog) -> _Catalog:
    """The cache of ``catalog`` (a build has one; the catalog is kept, so its id stays its)."""
    context = _CONTEXTS.get(id(catalog))
    if context is None or context.catalog is not catalog:
        _CONTEXTS.clear()
        context = _CONTEXTS[id(catalog)] = _Catalog(catalog)
    return context


def scenario(figures: Mapping[str, Figure], units: Mapping[str, DisplayUnit],
             formats: Mapping[str, tuple[str, int, str, bool]], catalog: Catalog,
             adjustable: Iterable[str] = ()) -> dict[str, Any]:
    """The graph of one page's figures (``figures``, ``units``, ``formats``: its record)."""
    context = _context(catalog)
    wanted = set(adjustable)
    nodes: dict[str, dict[str, Any]] = {}
    built: dict[str, Figure] = {}
    pending = [f.key for f in figures.values() if f.key]
    while pending:
        key = pending.pop()
        if key is None or key in nodes:
            continue
        node, figure, reads = context.node(key)
        built[key] = figure
        nodes[key] = dict(node)
        pending += reads
        if not reads and key in catalog.parameters \
                and figure.status is Status.HYPOTHESIS:
            wanted.add(key)
    spreads = tuple(key for key, _ in context.spreads if key in nodes)
    inputs = {key: _input(context, key, built[key], spreads)
              for key in sorted(wanted) if key in catalog.parameters and key in nodes
              and built[key].value > 0}
    table = _Units()
    shown: dict[str, dict[str, Any]] = {}
    for key, figure in built.items():
        own, own_factor = context.own_display(key, figure)
        entry: dict[str, Any] = {"l": figure.describe(), "o": [table.add(own), own_factor]}
        place = anchor(figure)
        unit = units.get(place)
        if unit is not None:
            factor = _factor(unit.pint)
            entry["d"] = [table.add(unit), factor]
            how = formats.get(place)
            if how is not None:
                kind, digits, rounding, long = how
                entry["a"] = [kind, table.add(unit), factor, digits, rounding, int(long)]
        else:
            entry["d"] = entry["o"]
        shown[key] = entry
    return {"version": VERSION, "n": nodes, "u": table.table, "fig": shown, "in": inputs}


def _input(context: _Catalog, key: str, figure: Figure, spreads: tuple[str, ...]
           ) -> dict[str, Any]:
    """An adjustable input: its value in its own unit, bounds, published alternatives (the
    arguments of the page's ``spread`` calculations of the same dimension)."""
    cached = context.inputs.get((key, spreads))
    if cached is not None:
        return cached
    own, factor = context.own_display(key, figure)
    choices = []
    for other in spreads:
        calculation = context.catalog.calculations[other]
        if parse_unit(calculation.unit).dimensionality != figure.unit.dimensionality:
            continue
        assert isinstance(calculation.tree, Call)
        for argument in calculation.tree.arguments:
            if isinstance(argument, Name):
                estimate = context.parameters.resolve(argument.name)
                choices.append([estimate.describe(), estimate.to(f"{figure.unit}").value])
    values = [figure.value, float(figure.low.magnitude), float(figure.high.magnitude),
              *(value for _, value in choices)]
    low, high = min(values) / SPAN, max(values) * SPAN
    if not figure.unit.dimensionality and max(values) <= 1:
        high = 1.0  # a share
    result = context.inputs[(key, spreads)] = {
        "label": figure.describe(), "v": figure.value, "k": factor, "u": own.short,
        "min": low, "max": high, "ch": choices}
    return result


def dumps(graph: Mapping[str, Any]) -> bytes:
    """The graph as the file's bytes: the same graph always gives the same bytes."""
    return json.dumps(graph, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


__all__ = ["FILE", "SPAN", "VERSION", "box_inputs", "dumps", "scenario", "tree"]
