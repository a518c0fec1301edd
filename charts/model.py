"""What a chart shows, as plain data: the renderer draws exactly this."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Kind = Literal["bars", "lines", "compare"]


@dataclass(frozen=True)
class Mark:
    """One value: a bar, or a point of a line.

    Numbers are in the unit the chart is drawn in (already scaled: 0.15 of a share is 15 for a
    chart in per cent). ``text`` is the value as readers read it (« environ 552 t CO₂e »);
    ``cell`` is the same in the table, as HTML the caller built and escaped (a link to the
    value's derivation); ``x`` is the year of a point of a line.
    """

    label: str
    value: float
    low: float
    high: float
    text: str
    cell: str
    hypothesis: bool = False
    x: int | None = None
    #: The range in the table, as HTML (empty when the value has none).
    range_cell: str = ""


@dataclass(frozen=True)
class Series:
    name: str
    marks: tuple[Mark, ...]


@dataclass(frozen=True)
class Chart:
    """``ident``: unique on its page, the prefix of every id the chart's HTML carries.
    ``unit``: the unit's short text for the axis (« % », « g CO₂e/requête »)."""

    kind: Kind
    ident: str
    title: str
    description: str
    unit: str
    series: tuple[Series, ...]

    @property
    def marks(self) -> tuple[Mark, ...]:
        return tuple(mark for series in self.series for mark in series.marks)

    @property
    def has_hypothesis(self) -> bool:
        return any(mark.hypothesis for mark in self.marks)

    @property
    def has_range(self) -> bool:
        return any(mark.low != mark.value or mark.high != mark.value for mark in self.marks)
