"""An article's formula graph for the reader's browser: ``mythes/<slug>/calcul/scenario.json``.

The calcul page's script (``site_overrides/assets/javascripts/vf-scenario.js``) evaluates it
again when a reader changes a hypothesis, so the graph holds everything the build used, as plain
data and nothing else:

- ``n``: every parameter, convention and calculation the page's figures rest on. A leaf has its
  value and range in Pint base units (``v``, ``lo``, ``hi``); a data calculation has its formula
  tree (``f``) in the grammar of ``calculators.formulas``: a name is a string, a chain
  ``["c", first, op, operand, …]``, a power ``["p", base, n]``, a call ``["share", x]`` or
  ``["spread", a, b, …]``. Base units make every operation one on plain numbers (Pint's base
  units are multiplicative; ``share`` is the identity there: 0,73 is 73 %). A calculator written
  in Python (``calculators/topics/``) is a leaf with ``py``: its guards are conditions the
  formula language has not, so it keeps its built value, and ``dep`` lists the adjustable inputs
  under it: the script marks what it cannot recompute.
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

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from calculators import Catalog, Figure, Status
from calculators.formulas import Call, Chain, Name, Node, Power
from calculators.units import Quantity, parse_unit
from macros.toolbox import anchor
from macros.units_fr import DisplayUnit
from publication.views.derivation import _display as own_display

VERSION = 1
FILE = "scenario.json"
#: How far a reader may move an input from its published value (and range): a factor each way.
SPAN = 100.0
_BOX_INPUT = re.compile(r'data-vf-input="([a-z][a-z0-9_]*)"')


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


def scenario(figures: Mapping[str, Figure], units: Mapping[str, DisplayUnit],
             formats: Mapping[str, tuple[str, int, str, bool]], catalog: Catalog,
             adjustable: Iterable[str] = ()) -> dict[str, Any]:
    """The graph of one page's figures (``figures``, ``units``, ``formats``: its record)."""
    parameters = catalog.bind()
    python = {k for k in catalog.calculators() if k not in catalog.calculations}
    wanted = set(adjustable)
    nodes: dict[str, dict[str, Any]] = {}
    built: dict[str, Figure] = {}
    pending = [f.key for f in figures.values() if f.key]
    while pending:
        key = pending.pop()
        if key is None or key in nodes:
            continue
        figure = parameters.resolve(key)
        built[key] = figure
        calculation = catalog.calculations.get(key)
        if calculation is not None:
            nodes[key] = {"f": tree(calculation.tree)}
            pending += list(_names(calculation.tree))
            continue
        node = _base(figure)
        if key in python:
            node["py"] = 1
        elif key in catalog.parameters and figure.status is Status.HYPOTHESIS:
            wanted.add(key)
        nodes[key] = node
    inputs = {key: _input(key, built[key], nodes, catalog, parameters)
              for key in sorted(wanted) if key in catalog.parameters and key in nodes
              and built[key].value > 0}
    for key in python & set(nodes):
        dep = sorted(leaf.key for leaf in built[key].leaves() if leaf.key in inputs)
        if dep:
            nodes[key]["dep"] = dep
    table = _Units()
    shown: dict[str, dict[str, Any]] = {}
    for key, figure in built.items():
        entry: dict[str, Any] = {"l": figure.describe()}
        own = own_display(figure)
        entry["o"] = [table.add(own), _factor(figure.unit)]
        place = anchor(figure)
        unit = units.get(place)
        if unit is not None:
            entry["d"] = [table.add(unit), _factor(unit.pint)]
            how = formats.get(place)
            if how is not None:
                kind, digits, rounding, long = how
                entry["a"] = [kind, table.add(unit), _factor(unit.pint), digits, rounding,
                              int(long)]
        else:
            entry["d"] = entry["o"]
        shown[key] = entry
    return {"version": VERSION, "n": nodes, "u": table.table, "fig": shown, "in": inputs}


def _names(node: Node) -> Iterable[str]:
    from calculators.formulas import names

    return (n.name for n in names(node))


def _input(key: str, figure: Figure, nodes: Mapping[str, Any], catalog: Catalog,
           parameters: Any) -> dict[str, Any]:
    factor = _factor(figure.unit)
    own = own_display(figure)
    choices = []
    for other, calculation in sorted(catalog.calculations.items()):
        if other not in nodes or not isinstance(calculation.tree, Call) \
                or calculation.tree.function != "spread":
            continue
        if parse_unit(calculation.unit).dimensionality != figure.unit.dimensionality:
            continue
        for argument in calculation.tree.arguments:
            if isinstance(argument, Name):
                estimate = parameters.resolve(argument.name)
                choices.append([estimate.describe(), estimate.to(f"{figure.unit}").value])
    values = [figure.value, float(figure.low.magnitude), float(figure.high.magnitude),
              *(value for _, value in choices)]
    low, high = min(values) / SPAN, max(values) * SPAN
    if not figure.unit.dimensionality and max(values) <= 1:
        high = 1.0  # a share
    return {"label": figure.describe(), "v": figure.value, "k": factor, "u": own.short,
            "min": low, "max": high, "ch": choices}


def dumps(graph: Mapping[str, Any]) -> bytes:
    """The graph as the file's bytes: the same graph always gives the same bytes."""
    return json.dumps(graph, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                      allow_nan=False).encode("utf-8")


__all__ = ["FILE", "SPAN", "VERSION", "box_inputs", "dumps", "scenario", "tree"]
