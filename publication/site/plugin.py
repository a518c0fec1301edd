"""The thin MkDocs adapter: configuration in, pages through ``Publication``, errors out.

Every hook delegates: ``publication.pipeline`` renders pages and collects errors, the page kinds
of ``publication.site.pages`` generate and describe the listing, calcul and search pages,
``publication.views`` prepare what templates show, ``publication.site.preview`` keeps what
``mkdocs serve --dirty`` carries from one build to the next.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from jinja2 import FileSystemBytecodeCache
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from macros.chart_calls import place_blocks
from publication.cards.render import ArticleCard, CardRenderer, default_cache_dir
from publication.checks.markdown_bounds import markdown_bounds
from publication.checks.output_html import sanitise, source_line
from publication.figures.freshness import freshness_warnings
from publication.figures.report import dump_report
from publication.model.content_files import scan
from publication.model.verdicts import VERDICTS
from publication.outcome import write_outcome
from publication.pipeline import Publication
from publication.project import Project, read_page
from publication.search.index import TagLink, documents_of, write_index
from publication.search.synonyms import Synonym, read_synonyms
from publication.search.text import html_text
from publication.settings import PublicationConfig
from publication.site.failure import clear_failure, write_failure
from publication.site.markdown import FrenchTypographyExtension
from publication.site.pages import GeneratedPage, GeneratedPages, SiteBuild
from publication.site.preview import Preview, related_keys, versions
from publication.site.server import show_failures
from publication.site.sitemap import Lastmod, git_dates, robots_txt
from publication.site.warnings import WarningsAsErrors
from publication.views.article import updated
from publication.views.feed import atom
from publication.views.listing import Entry
from publication.views.metadata import (
    CARD_FILE,
    FEED,
    Identity,
    Site,
    article_head,
    card_url,
    page_head,
    share_view,
)
from vocabulary.errors import ContentError, count, error_lines
from vocabulary.french import french_spacing

log = logging.getLogger(f"mkdocs.plugins.{__name__}")
#: The 404 page: its title, description, and how many of the latest articles it suggests.
NOT_FOUND_TITLE = "Page introuvable"
NOT_FOUND_DESCRIPTION = ("Cette page n’existe pas ou plus. Cherchez un article, ou lisez les "
                         "derniers.")
LATEST_ON_404 = 5


#: Material's skip link, which leads to the first heading of the page's Markdown.
_SKIP = re.compile(r'<div data-md-component="skip">.*?</div>', re.S)
TITLE_ID = "vf-title"


def skip_to_title(html: str) -> str:
    """The page with « Aller au contenu » leading to its title (``#vf-title``, the article's
    claim), where Material would skip past the title and the verdict to the body's first
    heading; added to a page whose Markdown has no heading, where Material has none."""
    if f'id="{TITLE_ID}"' not in html:
        return html
    link = (f'<div data-md-component="skip"><a href="#{TITLE_ID}" class="md-skip">'
            "Aller au contenu</a></div>")
    return _SKIP.sub(lambda _: link, html, count=1)


def _mtime(path: Path | None) -> int | None:
    try:
        return path.stat().st_mtime_ns if path else None
    except OSError:
        return None


def report_errors(errors: list[ContentError]) -> str:
    """Why the build stopped: every error, in the format ``check`` prints too."""
    return "\n".join([f"Le site n’a pas été construit : {count(len(errors), 'erreur')} à "
                      "corriger.", "", *error_lines(errors)])


class VraiOuFauxPlugin(BasePlugin[PublicationConfig]):
    """Renders every page through the sandboxed renderer; fails the build on any error."""

    project: Project
    publication: Publication
    site: Site
    build: SiteBuild
    pages: GeneratedPages
    #: Set by on_startup under ``mkdocs serve --dirty``: rebuild only what an edit touches.
    preview: Preview | None = None
    #: Whether this build is one of the preview's (``Preview.begin``).
    previewing: bool = False
    #: Files of the content folder left out of the build (``content_files.scan``).
    refused: set[str]
    #: MkDocs' warnings during this build, as errors.
    warnings: WarningsAsErrors
    #: How many pages, and articles among them, this build checks.
    counts: tuple[int, int] = (0, 0)
    #: The folder this build writes (set first thing in on_config).
    site_dir: str | None = None
    #: The errors that stopped this build before it had a publication (on_config).
    stopped: list[ContentError]
    #: Trust page src_uri → its role in ``trust_pages`` (about, contact, licence).
    trust_roles: dict[str, str]
    #: Draws the share cards; kept from one preview build to the next (its cache).
    cards: CardRenderer | None = None
    #: Each card the preview wrote, with what it was drawn from.
    _cards_written: dict[Path, tuple[ArticleCard, int | None]]
    #: The search's synonyms (read in on_pre_build).
    synonyms: list[Synonym]

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Also makes MkDocs keep this object for a whole `mkdocs serve`, as the preview needs.
        self.preview = Preview() if command == "serve" and dirty else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.site_dir, self.stopped = config.site_dir, []
        try:
            self.project = Project.load(Path(config.config_file_path))
            self.publication = self.project.publication()
        except ContentError as error:
            self.stopped = [error]
            raise PluginError(report_errors([error])) from None
        except Exception as error:  # a bug of ours: said as it is, not hidden by a later one
            self.stopped = [ContentError(None, None, f"la construction a échoué : {error!r}",
                                         "signalez-le aux développeurs")]
            raise
        identity = self.config.identity
        self.site = Site(config.site_name, config.site_url or "", config.site_description or "",
                         Path(config.docs_dir),
                         Identity(**{key: identity[key] for key in identity}))
        config.markdown_extensions.append(FrenchTypographyExtension())  # type: ignore[arg-type]
        return config

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        """Look at the content folder before MkDocs walks it (it follows links): a link or a
        special file stops the build at once; other refused files are left out of it."""
        self.warnings = WarningsAsErrors(self.publication.display_path, self._source)
        self.warnings.attach()
        content = scan(Path(config.docs_dir), self.publication.display_path)
        self.publication.errors.extend(content.errors)
        synonyms = Path(config.config_file_path).parent / self.config.search_synonyms
        self.synonyms, problems = read_synonyms(synonyms, self.config.search_synonyms)
        self.publication.errors.extend(problems)
        if content.dangerous:  # MkDocs would follow the links: stop before it walks the folder
            raise PluginError(report_errors(content.errors))
        self.refused = content.refused_paths
        self.previewing = self.preview is not None and self.preview.begin(
            config, self.project.data_dir, self.publication)

    def _source(self, src_uri: str) -> str | None:
        """A page's text as the editor typed it (to place MkDocs' warnings at their line)."""
        file = self.project.docs_dir / src_uri
        return file.read_text(encoding="utf-8", errors="replace") if file.is_file() else None

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for src_uri in self.refused:
            refused = files.get_file_from_path(src_uri)
            if refused is not None:
                files.remove(refused)
        for file in files.documentation_pages():
            text = read_page(Path(file.abs_src_path), self.publication.display_path(file.src_uri))
            if isinstance(text, ContentError):  # MkDocs would stop on it, in English
                self.publication.errors.append(text)
                files.remove(file)
        self._find_trust_pages(files)
        pages = files.documentation_pages()
        articles = {f.src_uri: f for f in pages if self.publication.is_article(f.src_uri)}
        self.counts = (len(pages), len(articles))
        entries = []
        for src_uri, file in articles.items():
            meta = self.publication.article_meta(src_uri, file.content_string)
            if meta is not None:  # else render_page reports why
                entries.append(Entry(src_uri, file.url, meta))
        self.build = SiteBuild(self.site, self.publication, entries)
        self.pages = GeneratedPages(self.build)
        self.pages.generate(files, config)
        if self.previewing:
            self._select_preview_pages(files, {uri: f.content_string
                                               for uri, f in articles.items()})
        return files

    def _find_trust_pages(self, files: Files) -> None:
        """The URLs of the trust pages the footer links to; a missing one is an error."""
        urls: dict[str, str] = {}
        for role, src_uri in self.config.trust_pages.items():
            file = files.get_file_from_path(src_uri)
            if file is None:
                self.publication.errors.append(ContentError(
                    self.publication.display_path(src_uri), None,
                    f"page introuvable : le pied de page de chaque page y renvoie ({role})",
                    "créez-la, ou changez « trust_pages » dans mkdocs.yml"))
                continue
            urls[role] = file.url
        self.trust_roles = {src_uri: role for role, src_uri in self.config.trust_pages.items()}
        self.site = replace(self.site, trust=replace(self.site.trust, **urls))

    def _select_preview_pages(self, files: Files, articles: dict[str, str]) -> None:
        """Under ``serve --dirty``: leave out what the edit did not touch (see ``preview``)."""
        assert self.preview is not None
        article_versions = versions(articles)
        carried = self.preview.select(files, article_versions,
                                      self.pages.preview_keys(article_versions),
                                      related_keys(self.build.listing, article_versions))
        self.publication.pages.update(carried)

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        server.watch(str(self.project.data_dir))
        if self.preview is not None:
            show_failures(server, config.site_dir)
        return server

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        src_uri = page.file.src_uri
        kind = self.pages.owner(src_uri)
        if kind is not None:
            for key, value in kind.meta(src_uri).items():
                page.meta.setdefault(key, value)
            if isinstance(page, GeneratedPage):
                return markdown  # its template shows everything
        elif self.publication.is_article(src_uri):
            page.meta.setdefault("template", "article.html")
            page.meta.setdefault("hide", ["navigation", "toc"])
        body = self.publication.render_page(src_uri, page.file.content_string)
        if body is not None:
            return body
        # A page with errors fails the build; its text still goes through Markdown and the
        # sanitiser, so its HTML problems are reported in the same run, unless it is beyond
        # what Markdown can take in bounded time.
        return "" if markdown_bounds(markdown) else markdown

    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        """The page's HTML as the site serves it: cleaned by the sanitiser, every removal an
        error at the line of the source that produced it."""
        src_uri = page.file.src_uri
        rendered = self.publication.pages.get(src_uri)
        # The editor's HTML is judged without SVG; then the charts the renderer drew are placed,
        # each judged with the charts' SVG subset: hand-typed SVG never reaches the page.
        sanitised = sanitise(html)
        findings = list(sanitised.findings)
        html = sanitised.html
        if rendered is not None and rendered.rendered.blocks:
            charts = {token: sanitise(block, charts=True)
                      for token, block in rendered.rendered.blocks.items()}
            findings += [f for chart in charts.values() for f in chart.findings]
            html = place_blocks(html, {token: chart.html for token, chart in charts.items()})
        if findings:
            file = self.publication.display_path(src_uri)
            self.publication.errors.extend(
                ContentError(file, source_line(finding.clue, page.file.content_string),
                             finding.message, finding.hint)
                for finding in findings)
        if rendered is not None and rendered.article is not None:
            rendered.body_text = html_text(html)
        return Markup(html)

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        # A preview warns about the pages it rendered: the others were reported when they were.
        carried = self.preview.carried if self.previewing and self.preview else frozenset()
        rendered = [page for uri, page in self.publication.pages.items() if uri not in carried]
        warnings = freshness_warnings(rendered, self.publication.display_path, dt.date.today(),
                                      self.config.freshness_max_age_years)
        if self.config.freshness_strict:
            self.publication.errors.extend(warnings)
        else:
            notes = [str(warning).replace("\n", " ") for warning in warnings]
            if self.preview is not None and self.previewing:  # once per session
                notes = self.preview.once(notes)
            for note in notes:
                log.info("À vérifier : %s", note)
        self.publication.errors.extend(self.warnings.errors)
        if self.publication.errors:
            raise PluginError(report_errors(self.publication.errors))
        self.pages.settle(files)
        self._date_pages(files)
        env.bytecode_cache = FileSystemBytecodeCache()
        # Every string a template prints is escaped, unless it is Markup: the pages' HTML
        # (cleaned by the sanitiser) and what templates build themselves.
        env.autoescape = True
        return env

    def _date_pages(self, files: Files) -> None:
        """Each page's ``lastmod`` in sitemap.xml, instead of the build's date
        (``publication.site.sitemap``)."""
        lastmod = Lastmod(git_dates(self.project.docs_dir),
                          {e.src_uri: updated(e.meta) for e in self.build.entries})
        for file in files.documentation_pages():
            date = lastmod.of(file.src_uri, self.pages.shows(file.src_uri))
            if file.page is not None and date is not None:
                file.page.update_date = date

    def on_template_context(self, context: dict[str, Any], template_name: str,
                            config: MkDocsConfig) -> dict[str, Any]:
        """The 404 page (``site_overrides/404.html``): its head and the latest articles."""
        if template_name == "404.html":
            entries = self.build.listing.home.entries[:LATEST_ON_404]
            context["vf_head"] = page_head(self.site, NOT_FOUND_TITLE, "404.html",
                                           NOT_FOUND_DESCRIPTION)
            context["vf_latest"] = [self.build.cards(entry) for entry in entries]
        return context

    def on_page_context(self, context: dict[str, Any], page: Page, config: MkDocsConfig,
                        nav: Any) -> dict[str, Any]:
        kind = self.pages.owner(page.file.src_uri)
        context.update(kind.context(page) if kind else self._content_context(page))
        context["vf_banner"] = self.config.series_banner
        context["vf_identity"] = self.site.identity
        context["vf_trust"] = self.site.trust
        context["vf_trust_role"] = self.trust_roles.get(page.file.src_uri)
        context["vf_figures_report"] = self.config.figures_report
        return context

    def _content_context(self, page: Page) -> dict[str, Any]:
        """The template variables of an article or a plain page (``vf_*``)."""
        build, src_uri = self.build, page.file.src_uri
        article = build.article(src_uri)
        return {
            "vf_article": article,
            "vf_calcul_url": build.calcul_urls.get(src_uri),
            "vf_listing": None,
            "vf_extras": build.listing.article_extras(src_uri, build.cards, self.site.docs_dir),
            "vf_head": (article_head(self.site, article, page.url) if article
                        else page_head(self.site, page.title, page.url,
                                       page.meta.get("description"))),
            "vf_share": (share_view(self.site.absolute(page.url), article.meta.title)
                         if article else None),
        }

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        return skip_to_title(output)

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._write_cards(Path(config.site_dir))
        self._write_index_and_reports(Path(config.site_dir))
        sitemap = self.site.absolute("sitemap.xml") if self.site.url else None
        (Path(config.site_dir) / "robots.txt").write_text(robots_txt(sitemap), encoding="utf-8")
        self.warnings.detach()
        write_outcome(self.warnings.errors, *self.counts)
        if self._serving():
            clear_failure(Path(config.site_dir))

    def on_build_error(self, *, error: Exception) -> None:
        """Whatever stopped the build, ``check`` reports it: our errors, or MkDocs' own. Under
        ``mkdocs serve``, the browser shows them too (``publication.site.failure``)."""
        if self.stopped:
            errors = list(self.stopped)
        else:
            self.warnings.detach()
            errors = [*self.publication.errors] or [
                *self.warnings.errors,
                ContentError(None, None, f"la construction a échoué : {error}",
                             "signalez-le aux développeurs si le message ne suffit pas")]
        write_outcome(errors, *self.counts)
        if self._serving():
            assert self.site_dir is not None
            write_failure(Path(self.site_dir), errors)

    def _serving(self) -> bool:
        """Whether this build writes the folder ``mkdocs serve`` serves (never ``make site``)."""
        return self.preview is not None and self.preview.serves(self.site_dir)

    def _write_index_and_reports(self, site_dir: Path) -> None:
        """``figures.json``, the feed and the search index (in the background, in a preview)."""
        pages = self.publication.pages
        preview = self.preview if self.previewing else None
        if preview is not None:
            preview.finish(pages)
        report = dump_report(pages.values(), self.publication.catalog)
        (site_dir / self.config.figures_report).write_text(report, encoding="utf-8")
        (site_dir / FEED).write_bytes(self._feed())
        bodies = {uri: page.body_text for uri, page in pages.items()
                  if page.body_text is not None}
        try:
            documents = documents_of(self.build.listing.home.entries, self.build.cards, bodies)
        except LookupError as error:
            raise PluginError(f"Index de recherche incomplet : {error}") from error
        tags = [TagLink(french_spacing(section.title), section.base, len(section.entries))
                for section in self.build.listing.tags.values()]
        synonyms = list(self.synonyms)
        if preview is not None:
            preview.index_later(lambda: write_index(site_dir, documents, synonyms, tags))
        else:
            write_index(site_dir, documents, synonyms, tags)

    def _write_cards(self, site_dir: Path) -> None:
        """The share cards (``og:image``): the site's, and one per listed article."""
        if self.cards is None or not self.previewing:
            self.cards = CardRenderer(default_cache_dir())
            self._cards_written = {}
        verdicts = [(v.key, v.label) for v in sorted(VERDICTS.values(), key=lambda v: -v.rating)]
        (site_dir / CARD_FILE).write_bytes(
            self.cards.site(self.site.name, self.site.description, verdicts))
        for entry in self.build.listing.home.entries:
            view = self.build.article(entry.src_uri)
            if view is None:
                continue
            meta = view.meta
            cover = self.site.docs_dir / meta.cover if meta.cover else None
            card = ArticleCard(self.site.name, meta.claim, view.verdict.key, view.verdict.label,
                               meta.category, cover)
            path = site_dir / card_url(entry.url)
            # The preview writes again only the cards whose text or cover changed.
            version = (card, _mtime(cover))
            if self._cards_written.get(path) == version and path.is_file():
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(self.cards.article(card))
            self._cards_written[path] = version

    def _feed(self) -> bytes:
        entries = self.build.listing.home.entries
        verdicts = {e.src_uri: view.verdict.label for e in entries
                    if (view := self.build.article(e.src_uri))}
        return atom(self.site, entries, verdicts)

    def on_shutdown(self) -> None:
        if self.preview is not None:
            self.preview.wait_for_index()
