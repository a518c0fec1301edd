"""What an article template can see: calculators, parameters, citations and figure filters.

Nothing else reaches templates. Every figure written through the ``figure`` filter is recorded
for the page, so the derivation and sources sections list exactly what the reader saw.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

from markupsafe import Markup, escape

from calculators import CalculatorError, Catalog, Figure, Parameters, Source
from calculators.units import written
from vocabulary.hints import ADD_SOURCE, suggest

from .chart_calls import ChartMaker
from .formatting import (
    MAX_DIGITS,
    Rounding,
    display_unit,
    format_quantity,
    format_range,
    shown_value,
)
from .sandbox import exposed
from .units_fr import DisplayUnit, display_key_for, readable
from .what_if import BOX_HTML, WhatIfMaker


@dataclass
class PageRecord:
    """The figures and citations of one page, in order of first appearance."""

    figures: dict[str, Figure] = field(default_factory=dict)
    #: The display unit each figure was first shown in, so its derivation reads the same way.
    units: dict[str, DisplayUnit] = field(default_factory=dict)
    citations: dict[str, Source] = field(default_factory=dict)
    #: Where the page's derivation blocks are, relative to the page: figure links point there
    #: (``calcul/`` gives ``calcul/#calcul-…``; empty: the page itself).
    derivations_url: str = ""
    #: Figures whose id (where their derivation links back to) another text of the page holds
    #: already: a text shown beside the body (« En bref ») leaves the body's ids to the body.
    anchored: frozenset[str] = frozenset()
    #: HTML blocks the page places after Markdown, by the token that stands for each in its
    #: text (a chart: ``chart_calls.place_blocks``).
    blocks: dict[str, str] = field(default_factory=dict)
    #: How each figure was first written, beside ``units``: ``("figure", digits, rounding,
    #: long)`` or ``("range", digits, "nearest", long)``, for the scenario export.
    formats: dict[str, tuple[str, int, str, bool]] = field(default_factory=dict)


_page: ContextVar[PageRecord] = ContextVar("page_record")


@contextmanager
def recording(derivations_url: str = "", anchored: frozenset[str] = frozenset()
              ) -> Iterator[PageRecord]:
    record = PageRecord(derivations_url=derivations_url, anchored=anchored)
    token = _page.set(record)
    try:
        yield record
    finally:
        _page.reset(token)


def anchor(figure: Figure) -> str:
    return "calcul-" + (figure.key or "valeur").replace("_", "-")


def source_anchor(source: Source) -> str:
    return "source-" + source.id.replace("_", "-")


def _default_unit(figure: Figure) -> str:
    """The display unit whose Pint unit is the figure's own."""
    key = display_key_for(figure.unit)
    if key is None:
        raise CalculatorError(
            f"aucune unité d’affichage par défaut pour « {figure.unit:~P} »",
            hint="précisez-la, par exemple | figure('tCO2e')",
        )
    return key


def _require_figure(value: Any, filter_name: str) -> Figure:
    if not isinstance(value, Figure):
        raise CalculatorError(
            f"le filtre « {filter_name} » s’applique à un calculateur ou à un paramètre, "
            f"pas à {value!r}",
            hint="écrivez par exemple {{ mon_calculateur() | figure('tCO2e') }}",
        )
    return value


def text_anchor(figure: Figure) -> str:
    """The id of a figure's first occurrence in the text, for the derivation's way back."""
    return "texte-" + anchor(figure)


def _link(figure: Figure, text: str, shown: DisplayUnit,
          how: tuple[str, int, str, bool] = ("figure", 3, "nearest", False)) -> Markup:
    record = _page.get()
    record.formats.setdefault(anchor(figure), how)
    first = anchor(figure) not in record.figures and anchor(figure) not in record.anchored
    record.figures.setdefault(anchor(figure), figure)
    record.units.setdefault(anchor(figure), shown)
    identifier = Markup(' id="{}"').format(text_anchor(figure)) if first else ""
    flag = ""
    classes = "vf-fig"
    if figure.hypotheses():
        classes += " vf-fig--hypothesis"
        flag = Markup(' <span class="vf-fig__flag">(hypothèse)</span>')
    return Markup('<a class="{}" href="{}#{}"{}>{}{}</a>').format(
        classes, record.derivations_url, anchor(figure), identifier, text, flag
    )


def _shown_in_box(figure: Figure) -> None:
    """Record a figure an « Et si… ? » box shows: the page's graph and calcul page include it,
    written as the text wrote it if it did, else as ``figure`` writes it by default."""
    record = _page.get()
    key = anchor(figure)
    record.figures.setdefault(key, figure)
    if key not in record.units:
        try:
            shown = display_unit(_default_unit(figure))
        except CalculatorError:  # no named unit: the unit composed in French (« kWh/j »)
            shown = display_unit(written(figure.unit))
        record.units[key] = shown
    record.formats.setdefault(key, ("figure", 3, "nearest", False))


#: Most « Et si… ? » boxes a page may hold: each makes one point.
MAX_BOXES = 6


def _box_block(token: str, html: str) -> None:
    """Keep an « Et si… ? » box's HTML (``_block``); the same box twice is the same HTML."""
    blocks = _page.get().blocks
    if token not in blocks and sum(h.startswith(BOX_HTML) for h in blocks.values()) >= MAX_BOXES:
        raise CalculatorError(f"trop d’encadrés « Et si… ? » sur la page (au plus {MAX_BOXES})",
                              hint="gardez ceux qui font comprendre l’essentiel ; la page de "
                              "calcul permet de changer toutes les hypothèses")
    blocks.setdefault(token, html)


#: Most charts a page may hold: each is bounded, and placed after the page's output bound.
MAX_CHARTS = 12


def _block(token: str, html: str) -> None:
    """Keep ``html`` for the page, to replace ``token`` once Markdown has run; the same chart
    twice on a page would give two figures one id."""
    blocks = _page.get().blocks
    if sum(not h.startswith(BOX_HTML) for h in blocks.values()) >= MAX_CHARTS:  # boxes apart
        raise CalculatorError(f"trop de graphiques sur la page (au plus {MAX_CHARTS})",
                              hint="gardez les graphiques qui montrent l’essentiel ; pas de "
                              "graphique dans une boucle « for »")
    if token in blocks:
        raise CalculatorError("le même graphique figure deux fois sur la page",
                              hint="gardez-en un seul, ou changez son titre")
    blocks[token] = html


def _scaled(figure: Figure, key: str, scale: str | None, magnitude: Callable[[Figure], float]
            ) -> str:
    """``key``, or with ``scale="auto"`` the prefix of it that reads best (0,17 km → 170 m)."""
    if scale is None:
        return key
    if scale != "auto":
        raise CalculatorError(f"« scale » inconnu : {scale!r}",
                              hint="écrivez scale=\"auto\", ou ne l’écrivez pas")
    return readable(key, magnitude(figure.to(display_unit(key).pint)))


def figure_filter(value: Any, unit: str | None = None, digits: int = 3,
                  rounding: Rounding = "nearest", long: bool = False,
                  scale: str | None = None) -> Markup:
    """``{{ x | figure("tCO2e", digits=2, rounding="down", long=True, scale="auto") }}``."""
    figure = _require_figure(value, "figure")
    key = unit if unit is not None else _default_unit(figure)
    shown = display_unit(_scaled(figure, key, scale, lambda f: f.value))
    magnitude = figure.to(shown.pint).value
    text = format_quantity(magnitude, shown, digits=digits, rounding=rounding, long=long)
    if figure.reference is not None:
        _check_published(figure, figure.reference, text, shown, digits, rounding, long)
    return _link(figure, text, shown, ("figure", digits, rounding, bool(long)))


def _check_published(figure: Figure, published: Figure, text: str, shown: DisplayUnit,
                     digits: int, rounding: Rounding, long: bool) -> None:
    """Refuse a figure whose displayed number is not the published one rounded the same way:
    a reader who holds the source must find its number in ours (« environ 570 MWh » for a
    source that says 564 MWh is refused)."""
    ours = figure.to(shown.pint).value
    theirs = published.to(shown.pint).value

    def alike(places: int) -> bool:
        return (shown_value(ours, shown, places, rounding).value
                == shown_value(theirs, shown, places, rounding).value)

    if alike(digits):
        return
    exact = format_quantity(theirs, shown, digits=MAX_DIGITS, long=long, qualify=False)
    call = f'param("{published.key}")'
    more = next((places for places in range(digits + 1, MAX_DIGITS + 1) if alike(places)),
                None)
    hint = (f"affichez plus de chiffres (digits={more}) ou la valeur publiée elle-même, {call}"
            if more is not None else
            f"affichez la valeur publiée elle-même, {call} : avec plus de chiffres, "
            "le calcul ne la redonne pas non plus")
    raise CalculatorError(
        f"le chiffre affiché « {text} » ne redonne pas la valeur publiée « {exact} »",
        hint=hint, key=figure.key,
    )


def figure_range_filter(value: Any, unit: str | None = None, digits: int = 2,
                        long: bool = False, scale: str | None = None) -> Markup:
    """``{{ x | figure_range("gCO2e/query") }}`` → « entre 0,03 et 1,2 g CO₂e par requête »."""
    figure = _require_figure(value, "figure_range")
    if not figure.has_range:
        raise CalculatorError("cette valeur n’a pas de fourchette (low/high)", key=figure.key,
                              hint="utilisez le filtre « figure »")
    key = unit if unit is not None else _default_unit(figure)
    shown = display_unit(_scaled(figure, key, scale, lambda f: float(f.high.magnitude)))
    converted = figure.to(shown.pint)
    text = format_range(converted.low.magnitude, converted.high.magnitude, shown, digits=digits,
                        long=long)
    return _link(figure, text, shown, ("range", digits, "nearest", bool(long)))


class Toolbox:
    """The template globals and filters, bound to one catalog."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.parameters: Parameters = catalog.bind()
        self.globals: dict[str, Any] = {
            key: self._calculator(key) for key in catalog.calculations
        }
        self.globals["param"] = exposed(self.param)
        self.globals["cite"] = exposed(self.cite)
        self.filters: dict[str, Callable[..., Any]] = {
            "figure": figure_filter,
            "figure_range": figure_range_filter,
        }
        known = [*self.parameters, *catalog.calculations]
        self.globals["chart"] = exposed(ChartMaker(self.parameters, known, self.filters,
                                                   _default_unit, _block))
        self.globals["what_if"] = exposed(WhatIfMaker(self.parameters, catalog.calculations,
                                                      _shown_in_box, _box_block))

    def _calculator(self, key: str) -> Callable[[], Figure]:
        def run() -> Figure:
            return self.parameters.calculate(key)

        return exposed(run)

    def param(self, key: str) -> Figure:
        return self.parameters[key]

    def cite(self, key: str) -> Markup:
        source = self.catalog.sources.get(key)
        if source is None:
            raise CalculatorError("source inconnue", key=key,
                                  hint=suggest(key, self.catalog.sources)
                                  or ADD_SOURCE)
        _page.get().citations.setdefault(key, source)
        return Markup('<a class="vf-cite" href="#{}">({})</a>').format(
            source_anchor(source), escape(source.short_citation)
        )



__all__ = ["PageRecord", "Toolbox", "anchor", "recording", "source_anchor",
           "text_anchor"]
