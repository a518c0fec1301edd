"""Render the pages of a build and collect every error: the work behind the MkDocs plugin."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from babel.dates import format_date

from calculators import CalculatorError, Catalog, DataErrors
from macros.errors import ContentError
from macros.formatting import LOCALE
from macros.render import Rendered, Renderer
from macros.toolbox import Toolbox

from . import derivation
from .frontmatter import SourceFile, split
from .schema import ArticleMeta, validate
from .verdicts import VERDICTS, Verdict

WORDS_PER_MINUTE = 200
_TAG = re.compile(r"<[^>]+>")


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
    sources: list[derivation.SourceView]
    hypothesis_count: int


@dataclass(frozen=True)
class RenderedPage:
    src_uri: str
    rendered: Rendered
    article: ArticleView | None


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
        self._sources: dict[str, tuple[str, SourceFile]] = {}
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
        return src_uri.startswith(self.articles_dir + "/") and src_uri.endswith(".md")

    def read_source(self, src_uri: str, raw: str) -> SourceFile:
        """``raw`` split into front matter and body, parsed once per build (the listing reads
        the front matter of every article before its page is rendered)."""
        cached = self._sources.get(src_uri)
        if cached is not None and cached[0] == raw:
            return cached[1]
        source = split(raw, self.display_path(src_uri))
        self._sources[src_uri] = (raw, source)
        return source

    def article_meta(self, src_uri: str, raw: str) -> ArticleMeta | None:
        """The validated front matter of an article, or None if invalid: ``render_page`` then
        reports why."""
        try:
            meta, problems = self._check_meta(self.read_source(src_uri, raw).meta)
        except ContentError:
            return None
        return None if problems else meta

    def render_page(self, src_uri: str, raw: str) -> str | None:
        """The page body with its figures computed, or None after recording its errors."""
        file = self.display_path(src_uri)
        try:
            source = self.read_source(src_uri, raw)
        except ContentError as error:
            self.errors.append(error)
            return None
        meta: ArticleMeta | None = None
        if self.is_article(src_uri):
            meta, problems = self._check_meta(source.meta)
            self.errors.extend(
                ContentError(file, source.line_of(key), message, hint)
                for key, message, hint in problems
            )
            if problems:
                meta = None
        if self.renderer is None:
            return None
        try:
            rendered = self.renderer.render(source.body, file=file, line_offset=source.body_offset,
                                            article=source.meta)
        except ContentError as error:
            self.errors.append(error)
            return None
        article = self._article_view(meta, rendered) if meta else None
        self.pages[src_uri] = RenderedPage(src_uri, rendered, article)
        return rendered.text

    def _check_meta(self, data: dict[str, Any]) -> tuple[ArticleMeta, list[tuple[str, str, str]]]:
        meta, problems = validate(data)
        cover = data.get("cover")
        if isinstance(cover, str) and cover and not (self.docs_dir / cover).is_file():
            problems.append(("cover", f"image de couverture introuvable : {cover}",
                             f"le chemin part du dossier {self.docs_dir.name}/, par exemple "
                             "images/mon-article.svg"))
        cta = data.get("cta")
        if isinstance(cta, str) and cta not in self.calls_to_action:
            known = ", ".join(self.calls_to_action) or "aucun"
            problems.append(("cta", f"appel à l’action inconnu « {cta} »",
                             f"appels définis dans mkdocs.yml : {known}"))
        return meta, problems

    def _article_view(self, meta: ArticleMeta, rendered: Rendered) -> ArticleView:
        blocks, sources = derivation.build(rendered.figures, rendered.citations.values())
        words = len(_TAG.sub(" ", rendered.text).split())
        date: dt.date = meta.date
        return ArticleView(
            meta=meta, verdict=VERDICTS[meta.verdict],
            date_text=format_date(date, format="long", locale=LOCALE),
            reading_minutes=max(1, round(words / WORDS_PER_MINUTE)),
            cta=self.calls_to_action.get(meta.cta) if meta.cta else None,
            derivations=blocks, sources=sources,
            hypothesis_count=sum(1 for b in blocks if b.status == "hypothesis"),
        )
