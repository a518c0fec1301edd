"""How a list of content errors is shown to editors: sorted, counted, in French."""

from __future__ import annotations

from collections.abc import Iterable

from macros.errors import ContentError


def report_errors(errors: Iterable[ContentError]) -> str:
    ordered = sorted(errors, key=lambda e: (e.file, e.line or 0, e.message))
    count = len(ordered)
    noun = "erreur" if count == 1 else "erreurs"
    lines = [f"Le site n’a pas été construit : {count} {noun} à corriger.", ""]
    lines += [str(error) for error in ordered]
    return "\n".join(lines)
