"""The reader-facing views of one build, behind the plugin's hooks: which listing and calcul
pages exist, what each page's template receives, and the feed."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from .articles import ArticleView, Publication
from .calcul import CalculPages
from .feed import atom
from .listing import CardMaker, Entry, Listing
from .metadata import Site, article_head, calcul_head, page_head, share_view


class Reader:
    """Built in ``on_files`` from the articles' validated front matter; serves page contexts once
    every page is rendered."""

    def __init__(self, site: Site, publication: Publication,
                 articles: Iterable[tuple[str, str, str]]) -> None:
        """``articles`` are (src_uri, url, raw text); an article with invalid front matter is
        left out of the listing, and ``Publication.render_page`` reports why."""
        self.site = site
        self.publication = publication
        entries = []
        for src_uri, url, raw in articles:
            meta = publication.article_meta(src_uri, raw)
            if meta is not None:
                entries.append(Entry(src_uri, url, meta))
        self.listing = Listing(entries)
        self.calcul = CalculPages(entries, publication)
        self.cards = CardMaker(self.listing, self.article, site.docs_dir)

    def generated_files(self, config: MkDocsConfig, files: Files) -> list[File]:
        """The listing pages and the calcul pages that the docs folder does not provide."""
        return [*self.listing.generated_files(config, files),
                *self.calcul.generated_files(config, files)]

    def is_generated(self, src_uri: str) -> bool:
        """Whether a page is one of ours, whose template shows everything (no Markdown)."""
        return src_uri in self.listing.pages or src_uri in self.calcul.pages

    def article(self, src_uri: str) -> ArticleView | None:
        rendered = self.publication.pages.get(src_uri)
        return rendered.article if rendered else None

    def page_meta(self, src_uri: str) -> dict[str, Any]:
        """Front matter defaults of a page: listing pages and articles get their template."""
        if src_uri in self.listing.pages:
            return self.listing.page_meta(src_uri)
        if src_uri in self.calcul.pages:
            return self.calcul.page_meta(src_uri)
        if self.publication.is_article(src_uri):
            return {"template": "article.html", "hide": ["navigation"]}
        return {}

    def context(self, src_uri: str, title: str | None, url: str, description: str | None
                ) -> dict[str, Any]:
        """The template variables of a page (``vf_*``)."""
        if src_uri in self.calcul.pages:
            return self._calcul_context(src_uri, title or "", url)
        article = self.article(src_uri)
        listing = src_uri in self.listing.pages
        return {
            "vf_article": article,
            "vf_calcul_url": self.calcul.urls.get(src_uri),
            "vf_listing": self.listing.view(src_uri, self.cards) if listing else None,
            "vf_extras": self.listing.article_extras(src_uri, self.cards, self.site.docs_dir),
            "vf_head": (article_head(self.site, article, url) if article
                        else page_head(self.site, title, url, description)),
            "vf_share": (share_view(self.site.absolute(url), article.meta.title) if article
                         else None),
        }

    def _calcul_context(self, src_uri: str, title: str, url: str) -> dict[str, Any]:
        entry = self.calcul.pages[src_uri]
        article = self.article(entry.src_uri)
        if article is None:
            raise LookupError(f"{entry.src_uri} has a calcul page but was not rendered")
        category_url = self.listing.categories[entry.meta.category].base
        return {
            "vf_calcul": self.calcul.view(src_uri, article, category_url),
            "vf_head": calcul_head(self.site, title, url, article, entry.url),
        }

    def feed(self) -> bytes:
        entries = self.listing.home.entries
        verdicts = {e.src_uri: view.verdict.label for e in entries
                    if (view := self.article(e.src_uri))}
        return atom(self.site, entries, verdicts)
