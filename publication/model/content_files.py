"""What the content folder may hold: Markdown pages, and images under ``images/``. Nothing else.

Everything under ``content/`` comes from pull requests, and MkDocs copies every file of the
folder into the site, follows symbolic links (to ``/etc/passwd``, ``/proc/self/environ`` or
``/dev/zero``), walks linked folders, and lets a file replace a theme asset or a file the build
writes (a script under ``assets/``, the search index under ``search/``). So the build looks at
the folder itself before MkDocs does, without following any link, and refuses:

- links and special files (devices, pipes, sockets): ``dangerous``, the build stops at once;
- any file that is neither a page (``.md``) nor an image under ``images/``;
- pages where the theme or the build write (``RESERVED_FOLDERS``, ``RESERVED_PAGES``);
- files too large for a page or an image, and folders too deep or too full to be content;
- SVG images that are more than drawing (``publication.model.svg``).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from publication.model.paths import IMAGE_SUFFIXES
from publication.model.svg import svg_problems
from vocabulary.errors import ContentError
from vocabulary.french import NARROW_NBSP, grouped

IMAGE_FOLDER = "images"
PAGE_SUFFIX = ".md"
#: Folders of the site the theme or the build write: assets, the search index, the listing.
RESERVED_FOLDERS = frozenset({"assets", "search", "categories", "etiquettes", "page"})
#: Pages the build writes itself (``404.md`` would become ``404.html``, the theme's).
RESERVED_PAGES = frozenset({"404.md", "recherche.md"})
MAX_PAGE_BYTES = 200_000
MAX_IMAGE_BYTES = 2_000_000
MAX_DEPTH = 6
MAX_ENTRIES = 20_000
_PLACES = ("les pages .md, et les images (.png, .jpg, .webp, .avif, .gif, .svg) dans "
           "content/images/")


@dataclass
class ContentFiles:
    """The outcome of looking at the content folder."""

    #: Problems that make it unsafe to let MkDocs walk the folder (links, special files).
    dangerous: list[ContentError] = field(default_factory=list)
    #: Every other refusal; the build goes on to report page errors too, without these files.
    refused: list[ContentError] = field(default_factory=list)
    #: The refused files, by path relative to the folder (``/`` separators).
    refused_paths: set[str] = field(default_factory=set)
    #: The pages the build will render, by path relative to the folder, in a stable order.
    pages: list[str] = field(default_factory=list)

    @property
    def errors(self) -> list[ContentError]:
        return [*self.dangerous, *self.refused]


def scan(docs_dir: Path, display: Callable[[str], str]) -> ContentFiles:
    """Look at every entry under ``docs_dir`` without following links; ``display`` writes a
    relative path as editors read it."""
    found = ContentFiles()
    stack: list[tuple[Path, int]] = [(docs_dir, 0)]
    count = 0
    while stack:
        folder, depth = stack.pop()
        with os.scandir(folder) as entries:
            for entry in sorted(entries, key=lambda e: e.name):
                count += 1
                relative = Path(entry.path).relative_to(docs_dir).as_posix()
                shown = display(relative)
                if count > MAX_ENTRIES:
                    found.dangerous.append(ContentError(
                        shown, None, f"plus de {grouped(MAX_ENTRIES)} fichiers dans le contenu",
                        "le contenu ne contient que des articles et leurs images"))
                    return found
                mode = entry.stat(follow_symlinks=False).st_mode
                if stat.S_ISDIR(mode) and depth < MAX_DEPTH:
                    stack.append((Path(entry.path), depth + 1))
                elif stat.S_ISREG(mode):
                    problems = file_problems(relative, Path(entry.path), shown)
                    found.refused += problems
                    if problems:
                        found.refused_paths.add(relative)
                    elif _is_page(relative):
                        found.pages.append(relative)
                else:
                    found.dangerous.append(ContentError(shown, None, *_DANGERS[_kind(mode)]))
    found.pages.sort()
    return found


def _is_page(relative: str) -> bool:
    """A Markdown page MkDocs builds (hidden files and folders are left out)."""
    parts = PurePosixPath(relative).parts
    return relative.lower().endswith(PAGE_SUFFIX) and not any(p.startswith(".") for p in parts)


def _kind(mode: int) -> str:
    if stat.S_ISLNK(mode):
        return "link"
    return "deep" if stat.S_ISDIR(mode) else "special"


_DANGERS = {
    "link": ("lien symbolique refusé",
             "remplacez le lien par le fichier lui-même (une page ou une image)"),
    "deep": (f"dossier trop profond ({MAX_DEPTH} niveaux au plus)",
             "rangez les pages et les images moins profondément"),
    "special": ("fichier spécial refusé (périphérique, tube ou socket)",
                f"le contenu ne contient que {_PLACES}"),
}


def file_problems(relative: str, path: Path, shown: str) -> list[ContentError]:
    """Why a regular file of the content folder may not be published, if it may not."""
    parts = PurePosixPath(relative).parts
    name = parts[-1]
    if name.startswith(".") or any(part.startswith(".") for part in parts):
        return []  # hidden: MkDocs leaves it out
    suffix = PurePosixPath(name).suffix.lower()
    size = path.stat().st_size
    if suffix == PAGE_SUFFIX:
        if parts[0] in RESERVED_FOLDERS or relative in RESERVED_PAGES:
            return [ContentError(shown, None, "emplacement réservé au site : ce chemin est "
                                 "écrit par le thème ou par la construction",
                                 "déplacez la page, par exemple dans content/mythes/")]
        if size > MAX_PAGE_BYTES:
            return [ContentError(shown, None, f"page trop longue ({grouped(size)} octets, "
                                 f"{grouped(MAX_PAGE_BYTES)} au plus)", "découpez-la en plusieurs "
                                 "articles")]
        return []
    if suffix in IMAGE_SUFFIXES and parts[0] == IMAGE_FOLDER:
        if size > MAX_IMAGE_BYTES:
            return [ContentError(shown, None, f"image trop lourde ({grouped(size)} octets, "
                                 f"{grouped(MAX_IMAGE_BYTES)} au plus)",
                                 f"réduisez-la : 1{NARROW_NBSP}200 pixels de large suffisent")]
        if suffix == ".svg":
            return svg_problems(path.read_bytes(), shown)
        return []
    return [ContentError(shown, None, "fichier non autorisé dans le dossier de contenu",
                         f"le contenu ne contient que {_PLACES}")]
