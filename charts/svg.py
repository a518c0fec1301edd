"""A chart as HTML: ``<figure>`` with an inline SVG, its caption, legend and data table.

Drawn by hand from the numbers: the output is a few kilobytes, identical from build to build,
needs no JavaScript and no font, and its colours are CSS classes (``vf-chart__s1``…), so the
site's palette and dark mode apply (``vraioufaux.css``, block « Charts (issue 16) »). Every
text is escaped here; the only HTML taken as is is each mark's ``cell``, which the caller
builds (and escapes) itself.

Layout is in viewBox units: the SVG is 400 wide and scales to its column, so a 13-unit text
reads about 11 px on a 375 px phone and 16 px on a desktop.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from decimal import Decimal
from html import escape

from .model import Chart, Mark, Series
from .scale import nice_ticks

WIDTH = 400
PAD = 8
#: Approximate width of a character of the chart's 12–13 unit text, to reserve room for it.
CHAR = 6.6
#: Marker shapes of the series of a line chart, so that colour never tells them apart alone.
SHAPES = ("cercle", "carré", "triangle", "losange")

NumberText = Callable[[Decimal], str]


def _n(value: float) -> str:
    """A coordinate, to a tenth: short and the same on every machine."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


def _e(text: str) -> str:
    return escape(text, quote=True)


def _text(x: float, y: float, content: str, cls: str, anchor: str = "start") -> str:
    anchor_class = {"start": "", "middle": " vf-chart__mid", "end": " vf-chart__end"}[anchor]
    return (f'<text x="{_n(x)}" y="{_n(y)}" class="{cls}{anchor_class}">'
            f"{_e(content)}</text>")


def _line(x1: float, y1: float, x2: float, y2: float, cls: str) -> str:
    return (f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" '
            f'class="{cls}"></line>')


def _path(d: str, cls: str) -> str:
    """Several strokes as one element: the page has fewer tags for Markdown and the
    sanitiser to read."""
    return f'<path d="{d}" class="{cls}"></path>'


def _whisker_h(low: float, high: float, y: float) -> list[str]:
    """A horizontal range, low to high, with its two caps."""
    return [_path(f"M{_n(low)} {_n(y)}H{_n(high)}M{_n(low)} {_n(y - 5)}V{_n(y + 5)}"
                  f"M{_n(high)} {_n(y - 5)}V{_n(y + 5)}", "vf-chart__range")]


def _whisker_v(x: float, low: float, high: float) -> list[str]:
    return [_path(f"M{_n(x)} {_n(low)}V{_n(high)}M{_n(x - 4)} {_n(low)}H{_n(x + 4)}"
                  f"M{_n(x - 4)} {_n(high)}H{_n(x + 4)}", "vf-chart__range")]


def _bars(chart: Chart, number: NumberText) -> tuple[list[str], float]:
    marks = chart.marks
    reserve = min(200.0, max(len(m.text) for m in marks) * CHAR + 10)
    left, right = PAD, WIDTH - PAD - reserve
    ticks = nice_ticks(max(m.high for m in marks))
    top = float(ticks[-1])

    def at(value: float) -> float:
        return left + (right - left) * max(0.0, value) / top

    row = 44
    axis = PAD + row * len(marks) + 4
    parts = [_path("".join(f"M{_n(at(float(t)))} {PAD}V{_n(axis)}" for t in ticks),
                   "vf-chart__grid")]
    for tick in ticks:
        parts.append(_text(at(float(tick)), axis + 15, number(tick), "vf-chart__tick", "middle"))
    parts.append(_line(left, axis, right, axis, "vf-chart__axis"))
    for index, mark in enumerate(marks):
        y = PAD + row * index
        series = "vf-chart__s1" if chart.kind == "bars" else f"vf-chart__s{index + 1}"
        hypothesis = " vf-chart__mark--hypothesis" if mark.hypothesis else ""
        end = max(at(mark.value), left + 1)  # a value too small to see still shows a sliver
        parts.append(_text(left, y + 13, mark.label, "vf-chart__label"))
        parts.append(f'<rect x="{_n(left)}" y="{_n(y + 19)}" width="{_n(end - left)}" '
                     f'height="16" class="vf-chart__mark {series}{hypothesis}"></rect>')
        if mark.low != mark.value or mark.high != mark.value:
            parts += _whisker_h(at(mark.low), at(mark.high), y + 27)
        parts.append(_text(max(end, at(mark.high)) + 6, y + 31, mark.text, "vf-chart__value"))
    if chart.kind == "compare":
        parts += _units_of(marks, at, PAD + 19)
    parts.append(_text(left, axis + 32, _unit_caption(chart.unit), "vf-chart__unit"))
    return parts, axis + 40


def _units_of(marks: Sequence[Mark], at: Callable[[float], float], first_y: float) -> list[str]:
    """On the larger bar of a comparison, a notch at each multiple of the smaller value: the
    reader counts how many of the one fit in the other."""
    small, large = sorted(range(2), key=lambda i: marks[i].value)
    unit, total = marks[small].value, marks[large].value
    if unit <= 0 or total / unit > 100:
        return []
    y = first_y + 44 * large
    notches = []
    count = 1
    while unit * count < total * (1 - 1e-9):
        notches.append(f"M{_n(at(unit * count))} {_n(y)}v16")
        count += 1
    return [_path("".join(notches), "vf-chart__notch")] if notches else []


def _unit_caption(unit: str) -> str:
    return f"en {unit}" if unit else ""


_MARKERS = {
    0: lambda x, y: f'<circle cx="{_n(x)}" cy="{_n(y)}" r="4.5"',
    1: lambda x, y: f'<rect x="{_n(x - 4)}" y="{_n(y - 4)}" width="8" height="8"',
    2: lambda x, y: f'<path d="M{_n(x)} {_n(y - 5.5)}L{_n(x + 5)} {_n(y + 4)}L{_n(x - 5)} '
                    f'{_n(y + 4)}Z"',
    3: lambda x, y: f'<path d="M{_n(x)} {_n(y - 5.5)}L{_n(x + 5.5)} {_n(y)}L{_n(x)} '
                    f'{_n(y + 5.5)}L{_n(x - 5.5)} {_n(y)}Z"',
}
_MARKER_END = {0: "</circle>", 1: "</rect>", 2: "</path>", 3: "</path>"}


def _marker(index: int, x: float, y: float, cls: str) -> str:
    return f'{_MARKERS[index](x, y)} class="{cls}">{_MARKER_END[index]}'


def _year_ticks(years: Sequence[int]) -> list[int]:
    if len(years) <= 6:
        return list(years)
    span = years[-1] - years[0]
    step = max(1, -(-span // 5))
    return list(range(years[0], years[-1] + 1, step))


def _lines(chart: Chart, number: NumberText) -> tuple[list[str], float]:
    marks = chart.marks
    height = 250
    last_texts = [s.marks[-1].text for s in chart.series]
    reserve = min(130.0, max(len(t) for t in last_texts) * CHAR + 14)
    ticks = nice_ticks(max(m.high for m in marks))
    tick_room = max(len(number(t)) for t in ticks) * CHAR + 8
    left, right = PAD + tick_room, WIDTH - PAD - reserve
    top_y, bottom = 26, height - 34
    years = sorted({m.x for m in marks if m.x is not None})
    first, last = years[0], years[-1]
    top = float(ticks[-1])

    def x_at(year: int) -> float:
        if first == last:
            return (left + right) / 2
        return left + 6 + (right - left - 12) * (year - first) / (last - first)

    def y_at(value: float) -> float:
        return bottom - (bottom - top_y) * max(0.0, value) / top

    parts = [_text(PAD, 12, _unit_caption(chart.unit), "vf-chart__unit")]
    parts.append(_path("".join(f"M{_n(left)} {_n(y_at(float(t)))}H{_n(right)}" for t in ticks),
                       "vf-chart__grid"))
    for tick in ticks:
        parts.append(_text(left - 5, y_at(float(tick)) + 4, number(tick), "vf-chart__tick",
                           "end"))
    parts.append(_line(left, bottom, right, bottom, "vf-chart__axis"))
    for year in _year_ticks(years):
        parts.append(_text(x_at(year), bottom + 17, str(year), "vf-chart__tick", "middle"))
    ends: list[tuple[float, str, str]] = []
    for index, series in enumerate(chart.series):
        cls = f"vf-chart__s{index + 1}"
        points = sorted(series.marks, key=lambda m: m.x or 0)
        for a, b in itertools.pairwise(points):
            dashed = " vf-chart__line--hypothesis" if a.hypothesis or b.hypothesis else ""
            parts.append(_line(x_at(a.x or 0), y_at(a.value), x_at(b.x or 0), y_at(b.value),
                               f"vf-chart__line {cls}{dashed}"))
        for mark in points:
            x = x_at(mark.x or 0)
            if mark.low != mark.value or mark.high != mark.value:
                parts += _whisker_v(x, y_at(mark.low), y_at(mark.high))
            hollow = " vf-chart__mark--hypothesis" if mark.hypothesis else ""
            parts.append(_marker(index, x, y_at(mark.value), f"vf-chart__mark {cls}{hollow}"))
        end = points[-1]
        ends.append((y_at(end.value) + 4, end.text, cls))
    placed: list[float] = []
    for y, text, cls in sorted(ends):
        y = max(y, placed[-1] + 14) if placed else y
        placed.append(y)
        parts.append(_text(right + 8, y, text, f"vf-chart__value {cls}-text"))
    return parts, height


def _legend(chart: Chart) -> str:
    items = []
    if chart.kind == "lines":
        for index, series in enumerate(chart.series):
            items.append(f'<span class="vf-chart__key vf-chart__key--{index + 1}">'
                         f"{_e(series.name)} ({SHAPES[index]})</span>")
    if chart.has_hypothesis:
        shape = "marqueur creux, trait en tirets" if chart.kind == "lines" else \
            "barre claire au contour en tirets"
        items.append('<span class="vf-chart__key vf-chart__key--hypothesis">'
                     f"{shape}\u202f: la valeur repose sur une hypothèse</span>")
    if chart.has_range:
        items.append('<span class="vf-chart__key vf-chart__key--range">'
                     "trait fin\u202f: fourchette des estimations</span>")
    return "".join(items)


def _summary(chart: Chart) -> str:
    """The values in words, for the SVG's description: what a screen reader hears."""
    if chart.kind == "lines":
        return " ".join(
            f"{series.name}\u202f: "
            + ", ".join(f"{m.x}\u202f: {m.text}" for m in series.marks) + "."
            for series in chart.series)
    return " ; ".join(f"{m.label}\u202f: {m.text}" for m in chart.marks) + "."


def _table(chart: Chart) -> str:
    lines = chart.kind == "lines"
    ranged = chart.has_range
    head = ["Série", "Année", "Valeur"] if lines else ["Donnée", "Valeur"]
    if ranged:
        head.append("Fourchette")
    rows = []
    for series in chart.series:
        for mark in series.marks:
            cells = ([f'<th scope="row">{_e(series.name)}</th>', f"<td>{mark.x}</td>"] if lines
                     else [f'<th scope="row">{_e(mark.label)}</th>'])
            cells.append(f"<td>{mark.cell}</td>")
            if ranged:
                cells.append(f"<td>{mark.range_cell}</td>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
    header = "".join(f'<th scope="col">{_e(h)}</th>' for h in head)
    # The header row opens the body (no <thead>: an element less, and the same table for
    # screen readers, whose column headers are the scope="col" cells). <tbody> is written,
    # as the browser and the sanitiser would add it.
    return (f'<details class="vf-chart__data"><summary>Voir les données</summary>'
            f'<table><tbody><tr>{header}</tr>{"".join(rows)}</tbody></table>'
            f"</details>")


def render(chart: Chart, number: NumberText) -> str:
    """The chart's HTML, on one line (Markdown takes it as one raw HTML block)."""
    parts, height = (_lines if chart.kind == "lines" else _bars)(chart, number)
    ident = _e(chart.ident)
    description = " ".join(t for t in (chart.description, _summary(chart)) if t)
    svg = (f'<svg class="vf-chart__svg" viewBox="0 0 {WIDTH} {_n(height)}" role="img" '
           f'aria-labelledby="{ident}-titre {ident}-desc">'
           f'<title id="{ident}-titre">{_e(chart.title)}</title>'
           f'<desc id="{ident}-desc">{_e(description)}</desc>'
           f'{"".join(parts)}</svg>')
    # The caption's own text is the description; the title and each legend key are the only
    # elements in it (decision 40: every element counts towards the page's EcoIndex).
    caption = (f'<figcaption><b class="vf-chart__title">{_e(chart.title)}</b>'
               + (f" {_e(chart.description)}" if chart.description else "")
               + _legend(chart) + "</figcaption>")
    return (f'<figure class="vf-chart vf-chart--{chart.kind}" id="{ident}">'
            f"{caption}{svg}{_table(chart)}</figure>")


__all__ = ["SHAPES", "Chart", "Mark", "Series", "render"]
