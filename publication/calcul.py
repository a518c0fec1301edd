"""Each article's « Comment a-t-on calculé ? » page: where it is and what its template shows.

An article's derivation blocks are most of its DOM, so they live on a page of their own,
``mythes/<slug>/calcul/``, generated like the listing pages: one ``File`` per listed article in
``on_files``, rendered through ``site_overrides/vf-calcul.html``. MkDocs renders the Markdown of
every page before any template, so the calcul page shows the blocks gathered when its article
was rendered. The article's figures link to their block there (plain anchors), and each block
links back to its figure in the article.

A calcul page is not an article (``Publication.add_calcul_page``): it is not listed, not in the
feed, not among related articles, not in the figures report and not indexed for search, and
``check`` never sees it, since it is not a file of the content folder.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import get_relative_url

from macros.errors import ContentError

from .articles import ArticleView, Publication
from .listing import Entry
from .typography import NARROW_NBSP, quoted

TEMPLATE = "vf-calcul.html"
#: The page's folder inside its article's folder.
FOLDER = "calcul"
HEADING = f"Comment a-t-on calculé{NARROW_NBSP}?"


def calcul_src_uri(article_src_uri: str) -> str:
    """``mythes/chatgpt-magique.md`` → ``mythes/chatgpt-magique/calcul.md``."""
    return f"{PurePosixPath(article_src_uri).with_suffix('')}/{FOLDER}.md"


@dataclass(frozen=True)
class CalculView:
    """Everything ``vf-calcul.html`` shows: the article's claim and category, its derivation
    blocks and numbered sources (``article``), and the way back to it."""

    article: ArticleView
    article_url: str  # site-relative
    claim: str
    category_url: str


class CalculPages:
    """The calcul page of every listed article, registered with the ``Publication``."""

    def __init__(self, entries: Iterable[Entry], publication: Publication) -> None:
        self.publication = publication
        #: Calcul page src_uri → its article's entry.
        self.pages: dict[str, Entry] = {calcul_src_uri(e.src_uri): e for e in entries}
        #: Article src_uri → site-relative URL of its calcul page (once files are generated).
        self.urls: dict[str, str] = {}

    def generated_files(self, config: MkDocsConfig, files: Files) -> list[File]:
        """A file for each calcul page; a content file at one of their paths is an error."""
        generated = []
        for src_uri, entry in self.pages.items():
            if files.get_file_from_path(src_uri) is not None:
                self.publication.errors.append(ContentError(
                    self.publication.display_path(src_uri), 1,
                    f"ce chemin est réservé à la page de calcul de {entry.src_uri}",
                    "renommez ce fichier ou déplacez-le hors du dossier de l’article"))
                continue
            file = File.generated(config, src_uri, content="")
            self.publication.add_calcul_page(entry.src_uri, src_uri,
                                             get_relative_url(file.url, entry.url))
            self.urls[entry.src_uri] = file.url
            generated.append(file)
        return generated

    def drop_empty(self, files: Files, articles: Callable[[str], ArticleView | None]) -> None:
        """Leave out the calcul page of each rendered article without figures (called once
        every page is rendered, before any is written): its article links to none, and an
        empty page would only stand in the sitemap. A preview may still hold one from an
        earlier build, when the article had figures: it is removed."""
        for src_uri, entry in self.pages.items():
            article = articles(entry.src_uri)
            file = files.get_file_from_path(src_uri)
            if file is not None and article is not None and not article.derivations:
                files.remove(file)
                Path(file.abs_dest_path).unlink(missing_ok=True)

    def page_meta(self, src_uri: str) -> dict[str, Any]:
        """Front matter of a calcul page: its template and title, hidden sidebars."""
        claim = quoted(self.pages[src_uri].meta.claim)
        return {"template": TEMPLATE, "title": f"{HEADING} — {claim}",
                "hide": ["navigation", "toc"]}

    def view(self, src_uri: str, article: ArticleView, category_url: str) -> CalculView:
        entry = self.pages[src_uri]
        return CalculView(article=article, article_url=entry.url,
                          claim=quoted(entry.meta.claim), category_url=category_url)
