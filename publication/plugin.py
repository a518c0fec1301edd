"""The thin MkDocs adapter: configuration in, pages through ``Publication``, errors out."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from calculators.loading import DATA_DIR

from .articles import ArticleView, CallToAction, Publication
from .errors import report_errors
from .feed import atom
from .listing import CardMaker, Entry, Listing
from .metadata import FEED, Site, article_head, page_head, share_view
from .report import build_report


class CallToActionConfig(base.Config):
    title = c.Type(str)
    text = c.Type(str)
    link_text = c.Type(str)
    link = c.Type(str)


class VraiOuFauxConfig(base.Config):
    articles_dir = c.Type(str, default="mythes")
    series_banner = c.Type(str, default="")
    calls_to_action = c.DictOfItems(c.SubConfig(CallToActionConfig), default={})
    figures_report = c.Type(str, default="figures.json")
    #: Parameters and sources; by default the calculators package's own data.
    data_dir = c.Optional(c.Dir(exists=True))


class VraiOuFauxPlugin(BasePlugin[VraiOuFauxConfig]):
    """Renders every page through the sandboxed renderer; fails the build on any error."""

    publication: Publication
    listing: Listing
    cards: CardMaker
    site: Site

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        calls = {
            key: CallToAction(cta.title, cta.text, cta.link_text, cta.link)
            for key, cta in self.config.calls_to_action.items()
        }
        root = Path(config.config_file_path).parent
        self.data_dir = Path(self.config.data_dir) if self.config.data_dir else DATA_DIR
        self.publication = Publication(Path(config.docs_dir), self.config.articles_dir, calls,
                                       root, self.data_dir)
        self.site = Site(config.site_name, config.site_url or "", config.site_description or "",
                         Path(config.docs_dir))
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        entries = []
        for file in files.documentation_pages():
            if self.publication.is_article(file.src_uri):
                meta = self.publication.article_meta(file.src_uri, file.content_string)
                if meta is not None:
                    entries.append(Entry(file.src_uri, file.url, meta))
        self.listing = Listing(entries)
        for file in self.listing.generated_files(config, files):
            files.append(file)
        self.cards = CardMaker(self.listing, self._article, Path(config.docs_dir))
        return files

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.data_dir))
        return server

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        src_uri = page.file.src_uri
        if src_uri in self.listing.pages:
            for key, value in self.listing.page_meta(src_uri).items():
                page.meta.setdefault(key, value)
            if page.file.generated_by:
                return markdown
        if self.publication.is_article(src_uri):
            page.meta.setdefault("template", "article.html")
            page.meta.setdefault("hide", ["navigation"])
        body = self.publication.render_page(src_uri, page.file.content_string)
        return markdown if body is None else body

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        if self.publication.errors:
            raise PluginError(report_errors(self.publication.errors))
        return env

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        src_uri = page.file.src_uri
        article = self._article(src_uri)
        context["vf_article"] = article
        context["vf_banner"] = self.config.series_banner
        context["vf_listing"] = (self.listing.view(src_uri, self.cards)
                                 if src_uri in self.listing.pages else None)
        context["vf_extras"] = self.listing.article_extras(src_uri, self.cards,
                                                           Path(config.docs_dir))
        if article is None:
            context["vf_head"] = page_head(self.site, page.title, page.url,
                                           page.meta.get("description"))
            context["vf_share"] = None
        else:
            context["vf_head"] = article_head(self.site, article, page.url)
            context["vf_share"] = share_view(self.site.absolute(page.url), article.meta.title)
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        report = build_report(self.publication.pages.values())
        path = Path(config.site_dir) / self.config.figures_report
        path.write_text(json.dumps(report, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                        encoding="utf-8")
        entries = self.listing.home.entries
        verdicts = {e.src_uri: view.verdict.label for e in entries
                    if (view := self._article(e.src_uri))}
        (Path(config.site_dir) / FEED).write_bytes(atom(self.site, entries, verdicts))

    def _article(self, src_uri: str) -> ArticleView | None:
        rendered = self.publication.pages.get(src_uri)
        return rendered.article if rendered else None
