"""Load and validate the parameter and source data files.

Every problem of every file is collected, then raised together as ``ContentErrors``, each naming
the file, the line and the key, in French.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pint

from vocabulary.errors import ContentErrors
from vocabulary.hints import ADD_SOURCE, suggest

from .errors import DataError
from .model import DATA_STATUSES, Parameter, Source, Status
from .units import parse_unit, parse_written_unit, registry
from .yamlfile import Entry, read_entries

DATA_DIR = Path(__file__).parent / "data"
ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")

_SOURCE_REQUIRED = ("authors", "title", "venue", "year")
_SOURCE_OPTIONAL = ("url", "doi", "published", "accessed", "note", "cite_as", "kind", "version")
_PARAM_REQUIRED = ("label", "value", "unit", "status", "source", "locator")
_PARAM_OPTIONAL = ("low", "high", "note", "quote", "no_quote", "year")
#: The newsroom's own hypothesis has no source to read it in: its reasoning is its note.
_NEWSROOM_REQUIRED = ("label", "value", "unit", "status", "note")
_NEWSROOM_OPTIONAL = ("low", "high", "source", "locator", "quote", "no_quote", "year")
_STATUS_VALUES = {status.value: status for status in DATA_STATUSES}
#: Words by which a locator or a note says the value was read in someone else's account of the
#: source (a write-up, a press article or dispatch, a re-publication), so not ``primary``.
#: Matched as whole words, whatever the case and the apostrophe. Left out on purpose, as they
#: also name part of the source itself: « résumé » and « synthèse » (a paper's abstract, a
#: report's executive summary: five primary parameters are read in an abstract), « blog »
#: (Epoch's and Sam Altman's posts are the sources), « article de » (« l’article de
#: Patterson et al. » is the paper).
RELAY_WORDS = (
    "repris", "reprise", "reprises", "cité par", "citée par", "cités par", "citées par",
    "d’après", "dépêche", "présentation du", "présentation de", "article de presse", "via",
    "reported by", "according to", "as cited in",
)
RELAY_PATTERN = re.compile(
    r"(?<!\w)(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in RELAY_WORDS)
    + r")(?!\w)", re.IGNORECASE)
RELAY_HINT = ("ce paramètre a été lu dans une reprise : son statut est « secondary » "
              "(s’il a été lu dans la source elle-même, dites où sans ce mot)")

#: Kinds of source whose content changes from one version to the next, so that a figure read
#: there is only reproducible with the version read (``version``).
VERSIONED_KINDS = ("dataset", "repository")
#: Hosts of code forges and data portals, with a part of their path: a source there is a
#: repository or a dataset even when its entry forgets to say so.
_VERSIONED_URLS = (
    (re.compile(r"^(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)$"), "",
     "repository"),
    (re.compile(r"^(?:ec\.europa\.eu)$"), "/eurostat", "dataset"),
    (re.compile(r"^(?:www\.)?data\.gouv\.fr$"), "/datasets", "dataset"),
    (re.compile(r"^(?:www\.)?zenodo\.org$"), "", "dataset"),
)
VERSION_HINT = ("ajoutez « version: » avec ce que vous avez lu : le commit ou la version "
                "(« commit 8076a48 du 2025-07-01 »), ou la date de mise à jour des données "
                "(« mise à jour du 2025-03-12 »)")
#: Longest source sentence a parameter may quote.
MAX_QUOTE = 600
QUOTE_HINT = ("ajoutez « quote: » avec la phrase de la source, mot pour mot, qui donne ce "
              "chiffre (la phrase de la reprise si le statut est « secondary ») : elle montre "
              "sur quelle population porte la part ; si vous ne pouvez plus la relire, dites "
              "pourquoi dans « no_quote: », que les lecteurs verront")

#: Fields printed on the site as plain text: no markup, no control character.
_SOURCE_TEXTS = ("title", "venue", "note", "cite_as", "version")
_PARAM_TEXTS = ("label", "locator", "note", "quote", "no_quote")
#: Markup, control characters (line breaks and tabs aside) and bidirectional overrides, which
#: can make a text read differently from what it says.
#: Markup, controls, bidirectional overrides and invisible format characters (zero-width
#: spaces and joiners, soft hyphen, byte-order mark): a data text is shown as typed.
_NOT_PLAIN = re.compile(r"[<>\x00-\x08\x0b-\x1f\x7f-\x9f\xad\u200b-\u200f\u202a-\u202e"
                        r"\u2060-\u2064\u2066-\u2069\ufeff]")
_URL_START = re.compile(r"https?://")
#: What a URL may not hold unencoded: spaces, controls, quotes, angle brackets and the like.
_URL_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f-\x9f\"<>\\^`{|}]")
_DOI = re.compile(r"10\.\d{4,9}/[^\s\x00-\x1f\x7f-\x9f\"<>]+")


def _display(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root))
    except ValueError:
        return str(path)


def _check_fields(entry: Entry, display: str, required: tuple[str, ...],
                  optional: tuple[str, ...]) -> list[DataError]:
    errors = []
    for name in required:
        if entry.fields.get(name) in (None, "") and name not in entry.unreadable:
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


def text_problem(value: Any) -> tuple[str, str] | None:
    """Why ``value`` cannot be printed as plain text, with a hint, or None when it can."""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return "doit être un texte", "écrivez le texte à la suite du nom du champ, sur une ligne"
    found = _NOT_PLAIN.search(str(value))
    if found is None:
        return None
    if found.group() in "<>":
        return (f"contient « {found.group()} » : pas de balise HTML dans les données",
                "le site affiche ce texte tel quel ; écrivez « inférieur à » ou « moins de » "
                "plutôt que « < », et retirez toute balise")
    return (f"contient un caractère de contrôle invisible (U+{ord(found.group()):04X})",
            "retapez le texte sans le copier-coller depuis un traitement de texte")


def url_problem(url: Any) -> str | None:
    """Why ``url`` is not a web address a reader may follow, or None when it is one."""
    if not isinstance(url, str) or not _URL_START.match(url):
        return "l’adresse doit commencer par « https:// » ou « http:// »"
    forbidden = _URL_FORBIDDEN.search(url)
    if forbidden:
        shown = "une espace" if forbidden.group() == " " else (
            f"« {forbidden.group()} »" if forbidden.group().isprintable()
            else f"un caractère invisible (U+{ord(forbidden.group()):04X})")
        return f"l’adresse contient {shown} : copiez-la depuis la barre d’adresse du navigateur"
    parts = urlsplit(url)
    if "@" in parts.netloc:
        return ("l’adresse contient « @ » avant le nom du site, ce qui la rend trompeuse : "
                "le site est ce qui suit « @ »")
    if not parts.hostname:
        return "l’adresse n’a pas de nom de site après « https:// »"
    return None


def doi_problem(doi: Any) -> str | None:
    """Why ``doi`` is not a DOI, or None when it is one."""
    if isinstance(doi, str) and _DOI.fullmatch(doi):
        return None
    return ("le DOI doit avoir la forme 10.1234/identifiant, sans espace ni « https://doi.org/ » "
            "devant")


def inferred_kind(url: Any) -> str | None:
    """``repository`` or ``dataset`` when ``url`` is on a code forge or a data portal."""
    if not isinstance(url, str):
        return None
    parts = urlsplit(url)
    for host, path, kind in _VERSIONED_URLS:
        if host.match(parts.hostname or "") and path in parts.path:
            return kind
    return None


def _version_errors(entry: Entry, display: str) -> list[DataError]:
    """A dataset or a repository that does not say which version of its data was read."""
    f = entry.fields
    kind = f.get("kind")
    if kind is not None and kind not in VERSIONED_KINDS:
        return [DataError(f"« kind » inconnu « {kind} »",
                          hint=suggest(str(kind), VERSIONED_KINDS)
                          or "« kind » vaut « dataset » (jeu de données) ou « repository » "
                             "(dépôt de code) ; retirez-le pour un autre document",
                          file=display, key=entry.key, line=entry.field_lines["kind"])]
    if f.get("version") not in (None, ""):
        return []
    inferred = inferred_kind(f.get("url"))
    if kind is None and inferred is None:
        return []
    what = {"dataset": "un jeu de données", "repository": "un dépôt"}[kind or inferred]
    why = "" if kind else " (d’après son adresse)"
    return [DataError(f"cette source est {what}{why}, mais ne dit pas quelle version a été lue",
                      hint=VERSION_HINT, file=display, key=entry.key, line=entry.line)]


def is_share(value: float, unit: str) -> bool:
    """Whether a parameter is a share or a rate: a pure number (no unit, or a percentage)
    between 0 and 1 (0 % and 100 %). Hours a day are no share, though Pint finds them pure."""
    try:
        parsed = parse_unit(unit)
    except (pint.errors.UndefinedUnitError, ValueError, AttributeError):
        return False
    if parsed not in (registry.dimensionless, registry.percent):
        return False
    return 0 <= (value * parsed).to("dimensionless").magnitude <= 1


def _quote_errors(entry: Entry, display: str, status: Status | None, value: float | None
                  ) -> list[DataError]:
    """A sourced share without the sentence that gives it (or the reason, shown to readers,
    why it could not be quoted); an overlong quote; a quote and a reason at once."""
    f = entry.fields

    def error(name: str, message: str, hint: str) -> list[DataError]:
        return [DataError(message, hint=hint, file=display, key=entry.key,
                          line=entry.field_lines.get(name, entry.line))]

    quote, reason = f.get("quote"), f.get("no_quote")
    if quote not in (None, "") and reason not in (None, ""):
        return error("no_quote", "« quote » et « no_quote » à la fois",
                     "gardez la phrase lue (« quote ») et retirez « no_quote »")
    if isinstance(quote, str) and len(quote) > MAX_QUOTE:
        return error("quote", f"« quote » trop longue ({len(quote)} caractères, au plus "
                     f"{MAX_QUOTE})", "citez la seule phrase qui donne le chiffre")
    if quote not in (None, "") or reason not in (None, "") \
            or status not in (Status.PRIMARY, Status.SECONDARY) or value is None \
            or not isinstance(f.get("unit"), str) or not is_share(value, f["unit"]):
        return []
    return error("", "part ou taux sans la phrase de la source qui le donne", QUOTE_HINT)


def _text_errors(entry: Entry, display: str, names: tuple[str, ...]) -> list[DataError]:
    """The plain-text fields of ``entry`` that hold markup, control characters or no text."""
    errors = []
    for name in names:
        value = entry.fields.get(name)
        values = value if name == "authors" and isinstance(value, list) else [value]
        for item in values:
            # Authors that are not names are the « authors » check's: reported once.
            problem = None if item is None or (name == "authors" and not isinstance(item, str)) \
                else text_problem(item)
            if problem:
                errors.append(DataError(f"« {name} » {problem[0]}", hint=problem[1],
                                        file=display, key=entry.key,
                                        line=entry.field_lines.get(name, entry.line)))
                break
    return errors


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
        for name, check in (("url", url_problem), ("doi", doi_problem)):
            problem = check(f[name]) if f.get(name) is not None else None
            if problem:
                problems.append(DataError(f"« {name} » : {problem}", file=display,
                                          key=entry.key, line=entry.field_lines[name]))
        problems.extend(_text_errors(entry, display, ("authors", *_SOURCE_TEXTS)))
        # A missing version is reported, but the source stays usable: its parameters are
        # still checked, and not each refused as citing an invalid source.
        errors.extend(_version_errors(entry, display))
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
            kind=f.get("kind") or inferred_kind(f.get("url")),
            version=str(f["version"]) if f.get("version") not in (None, "") else None,
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


def _relay_word(fields: dict[str, Any]) -> tuple[str, str] | None:
    """The field (locator, then note) that says where the value was read was a relay, and the
    words that say so."""
    for name in ("locator", "note"):
        text = fields.get(name)
        if isinstance(text, str):
            match = RELAY_PATTERN.search(text.replace("'", "’"))
            if match:
                return name, " ".join(match.group().split())
    return None


def _parse_parameter(entry: Entry, display: str, sources: dict[str, Source],
                     invalid_sources: frozenset[str] = frozenset()
                     ) -> tuple[Parameter | None, list[DataError]]:
    newsroom = entry.fields.get("status") == Status.HYPOTHESIS.value \
        and entry.fields.get("source") in (None, "")
    required, optional = ((_NEWSROOM_REQUIRED, _NEWSROOM_OPTIONAL) if newsroom
                          else (_PARAM_REQUIRED, _PARAM_OPTIONAL))
    problems = _check_fields(entry, display, required, optional)
    problems.extend(_text_errors(entry, display, _PARAM_TEXTS))
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
            parse_written_unit(str(f["unit"]))
        except (pint.errors.UndefinedUnitError, ValueError, AttributeError) as problem:
            error("unit", f"unité inconnue « {f['unit']} » ({problem})",
                  "exemples d’unités : MWh, kgCO2e/kWh, gCO2e/query, user, day, km")
    status = _STATUS_VALUES.get(str(f.get("status")))
    if f.get("status") and status is None:
        error("status", f"statut inconnu « {f['status']} »",
              suggest(str(f["status"]), _STATUS_VALUES)
              or "statuts possibles : " + ", ".join(_STATUS_VALUES))
    if status is Status.PRIMARY:
        relay = _relay_word(f)
        if relay is not None:
            error("status", f"statut « primary », mais « {relay[0]} » dit « {relay[1]} » : "
                  "la valeur a été lue dans une reprise", RELAY_HINT)
    source = sources.get(str(f.get("source")))
    if f.get("source") and source is None and str(f["source"]) in invalid_sources:
        error("source", f"source invalide « {f['source']} »",
              "corrigez d’abord son erreur dans calculators/data/sources.yml")
    elif f.get("source") and source is None:
        error("source", f"source inconnue « {f['source']} »",
              suggest(str(f["source"]), sources) or ADD_SOURCE)
    year = f.get("year")
    if year is not None and (isinstance(year, bool) or not isinstance(year, int)
                             or not 1800 <= year <= 2200):
        error("year", f"« year » invalide : {year!r}",
              "l’année que la valeur décrit, en chiffres, par exemple year: 2023")
    if problems or status is None or (source is None and not newsroom) or value is None:
        return None, problems + _quote_errors(entry, display, status, value)
    # A share without its quote is reported, but the parameter stays usable: the figures that
    # use it are still computed and checked, and not each refused as citing it.
    problems.extend(_quote_errors(entry, display, status, value))
    return Parameter(
        id=entry.key, label=str(f["label"]), value=value, unit=str(f["unit"]), status=status,
        source=source, locator=str(f["locator"]) if f.get("locator") else None, low=low,
        high=high, note=f.get("note"),
        quote=str(f["quote"]) if f.get("quote") not in (None, "") else None,
        no_quote=str(f["no_quote"]) if f.get("no_quote") not in (None, "") else None,
        file=display, line=entry.line, year=year,
    ), problems


def load_parameters(paths: Iterable[Path], sources: dict[str, Source], root: Path,
                    invalid_sources: frozenset[str] = frozenset()
                    ) -> tuple[dict[str, Parameter], list[DataError]]:
    """The valid parameters of ``paths``, and every problem; ``invalid_sources`` are ids of
    sources declared but refused (a parameter citing one is told so, not « inconnue »)."""
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
            parameter, problems = _parse_parameter(entry, display, sources, invalid_sources)
            errors.extend(problems)
            if parameter:
                parameters[entry.key] = parameter
    return parameters, errors


def read_data(data_dir: Path = DATA_DIR, root: Path | None = None
              ) -> tuple[dict[str, Source], dict[str, Parameter], list[DataError]]:
    """``sources.yml`` and every ``parameters/*.yml``: what is valid, and every problem."""
    root = root or data_dir.parent.parent
    sources, errors = load_sources(data_dir / "sources.yml", root)
    invalid = frozenset(e.key for e in errors if e.key and e.key not in sources)
    parameter_files = sorted((data_dir / "parameters").glob("*.yml"))
    parameters, parameter_errors = load_parameters(parameter_files, sources, root, invalid)
    return sources, parameters, errors + parameter_errors


def load_data(data_dir: Path = DATA_DIR, root: Path | None = None
              ) -> tuple[dict[str, Source], dict[str, Parameter]]:
    """Load ``sources.yml`` and every ``parameters/*.yml``; raise ``ContentErrors`` listing
    every problem."""
    sources, parameters, errors = read_data(data_dir, root)
    if errors:
        raise ContentErrors(errors)
    return sources, parameters


__all__ = ["DATA_DIR", "Status", "load_data", "read_data"]
