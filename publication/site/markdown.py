"""The French-typography Markdown extension: article bodies get the no-break spaces of
``vocabulary.french.french_spacing`` (code is left alone). The plugin registers it in
``on_config``; it runs after inline patterns."""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from vocabulary.french import french_spacing

_SKIPPED = frozenset({"code", "pre", "kbd", "samp", "script", "style"})


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
    def extendMarkdown(self, md: Markdown) -> None:
        md.treeprocessors.register(_FrenchSpacing(md), "vraioufaux_french_spacing", 5)
