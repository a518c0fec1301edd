"""The search page ``/recherche/``: generated (``site_overrides/vf-search.html``), like the listing
pages, so it is part of the site and not content an editor could break."""

from __future__ import annotations

import json

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

SEARCH_PAGE = "recherche.md"
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
