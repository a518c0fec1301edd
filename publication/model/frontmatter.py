"""Split an article into front matter and body, keeping line numbers for errors."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from calculators.yamlfile import SAFE_LOADER, yaml_problem
from vocabulary.errors import ContentError

_FENCE = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True)
class SourceFile:
    """An article's text split in two. ``body_line`` is the file line where the body starts."""

    meta: dict[str, Any]
    body: str
    body_offset: int
    key_lines: dict[str, int] = field(default_factory=dict)
    #: The line of each item of a list field, and of each field of such an item, by path:
    #: ``("corrections", 0)``, ``("corrections", 0, "date")`` (items counted from 0).
    item_lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)

    def line_of(self, place: str | tuple[str | int, ...]) -> int:
        """The line of a field, or of the most precise part of a path into a list field that
        the file holds (the item's field, else the item, else the field)."""
        if isinstance(place, str):
            return self.key_lines.get(place, 1)
        for end in range(len(place), 1, -1):
            line = self.item_lines.get(place[:end])
            if line is not None:
                return line
        return self.key_lines.get(str(place[0]), 1)


def _tolerant(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``node``'s value, where each scalar YAML cannot construct keeps its text: the impossible
    date of one correction (``corrections: [{date: 2026-13-45, …}]``) stays a text the schema
    reports, and the rest of the list stays data."""
    if isinstance(node, yaml.SequenceNode):
        return [_tolerant(loader, item) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        return {str(key.value): _tolerant(loader, value) for key, value in node.value}
    try:
        return loader.construct_object(node, deep=True)
    except ValueError:
        loader.recursive_objects.clear()  # PyYAML leaves a failed node marked as in progress
        return str(node.value)


def _construct(loader: yaml.SafeLoader, node: yaml.Node | None) -> Any:
    """The front matter's value. A field YAML cannot construct, such as the impossible date
    2026-13-45, keeps its text, so that the schema reports it with every other problem."""
    if node is None:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return loader.construct_document(node)
    meta: dict[str, Any] = {}
    for key_node, value_node in node.value:
        try:
            meta[str(key_node.value)] = loader.construct_object(value_node, deep=True)
        except ValueError:
            loader.recursive_objects.clear()
            meta[str(key_node.value)] = _tolerant(loader, value_node)
    return meta


def split(text: str, file: str) -> SourceFile:
    """Parse the YAML front matter of ``text``; raise ``ContentError`` with its line if invalid."""
    match = _FENCE.match(text)
    if not match:
        if text.startswith("---"):
            raise ContentError(file, 1, "l’en-tête n’est pas fermé",
                               "terminez l’en-tête par une ligne « --- »")
        return SourceFile({}, text, 0)
    yaml_text = match.group(1) or ""
    try:
        loader = SAFE_LOADER(yaml_text)
        try:
            node = loader.get_single_node()
            meta = _construct(loader, node)
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise ContentError(
            file, mark.line + 2 if mark else 1, f"en-tête YAML invalide : {yaml_problem(error)}",
            "vérifiez les deux-points, l’indentation et les guillemets (un titre qui contient "
            "« : » doit être entre guillemets)",
        ) from error
    if not isinstance(meta, dict):
        raise ContentError(file, 2, "l’en-tête doit être une liste de champs « nom: valeur »")
    key_lines = {
        str(key.value): key.start_mark.line + 2 for key, _ in getattr(node, "value", [])
    }
    rest = text[match.end():]
    body = rest.lstrip("\n")
    offset = text[: len(text) - len(body)].count("\n")
    return SourceFile(meta, body, offset, key_lines, _item_lines(node))


def _item_lines(node: yaml.Node | None) -> dict[tuple[str | int, ...], int]:
    """The file line of each item of the front matter's list fields, and of their fields
    (the YAML starts on the file's second line)."""
    lines: dict[tuple[str | int, ...], int] = {}
    if not isinstance(node, yaml.MappingNode):
        return lines
    for key, value in node.value:
        if not isinstance(value, yaml.SequenceNode):
            continue
        for index, item in enumerate(value.value):
            lines[(str(key.value), index)] = item.start_mark.line + 2
            if isinstance(item, yaml.MappingNode):
                for item_key, _ in item.value:
                    lines[(str(key.value), index, str(item_key.value))] = \
                        item_key.start_mark.line + 2
    return lines
