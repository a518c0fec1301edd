"""Render the pages of a build and collect every error: the work behind the MkDocs plugin."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from babel.dates import format_date

from calculators import CalculatorError, Catalog, DataErrors
from calculators.loading import suggest
from macros.errors import ContentError
from macros.formatting import LOCALE
from macros.render import Rendered, Renderer
from macros.toolbox import Toolbox

from . import derivation, rules
from .frontmatter import SourceFile, split
from .prose import typed_figures
from .schema import ArticleMeta, validate
from .slugs import slug_problem, slugify
from .verdicts import VERDICTS, Verdict

WORDS_PER_MINUTE = 200
_TAG = re.compile(r"<[^>]+>")
IMAGE_SUFFIXES = (".avif", ".gif", ".jpeg", ".jpg", ".png", ".svg", ".webp")
#: Front-matter texts readers see outside the article, which cannot hold a computed figure.
#: (The title and the claim quote the myth: they may.)
FIGURE_FREE_FIELDS = ("description", "cover_alt", "verdict_label")


@dataclass(frozen=True)
class CallToAction:
    title: str
    text: str
    link_text: str
    link: str


@dataclass(frozen=True)
class ArticleView:
    """Everything the article template shows, computed once."""

    meta: ArticleMeta
    verdict: Verdict
    date_text: str
    reading_minutes: int
    cta: CallToAction | None
    derivations: list[derivation.DerivationView]
    #: « 23 chiffres, dont 5 reposent sur des hypothèses sans source »
    derivation_summary: str
    sources: list[derivation.SourceView]


@dataclass(frozen=True)
class RenderedPage:
    src_uri: str
    rendered: Rendered
    article: ArticleView | None


def binary_file_error(data: str | bytes, file: str) -> ContentError | None:
    """The error for a page that is not text (it holds a NUL), at the line of its first NUL."""
    nul, newline = ("\x00", "\n") if isinstance(data, str) else (b"\x00", b"\n")
    if nul not in data:
        return None
    return ContentError(file, data.count(newline, 0, data.index(nul)) + 1,  # type: ignore[arg-type]
                        "fichier binaire : ce n’est pas un texte",
                        "une page est un fichier texte .md, enregistré en UTF-8")


@dataclass
class _Parsed:
    """One article text, parsed once; its front matter checked once, on first demand."""

    raw: str
    source: SourceFile
    checked: tuple[ArticleMeta, list[tuple[str, str, str]]] | None = None


def _data_error(error: CalculatorError) -> ContentError:
    key = f"« {error.key} » : " if error.key else ""
    return ContentError(error.file or "calculators/data", error.line, key + error.message,
                        error.hint)


class Publication:
    """Renders each page once, keeps what the templates and reports need, collects errors."""

    def __init__(self, docs_dir: Path, articles_dir: str,
                 calls_to_action: Mapping[str, CallToAction], project_root: Path,
                 data_dir: Path) -> None:
        self.docs_dir = docs_dir
        self.articles_dir = articles_dir.strip("/")
        self.calls_to_action = calls_to_action
        self.project_root = project_root
        self.errors: list[ContentError] = []
        self.pages: dict[str, RenderedPage] = {}
        #: The file that took each article slug first: two articles may not share one.
        self.slugs: dict[str, str] = {}
        self._sources: dict[str, _Parsed] = {}
        #: Generated pages holding an article's derivations, and the article each one serves.
        self.calcul_pages: dict[str, str] = {}
        #: Where each article's figures link to: its calcul page, relative to the article.
        self._derivation_urls: dict[str, str] = {}
        self.renderer: Renderer | None = None
        try:
            self.renderer = Renderer(Toolbox(Catalog.load(data_dir)))
        except DataErrors as errors:
            self.errors.extend(_data_error(e) for e in errors.errors)

    def display_path(self, src_uri: str) -> str:
        path = self.docs_dir / src_uri
        try:
            return str(path.relative_to(self.project_root))
        except ValueError:
            return str(path)

    def is_article(self, src_uri: str) -> bool:
        return src_uri.startswith(self.articles_dir + "/") and src_uri.endswith(".md") \
            and src_uri not in self.calcul_pages

    def add_calcul_page(self, article_src_uri: str, calcul_src_uri: str, url: str) -> None:
        """Register the generated page that holds an article's derivations: it is not an
        article, and the article's figures link to it through ``url`` (relative to the
        article). Without one, figures link to blocks on the article itself."""
        self.calcul_pages[calcul_src_uri] = article_src_uri
        self._derivation_urls[article_src_uri] = url

    def read_source(self, src_uri: str, raw: str) -> SourceFile:
        """``raw`` split into front matter and body, parsed once per build (the listing reads
        the front matter of every article before its page is rendered)."""
        return self._parsed(src_uri, raw).source

    def reuse_parsed(self, previous: Publication | None) -> None:
        """Start from ``previous``'s parsed and checked front matter (same configuration: the
        preview), still checked against each file's text."""
        if previous is not None:
            self._sources.update(previous._sources)

    def _parsed(self, src_uri: str, raw: str) -> _Parsed:
        cached = self._sources.get(src_uri)
        if cached is not None and cached.raw == raw:
            return cached
        parsed = _Parsed(raw, split(raw, self.display_path(src_uri)))
        self._sources[src_uri] = parsed
        return parsed

    def checked_meta(self, src_uri: str, raw: str
                     ) -> tuple[ArticleMeta, list[tuple[str, str, str]]]:
        """An article's front matter validated, and its problems: checked once per build."""
        parsed = self._parsed(src_uri, raw)
        if parsed.checked is None:
            parsed.checked = self._check_meta(parsed.source.meta)
        return parsed.checked

    def article_meta(self, src_uri: str, raw: str) -> ArticleMeta | None:
        """The validated front matter of an article, or None if invalid: ``render_page`` then
        reports why."""
        try:
            meta, problems = self.checked_meta(src_uri, raw)
        except ContentError:
            return None
        return None if problems else meta

    def render_page(self, src_uri: str, raw: str) -> str | None:
        """The page body with its figures computed, or None after recording its errors."""
        file = self.display_path(src_uri)
        binary = binary_file_error(raw, file)
        if binary:
            self.errors.append(binary)
            return None
        if self.is_article(src_uri) and not raw.strip():
            self.errors.append(ContentError(
                file, 1, "l’article est vide",
                "partez du modèle : python -m publication new \"Le mythe\""))
            return None
        try:
            source = self.read_source(src_uri, raw)
        except ContentError as error:
            self.errors.append(error)
            return None
        meta: ArticleMeta | None = None
        if self.is_article(src_uri):
            self._check_slug(src_uri, file)
            meta, problems = self.checked_meta(src_uri, raw)
            self.errors.extend(
                ContentError(file, source.line_of(key), message, hint)
                for key, message, hint in problems
            )
            if problems:
                meta = None
        typed = rules.prose_problems(source.body, file, source.body_offset)
        self.errors.extend(typed)
        if self.renderer is None:
            return None
        try:
            rendered = self.renderer.render(
                source.body, file=file, line_offset=source.body_offset, article=source.meta,
                derivations_url=self._derivation_urls.get(src_uri, ""))
        except ContentError as error:
            # Rendering stops at the first error: list every unknown name of the page as well.
            unknown = rules.jinja_problems(source.body, file, source.body_offset, self.renderer)
            self.errors.extend(unknown)
            if error.line not in {e.line for e in unknown}:  # else: the same mistake
                self.errors.append(error)
            return None
        self.errors.extend(rules.output_problems(rendered.text, typed, file, source.body_offset))
        article = self._article_view(meta, rendered) if meta else None
        self.pages[src_uri] = RenderedPage(src_uri, rendered, article)
        return rendered.text

    def _check_slug(self, src_uri: str, file: str) -> None:
        slug = PurePosixPath(src_uri).stem
        problem = slug_problem(slug)
        if problem:
            self.errors.append(ContentError(file, 1, problem, "renommez le fichier, par exemple "
                                            f"{slugify(slug) or 'mon-mythe'}.md"))
        elif self.slugs.setdefault(slug, file) != file:
            self.errors.append(ContentError(
                file, 1, f"slug « {slug} » déjà pris par {self.slugs[slug]}",
                "deux articles ne peuvent pas avoir le même nom de fichier : renommez celui-ci"))

    def _check_meta(self, data: dict[str, Any]) -> tuple[ArticleMeta, list[tuple[str, str, str]]]:
        meta, problems = validate(data)
        cover = data.get("cover")
        if isinstance(cover, str) and cover and not self._is_image(cover):
            problems.append(("cover", f"image de couverture introuvable : {cover}",
                             f"le chemin part du dossier {self.docs_dir.name}/, par exemple "
                             "images/mon-article.svg"))
        for key in FIGURE_FREE_FIELDS:
            if isinstance(data.get(key), str):
                problems += [(key, f"« {key} » : {p.message}", p.hint)
                             for p in typed_figures(data[key])]
        based_on = data.get("based_on")
        sources = self.renderer.toolbox.catalog.sources if self.renderer else None
        if isinstance(based_on, str) and sources is not None and based_on not in sources:
            problems.append(("based_on", f"source inconnue « {based_on} »",
                             suggest(based_on, sources)
                             or "ajoutez-la dans calculators/data/sources.yml"))
        cta = data.get("cta")
        if isinstance(cta, str) and cta not in self.calls_to_action:
            known = ", ".join(self.calls_to_action) or "aucun"
            problems.append(("cta", f"appel à l’action inconnu « {cta} »",
                             f"appels définis dans mkdocs.yml : {known}"))
        return meta, problems

    def _is_image(self, path: str) -> bool:
        """Whether ``path`` is an image file inside the content folder."""
        docs = self.docs_dir.resolve()
        image = (docs / path).resolve()
        return image.is_relative_to(docs) and image.suffix.lower() in IMAGE_SUFFIXES \
            and image.is_file()

    def _article_view(self, meta: ArticleMeta, rendered: Rendered) -> ArticleView:
        blocks, sources = derivation.build(rendered.figures, rendered.citations.values(),
                                           rendered.units)
        words = len(_TAG.sub(" ", rendered.text).split())
        date: dt.date = meta.date
        return ArticleView(
            meta=meta, verdict=VERDICTS[meta.verdict],
            date_text=format_date(date, format="long", locale=LOCALE),
            reading_minutes=max(1, round(words / WORDS_PER_MINUTE)),
            cta=self.calls_to_action.get(meta.cta) if meta.cta else None,
            derivations=blocks, derivation_summary=derivation.summary(blocks), sources=sources,
        )
