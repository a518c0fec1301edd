"""Search: the page readers search from, and the index Pagefind builds once every page is written.

The search page ``/recherche/`` is generated (``site_overrides/vf-search.html``), like the listing
pages: it is part of the site, not content an editor could break.

Pagefind reads the built HTML and writes a static, chunked index under ``pagefind/``: a reader's
browser loads only the few chunks a query needs, and only on the search page. Only elements
marked ``data-pagefind-body`` are indexed (the body of each article, in
``site_overrides/article.html``); every other page is left out. (A site without any article
would have none: Pagefind then indexes every page's ``<body>``.) The binary ships in the
``pagefind[bin]`` wheel, runs offline and writes the same bytes for the same pages, so two builds
of one commit stay identical.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files

#: The index's folder in the site, where the search page loads Pagefind from.
BUNDLE_DIR = "pagefind"
#: A bound on a stuck indexer; indexing 1,000 articles takes a few seconds.
TIMEOUT_SECONDS = 600
SEARCH_PAGE = "recherche.md"
_FAILED = "l’index de recherche n’a pas pu être construit"
_SEARCH_PAGE_SOURCE = """---
title: Rechercher dans les articles
description: {description}
template: vf-search.html
hide: [navigation, toc]
---
"""


def add_search_page(files: Files, config: MkDocsConfig) -> None:
    """Add the search page, unless the docs folder has its own."""
    if files.get_file_from_path(SEARCH_PAGE) is None:
        description = json.dumps(f"Rechercher un mot dans tous les articles de {config.site_name}")
        source = _SEARCH_PAGE_SOURCE.format(description=description)  # JSON is YAML
        files.append(File.generated(config, SEARCH_PAGE, content=source))


class SearchIndexError(PluginError):
    """Pagefind could not index the site (a ``PluginError``: MkDocs reports it and fails)."""


def build_search_index(site_dir: Path, language: str) -> None:
    """Index the built site in ``site_dir`` as one ``language`` (French stemming for ``fr``).

    Runs Pagefind's command line with every option given here: from an empty folder, since
    Pagefind reads a ``pagefind.yml`` in its working folder, and without ``PAGEFIND_*`` settings
    from the environment but the binary's path.
    """
    site = site_dir.resolve()
    command = [sys.executable, "-m", "pagefind", "--site", str(site),
               "--output-path", str(site / BUNDLE_DIR), "--force-language", language, "--silent"]
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("PAGEFIND_") or key == "PAGEFIND_BINARY_PATH"}
    with tempfile.TemporaryDirectory(prefix="vf-pagefind-") as empty:
        try:
            result = subprocess.run(command, cwd=empty, env=env, capture_output=True, text=True,
                                    timeout=TIMEOUT_SECONDS, check=False)
        except subprocess.TimeoutExpired as error:
            raise SearchIndexError(f"{_FAILED} : Pagefind n’a pas fini en {TIMEOUT_SECONDS} s") \
                from error
    if result.returncode != 0:
        lines = list(dict.fromkeys((result.stderr or result.stdout).strip().splitlines()))[-4:]
        raise SearchIndexError(f"{_FAILED} : " + ("\n".join(lines) or f"code {result.returncode}"))
