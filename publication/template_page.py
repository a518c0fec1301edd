"""Pages whose template shows everything: the listing, calcul and search pages.

They have no Markdown body, yet MkDocs would build a Python-Markdown converter with every
extension for each of them (about 0.5 ms a page, 1,440 pages at 1,000 articles). A plugin may
give a file its own ``Page`` subclass before MkDocs makes one (Material's blog plugin does the
same for its views).
"""

from __future__ import annotations

from collections.abc import Iterable

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc


class TemplatePage(Page):
    """A generated page with nothing to convert: its content is empty, its title from its
    front matter."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown and self.markdown.strip():
            raise RuntimeError(f"{self.file.src_uri} has Markdown, yet is a template page")
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()


def make_template_pages(files: Iterable[File], config: MkDocsConfig) -> None:
    """Give each of ``files`` a ``TemplatePage`` (MkDocs then keeps it)."""
    for file in files:
        TemplatePage(None, file, config)
