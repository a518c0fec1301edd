"""French typography for text editors type with ordinary spaces.

A narrow no-break space goes before ; ! ? and » and after «, a no-break space before :, so that
« non ? » never breaks before its question mark. The Markdown extension spaces article bodies
(code is left alone); ``french_spacing`` and ``quoted`` serve the short front-matter texts shown
around an article.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

NARROW_NBSP = "\u202f"
NBSP = "\u00a0"
_SPACE = "[ \u00a0\u202f]"
_RULES = (
    (re.compile(rf"{_SPACE}+([;!?»])"), NARROW_NBSP + r"\1"),
    (re.compile(rf"«{_SPACE}+"), "«" + NARROW_NBSP),
    (re.compile(rf"{_SPACE}+:(?=\s|$)"), NBSP + ":"),
)
#: Texts without any of these need no change: most of them (a quick test, in C).
_PUNCTUATION = re.compile("[;!?»«:]")
_SKIPPED = frozenset({"code", "pre", "kbd", "samp", "script", "style"})


def french_spacing(text: str) -> str:
    """``text`` with the no-break spaces French typography puts around punctuation."""
    if _PUNCTUATION.search(text) is None:
        return text
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def quoted(text: str) -> str:
    """``text`` between French guillemets, with narrow no-break spaces inside."""
    return f"«{NARROW_NBSP}{french_spacing(text)}{NARROW_NBSP}»"


class _FrenchSpacing(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        self._walk(root)

    def _walk(self, element: etree.Element) -> None:
        for child in element:
            if child.tag not in _SKIPPED:
                if child.text:
                    child.text = french_spacing(child.text)
                self._walk(child)
            if child.tail:
                child.tail = french_spacing(child.tail)


class FrenchTypographyExtension(Extension):
    """Registered by the plugin in ``on_config``; runs after inline patterns."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_FrenchSpacing(md), "vraioufaux_french_spacing", 5)
