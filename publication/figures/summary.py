"""The diff of two figures reports as the newsroom's reviewers read it: Markdown, in French.

Each figure, input and calculation is shown by its French label, with its id in small code
after it; values are formatted the French way, in the units readers see; a value resting on a
hypothesis (in that revision) and a changed input that is one are marked « (hypothèse) ». Every
text a pull request controls goes through ``publication.figures.markdown``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from calculators import Status
from macros.formatting import format_number, round_significant, with_unit
from publication.figures import markdown as md
from publication.figures.diff import Change, FigureChange, ReportDiff, rests_on_hypotheses
from publication.figures.units import display_of
from vocabulary.french import NARROW_NBSP, french_spacing, quoted

DIGITS = 4
TITLE = "## Chiffres publiés et formules"
NO_CHANGE = f"{TITLE}\n\nAucun chiffre publié ne change.\n"
HYPOTHESIS_MARK = "(hypothèse)"
_NONE = "—"


def _number(value: float) -> str:
    return format_number(round_significant(value, DIGITS).value)


def _quantity(value: float, unit: str) -> str:
    """A value in the unit readers see; a unit written in words agrees in number with it
    (« 1 requête par jour », « 20 requêtes par jour »)."""
    shown = display_of(unit)
    if shown is None:
        return f"{_number(value)}{NARROW_NBSP}{unit}".strip()
    rounded = round_significant(float(value) * shown.scale, DIGITS).value
    return with_unit(format_number(rounded), shown, long=shown.word, plural=abs(rounded) >= 2)


def value_text(record: Mapping[str, Any] | None) -> str:
    """« 25 440 t CO₂e », « 10 requêtes par utilisateur et par jour (entre 5 et 20) »."""
    if record is None:
        return _NONE
    unit = str(record.get("unit") or "")
    text = _quantity(record["value"], unit)
    low, high = record.get("low", record["value"]), record.get("high", record["value"])
    if low != record["value"] or high != record["value"]:
        text += f" (entre {_number(low)} et {_number(high)})"
    return text


def status_text(status: Any) -> str:
    """A status as editors know it in French (« source primaire », « hypothèse »)."""
    try:
        return Status(status).label_fr
    except ValueError:
        return str(status)


def named(key: str, label: str | None) -> str:
    """« émissions mensuelles de l’inférence (`chatgpt_monthly_inference_emissions`) »; a
    convention, whose id is its label, once; without a label, the id alone."""
    if not label:
        return md.code(key)
    text = french_spacing(md.text(label))
    return text if label == key else f"{text} ({md.code(key)})"


def _marked(text: str, record: Mapping[str, Any] | None) -> str:
    """``text``, followed by « (hypothèse) » when ``record`` rests on a hypothesis."""
    return f"{text} {HYPOTHESIS_MARK}" if rests_on_hypotheses(record) else text


def _field_change(change: Change, field: str) -> str | None:
    before, after = change.before or {}, change.after or {}
    if field == "status":
        return f"statut : {status_text(before.get(field))} → {status_text(after.get(field))}"
    if field == "source":
        old, new = before.get(field), after.get(field)
        return (f"source : {md.code(str(old)) if old else 'aucune'} → "
                f"{md.code(str(new)) if new else 'aucune'}")
    if field == "label":
        return (f"libellé : {quoted(md.text(str(before.get('label'))))} → "
                f"{quoted(md.text(str(after.get('label'))))}")
    if field == "formula":
        return "formule modifiée"
    return None


def change_text(change: Change) -> str:
    """What changed in one record: « ajouté », « retiré », « 10 → 20 requêtes… », « statut :
    hypothèse → source primaire »…"""
    if change.before is None:
        return f"ajouté ({md.text(value_text(change.after))})"
    if change.after is None:
        return f"retiré (valait {md.text(value_text(change.before))})"
    parts = []
    if set(change.fields) & {"value", "low", "high", "unit"}:
        parts.append(f"{md.text(value_text(change.before))} → "
                     f"{md.text(value_text(change.after))}")
    parts += [text for field in change.fields if (text := _field_change(change, field))]
    return " ; ".join(parts)


def _input_line(change: Change) -> str:
    name = named(change.id, change.label)
    return french_spacing(f"{_marked(name, change.current)} : {change_text(change)}")


#: What a figure's own line says changed; its value is in its columns, and a parameter's status
#: and source in the line of the input it is to itself.
_OWN_FIELDS = ("label", "formula")


def _figure_row(change: FigureChange, formulas: set[str]) -> str:
    """One changed figure; ``formulas``: the ids of the calculations listed as changed."""
    own = []
    for field in _OWN_FIELDS:
        if field in change.fields and (text := _field_change(change, field)):
            seen = field == "formula" and change.id in formulas
            own.append(french_spacing(text + (" (voir « Formules »)" if seen else "")))
    if change.before is None or change.after is None:  # its inputs would all be listed
        causes = ["chiffre ajouté" if change.before is None else "chiffre retiré"]
    else:
        causes = own + [_input_line(i) for i in change.inputs]
    return md.row([
        md.code(change.article), named(change.id, change.label),
        _marked(md.text(value_text(change.before)), change.before),
        _marked(md.text(value_text(change.after)), change.after),
        "<br>".join(causes) or _NONE])


def _unit_words(unit: str) -> str:
    if not unit:
        return "sans unité"
    shown = display_of(unit)
    text = shown.short if shown is not None and shown.short else unit
    return f"en {text}"


def _formula(record: Mapping[str, Any] | None) -> str:
    if record is None:
        return _NONE
    unit = _unit_words(str(record.get("unit") or ""))
    return f"{md.code(str(record.get('formula', '')))} ({md.text(unit)})"


def _definition_what(change: Change) -> str:
    """« ajoutée », « retirée », or what changed (formulas and conventions are feminine)."""
    if change.before is None:
        return "ajoutée"
    if change.after is None:
        return "retirée"
    names = {"formula": "formule", "unit": "unité", "value": "valeur"}
    parts = [names[f] for f in change.fields if f in names]
    if "label" in change.fields:
        parts.append(_field_change(change, "label") or "")
    return french_spacing(", ".join(parts))


def _calculation_row(change: Change) -> str:
    return md.row([named(change.id, change.label), _definition_what(change),
                   _formula(change.before), _formula(change.after)])


def _convention_row(change: Change) -> str:
    return md.row([named(change.id, change.label), _definition_what(change),
                   md.text(value_text(change.before)), md.text(value_text(change.after))])


def _counted(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def summary_line(diff: ReportDiff) -> str:
    """« 3 chiffres publiés changent, 1 formule modifiée. »"""
    n = len(diff.figures)
    parts = [_counted(n, "chiffre publié change", "chiffres publiés changent") if n
             else "aucun chiffre publié ne change"]
    for changes, noun in ((diff.calculations, "formule"), (diff.conventions, "convention")):
        for kind, test in (("ajoutée", lambda c: c.before is None),
                           ("modifiée", lambda c: c.before is not None and c.after is not None),
                           ("retirée", lambda c: c.after is None)):
            count = sum(1 for c in changes or () if test(c))
            if count:
                parts.append(_counted(count, f"{noun} {kind}", f"{noun}s {kind}s"))
    text = ", ".join(parts) + "."
    return text[0].upper() + text[1:]


def _table(title: str, header: tuple[str, ...], rows: list[str]) -> list[str]:
    return [f"### {title} ({len(rows)})", "", md.row(list(header)),
            "|" + "---|" * len(header), *rows, ""]


def markdown(diff: ReportDiff) -> str:
    """The reviewers' view: a one-line summary, then a table of changed figures, of changed
    formulas and of changed conventions (each only when something changed)."""
    if diff.empty and diff.calculations is not None:
        return NO_CHANGE
    lines = [TITLE, "", summary_line(diff), ""]
    if diff.figures:
        lines += _table("Chiffres publiés modifiés",
                        ("Article", "Chiffre", "Avant", "Après", "Ce qui change"),
                        [_figure_row(c, {f.id for f in diff.calculations or ()})
                         for c in diff.figures])
    if diff.calculations:
        lines += _table("Formules", ("Calcul", "Modification", "Avant", "Après"),
                        [_calculation_row(c) for c in diff.calculations])
    if diff.conventions:
        lines += _table("Conventions", ("Convention", "Modification", "Avant", "Après"),
                        [_convention_row(c) for c in diff.conventions])
    if diff.calculations is None:
        lines += [french_spacing("Formules non comparées : une des deux révisions ne les "
                                 "décrit pas."), ""]
    return "\n".join(lines)
