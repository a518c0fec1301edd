"""The front matter of an article, validated by MkDocs ``Config`` classes with French errors."""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.base import ValidationError

from publication.model.verdicts import VERDICTS
from vocabulary.hints import suggest

CATEGORIES = ("Technologie", "Communauté", "Entreprenariat")
#: What ``new`` writes where the editor must fill in; ``check`` refuses it.
PLACEHOLDER = "À COMPLÉTER"


class Text(c.Type[str]):
    """A non-empty text, which is not the scaffold's placeholder."""

    def __init__(self, max_length: int | None = None, **kwargs: Any) -> None:
        super().__init__(str, **kwargs)
        self.max_length = max_length

    def run_validation(self, value: object) -> str:
        if not isinstance(value, str) or not value.strip():
            raise ValidationError("doit être un texte non vide (entre guillemets s’il contient "
                                  "« : »)")
        if any(char in value for char in '<>"'):
            raise ValidationError("ne doit contenir ni « < », ni « > », ni guillemets droits "
                                  "\" : utilisez les guillemets français « »")
        if PLACEHOLDER in value:
            raise ValidationError(f"contient encore « {PLACEHOLDER} » : remplacez-le")
        if self.max_length and len(value) > self.max_length:
            raise ValidationError(f"trop long ({len(value)} caractères, {self.max_length} au plus)")
        return value


#: Figure calls and statements in a summary: what the renderer reads, not the text shown.
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)


class Summary(Text):
    """« En bref »: two or three sentences that may call figures (``{{ … | figure(…) }}``),
    rendered like the body. Straight quotes are allowed inside the calls, where they are needed;
    outside them, the text follows the other front-matter texts' rules."""

    def run_validation(self, value: object) -> str:
        if isinstance(value, str) and self.max_length and len(value) > self.max_length:
            raise ValidationError(f"trop long ({len(value)} caractères, {self.max_length} au "
                                  "plus) : deux ou trois phrases suffisent")
        super().run_validation(_JINJA.sub("", value) if isinstance(value, str) else value)
        return str(value)


class OneOf(c.Choice[str]):
    def run_validation(self, value: object) -> str:
        if value not in self.choices:
            hint = suggest(str(value), self.choices)
            raise ValidationError(
                f"valeur « {value} » invalide ; valeurs possibles : {', '.join(self.choices)}"
                + (f" ({hint})" if hint else "")
            )
        return str(value)


class Date(c.BaseConfigOption[dt.date]):
    def run_validation(self, value: object) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        raise ValidationError(f"« {value} » n’est pas une date valide : écrivez AAAA-MM-JJ, "
                              "par exemple 2026-11-28")


class PastDate(Date):
    """A publication date, no later than today: a date to come would date the sitemap and the
    feed, sort first for years, and leave no day on which a correction could be dated."""

    def run_validation(self, value: object) -> dt.date:
        date = super().run_validation(value)
        if date > dt.date.today():
            raise ValidationError(f"la date {date.isoformat()} est dans le futur : datez "
                                  "l’article du jour de sa publication")
        return date


class Tags(c.BaseConfigOption[list[str]]):
    def run_validation(self, value: object) -> list[str]:
        if not isinstance(value, list) or not all(isinstance(t, str) and t for t in value):
            raise ValidationError("doit être une liste de mots-clés, par exemple [IA, énergie]")
        if any(PLACEHOLDER in tag for tag in value):
            raise ValidationError(f"contient encore « {PLACEHOLDER} » : remplacez-le")
        return value


class Correction(base.Config):
    """One correction of a published article: when, what changed, and why."""

    date = Date()
    what = Text(max_length=300)
    why = Text(max_length=500)
    #: Its place in the list, counted from 1, as errors name it (not a field editors write).
    number = 1


def _numbered(number: int, message: str, hint: str, item: str = "correction") -> str:
    """One item's problem (« correction 2 : … »); the guide's generic pointer left out (the
    list's own message names the section)."""
    shown = f" ({hint})" if hint and "CONTRIBUTING" not in hint else ""
    return f"{item} {number} : {message}{shown}"


#: Where in the front matter a problem is: a field's name, or the path to one item of a list
#: field, or to a field of that item (``("corrections", 1, "date")``, items counted from 0).
Place = str | tuple[str | int, ...]


class ItemProblems(ValidationError):
    """The problems of some items of a list field, each at its own place (a path below the
    field: ``(index,)`` or ``(index, "field")``), and the field's value made of its valid
    items: the build still judges those (an assertion's words, a correction's date)."""

    def __init__(self, problems: list[tuple[tuple[str | int, ...], str]], valid: Any) -> None:
        super().__init__(" ; ".join(message for _, message in problems))
        self.problems = problems
        self.valid = valid


def _item_problems(number: int, item: dict[str, Any], schema: type[base.Config],
                   noun: str) -> tuple[Any, list[tuple[tuple[str | int, ...], str]]]:
    """One item validated; its problems each at the path of its field."""
    value, problems = validate(item, schema)
    return value, [((number - 1, key if isinstance(key, str) and key in item else None),
                    _numbered(number, message, hint, noun))
                   for key, message, hint in problems]


def _path(found: list[tuple[tuple[str | int | None, ...], str]]
          ) -> list[tuple[tuple[str | int, ...], str]]:
    """Problems' paths without the field a missing field would have had."""
    return [(tuple(step for step in path if step is not None), message)
            for path, message in found]


class Corrections(c.BaseConfigOption[list[Correction]]):
    """An article's corrections, oldest first: each dated no later than today (the day of the
    build, whatever ``SOURCE_DATE_EPOCH`` says) and, once the article's date is valid, no earlier
    than its publication."""

    def run_validation(self, value: object) -> list[Correction]:
        """The corrections, oldest first; every problem of every item, each at its item."""
        if not isinstance(value, list) or not value:
            raise ValidationError(
                "doit être une liste de corrections, chacune avec « date », « what » et « why » "
                "(voir CONTRIBUTING.md, « Corriger un article publié »)")
        corrections: list[Correction] = []
        problems: list[tuple[tuple[str | int | None, ...], str]] = []
        for number, item in enumerate(value, 1):
            if not isinstance(item, dict):
                problems.append(((number - 1,), f"correction {number} : doit avoir les champs "
                                 "« date », « what » et « why »"))
                continue
            correction, item_problems = _item_problems(number, item, Correction, "correction")
            problems += item_problems
            if not item_problems and correction.date > dt.date.today():
                problems.append(((number - 1, "date"), f"correction {number} : la date "
                                 f"{correction.date.isoformat()} est dans le futur"))
            elif not item_problems:
                correction.number = number
                corrections.append(correction)
        corrections.sort(key=lambda correction: correction.date)
        if problems:
            raise ItemProblems(_path(problems), corrections)
        return corrections

    def post_validation(self, config: base.Config, key_name: str) -> None:
        """Refuse a correction dated before the article's publication, at its date."""
        published, corrections = config.get("date"), config.get(key_name)
        if not isinstance(published, dt.date) or not corrections:
            return
        early = [((correction.number - 1, "date"),
                  f"correction datée du {correction.date.isoformat()}, avant la publication de "
                  f"l’article ({published.isoformat()})")
                 for correction in corrections if correction.date < published]
        if early:
            raise ItemProblems(early, None)


#: An id of a parameter or a calculation, as data files write it.
_ID = re.compile(r"^[a-z][a-z0-9_]*$")
#: Most checked sentences an article may hold: each is a comparison, not an essay.
MAX_ASSERTIONS = 30


class Bound(c.BaseConfigOption[float | str]):
    """A number in the figure's unit, or the id of another figure."""

    def run_validation(self, value: object) -> float | str:
        if isinstance(value, bool):
            raise ValidationError("doit être un nombre ou l’identifiant d’un chiffre")
        if isinstance(value, int | float) and math.isfinite(value):
            return float(value)
        if isinstance(value, str) and _ID.match(value):
            return value
        raise ValidationError(f"« {value} » n’est ni un nombre (écrit avec un point : 0.5) ni "
                              "l’identifiant d’un chiffre")


class FigureId(c.BaseConfigOption[str]):
    def run_validation(self, value: object) -> str:
        if isinstance(value, str) and _ID.match(value):
            return value
        raise ValidationError("doit être l’identifiant d’un paramètre ou d’un calcul, par "
                              "exemple chatgpt_monthly_inference_emissions")


class Assertion(base.Config):
    """A sentence of the article that holds only while the figures support it: ``text`` must
    be in the article, and the whole range of ``figure`` on the right side of each bound."""

    text = Text(max_length=200)
    figure = FigureId()
    above = c.Optional(Bound())
    at_least = c.Optional(Bound())
    below = c.Optional(Bound())
    at_most = c.Optional(Bound())
    #: Its place in the list, counted from 1, as errors name it (not a field editors write).
    number = 1

    def bounds(self) -> list[tuple[str, float | str]]:
        """(relation, bound) pairs, in the order of ``calculators.comparisons.RELATIONS``."""
        return [(relation, self[relation]) for relation in ("above", "at_least", "below",
                                                            "at_most")
                if self[relation] is not None]


def _assertion_problems(number: int, item: object
                        ) -> tuple[Assertion | None, list[tuple[tuple[str | int | None, ...],
                                                                  str]]]:
    if not isinstance(item, dict):
        return None, [((number - 1,), f"affirmation {number} : doit avoir les champs « text », "
                       "« figure » et une borne (« above », « below », « at_least » ou "
                       "« at_most »)")]
    assertion, problems = _item_problems(number, item, Assertion, "affirmation")
    if not problems and not assertion.bounds():
        problems.append(((number - 1,), f"affirmation {number} : aucune borne ; ajoutez "
                         "« above », « below », « at_least » ou « at_most »"))
    if problems:
        return None, problems
    assertion.number = number
    return assertion, []


class Assertions(c.BaseConfigOption[list[Assertion]]):
    """Sentences the build checks against the figures.

    Editors' guide: CONTRIBUTING.md, « Les affirmations vérifiées ».
    """

    def run_validation(self, value: object) -> list[Assertion]:
        if not isinstance(value, list) or not value:
            raise ValidationError(
                "doit être une liste d’affirmations, chacune avec « text », « figure » et une "
                "borne (voir CONTRIBUTING.md, « Les affirmations vérifiées »)")
        if len(value) > MAX_ASSERTIONS:
            raise ValidationError(f"trop d’affirmations ({len(value)}, au plus {MAX_ASSERTIONS})")
        assertions, problems = [], []
        for number, item in enumerate(value, 1):
            assertion, item_problems = _assertion_problems(number, item)
            problems += item_problems
            if assertion is not None:
                assertions.append(assertion)
        if problems:
            raise ItemProblems(_path(problems), assertions)
        return assertions


class ArticleMeta(base.Config):
    """Front matter of a myth. All fields are required but the optional ones."""

    title = Text(max_length=120)
    claim = Text()
    verdict = OneOf(tuple(VERDICTS))
    verdict_label = c.Optional(Text(max_length=60))
    date = PastDate()
    author = Text()
    category = OneOf(CATEGORIES)
    tags = c.Optional(Tags())
    description = Text(max_length=300)
    #: « En bref », under the verdict: two or three sentences, with figure calls.
    summary = Summary(max_length=900)
    cover = Text()
    cover_alt = Text(max_length=250)
    cta = c.Optional(Text())
    based_on = c.Optional(Text())
    corrections = c.Optional(Corrections())
    assertions = c.Optional(Assertions())


class Hidden(c.BaseConfigOption[list[str]]):
    """The sidebars a page hides: some of ``navigation`` and ``toc``."""

    CHOICES = ("navigation", "toc")

    def run_validation(self, value: object) -> list[str]:
        if not isinstance(value, list) or not all(v in self.CHOICES for v in value):
            raise ValidationError("doit être une liste parmi " + ", ".join(self.CHOICES)
                                  + ", par exemple [navigation, toc]")
        return value


class PageMeta(base.Config):
    """Front matter of a page that is not an article (the home, « Notre méthode »)."""

    title = Text(max_length=120)
    description = c.Optional(Text(max_length=300))
    hide = c.Optional(Hidden())


def validate(meta: dict[str, Any],
             schema: type[base.Config] = ArticleMeta
             ) -> tuple[Any, list[tuple[Place, str, str]]]:
    """The validated front matter, and its problems as (place, message, hint), in French. A
    problem placed at a field's name leaves that field unusable; one placed at an item of a
    list (``ItemProblems``) leaves the field holding its valid items (``usable``)."""
    config = schema()
    config.load_dict(meta)
    problems: list[tuple[Place, str, str]] = []
    fields = tuple(key for key, _ in schema._schema)
    # Config.validate() stops at the first failure; editors want every problem at once.
    for key, option in schema._schema:
        try:
            config[key] = option.validate(config.get(key))
        except ItemProblems as error:
            config[key] = error.valid
            problems += [((key, *path), f"« {key} » : {message}", "")
                         for path, message in error.problems]
        except ValidationError as error:
            if meta.get(key) is None:
                problems.append((key, f"champ obligatoire « {key} » manquant",
                                 "voir CONTRIBUTING.md, « L’en-tête d’un article »"))
            else:
                problems.append((key, f"« {key} » : {error}", ""))
    invalid = {key for key, _, _ in problems}
    for key, option in schema._schema:  # rules between fields, once each field is valid
        if key not in invalid:
            try:
                option.post_validation(config, key)
            except ItemProblems as error:
                problems += [((key, *path), f"« {key} » : {message}", "")
                             for path, message in error.problems]
            except ValidationError as error:
                problems.append((key, f"« {key} » : {error}", ""))
    for key in meta:
        if key not in fields:
            hint = suggest(key, fields)
            problems.append((key, f"champ inconnu « {key} »", hint or "supprimez-le"))
    return config, problems


def usable(meta: base.Config, problems: list[tuple[Place, str, str]], key: str) -> Any:
    """The validated value of ``key`` (for a list, its valid items), or None when a problem
    left the whole field unusable: what the build still judges when other fields are wrong."""
    if any(place == key for place, _, _ in problems):
        return None
    return meta.get(key)


FIELDS = tuple(key for key, _ in ArticleMeta._schema)
