"""Generated pages skip Python-Markdown: their template shows everything."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files

from publication.template_page import TemplatePage, make_template_pages


@pytest.fixture
def config(tmp_path: Path) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Essai", "docs_dir": str(tmp_path)})
    errors, _ = config.validate()
    assert not errors
    return config


def generated(config: MkDocsConfig, content: str) -> File:
    file = File("liste/index.md", None, config.site_dir, use_directory_urls=True)
    file.content_string = content
    return file


def test_a_template_page_has_empty_content_and_keeps_its_front_matter(config) -> None:
    file = generated(config, "---\ntitle: Une liste\n---\n")
    make_template_pages([file], config)
    page = file.page
    assert isinstance(page, TemplatePage)
    page.read_source(config)
    page.render(config, Files([file]))
    assert page.content == "" and page.title == "Une liste" and not page.toc.items


def test_a_template_page_refuses_markdown_it_would_drop(config) -> None:
    file = generated(config, "# Un titre\n\nDu texte.\n")
    make_template_pages([file], config)
    file.page.read_source(config)
    with pytest.raises(RuntimeError, match="has Markdown"):
        file.page.render(config, Files([file]))
