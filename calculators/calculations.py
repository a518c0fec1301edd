"""Calculations and conventions declared as data, loaded and validated all at once.

``conventions.yml`` names the constants formulas may use (« 24 heures par jour »);
``calculations/*.yml`` declares each calculation: a French label, a formula in the language of
``calculators.formulas``, its unit, and optionally the value its source publishes and the
conditions its result must meet (``requires:``, each with the French message readers and
editors see when it fails). Every problem of every file (syntax, unknown names, units, cycles,
duplicate ids) is returned together, each at its file and line, in French.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pint

from vocabulary.french import french_spacing
from vocabulary.hints import suggest

from .errors import DataError
from .figure import Figure
from .formulas import (
    Condition,
    FormulaError,
    Node,
    check_condition,
    check_functions,
    condition_names,
    names,
    parse,
    parse_condition,
    unit_of,
)
from .loading import _check_fields, _display, _number, text_problem, validate_value
from .model import Parameter
from .units import parse_unit, parse_written_unit, registry, written
from .yamlfile import Entry, read_entries

#: At most this many calculations (a bound on what an untrusted pull request can make us check).
MAX_CALCULATIONS = 2000
#: The relative tolerance of a published value when the calculation does not give one.
DEFAULT_TOLERANCE = 0.01

#: ``unit`` is required too, but may be empty (a number without unit), so it is checked apart.
_CONVENTION_REQUIRED = ("label", "value")
_CALCULATION_REQUIRED = ("label", "formula")
_CALCULATION_OPTIONAL = ("published", "tolerance", "requires")
#: At most this many conditions a calculation, and this many characters in a message.
MAX_REQUIREMENTS = 8
MAX_MESSAGE = 300
_REQUIREMENT_FIELDS = ("that", "otherwise", "hint")
_REQUIRES_EXAMPLE = ("requires:\n    - that: part_des_75_ans <= part_des_60_ans\n"
                     "      otherwise: plus de 75 ans que de 60 ans dans la population")
_NO_UNIT = ("", "1", "dimensionless")


@dataclass(frozen=True)
class Convention:
    """A named definition (« 30 jours par mois »), the only way a formula holds a constant."""

    id: str
    label: str
    value: float
    unit: str
    file: str
    line: int

    def figure(self) -> Figure:
        return Figure.convention(self.value, self.unit, self.label)


@dataclass(frozen=True)
class Requirement:
    """A condition a calculation's result must meet, and what to say when it does not."""

    condition: Condition
    that: str
    otherwise: str
    hint: str
    line: int


@dataclass(frozen=True)
class Calculation:
    """A calculation declared in a data file, parsed and checked."""

    id: str
    label: str
    formula: str
    tree: Node
    unit: str
    file: str
    line: int
    published: str | None = None
    tolerance: float = DEFAULT_TOLERANCE
    #: The data-declared calculations the formula and its conditions read, in order, once.
    reads: tuple[str, ...] = ()
    #: Conditions on the result, checked on central values; the id names the result in them.
    requires: tuple[Requirement, ...] = ()


@dataclass
class _Draft:
    entry: Entry
    file: str
    tree: Node | None
    unit: pint.Unit | None
    requires: tuple[Requirement, ...] = ()
    reads: tuple[str, ...] = ()

    def names(self) -> list[tuple[str, int, str, str]]:
        """Each name read, with its column, its line and what reads it (« formule », …)."""
        found = [(n.name, n.column, "formula", "formule") for n in names(self.tree)] \
            if self.tree is not None else []
        for index, requirement in enumerate(self.requires):
            found += [(n.name, n.column, f"requires.{index}", "condition")
                      for n in condition_names(requirement.condition)]
        return found

    def line(self, where: str) -> int:
        """The line of ``formula`` or of the condition ``requires.N``."""
        if where.startswith("requires."):
            return self.entry.item_line("requires", int(where.split(".")[1]), "that")
        return self.entry.field_lines.get(where, self.entry.line)


def _error(message: str, entry: Entry, file: str, field: str | None = None, hint: str = ""
           ) -> DataError:
    line = entry.field_lines.get(field, entry.line) if field else entry.line
    return DataError(message, hint=hint, file=file, key=entry.key, line=line)


def _unit(entry: Entry, file: str, errors: list[DataError]) -> pint.Unit | None:
    """The unit of an entry (``unit: ""`` for a number without unit), or None after an error."""
    if "unit" not in entry.fields:
        errors.append(_error("champ obligatoire « unit » manquant", entry, file, hint=
                             "écrivez unit: \"\" pour un nombre sans unité"))
        return None
    text = entry.fields.get("unit")
    if text is None:
        text = ""
    if not isinstance(text, str | int):
        errors.append(_error("« unit » doit être un texte, par exemple MWh", entry, file, "unit"))
        return None
    try:
        return parse_written_unit(str(text))
    except (pint.errors.UndefinedUnitError, ValueError, AttributeError, TypeError) as problem:
        errors.append(_error(f"unité inconnue « {text} » ({problem})", entry, file, "unit",
                             "exemples d’unités : MWh, tCO2e, gCO2e/query, hour/day, person"))
        return None


def load_conventions(path: Path, root: Path) -> tuple[dict[str, Convention], list[DataError]]:
    """The conventions of ``conventions.yml`` (none when the file does not exist)."""
    if not path.is_file():
        return {}, []
    file = _display(path, root)
    entries, errors = read_entries(path, file)
    conventions: dict[str, Convention] = {}
    for entry in entries:
        problems = _check_fields(entry, file, _CONVENTION_REQUIRED, ("unit",))
        value = entry.fields.get("value")
        if value is not None and validate_value(value):
            problems.append(_error(f"« value » : {validate_value(value)}", entry, file, "value"))
        unit = _unit(entry, file, problems)
        if problems or unit is None:
            errors.extend(problems)
            continue
        conventions[entry.key] = Convention(
            id=entry.key, label=str(entry.fields["label"]), value=float(_number(value) or 0),
            unit=_unit_text(entry), file=file, line=entry.line,
        )
    return conventions, errors


def _read_calculations(paths: Iterable[Path], root: Path
                       ) -> tuple[list[_Draft], list[DataError]]:
    drafts: list[_Draft] = []
    errors: list[DataError] = []
    for path in paths:
        file = _display(path, root)
        entries, file_errors = read_entries(path, file)
        errors.extend(file_errors)
        for entry in entries:
            problems = _check_fields(entry, file, _CALCULATION_REQUIRED,
                                     ("unit", *_CALCULATION_OPTIONAL))
            unit = _unit(entry, file, problems)
            tree = None
            formula = entry.fields.get("formula")
            if formula not in (None, "") and not isinstance(formula, str):
                problems.append(_error("la formule doit être un texte", entry, file, "formula"))
            elif formula:
                try:
                    tree = parse(formula)
                    for problem in check_functions(tree):
                        raise problem
                except FormulaError as problem:
                    problems.append(_error(f"formule : {problem.message}", entry, file,
                                           "formula", problem.hint))
                    tree = None
            requires = _requirements(entry, file, problems)
            errors.extend(problems)
            drafts.append(_Draft(entry, file, tree, unit, requires))
    return drafts, errors


def _requirements(entry: Entry, file: str, errors: list[DataError]) -> tuple[Requirement, ...]:
    """The conditions of ``requires:``, each problem reported at its item's line."""
    items = entry.fields.get("requires")
    if items is None:
        return ()
    if not isinstance(items, list) or not items:
        errors.append(_error("« requires » est une liste de conditions", entry, file, "requires",
                             f"par exemple :\n  {_REQUIRES_EXAMPLE}"))
        return ()
    if len(items) > MAX_REQUIREMENTS:
        errors.append(_error(f"{len(items)} conditions, au plus {MAX_REQUIREMENTS}", entry, file,
                             "requires", "gardez celles qui protègent vraiment le calcul"))
        return ()
    found = []
    for index, item in enumerate(items):
        def at(item_field: str | None = None, index: int = index) -> int:
            return entry.item_line("requires", index, item_field)

        if not isinstance(item, dict):
            errors.append(DataError("une condition a deux champs, « that » et « otherwise »",
                                    hint=f"par exemple :\n  {_REQUIRES_EXAMPLE}", file=file,
                                    key=entry.key, line=at()))
            continue
        problems = [DataError(f"condition : champ inconnu « {name} »",
                              hint=suggest(str(name), _REQUIREMENT_FIELDS)
                              or "champs possibles : that, otherwise, hint",
                              file=file, key=entry.key, line=at(str(name)))
                    for name in item if name not in _REQUIREMENT_FIELDS]
        texts = {}
        for name in _REQUIREMENT_FIELDS:
            value = item.get(name)
            if value in (None, ""):
                if name != "hint":
                    problems.append(DataError(
                        f"condition : champ obligatoire « {name} » manquant", file=file,
                        key=entry.key, line=at(), hint="« that » est la condition, "
                        "« otherwise » ce que lisent la rédaction et les lecteurs quand elle "
                        "n’est pas remplie"))
                continue
            problem = text_problem(value) if name != "that" else (
                None if isinstance(value, str) else ("doit être un texte", ""))
            if problem is None and name != "that" and len(str(value)) > MAX_MESSAGE:
                problem = (f"texte trop long ({len(str(value))} caractères, au plus "
                           f"{MAX_MESSAGE})", "une phrase suffit")
            if problem is not None:
                problems.append(DataError(f"condition, « {name} » : {problem[0]}",
                                          hint=problem[1], file=file, key=entry.key,
                                          line=at(name)))
                continue
            # Readers may see the message (the calcul page's « Et si… ? »): French spacing.
            texts[name] = str(value).strip() if name == "that" \
                else french_spacing(" ".join(str(value).split()))
        condition = None
        if "that" in texts:
            try:
                condition = parse_condition(texts["that"])
                for node in (condition.left, condition.right):
                    for problem in check_functions(node) if isinstance(node, Node) else ():
                        raise problem
            except FormulaError as problem:
                problems.append(DataError(f"condition : {problem.message}", hint=problem.hint,
                                          file=file, key=entry.key, line=at("that")))
                condition = None
        errors.extend(problems)
        if condition is not None and not problems:
            found.append(Requirement(condition, texts["that"], texts["otherwise"],
                                     texts.get("hint", ""), at("that")))
    return tuple(found)


def load_calculations(
    data_dir: Path, root: Path, parameters: Mapping[str, Parameter], declared: Iterable[str] = (),
) -> tuple[dict[str, Convention], dict[str, Calculation], list[DataError]]:
    """The conventions and calculations of ``data_dir``, and every problem found.

    ``declared`` the ids of parameters that exist but failed to load, so that formulas reading
    them are not also reported as reading unknown names.
    """
    conventions, errors = load_conventions(data_dir / "conventions.yml", root)
    paths = sorted((data_dir / "calculations").glob("*.yml"))
    drafts, draft_errors = _read_calculations(paths, root)
    errors += draft_errors
    if len(drafts) > MAX_CALCULATIONS:
        return conventions, {}, [*errors, DataError(
            f"trop de calculs ({len(drafts)}, au plus {MAX_CALCULATIONS})",
            file=_display(data_dir / "calculations", root))]

    owners: dict[str, str] = {key: f"{p.file}:{p.line}" for key, p in parameters.items()}
    for key, convention in conventions.items():
        if key in owners:
            errors.append(DataError(f"identifiant déjà défini dans {owners[key]}",
                                    hint="renommez la convention", file=convention.file,
                                    key=key, line=convention.line))
        else:
            owners[key] = f"{convention.file}:{convention.line}"
    unique: dict[str, _Draft] = {}
    for draft in drafts:
        key = draft.entry.key
        if key in owners:
            errors.append(_error(f"identifiant déjà défini dans {owners[key]}", draft.entry,
                                 draft.file, hint="renommez le calcul"))
            continue
        owners[key] = f"{draft.file}:{draft.entry.line}"
        unique[key] = draft

    known = set(owners) | set(declared)
    for key, draft in unique.items():
        # A condition names its own calculation for the result: not a cycle; a formula does.
        draft.reads = tuple(dict.fromkeys(
            name for name, _, where, _ in draft.names() if name in unique
            and (name != key or where == "formula")))
    errors += _check_names(unique, known)
    errors += _check_cycles(unique)
    units = _units(parameters, conventions, unique)
    for draft in unique.values():
        errors += _check_units(draft, units, parameters)
    if errors:
        return conventions, {}, errors
    calculations = {key: _calculation(draft) for key, draft in unique.items()
                    if draft.tree is not None}
    return conventions, calculations, errors


def _check_names(drafts: Mapping[str, _Draft], known: set[str]) -> list[DataError]:
    errors = []
    for draft in drafts.values():
        published = draft.entry.fields.get("published")
        if published is not None and str(published) not in known:
            errors.append(_error(f"valeur publiée inconnue « {published} »", draft.entry,
                                 draft.file, "published",
                                 suggest(str(published), known)
                                 or "indiquez l’identifiant d’un paramètre"))
        reported: set[str] = set()
        for name, column, where, what in draft.names():
            if name in known or (name, where) in reported:
                continue
            reported.add((name, where))
            errors.append(DataError(
                f"{what} : nom inconnu « {name} », colonne {column}",
                hint=suggest(name, known) or "déclarez-le dans parameters/, calculations/ ou "
                "conventions.yml", file=draft.file, key=draft.entry.key,
                line=draft.line(where)))
    return errors


def _check_cycles(drafts: Mapping[str, _Draft]) -> list[DataError]:
    """Each cycle of calculations reading one another, reported once at its first member."""
    errors = []
    state: dict[str, int] = {}  # 1: being visited, 2: done
    for start in drafts:
        if state.get(start):
            continue
        stack: list[tuple[str, Iterable[str]]] = [(start, iter(drafts[start].reads))]
        path = [start]
        state[start] = 1
        while stack:
            key, pending = stack[-1]
            following = next(iter(pending), None)
            if following is None:
                state[key] = 2
                stack.pop()
                path.pop()
                continue
            if state.get(following) == 1:
                cycle = [*path[path.index(following):], following]
                first = drafts[following]
                errors.append(_error(
                    "calcul circulaire : " + " → ".join(cycle), first.entry, first.file,
                    "formula", "un calcul ne peut pas dépendre de lui-même",
                ))
            elif not state.get(following):
                state[following] = 1
                path.append(following)
                stack.append((following, iter(drafts[following].reads)))
    return errors


def _units(parameters: Mapping[str, Parameter], conventions: Mapping[str, Convention],
           drafts: Mapping[str, _Draft]) -> dict[str, pint.Unit | None]:
    units: dict[str, pint.Unit | None] = {}
    for key, text in [*((k, p.unit) for k, p in parameters.items()),
                      *((k, c.unit) for k, c in conventions.items())]:
        try:
            units[key] = parse_unit(text)
        except (pint.errors.UndefinedUnitError, ValueError, AttributeError):
            units[key] = None
    units.update((key, draft.unit) for key, draft in drafts.items())
    return units


def _check_units(draft: _Draft, units: Mapping[str, pint.Unit | None],
                 parameters: Mapping[str, Parameter]) -> list[DataError]:
    entry, file = draft.entry, draft.file
    errors = []
    for requirement in draft.requires:
        try:
            check_condition(requirement.condition, units.get)
        except FormulaError as problem:
            errors.append(DataError(f"condition : {problem.message}", hint=problem.hint,
                                    file=file, key=entry.key, line=requirement.line))
    if draft.tree is None:
        return errors
    try:
        result = unit_of(draft.tree, units.get)
    except FormulaError as problem:
        return [*errors, _error(f"formule : {problem.message}", entry, file, "formula",
                                problem.hint)]
    declared = draft.unit
    if result is not None and declared is not None \
            and result.dimensionality != declared.dimensionality:
        errors.append(_error(
            f"la formule donne des « {_shown(result)} », pas des « {_shown(declared)} » "
            "(unité déclarée)", entry, file, "unit",
            "corrigez l’unité déclarée, ou la formule (une multiplication ou une division "
            "manque-t-elle ?)",
        ))
    published = entry.fields.get("published")
    if published is not None:
        unit = units.get(str(published))
        if str(published) in units and str(published) not in parameters:
            errors.append(_error(f"la valeur publiée « {published} » doit être un paramètre",
                                 entry, file, "published"))
        elif unit is not None and declared is not None \
                and unit.dimensionality != declared.dimensionality:
            errors.append(_error(
                f"la valeur publiée « {published} » est en « {_shown(unit)} », pas en "
                f"« {_shown(declared)} »", entry, file, "published",
                "comparez des grandeurs de même nature"))
    tolerance = entry.fields.get("tolerance")
    if tolerance is not None:
        number = _number(tolerance)
        if number is None or not 0 < number < 1:
            errors.append(_error("« tolerance » doit être une fraction entre 0 et 1 (0.01 pour "
                                 "1 %)", entry, file, "tolerance"))
        elif published is None:
            errors.append(_error("« tolerance » sans « published » : à quoi comparer ?", entry,
                                 file, "tolerance", "ajoutez la valeur publiée (published)"))
    return errors


def _unit_text(entry: Entry) -> str:
    text = str(entry.fields.get("unit") or "").strip()
    return "" if text in _NO_UNIT else text


def _shown(unit: pint.Unit) -> str:
    """A unit for a message, simplified (« gCO2e·km/kgCO2e » is « km »)."""
    unit = registry.Quantity(1, unit).to_reduced_units().units
    return written(unit) if unit.dimensionality or str(unit) != "dimensionless" else "sans unité"


def _calculation(draft: _Draft) -> Calculation:
    fields = draft.entry.fields
    published = fields.get("published")
    tolerance = _number(fields.get("tolerance"))
    assert draft.tree is not None
    return Calculation(
        id=draft.entry.key, label=str(fields["label"]), formula=str(fields["formula"]),
        tree=draft.tree, unit=_unit_text(draft.entry), file=draft.file, line=draft.entry.line,
        published=str(published) if published is not None else None,
        tolerance=DEFAULT_TOLERANCE if tolerance is None else tolerance, reads=draft.reads,
        requires=draft.requires,
    )


__all__ = ["DEFAULT_TOLERANCE", "MAX_CALCULATIONS", "MAX_REQUIREMENTS", "Calculation",
           "Convention", "Requirement", "load_calculations", "load_conventions"]
