"""Load and validate the parameter and source data files.

Every problem of every file is collected, then raised together as ``DataErrors``, each naming the
file, the line and the key, in French.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pint

from .errors import CalculatorError, DataError, DataErrors
from .model import DATA_STATUSES, Parameter, Source, Status
from .units import parse_unit
from .yamlfile import Entry, read_entries

DATA_DIR = Path(__file__).parent / "data"
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")

_SOURCE_REQUIRED = ("authors", "title", "venue", "year")
_SOURCE_OPTIONAL = ("url", "doi", "published", "accessed", "note", "cite_as")
_PARAM_REQUIRED = ("label", "value", "unit", "status", "source", "locator")
_PARAM_OPTIONAL = ("low", "high", "note")
_STATUS_VALUES = {status.value: status for status in DATA_STATUSES}


def suggest(word: str, choices: Iterable[str]) -> str:
    """A French « vouliez-vous dire … ? » hint, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f"vouliez-vous dire « {close[0]} » ?" if close else ""


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _check_fields(entry: Entry, display: str, required: tuple[str, ...],
                  optional: tuple[str, ...]) -> list[DataError]:
    errors = []
    for name in required:
        if entry.fields.get(name) in (None, ""):
            errors.append(DataError(f"champ obligatoire « {name} » manquant", file=display,
                                    key=entry.key, line=entry.line))
    for name in entry.fields:
        if name not in required and name not in optional:
            errors.append(DataError(
                f"champ inconnu « {name} »", hint=suggest(name, required + optional)
                or "champs possibles : " + ", ".join(required + optional),
                file=display, key=entry.key, line=entry.field_lines[name],
            ))
    if not ID_PATTERN.match(entry.key):
        errors.append(DataError(
            "identifiant invalide", hint="minuscules, chiffres et _ seulement, sans accent",
            file=display, key=entry.key, line=entry.line,
        ))
    return errors


def _as_date(value: Any) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    raise ValueError(value)


def load_sources(path: Path, root: Path) -> tuple[dict[str, Source], list[DataError]]:
    display = _display(path, root)
    entries, errors = read_entries(path, display)
    sources: dict[str, Source] = {}
    for entry in entries:
        problems = _check_fields(entry, display, _SOURCE_REQUIRED, _SOURCE_OPTIONAL)
        f = entry.fields
        if not (f.get("url") or f.get("doi")):
            problems.append(DataError("une source doit avoir une adresse (url) ou un DOI",
                                      file=display, key=entry.key, line=entry.line))
        if "year" in f and not (isinstance(f["year"], int) and 1800 < f["year"] < 2200):
            problems.append(DataError("« year » doit être une année, par exemple 2021",
                                      file=display, key=entry.key,
                                      line=entry.field_lines["year"]))
        dates = {}
        for name in ("published", "accessed"):
            try:
                dates[name] = _as_date(f.get(name))
            except ValueError:
                problems.append(DataError(
                    f"« {name} » doit être une date AAAA-MM-JJ", file=display, key=entry.key,
                    line=entry.field_lines[name],
                ))
        authors = f.get("authors")
        if isinstance(authors, str):
            authors = [authors]
        if not isinstance(authors, list) or not all(isinstance(a, str) for a in authors):
            problems.append(DataError("« authors » doit être une liste de noms",
                                      file=display, key=entry.key, line=entry.line))
        if problems:
            errors.extend(problems)
            continue
        sources[entry.key] = Source(
            id=entry.key, authors=tuple(authors), title=str(f["title"]), venue=str(f["venue"]),
            year=f["year"], url=f.get("url"), doi=f.get("doi"), published=dates["published"],
            accessed=dates["accessed"], note=f.get("note"), cite_as=f.get("cite_as"),
        )
    return sources, errors


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value) if math.isfinite(value) else None


def validate_value(value: object) -> str | None:
    """Why ``value`` cannot be a parameter value, in French, or None when it can."""
    number = _number(value)
    if number is None:
        return "la valeur doit être un nombre (écrit avec un point : 1.6)"
    if number < 0:
        return f"la valeur est négative ({value}) : une quantité ne peut pas être négative"
    return None


def _parse_parameter(entry: Entry, display: str, sources: dict[str, Source]
                     ) -> tuple[Parameter | None, list[DataError]]:
    problems = _check_fields(entry, display, _PARAM_REQUIRED, _PARAM_OPTIONAL)
    f, lines = entry.fields, entry.field_lines

    def error(name: str, message: str, hint: str = "") -> None:
        problems.append(DataError(message, hint=hint, file=display, key=entry.key,
                                  line=lines.get(name, entry.line)))

    numbers: dict[str, float | None] = {}
    for name in ("value", "low", "high"):
        if f.get(name) is None:
            numbers[name] = None
            continue
        problem = validate_value(f[name])
        if problem:
            error(name, f"« {name} » : {problem}")
        numbers[name] = None if problem else _number(f[name])
    value, low, high = numbers["value"], numbers["low"], numbers["high"]
    if value is not None and low is not None and low > value:
        error("low", "« low » est plus grand que « value »")
    if value is not None and high is not None and high < value:
        error("high", "« high » est plus petit que « value »")

    if isinstance(f.get("unit"), str | int):
        try:
            parse_unit(str(f["unit"]))
        except (pint.errors.UndefinedUnitError, ValueError, AttributeError) as problem:
            error("unit", f"unité inconnue « {f['unit']} » ({problem})",
                  "exemples d’unités : MWh, kgCO2e/kWh, gCO2e/query, user, day, km")
    status = _STATUS_VALUES.get(str(f.get("status")))
    if f.get("status") and status is None:
        error("status", f"statut inconnu « {f['status']} »",
              suggest(str(f["status"]), _STATUS_VALUES)
              or "statuts possibles : " + ", ".join(_STATUS_VALUES))
    source = sources.get(str(f.get("source")))
    if f.get("source") and source is None:
        error("source", f"source inconnue « {f['source']} »",
              suggest(str(f["source"]), sources)
              or "ajoutez-la dans calculators/data/sources.yml")
    if problems or status is None or source is None or value is None:
        return None, problems
    return Parameter(
        id=entry.key, label=str(f["label"]), value=value, unit=str(f["unit"]), status=status,
        source=source, locator=str(f["locator"]), low=low, high=high, note=f.get("note"),
        file=display, line=entry.line,
    ), problems


def load_parameters(paths: Iterable[Path], sources: dict[str, Source], root: Path
                    ) -> tuple[dict[str, Parameter], list[DataError]]:
    parameters: dict[str, Parameter] = {}
    errors: list[DataError] = []
    for path in paths:
        display = _display(path, root)
        entries, file_errors = read_entries(path, display)
        errors.extend(file_errors)
        for entry in entries:
            if entry.key in parameters:
                first = parameters[entry.key]
                errors.append(DataError(
                    f"identifiant déjà défini dans {first.file}:{first.line}",
                    hint="renommez l’un des deux paramètres", file=display, key=entry.key,
                    line=entry.line,
                ))
                continue
            parameter, problems = _parse_parameter(entry, display, sources)
            errors.extend(problems)
            if parameter:
                parameters[entry.key] = parameter
    return parameters, errors


def read_data(data_dir: Path = DATA_DIR, root: Path | None = None
              ) -> tuple[dict[str, Source], dict[str, Parameter], list[DataError]]:
    """``sources.yml`` and every ``parameters/*.yml``: what is valid, and every problem."""
    root = root or data_dir.parent.parent
    sources, errors = load_sources(data_dir / "sources.yml", root)
    parameter_files = sorted((data_dir / "parameters").glob("*.yml"))
    parameters, parameter_errors = load_parameters(parameter_files, sources, root)
    return sources, parameters, errors + parameter_errors


def load_data(data_dir: Path = DATA_DIR, root: Path | None = None
              ) -> tuple[dict[str, Source], dict[str, Parameter]]:
    """Load ``sources.yml`` and every ``parameters/*.yml``; raise ``DataErrors`` on any problem."""
    sources, parameters, errors = read_data(data_dir, root)
    if errors:
        raise DataErrors(list[CalculatorError](errors))
    return sources, parameters


__all__ = ["DATA_DIR", "Status", "load_data", "read_data", "suggest"]
