"""Compare two figures reports: which published figures change, which inputs caused it, and which
calculations and conventions were added, removed or changed.

Either report may be of version 1 (before labels, calculations and conventions were reported: a
pull request's base may predate them). Labels then come from the other report, and definitions
missing from a report are not compared (``ReportDiff.calculations`` is ``None``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from publication.figures.report import index

Record = Mapping[str, Any]
#: The fields whose change changes a published figure (or one of its inputs).
COMPARED = ("value", "low", "high", "unit", "status", "source", "formula")
#: The fields whose change is a changed calculation or convention.
DEFINITION_FIELDS = {"calculations": ("formula", "unit", "label"),
                     "conventions": ("value", "unit", "label")}
HYPOTHESIS = "hypothesis"


@dataclass(frozen=True)
class Change:
    """One record in both reports, or in one only (``before`` or ``after`` is then ``None``)."""

    id: str
    before: Record | None
    after: Record | None
    #: The compared fields that differ (empty when the record was added or removed).
    fields: tuple[str, ...]

    @property
    def current(self) -> Record:
        """The record as it stands after the change, or as it was when it was removed."""
        return self.after if self.after is not None else self.before or {}

    @property
    def label(self) -> str | None:
        label = self.current.get("label") or (self.before or {}).get("label")
        return str(label) if label else None


@dataclass(frozen=True)
class FigureChange(Change):
    article: str = ""
    inputs: tuple[Change, ...] = ()


@dataclass(frozen=True)
class ReportDiff:
    figures: tuple[FigureChange, ...]
    #: ``None`` when a report does not list them (a version-1 report).
    calculations: tuple[Change, ...] | None
    conventions: tuple[Change, ...] | None

    @property
    def empty(self) -> bool:
        return not (self.figures or self.calculations or self.conventions)


def rests_on_hypotheses(record: Record | None) -> bool:
    """Whether a figure, or one of its inputs, is a hypothesis."""
    if record is None:
        return False
    return record.get("status") == HYPOTHESIS or any(
        i.get("status") == HYPOTHESIS for i in record.get("inputs", []))


def _differing(before: Record, after: Record, fields: Iterable[str]) -> tuple[str, ...]:
    """The fields that differ; a label only counts when both records have one (version 1 had
    none)."""
    return tuple(f for f in fields if before.get(f) != after.get(f)
                 and (f != "label" or (f in before and f in after)))


def _changes(old: Mapping[str, Record], new: Mapping[str, Record], fields: tuple[str, ...]
             ) -> list[Change]:
    changes = []
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        differing = _differing(a, b, fields) if a is not None and b is not None else ()
        if a is None or b is None or differing:
            changes.append(Change(key, a, b, differing))
    return changes


def _by_id(records: Iterable[Record]) -> dict[str, Record]:
    return {str(r["id"]): r for r in records}


def _labelled(record: Record | None, labels: Mapping[str, str], key: str) -> Record | None:
    """``record`` with the label the other report gives ``key``, when it has none itself."""
    if record is None or "label" in record or key not in labels:
        return record
    return {**record, "label": labels[key]}


def _labels(*reports: Mapping[str, Any]) -> dict[str, str]:
    """Every label either report gives a figure, an input or a calculation, the last report's
    first."""
    labels: dict[str, str] = {}
    for report in reversed(reports):
        for figure in report.get("figures", []):
            for record, key in ((figure, figure["figure"]),
                                *((i, i["id"]) for i in figure.get("inputs", []))):
                if record.get("label"):
                    labels.setdefault(str(key), str(record["label"]))
        for calculation in report.get("calculations", []):
            labels.setdefault(str(calculation["id"]), str(calculation["label"]))
    return labels


def _figure_change(article: str, key: str, a: Record | None, b: Record | None,
                   labels: Mapping[str, str]) -> FigureChange | None:
    fields = (*COMPARED, "label")
    differing = _differing(a, b, fields) if a is not None and b is not None else ()
    inputs = [Change(c.id, _labelled(c.before, labels, c.id), _labelled(c.after, labels, c.id),
                     c.fields)
              for c in _changes(_by_id((a or {}).get("inputs", [])),
                                _by_id((b or {}).get("inputs", [])), fields)]
    if a is not None and b is not None and not differing and not inputs:
        return None
    return FigureChange(key, _labelled(a, labels, key), _labelled(b, labels, key), differing,
                        article=article, inputs=tuple(inputs))


def _definitions(before: Mapping[str, Any], after: Mapping[str, Any], section: str
                 ) -> tuple[Change, ...] | None:
    if section not in before or section not in after:
        return None
    return tuple(_changes(_by_id(before[section]), _by_id(after[section]),
                          DEFINITION_FIELDS[section]))


def diff_reports(before: Mapping[str, Any], after: Mapping[str, Any]) -> ReportDiff:
    """Every figure whose value, range, unit, status, source, formula, label or inputs differ
    (sorted by article, then id), and every calculation and convention that differs."""
    old, new = index(before), index(after)
    labels = _labels(before, after)
    figures = []
    for article, key in sorted(old.keys() | new.keys()):
        change = _figure_change(article, key, old.get((article, key)), new.get((article, key)),
                                labels)
        if change is not None:
            figures.append(change)
    return ReportDiff(tuple(figures), _definitions(before, after, "calculations"),
                      _definitions(before, after, "conventions"))
