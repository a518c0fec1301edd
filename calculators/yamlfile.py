"""Read YAML data files while keeping the line of every key, and refusing duplicate keys."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from .errors import DataError


@dataclass(frozen=True)
class Entry:
    """One top-level record of a data file: its key, its fields and where each one is."""

    key: str
    line: int
    fields: dict[str, Any]
    field_lines: dict[str, int]


def read_entries(path: Path, display: str) -> tuple[list[Entry], list[DataError]]:
    """The top-level records of ``path``; ``display`` is the file name shown in errors."""
    errors: list[DataError] = []
    try:
        loader = yaml.SafeLoader(path.read_text(encoding="utf-8"))
        root = loader.get_single_node()
    except UnicodeDecodeError:
        return [], [DataError("le fichier n’est pas en UTF-8", hint="enregistrez-le en UTF-8",
                              file=display)]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return [], [DataError(
            f"YAML invalide : {getattr(error, 'problem', error)}",
            hint="vérifiez l’indentation et les deux-points", file=display,
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
        for field_key, field_value in value_node.value:
            name = str(field_key.value)
            if name in fields:
                errors.append(DataError(f"champ « {name} » en double", file=display, key=key,
                                        line=field_key.start_mark.line + 1))
            fields[name] = loader.construct_object(field_value, deep=True)
            field_lines[name] = field_key.start_mark.line + 1
        entries.append(Entry(key, line, fields, field_lines))
    return entries, errors
