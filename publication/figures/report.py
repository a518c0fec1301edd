"""The figures report: every figure of every page, with its inputs and sources, as JSON.

A reviewer compares two reports (``python -m publication figures-diff``) to see what a pull
request changes in the numbers. Version 2 adds each figure's and input's French ``label``, and
the data-declared ``calculations`` (formula, unit, label) and ``conventions`` of the catalog, so
that the diff can name figures and show changed formulas; version 1 reports lack them.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from calculators import Catalog, Figure
from publication.pipeline import RenderedPage

REPORT_VERSION = 2


def _unit(figure: Figure) -> str:
    return f"{figure.unit:~C}"


def _number(value: float) -> float:
    return float(f"{value:.12g}")


def figure_record(figure: Figure) -> dict[str, Any]:
    record: dict[str, Any] = {
        "value": _number(figure.value),
        "unit": _unit(figure),
        "low": _number(figure.low.to(figure.unit).magnitude),
        "high": _number(figure.high.to(figure.unit).magnitude),
        "status": figure.status.value,
    }
    if figure.label:
        record["label"] = figure.label
    if figure.formula:
        record["formula"] = figure.formula
    return record


def input_record(leaf: Figure) -> dict[str, Any]:
    record = figure_record(leaf)
    record["id"] = leaf.key or leaf.describe()
    if leaf.source:
        record["source"] = leaf.source.id
    return record


def _entries(page: RenderedPage, record_of: Callable[[Figure], dict[str, Any]]
             ) -> list[dict[str, Any]]:
    """The page's figure entries, computed once and kept on the page (the preview carries an
    unchanged page, and its entries, from one build to the next)."""
    if page.report_entries is None:
        page.report_entries = [
            {"article": page.src_uri, "figure": figure.key, **figure_record(figure),
             "inputs": [record_of(leaf) for leaf in figure.leaves()]}
            for figure in page.rendered.figures.values()]
    return page.report_entries


def _shared_records() -> Callable[[Figure], dict[str, Any]]:
    """``input_record``, computed once per figure: parameters and calculator results are shared
    by many figures and pages (figures are immutable, so their identity is a safe key)."""
    inputs: dict[int, dict[str, Any]] = {}

    def record_of(leaf: Figure) -> dict[str, Any]:
        if id(leaf) not in inputs:
            inputs[id(leaf)] = input_record(leaf)
        return inputs[id(leaf)]

    return record_of


def calculation_records(catalog: Catalog) -> list[dict[str, Any]]:
    """Every data-declared calculation, by id: what the diff compares to list changed formulas."""
    return [{"formula": c.formula, "id": c.id, "label": c.label, "unit": c.unit}
            for c in sorted(catalog.calculations.values(), key=lambda c: c.id)]


def convention_records(catalog: Catalog) -> list[dict[str, Any]]:
    """Every convention, by id (figures' inputs name a convention by its label)."""
    return [{"id": c.id, "label": c.label, "unit": c.unit, "value": _number(c.value)}
            for c in sorted(catalog.conventions.values(), key=lambda c: c.id)]


def build_report(pages: Iterable[RenderedPage], catalog: Catalog) -> dict[str, Any]:
    """The report of a build: pages sorted by path, figures in order of appearance, and the
    catalog's calculations and conventions sorted by id."""
    record_of = _shared_records()
    figures = [entry for page in sorted(pages, key=lambda p: p.src_uri)
               for entry in _entries(page, record_of)]
    return {"calculations": calculation_records(catalog),
            "conventions": convention_records(catalog), "figures": figures,
            "version": REPORT_VERSION}


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _array(lines: list[str]) -> str:
    return "[\n" + ",\n".join(lines) + "\n]" if lines else "[]"


def dump_report(pages: Iterable[RenderedPage], catalog: Catalog) -> str:
    """``build_report(pages, catalog)`` as JSON text, one figure, calculation or convention per
    line: a change to one of them is a one-line diff. Keys are sorted: the text is the same
    from one build to the next.

    Each line is written by the json module's C encoder (an indented dump would go through its
    pure-Python encoder: about 1 s at 1,000 articles, against 0.1 s), once per page: the lines
    are kept on the page with its entries.
    """
    record_of = _shared_records()
    lines = []
    for page in sorted(pages, key=lambda p: p.src_uri):
        if page.report_lines is None:
            page.report_lines = [_compact(entry) for entry in _entries(page, record_of)]
        lines += page.report_lines
    calculations = _array([_compact(r) for r in calculation_records(catalog)])
    conventions = _array([_compact(r) for r in convention_records(catalog)])
    return (f'{{"calculations":{calculations},"conventions":{conventions},'
            f'"figures":{_array(lines)},"version":{REPORT_VERSION}}}\n')


def index(report: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(f["article"], f["figure"]): f for f in report.get("figures", [])}
