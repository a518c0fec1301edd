"""Compare two figures reports and print what a reviewer needs: which published figure changes,
from what to what, and which inputs caused it. Output is a Markdown table, in French."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from macros.formatting import format_number, round_significant
from publication.figures.report import index

DIGITS = 4
_COMPARED = ("value", "low", "high", "unit", "status", "source", "formula")


@dataclass(frozen=True)
class FigureChange:
    article: str
    figure: str
    before: Mapping[str, Any] | None
    after: Mapping[str, Any] | None
    inputs: tuple[str, ...]


def _number(value: float) -> str:
    return format_number(round_significant(value, DIGITS).value)


def value_text(record: Mapping[str, Any] | None) -> str:
    if record is None:
        return "—"
    text = f"{_number(record['value'])} {record['unit']}".strip()
    if record["low"] != record["value"] or record["high"] != record["value"]:
        text += f" ({_number(record['low'])} à {_number(record['high'])})"
    return text


def _input_changes(before: Mapping[str, Any] | None, after: Mapping[str, Any] | None
                   ) -> tuple[str, ...]:
    old = {i["id"]: i for i in (before or {}).get("inputs", [])}
    new = {i["id"]: i for i in (after or {}).get("inputs", [])}
    changes = []
    for key in sorted(old.keys() | new.keys()):
        if key not in new:
            changes.append(f"{key} retiré")
        elif key not in old:
            changes.append(f"{key} ajouté ({value_text(new[key])})")
        else:
            fields = {f for f in _COMPARED if old[key].get(f) != new[key].get(f)}
            if fields and fields <= {"value", "low", "high"}:
                changes.append(f"{key} : {value_text(old[key])} → {value_text(new[key])}")
            elif fields:
                changes.append(f"{key} : {', '.join(sorted(fields))} modifié")
    return tuple(changes)


def diff_reports(before: Mapping[str, Any], after: Mapping[str, Any]) -> list[FigureChange]:
    """Every figure whose value, range, unit, formula or inputs differ, sorted by article."""
    old, new = index(before), index(after)
    changes = []
    for key in sorted(old.keys() | new.keys()):
        a, b = old.get(key), new.get(key)
        same = a is not None and b is not None and all(a.get(f) == b.get(f) for f in _COMPARED) \
            and a.get("inputs") == b.get("inputs")
        if not same:
            changes.append(FigureChange(key[0], key[1], a, b, _input_changes(a, b)))
    return changes


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown_table(changes: list[FigureChange]) -> str:
    if not changes:
        return "Aucun chiffre publié ne change.\n"
    lines = [
        f"### Chiffres modifiés ({len(changes)})",
        "",
        "| Article | Chiffre | Avant | Après | Entrées modifiées |",
        "|---|---|---|---|---|",
    ]
    for change in changes:
        inputs = "<br>".join(change.inputs) or "—"
        lines.append("| " + " | ".join(_cell(cell) for cell in (
            change.article, change.figure, value_text(change.before),
            value_text(change.after))) + f" | {_cell(inputs)} |")
    return "\n".join(lines) + "\n"
