"""The pages the plugin generates: one ``PageKind`` per kind, one ``GeneratedPage`` per page.

A page kind owns its URLs (``src_uris``), its template and front matter (``meta``), what its
template receives (``context``) and what its content depends on (``preview_key``, for the
preview). The listing, calcul and search pages are the three kinds; adding a fourth is one
subclass of ``PageKind`` here and one template in ``site_overrides/``.

A generated page has no Markdown, yet MkDocs would build a Python-Markdown converter with every
extension for each one (about 0.5 ms a page, 1,440 pages at 1,000 articles): each gets a
``GeneratedPage`` before MkDocs makes a ``Page`` of its own (Material's blog plugin does the same
for its views).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc
from mkdocs.utils import get_relative_url

from publication.model.paths import calcul_src_uri
from publication.model.verdicts import VERDICTS
from publication.pipeline import Publication
from publication.views import scale, scenario
from publication.views.article import ArticleView
from publication.views.calcul import calcul_title, calcul_view
from publication.views.listing import CardMaker, Entry, Listing
from publication.views.metadata import Site, calcul_head, page_head

#: Every generated page hides Material's sidebars: its template lays out the whole page.
HIDDEN = ["navigation", "toc"]


@dataclass
class SiteBuild:
    """What every page of one build is made from: the rendered pages, the listing, the cards."""

    site: Site
    publication: Publication
    #: The listed articles, in the order of the content folder's files.
    entries: list[Entry]
    listing: Listing = field(init=False)
    cards: CardMaker = field(init=False)
    #: Article src_uri → site-relative URL of its calcul page.
    calcul_urls: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.listing = Listing(self.entries)
        self.cards = CardMaker(self.listing, self.article, self.site.docs_dir)

    def article(self, src_uri: str) -> ArticleView | None:
        rendered = self.publication.pages.get(src_uri)
        return rendered.article if rendered else None


class GeneratedPage(Page):
    """A page of a ``PageKind``: its template shows everything, it has no Markdown."""

    def __init__(self, kind: PageKind, file: File, config: MkDocsConfig) -> None:
        super().__init__(None, file, config)
        self.kind = kind

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown and self.markdown.strip():
            raise RuntimeError(f"{self.file.src_uri} has Markdown, yet is a generated page")
        self.content = ""
        self.toc = get_toc([])
        self.present_anchor_ids = set()


class PageKind(ABC):
    """One kind of generated page."""

    template: ClassVar[str]

    def __init__(self, build: SiteBuild) -> None:
        self.build = build
        #: The pages of this kind in this build (generated, or provided by the content).
        self.owned: set[str] = set()

    @abstractmethod
    def src_uris(self) -> Iterable[str]:
        """The pages of this kind, by the path of the file MkDocs knows them by."""

    @abstractmethod
    def title(self, src_uri: str) -> str: ...

    @abstractmethod
    def context(self, page: Page) -> dict[str, Any]:
        """The variables its template receives (``vf_*``)."""

    @abstractmethod
    def preview_key(self, src_uri: str, versions: Mapping[str, str]) -> Hashable:
        """What the page shows, given each article's version: a page whose key is unchanged
        from the previous preview build is not built again."""

    def shows(self, src_uri: str) -> Iterable[str]:
        """The articles the page shows (source paths): its sitemap date follows theirs."""
        return ()

    def meta(self, src_uri: str) -> dict[str, Any]:
        """Front-matter defaults of the page: its template and title, hidden sidebars."""
        return {"template": self.template, "title": self.title(src_uri), "hide": HIDDEN}

    def adopts(self, file: File) -> bool:
        """Whether a content file at one of this kind's paths stands for the generated page
        (its Markdown is then rendered as any page's); else the content file is left alone."""
        return False

    def generate(self, files: Files, config: MkDocsConfig) -> None:
        """Add a ``GeneratedPage`` for each page of this kind the content does not provide."""
        for src_uri in self.src_uris():
            existing = files.get_file_from_path(src_uri)
            if existing is not None:
                if self.adopts(existing):
                    self.owned.add(src_uri)
                continue
            file = File.generated(config, src_uri, content="")
            self.registered(src_uri, file)
            files.append(file)
            GeneratedPage(self, file, config)
            self.owned.add(src_uri)

    def registered(self, src_uri: str, file: File) -> None:  # noqa: B027 (an optional hook)
        """Called for each page generated, once its URL is known."""

    def settle(self, files: Files) -> None:  # noqa: B027 (an optional hook)
        """Called once every page is rendered, before any is written."""


def _head_only(head: Any) -> dict[str, Any]:
    """The context of a page that is neither an article nor a calcul page."""
    return {"vf_article": None, "vf_calcul_url": None, "vf_listing": None, "vf_extras": None,
            "vf_head": head, "vf_share": None}


class ListingPages(PageKind):
    """« Tous les articles », each category and each tag, paginated."""

    template = "vf-listing.html"

    def src_uris(self) -> Iterable[str]:
        return self.build.listing.pages

    def title(self, src_uri: str) -> str:
        return self.build.listing.title(src_uri)

    def adopts(self, file: File) -> bool:
        return True  # content/index.md: the home page's own text

    def shows(self, src_uri: str) -> Iterable[str]:
        page = self.build.listing.pages[src_uri]
        return (e.src_uri for e in page.section.entries_on(page.number))

    def context(self, page: Page) -> dict[str, Any]:
        build = self.build
        return {**_head_only(page_head(build.site, page.title, page.url,
                                       page.meta.get("description"))),
                "vf_listing": build.listing.view(page.file.src_uri, build.cards)}

    def preview_key(self, src_uri: str, versions: Mapping[str, str]) -> Hashable:
        """Its place in its section, the sections, and the version of each article on it."""
        listing = self.build.listing
        page = listing.pages[src_uri]
        section = page.section
        return (section.kind, section.title, page.number, section.page_count,
                len(section.entries), tuple(s.title for s in listing.categories.values()),
                tuple((e.src_uri, versions.get(e.src_uri))
                      for e in section.entries_on(page.number)))


class CalculPages(PageKind):
    """Each listed article's derivations (``publication.views.calcul``)."""

    template = "vf-calcul.html"

    def __init__(self, build: SiteBuild) -> None:
        super().__init__(build)
        #: Calcul page src_uri → its article's entry.
        self.entries: dict[str, Entry] = {calcul_src_uri(e.src_uri): e for e in build.entries}

    def src_uris(self) -> Iterable[str]:
        return self.entries

    def title(self, src_uri: str) -> str:
        return calcul_title(self.entries[src_uri])

    def shows(self, src_uri: str) -> Iterable[str]:
        return (self.entries[src_uri].src_uri,)

    def registered(self, src_uri: str, file: File) -> None:
        entry = self.entries[src_uri]
        self.build.publication.derivation_urls[entry.src_uri] = get_relative_url(file.url,
                                                                                  entry.url)
        self.build.calcul_urls[entry.src_uri] = file.url

    def context(self, page: Page) -> dict[str, Any]:
        build = self.build
        entry = self.entries[page.file.src_uri]
        article = build.article(entry.src_uri)
        if article is None:
            raise LookupError(f"{entry.src_uri} has a calcul page but was not rendered")
        category_url = build.listing.categories[entry.meta.category].base
        title = page.title or ""
        _write_scenario(build, entry.src_uri, Path(page.file.abs_dest_path).parent, article)
        return {"vf_calcul": calcul_view(entry, article, category_url),
                "vf_head": calcul_head(build.site, title, page.url, article, entry.url)}

    def preview_key(self, src_uri: str, versions: Mapping[str, str]) -> Hashable:
        """A calcul page shows its article's derivations: its key is the article's version."""
        article = self.entries[src_uri].src_uri
        return (article, versions.get(article))

    def settle(self, files: Files) -> None:
        """Leave out the calcul page of each rendered article without figures: its article
        links to none, and an empty page would only stand in the sitemap. A preview may still
        hold one from an earlier build, when the article had figures: it is removed."""
        for src_uri, entry in self.entries.items():
            article = self.build.article(entry.src_uri)
            file = files.get_file_from_path(src_uri)
            if file is not None and article is not None and not article.derivations:
                files.remove(file)
                Path(file.abs_dest_path).unlink(missing_ok=True)


def _write_scenario(build: SiteBuild, src_uri: str, folder: Path, article: ArticleView
                    ) -> None:
    """The article's formula graph beside its calcul page (``views.scenario``), for the
    page's script, its checked sentences and the article's « Et si… ? » boxes."""
    rendered = build.publication.pages[src_uri].rendered
    graph = scenario.scenario(rendered.figures, rendered.units, rendered.formats,
                              build.publication.catalog, scenario.box_inputs(rendered.blocks),
                              [(a.figure_key, a.bounds) for a in article.assertions])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / scenario.FILE).write_bytes(scenario.dumps(graph))


class SearchPage(PageKind):
    """``/recherche/``: the page that loads the search index once the reader types."""

    template = "vf-search.html"
    SRC_URI = "recherche.md"
    TITLE = "Rechercher dans les articles"

    def src_uris(self) -> Iterable[str]:
        return (self.SRC_URI,)

    def title(self, src_uri: str) -> str:
        return self.TITLE

    def meta(self, src_uri: str) -> dict[str, Any]:
        return {**super().meta(src_uri), "description": self.description()}

    def shows(self, src_uri: str) -> Iterable[str]:
        return (e.src_uri for e in self.build.entries)  # its index holds every article

    def description(self) -> str:
        return f"Rechercher un mot dans tous les articles de {self.build.site.name}"

    def context(self, page: Page) -> dict[str, Any]:
        # The filters' options are in the page, so that nothing moves when the index loads.
        return {**_head_only(page_head(self.build.site, page.title, page.url,
                                       self.description())),
                "vf_search_verdicts": [v.label for v in VERDICTS.values()],
                "vf_search_categories": list(self.build.listing.categories)}

    def preview_key(self, src_uri: str, versions: Mapping[str, str]) -> Hashable:
        return (src_uri, tuple(self.build.listing.categories))  # no article, but the filters


class ScalePage(PageKind):
    """« Grille des verdicts »: each step defined, with the latest articles that received it
    (``publication.views.scale``). Linked from every footer and every verdict box."""

    template = "vf-scale.html"
    SRC_URI = "grille-des-verdicts.md"

    def src_uris(self) -> Iterable[str]:
        return (self.SRC_URI,)

    def title(self, src_uri: str) -> str:
        return scale.TITLE

    def meta(self, src_uri: str) -> dict[str, Any]:
        return {**super().meta(src_uri), "description": scale.DESCRIPTION}

    def context(self, page: Page) -> dict[str, Any]:
        build = self.build
        return {**_head_only(page_head(build.site, page.title, page.url, scale.DESCRIPTION)),
                "vf_scale": scale.scale_steps(build.listing, build.cards)}

    def preview_key(self, src_uri: str, versions: Mapping[str, str]) -> Hashable:
        """The examples it shows: each article's verdict, date and version."""
        return tuple((e.src_uri, e.meta.verdict, e.meta.date, versions.get(e.src_uri))
                     for e in self.build.listing.home.entries)


#: Every kind, in the order its pages are added.
KINDS: tuple[type[PageKind], ...] = (ListingPages, CalculPages, SearchPage, ScalePage)


class GeneratedPages:
    """The page kinds of one build, and which kind owns each page."""

    def __init__(self, build: SiteBuild) -> None:
        self.kinds = [kind(build) for kind in KINDS]

    def generate(self, files: Files, config: MkDocsConfig) -> None:
        for kind in self.kinds:
            kind.generate(files, config)

    def owner(self, src_uri: str) -> PageKind | None:
        return next((kind for kind in self.kinds if src_uri in kind.owned), None)

    def preview_keys(self, versions: Mapping[str, str]) -> dict[str, Hashable]:
        return {uri: kind.preview_key(uri, versions) for kind in self.kinds
                for uri in kind.owned}

    def settle(self, files: Files) -> None:
        for kind in self.kinds:
            kind.settle(files)

    def shows(self, src_uri: str) -> Iterable[str]:
        """The articles a generated page shows; none for any other page."""
        kind = self.owner(src_uri)
        return kind.shows(src_uri) if kind else ()
