"""What a figure keeps about itself (leaves, range, conversions) is what it would compute anew."""

from __future__ import annotations

from dataclasses import replace

import pytest

from calculators import Catalog, Figure, Status
from calculators.units import Quantity, parse_unit


def input_free_reachable(figure: Figure) -> set[int]:
    """An independent reference: the ids of the figures without inputs that ``figure`` reaches,
    found breadth first."""
    found, queue, seen = set(), [figure], set()
    while queue:
        node = queue.pop(0)
        if id(node) in seen:
            continue
        seen.add(id(node))
        if not node.inputs:
            found.add(id(node))
        queue.extend(node.inputs)
    return found


def test_leaves_and_hypotheses_of_every_calculator(catalog: Catalog) -> None:
    parameters = catalog.bind()
    for key in catalog.calculations:
        figure = parameters.calculate(key)
        expected = list(Figure._leaves.func(figure))  # computed anew, bypassing the cache
        assert {id(leaf) for leaf in expected} == input_free_reachable(figure)
        assert len({id(leaf) for leaf in expected}) == len(expected)
        for _ in range(2):
            assert list(figure.leaves()) == expected
            assert figure.hypotheses() == [f for f in expected if f.status is Status.HYPOTHESIS]
        figure.hypotheses().clear()  # callers get their own list
        assert figure.hypotheses() == [f for f in expected if f.status is Status.HYPOTHESIS]


def test_conversions_are_kept_per_unit_and_never_go_stale(catalog: Catalog) -> None:
    power = catalog.bind()["gpt3_power_per_accelerator"]
    in_kw = power.to("kW/accelerator")
    assert power.to("kW/accelerator") is in_kw
    assert in_kw.value == pytest.approx(power.quantity.to("kW/accelerator").magnitude)
    assert power.to("W/accelerator").value == pytest.approx(power.value)
    doubled = replace(power, quantity=power.quantity * 2, low=power.low * 2,
                      high=power.high * 2)
    assert doubled.to("kW/accelerator").value == pytest.approx(2 * in_kw.value)
    assert doubled.to("kW/accelerator") is not in_kw


def test_unit_and_gap_follow_the_quantity(catalog: Catalog) -> None:
    figure = catalog.bind().calculate("gpt3_training_emissions")
    gap = figure.relative_gap()
    assert gap is not None and gap < 0.01
    assert figure.unit == parse_unit("tCO2e")
    assert figure.reference is not None
    reference = figure.reference.quantity.to(figure.unit)
    moved = replace(figure, quantity=figure.quantity * 1.5)
    expected = abs((moved.quantity - reference) / reference).to("").magnitude
    assert moved.relative_gap() == pytest.approx(expected)
    assert replace(figure, quantity=figure.quantity.to("kgCO2e")).unit == parse_unit("kgCO2e")
    assert replace(figure, reference=None).relative_gap() is None


def test_has_range_follows_the_bounds() -> None:
    unit = parse_unit("kWh")
    point = Figure(quantity=Quantity(2.0, unit), low=Quantity(2.0, unit),
                   high=Quantity(2.0, unit), status=Status.HYPOTHESIS, key="x", label="x")
    assert point.has_range is False
    ranged = replace(point, low=Quantity(1.0, unit))
    assert ranged.has_range is True
    assert point.has_range is False
