"""The thin MkDocs adapter: configuration in, pages through ``Publication``, errors out."""

from __future__ import annotations

import datetime as dt
import logging
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

from .articles import CallToAction, Publication
from .errors import report_errors
from .freshness import freshness_warnings
from .metadata import FEED, Site
from .reader import Reader
from .report import build_report, dump_report
from .search_index import documents_of, write_index
from .search_page import add_search_page
from .search_text import html_text
from .typography import FrenchTypographyExtension

log = logging.getLogger(f"mkdocs.plugins.{__name__}")


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
    #: Sources older than this are reported; hypotheses in use are always reported.
    freshness_max_age_years = c.Type(int, default=5)
    #: Turn those reports into errors that fail the build.
    freshness_strict = c.Type(bool, default=False)


class VraiOuFauxPlugin(BasePlugin[VraiOuFauxConfig]):
    """Renders every page through the sandboxed renderer; fails the build on any error."""

    publication: Publication
    site: Site
    reader: Reader
    #: Each article's body text, collected as pages are rendered, for the search index.
    search_texts: dict[str, str]

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.publication = self.new_publication(config)
        self.site = Site(config.site_name, config.site_url or "", config.site_description or "",
                         Path(config.docs_dir))
        config.markdown_extensions.append(FrenchTypographyExtension())  # type: ignore[arg-type]
        return config

    def new_publication(self, config: MkDocsConfig) -> Publication:
        """A ``Publication`` for this configuration (also used by the command line)."""
        calls = {
            key: CallToAction(cta.title, cta.text, cta.link_text, cta.link)
            for key, cta in self.config.calls_to_action.items()
        }
        root = Path(config.config_file_path).parent
        self.data_dir = Path(self.config.data_dir) if self.config.data_dir else DATA_DIR
        return Publication(Path(config.docs_dir), self.config.articles_dir, calls, root,
                           self.data_dir)

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        articles = ((f.src_uri, f.url, f.content_string) for f in files.documentation_pages()
                    if self.publication.is_article(f.src_uri))
        self.reader = Reader(self.site, self.publication, articles)
        for file in self.reader.listing.generated_files(config, files):
            files.append(file)
        add_search_page(files, config)
        self.search_texts = {}
        return files

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.data_dir))
        return server

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        src_uri = page.file.src_uri
        for key, value in self.reader.page_meta(src_uri).items():
            page.meta.setdefault(key, value)
        if page.file.generated_by and src_uri in self.reader.listing.pages:
            return markdown  # a listing page: its template shows everything
        body = self.publication.render_page(src_uri, page.file.content_string)
        return markdown if body is None else body

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.reader.article(page.file.src_uri) is not None:
            self.search_texts[page.file.src_uri] = html_text(html)
        return html

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        warnings = freshness_warnings(
            self.publication.pages.values(), self.publication.display_path, dt.date.today(),
            self.config.freshness_max_age_years,
        )
        if self.config.freshness_strict:
            self.publication.errors.extend(warnings)
        else:
            for warning in warnings:
                log.info("À vérifier : %s", str(warning).replace("\n", " "))
        if self.publication.errors:
            raise PluginError(report_errors(self.publication.errors))
        return env

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        context.update(self.reader.context(page.file.src_uri, page.title, page.url,
                                           page.meta.get("description")))
        context["vf_banner"] = self.config.series_banner
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        report = build_report(self.publication.pages.values())
        path = Path(config.site_dir) / self.config.figures_report
        path.write_text(dump_report(report), encoding="utf-8")
        (Path(config.site_dir) / FEED).write_bytes(self.reader.feed())
        documents = documents_of(self.reader.listing.home.entries, self.reader.cards,
                                 self.search_texts)
        if documents is not None:  # None in a --dirty rebuild: the last full index stays
            write_index(Path(config.site_dir), documents)
