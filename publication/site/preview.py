"""The editor's preview (``make serve``): after an edit, rebuild only what the edit touches.

``mkdocs serve --dirty`` renders again only the pages whose source file changed, plus every
generated page. Alone, that leaves the listing pages without the articles it did not render,
and rebuilds hundreds of listing pages for one edit. Our plugin object lives as long as the
server (it has ``on_startup``), so ``Preview`` keeps, from each build to the next, all the state
the preview needs (``PreviewMemory``):

- an article that was not rendered again keeps its ``RenderedPage`` from the previous build, and
  with it the work derived from it (its body text for search, its figures report lines), so
  cards, the figures report, the feed and the index still cover every article;
- a generated page whose content key (``PageKind.preview_key``) is unchanged is left out of the
  build: its file from the previous build is still served;
- an article whose related articles changed is rendered again (its output is removed, so
  MkDocs sees it out of date);
- any change to the parameters and sources, the configuration or the theme rebuilds everything;
- the search index is written in the background once the build has returned, so the edited
  page is served at once and its words are searchable a moment later.

Only builds into the folder the server serves are previews: a plain build (``make site``, or a
build of another folder in the same process) never uses any of this.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Callable, Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.utils import clean_directory

from publication.pipeline import Publication, RenderedPage
from publication.views.listing import Listing

log = logging.getLogger(f"mkdocs.plugins.{__name__}")

#: MkDocs warns on every dirty build; strict mode would turn that into an abort. The preview
#: rebuilds what each edit touches, so the warning does not apply and is filtered out.
_DIRTY_WARNING = "A 'dirty' build is being performed"


def digest(text: str | bytes) -> str:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def fingerprint(paths: Iterable[Path]) -> str:
    """One digest of every file under ``paths`` (files or folders): names and contents."""
    hasher = hashlib.blake2b(digest_size=16)
    for root in paths:
        files = sorted(p for p in root.rglob("*") if p.is_file()) if root.is_dir() else [root]
        for path in files:
            if path.is_file():
                hasher.update(str(path).encode("utf-8") + b"\0" + path.read_bytes() + b"\0")
    return hasher.hexdigest()


def versions(articles: Mapping[str, str]) -> dict[str, str]:
    """Each article's version: a digest of its text."""
    return {uri: digest(text) for uri, text in articles.items()}


def related_keys(listing: Listing, versions: Mapping[str, str]) -> dict[str, Hashable]:
    """The related articles each article shows, with their versions."""
    return {uri: tuple((e.src_uri, versions.get(e.src_uri)) for e in listing.related(uri))
            for uri in versions}


@dataclass
class PreviewMemory:
    """What one preview build leaves for the next."""

    inputs: str
    versions: dict[str, str] = field(default_factory=dict)
    pages: dict[str, RenderedPage] = field(default_factory=dict)
    generated: dict[str, Hashable] = field(default_factory=dict)
    related: dict[str, Hashable] = field(default_factory=dict)


class _DropDirtyWarning(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return not record.getMessage().startswith(_DIRTY_WARNING)


#: One filter for every session: a logger does not add the same filter twice.
_DROP_DIRTY_WARNING = _DropDirtyWarning()


class Preview:
    """The state of one ``mkdocs serve --dirty`` session, across its builds."""

    def __init__(self) -> None:
        #: The folder the server serves, set by its first build.
        self.site_dir: str | None = None
        self.memory: PreviewMemory | None = None
        self.current: PreviewMemory | None = None
        #: The previous build's publication: its parsed front matter is reused.
        self.publication: Publication | None = None
        #: The articles this build carries over from the previous one, without rendering them.
        self.carried: frozenset[str] = frozenset()
        self._indexing: threading.Thread | None = None
        #: The freshness notes already shown in this session (``once``).
        self._noted: set[str] = set()
        logging.getLogger("mkdocs.commands.build").addFilter(_DROP_DIRTY_WARNING)

    def serves(self, site_dir: str | None) -> bool:
        """Whether ``site_dir`` is the folder the server serves."""
        return self.site_dir is not None and site_dir == self.site_dir

    def once(self, notes: Iterable[str]) -> list[str]:
        """The ``notes`` not yet shown in this session: an editor reads each freshness note
        once, not after every save."""
        fresh = [note for note in dict.fromkeys(notes) if note not in self._noted]
        self._noted.update(fresh)
        return fresh

    def begin(self, config: MkDocsConfig, data_dir: Path, publication: Publication) -> bool:
        """Begin a build (``on_pre_build``); False when it is not a preview build.

        Waits for the previous build's search index; then reuses what the previous build
        parsed, or, when the parameters, configuration or theme changed (or on the first
        build), empties the served folder so that everything is built again.
        """
        self.site_dir = self.site_dir or config.site_dir
        if config.site_dir != self.site_dir:
            return False
        self.wait_for_index()
        theme = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        inputs = fingerprint([Path(config.config_file_path), data_dir, *theme])
        self.current = PreviewMemory(inputs)
        self.carried = frozenset()
        if self.memory is not None and self.memory.inputs == inputs:
            publication.reuse_parsed(self.publication)
        else:
            self.memory = None
            clean_directory(config.site_dir)
        self.publication = publication
        return True

    def select(self, files: Files, versions: Mapping[str, str],
               page_keys: Mapping[str, Hashable], related: Mapping[str, Hashable]
               ) -> dict[str, RenderedPage]:
        """Prepare this build from each article's version, the content key of each generated
        page and each article's related articles. Leaves out the generated pages that are
        unchanged, marks out of date the other pages that changed, and returns the rendered
        articles to carry over: every other article is rendered again."""
        current = self.current
        assert current is not None, "begin() comes first"
        current.versions = dict(versions)
        current.generated = dict(page_keys)
        current.related = dict(related)
        previous = self.memory
        if previous is None:
            return {}
        for uri, key in page_keys.items():
            file = files.get_file_from_path(uri)
            if file is None:
                continue
            same = previous.generated.get(uri) == key and Path(file.abs_dest_path).is_file()
            if same and file.generated_by:
                files.remove(file)
            elif not same:
                _make_stale(file)
        carried = {}
        for uri, version in versions.items():
            if (previous.versions.get(uri) == version and uri in previous.pages
                    and previous.related.get(uri) == related.get(uri)):
                carried[uri] = previous.pages[uri]
            else:
                _make_stale(files.get_file_from_path(uri))
        self.carried = frozenset(carried)
        return carried

    def index_later(self, write: Callable[[], None]) -> None:
        """Run ``write`` (the search index) after the build returns, in a thread of its own."""
        self.wait_for_index()
        self._indexing = threading.Thread(target=_write_index, args=(write,), daemon=True,
                                          name="vf-preview-search-index")
        self._indexing.start()

    def wait_for_index(self) -> None:
        """Wait for the index being written, if any (before a build, or when the server stops)."""
        if self._indexing is not None:
            self._indexing.join()
            self._indexing = None

    def finish(self, pages: Mapping[str, RenderedPage]) -> None:
        """The build succeeded: remember it for the next one."""
        if self.current is not None:
            known = self.current.versions
            self.current.pages = {uri: page for uri, page in pages.items() if uri in known}
            self.memory, self.current = self.current, None


def _write_index(write: Callable[[], None]) -> None:
    try:
        write()
    except Exception:  # a thread's error would otherwise go unseen
        log.exception("L’index de recherche de l’aperçu n’a pas pu être écrit.")


def _make_stale(file: File | None) -> None:
    """Remove a page's output, so that MkDocs' dirty build renders it again."""
    if file is not None:
        Path(file.abs_dest_path).unlink(missing_ok=True)
