"""``Project.load(config_file)``: the site's configuration, read the same way by the MkDocs plugin
and by the command line, without loading MkDocs' plugins.

``mkdocs.yml`` is read with a safe YAML loader: MkDocs' own tags are understood where they name a
value we need (``!ENV``) and ignored elsewhere (a ``!!python/…`` tag is never run here). The
plugin's options are validated by ``settings.PublicationConfig``, as MkDocs validates them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from calculators.loading import DATA_DIR
from publication.model.content_files import scan
from publication.pipeline import Publication, binary_file_error
from publication.settings import PLUGIN_NAME, PublicationConfig
from vocabulary.errors import ContentError, ContentErrors

_DEVELOPERS = "ce fichier relève des développeurs"


class _ConfigLoader(yaml.SafeLoader):
    """A safe loader that reads ``!ENV`` and ignores every other tag MkDocs' files may hold."""


def _env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """``!ENV NAME`` or ``!ENV [NAME, …, default]``: the first variable set, else the default."""
    if isinstance(node, yaml.ScalarNode):
        return os.environ.get(str(loader.construct_scalar(node)))
    names = loader.construct_sequence(node)  # type: ignore[arg-type]
    for name in names[:-1]:
        if name in os.environ:
            return os.environ[name]
    return names[-1] if names else None


def _ignored(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> None:
    return None


_ConfigLoader.add_constructor("!ENV", _env)
_ConfigLoader.add_multi_constructor("", _ignored)


def _plugin_options(plugins: Any) -> dict[str, Any] | None:
    """Our plugin's options from the ``plugins`` list, or None when it is not enabled."""
    for item in plugins or ():
        if item == PLUGIN_NAME:
            return {}
        if isinstance(item, dict) and PLUGIN_NAME in item:
            return dict(item[PLUGIN_NAME] or {})
    return None


@dataclass(frozen=True)
class Project:
    """Where the content is and how the plugin is configured."""

    config_file: Path
    root: Path
    docs_dir: Path
    options: PublicationConfig

    @classmethod
    def load(cls, config_file: Path) -> Project:
        """Read ``config_file``; raise a ``ContentError`` saying why it cannot be used."""
        shown = str(config_file)
        try:
            raw = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_ConfigLoader)
        except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
            raise ContentError(shown, None, f"configuration illisible : {error}",
                               _DEVELOPERS) from error
        if not isinstance(raw, dict):
            raise ContentError(shown, 1, "configuration illisible : ce n’est pas un dictionnaire",
                               _DEVELOPERS)
        options = _plugin_options(raw.get("plugins"))
        if options is None:
            raise ContentError(shown, None, f"le plugin « {PLUGIN_NAME} » n’est pas activé",
                               _DEVELOPERS)
        config = PublicationConfig(config_file_path=str(config_file))
        config.load_dict(options)
        failed, _ = config.validate()
        if failed:
            problems = "; ".join(f"{key} : {error}" for key, error in failed)
            raise ContentError(shown, None, f"options du plugin invalides ({problems})",
                               _DEVELOPERS)
        root = config_file.resolve().parent
        return cls(config_file, root, root / str(raw.get("docs_dir") or "docs"), config)

    @property
    def data_dir(self) -> Path:
        """The parameters and sources: the configured folder, or the calculators' own data."""
        return Path(self.options.data_dir) if self.options.data_dir else DATA_DIR

    def publication(self) -> Publication:
        """A ``Publication`` for this project, ready to render its pages."""
        return Publication(self.docs_dir, self.options.articles_dir, self.options.calls(),
                           self.root, self.data_dir)

    def render_all(self) -> Rendering:
        """Every page rendered as a build renders it, without HTML; every problem collected.

        The content folder is read as the build reads it (``content_files.scan``, following no
        link): a link or a special file stops here too, before any page is read.
        """
        publication = self.publication()
        content = scan(self.docs_dir, publication.display_path)
        publication.errors.extend(content.errors)
        if content.dangerous:
            return Rendering(publication, 0, 0)
        articles = 0
        for src_uri in content.pages:
            articles += publication.is_article(src_uri)
            path = self.docs_dir / src_uri
            text = read_page(path, publication.display_path(src_uri))
            if isinstance(text, ContentError):
                publication.errors.append(text)
            else:
                publication.render_page(src_uri, text)
        return Rendering(publication, len(content.pages), articles)

    def render_valid(self) -> Publication:
        """Every page rendered (``render_all``); raises ``ContentErrors`` if any has a problem."""
        rendering = self.render_all()
        if rendering.errors:
            raise ContentErrors(rendering.errors)
        return rendering.publication


@dataclass(frozen=True)
class Rendering:
    """The outcome of ``Project.render_all``."""

    publication: Publication
    pages: int
    articles: int

    @property
    def errors(self) -> list[ContentError]:
        return self.publication.errors


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
