"""Doubled qualifiers: « environ {{ x | figure }} » reads « environ environ 0,22 kWh ».

A rounded figure carries its own rounding word (« environ », « plus de », « moins de »,
``macros.formatting.QUALIFIERS``), which the editor does not see in the source. The rule reads a
page once rendered (what ``Renderer.render`` returns, before Markdown: it keeps the source's
lines) and flags a rounding word, or one of its kind (« près de », « presque », « au moins »…),
right before a figure link whose text starts with one; and right after it (« … 550 t environ »).
A figure written without a qualifier (an exact value) may take any word around it.
"""

from __future__ import annotations

import re
from html import unescape

from macros.formatting import QUALIFIERS
from vocabulary.errors import ContentError

_S = r"(?:\s|&nbsp;|&#160;|&#8239;)"
#: Emphasis around a figure (« environ **{{ x }}** ») still puts the words side by side.
_EMPHASIS = r"[*_]{0,3}"
#: A word that says the value is approximate or bounded, written before a number, and then
#: what may stand between it and the number: spaces, or nothing after an elision (« près d’ »).
_WORD_BEFORE = (
    rf"(?P<word>(?i:environ|presque|quelque|approximativement|au{_S}+(?:moins|plus)"
    rf"|à{_S}+peu{_S}+près|(?:plus|moins|près|autour){_S}+de)){_EMPHASIS}{_S}+"
    rf"|(?P<elided>(?i:(?:plus|moins|près|autour){_S}+d[’'])){_S}*"
)
#: The same kind of word, written after a number (« 550 t environ »).
_WORD_AFTER = (
    rf"environ|approximativement|à{_S}+peu{_S}+près|au{_S}+(?:moins|maximum|minimum)"
    rf"|tout{_S}+au{_S}+plus"
)
#: How far before a figure link its word may start: the longest word written with « &nbsp; »
#: (« à&nbsp;peu&nbsp;près&nbsp; », 26 characters), emphasis and a few spaces more.
_WINDOW = 48
#: A figure link as ``macros.toolbox`` writes it, whose text starts with a rounding word. Every
#: repetition stops at a quote or a chevron: an unclosed link typed by hand costs one scan.
_LINK = re.compile(
    r'<a class="vf-fig(?: vf-fig--hypothesis)?" href="[^"<>]*"(?: id="[^"<>]*")?>'
    r"(?P<qualifier>" + "|".join(QUALIFIERS.values()) + r") [^<]*"
    r'(?:<span class="vf-fig__flag">[^<]*</span>)?</a>'
)
_BEFORE = re.compile(rf"(?<![\w’'-])(?:{_WORD_BEFORE}){_EMPHASIS}\Z")
_AFTER = re.compile(rf"{_EMPHASIS}{_S}+{_EMPHASIS}(?P<word>(?i:{_WORD_AFTER}))(?![\w’'-])")
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"\s+")
_HINT = ("le chiffre dit déjà « {qualifier} » : supprimez le mot {where} lui ; l’arrondi du "
         "chiffre choisit lui-même « environ », « plus de » ou « moins de »")


def _plain(html: str) -> str:
    """What a reader sees of ``html``: no tags, no entities, single spaces."""
    return _SPACES.sub(" ", unescape(_TAG.sub("", html))).strip()


def _problem(line: int, words: tuple[str, str], qualifier: str, where: str) -> ContentError:
    """The error for ``words`` side by side (a word and a figure link, in reading order)."""
    first, second = (_plain(w) for w in words)
    space = "" if first.endswith(("’", "'")) else " "  # « près d’environ 5 »
    seen = f"{first}{space}{second}"
    return ContentError(None, line, f"qualificatif en double : « {seen} »",
                        _HINT.format(qualifier=qualifier, where=where))


def doubled_qualifiers(rendered: str) -> list[ContentError]:
    """Every rounding word next to a figure that already has one, at the word's line in
    ``rendered`` (``file`` unset: the caller places them). Linear: each figure link is looked
    at once, with a bounded window before it."""
    problems = []
    line, counted = 1, 0

    def line_of(index: int) -> int:
        """The line of ``index``, which never goes back: each line break is counted once."""
        nonlocal line, counted
        line += rendered.count("\n", counted, index)
        counted = max(counted, index)
        return line

    for link in _LINK.finditer(rendered):
        qualifier, figure = link["qualifier"], link.group()
        before = _BEFORE.search(rendered, max(0, link.start() - _WINDOW), link.start())
        if before:
            word = before["word"] or before["elided"]
            problems.append(_problem(line_of(before.start()), (word, figure), qualifier, "avant"))
        after = _AFTER.match(rendered, link.end())
        if after:
            problems.append(_problem(line_of(after.start("word")), (figure, after["word"]),
                                     qualifier, "après"))
    return problems
