"""The chart renderer on its own: round ticks, marks inside the drawing, bounded output."""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from charts.model import Chart, Mark, Series
from charts.scale import nice_ticks
from charts.svg import WIDTH, render
from publication.checks.output_html import sanitise

STEPS = {Decimal(1), Decimal(2), Decimal("2.5"), Decimal(5)}


@given(st.floats(min_value=1e-9, max_value=1e12, allow_nan=False, allow_infinity=False))
def test_ticks_start_at_zero_cover_the_top_and_take_a_round_step(top: float) -> None:
    ticks = nice_ticks(top)
    assert ticks[0] == 0 and float(ticks[-1]) >= top
    step = ticks[1] - ticks[0]
    assert all(b - a == step for a, b in itertools.pairwise(ticks))
    assert step.scaleb(-step.adjusted()).normalize() in STEPS
    assert 2 <= len(ticks) <= 6


def test_ticks_of_a_degenerate_top_are_zero_and_one() -> None:
    assert nice_ticks(0) == nice_ticks(float("nan")) == (Decimal(0), Decimal(1))


values = st.floats(min_value=0, max_value=1e9, allow_nan=False, allow_infinity=False)
labels = st.text(min_size=1, max_size=48)


@st.composite
def marks(draw: st.DrawFn, year: int | None = None) -> Mark:
    value = draw(values)
    low = draw(st.floats(min_value=0, max_value=value)) if draw(st.booleans()) else value
    high = value + draw(st.floats(min_value=0, max_value=1e9)) if draw(st.booleans()) else value
    return Mark(draw(labels), value, low, high, draw(st.text(max_size=40)), "<b>x</b>",
                draw(st.booleans()), year)


def number(value: Decimal) -> str:
    return format(value, "f")


def coordinates(html: str, names: str) -> list[float]:
    return [float(v) for v in re.findall(rf'\b(?:{names})="(-?[\d.]+)"', html)]


@settings(max_examples=60, deadline=None)
@given(st.lists(marks(), min_size=1, max_size=12), st.sampled_from(["bars", "compare"]))
def test_bars_stay_in_the_drawing_and_pass_the_sanitiser(drawn: list[Mark], kind: str) -> None:
    if kind == "compare":
        drawn = (drawn * 2)[:2]
    html = render(Chart(kind, "graphique-t", "Titre", "", "%",  # type: ignore[arg-type]
                        (Series("s", tuple(drawn)),)), number)
    xs = coordinates(html, "x|x1|x2")
    assert all(0 <= x <= WIDTH for x in xs), xs
    assert sanitise(html, charts=True).findings == ()
    assert len(html) < 4_000 + 1_500 * len(drawn)  # bounded by the marks, not the values


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.integers(1990, 2030), min_size=1, max_size=12, unique=True),
                min_size=1, max_size=4), st.data())
def test_lines_stay_in_the_drawing_and_pass_the_sanitiser(years: list[list[int]],
                                                          data: st.DataObject) -> None:
    series = tuple(Series(f"S{i}", tuple(data.draw(marks(year)) for year in ys))
                   for i, ys in enumerate(years))
    html = render(Chart("lines", "graphique-t", "Titre", "D", "%", series), number)
    xs = coordinates(html, "x1|x2|cx")
    ys = coordinates(html, "y1|y2|cy")
    assert all(0 <= x <= WIDTH for x in xs), xs
    assert all(0 <= y <= 250 for y in ys), ys
    assert sanitise(html, charts=True).findings == ()


def test_a_huge_label_and_markup_are_escaped_not_drawn() -> None:
    mark = Mark("<script>alert(1)</script>" * 100, 1, 1, 1, "<img src=x onerror=y>", "1",)
    html = render(Chart("bars", "graphique-t", "<b>T</b>", "", "%", (Series("s", (mark,)),)),
                  number)
    assert "<script" not in html and "<img" not in html and "&lt;script&gt;" in html


def test_a_value_of_zero_still_shows_a_sliver() -> None:
    mark = Mark("Rien", 0, 0, 0, "0", "0")
    html = render(Chart("bars", "graphique-t", "T", "", "%", (Series("s", (mark,)),)), number)
    assert re.search(r'<rect x="8" y="\d+" width="1"', html)
