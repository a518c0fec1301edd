"""Generated pages: one ``PageKind`` per kind, and only ours skip Python-Markdown."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping
from pathlib import Path
from typing import Any

import pytest
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from calculators.loading import DATA_DIR
from publication.pipeline import Publication
from publication.site.pages import GeneratedPage, GeneratedPages, PageKind, SiteBuild
from publication.views.metadata import Site
from tests.helpers import ROOT, build, soup


@pytest.fixture
def config(tmp_path: Path) -> MkDocsConfig:
    config = MkDocsConfig()
    config.load_dict({"site_name": "Essai", "docs_dir": str(tmp_path)})
    errors, _ = config.validate()
    assert not errors
    config.plugins._current_plugin = "vraioufaux"  # as MkDocs sets it while a plugin runs
    return config


@pytest.fixture
def site_build(tmp_path: Path) -> SiteBuild:
    publication = Publication(tmp_path, "mythes", {}, ROOT, DATA_DIR)
    return SiteBuild(Site("Essai", "", "", tmp_path), publication, [])


class Glossary(PageKind):
    """A fourth kind, as a developer would add one: a class, and a template."""

    template = "vf-glossaire.html"

    def src_uris(self) -> Iterable[str]:
        return ("glossaire.md",)

    def title(self, src_uri: str) -> str:
        return "Glossaire"

    def context(self, page: Page) -> dict[str, Any]:
        return {"vf_glossary": ["CO₂e"]}

    def preview_key(self, src_uri: str, versions: Mapping[str, str]) -> Hashable:
        return src_uri


def test_a_new_kind_is_one_class(config: MkDocsConfig, site_build: SiteBuild) -> None:
    files = Files([])
    kind = Glossary(site_build)
    kind.generate(files, config)
    file = files.get_file_from_path("glossaire.md")
    assert file is not None and isinstance(file.page, GeneratedPage) and file.page.kind is kind
    assert kind.meta("glossaire.md") == {"template": "vf-glossaire.html", "title": "Glossaire",
                                        "hide": ["navigation", "toc"]}
    assert file.url == "glossaire/"


def test_a_generated_page_has_empty_content(config: MkDocsConfig, site_build: SiteBuild) -> None:
    files = Files([])
    Glossary(site_build).generate(files, config)
    page = files.get_file_from_path("glossaire.md").page
    page.read_source(config)
    page.render(config, files)
    assert page.content == "" and not page.toc.items


def test_a_generated_page_refuses_markdown_it_would_drop(config: MkDocsConfig,
                                                         site_build: SiteBuild) -> None:
    files = Files([])
    Glossary(site_build).generate(files, config)
    page = files.get_file_from_path("glossaire.md").page
    page.markdown = "# Un titre\n\nDu texte.\n"
    with pytest.raises(RuntimeError, match="has Markdown"):
        page.render(config, files)


def test_a_content_file_at_a_generated_path_is_left_alone_unless_adopted(
        config: MkDocsConfig, site_build: SiteBuild) -> None:
    existing = File("glossaire.md", str(config.docs_dir), config.site_dir, True)
    files = Files([existing])
    kind = Glossary(site_build)
    kind.generate(files, config)
    assert files.get_file_from_path("glossaire.md") is existing and existing.page is None
    assert kind.owned == set()


def test_other_files_get_no_page_of_ours(config: MkDocsConfig, site_build: SiteBuild) -> None:
    foreign = File.generated(config, "ailleurs.md", content="# Ailleurs\n")
    files = Files([foreign])
    pages = GeneratedPages(site_build)
    pages.generate(files, config)
    assert foreign.page is None
    assert pages.owner("ailleurs.md") is None
    assert pages.owner("recherche.md") is not None


HOOK = '''
from mkdocs.structure.files import File


def on_files(files, config):
    files.append(File.generated(config, "annexe.md", content="# Annexe\\n\\nUn texte d’annexe.\\n"))
    return files
'''


def test_another_plugins_generated_page_keeps_its_markdown(
        make_project: Callable[..., Path]) -> None:
    """Only our page kinds skip Markdown: a page another plugin (here, a hook) generates is
    rendered like any page."""
    project = make_project()
    (project / "annexe_hook.py").write_text(HOOK, encoding="utf-8")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8") + "\nhooks:\n  - annexe_hook.py\n",
                      encoding="utf-8")
    site = build(project)
    assert "Un texte d’annexe." in soup(site / "annexe" / "index.html").get_text()
