"""Compare the charts drawn by ``charts.svg`` with matplotlib's SVG backend and Vega-Lite
(``vl-convert-python``) on the same two charts: bytes (raw and gzipped), time per chart, and
what a screen reader gets. Not a dependency of the project: run it in a throwaway venv,

    python3 -m venv /tmp/cmp && /tmp/cmp/bin/pip install matplotlib vl-convert-python
    /tmp/cmp/bin/python bench/chart_libraries.py

(decision 30 in docs/decisions.md records the figures).
"""

from __future__ import annotations

import gzip
import io
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from charts.model import Chart, Mark, Series
from charts.svg import render

BARS = [("Hypothèse de l’article d’origine", 1.6, 1.6, 1.6),
        ("Estimations publiées depuis", 0.18, 0.03, 1.2)]
LINES = {"Union européenne": [(2013, 16.7), (2023, 19.4)],
         "France, secteur numérique": [(2018, 12.0), (2020, 17.0)]}
RUNS = 20


def ours_bars() -> str:
    marks = tuple(Mark(label, v, lo, hi, f"{v} g", f"{v} g") for label, v, lo, hi in BARS)
    return render(Chart("bars", "g1", "Émissions d’une requête", "", "g CO₂e/requête",
                        (Series("s", marks),)), lambda d: format(d, "f"))


def ours_lines() -> str:
    series = tuple(Series(name, tuple(Mark(name, v, v, v, f"{v} %", f"{v} %", x=year)
                                      for year, v in points))
                   for name, points in LINES.items())
    return render(Chart("lines", "g2", "La part des femmes remonte", "", "%", series),
                  lambda d: format(d, "f"))


def matplotlib_bars() -> str:
    import matplotlib
    matplotlib.use("svg")
    matplotlib.rcParams.update({"svg.fonttype": "none", "svg.hashsalt": "vf"})
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(5, 1.8))
    labels = [b[0] for b in BARS]
    values = [b[1] for b in BARS]
    errors = [[b[1] - b[2] for b in BARS], [b[3] - b[1] for b in BARS]]
    ax.barh(labels, values, xerr=errors)
    ax.set_title("Émissions d’une requête")
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    plt.close(fig)
    return out.getvalue()


def matplotlib_lines() -> str:
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(5, 3))
    for name, points in LINES.items():
        ax.plot([p[0] for p in points], [p[1] for p in points], marker="o", label=name)
    ax.legend()
    ax.set_title("La part des femmes remonte")
    out = io.StringIO()
    fig.savefig(out, format="svg", metadata={"Date": None})
    plt.close(fig)
    return out.getvalue()


def vega_bars() -> str:
    import vl_convert as vlc
    rows = [{"label": b[0], "value": b[1], "low": b[2], "high": b[3]} for b in BARS]
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "title": "Émissions d’une requête", "data": {"values": rows}, "width": 300,
            "layer": [{"mark": "bar", "encoding": {"y": {"field": "label", "type": "nominal"},
                                                   "x": {"field": "value",
                                                         "type": "quantitative"}}},
                      {"mark": "rule", "encoding": {"y": {"field": "label", "type": "nominal"},
                                                    "x": {"field": "low",
                                                          "type": "quantitative"},
                                                    "x2": {"field": "high"}}}]}
    return vlc.vegalite_to_svg(spec)


def vega_lines() -> str:
    import vl_convert as vlc
    rows = [{"series": n, "year": y, "value": v} for n, ps in LINES.items() for y, v in ps]
    spec = {"$schema": "https://vega.github.io/schema/vega-lite/v5.json",
            "title": "La part des femmes remonte", "data": {"values": rows}, "width": 300,
            "mark": {"type": "line", "point": True},
            "encoding": {"x": {"field": "year", "type": "quantitative"},
                         "y": {"field": "value", "type": "quantitative"},
                         "color": {"field": "series", "type": "nominal"},
                         "shape": {"field": "series", "type": "nominal"}}}
    return vlc.vegalite_to_svg(spec)


def svg_of(html: str) -> str:
    return re.search(r"<svg.*?</svg>", html, re.S).group(0)  # type: ignore[union-attr]


def measure(name: str, make) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    first = make()
    first_ms = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    for _ in range(RUNS):
        again = make()
    each_ms = (time.perf_counter() - start) * 1000 / RUNS
    svg = svg_of(first)
    texts = len(re.findall(r"<text\b", svg))
    a11y = [f for f, p in (("role=img", r'role="img"'), ("title", r"<title\b"),
                           ("desc", r"<desc\b")) if re.search(p, svg)]
    print(f"{name:22} {len(first.encode()):7} B  {len(gzip.compress(first.encode(), 9, mtime=0)):6}"
          f" B gz  first {first_ms:8.1f} ms  then {each_ms:7.2f} ms  <text>: {texts:3}  "
          f"identical: {first == again}  {', '.join(a11y) or '-'}")


if __name__ == "__main__":
    for name, make in (("ours bars", ours_bars), ("ours lines", ours_lines),
                       ("matplotlib bars", matplotlib_bars),
                       ("matplotlib lines", matplotlib_lines),
                       ("vl-convert bars", vega_bars), ("vl-convert lines", vega_lines)):
        measure(name, make)
