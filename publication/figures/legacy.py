"""What a version-1 figures report lacks, read from its revision's data files.

A pull request's base may predate version 2 of the report, which lists the calculations and
conventions; the diff then reads them from the base's own ``calculators/data`` (with the same
guarded YAML loader as the build). A revision older than calculations declared as data has none
to read: the diff then says formulas were not compared.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from calculators.yamlfile import read_entries

DATA = Path("calculators") / "data"
_NO_UNIT = ("", "1", "dimensionless")


def _unit(value: Any) -> str:
    text = str(value or "").strip()
    return "" if text in _NO_UNIT else text


def _records(path: Path, tree: Path, fields: tuple[str, ...]) -> list[dict[str, Any]]:
    entries, _ = read_entries(path, str(path.relative_to(tree)))
    records = []
    for entry in entries:
        record: dict[str, Any] = {"id": entry.key, "label": str(entry.fields.get("label", ""))}
        for name in fields:
            value = entry.fields.get(name)
            if name == "unit":
                record[name] = _unit(value)
            elif name == "value":
                if isinstance(value, bool) or not isinstance(value, int | float):
                    break  # not a convention the revision could compute with
                record[name] = float(f"{value:.12g}")
            else:
                record[name] = str(value if value is not None else "")
        else:
            records.append(record)
    return records


def data_sections(tree: Path) -> dict[str, list[dict[str, Any]]]:
    """The ``calculations`` and ``conventions`` sections of the revision exported in ``tree``,
    as version 2 of the report writes them; empty when it declares no calculation as data."""
    folder = tree / DATA / "calculations"
    if not folder.is_dir():
        return {}
    calculations = [record for path in sorted(folder.glob("*.yml"))
                    for record in _records(path, tree, ("formula", "unit"))]
    conventions_file = tree / DATA / "conventions.yml"
    conventions = (_records(conventions_file, tree, ("value", "unit"))
                   if conventions_file.is_file() else [])
    return {"calculations": sorted(calculations, key=lambda r: r["id"]),
            "conventions": sorted(conventions, key=lambda r: r["id"])}


def completed(report: dict[str, Any], tree: Path) -> dict[str, Any]:
    """``report``, with the sections a version-1 report lacks read from ``tree``."""
    if "calculations" in report:
        return report
    return {**data_sections(tree), **report}
