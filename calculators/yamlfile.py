"""Read YAML data files while keeping the line of every key, and refusing duplicate keys.

Data files and articles' front matter come from pull requests, so the loader refuses what YAML
can do beyond plain data: anchors and aliases (``&a`` / ``*a``, with which a few lines expand
into billions of values: « billion laughs »), nesting deeper than ``MAX_DEPTH``, and, as PyYAML's
safe loader already does, any tag that would build a Python object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent
from yaml.resolver import Resolver

from .errors import DataError

#: The deepest nesting of lists and mappings a YAML text may have.
MAX_DEPTH = 32

_ALIAS = "found an alias, which this loader refuses"
_ANCHOR = "found an anchor, which this loader refuses"
_DEEP = "found nesting deeper than the loader allows"


class RefusedYAMLError(ComposerError):
    """YAML this loader refuses to compose (an anchor, an alias, too deep a nesting)."""


class _PlainDataComposer:
    """Composes nodes from the parser's events, refusing anchors, aliases and deep nesting.

    An alias is refused when it is met, before any node is shared, so no expansion ever runs.
    """

    anchors: dict[Any, Any]
    _depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]
        if isinstance(event, AliasEvent):
            raise RefusedYAMLError(None, None, _ALIAS, event.start_mark)
        if getattr(event, "anchor", None) is not None:
            raise RefusedYAMLError(None, None, _ANCHOR, event.start_mark)
        if self._depth >= MAX_DEPTH:
            raise RefusedYAMLError(None, None, _DEEP, event.start_mark)
        self._depth += 1
        try:
            return Composer.compose_node(self, parent, index)  # type: ignore[arg-type]
        finally:
            self._depth -= 1


class PlainDataLoader(_PlainDataComposer, yaml.SafeLoader):
    """PyYAML's pure-Python safe loader, without anchors, aliases or deep nesting."""


if getattr(yaml, "__with_libyaml__", False):
    from yaml.cyaml import CParser

    class PlainDataCLoader(_PlainDataComposer, CParser, Composer, SafeConstructor, Resolver):
        """libyaml's parser (about ten times faster) with the same refusals and safe tags.

        libyaml composes nodes in C, where no alias can be caught; this loader composes them
        in Python from libyaml's events instead, which costs about half as much again.
        """

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

        check_node = Composer.check_node
        get_node = Composer.get_node
        get_single_node = Composer.get_single_node

    #: The loader of data files and front matter.
    SAFE_LOADER: type[Any] = PlainDataCLoader
else:  # pragma: no cover - PyYAML built without libyaml
    SAFE_LOADER = PlainDataLoader

#: The YAML problems editors meet, in French; keyed by the start of PyYAML's or libyaml's text.
_PROBLEMS = (
    ("mapping values are not allowed", "un « : » inattendu ; mettez le texte entre guillemets"),
    ("could not find expected ':'", "il manque « : » après un nom de champ"),
    ("found character that cannot start any token", "un caractère inattendu (une tabulation ? "
     "indentez avec des espaces)"),
    ("did not find expected ',' or ']'", "un crochet « [ » n’est pas refermé"),
    ("found unexpected end of stream", "un guillemet ou un crochet n’est pas refermé"),
    (_ALIAS, "un « * » en début de valeur fait un alias YAML, interdit ici ; écrivez la "
             "valeur en entier, ou mettez le texte entre guillemets"),
    (_ANCHOR, "un « & » en début de valeur fait une ancre YAML, interdite ici ; écrivez la "
              "valeur en entier, ou mettez le texte entre guillemets"),
    (_DEEP, f"listes ou blocs imbriqués sur plus de {MAX_DEPTH} niveaux"),
    ("could not determine a constructor", "une étiquette YAML « !… » refusée : seuls le texte, "
     "les nombres, les dates et les listes sont permis"),
    ("did not find expected key", "l’indentation est irrégulière"),
    ("expected <block end>", "l’indentation est irrégulière"),
    ("while scanning a quoted scalar", "un guillemet n’est pas refermé"),
)


def yaml_problem(error: yaml.YAMLError) -> str:
    """What is wrong with a YAML text, in French when the problem is a common one."""
    problem = str(getattr(error, "problem", None) or error)
    context = str(getattr(error, "context", None) or "")
    for start, french in _PROBLEMS:
        if problem.startswith(start) or context.startswith(start):
            return french
    return problem


@dataclass(frozen=True)
class Item:
    """Where one item of a list field is: its line, and the line of each of its own fields."""

    line: int
    field_lines: dict[str, int]


@dataclass(frozen=True)
class Entry:
    """One top-level record of a data file: its key, its fields and where each one is."""

    key: str
    line: int
    fields: dict[str, Any]
    field_lines: dict[str, int]
    #: Fields YAML could not build (already reported): not to be reported missing as well.
    unreadable: frozenset[str] = frozenset()
    #: Where the items of each list field are, so an item's problem is shown at its line.
    items: dict[str, tuple[Item, ...]] = field(default_factory=dict)

    def item_line(self, name: str, index: int, item_field: str | None = None) -> int:
        """The line of item ``index`` of the list ``name`` (of its field ``item_field``)."""
        items = self.items.get(name, ())
        if index >= len(items):
            return self.field_lines.get(name, self.line)
        found = items[index]
        return found.field_lines.get(item_field, found.line) if item_field else found.line


def read_entries(path: Path, display: str) -> tuple[list[Entry], list[DataError]]:
    """The top-level records of ``path``; ``display`` is the file name shown in errors."""
    errors: list[DataError] = []
    try:
        loader = SAFE_LOADER(path.read_text(encoding="utf-8"))
        root = loader.get_single_node()
    except UnicodeDecodeError:
        return [], [DataError("le fichier n’est pas en UTF-8", hint="enregistrez-le en UTF-8",
                              file=display)]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [DataError(
            f"YAML invalide : {yaml_problem(error)}",
            hint="" if isinstance(error, RefusedYAMLError)
            else "vérifiez l’indentation et les deux-points", file=display,
            line=mark.line + 1 if mark else None,
        )]
    if root is None:
        return [], []
    if not isinstance(root, yaml.MappingNode):
        return [], [DataError("le fichier doit être une liste de clés « identifiant: … »",
                              file=display, line=1)]
    entries: list[Entry] = []
    seen: dict[str, int] = {}
    for key_node, value_node in root.value:
        key, line = str(key_node.value), key_node.start_mark.line + 1
        if not isinstance(key_node, yaml.ScalarNode):
            errors.append(DataError("identifiant invalide : une liste ou un bloc",
                                    hint="un identifiant s’écrit en minuscules, suivi de « : »",
                                    file=display, line=line))
            continue
        if key in seen:
            errors.append(DataError(
                f"identifiant en double (déjà défini ligne {seen[key]})",
                hint="chaque identifiant doit être unique", file=display, key=key, line=line,
            ))
            continue
        seen[key] = line
        if not isinstance(value_node, yaml.MappingNode):
            errors.append(DataError("attendu : un bloc de champs (label, value, …)",
                                    file=display, key=key, line=line))
            continue
        fields: dict[str, Any] = {}
        field_lines: dict[str, int] = {}
        items: dict[str, tuple[Item, ...]] = {}
        unreadable: set[str] = set()
        for field_key, field_value in value_node.value:
            name = str(field_key.value)
            if name in fields:
                errors.append(DataError(f"champ « {name} » en double", file=display, key=key,
                                        line=field_key.start_mark.line + 1))
            field_lines[name] = field_key.start_mark.line + 1
            if isinstance(field_value, yaml.SequenceNode):
                items[name] = tuple(_item(node) for node in field_value.value)
            try:
                fields[name] = loader.construct_object(field_value, deep=True)
            except (yaml.YAMLError, ValueError, OverflowError) as error:
                message, hint = _construction_problem(field_value, error)
                errors.append(DataError(f"« {name} » : {message}", hint=hint, file=display,
                                        key=key, line=_line_of(field_value, error)))
                fields[name] = None
                unreadable.add(name)
        entries.append(Entry(key, line, fields, field_lines, frozenset(unreadable), items))
    return entries, errors


def _item(node: yaml.Node) -> Item:
    lines = {str(k.value): k.start_mark.line + 1 for k, _ in node.value
             if isinstance(k, yaml.ScalarNode)} if isinstance(node, yaml.MappingNode) else {}
    return Item(node.start_mark.line + 1, lines)


_UNKNOWN_TAG = re.compile(r"could not determine a constructor for the tag '([^']*)'")
_TAG_HINT = ("un fichier de données ne contient que du texte, des nombres, des dates et des "
             "listes : retirez l’étiquette « !… »")


def _construction_problem(node: yaml.Node, error: Exception) -> tuple[str, str]:
    """Why YAML could not build a field's value (a tag it refuses, an impossible date…)."""
    problem = str(getattr(error, "problem", "") or "")
    unknown = _UNKNOWN_TAG.search(problem)
    if unknown:
        return f"étiquette YAML refusée {_short_tag(unknown.group(1))}", _TAG_HINT
    if node.tag == "tag:yaml.org,2002:timestamp" and isinstance(error, ValueError):
        return (f"date impossible « {node.value} »",
                "écrivez une date qui existe, au format AAAA-MM-JJ, par exemple 2024-03-01")
    if node.tag == "tag:yaml.org,2002:binary":
        return "donnée binaire illisible", _TAG_HINT
    if node.tag == "tag:yaml.org,2002:int" and isinstance(error, ValueError):
        return "nombre entier trop long", "écrivez un nombre d’au plus quinze chiffres"
    return f"valeur illisible ({problem or error})", _TAG_HINT


def _short_tag(tag: str) -> str:
    """``tag:yaml.org,2002:python/object`` as the editor typed it: « !!python/object »."""
    prefix = "tag:yaml.org,2002:"
    return f"« !!{tag[len(prefix):]} »" if tag.startswith(prefix) else f"« {tag} »"


def _line_of(node: yaml.Node, error: Exception) -> int:
    """The file line of a construction problem: the error's own mark, else the node's."""
    mark = getattr(error, "problem_mark", None) or node.start_mark
    return int(mark.line) + 1
