"""``Publication``: render the pages of one build and collect every error.

Every page goes through ``render_page``, in a build (the MkDocs plugin) and in the commands that
need no HTML (``figures``, ``freshness``): front matter, slug, prose rules, raw HTML, every name
the Jinja refers to, then the real sandboxed render (units, division by zero, output size). No
MkDocs here: the plugin and the command line hand it page texts.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from markupsafe import Markup

from calculators import Catalog
from calculators.comparisons import CheckedAssertion
from macros.render import Rendered, Renderer, page_errors
from macros.toolbox import Toolbox
from publication.checks import body as body_checks
from publication.checks.assertions import check_assertions
from publication.checks.markdown_bounds import markdown_bounds
from publication.checks.output_html import sanitise
from publication.checks.prose import typed_figures
from publication.checks.qualifiers import doubled_qualifiers
from publication.model.frontmatter import SourceFile, split
from publication.model.paths import CALCUL_FOLDER, IMAGE_SUFFIXES, article_slug
from publication.model.schema import ArticleMeta, PageMeta, Place, usable, validate
from publication.model.slugs import slug_problem, slugify
from publication.views.article import ArticleView, CallToAction, article_view
from vocabulary.errors import ContentError
from vocabulary.french import french_spacing
from vocabulary.hints import ADD_SOURCE, suggest

#: Front-matter texts readers see outside the article, which cannot hold a computed figure.
#: (The title and the claim quote the myth: they may.)
FIGURE_FREE_FIELDS = ("description", "cover_alt", "verdict_label")

#: An article's front-matter problems: (field or path to a list's item, message, hint).
MetaProblems = list[tuple[Place, str, str]]


@dataclass
class RenderedPage:
    """A page rendered by a build, and the work derived from it, kept with it so that a preview
    which carries the page over to its next build reuses that work too."""

    src_uri: str
    rendered: Rendered
    article: ArticleView | None
    #: The text readers see in the page's body, once Markdown has run (for the search index).
    body_text: str | None = None
    #: The page's entries in the figures report, and their JSON lines (``figures.report``).
    report_entries: list[dict[str, Any]] | None = None
    report_lines: list[str] | None = None


_LITERAL = re.compile(r"(\{\{.*?\}\}|\{%.*?%\})", re.S)
_TAG = re.compile(r"(<[^>]*>)")


def escape_literal_text(template: str) -> str:
    """A front-matter text to render as HTML (« En bref »): its text escaped, its Jinja kept.
    (``schema.Summary`` already refuses ``<`` and ``>`` outside the calls.)"""
    parts = _LITERAL.split(template)
    return "".join(part if index % 2 else escape(part, quote=False)
                   for index, part in enumerate(parts))


def summary_html(html: str) -> Markup:
    """« En bref » as the page shows it: cleaned by the allow-list, its text spaced the French
    way (the figure links' tags left alone)."""
    clean = sanitise(html).html
    return Markup("".join(part if index % 2 else french_spacing(part)
                          for index, part in enumerate(_TAG.split(clean))))


def merged(body: Rendered, summary: Rendered) -> Rendered:
    """The body's figures and citations, then those only « En bref » shows: each has its
    derivation and its source listed like the body's. The body's charts stay the body's."""
    return Rendered(body.text, {**body.figures, **summary.figures},
                    {**body.units, **summary.units}, {**body.citations, **summary.citations},
                    body.blocks, {**body.formats, **summary.formats})


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
    """One page text, parsed once; its front matter checked once, on first demand."""

    raw: str
    source: SourceFile
    checked: tuple[ArticleMeta, MetaProblems] | None = None


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
        #: Where each article's figures link to, relative to the article (its calcul page);
        #: without one, to blocks on the article itself.
        self.derivation_urls: dict[str, str] = {}
        self._parsed_pages: dict[str, _Parsed] = {}
        catalog, data_errors = Catalog.load_valid(data_dir, project_root)
        self.errors.extend(data_errors)
        self.renderer = Renderer(Toolbox(catalog))

    @property
    def catalog(self) -> Catalog:
        """The catalog pages are rendered with; empty when it failed to load (``errors`` says
        why)."""
        return self.renderer.toolbox.catalog if self.renderer else Catalog({}, {})

    def display_path(self, src_uri: str) -> str:
        """A page's path as editors read it in messages: from the project's root."""
        path = self.docs_dir / src_uri
        try:
            return str(path.relative_to(self.project_root))
        except ValueError:
            return str(path)

    def is_article(self, src_uri: str) -> bool:
        return src_uri.startswith(self.articles_dir + "/") and src_uri.endswith(".md")

    def reuse_parsed(self, previous: Publication | None) -> None:
        """Start from ``previous``'s parsed and checked front matter (same configuration: the
        preview), still checked against each file's text."""
        if previous is not None:
            self._parsed_pages.update(previous._parsed_pages)

    def _parsed(self, src_uri: str, raw: str) -> _Parsed:
        cached = self._parsed_pages.get(src_uri)
        if cached is not None and cached.raw == raw:
            return cached
        parsed = _Parsed(raw, split(raw, self.display_path(src_uri)))
        self._parsed_pages[src_uri] = parsed
        return parsed

    def checked_meta(self, src_uri: str, raw: str) -> tuple[ArticleMeta, MetaProblems]:
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
            source = self._parsed(src_uri, raw).source
        except ContentError as error:
            self.errors.append(error)
            return None
        meta: ArticleMeta | None = None
        # « En bref » and the checked sentences are judged whenever they are valid themselves,
        # whatever the rest of the front matter and the body: every error of a run at once.
        summary_text: str | None = None
        assertions: list[Any] = []
        if self.is_article(src_uri):
            self._check_slug(src_uri, file)
            meta, problems = self.checked_meta(src_uri, raw)
            self.errors.extend(
                ContentError(file, source.line_of(key), message, hint)
                for key, message, hint in problems
            )
            summary_text = usable(meta, problems, "summary")
            assertions = usable(meta, problems, "assertions") or []
            if problems:
                meta = None
        elif source.meta:  # a page such as « Notre méthode »: its own, shorter front matter
            _, page_problems = validate(source.meta, PageMeta)
            self.errors.extend(ContentError(file, source.line_of(key), message, hint)
                               for key, message, hint in page_problems)
        typed = body_checks.prose_problems(source.body, file, source.body_offset)
        self.errors.extend(typed)
        # Checked before the body renders, and whether it does: every error of a run at once.
        checked = self._check_assertions(assertions, raw, source, file)
        try:
            rendered = self.renderer.render(
                source.body, file=file, line_offset=source.body_offset, article=source.meta,
                derivations_url=self.derivation_urls.get(src_uri, ""))
        except ContentError as error:
            # The render reports every failing call, but stops at a statement that fails
            # (``{% if inconnu %}``): list every unknown name of the page as well.
            unknown = body_checks.jinja_problems(source.body, file, source.body_offset,
                                                 self.renderer)
            self.errors.extend(unknown)
            named = {e.line for e in unknown}
            self.errors.extend(e for e in page_errors(error)
                               if e.line not in named)  # else: the same mistake
            if summary_text is not None:  # « En bref »'s own errors, in the same run
                self._render_summary(src_uri, summary_text, source, file, frozenset())
            return None
        bounds = markdown_bounds(rendered.text)
        if bounds:
            self.errors.extend(
                ContentError(file, e.line + source.body_offset if e.line else None, e.message,
                             e.hint) for e in bounds)
            if summary_text is not None:
                self._render_summary(src_uri, summary_text, source, file, frozenset())
            return None
        # Judged on the rendered text, where each figure shows its own rounding word.
        self.errors.extend(ContentError(file, (e.line or 1) + source.body_offset, e.message,
                                        e.hint) for e in doubled_qualifiers(rendered.text))
        view = None
        if meta is None and summary_text is not None:  # its errors, with the front matter's
            self._render_summary(src_uri, summary_text, source, file,
                                 frozenset(rendered.figures))
        if meta is not None:
            summary = self._render_summary(src_uri, meta.summary, source, file,
                                           frozenset(rendered.figures))
            if summary is None:
                return None
            rendered = merged(rendered, summary)
            view = article_view(meta, rendered, self.calls_to_action, checked,
                                summary_html(summary.text),
                                self.catalog.sources.get(meta.based_on or ""))
        self.pages[src_uri] = RenderedPage(src_uri, rendered, view)
        return rendered.text

    def _check_assertions(self, assertions: list[Any], raw: str, source: SourceFile,
                          file: str) -> list[CheckedAssertion]:
        """The article's checked sentences that hold; an error for each that does not."""
        if not assertions:
            return []
        checked, unsupported = check_assertions(
            assertions, raw, source, file, self.renderer.toolbox.parameters.resolve,
            self.catalog.names)
        self.errors.extend(unsupported)
        return checked

    def _render_summary(self, src_uri: str, summary: str, source: SourceFile, file: str,
                        in_body: frozenset[str]) -> Rendered | None:
        """« En bref » rendered by the body's renderer, or None after recording its errors,
        each at the line of ``summary:`` (YAML folds the text: its own lines are gone). The
        body keeps the ids its figures' derivations link back to; a figure only « En bref »
        shows gets its id there."""
        line = source.line_of("summary")

        def at_summary(errors: list[ContentError]) -> list[ContentError]:
            return [ContentError(file, line, f"« summary » : {e.message}", e.hint, e.key)
                    for e in errors]

        problems = at_summary(body_checks.prose_problems(summary, file, 0))
        if problems:
            self.errors.extend(problems)
            return None
        try:
            rendered = self.renderer.render(
                escape_literal_text(summary), file=file, article=source.meta,
                derivations_url=self.derivation_urls.get(src_uri, ""), anchored=in_body)
        except ContentError as error:
            unknown = body_checks.jinja_problems(summary, file, 0, self.renderer)
            named = {e.message for e in unknown}
            self.errors.extend(at_summary(
                [*unknown, *(e for e in page_errors(error) if e.message not in named)]))
            return None
        problems = at_summary([*doubled_qualifiers(rendered.text)])
        if rendered.blocks:
            problems.append(ContentError(
                file, line, "« summary » : pas de graphique dans « En bref »",
                "placez le graphique dans le texte de l’article, sur un paragraphe à lui"))
        clean = sanitise(rendered.text)
        problems += at_summary([ContentError(file, None, f.message, f.hint)
                                for f in clean.findings])
        if problems:
            self.errors.extend(problems)
            return None
        return rendered

    def _check_slug(self, src_uri: str, file: str) -> None:
        slug = article_slug(src_uri)
        problem = slug_problem(slug)
        if problem:
            hint = ("choisissez un autre nom de fichier" if slug == CALCUL_FOLDER else
                    f"renommez le fichier, par exemple {slugify(slug) or 'mon-mythe'}.md")
            self.errors.append(ContentError(file, 1, problem, hint))
        elif self.slugs.setdefault(slug, file) != file:
            # The first path in alphabetical order keeps the slug, whatever the order of
            # rendering: the error lands on the same file in a build and in every command.
            owner, other = sorted((self.slugs[slug], file))
            self.slugs[slug] = owner
            self.errors.append(ContentError(
                other, 1, f"slug « {slug} » déjà pris par {owner}",
                "deux articles ne peuvent pas avoir le même nom de fichier : renommez celui-ci"))

    def _check_meta(self, data: dict[str, Any]) -> tuple[ArticleMeta, MetaProblems]:
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
        sources = self.renderer.toolbox.catalog.sources
        if isinstance(based_on, str) and based_on not in sources:
            problems.append(("based_on", f"source inconnue « {based_on} »",
                             suggest(based_on, sources) or ADD_SOURCE))
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
