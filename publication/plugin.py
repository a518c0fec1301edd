"""The thin MkDocs adapter: configuration in, pages through ``Publication``, errors out."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
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
from .preview import Preview, calcul_keys, listing_keys, related_keys, versions
from .reader import Reader
from .report import build_report, dump_report
from .search_index import documents_of, write_index
from .search_page import SEARCH_PAGE, add_search_page
from .search_text import html_text
from .template_page import make_template_pages
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
    #: Set by on_startup under ``mkdocs serve --dirty``: rebuild only what an edit touches.
    preview: Preview | None = None
    #: The articles a preview build carries over from the previous one, without rendering them.
    carried: frozenset[str] = frozenset()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Also makes MkDocs keep this object for a whole `mkdocs serve`, as the preview needs.
        self.preview = Preview() if command == "serve" and dirty else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.publication = self.new_publication(config)
        self.site = Site(config.site_name, config.site_url or "", config.site_description or "",
                         Path(config.docs_dir))
        config.markdown_extensions.append(FrenchTypographyExtension())  # type: ignore[arg-type]
        if self.preview is not None:
            self.preview.begin(config, self.data_dir, self.publication)
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
        articles = [f for f in files.documentation_pages()
                    if self.publication.is_article(f.src_uri)]
        self.reader = Reader(self.site, self.publication,
                             ((f.src_uri, f.url, f.content_string) for f in articles))
        for file in self.reader.generated_files(config, files):
            files.append(file)
        add_search_page(files, config)
        self.search_texts = {}
        if self.preview is not None:
            self._select_preview_pages(files, {f.src_uri: f.content_string for f in articles})
        make_template_pages((f for f in files.documentation_pages() if f.generated_by), config)
        return files

    def _select_preview_pages(self, files: Files, articles: dict[str, str]) -> None:
        """Under ``serve --dirty``: leave out what the edit did not touch (see ``preview``)."""
        assert self.preview is not None
        listing = self.reader.listing
        article_versions = versions(articles)
        keys = {**listing_keys(listing, article_versions),
                **calcul_keys(self.reader.calcul.pages, article_versions), SEARCH_PAGE: SEARCH_PAGE}
        carried = self.preview.select(files, article_versions, keys,
                                      related_keys(listing, article_versions))
        self.publication.pages.update(carried)
        self.search_texts.update(self.preview.carried_texts(carried))
        self.carried = frozenset(carried)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.data_dir))
        return server

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        src_uri = page.file.src_uri
        for key, value in self.reader.page_meta(src_uri).items():
            page.meta.setdefault(key, value)
        if page.file.generated_by and self.reader.is_generated(src_uri):
            return markdown  # a listing or calcul page: its template shows everything
        body = self.publication.render_page(src_uri, page.file.content_string)
        return markdown if body is None else body

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.reader.article(page.file.src_uri) is not None:
            self.search_texts[page.file.src_uri] = html_text(html)
        return html

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # A preview warns about the pages it rendered: the others were reported when they were.
        rendered = [page for uri, page in self.publication.pages.items()
                    if uri not in self.carried]
        warnings = freshness_warnings(rendered, self.publication.display_path, dt.date.today(),
                                      self.config.freshness_max_age_years)
        if self.config.freshness_strict:
            self.publication.errors.extend(warnings)
        else:
            for warning in warnings:
                log.info("À vérifier : %s", str(warning).replace("\n", " "))
        if self.publication.errors:
            raise PluginError(report_errors(self.publication.errors))
        self.reader.calcul.drop_empty(files, self.reader.article)
        env.bytecode_cache = FileSystemBytecodeCache()
        return env

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        context.update(self.reader.context(page.file.src_uri, page.title, page.url,
                                           page.meta.get("description")))
        context["vf_banner"] = self.config.series_banner
        return context

    def on_post_build(self, config: MkDocsConfig) -> None:
        preview = self.preview
        if preview is not None:
            preview.finish(self.publication.pages, self.search_texts)
        report = build_report(self.publication.pages.values(),
                              preview.report_cache if preview else None)
        text = dump_report(report, preview.report_text_cache if preview else None)
        (Path(config.site_dir) / self.config.figures_report).write_text(text, encoding="utf-8")
        (Path(config.site_dir) / FEED).write_bytes(self.reader.feed())
        documents = documents_of(self.reader.listing.home.entries, self.reader.cards,
                                 self.search_texts)
        if documents is None:  # an article is missing: the last index stays
            return
        site_dir = Path(config.site_dir)
        if preview is not None:
            preview.index_later(lambda: write_index(site_dir, documents))
        else:
            write_index(site_dir, documents)

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.wait_for_index()
