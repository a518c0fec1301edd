"""Bounds on what reaches Python-Markdown, checked before it runs.

Python-Markdown's work grows faster than its input on some shapes: unclosed brackets
(« [[[[… », quadratic), deeply nested lists, quotes and admonitions (it recurses, and ends in
``RecursionError``). Real articles stay far below these bounds; a page beyond one is refused at
the line where it crosses it, and never converted.
"""

from __future__ import annotations

import re

from vocabulary.errors import ContentError
from vocabulary.french import grouped

#: The most characters a page may hand to Markdown, once its figures are computed.
MAX_CHARACTERS = 300_000
#: The most opening brackets (links, images, footnotes) in one page.
MAX_BRACKETS = 1_000
#: The deepest indentation (lists and code in lists), in columns, and quotation depth.
MAX_INDENT = 48
MAX_QUOTE_DEPTH = 12
_INDENT = re.compile(r"^[ \t]*", re.M)
_QUOTES = re.compile(r"^(?:[ \t]*>)+", re.M)


def _line(text: str, index: int) -> int:
    return text.count("\n", 0, index) + 1


def markdown_bounds(text: str) -> list[ContentError]:
    """Every bound ``text`` crosses (``file`` unset: the caller places them)."""
    if len(text) > MAX_CHARACTERS:
        return [ContentError(None, None, f"page trop longue ({grouped(len(text))} caractères "
                             f"une fois les chiffres calculés, {grouped(MAX_CHARACTERS)} au "
                             "plus)", "découpez-la en plusieurs articles")]
    problems = []
    brackets = [m.start() for m in re.finditer(r"\[", text)]
    if len(brackets) > MAX_BRACKETS:
        problems.append(ContentError(None, _line(text, brackets[MAX_BRACKETS]),
                                     f"plus de {grouped(MAX_BRACKETS)} crochets « [ » dans "
                                     "la page", "un lien s’écrit [texte](adresse) ; pour un "
                                     "crochet seul, tapez \\["))
    for match in _INDENT.finditer(text):
        if len(match.group().expandtabs(4)) > MAX_INDENT:
            problems.append(ContentError(None, _line(text, match.start()),
                                         f"indentation trop profonde (plus de {MAX_INDENT} "
                                         "espaces)", "imbriquez moins de listes ou d’encadrés"))
            break
    for match in _QUOTES.finditer(text):
        if match.group().count(">") > MAX_QUOTE_DEPTH:
            problems.append(ContentError(None, _line(text, match.start()),
                                         f"citations imbriquées sur plus de {MAX_QUOTE_DEPTH} "
                                         "niveaux", "imbriquez moins de citations « > »"))
            break
    return problems
