"""``check``: every problem of the content at once, without building the site.

Each page goes through ``Publication.render_page``, exactly as in a build: front matter, slug,
prose rules, raw HTML, every name the Jinja refers to, then the real sandboxed render (units,
division by zero, output size). Only the files MkDocs would refuse to read are caught here first,
with a French message: a file that is not UTF-8 text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import ConfigurationError

from macros.errors import ContentError

from .articles import Publication, binary_file_error
from .plugin import VraiOuFauxPlugin

PLUGIN = "vraioufaux"


class ProjectError(Exception):
    """The project itself cannot be loaded: no check is possible."""

    def __init__(self, error: ContentError) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True)
class CheckResult:
    errors: list[ContentError]
    pages: int
    articles: int
    #: Every page rendered (the figures report and the freshness warnings read it).
    publication: Publication
    plugin: VraiOuFauxPlugin


def load_project(config_file: Path) -> tuple[MkDocsConfig, VraiOuFauxPlugin]:
    """The site's configuration and its plugin, ready to render (``on_config`` has run)."""
    try:
        config = load_config(str(config_file))
    except (ConfigurationError, OSError) as error:
        raise ProjectError(ContentError(str(config_file), None,
                                        f"configuration illisible : {error}",
                                        "ce fichier relève des développeurs")) from error
    plugin = config.plugins.get(PLUGIN)
    if not isinstance(plugin, VraiOuFauxPlugin):
        raise ProjectError(ContentError(str(config_file), None,
                                        f"le plugin « {PLUGIN} » n’est pas activé"))
    plugin.on_config(config)
    return config, plugin


def content_pages(docs_dir: Path) -> list[Path]:
    """The Markdown pages MkDocs would build, in a stable order (hidden files left out)."""
    return sorted(
        path for path in docs_dir.rglob("*.md")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(docs_dir).parts)
    )


def read_page(path: Path, display: str) -> str | ContentError:
    """The text of a page, or the error that says why it is not UTF-8 text."""
    data = path.read_bytes()
    binary = binary_file_error(data, display)
    if binary:
        return binary
    try:
        return data.decode("utf-8-sig")  # what MkDocs reads
    except UnicodeDecodeError as error:
        return ContentError(
            display, data.count(b"\n", 0, error.start) + 1,
            "le fichier n’est pas en UTF-8 (ou ce n’est pas un fichier texte)",
            "enregistrez-le en UTF-8 : dans votre éditeur, « Enregistrer sous… », encodage UTF-8",
        )


def check_project(config_file: Path) -> CheckResult:
    """Render every page of the site as the build would, and collect every problem."""
    config, plugin = load_project(config_file)
    publication: Publication = plugin.publication
    docs_dir = Path(config.docs_dir)
    pages = content_pages(docs_dir)
    articles = 0
    for path in pages:
        src_uri = path.relative_to(docs_dir).as_posix()
        articles += publication.is_article(src_uri)
        text = read_page(path, publication.display_path(src_uri))
        if isinstance(text, ContentError):
            publication.errors.append(text)
        else:
            publication.render_page(src_uri, text)
    return CheckResult(publication.errors, len(pages), articles, publication, plugin)


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count > 1 else ''}"


def format_report(errors: Iterable[ContentError], pages: int, articles: int) -> str:
    """The errors sorted by file and line, then a summary line."""
    ordered = sorted(errors, key=lambda e: (e.file, e.line or 0, e.message))
    checked = f"{_plural(pages, 'page')} vérifiée{'s' if pages > 1 else ''}, " \
              f"dont {_plural(articles, 'article')}"
    if not ordered:
        return f"Tout est bon : {checked}."
    lines = [str(error) for error in ordered]
    lines += ["", f"{_plural(len(ordered), 'erreur')} à corriger ({checked})."]
    return "\n".join(lines)
